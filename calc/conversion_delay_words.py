"""conversion-delay's words: the summary, the working, the warnings, the cadence table and the
notes.
The numbers all come from conversion_delay.figures."""

from __future__ import annotations

import datetime
from decimal import Decimal

from .formatting import cents_text as usd
from .formatting import input_text, percent_text
from .limits import Limits
from .model import Link, Result, Table, WorkingLine

# Every amount on this calculator's page is shown to the cent (payroll money): Calculator.money.
MONEY = usd

# The model of conversion_delay.average_wait, in the reader's words.
MODEL_NOTE = (
    "Comparison assumptions: the same contribution every paycheck, evenly spaced, each growing at "
    "the "
    "same annual return. Converting at least as often as you are paid, each contribution waits the "
    "days "
    "you entered. Converting less often, a contribution also waits for the next conversion: on "
    "average "
    "half of (days between conversions − days between paychecks), added to the days you entered. "
    "Tax is "
    "worked out per contribution, in cents, and added up for the year."
)
NOTES = (
    "Earnings compound at the annual return over the days waited: amount × ((1 + return)^(days ÷ "
    "365) − 1).",
    "Only earnings before the conversion are taxed, as ordinary income (Form 1099-R to Form 1040 "
    "lines 5a/5b); the after-tax contribution itself is basis and is not taxed.",
    "Tax a year assumes the same contribution and the same delay after every paycheck.",
)  # MODEL_NOTE goes under the comparison table it explains, once


def explain(values: dict, limits: Limits, f, today: datetime.date) -> Result:
    """Everything shown around the figures."""
    split_inputs = {
        "after_tax_basis": input_text(values["amount"]),
        "earnings": input_text(f.taxed_earnings),
        "tax_rate_pct": input_text(values["tax_rate_pct"].normalize()),
    }
    return Result(
        outputs={},
        summary=summary(values, f),
        warnings=tuple(warnings(values, f)),
        working=working(values, f),
        links=(
            Link(
                "Split this after-tax money between basis and earnings",
                "after-tax-split",
                split_inputs,
            ),
        ),
        tables=(cadence_table(values, f),),
        notes=NOTES,
    )


def summary(values: dict, f) -> str:
    """One sentence: what the wait earns and costs, or what it lost."""
    days, amount, earnings = values["days"], usd(values["amount"]), f.taxable_earnings
    if earnings < 0:
        return f"After {days} days the {amount} lost {usd(-earnings)}: nothing is taxable."
    return (
        f"After {days} days, {amount} earns {usd(earnings)}: {usd(f.tax_due)} of tax, "
        f"{usd(f.yearly_tax_due)} a year over {f.paychecks} paychecks."
    )


def working(values: dict, f) -> tuple[WorkingLine, ...]:
    """From the contribution to its growth, earnings and tax, then a year of them."""
    amount, rate = values["amount"], values["tax_rate_pct"]
    loss_note = " (a loss is not taxed)" if f.taxable_earnings < 0 else ""
    return (
        WorkingLine("After-tax contribution", usd(amount), "basis: not taxed when converted"),
        WorkingLine(
            "Growth while it waits",
            format(f.growth.quantize(Decimal("0.00000001")), "f"),
            f"(1 + {percent_text(values['annual_return_pct'])})^({values['days']} ÷ 365)",
        ),
        WorkingLine(
            "Earnings before the conversion",
            usd(f.taxable_earnings),
            f"{usd(amount)} × (growth − 1), to the cent",
        ),
        WorkingLine(
            "Tax on those earnings",
            usd(f.tax_due),
            f"{usd(f.taxed_earnings)} × {percent_text(rate)}" + loss_note,
        ),
        WorkingLine(
            "Tax a year", usd(f.yearly_tax_due), f"{usd(f.tax_due)} × {f.paychecks} paychecks"
        ),
    )


def warnings(values: dict, f) -> list[str]:
    """A loss (nothing taxable), or a long wait that lets taxable earnings build up."""
    days = values["days"]
    if f.taxable_earnings < 0:
        return [
            f"At a {percent_text(values['annual_return_pct'])} return the money lost "
            f"{usd(-f.taxable_earnings)} "
            "before the conversion: there are no earnings, so nothing is taxable and no tax is due."
        ]
    if days > 365 and f.tax_due > 0:
        return [
            f"Waiting {days} days lets {usd(f.taxable_earnings)} of taxable earnings build up; "
            "converting soon "
            "after each contribution keeps them near zero."
        ]
    return []


def cadence_table(values: dict, f) -> Table:
    """Yearly tax for each conversion cadence, same contribution every paycheck."""
    rows = tuple(
        (
            cost.label,
            str(cost.conversions),
            format(cost.average_wait.quantize(Decimal("0.1")), "f"),
            usd(cost.earnings),
            usd(cost.tax),
        )
        for cost in f.cadences
    )
    return Table(
        caption=f"Tax a year by how often you convert ({f.paychecks} contributions of "
        f"{usd(values['amount'])} a year)",
        headers=(
            "Convert",
            "Conversions a year",
            "Average wait (days)",
            "Earnings a year",
            "Tax a year",
        ),
        rows=rows,
        note=MODEL_NOTE,
    )
