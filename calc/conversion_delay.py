"""conversion-delay: the tax cost of the days after-tax money waits before conversion.

Only earnings that accrue before a conversion are taxable (ordinary income,
Form 1040 lines 5a/5b from Form 1099-R); after-tax basis is not taxed.
Growth compounds at the annual return: amount × ((1 + r)^(days/365) − 1),
computed in Decimal, never in binary floats.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext

from . import fields
from .formatting import cents, input_text, money_text as usd, percent_text
from .limits import Limits
from .model import Calculator, Link, Output, Result, Table, WorkingLine
from .paycheck_plan import PAY_FREQUENCIES, pay_frequency_field

ZERO = Decimal(0)
DAYS_A_YEAR = Decimal(365)
# 28 significant digits (the decimal default) keep cents exact for any amount up to $100,000,000.
GROWTH_CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)

FIELDS = (
    fields.dollars(
        "amount", "After-tax contribution", "10000",
        help="One after-tax contribution (with the comparison table: the amount each paycheck).",
    ),
    fields.integer(
        "days", "Days until it is converted", "30", 0, 3660,
        help="Days between the contribution landing in the plan and its conversion to Roth.",
    ),
    fields.percent(
        "annual_return_pct", "Annual return", "7", -50, 50,
        help="The investment's yearly return while it waits; negative for a loss.",
    ),
    fields.percent("tax_rate_pct", "Your tax rate", "32", 0, 60, help="Your marginal income tax rate."),
    pay_frequency_field(help="How often you are paid: each paycheck brings a new contribution."),
)

OUTPUTS = (
    Output("taxable_earnings", "Earnings before the conversion", "dollars"),
    Output("tax_due", "Tax on those earnings", "dollars"),
    Output("yearly_tax_due", "Tax a year, same delay after every paycheck", "dollars"),
)

# Conversion cadences of the comparison table: label and conversions a year (None: one per paycheck).
CADENCES = (
    ("Each paycheck", None),
    ("Weekly", 52),
    ("Monthly", 12),
    ("Quarterly", 4),
    ("Once a year", 1),
)

# The comparison model. Contributions are equal, one each paycheck, evenly spaced
# (365 / paychecks days apart). The stated delay is the shortest wait: converting
# at least as often as you are paid means every contribution waits exactly that
# many days. Converting less often, each conversion sweeps up the contributions
# made since the last one, so on top of the stated delay a contribution waits on
# average half of (interval between conversions − interval between paychecks):
# the last one of a batch waits nothing extra, the first one waits the longest.
# Each contribution is treated as waiting that average, compounded at the same return.
MODEL_NOTE = (
    "Comparison assumptions: the same contribution every paycheck, evenly spaced, each growing at the "
    "same annual return. Converting at least as often as you are paid, each contribution waits the days "
    "you entered. Converting less often, a contribution also waits for the next conversion: on average "
    "half of (days between conversions − days between paychecks), added to the days you entered. Tax is "
    "worked out per contribution, in cents, and added up for the year."
)


def growth_factor(annual_return_pct: Decimal, days: Decimal) -> Decimal:
    """(1 + r)^(days/365) in Decimal; 1 exactly when days or r is 0."""
    with localcontext(GROWTH_CONTEXT):
        return (1 + annual_return_pct / 100) ** (days / DAYS_A_YEAR)


def earnings_after(amount: Decimal, annual_return_pct: Decimal, days: Decimal) -> Decimal:
    """Earnings (negative for a loss) on amount after days, in cents half-up."""
    with localcontext(GROWTH_CONTEXT):
        return cents(amount * (growth_factor(annual_return_pct, days) - 1))


def tax_on(earnings: Decimal, tax_rate_pct: Decimal) -> Decimal:
    """Tax on earnings in cents; a loss is not taxable."""
    return cents(max(earnings, ZERO) * tax_rate_pct / 100)


def average_wait(days: int, paychecks: int, conversions: int) -> Decimal:
    """Days a contribution waits on average when converted `conversions` times a year (model above)."""
    extra = DAYS_A_YEAR / conversions - DAYS_A_YEAR / paychecks
    return Decimal(days) + max(extra, ZERO) / 2


def cadence_table(amount, days, return_pct, tax_rate_pct, paychecks) -> Table:
    """Yearly tax for each conversion cadence, same contribution every paycheck."""
    rows = []
    for label, conversions in CADENCES:
        conversions = conversions or paychecks
        wait = average_wait(days, paychecks, conversions)
        earnings = earnings_after(amount, return_pct, wait)
        rows.append((
            label,
            str(conversions),
            format(wait.quantize(Decimal("0.1")), "f"),
            usd(earnings * paychecks),
            usd(tax_on(earnings, tax_rate_pct) * paychecks),
        ))
    return Table(
        caption=f"Tax a year by how often you convert ({paychecks} contributions of {usd(amount)} a year)",
        headers=("Convert", "Conversions a year", "Average wait (days)", "Earnings a year", "Tax a year"),
        rows=tuple(rows),
        note=MODEL_NOTE,
    )


def compute(values: dict, limits: Limits) -> Result:
    amount = values["amount"]
    days = values["days"]
    return_pct = values["annual_return_pct"]
    rate = values["tax_rate_pct"]
    frequency = values["pay_frequency"]
    paychecks = PAY_FREQUENCIES[frequency]

    factor = growth_factor(return_pct, Decimal(days))
    earnings = earnings_after(amount, return_pct, Decimal(days))
    tax_due = tax_on(earnings, rate)
    yearly = tax_due * paychecks

    working = (
        WorkingLine("After-tax contribution", usd(amount), "basis: not taxed when converted"),
        WorkingLine(
            "Growth while it waits", format(factor.quantize(Decimal("0.00000001")), "f"),
            f"(1 + {percent_text(return_pct)})^({days} ÷ 365)",
        ),
        WorkingLine("Earnings before the conversion", usd(earnings), f"{usd(amount)} × (growth − 1), to the cent"),
        WorkingLine(
            "Tax on those earnings", usd(tax_due),
            f"{usd(max(earnings, ZERO))} × {percent_text(rate)}" + (" (a loss is not taxed)" if earnings < 0 else ""),
        ),
        WorkingLine("Tax a year", usd(yearly), f"{usd(tax_due)} × {paychecks} paychecks"),
    )
    warnings = []
    if earnings < 0:
        warnings.append(
            f"At a {percent_text(return_pct)} return the money lost {usd(-earnings)} before the conversion: "
            "there are no earnings, so nothing is taxable and no tax is due."
        )
    elif days > 365 and tax_due > 0:
        warnings.append(
            f"Waiting {days} days lets {usd(earnings)} of taxable earnings build up; converting soon after "
            "each contribution keeps them near zero."
        )

    if earnings < 0:
        summary = f"After {days} days the {usd(amount)} lost {usd(-earnings)}: nothing is taxable."
    else:
        summary = (
            f"After {days} days, {usd(amount)} earns {usd(earnings)}: {usd(tax_due)} of tax, "
            f"{usd(yearly)} a year over {paychecks} paychecks."
        )
    split_inputs = {
        "after_tax_basis": input_text(amount),
        "earnings": input_text(max(earnings, ZERO)),
        "tax_rate_pct": input_text(rate.normalize()),
    }
    return Result(
        outputs={"taxable_earnings": earnings, "tax_due": tax_due, "yearly_tax_due": yearly},
        summary=summary,
        warnings=tuple(warnings),
        working=working,
        links=(Link("Split this after-tax money between basis and earnings", "after-tax-split", split_inputs),),
        tables=(cadence_table(amount, days, return_pct, rate, paychecks),),
        notes=(
            "Earnings compound at the annual return over the days waited: amount × ((1 + return)^(days ÷ 365) − 1).",
            "Only earnings before the conversion are taxed, as ordinary income (Form 1099-R to Form 1040 "
            "lines 5a/5b); the after-tax contribution itself is basis and is not taxed.",
            "Tax a year assumes the same contribution and the same delay after every paycheck.",
            MODEL_NOTE,
        ),
    )


CALCULATOR = Calculator(
    id="conversion-delay",
    title="Conversion delay cost",
    question="What does it cost to wait before converting after-tax money?",
    intro=(
        "After-tax money that waits in the plan earns taxable growth until it is converted to Roth. "
        "See the tax on that growth, per contribution and over a year of paychecks."
    ),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
)
