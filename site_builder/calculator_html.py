"""A calculator's form with its prerendered result, as one HTML block.

The form controls come from the Jinja partial templates/partials/calculator.html;
the result inside it comes from calc.render, the same code the browser runs.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import jinja2

from calc.evaluate import Evaluation, evaluate
from calc.limits import Limits
from calc.model import Calculator
from calc.registry import CALCULATORS
from calc.render import render_results

_INPUT_MODES = {"dollars": "decimal", "percent": "decimal", "integer": "numeric"}


@dataclass(frozen=True)
class FieldView:
    name: str
    label: str
    dom_id: str
    control: str  # "select" or "input"
    value: str
    choices: tuple[tuple[str, str], ...]
    input_mode: str
    help: str
    error: str
    optional: bool
    input_type: str  # "text", or "date" for the browser's own date control (ISO values)


@dataclass(frozen=True)
class GroupView:
    """One step of the form: a fieldset under its legend; a collapsed one sits in a <details>,
    open when one of its fields starts with an error."""

    legend: str
    collapsed: bool
    open: bool
    fields: tuple[FieldView, ...]


def group_views(calculator: Calculator, views: list[FieldView]) -> list[GroupView]:
    """The form's steps as the calculator declares them, each with its fields' views."""
    by_name = {view.name: view for view in views}
    groups = []
    for group, members in calculator.groups():
        shown = tuple(by_name[field.name] for field in members)
        groups.append(GroupView(group.legend, group.collapsed, any(v.error for v in shown), shown))
    return groups


def field_views(
    calculator: Calculator, evaluation: Evaluation, limits: Limits, dom_prefix: str
) -> list[FieldView]:
    """One view per field, holding the value and error the page starts with."""
    views = []
    for field in calculator.fields:
        if field.kind == "year":
            choices = tuple((str(y), str(y)) for y in sorted(limits.years, reverse=True))
        else:
            choices = tuple((c.code, c.label) for c in field.choices)
        views.append(
            FieldView(
                name=field.name,
                label=field.label,
                dom_id=f"{dom_prefix}-{field.name}",
                control="select" if choices else "input",
                value=evaluation.inputs.get(field.name, ""),
                choices=choices,
                input_mode=_INPUT_MODES.get(field.kind, "text"),
                help=field.help,
                error=evaluation.errors.get(field.name, ""),
                optional=field.optional,
                input_type="date" if field.kind == "date" else "text",
            )
        )
    return views


def render_calculator(
    env: jinja2.Environment,
    calculator_id: str,
    presets: dict[str, str],
    limits: Limits,
    base_path: str,
    dom_prefix: str,
    sync_url: bool,
    heading_level: int = 2,
    today: datetime.date | None = None,
) -> tuple[str, Evaluation]:
    """The calculator block and the evaluation it shows (for the build's checks), prerendered as of
    the build's day (the page recomputes for the reader's own today)."""
    calculator = CALCULATORS[calculator_id]
    evaluation = evaluate(calculator, presets, limits, today)
    html = env.get_template("partials/calculator.html").render(
        calculator=calculator,
        groups=group_views(calculator, field_views(calculator, evaluation, limits, dom_prefix)),
        dom_prefix=dom_prefix,
        results_html=render_results(evaluation, base_path),
        summary=evaluation.result.summary if evaluation.result else "",
        sync_url=sync_url,
        heading_level=heading_level,
    )
    return html, evaluation
