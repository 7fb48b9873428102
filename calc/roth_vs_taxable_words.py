"""roth-vs-taxable's words: the summary, the working, the warnings, the year-by-year table, the
chart and the notes. The numbers all come from roth_vs_taxable.figures."""

from __future__ import annotations

import datetime

from .formatting import dollars_text as usd
from .formatting import percent_text
from .limits import Limits
from .model import Link, Result, Table, WorkingLine
from .svg_chart import Series, line_chart

# Every amount on this calculator's page is shown in whole dollars: Calculator.money.
MONEY = usd

NOTES = (
    "Both accounts get the same after-tax money. The return, dividend yield and tax rates stay the "
    "same every year; the taxable account is sold all at once at the end.",
    "Roth withdrawals are assumed qualified (age 59½ and the five-year rule met), so they are "
    "tax-free. "
    "State taxes and fund expenses are left out.",
)
LINKS = (Link("How much after-tax money fits in your 401(k) this year?", "after-tax-room", {}),)


def explain(values: dict, limits: Limits, f, today: datetime.date) -> Result:
    """Everything shown around the figures."""
    summary = (
        f"After {values['years']} years: Roth {usd(f.roth_value)}, taxable "
        f"{usd(f.taxable_value_after_tax)} "
        f"after tax; the Roth wrapper is worth {usd(f.roth_advantage)}."
    )
    return Result(
        outputs={},
        summary=summary,
        warnings=tuple(warnings(values)),
        working=tuple(working(values, f)),
        links=LINKS,
        tables=(year_table(f),),
        figure_svg=chart(values, f),
        notes=NOTES,
    )


def working(values: dict, f) -> list[WorkingLine]:
    """The lines of the computation, from the contributions to the Roth advantage."""
    contribution, years = values["annual_contribution"], values["years"]
    return [
        WorkingLine(
            "Contribution each year",
            usd(contribution),
            "at the start of each year, in both accounts",
        ),
        WorkingLine("Years", str(years)),
        WorkingLine(
            "Total contributed", usd(f.total_contributed), f"{usd(contribution)} × {years}"
        ),
        WorkingLine(
            "Roth: return each year",
            percent_text(values["annual_return_pct"]),
            "(balance + contribution) × (1 + return), never taxed",
        ),
        WorkingLine(
            "Taxable: price growth + dividends",
            f"{percent_text(f.price_growth_pct)} + {percent_text(values['dividend_yield_pct'])}",
            f"dividends taxed at {percent_text(values['dividend_tax_pct'])} every year; what is "
            "left is reinvested "
            "and added to basis",
        ),
        WorkingLine(
            "Roth account at the end", usd(f.roth_value), "no tax on a qualified withdrawal"
        ),
        WorkingLine("Taxable account at the end, before selling", usd(f.taxable_before_sale)),
        WorkingLine(
            "Capital-gains tax if sold",
            usd(f.capital_gains_tax),
            f"{percent_text(values['capital_gains_tax_pct'])} of the gain over basis, when there "
            "is a gain",
        ),
        WorkingLine("Taxable account after tax", usd(f.taxable_value_after_tax)),
        WorkingLine(
            "Roth advantage",
            usd(f.roth_advantage),
            f"{usd(f.roth_value)} − {usd(f.taxable_value_after_tax)}",
        ),
    ]


def warnings(values: dict) -> list[str]:
    """Inputs where the model says less than it seems to."""
    rate, yield_pct = values["annual_return_pct"], values["dividend_yield_pct"]
    found = []
    if rate < 0:
        found.append(
            "With a negative return the taxable account ends with a loss; this model gives it no "
            "tax benefit "
            "(a real loss could offset other gains)."
        )
    if yield_pct > rate:
        found.append(
            f"The dividend yield ({percent_text(yield_pct)}) is above the total return "
            f"({percent_text(rate)}), "
            "so prices fall every year in this model."
        )
    return found


def year_table(f) -> Table:
    """Every year's end balances: the text form of the chart (money_text rounds to cents)."""
    return Table(
        caption="Year by year: Roth account and taxable account",
        headers=("Year", "Roth balance", "Taxable balance", "Taxable after tax if sold"),
        rows=tuple(
            (str(row.year), usd(row.roth), usd(row.taxable), usd(row.taxable_after_tax))
            for row in f.by_year[1:]
        ),
        note="Balances at the end of each year, after that year's contribution, growth and "
        "dividend tax.",
    )


def chart(values: dict, f) -> str:
    """The Roth account against the taxable account after tax, from year 0."""
    return line_chart(
        title="Roth account and taxable account (after tax if sold), year by year",
        description=(
            f"After {values['years']} years the Roth account reaches {usd(f.roth_value)} and the "
            "taxable account "
            f"is worth {usd(f.taxable_value_after_tax)} after tax if sold, a difference of "
            f"{usd(f.roth_advantage)}. "
            "The table below lists every year."
        ),
        x_label="Years",
        xs=tuple(row.year for row in f.by_year),
        series=(
            Series(
                "Roth account", "calc-chart-roth", "#1d4ed8", tuple(row.roth for row in f.by_year)
            ),
            Series(
                "Taxable, after tax if sold",
                "calc-chart-taxable",
                "#b45309",
                tuple(row.taxable_after_tax for row in f.by_year),
                dash="6 4",
            ),
        ),
    )
