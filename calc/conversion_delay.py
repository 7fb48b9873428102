"""conversion-delay: the tax cost of the days after-tax money waits before conversion.

Only earnings that accrue before a conversion are taxable (ordinary income,
Form 1040 lines 5a/5b from Form 1099-R); after-tax basis is not taxed.
Growth compounds at the annual return: amount × ((1 + r)^(days/365) − 1),
computed in Decimal, never in binary floats.
The math is in `figures`; the words around it in conversion_delay_words.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import fields, shared_fields
from .conversion_delay_words import MONEY, explain
from .limits import Limits
from .model import Calculator, Output, check_figures
from .rules import DAYS_A_YEAR, PAY_FREQUENCIES, earnings_after, growth_factor, tax_on

ZERO = Decimal(0)

FIELDS = (
    fields.dollars(
        "amount",
        "After-tax contribution",
        "10000",
        help="One after-tax contribution (with the comparison table: the amount each paycheck).",
    ),
    fields.integer(
        "days",
        "Days until it is converted",
        "30",
        0,
        3660,
        help="Days between the contribution landing in the plan and its conversion to Roth.",
    ),
    shared_fields.annual_return(),
    shared_fields.tax_rate(),
    shared_fields.pay_frequency(
        help="How often you are paid: each paycheck brings a new contribution."
    ),
)

OUTPUTS = (
    Output("taxable_earnings", "Earnings before the conversion", "dollars"),
    Output("tax_due", "Tax on those earnings", "dollars"),
    Output("yearly_tax_due", "Tax a year, same delay after every paycheck", "dollars"),
)

# Conversion cadences of the comparison table: label and conversions a year (None: one per
# paycheck).
CADENCES = (
    ("Each paycheck", None),
    ("Weekly", 52),
    ("Monthly", 12),
    ("Quarterly", 4),
    ("Once a year", 1),
)


@dataclass(frozen=True)
class CadenceCost:
    """A year of one contribution a paycheck, converted on one cadence of the comparison table."""

    label: str
    conversions: int  # a year
    average_wait: Decimal  # days
    earnings: Decimal  # a year
    tax: Decimal  # a year


@dataclass(frozen=True)
class Figures:
    """The outputs, then the numbers the words cite."""

    taxable_earnings: Decimal  # negative for a loss
    tax_due: Decimal
    yearly_tax_due: Decimal
    growth: Decimal  # (1 + r)^(days/365)
    taxed_earnings: Decimal  # the earnings the tax applies to: none on a loss
    paychecks: int  # a year, one contribution each
    cadences: tuple[CadenceCost, ...]


# The comparison model. Contributions are equal, one each paycheck, evenly spaced
# (365 / paychecks days apart). The stated delay is the shortest wait: converting
# at least as often as you are paid means every contribution waits exactly that
# many days. Converting less often, each conversion sweeps up the contributions
# made since the last one, so on top of the stated delay a contribution waits on
# average half of (interval between conversions − interval between paychecks):
# the last one of a batch waits nothing extra, the first one waits the longest.
# Each contribution is treated as waiting that average, compounded at the same return.
# (conversion_delay_words.MODEL_NOTE says the same to the reader.)
def average_wait(days: int, paychecks: int, conversions: int) -> Decimal:
    """Days a contribution waits on average when converted `conversions` times a year (model
    above)."""
    extra = DAYS_A_YEAR / conversions - DAYS_A_YEAR / paychecks
    return Decimal(days) + max(extra, ZERO) / 2


def cadence_costs(
    amount: Decimal, days: int, return_pct: Decimal, tax_rate_pct: Decimal, paychecks: int
) -> tuple[CadenceCost, ...]:
    """Yearly earnings and tax for each conversion cadence, same contribution every paycheck."""
    costs = []
    for label, conversions in CADENCES:
        conversions = conversions or paychecks
        wait = average_wait(days, paychecks, conversions)
        earnings = earnings_after(amount, return_pct, wait)  # per contribution, in cents
        costs.append(
            CadenceCost(
                label,
                conversions,
                wait,
                earnings * paychecks,
                tax_on(earnings, tax_rate_pct) * paychecks,
            )
        )
    return tuple(costs)


def figures(values: dict, limits: Limits) -> Figures:
    """One contribution's growth, earnings and tax, then a year of them, then the cadence
    comparison."""
    amount, return_pct, rate = values["amount"], values["annual_return_pct"], values["tax_rate_pct"]
    days = Decimal(values["days"])
    paychecks = PAY_FREQUENCIES[values["pay_frequency"]]
    earnings = earnings_after(amount, return_pct, days)
    tax_due = tax_on(earnings, rate)
    return Figures(
        taxable_earnings=earnings,
        tax_due=tax_due,
        yearly_tax_due=tax_due * paychecks,
        growth=growth_factor(return_pct, days),
        taxed_earnings=max(earnings, ZERO),
        paychecks=paychecks,
        cadences=cadence_costs(amount, values["days"], return_pct, rate, paychecks),
    )


check_figures(Figures, OUTPUTS)

CALCULATOR = Calculator(
    id="conversion-delay",
    title="Conversion delay cost",
    question="What does it cost to wait before converting after-tax money?",
    intro=(
        "After-tax money that waits in the plan earns taxable growth until it is converted to "
        "Roth. "
        "See the tax on that growth, per contribution and over a year of paychecks."
    ),
    fields=FIELDS,
    outputs=OUTPUTS,
    figures=figures,
    explain=explain,
    money=MONEY,
    key_outputs=("tax_due", "yearly_tax_due", "taxable_earnings"),
)
