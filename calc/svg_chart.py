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
