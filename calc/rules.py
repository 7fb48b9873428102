"""The IRS and payroll rules several calculators share, written once.

Calculators import these rules and never each other (a calculator is a leaf): the catch-up limit
and how much of it deferrals use, the Roth catch-up rule, the 415(c) limit for a participant, pay
frequencies and paydays, and the earnings after-tax money makes while it waits and their tax.
Every limit is read from the year's limits (content/limits.yaml); nothing here knows a value.
"""

from __future__ import annotations

import calendar
import datetime
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext

from .formatting import cents

ZERO = Decimal(0)

# Catch-ups (IRC 414(v)).


def catch_up_limit_for(age: int, year_limits) -> Decimal:
    """0 under 50; the age 60-63 catch-up where the year has one (SECURE 2.0, 414(v)(2)(E));
    else the 50+ catch-up (414(v)(2)(B)). Age is the age attained by December 31."""
    if age < 50:
        return ZERO
    if year_limits.catch_up_60_63 is not None and 60 <= age <= 63:
        return year_limits.catch_up_60_63
    return year_limits.catch_up


def catch_up_used(deferrals: Decimal, other_plans: Decimal, year_limits, limit: Decimal) -> Decimal:
    """Deferrals over the 402(g) limit (one per person, all plans) count as catch-up, up to the
    catch-up limit and never more than this plan's deferrals."""
    over = deferrals + other_plans - year_limits.elective_deferral
    return min(max(over, ZERO), limit, deferrals)


ROTH_CODES = {"true": "Yes, catch-ups must be Roth", "false": "No", "unknown": "Unknown"}


def roth_catch_up_code(prior_year_wages: Decimal | None, year_limits, age: int) -> str:
    """Must catch-ups be Roth (SECURE 2.0 sec. 603)? 'false' under 50 (no catch-up to make) and in
    years the rule is not in force (before 2026); 'unknown' at 50+ in a rule year without wages."""
    rule = year_limits.roth_catch_up
    if age < 50 or rule is None or not rule.required:
        return "false"
    if prior_year_wages is None:
        return "unknown"
    return "true" if prior_year_wages > rule.wage_threshold else "false"


# Annual additions (IRC 415(c)).


def annual_additions_limit(year_limits, compensation: Decimal) -> Decimal:
    """The lesser of the year's 415(c) dollar limit and 100% of compensation from the employer."""
    return min(year_limits.annual_additions, compensation)


# Pay frequencies and paydays.

# Paychecks a year for each pay frequency code of the contract.
PAY_FREQUENCIES = {"weekly": 52, "biweekly": 26, "semimonthly": 24, "monthly": 12}
# Days in one pay period, for dating an election before the first payday of the year.
PERIOD_DAYS = {"weekly": 7, "biweekly": 14, "semimonthly": 15, "monthly": 30}


def month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def default_first_payday(year: int, frequency: str) -> datetime.date:
    """The first Friday of January (weekly, biweekly), January 15 (semimonthly), January 31
    (monthly)."""
    if frequency == "semimonthly":
        return datetime.date(year, 1, 15)
    if frequency == "monthly":
        return datetime.date(year, 1, 31)
    first = datetime.date(year, 1, 1)
    return first + datetime.timedelta(days=(4 - first.weekday()) % 7)  # Monday 0 ... Friday 4


def paydays(year: int, frequency: str, first: datetime.date) -> list[datetime.date]:
    """Every payday of the year from `first` on: every 7 or 14 days; the 15th and the last day of
    each month; or the last day of each month."""
    if frequency in ("weekly", "biweekly"):
        step = datetime.timedelta(days=PERIOD_DAYS[frequency])
        days, day = [], first
        while day.year == year:
            days.append(day)
            day += step
        return days
    ends = [month_end(year, month) for month in range(1, 13)]
    if frequency == "semimonthly":
        ends = [
            d for month, end in enumerate(ends, 1) for d in (datetime.date(year, month, 15), end)
        ]
    return [day for day in ends if day >= first]


def period_end(day: datetime.date, cadence: str) -> datetime.date:
    """When money paid on `day` is converted: the same day, or the last day of its month, quarter or
    year."""
    if cadence == "each-paycheck":
        return day
    if cadence == "monthly":
        return month_end(day.year, day.month)
    if cadence == "quarterly":
        return month_end(day.year, (day.month - 1) // 3 * 3 + 3)
    return datetime.date(day.year, 12, 31)


# Earnings while after-tax money waits to be converted, and their tax (ordinary income, Form 1040
# lines 5a/5b): amount × ((1 + r)^(days/365) − 1), in Decimal, never in binary floats.

DAYS_A_YEAR = Decimal(365)
# 28 significant digits (the decimal default) keep cents exact for any amount up to $100,000,000.
GROWTH_CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)


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
