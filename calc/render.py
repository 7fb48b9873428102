"""The HTML of a result, rendered once here for the build and for the browser.

Only the standard library: every text is escaped with html.escape, and the
markup is small enough to read as plain f-strings.
"""

from __future__ import annotations

import base64
from html import escape
from urllib.parse import urlencode

from .evaluate import Evaluation
from .formatting import data_value, human_text
from .model import Calculator, Link, Table


def render_results(evaluation: Evaluation, base_path: str = "/") -> str:
    """The inner HTML of a calculator's results area, valid or not: the answer card first (the
    figures behind the summary sentence, and what to do with them), the warnings, the hand-offs,
    then everything else under "Details"."""
    calculator = evaluation.calculator
    result = evaluation.result
    outputs = result.outputs if result else None
    key = [o for o in calculator.outputs if o.name in calculator.key_outputs]
    rest = [o for o in calculator.outputs if o.name not in calculator.key_outputs]
    card = _outputs(calculator, key, outputs) + _actions(calculator, outputs)
    parts = [f'<div class="calc-key">{card}</div>']
    if result is None:
        parts.append(_fix_list(calculator, evaluation.errors))
        parts.append(_details([_outputs(calculator, rest, None)]))
        return "\n".join(parts)
    if result.warnings:
        items = "".join(f"<li>{escape(w)}</li>" for w in result.warnings)
        parts.append(f'<div class="calc-warnings"><h3>Check this</h3><ul>{items}</ul></div>')
    if result.links:
        items = "".join(f"<li>{_link(link, base_path)}</li>" for link in result.links)
        parts.append(f'<div class="calc-next"><h3>Next</h3><ul>{items}</ul></div>')
    details = [_outputs(calculator, rest, outputs)]
    if result.notes:
        details.append("".join(f'<p class="calc-note">{escape(n)}</p>' for n in result.notes))
    if result.figure_svg:
        details.append(f'<figure class="calc-figure">{result.figure_svg}</figure>')
    details += [_table(table) for table in result.tables]
    if result.working:
        details.append(_working(calculator, result))
    if result.limits_used:
        items = "".join(
            f"<li>{escape(used.label)} ({escape(used.statute)}), {used.year}: {escape(used.value)} "
            "— "
            f'<a href="{escape(used.source.url)}">{escape(used.source.title)}</a></li>'
            for used in result.limits_used
        )
        details.append(f'<div class="calc-sources"><h3>Limits used</h3><ul>{items}</ul></div>')
    parts.append(_details(details))
    return "\n".join(parts)


def _details(parts: list[str]) -> str:
    """Everything besides the answer, one tap away (printed in full)."""
    return f'<details class="calc-details"><summary>Details</summary>{"".join(parts)}</details>'


def _working(calculator: Calculator, result) -> str:
    rows = "".join(
        f'<tr><th scope="row">{escape(line.label)}</th><td>{escape(line.value)}</td>'
        f"<td>{escape(line.note)}</td></tr>"
        for line in result.working
    )
    head = "".join(
        f'<th scope="col">{escape(header)}</th>' for header in calculator.working_headers
    )
    # A wide table scrolls inside a focusable region, so keyboard users can scroll it too.
    return (
        '<details class="calc-working"><summary>Show the working</summary>'
        '<div class="table-scroll" tabindex="0" role="group" aria-label="The working">'
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div></details>"
    )


def _fix_list(calculator: Calculator, errors: dict[str, str]) -> str:
    """Each field to fix, named and linked (the page moves the focus to it), in the form's order."""
    items = "".join(
        f'<li><a href="#" data-fix-field="{escape(f.name)}">{escape(errors[f.name])}</a></li>'
        for f in calculator.fields
        if f.name in errors
    )
    count = len(errors)
    heading = (
        "Fix this field to see the results"
        if count == 1
        else f"Fix these {count} fields to see the results"
    )
    return f'<div class="calc-invalid" role="alert"><h3>{heading}</h3><ul>{items}</ul></div>'


def _actions(calculator: Calculator, outputs: dict | None) -> str:
    """The answer's actions: the calendar (where the calculator makes one), print, copy the link.
    Print and copy need the page's script; without it they stay hidden."""
    calendars = [o for o in calculator.outputs if o.kind == "calendar"]
    links = [
        _calendar_link(
            calculator,
            o,
            outputs.get(o.name) if outputs else None,
            data_value(o.kind, outputs.get(o.name)) if outputs else "",
        )
        for o in calendars
    ]
    buttons = (
        '<button type="button" class="calc-action" data-action="print" hidden>Print</button>'
        '<button type="button" class="calc-action" data-action="copy-link" hidden>Copy '
        "link</button>"
    )
    return f'<div class="calc-actions">{"".join(links)}{buttons}</div>'


def _outputs(calculator: Calculator, chosen: list, outputs: dict | None) -> str:
    rows = []
    for output in chosen:
        if output.kind == "calendar":
            continue  # an action of the answer card
        value = outputs.get(output.name) if outputs is not None else None
        raw = data_value(output.kind, value) if outputs is not None else ""
        if output.kind == "text_list":
            shown = _text_list(value) if value else "—"
        else:
            shown = (
                escape(human_text(output.kind, value, output.codes, calculator.money))
                if outputs is not None
                else "—"
            )
        gap = "" if output.help.startswith("%") else " "
        unit = (
            f'{gap}<span class="calc-unit">{escape(output.help)}</span>'
            if output.help and outputs is not None
            else ""
        )
        wide = (
            " calc-output-wide" if output.kind == "text_list" else ""
        )  # a list takes the whole row
        rows.append(
            f'<div class="calc-output{wide}"><dt>{escape(output.label)}</dt>'
            f'<dd data-output="{escape(output.name)}" '
            f'data-value="{escape(raw)}">{shown}{unit}</dd></div>'
        )
    return f'<dl class="calc-outputs">{"".join(rows)}</dl>' if rows else ""


def _calendar_link(calculator: Calculator, output, text: str | None, raw: str) -> str:
    """A download of the .ics file the calculator wrote, as a data: link (nothing leaves the
    site)."""
    if not text:
        return (
            f'<a class="calc-action" data-output="{escape(output.name)}" data-value="">No '
            "reminders</a>"
        )
    href = "data:text/calendar;charset=utf-8;base64," + base64.b64encode(text.encode()).decode()
    return (
        f'<a class="calc-action calc-download" data-output="{escape(output.name)}" '
        f'data-value="{escape(raw)}" '
        f'download="{escape(calculator.id)}.ics" href="{escape(href)}">Add {escape(raw)} reminders '
        "to your "
        "calendar</a>"
    )


def _text_list(items) -> str:
    return "<ol>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ol>"


def _table(table: Table) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in table.headers)
    classes = table.row_classes or ("",) * len(table.rows)
    body = "".join(
        (f'<tr class="{escape(css)}">' if css else "<tr>")
        + f'<th scope="row">{escape(row[0])}</th>'
        + "".join(f"<td>{escape(c)}</td>" for c in row[1:])
        + "</tr>"
        for row, css in zip(table.rows, classes)
    )
    note = f'<p class="calc-note">{escape(table.note)}</p>' if table.note else ""
    wrapper = f"calc-table {table.css_class}".strip()
    return (
        f'<div class="{wrapper}" tabindex="0" role="group" aria-label="{escape(table.caption)}">'
        f"<table><caption>{escape(table.caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}</div>"
    )


def _link(link: Link, base_path: str) -> str:
    query = f"?{urlencode(link.inputs)}" if link.inputs else ""
    href = f"{base_path}calculators/{link.calculator}/{query}"
    return f'<a href="{escape(href)}">{escape(link.text)}</a>'
