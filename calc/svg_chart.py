"""A small inline SVG line chart of dollar amounts by year, drawn without JavaScript.

Coordinates are computed with Decimal like the money they plot, so the same
inputs give byte-identical SVG in CPython and in Pyodide.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from html import escape

from .formatting import money_text

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 72, 624, 16, 236  # the plot area inside the viewBox
PIXEL = Decimal("0.1")
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
    for size, suffix in ((Decimal(10) ** 12, "T"), (Decimal(10) ** 9, "B"), (Decimal(10) ** 6, "M"), (Decimal(10) ** 3, "K")):
        if amount >= size:
            return f"${format((amount / size).normalize(), 'f')}{suffix}"
    return money_text(amount)


def _num(value: Decimal) -> str:
    return format(value.quantize(PIXEL, rounding=ROUND_HALF_UP).normalize(), "f")


def line_chart(title: str, description: str, x_label: str, xs: tuple[int, ...], series: tuple[Series, ...]) -> str:
    """An SVG of each series against xs (whole numbers from 0), with axes, ticks and a legend."""
    ticks = nice_ticks(max((v for s in series for v in s.values), default=Decimal(0)))
    y_top = ticks[-1]
    x_max = max(max(xs), 1)
    x_step = next((s for s in YEAR_STEPS if x_max <= 6 * s), YEAR_STEPS[-1])

    def x_at(x: int) -> Decimal:
        return LEFT + (RIGHT - LEFT) * Decimal(x) / x_max

    def y_at(value: Decimal) -> Decimal:
        return BOTTOM - (BOTTOM - TOP) * value / y_top

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" class="calc-chart" font-size="12" fill="currentColor">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(description)}</desc>",
    ]
    for tick in ticks:
        y = _num(y_at(tick))
        parts.append(f'<line x1="{LEFT}" x2="{RIGHT}" y1="{y}" y2="{y}" stroke="#d0d0d0" stroke-width="1"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y}" text-anchor="end" dominant-baseline="middle">{escape(short_money(tick))}</text>')
    for x in range(0, x_max + 1, x_step):
        parts.append(f'<text x="{_num(x_at(x))}" y="{BOTTOM + 18}" text-anchor="middle">{x}</text>')
    parts.append(f'<line x1="{LEFT}" x2="{RIGHT}" y1="{BOTTOM}" y2="{BOTTOM}" stroke="currentColor" stroke-width="1"/>')
    parts.append(f'<text x="{(LEFT + RIGHT) // 2}" y="{BOTTOM + 36}" text-anchor="middle">{escape(x_label)}</text>')
    for index, line in enumerate(series):
        points = " ".join(f"{_num(x_at(x))},{_num(y_at(v))}" for x, v in zip(xs, line.values))
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        stroke = f'stroke="{line.stroke}" stroke-width="2.5"{dash}'
        parts.append(f'<polyline class="{line.css_class}" fill="none" {stroke} points="{points}"/>')
        # The legend repeats each line's stroke and dash, so the lines differ without colour too.
        x0 = LEFT + index * 240
        y0 = HEIGHT - 12
        parts.append(f'<line class="{line.css_class}" x1="{x0}" x2="{x0 + 28}" y1="{y0}" y2="{y0}" {stroke}/>')
        parts.append(f'<text x="{x0 + 34}" y="{y0}" dominant-baseline="middle">{escape(line.label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class Level:
    """A horizontal line at a limit, labelled at its right end."""

    label: str
    css_class: str
    stroke: str
    value: Decimal


# A chart sized to read on a phone: at 375 px wide its 11-unit text is still about 10 px tall.
SMALL_WIDTH, SMALL_HEIGHT = 360, 262
S_LEFT, S_RIGHT, S_TOP, S_BOTTOM = 46, 350, 14, 184


def paycheck_chart(title: str, description: str, labels: tuple[str, ...], series: tuple[Series, ...],
                   levels: tuple[Level, ...], marker: int | None, marker_label: str) -> str:
    """Running totals paycheck by paycheck against the limits, with one payday marked."""
    ticks = nice_ticks(max([v for s in series for v in s.values] + [level.value for level in levels] + [Decimal(1)]), 4)
    y_top, last = ticks[-1], max(len(labels) - 1, 1)

    def x_at(index: int) -> Decimal:
        return S_LEFT + (S_RIGHT - S_LEFT) * Decimal(index) / last

    def y_at(value: Decimal) -> Decimal:
        return S_BOTTOM - (S_BOTTOM - S_TOP) * value / y_top

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SMALL_WIDTH} {SMALL_HEIGHT}" role="img" '
             f'aria-label="{escape(title)}" class="calc-chart calc-chart-small" font-size="11" fill="currentColor">',
             f"<title>{escape(title)}</title>", f"<desc>{escape(description)}</desc>"]
    for tick in ticks:
        y = _num(y_at(tick))
        parts.append(f'<line x1="{S_LEFT}" x2="{S_RIGHT}" y1="{y}" y2="{y}" class="calc-chart-grid" stroke="#d0d0d0" stroke-width="1"/>')
        parts.append(f'<text x="{S_LEFT - 4}" y="{y}" text-anchor="end" dominant-baseline="middle">{escape(short_money(tick))}</text>')
    step = max(1, round(len(labels) / 4))
    for index in range(0, len(labels), step):
        parts.append(f'<text x="{_num(x_at(index))}" y="{S_BOTTOM + 15}" text-anchor="middle">{escape(labels[index])}</text>')
    parts.append(f'<line x1="{S_LEFT}" x2="{S_RIGHT}" y1="{S_BOTTOM}" y2="{S_BOTTOM}" stroke="currentColor" stroke-width="1"/>')
    for level in levels:
        y = _num(y_at(level.value))
        parts.append(f'<line class="{level.css_class}" x1="{S_LEFT}" x2="{S_RIGHT}" y1="{y}" y2="{y}" stroke="{level.stroke}" '
                     'stroke-width="1.5" stroke-dasharray="2 3"/>')
    if marker is not None:
        x = _num(x_at(marker))
        parts.append(f'<line x1="{x}" x2="{x}" y1="{S_TOP}" y2="{S_BOTTOM}" stroke="currentColor" stroke-width="1" stroke-dasharray="4 3"/>')
        anchor = "end" if marker > last * 2 / 3 else "start" if marker < last / 3 else "middle"
        parts.append(f'<text x="{x}" y="{S_TOP - 3}" text-anchor="{anchor}">{escape(marker_label)}</text>')
    for line in series:
        points = " ".join(f"{_num(x_at(i))},{_num(y_at(v))}" for i, v in enumerate(line.values))
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        parts.append(f'<polyline class="{line.css_class}" fill="none" stroke="{line.stroke}" stroke-width="2.5"{dash} points="{points}"/>')
    legend = [(s.label, s.css_class, s.stroke, s.dash, "2.5") for s in series] + [(l.label, l.css_class, l.stroke, "2 3", "1.5") for l in levels]
    for index, (label, css, stroke, dash, width) in enumerate(legend):
        x0, y0 = 8 + (index % 2) * 178, S_BOTTOM + 36 + (index // 2) * 18
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<line class="{css}" x1="{x0}" x2="{x0 + 22}" y1="{y0}" y2="{y0}" stroke="{stroke}" stroke-width="{width}"{dashed}/>')
        parts.append(f'<text x="{x0 + 27}" y="{y0}" dominant-baseline="middle">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)
