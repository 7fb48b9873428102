"""year-plan's schedule: every paycheck with its money, its conversion and the running totals
(rule 6), and the dates read from it (rule 7)."""

from __future__ import annotations

import datetime
from dataclasses import replace
from decimal import Decimal

from .rules import PERIOD_DAYS, earnings_after, period_end
from .year_plan_paychecks import AfterTax, Deferrals, Match, Paycheck


def schedule_of(
    values: dict,
    past: list[Paycheck],
    planned: list[Paycheck],
    deferral: Deferrals,
    match: Match,
    after_tax: AfterTax,
) -> list[Paycheck]:
    """Every paycheck with its money, conversion and year-to-date deferrals and annual additions."""
    ytd_deferrals = values["deferrals_ytd"]
    ytd_additions = values["deferrals_ytd"] + values["match_ytd"] + values["after_tax_ytd"]
    rows = list(past)
    if rows:  # the past paychecks' money is only known as totals: they show on the last of them
        rows[-1] = replace(rows[-1], ytd_deferrals=ytd_deferrals, ytd_additions=ytd_additions)
    each = zip(planned, deferral.per_check, match.per_check, after_tax.per_check)
    for check, deferred, matched, money in each:
        converted = period_end(check.day, values["conversion"])
        earnings = earnings_after(
            money, values["annual_return_pct"], Decimal((converted - check.day).days)
        )
        ytd_deferrals += deferred
        ytd_additions += deferred + matched + money
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
                deferred,
                matched,
                money,
                converted,
                earnings,
                ytd_deferrals,
                ytd_additions,
            )
        )
    return rows


def deferral_max_date(
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


def election_date(values: dict, checks: list[Paycheck], first_planned: int) -> datetime.date:
    """Rule 7: the payday election_lag paychecks before the first planned one, or that many pay
    periods before it."""
    lag = values["election_lag"]
    if first_planned >= lag:
        return checks[first_planned - lag].day
    return checks[first_planned].day - datetime.timedelta(
        days=lag * PERIOD_DAYS[values["pay_frequency"]]
    )
