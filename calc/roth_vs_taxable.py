"""roth-vs-taxable: what the Roth wrapper is worth against a taxable brokerage account.

Model (contract, roth-vs-taxable): contributions at the start of each year.
Roth: V <- (V + A)(1 + r). Taxable: B = V + A; V <- B(1 + r - y) + B*y*(1 - dividend
tax), and the reinvested after-tax dividend joins the basis. At the end a
positive gain is taxed at the capital-gains rate. Nothing is rounded until the
end, where dollars are rounded half-up to cents.

The math is in `figures`; the words around it (working, warnings, summary, the table
and the chart) are in roth_vs_taxable_words.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from . import fields, shared_fields
from .formatting import cents
from .limits import Limits
from .model import Calculator, Output, check_figures
from .roth_vs_taxable_words import MONEY, explain

ZERO = Decimal(0)
HUNDRED = Decimal(100)

FIELDS = (
    fields.dollars(
        "annual_contribution",
        "Contribution each year",
        "30000",
        help="After-tax money put in at the start of every year, in both accounts.",
    ),
    fields.integer("years", "Years", "20", 1, 60, help="How long the money stays invested."),
    shared_fields.annual_return(help="Total return: price growth plus dividends, before any tax."),
    fields.percent(
        "dividend_yield_pct",
        "Dividend yield",
        "1.5",
        0,
        20,
        help="The part of the total return paid out as dividends each year.",
    ),
    fields.percent(
        "dividend_tax_pct",
        "Tax rate on dividends",
        "23.8",
        0,
        60,
        help="Qualified dividends: 0%, 15% or 20%, plus the 3.8% net investment income tax and any "
        "state tax.",
    ),
    fields.percent(
        "capital_gains_tax_pct",
        "Tax rate on capital gains",
        "23.8",
        0,
        60,
        help="Long-term capital gains rate when the taxable account is sold at the end.",
    ),
)

OUTPUTS = (
    Output("roth_value", "Roth account at the end", "dollars"),
    Output("taxable_value_after_tax", "Taxable account at the end, after tax if sold", "dollars"),
    Output("roth_advantage", "What the Roth wrapper is worth", "dollars"),
    Output("total_contributed", "Total contributed", "dollars"),
)


class YearEnd(NamedTuple):
    """Both accounts at the end of one year, unrounded."""

    year: int
    roth: Decimal
    taxable: Decimal
    taxable_after_tax: Decimal  # if sold at the end of that year


@dataclass(frozen=True)
class Figures:
    """Every output of the contract, and the figures the working, the table and the chart show."""

    roth_value: Decimal
    taxable_value_after_tax: Decimal
    roth_advantage: Decimal
    total_contributed: Decimal
    # Shown in the working, the table and the chart:
    taxable_before_sale: Decimal
    capital_gains_tax: Decimal  # due if the taxable account is sold at the end
    price_growth_pct: Decimal  # the part of the total return that is not dividends
    by_year: tuple[YearEnd, ...]  # from year 0


def grow(values: dict) -> list[YearEnd]:
    """Both accounts year by year from year 0, by the model above, unrounded."""
    contribution = values["annual_contribution"]
    r = values["annual_return_pct"] / HUNDRED
    y = values["dividend_yield_pct"] / HUNDRED
    dividend_keep = 1 - values["dividend_tax_pct"] / HUNDRED
    gains_tax = values["capital_gains_tax_pct"] / HUNDRED
    roth = taxable = basis = ZERO
    rows = [YearEnd(0, ZERO, ZERO, ZERO)]
    for year in range(1, values["years"] + 1):
        roth = (roth + contribution) * (1 + r)
        start_balance = taxable + contribution
        basis += contribution
        reinvested = start_balance * y * dividend_keep
        taxable = start_balance * (1 + r - y) + reinvested
        basis += reinvested
        gain = taxable - basis
        after_tax = taxable - gains_tax * gain if gain > 0 else taxable
        rows.append(YearEnd(year, roth, taxable, after_tax))
    return rows


def figures(values: dict, limits: Limits) -> Figures:
    """Grow both accounts, then round the end balances to cents."""
    by_year = tuple(grow(values))
    roth_value = cents(by_year[-1].roth)
    taxable_before_sale = cents(by_year[-1].taxable)
    taxable_after_tax = cents(by_year[-1].taxable_after_tax)
    return Figures(
        roth_value=roth_value,
        taxable_value_after_tax=taxable_after_tax,
        # From the rounded outputs, so the three amounts on the page add up.
        roth_advantage=roth_value - taxable_after_tax,
        total_contributed=values["annual_contribution"] * values["years"],
        taxable_before_sale=taxable_before_sale,
        capital_gains_tax=taxable_before_sale - taxable_after_tax,
        price_growth_pct=values["annual_return_pct"] - values["dividend_yield_pct"],
        by_year=by_year,
    )


check_figures(Figures, OUTPUTS)

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
    figures=figures,
    explain=explain,
    money=MONEY,
    key_outputs=("roth_advantage", "roth_value", "taxable_value_after_tax"),
)
