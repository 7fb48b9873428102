"""What the property tests of every calculator share: the repo's limits, Hypothesis settings,
and the result of inputs generated to be valid."""

from __future__ import annotations

from hypothesis import settings

from calc import evaluate
from calc.limits_file import read_limits_file
from calc.model import Calculator, Result
from tests.helpers import ROOT

LIMITS = read_limits_file(ROOT / "content" / "limits.yaml")
FAST = settings(max_examples=200, deadline=None)


def valid_result(calculator: Calculator, values: dict[str, str]) -> Result:
    """The Result for generated inputs that must all be valid; the field errors fail the test
    otherwise."""
    evaluation = evaluate(calculator, values, LIMITS)
    assert evaluation.valid, evaluation.errors
    return evaluation.result
