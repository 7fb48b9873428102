"""Paydays of a year for each pay frequency (year-plan, rule 1), and the pay periods between them."""

from __future__ import annotations

import calendar
import datetime

# Days in one pay period, for dating an election before the first payday of the year (rule 7).
PERIOD_DAYS = {"weekly": 7, "biweekly": 14, "semimonthly": 15, "monthly": 30}


def month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def default_first_payday(year: int, frequency: str) -> datetime.date:
    """The first Friday of January (weekly, biweekly), January 15 (semimonthly), January 31 (monthly)."""
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
        ends = [d for month, end in enumerate(ends, 1) for d in (datetime.date(year, month, 15), end)]
    return [day for day in ends if day >= first]


def period_end(day: datetime.date, cadence: str) -> datetime.date:
    """When money paid on `day` is converted: the same day, or the last day of its month, quarter or year."""
    if cadence == "each-paycheck":
        return day
    if cadence == "monthly":
        return month_end(day.year, day.month)
    if cadence == "quarterly":
        return month_end(day.year, (day.month - 1) // 3 * 3 + 3)
    return datetime.date(day.year, 12, 31)
