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
    """The inner HTML of a calculator's results area, valid or not."""
    calculator = evaluation.calculator
    result = evaluation.result
    parts = [_outputs(calculator, result.outputs if result else None)]
    if result is None:
        parts.append('<p class="calc-invalid">Fix the highlighted fields to see results.</p>')
        return "\n".join(parts)
    if result.warnings:
        items = "".join(f"<li>{escape(w)}</li>" for w in result.warnings)
        parts.append(f'<div class="calc-warnings"><h3>Check this</h3><ul>{items}</ul></div>')
    if result.notes:
        parts.append("".join(f'<p class="calc-note">{escape(n)}</p>' for n in result.notes))
    if result.figure_svg:
        parts.append(f'<figure class="calc-figure">{result.figure_svg}</figure>')
    for table in result.tables:
        parts.append(_table(table))
    if result.links:
        items = "".join(f"<li>{_link(link, base_path)}</li>" for link in result.links)
        parts.append(f'<div class="calc-next"><h3>Next</h3><ul>{items}</ul></div>')
    if result.working:
        rows = "".join(
            f"<tr><th scope=\"row\">{escape(line.label)}</th><td>{escape(line.value)}</td>"
            f"<td>{escape(line.note)}</td></tr>"
            for line in result.working
        )
        head = "".join(f'<th scope="col">{escape(header)}</th>' for header in calculator.working_headers)
        # A wide table scrolls inside a focusable region, so keyboard users can scroll it too.
        parts.append(
            '<details class="calc-working"><summary>Show the working</summary>'
            '<div class="table-scroll" tabindex="0" role="group" aria-label="The working">'
            f'<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div></details>'
        )
    if result.limits_used:
        items = "".join(
            f"<li>{escape(used.label)} ({escape(used.statute)}), {used.year}: {escape(used.value)} — "
            f'<a href="{escape(used.source.url)}">{escape(used.source.title)}</a></li>'
            for used in result.limits_used
        )
        parts.append(f'<div class="calc-sources"><h3>Limits used</h3><ul>{items}</ul></div>')
    return "\n".join(parts)


def _outputs(calculator: Calculator, outputs: dict | None) -> str:
    rows = []
    for output in calculator.outputs:
        value = outputs.get(output.name) if outputs is not None else None
        raw = data_value(output.kind, value) if outputs is not None else ""
        if output.kind == "calendar":
            rows.append(_calendar_link(calculator, output, value, raw))
            continue
        if output.kind == "text_list":
            shown = _text_list(value) if value else "—"
        else:
            shown = escape(human_text(output.kind, value, output.codes, calculator.money)) if outputs is not None else "—"
        gap = "" if output.help.startswith("%") else " "
        unit = f'{gap}<span class="calc-unit">{escape(output.help)}</span>' if output.help and outputs is not None else ""
        wide = " calc-output-wide" if output.kind == "text_list" else ""  # a list takes the whole row
        rows.append(
            f'<div class="calc-output{wide}"><dt>{escape(output.label)}</dt>'
            f'<dd data-output="{escape(output.name)}" data-value="{escape(raw)}">{shown}{unit}</dd></div>'
        )
    return f'<dl class="calc-outputs">{"".join(rows)}</dl>'


def _calendar_link(calculator: Calculator, output, text: str | None, raw: str) -> str:
    """A download of the .ics file the calculator wrote, as a data: link (nothing leaves the site)."""
    if not text:
        return (f'<div class="calc-output"><dt>{escape(output.label)}</dt><dd>'
                f'<a data-output="{escape(output.name)}" data-value="">—</a></dd></div>')
    href = "data:text/calendar;charset=utf-8;base64," + base64.b64encode(text.encode()).decode()
    return (f'<div class="calc-output"><dt>{escape(output.label)}</dt><dd>'
            f'<a class="calc-download" data-output="{escape(output.name)}" data-value="{escape(raw)}" '
            f'download="{escape(calculator.id)}.ics" href="{escape(href)}">Download {escape(raw)} reminders</a></dd></div>')


def _text_list(items) -> str:
    return "<ol>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ol>"


def _table(table: Table) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in table.headers)
    classes = table.row_classes or ("",) * len(table.rows)
    body = "".join(
        (f'<tr class="{escape(css)}">' if css else "<tr>") + f'<th scope="row">{escape(row[0])}</th>'
        + "".join(f"<td>{escape(c)}</td>" for c in row[1:]) + "</tr>"
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
