"""The worker's entry point: the browser sends text inputs, gets HTML and errors back.

Called from templates/static/calc-worker.js inside Pyodide. The HTML comes
from calc.render, the same function the build uses to prerender pages.
"""

from __future__ import annotations

import datetime
import json

from .evaluate import evaluate
from .limits import Limits
from .limits_file import limits_from_json
from .registry import CALCULATORS
from .render import render_results

_limits: Limits | None = None
_base_path = "/"


def configure(limits_json: str, base_path: str) -> None:
    """Load the limits once per worker."""
    global _limits, _base_path
    _limits = limits_from_json(limits_json)
    _base_path = base_path


def fix_summary(evaluation) -> str:
    """The answer while inputs are invalid: which fields to fix, by their labels, in the form's
    order."""
    labels = [f.label for f in evaluation.calculator.fields if f.name in evaluation.errors]
    if len(labels) == 1:
        return f"To see the results, fix {labels[0]}."
    return f"To see the results, fix {len(labels)} fields: {'; '.join(labels)}."


def compute_json(calculator_id: str, inputs_json: str, today: str) -> str:
    """Evaluate one calculator on the reader's today (YYYY-MM-DD); returns the reply as JSON:
    protocol.REPLY_FIELDS."""
    calculator = CALCULATORS[calculator_id]
    raw = json.loads(inputs_json)
    evaluation = evaluate(
        calculator, {k: str(v) for k, v in raw.items()}, _limits, datetime.date.fromisoformat(today)
    )
    return json.dumps(
        {
            "state": "live" if evaluation.valid else "invalid",
            "html": render_results(evaluation, _base_path),
            "summary": evaluation.result.summary if evaluation.result else fix_summary(evaluation),
            "errors": evaluation.errors,
        }
    )
