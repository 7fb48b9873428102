"""paycheck-plan: spread the after-tax room still open over the paychecks left.

The per-paycheck amount is rounded down to the cent so the plan never
overshoots the room (an overshoot is an excess annual addition the plan must
correct). Elections are whole percents of gross pay, as most payroll systems take them.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from . import fields
from .formatting import cents, cents_down, money_text as usd, percent_text
from .limits import Limits
from .model import Calculator, Link, Output, Result, WorkingLine

# Paychecks a year for each pay frequency code of the contract.
PAY_FREQUENCIES = {"weekly": 52, "biweekly": 26, "semimonthly": 24, "monthly": 12}
FREQUENCY_WORDS = {
    "weekly": "Weekly (52 a year)",
    "biweekly": "Every two weeks (26 a year)",
    "semimonthly": "Twice a month (24 a year)",
    "monthly": "Monthly (12 a year)",
}


def pay_frequency_field(help: str = "How often you are paid.") -> fields.Field:
    """The pay frequency select shared by the paycheck calculators."""
    return fields.choice("pay_frequency", "Pay frequency", "biweekly", tuple(FREQUENCY_WORDS.items()), help=help)


FIELDS = (
    fields.dollars(
        "after_tax_remaining", "After-tax room still open", "30000",
        help="What after-tax room is left this year (the after-tax room calculator works it out).",
    ),
    pay_frequency_field(),
    fields.integer(
        "paychecks_left", "Paychecks left this year", None, 1, 53, optional=True,
        help="Leave empty for a whole year of paychecks at your pay frequency.",
    ),
    fields.dollars(
        "pay_per_check", "Gross pay per paycheck", optional=True,
        help="Before taxes and deductions. Optional: needed for the election percent.",
    ),
    fields.percent(
        "max_election_pct", "Plan's maximum after-tax election", None, 0, 100, optional=True,
        help="The highest after-tax percent of pay your plan lets you elect. Optional.",
    ),
)

OUTPUTS = (
    Output("per_paycheck", "After-tax contribution per paycheck", "dollars"),
    Output("election_pct", "Election (whole percent of pay)", "percent"),
    Output("total_at_election", "Total at that election", "dollars"),
    Output("shortfall", "Room left unfilled at that election", "dollars"),
)


def largest_election(per_paycheck: Decimal, pay_per_check: Decimal) -> int:
    """The largest whole percent p (0-100) whose deduction, in cents, does not exceed per_paycheck."""
    for pct in range(100, -1, -1):
        if cents(pct * pay_per_check / 100) <= per_paycheck:
            return pct
    return 0  # not reached: 0% is always $0


def compute(values: dict, limits: Limits) -> Result:
    remaining = values["after_tax_remaining"]
    frequency = values["pay_frequency"]
    a_year = PAY_FREQUENCIES[frequency]
    given_left = values["paychecks_left"]
    paychecks = a_year if given_left is None else given_left
    pay = values["pay_per_check"]
    max_pct = values["max_election_pct"]

    per_paycheck = cents_down(remaining / paychecks)
    working = [
        WorkingLine("After-tax room still open", usd(remaining)),
        WorkingLine(
            "Paychecks left", str(paychecks),
            f"a full year paid {FREQUENCY_WORDS[frequency].lower()}" if given_left is None else "as entered",
        ),
        WorkingLine(
            "Per paycheck", usd(per_paycheck), f"{usd(remaining)} ÷ {paychecks}, rounded down to the cent"
        ),
    ]
    warnings = []
    notes = [
        "The amount per paycheck is rounded down to the cent, so the paychecks together never put in more "
        "than the room: contributions over the annual additions limit must be corrected by the plan.",
    ]
    if given_left is not None and given_left > a_year:
        warnings.append(
            f"You entered {given_left} paychecks left, more than the {a_year} a year of a "
            f"{frequency} schedule; check the count (some years have one extra payday)."
        )

    election = total = shortfall = None
    if pay is not None:
        # A plan maximum like 15.5% still means whole-percent elections up to 15%.
        cap = 100 if max_pct is None else int(max_pct.to_integral_value(rounding=ROUND_FLOOR))
        uncapped = largest_election(per_paycheck, pay)
        election = min(uncapped, cap)
        exact = election * pay / 100 * paychecks
        total = cents(exact)
        shortfall = remaining - total
        notes.append("The total at the election assumes the same gross pay every paycheck.")
        working += [
            WorkingLine("Gross pay per paycheck", usd(pay)),
            WorkingLine(
                "Largest whole percent within the per-paycheck amount", percent_text(uncapped),
                f"{percent_text(uncapped)} × {usd(pay)} = {usd(cents(uncapped * pay / 100))}, "
                f"not more than {usd(per_paycheck)}",
            ),
        ]
        if max_pct is not None:
            working.append(WorkingLine("Plan's maximum election", percent_text(max_pct), f"whole percents up to {cap}%"))
        working += [
            WorkingLine("Election", percent_text(election)),
            WorkingLine(
                "Total at that election", usd(total),
                f"{percent_text(election)} × {usd(pay)} × {paychecks}, rounded to the cent",
            ),
            WorkingLine("Room left unfilled", usd(shortfall), f"{usd(remaining)} − {usd(total)}"),
        ]
        if uncapped > cap:
            warnings.append(
                f"Your plan's maximum after-tax election of {percent_text(max_pct)} holds you to {cap}% of pay; "
                f"{uncapped}% would fit the room."
            )
        if uncapped == 100 and cents(pay) < per_paycheck:
            warnings.append(
                f"Filling the room would take {usd(per_paycheck)} a paycheck, more than your whole gross pay "
                f"of {usd(pay)}; you cannot fill it from the paychecks left."
            )
        if shortfall > 0:
            # A dollar election only helps when whole-percent rounding, not a cap or the pay, left the gap.
            rounding_only = uncapped <= cap and cents(pay) >= per_paycheck
            warnings.append(
                f"At {election}% you would contribute {usd(total)}, leaving {usd(shortfall)} of the room unfilled."
                + (f" If your plan accepts a dollar election, elect {usd(per_paycheck)} a paycheck instead."
                   if rounding_only else "")
            )
        per_check_deduction = cents(election * pay / 100)
        if shortfall < 0:
            # The contract's total rounds the exact product once; payroll rounds each deduction.
            notes.append(
                f"The total is {usd(-shortfall)} over the room only because {election}% of {usd(pay)} has "
                f"fractions of a cent: payroll deducts {usd(per_check_deduction)} a paycheck, "
                f"{usd(per_check_deduction * paychecks)} in all, within the room."
            )
        if per_check_deduction > 0:
            notes.append(
                "The election comes out of take-home pay after taxes and your other deductions: check that "
                f"{usd(per_check_deduction)} a paycheck leaves you enough to live on."
            )

    summary = f"Contribute {usd(per_paycheck)} from each of your {paychecks} paychecks left"
    if election is not None:
        summary += f"; a {election}% election puts in {usd(total)} of the {usd(remaining)} still open."
    else:
        summary += f" to fill the {usd(remaining)} still open."
    return Result(
        outputs={
            "per_paycheck": per_paycheck,
            "election_pct": election,
            "total_at_election": total,
            "shortfall": shortfall,
        },
        summary=summary,
        warnings=tuple(warnings),
        working=tuple(working),
        links=(Link("Work out the after-tax room still open", "after-tax-room", {}),),
        notes=tuple(notes),
    )


CALCULATOR = Calculator(
    id="paycheck-plan",
    title="Paycheck planner",
    question="How much after-tax money should come out of each paycheck?",
    intro=(
        "Spread the after-tax room still open this year over the paychecks you have left, and find the "
        "whole-percent election that comes closest without going over."
    ),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
)
