"""year-plan: the whole year, paycheck by paycheck, for one employer's plan.

The math of rules 1-7 of the contract, in `figures`, with the paychecks (rules 1-5) in
year_plan_paychecks.py and the schedule and its dates (rules 6-7) in year_plan_schedule.py; the
words around it (working, warnings, summary) in year_plan_words.py, the paycheck table and the
chart in year_plan_table.py; the reminders in year_plan_calendar.py. It reuses the rules of the
other calculators rather than copying them: the catch-up limit and the Roth catch-up answer of
after-tax-room, the pay frequencies of paycheck-plan, and the growth of conversion-delay.

Interpretations where the contract is silent (also said on the page):
- Paychecks before the new elections (`paychecks_done`) are the first ones of the year in date
  order, the bonus included where its date falls among them; their money is what the *_ytd fields
  say, and their pay still counts toward the year's pay and the 401(a)(17) limit.
- The default deferral percent fills the deferral cap with the planned paychecks; the default
  after-tax percent then fills the 415(c) room left after every dollar the year will hold.
- When deferrals already reached the cap before the planned paychecks, the deferral-max date is
  the last past payday (the cap was reached by then) if paychecks follow.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from .formatting import cents
from .limits import Limits
from .model import Calculator, InputsRejected, Output, check_figures
from .rules import PAY_FREQUENCIES, ROTH_CODES, roth_catch_up_code, tax_on
from .year_plan_answer import PAYCHECKS_DONE_LABEL
from .year_plan_calendar import reminders_of
from .year_plan_fields import FIELD_GROUPS, FIELDS
from .year_plan_paychecks import Paycheck, after_tax_of, deferrals_of, match_of, year_paychecks
from .year_plan_schedule import deferral_max_date, election_date, schedule_of
from .year_plan_words import MONEY, explain

ZERO = Decimal(0)
DATE_CODES = {"none": "None"}
OUTPUTS = (
    Output("after_tax_pct_used", "After-tax election to give payroll", "integer", help="% of pay"),
    Output("deferral_pct_used", "Deferral election to give payroll", "integer", help="% of pay"),
    Output("election_date", "Election date for this plan", "date", codes=DATE_CODES),
    Output("annual_additions", "Annual additions for the year", "dollars"),
    Output("annual_additions_limit", "Annual additions limit (415(c))", "dollars"),
    Output("room_left_unused", "415(c) room left unused", "dollars"),
    Output("excess_annual_additions", "Over the 415(c) limit", "dollars"),
    Output("after_tax_total", "After-tax money for the year", "dollars"),
    Output("deferrals_total", "Deferrals for the year", "dollars"),
    Output("catch_up_used", "Catch-up used", "dollars"),
    Output("deferrals_counted", "Deferrals counted toward 415(c)", "dollars"),
    Output(
        "deferral_max_date",
        "Deferrals reach the limit on",
        "date",
        codes={"none": "Not before the last paycheck"},
    ),
    Output("match_total", "Match for the year", "dollars"),
    Output("true_up_due", "True-up due after year end", "dollars"),
    Output("match_lost", "Match lost", "dollars"),
    Output("employer_total", "Employer money for the year", "dollars"),
    Output("conversion_earnings", "Earnings taxed at conversion", "dollars"),
    Output("conversion_tax", "Tax on those earnings", "dollars"),
    Output("year_pay", "Pay for the year", "dollars"),
    Output("pay_per_check", "Pay per paycheck", "dollars"),
    Output("paychecks", "Paychecks this year", "integer"),
    Output("paychecks_planned", "Paychecks under the new elections", "integer"),
    Output("catch_up_must_be_roth", "Must catch-ups be Roth?", "code", codes=ROTH_CODES),
    Output("schedule", "The year, paycheck by paycheck", "table"),
    Output("reminders", "Reminders", "integer"),
    Output("calendar", "Reminders for your calendar (.ics)", "calendar"),
)


@dataclass(frozen=True)
class Figures:
    """Every output of the contract, and the few figures the explanation also shows."""

    paychecks: int
    paychecks_planned: int
    pay_per_check: Decimal
    year_pay: Decimal
    deferral_pct_used: int
    after_tax_pct_used: int
    deferrals_total: Decimal
    catch_up_used: Decimal
    deferrals_counted: Decimal
    match_total: Decimal
    true_up_due: Decimal
    match_lost: Decimal
    employer_total: Decimal
    after_tax_total: Decimal
    annual_additions: Decimal
    annual_additions_limit: Decimal
    excess_annual_additions: Decimal
    room_left_unused: Decimal
    conversion_earnings: Decimal
    conversion_tax: Decimal
    deferral_max_date: str  # ISO date or "none"
    election_date: str
    catch_up_must_be_roth: str
    schedule: tuple[Paycheck, ...]
    reminders: int
    calendar: str
    # Shown in the working and the warnings:
    catch_up_limit: Decimal
    deferral_cap: Decimal
    full_match: Decimal
    after_tax_room: Decimal  # room for planned after-tax money (rule 4)
    fitting_after_tax_pct: int  # the largest whole percent that fits (the default)
    smallest_deferral_pct: (
        int  # the smallest that reaches the cap by the last paycheck (the default)
    )
    steady_deferral_pct: int  # the largest that keeps deferring through the last paycheck
    steady_deferrals: Decimal  # the year's deferrals at that percent
    compensation_cut_date: datetime.date | None  # the payday pay first passes the 401(a)(17) limit
    fitting_deferral_pct: (
        int | None
    )  # when deferrals and employer money alone pass 415(c): the percent that fits
    over_before_elections: (
        bool  # employer money and money already in pass 415(c) whatever the elections
    )


def check_inputs(values: dict, limits: Limits) -> list[Paycheck]:
    """Values that parse alone but not together raise InputsRejected naming each field; else the
    paychecks."""
    year, errors = values["year"], {}
    for name, label in (
        ("first_pay_date", "First payday of the year"),
        ("bonus_date", "Bonus payday"),
    ):
        if values[name] is not None and values[name].year != year:
            errors[name] = f"{label}: must be a date in {year}."
    if values["bonus"] is not None and values["bonus_date"] is None:
        errors["bonus_date"] = "Bonus payday: enter the date the bonus is paid."
    if values["bonus"] is None and values["bonus_date"] is not None:
        errors["bonus"] = "Bonus: enter the bonus paid on that date, or clear the date."
    checks = [] if errors else year_paychecks(values, limits)
    if not errors:
        count = len(checks)
        if values["paychecks_done"] >= count:
            errors["paychecks_done"] = (
                f"{PAYCHECKS_DONE_LABEL}: {year} has {count} paychecks "
                f"here, so at most {count - 1} can come before the plan."
            )
    if errors:
        raise InputsRejected(errors)
    return checks


def figures(values: dict, limits: Limits) -> Figures:
    """Rules 1-7 of the contract for one reader's year."""
    checks = check_inputs(values, limits)
    y = limits.year(values["year"])
    past, planned = [c for c in checks if c.past], [c for c in checks if not c.past]
    year_pay = sum((c.pay for c in checks), ZERO)

    # Rules 2-5: deferrals, the match they earn, then the 415(c) room and the after-tax money.
    deferral = deferrals_of(values, y, planned)
    match = match_of(values, y, planned, deferral, year_pay)
    employer_total = match.total + values["employer_other"]
    after_tax = after_tax_of(values, y, planned, deferral, employer_total, year_pay)

    # Rule 6: conversion, and the schedule with its running totals.
    schedule = schedule_of(values, past, planned, deferral, match, after_tax)
    earnings_total = sum((c.earnings for c in schedule), ZERO)

    # Rule 7: dates.
    deferral_max = deferral_max_date(schedule, values["deferrals_ytd"], deferral.cap)
    election = election_date(values, checks, len(past))
    reminders = reminders_of(values, schedule, election, deferral_max, deferral.pct, after_tax.pct)
    return Figures(
        paychecks=len(checks),
        paychecks_planned=len(planned),
        pay_per_check=cents(values["salary"] / PAY_FREQUENCIES[values["pay_frequency"]]),
        year_pay=year_pay,
        deferral_pct_used=deferral.pct,
        after_tax_pct_used=after_tax.pct,
        deferrals_total=deferral.total,
        catch_up_used=after_tax.catch_up,
        deferrals_counted=after_tax.deferrals_counted,
        match_total=match.total,
        true_up_due=match.true_up_due,
        match_lost=match.shortfall - match.true_up_due,
        employer_total=employer_total,
        after_tax_total=after_tax.total,
        annual_additions=after_tax.annual_additions,
        annual_additions_limit=after_tax.additions_limit,
        excess_annual_additions=max(after_tax.annual_additions - after_tax.additions_limit, ZERO),
        room_left_unused=max(after_tax.additions_limit - after_tax.annual_additions, ZERO),
        conversion_earnings=earnings_total,
        conversion_tax=tax_on(earnings_total, values["tax_rate_pct"]),
        deferral_max_date=deferral_max.isoformat() if deferral_max else "none",
        election_date=election.isoformat(),
        catch_up_must_be_roth=roth_catch_up_code(values["prior_year_wages"], y, values["age"]),
        schedule=tuple(schedule),
        reminders=len(reminders.events),
        calendar=reminders.text,
        catch_up_limit=deferral.catch_up_limit,
        deferral_cap=deferral.cap,
        full_match=match.full,
        after_tax_room=after_tax.room,
        fitting_after_tax_pct=after_tax.fitting_pct,
        smallest_deferral_pct=deferral.smallest_pct,
        steady_deferral_pct=deferral.steady_pct,
        steady_deferrals=deferral.steady_total,
        compensation_cut_date=next((c.day for c in checks if c.eligible < c.pay), None),
        fitting_deferral_pct=after_tax.fitting_deferral,
        over_before_elections=after_tax.over_by_deferrals and after_tax.fitting_deferral is None,
    )


check_figures(Figures, OUTPUTS)

CALCULATOR = Calculator(
    id="year-plan",
    title="Plan my year",
    question="Plan my year: what do I tell payroll, and what happens then?",
    intro="Your pay, your plan's match and what has already gone in: the two elections to give "
    "payroll, every paycheck of the year, when each limit is reached, and dated reminders for "
    "your calendar.",
    fields=FIELDS,
    field_groups=FIELD_GROUPS,
    outputs=OUTPUTS,
    figures=figures,
    explain=explain,
    money=MONEY,
    key_outputs=("deferral_pct_used", "after_tax_pct_used", "election_date", "after_tax_total"),
)
