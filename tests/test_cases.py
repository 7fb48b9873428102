"""The shared case table, run in CPython and through the command line."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from calc import evaluate, get
from calc.limits_file import read_limits_file
from tests.cases import all_cases

ROOT = Path(__file__).resolve().parent.parent
LIMITS = read_limits_file(ROOT / "content" / "limits.yaml")
CASES = all_cases()


def check(case, document):
    """Assert a JSON document of the CLI contract matches the case."""
    if case.errors:
        assert sorted(document["errors"]) == sorted(case.errors)
        assert document["outputs"] == {}
        return
    assert document["errors"] == {}
    for name, expected in case.outputs.items():
        assert document["outputs"][name] == expected, name


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case_in_cpython(case):
    evaluation = evaluate(get(case.calculator), case.inputs, LIMITS)
    check(case, evaluation.to_json_dict())


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case_through_cli(case):
    args = [f"{k}={v}" for k, v in case.inputs.items()]
    run = subprocess.run(
        [sys.executable, "-m", "calc", case.calculator, *args], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == (2 if case.errors else 0), run.stderr
    check(case, json.loads(run.stdout))
