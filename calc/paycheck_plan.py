"""paycheck-plan: spread the after-tax room still open over the paychecks left.

The per-paycheck amount is rounded down to the cent so the plan never
overshoots the room (an overshoot is an excess annual addition the plan must
correct). Elections are whole percents of gross pay, as most payroll systems take them.
The math is in `figures`; the words around it in paycheck_plan_words.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from . import fields, shared_fields
from .formatting import cents, cents_down
from .limits import Limits
from .model import Calculator, Output, check_figures
from .paycheck_plan_words import MONEY, explain
from .rules import PAY_FREQUENCIES

FIELDS = (
    fields.dollars(
        "after_tax_remaining",
        "After-tax room still open",
        "30000",
        help="What after-tax room is left this year (the after-tax room calculator works it out).",
    ),
    shared_fields.pay_frequency(),
    fields.integer(
        "paychecks_left",
        "Paychecks left this year",
        None,
        1,
        53,
        optional=True,
        help="Leave empty for a whole year of paychecks at your pay frequency.",
    ),
    fields.dollars(
        "pay_per_check",
        "Gross pay per paycheck",
        optional=True,
        help="Before taxes and deductions. Optional: needed for the election percent.",
    ),
    fields.percent(
        "max_election_pct",
        "Plan's maximum after-tax election",
        None,
        0,
        100,
        optional=True,
        help="The highest after-tax percent of pay your plan lets you elect. Optional.",
    ),
)

OUTPUTS = (
    Output("per_paycheck", "After-tax contribution per paycheck", "dollars"),
    Output("election_pct", "Election (whole percent of pay)", "percent"),
    Output("total_at_election", "Total at that election", "dollars"),
    Output("shortfall", "Room left unfilled at that election", "dollars"),
)


@dataclass(frozen=True)
class Figures:
    """The outputs, then the numbers the words cite; the election ones are None without the pay."""

    per_paycheck: Decimal
    election_pct: int | None
    total_at_election: Decimal | None
    shortfall: Decimal | None
    paychecks: int  # paychecks left: as entered, or a full year at the pay frequency
    paychecks_a_year: int
    plan_cap_pct: int | None = None  # the plan's maximum as a whole percent, 100 with none
    fitting_pct: int | None = (
        None  # the largest whole percent within per_paycheck, before the plan's maximum
    )
    fitting_deduction: Decimal | None = None  # fitting_pct of the pay, in cents
    pay_short: bool = False  # the whole gross pay is less than the per-paycheck amount
    deduction: Decimal | None = None  # what payroll takes each paycheck at the election, in cents
    deducted_in_all: Decimal | None = None  # that deduction over the paychecks left


def largest_election(per_paycheck: Decimal, pay_per_check: Decimal) -> int:
    """The largest whole percent p (0-100) whose deduction, in cents, does not exceed
    per_paycheck."""
    for pct in range(100, -1, -1):
        if cents(pct * pay_per_check / 100) <= per_paycheck:
            return pct
    return 0  # not reached: 0% is always $0


def figures(values: dict, limits: Limits) -> Figures:
    """The room over the paychecks left, then the whole-percent election and what it leaves
    unfilled."""
    remaining, pay, max_pct = (
        values["after_tax_remaining"],
        values["pay_per_check"],
        values["max_election_pct"],
    )
    a_year = PAY_FREQUENCIES[values["pay_frequency"]]
    paychecks = a_year if values["paychecks_left"] is None else values["paychecks_left"]
    per_paycheck = cents_down(remaining / paychecks)
    if pay is None:
        return Figures(per_paycheck, None, None, None, paychecks, a_year)
    # A plan maximum like 15.5% still means whole-percent elections up to 15%.
    cap = 100 if max_pct is None else int(max_pct.to_integral_value(rounding=ROUND_FLOOR))
    fitting = largest_election(per_paycheck, pay)
    election = min(fitting, cap)
    # The contract's total rounds the exact product once; payroll rounds each deduction.
    total = cents(election * pay / 100 * paychecks)
    deduction = cents(election * pay / 100)
    return Figures(
        per_paycheck=per_paycheck,
        election_pct=election,
        total_at_election=total,
        shortfall=remaining - total,
        paychecks=paychecks,
        paychecks_a_year=a_year,
        plan_cap_pct=cap,
        fitting_pct=fitting,
        fitting_deduction=cents(fitting * pay / 100),
        pay_short=cents(pay) < per_paycheck,
        deduction=deduction,
        deducted_in_all=deduction * paychecks,
    )


check_figures(Figures, OUTPUTS)

CALCULATOR = Calculator(
    id="paycheck-plan",
    title="Paycheck planner",
    question="How much after-tax money should come out of each paycheck?",
    intro=(
        "Spread the after-tax room still open this year over the paychecks you have left, and find "
        "the "
        "whole-percent election that comes closest without going over."
    ),
    fields=FIELDS,
    outputs=OUTPUTS,
    figures=figures,
    explain=explain,
    money=MONEY,
    key_outputs=("per_paycheck", "election_pct", "shortfall"),
)
