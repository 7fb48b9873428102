"""year-plan: the whole year, paycheck by paycheck, for one employer's plan.

The math of rules 1-7 of the contract, in `figures`; the words around it (working, warnings,
summary, the paycheck table, the chart) in year_plan_words.py; the reminders in
year_plan_calendar.py. It reuses the rules of the other calculators rather than copying them:
the catch-up limit and the Roth catch-up answer of after-tax-room, the pay frequencies of
paycheck-plan, and the growth of conversion-delay.

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
from dataclasses import dataclass, replace
from decimal import Decimal

from .formatting import cents
from .limits import Limits
from .model import Calculator, InputsRejected, Output, check_figures
from .rules import (
    PAY_FREQUENCIES,
    PERIOD_DAYS,
    ROTH_CODES,
    annual_additions_limit,
    catch_up_used,
    earnings_after,
    period_end,
    roth_catch_up_code,
    tax_on,
)
from .year_plan_answer import PAYCHECKS_DONE_LABEL
from .year_plan_calendar import reminders_of
from .year_plan_fields import FIELD_GROUPS, FIELDS
from .year_plan_paychecks import (
    Paycheck,
    deferrals_of,
    largest_deferral_pct_fitting,
    largest_pct_fitting,
    match_of,
    year_paychecks,
)
from .year_plan_words import MONEY, explain

ZERO = Decimal(0)
HUNDRED = Decimal(100)
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
    past = [c for c in checks if c.past]
    planned = [c for c in checks if not c.past]
    year_pay = sum((c.pay for c in checks), ZERO)
    deferral = deferrals_of(values, y, planned)
    match = match_of(values, y, planned, deferral, year_pay)
    employer_total = match.total + values["employer_other"]

    # Rule 4: 415(c) counts deferrals less the catch-up they use.
    catch_up = catch_up_used(
        deferral.total, values["deferrals_other_plans"], y, deferral.catch_up_limit
    )
    deferrals_counted = deferral.total - catch_up
    additions_limit = annual_additions_limit(y, year_pay)
    after_tax_room = max(
        additions_limit - deferrals_counted - employer_total - values["after_tax_ytd"], ZERO
    )

    # Rule 5: after-tax money, at most what the plan and the deferral election leave of pay.
    ceiling = 100 - deferral.pct
    if values["max_after_tax_pct"] is not None:
        ceiling = min(ceiling, int(values["max_after_tax_pct"]))
    fitting_pct = largest_pct_fitting(planned, after_tax_room, ceiling)
    after_tax_pct = fitting_pct if values["after_tax_pct"] is None else values["after_tax_pct"]
    after_tax = [cents(after_tax_pct * c.base / HUNDRED) for c in planned]
    after_tax_total = values["after_tax_ytd"] + sum(after_tax, ZERO)
    annual_additions = deferrals_counted + employer_total + after_tax_total
    # Over the limit with no after-tax money to drop: the deferral election that fits instead.
    over_by_deferrals = annual_additions > additions_limit and after_tax_pct <= fitting_pct
    fitting_deferral = (
        largest_deferral_pct_fitting(values, y, planned, year_pay, additions_limit, deferral.pct)
        if over_by_deferrals
        else None
    )

    # Rule 6: conversion, and the schedule with its running totals.
    schedule = _schedule(values, past, planned, deferral.per_check, match.per_check, after_tax)
    earnings_total = sum((c.earnings for c in schedule), ZERO)

    # Rule 7: dates.
    deferral_max = _deferral_max_date(schedule, values["deferrals_ytd"], deferral.cap)
    election = _election_date(values, checks, len(past))
    reminders = reminders_of(values, schedule, election, deferral_max, deferral.pct, after_tax_pct)
    return Figures(
        paychecks=len(checks),
        paychecks_planned=len(planned),
        pay_per_check=cents(values["salary"] / PAY_FREQUENCIES[values["pay_frequency"]]),
        year_pay=year_pay,
        deferral_pct_used=deferral.pct,
        after_tax_pct_used=after_tax_pct,
        deferrals_total=deferral.total,
        catch_up_used=catch_up,
        deferrals_counted=deferrals_counted,
        match_total=match.total,
        true_up_due=match.true_up_due,
        match_lost=match.shortfall - match.true_up_due,
        employer_total=employer_total,
        after_tax_total=after_tax_total,
        annual_additions=annual_additions,
        annual_additions_limit=additions_limit,
        excess_annual_additions=max(annual_additions - additions_limit, ZERO),
        room_left_unused=max(additions_limit - annual_additions, ZERO),
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
        after_tax_room=after_tax_room,
        fitting_after_tax_pct=fitting_pct,
        smallest_deferral_pct=deferral.smallest_pct,
        steady_deferral_pct=deferral.steady_pct,
        steady_deferrals=deferral.steady_total,
        compensation_cut_date=next((c.day for c in checks if c.eligible < c.pay), None),
        fitting_deferral_pct=fitting_deferral,
        over_before_elections=over_by_deferrals and fitting_deferral is None,
    )


def _schedule(values, past, planned, deferrals, matches, after_tax) -> list[Paycheck]:
    """Every paycheck with its money, conversion and year-to-date deferrals and annual additions."""
    ytd_deferrals = values["deferrals_ytd"]
    ytd_additions = values["deferrals_ytd"] + values["match_ytd"] + values["after_tax_ytd"]
    rows = list(past)
    if rows:  # the past paychecks' money is only known as totals: they show on the last of them
        rows[-1] = replace(rows[-1], ytd_deferrals=ytd_deferrals, ytd_additions=ytd_additions)
    for check, deferral, match, money in zip(planned, deferrals, matches, after_tax):
        converted = period_end(check.day, values["conversion"])
        earnings = earnings_after(
            money, values["annual_return_pct"], Decimal((converted - check.day).days)
        )
        ytd_deferrals += deferral
        ytd_additions += deferral + match + money
        # Built directly rather than by dataclasses.replace, which is several times slower in
        # Pyodide.
        rows.append(
            Paycheck(
                check.day,
                check.pay,
                check.eligible,
                check.base,
                check.bonus,
                check.past,
                deferral,
                match,
                money,
                converted,
                earnings,
                ytd_deferrals,
                ytd_additions,
            )
        )
    return rows


def _deferral_max_date(
    schedule: list[Paycheck], deferrals_ytd: Decimal, cap: Decimal
) -> datetime.date | None:
    """Rule 7: the payday deferrals reach the cap, when later paychecks follow (front-loading)."""
    if cap <= 0:
        return None
    past = [row for row in schedule if row.past]
    if past and deferrals_ytd >= cap:
        return past[-1].day  # reached by the last paycheck before the plan (see the module's notes)
    for row in schedule[len(past) : -1]:
        if row.ytd_deferrals >= cap:
            return row.day
    return None


def _election_date(values: dict, checks: list[Paycheck], first_planned: int) -> datetime.date:
    """Rule 7: the payday election_lag paychecks before the first planned one, or that many pay
    periods before it."""
    lag = values["election_lag"]
    if first_planned >= lag:
        return checks[first_planned - lag].day
    return checks[first_planned].day - datetime.timedelta(
        days=lag * PERIOD_DAYS[values["pay_frequency"]]
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
