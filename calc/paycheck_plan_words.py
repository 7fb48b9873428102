"""paycheck-plan's words: the summary, the working, the warnings and the notes.
The numbers all come from paycheck_plan.figures."""

from __future__ import annotations

import datetime

from .formatting import cents_text as usd
from .formatting import percent_text
from .limits import Limits
from .model import Link, Result, WorkingLine
from .shared_fields import FREQUENCY_WORDS

# Every amount on this calculator's page is shown to the cent (payroll money): Calculator.money.
MONEY = usd

ROUNDED_DOWN_NOTE = (
    "The amount per paycheck is rounded down to the cent, so the paychecks together never put in "
    "more "
    "than the room: contributions over the annual additions limit must be corrected by the plan."
)
SAME_PAY_NOTE = "The total at the election assumes the same gross pay every paycheck."


def explain(values: dict, limits: Limits, f, today: datetime.date) -> Result:
    """Everything shown around the figures."""
    return Result(
        outputs={},
        summary=summary(values, f),
        warnings=tuple(warnings(values, f)),
        working=tuple(working(values, f)),
        links=(Link("Work out the after-tax room still open", "after-tax-room", {}),),
        notes=tuple(notes(values, f)),
    )


def summary(values: dict, f) -> str:
    """The amount per paycheck, and what the election puts in when the pay is known (else how to see
    it)."""
    opening = f"Contribute {usd(f.per_paycheck)} from each of your {f.paychecks} paychecks left"
    remaining = usd(values["after_tax_remaining"])
    if f.election_pct is None:
        return (
            opening
            + f" to fill the {remaining} still open. Enter your gross pay per paycheck to see the "
            "whole-percent election."
        )
    return (
        opening
        + f"; a {f.election_pct}% election puts in {usd(f.total_at_election)} of the {remaining} "
        "still open."
    )


def working(values: dict, f) -> list[WorkingLine]:
    """The per-paycheck amount, then the election's lines when the pay is known."""
    remaining = values["after_tax_remaining"]
    paychecks_note = (
        "as entered"
        if values["paychecks_left"] is not None
        else f"a full year paid {FREQUENCY_WORDS[values['pay_frequency']].lower()}"
    )
    lines = [
        WorkingLine("After-tax room still open", usd(remaining)),
        WorkingLine("Paychecks left", str(f.paychecks), paychecks_note),
        WorkingLine(
            "Per paycheck",
            usd(f.per_paycheck),
            f"{usd(remaining)} ÷ {f.paychecks}, rounded down to the cent",
        ),
    ]
    if f.election_pct is None:
        return lines
    return lines + election_working(values, f)


def election_working(values: dict, f) -> list[WorkingLine]:
    """From the gross pay to the whole-percent election, its total and the room it leaves."""
    pay, max_pct = values["pay_per_check"], values["max_election_pct"]
    lines = [
        WorkingLine("Gross pay per paycheck", usd(pay)),
        WorkingLine(
            "Largest whole percent within the per-paycheck amount",
            percent_text(f.fitting_pct),
            f"{percent_text(f.fitting_pct)} × {usd(pay)} = {usd(f.fitting_deduction)}, "
            f"not more than {usd(f.per_paycheck)}",
        ),
    ]
    if max_pct is not None:
        lines.append(
            WorkingLine(
                "Plan's maximum election",
                percent_text(max_pct),
                f"whole percents up to {f.plan_cap_pct}%",
            )
        )
    return lines + [
        WorkingLine("Election", percent_text(f.election_pct)),
        WorkingLine(
            "Total at that election",
            usd(f.total_at_election),
            f"{percent_text(f.election_pct)} × {usd(pay)} × {f.paychecks}, rounded to the cent",
        ),
        WorkingLine(
            "Room left unfilled",
            usd(f.shortfall),
            f"{usd(values['after_tax_remaining'])} − {usd(f.total_at_election)}",
        ),
    ]


def warnings(values: dict, f) -> list[str]:
    """An unusual paycheck count, then what keeps the election from filling the room."""
    found = []
    given = values["paychecks_left"]
    if given is not None and given > f.paychecks_a_year:
        found.append(
            f"You entered {given} paychecks left, more than the {f.paychecks_a_year} a year of a "
            f"{values['pay_frequency']} schedule; check the count (some years have one extra "
            "payday)."
        )
    if f.election_pct is None:
        return found
    pay = values["pay_per_check"]
    if f.fitting_pct > f.plan_cap_pct:
        found.append(
            f"Your plan's maximum after-tax election of {percent_text(values['max_election_pct'])} "
            "holds you to "
            f"{f.plan_cap_pct}% of pay; {f.fitting_pct}% would fit the room."
        )
    if f.fitting_pct == 100 and f.pay_short:
        found.append(
            f"Filling the room would take {usd(f.per_paycheck)} a paycheck, more than your whole "
            "gross pay "
            f"of {usd(pay)}; you cannot fill it from the paychecks left."
        )
    if f.shortfall > 0:
        # A dollar election only helps when whole-percent rounding, not a cap or the pay, left the
        # gap.
        rounding_only = f.fitting_pct <= f.plan_cap_pct and not f.pay_short
        found.append(
            f"At {f.election_pct}% you would contribute {usd(f.total_at_election)}, leaving "
            f"{usd(f.shortfall)} of "
            "the room unfilled."
            + (
                f" If your plan accepts a dollar election, elect {usd(f.per_paycheck)} a paycheck "
                "instead."
                if rounding_only
                else ""
            )
        )
    return found


def notes(values: dict, f) -> list[str]:
    """The rounding rule always; with an election, what its total assumes and what payroll takes."""
    found = [ROUNDED_DOWN_NOTE]
    if f.election_pct is None:
        return found
    found.append(SAME_PAY_NOTE)
    if f.shortfall < 0:
        found.append(
            f"The total is {usd(-f.shortfall)} over the room only because {f.election_pct}% of "
            f"{usd(values['pay_per_check'])} has fractions of a cent: payroll deducts "
            f"{usd(f.deduction)} a paycheck, "
            f"{usd(f.deducted_in_all)} in all, within the room."
        )
    if f.deduction > 0:
        found.append(
            "The election comes out of take-home pay after taxes and your other deductions: check "
            "that "
            f"{usd(f.deduction)} a paycheck leaves you enough to live on."
        )
    return found
