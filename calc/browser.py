"""The worker's entry point: the browser sends text inputs, gets HTML and errors back.

Called from templates/static/calc-worker.js inside Pyodide. The HTML comes
from calc.render, the same function the build uses to prerender pages.
"""

from __future__ import annotations

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


def compute_json(calculator_id: str, inputs_json: str) -> str:
    """Evaluate one calculator; returns the reply as JSON: protocol.REPLY_FIELDS."""
    calculator = CALCULATORS[calculator_id]
    raw = json.loads(inputs_json)
    evaluation = evaluate(calculator, {k: str(v) for k, v in raw.items()}, _limits)
    return json.dumps(
        {
            "state": "live" if evaluation.valid else "invalid",
            "html": render_results(evaluation, _base_path),
            "summary": evaluation.result.summary if evaluation.result else "Some inputs need fixing.",
            "errors": evaluation.errors,
        }
    )
