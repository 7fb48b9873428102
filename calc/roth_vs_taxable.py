"""roth-vs-taxable: what the Roth wrapper is worth against a taxable brokerage account.

Model (contract, roth-vs-taxable): contributions at the start of each year.
Roth: V <- (V + A)(1 + r). Taxable: B = V + A; V <- B(1 + r - y) + B*y*(1 - dividend
tax), and the reinvested after-tax dividend joins the basis. At the end a
positive gain is taxed at the capital-gains rate. Nothing is rounded until the
end, where dollars are rounded half-up to cents.
"""

from __future__ import annotations

from decimal import Decimal

from . import fields
from .formatting import cents, money_text as usd, percent_text
from .limits import Limits
from .model import Calculator, Link, Output, Result, Table, WorkingLine
from .svg_chart import Series, line_chart

ZERO = Decimal(0)
HUNDRED = Decimal(100)

FIELDS = (
    fields.dollars(
        "annual_contribution", "Contribution each year", "30000",
        help="After-tax money put in at the start of every year, in both accounts.",
    ),
    fields.integer("years", "Years", "20", 1, 60, help="How long the money stays invested."),
    fields.percent(
        "annual_return_pct", "Total return per year", "7", -50, 50,
        help="Price growth plus dividends, before any tax.",
    ),
    fields.percent(
        "dividend_yield_pct", "Dividend yield", "1.5", 0, 20,
        help="The part of the total return paid out as dividends each year.",
    ),
    fields.percent(
        "dividend_tax_pct", "Tax rate on dividends", "23.8", 0, 60,
        help="Qualified dividends: 0%, 15% or 20%, plus the 3.8% net investment income tax and any state tax.",
    ),
    fields.percent(
        "capital_gains_tax_pct", "Tax rate on capital gains", "23.8", 0, 60,
        help="Long-term capital gains rate when the taxable account is sold at the end.",
    ),
)

OUTPUTS = (
    Output("roth_value", "Roth account at the end", "dollars"),
    Output("taxable_value_after_tax", "Taxable account at the end, after tax if sold", "dollars"),
    Output("roth_advantage", "What the Roth wrapper is worth", "dollars"),
    Output("total_contributed", "Total contributed", "dollars"),
)


def grow(values: dict) -> list[tuple[int, Decimal, Decimal, Decimal]]:
    """Year by year from year 0: (year, Roth balance, taxable balance, taxable after tax if sold), unrounded."""
    contribution = values["annual_contribution"]
    r = values["annual_return_pct"] / HUNDRED
    y = values["dividend_yield_pct"] / HUNDRED
    dividend_keep = 1 - values["dividend_tax_pct"] / HUNDRED
    gains_tax = values["capital_gains_tax_pct"] / HUNDRED
    roth = taxable = basis = ZERO
    rows = [(0, ZERO, ZERO, ZERO)]
    for year in range(1, values["years"] + 1):
        roth = (roth + contribution) * (1 + r)
        start_balance = taxable + contribution
        basis += contribution
        reinvested = start_balance * y * dividend_keep
        taxable = start_balance * (1 + r - y) + reinvested
        basis += reinvested
        gain = taxable - basis
        after_tax = taxable - gains_tax * gain if gain > 0 else taxable
        rows.append((year, roth, taxable, after_tax))
    return rows


def compute(values: dict, limits: Limits) -> Result:
    contribution = values["annual_contribution"]
    years = values["years"]
    rate, yield_pct = values["annual_return_pct"], values["dividend_yield_pct"]
    dividend_tax, gains_tax = values["dividend_tax_pct"], values["capital_gains_tax_pct"]
    rows = grow(values)
    _, roth_final, taxable_final, after_tax_final = rows[-1]
    roth_value = cents(roth_final)
    taxable_after_tax = cents(after_tax_final)
    # From the rounded outputs, so the three amounts on the page add up.
    advantage = roth_value - taxable_after_tax
    total_contributed = contribution * years
    gains_tax_paid = cents(taxable_final) - taxable_after_tax

    table = Table(
        caption="Year by year: Roth account and taxable account",
        headers=("Year", "Roth balance", "Taxable balance", "Taxable after tax if sold"),
        rows=tuple(
            (str(year), usd(cents(roth)), usd(cents(taxable)), usd(cents(after_tax)))
            for year, roth, taxable, after_tax in rows[1:]
        ),
        note="Balances at the end of each year, after that year's contribution, growth and dividend tax.",
    )
    figure = line_chart(
        title="Roth account and taxable account (after tax if sold), year by year",
        description=(
            f"After {years} years the Roth account reaches {usd(roth_value)} and the taxable account is worth "
            f"{usd(taxable_after_tax)} after tax if sold, a difference of {usd(advantage)}. "
            "The table below lists every year."
        ),
        x_label="Years",
        xs=tuple(row[0] for row in rows),
        series=(
            Series("Roth account", "calc-chart-roth", "#1d4ed8", tuple(row[1] for row in rows)),
            Series("Taxable, after tax if sold", "calc-chart-taxable", "#b45309", tuple(row[3] for row in rows), dash="6 4"),
        ),
    )

    working = [
        WorkingLine("Contribution each year", usd(contribution), "at the start of each year, in both accounts"),
        WorkingLine("Years", str(years)),
        WorkingLine("Total contributed", usd(total_contributed), f"{usd(contribution)} × {years}"),
        WorkingLine("Roth: return each year", percent_text(rate), "(balance + contribution) × (1 + return), never taxed"),
        WorkingLine(
            "Taxable: price growth + dividends", f"{percent_text(rate - yield_pct)} + {percent_text(yield_pct)}",
            f"dividends taxed at {percent_text(dividend_tax)} every year; what is left is reinvested and added to basis",
        ),
        WorkingLine("Roth account at the end", usd(roth_value), "no tax on a qualified withdrawal"),
        WorkingLine("Taxable account at the end, before selling", usd(cents(taxable_final))),
        WorkingLine(
            "Capital-gains tax if sold", usd(gains_tax_paid),
            f"{percent_text(gains_tax)} of the gain over basis, when there is a gain",
        ),
        WorkingLine("Taxable account after tax", usd(taxable_after_tax)),
        WorkingLine("Roth advantage", usd(advantage), f"{usd(roth_value)} − {usd(taxable_after_tax)}"),
    ]

    warnings = []
    if rate < 0:
        warnings.append(
            "With a negative return the taxable account ends with a loss; this model gives it no tax benefit "
            "(a real loss could offset other gains)."
        )
    if yield_pct > rate:
        warnings.append(
            f"The dividend yield ({percent_text(yield_pct)}) is above the total return ({percent_text(rate)}), "
            "so prices fall every year in this model."
        )

    summary = (
        f"After {years} years: Roth {usd(roth_value)}, taxable {usd(taxable_after_tax)} after tax; "
        f"the Roth wrapper is worth {usd(advantage)}."
    )
    return Result(
        outputs={
            "roth_value": roth_value,
            "taxable_value_after_tax": taxable_after_tax,
            "roth_advantage": advantage,
            "total_contributed": total_contributed,
        },
        summary=summary,
        warnings=tuple(warnings),
        working=tuple(working),
        links=(
            Link("How much after-tax money fits in your 401(k) this year?", "after-tax-room", {}),
        ),
        tables=(table,),
        figure_svg=figure,
        notes=(
            "Both accounts get the same after-tax money. The return, dividend yield and tax rates stay the "
            "same every year; the taxable account is sold all at once at the end.",
            "Roth withdrawals are assumed qualified (age 59½ and the five-year rule met), so they are tax-free. "
            "State taxes and fund expenses are left out.",
        ),
    )


CALCULATOR = Calculator(
    id="roth-vs-taxable",
    title="Roth vs taxable account calculator",
    question="What is the Roth wrapper worth over time?",
    intro=(
        "Compare the same yearly contribution growing in a Roth account and in a taxable brokerage "
        "account, where dividends are taxed every year and gains are taxed when you sell."
    ),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
)
