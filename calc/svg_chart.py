"""Small inline SVG line charts of dollar amounts (by year, or paycheck by paycheck), drawn without
JavaScript, in one layout that reads on a phone.

Tick values are Decimal like the money they plot; coordinates are floats, which format the same in
CPython and Pyodide, so the same inputs give byte-identical SVG in both.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from html import escape

from .formatting import money_text

# One layout, sized for a phone: 360 units wide with 12-unit text, so at 375 px (about 310 px of
# chart) every label is 10 px tall or more, and at the widest the page draws it (40rem) 21 px.
WIDTH = 360
FONT = 12
LEFT, RIGHT, TOP, BOTTOM = 50, 350, 18, 186  # the plot area inside the viewBox
LEGEND_ROW = 18
STEP_MULTIPLIERS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
YEAR_STEPS = (1, 2, 5, 10, 20)


@dataclass(frozen=True)
class Series:
    """One line: its legend label, CSS class, default stroke and dash pattern, and a value per x."""

    label: str
    css_class: str
    stroke: str
    values: tuple[Decimal, ...]
    dash: str = ""


def nice_ticks(maximum: Decimal, intervals: int = 4) -> list[Decimal]:
    """0 up to a round number at or above maximum, in about `intervals` round steps."""
    if maximum <= 0:
        maximum = Decimal(1)
    raw = maximum / intervals
    magnitude = Decimal(1).scaleb(raw.adjusted())
    step = next(m for m in STEP_MULTIPLIERS if m * magnitude >= raw) * magnitude
    count = int((maximum / step).to_integral_value(rounding=ROUND_CEILING))
    return [step * i for i in range(count + 1)]


def short_money(amount: Decimal) -> str:
    """$250K, $1.5M, $800 — axis labels; absurd sizes in E notation so they still fit."""
    if amount >= Decimal(10) ** 15:
        return f"${format(amount.normalize(), 'E')}"
    for size, suffix in (
        (Decimal(10) ** 12, "T"),
        (Decimal(10) ** 9, "B"),
        (Decimal(10) ** 6, "M"),
        (Decimal(10) ** 3, "K"),
    ):
        if amount >= size:
            return f"${format((amount / size).normalize(), 'f')}{suffix}"
    return money_text(amount)


def _num(value: float) -> str:
    """A coordinate to a tenth of a unit, "12" rather than "12.0". Coordinates are floats (money
    stays
    Decimal): IEEE doubles format the same in CPython and Pyodide, and quicker than Decimal
    there."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _x_anchor(index: int, last: int, label: str) -> str:
    """Centred under its x, unless that would cut it at the chart's right edge ("31 De"): a label
    there ends at its x. (About 0.6 of the font size a character, generously.)"""
    half_width = len(label) * FONT * 0.6 / 2
    return "end" if LEFT + (RIGHT - LEFT) * index / last + half_width > WIDTH else "middle"


@dataclass(frozen=True)
class Level:
    """A horizontal line at a limit, labelled at its right end."""

    label: str
    css_class: str
    stroke: str
    value: Decimal


def line_chart(
    title: str, description: str, x_label: str, xs: tuple[int, ...], series: tuple[Series, ...]
) -> str:
    """Each series against xs (whole numbers from 0, e.g. years), with a round step between x
    labels."""
    x_max = max(max(xs), 1)
    x_step = next((s for s in YEAR_STEPS if x_max <= 6 * s), YEAR_STEPS[-1])
    return _chart(
        title,
        description,
        tuple(str(x) for x in xs),
        range(0, x_max + 1, x_step),
        series,
        (),
        None,
        "",
        x_label,
    )


def paycheck_chart(
    title: str,
    description: str,
    labels: tuple[str, ...],
    series: tuple[Series, ...],
    levels: tuple[Level, ...],
    marker: int | None,
    marker_label: str,
) -> str:
    """Running totals paycheck by paycheck against the limits, with one payday marked."""
    step = max(1, round(len(labels) / 4))
    return _chart(
        title,
        description,
        labels,
        range(0, len(labels), step),
        series,
        levels,
        marker,
        marker_label,
        "",
    )


def _chart(
    title: str,
    description: str,
    labels: tuple[str, ...],
    labelled: range,
    series: tuple[Series, ...],
    levels: tuple[Level, ...],
    marker: int | None,
    marker_label: str,
    x_label: str,
) -> str:
    """The SVG: grid and y labels, x labels, limit lines, a marked x, the lines, then a legend (one
    entry a row, each with its line's stroke and dash, so the lines differ without colour too)."""
    ticks = nice_ticks(
        max(
            [v for s in series for v in s.values] + [level.value for level in levels] + [Decimal(0)]
        )
    )
    y_top, last = ticks[-1], max(len(labels) - 1, 1)

    def x_at(index: int) -> str:
        return _num(LEFT + (RIGHT - LEFT) * index / last)

    def y_at(value: Decimal) -> str:
        return _num(BOTTOM - (BOTTOM - TOP) * float(value / y_top))

    legend = [(s.label, s.css_class, s.stroke, s.dash, "2.5") for s in series]
    legend += [(level.label, level.css_class, level.stroke, "2 3", "1.5") for level in levels]
    legend_top = BOTTOM + (52 if x_label else 36)
    height = legend_top + LEGEND_ROW * (len(legend) - 1) + 12
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)}" class="calc-chart" font-size="{FONT}" fill="currentColor">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(description)}</desc>",
    ]
    parts += [line for tick in ticks for line in _grid_line(tick, y_at(tick))]
    parts += _x_axis(labels, labelled, x_label, x_at, last)
    for level in levels:
        y = y_at(level.value)
        parts.append(
            f'<line class="{level.css_class}" x1="{LEFT}" x2="{RIGHT}" y1="{y}" y2="{y}" '
            f'stroke="{level.stroke}" '
            'stroke-width="1.5" stroke-dasharray="2 3"/>'
        )
    if marker is not None:
        parts += _marker_line(x_at(marker), marker, last, marker_label)
    for line in series:
        points = " ".join(f"{x_at(i)},{y_at(v)}" for i, v in enumerate(line.values))
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        parts.append(
            f'<polyline class="{line.css_class}" fill="none" stroke="{line.stroke}" '
            f'stroke-width="2.5"{dash} points="{points}"/>'
        )
    for index, entry in enumerate(legend):
        parts += _legend_row(*entry, legend_top + index * LEGEND_ROW)
    parts.append("</svg>")
    return "".join(parts)


def _grid_line(tick: Decimal, y: str) -> list[str]:
    """One horizontal grid line and its money label on the y axis."""
    return [
        f'<line x1="{LEFT}" x2="{RIGHT}" y1="{y}" y2="{y}" class="calc-chart-grid" '
        'stroke="#d0d0d0" stroke-width="1"/>',
        f'<text x="{LEFT - 4}" y="{y}" text-anchor="end" '
        f'dominant-baseline="middle">{escape(short_money(tick))}</text>',
    ]


def _x_axis(labels, labelled: range, x_label: str, x_at, last: int) -> list[str]:
    """The labels under the x axis, its line, then its title when there is one."""
    parts = [
        f'<text x="{x_at(index)}" y="{BOTTOM + 16}" '
        f'text-anchor="{_x_anchor(index, last, labels[index])}">'
        f"{escape(labels[index])}</text>"
        for index in labelled
    ]
    parts.append(
        f'<line x1="{LEFT}" x2="{RIGHT}" y1="{BOTTOM}" y2="{BOTTOM}" stroke="currentColor" '
        'stroke-width="1"/>'
    )
    if x_label:
        parts.append(
            f'<text x="{(LEFT + RIGHT) // 2}" y="{BOTTOM + 34}" '
            f'text-anchor="middle">{escape(x_label)}</text>'
        )
    return parts


def _marker_line(x: str, marker: int, last: int, marker_label: str) -> list[str]:
    """A dashed vertical line at the marked x, labelled above the plot on the side it falls."""
    anchor = "end" if marker > last * 2 / 3 else "start" if marker < last / 3 else "middle"
    return [
        f'<line x1="{x}" x2="{x}" y1="{TOP}" y2="{BOTTOM}" stroke="currentColor" '
        'stroke-width="1" stroke-dasharray="4 3"/>',
        f'<text x="{x}" y="{TOP - 5}" text-anchor="{anchor}">{escape(marker_label)}</text>',
    ]


def _legend_row(label: str, css: str, stroke: str, dash: str, width: str, y0: int) -> list[str]:
    """One legend entry: a short stretch of the line's stroke and dash, then its label."""
    x0 = 8
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return [
        f'<line class="{css}" x1="{x0}" x2="{x0 + 24}" y1="{y0}" y2="{y0}" stroke="{stroke}" '
        f'stroke-width="{width}"{dashed}/>',
        f'<text x="{x0 + 30}" y="{y0}" dominant-baseline="middle">{escape(label)}</text>',
    ]
