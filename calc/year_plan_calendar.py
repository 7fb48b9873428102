"""year-plan's reminders (contract: the calendar output), as an iCalendar file.

At least: the election date; each conversion date (one reminder to check that automatic
conversion ran, when every paycheck is converted); the deferral-max date when there is one; a
year-end check in early December; and, in January, what Form 1099-R to expect.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .formatting import cents_text as usd
from .formatting import date_text
from .icalendar import Reminder, calendar_text


@dataclass(frozen=True)
class Reminders:
    events: tuple[Reminder, ...]
    text: str  # the .ics file


def reminders_of(
    values: dict,
    schedule,
    election: datetime.date,
    deferral_max: datetime.date | None,
    deferral_pct: int,
    after_tax_pct: int,
) -> Reminders:
    """The year's reminders, in date order, and the calendar file that holds them."""
    year = values["year"]
    planned = [row for row in schedule if not row.past]
    events = [
        Reminder(
            election,
            "Give payroll your 401(k) elections",
            f"Deferrals {deferral_pct}% of pay and after-tax contributions {after_tax_pct}% of "
            f"pay, so they apply from the payday of {date_text(planned[0].day)} "
            f"({values['election_lag']} paychecks later).",
        )
    ]
    events += _conversion_reminders(values, planned)
    if deferral_max is not None:
        events.append(
            Reminder(
                deferral_max,
                "401(k) deferrals reach the year's limit",
                "Deferrals stop after this paycheck. Check on the next pay stub that after-tax "
                "contributions and "
                "the employer match continue.",
            )
        )
    events += _year_end_reminders(year, schedule[-1])
    events.sort(key=lambda event: event.day)
    return Reminders(
        tuple(events), calendar_text(f"401(k) plan for {year}", events, datetime.date(year, 1, 1))
    )


def _conversion_reminders(values: dict, planned) -> list[Reminder]:
    """A check after the first automatic conversion, or a reminder on each day to convert."""
    events = []
    converting = [row for row in planned if row.after_tax > 0]
    if converting and values["conversion"] == "each-paycheck":
        events.append(
            Reminder(
                converting[0].day + datetime.timedelta(days=3),
                "Check that your after-tax money was converted to Roth",
                f"The after-tax contribution of {date_text(converting[0].day)} should now be Roth "
                "money (in-plan "
                "conversion or rollover). If it is not, ask the plan why automatic conversion did "
                "not run.",
            )
        )
    else:
        for day in sorted({row.converted_on for row in converting}):
            amount = sum(row.after_tax for row in converting if row.converted_on == day)
            events.append(
                Reminder(
                    day,
                    "Convert your after-tax money to Roth",
                    f"{usd(amount)} of after-tax contributions are waiting: convert them today "
                    "(in-plan conversion or rollover to a Roth IRA).",
                )
            )
    return events


def _year_end_reminders(year: int, totals) -> list[Reminder]:
    """The check of the year's totals before it ends, and of the 1099-R that follows it."""
    return [
        Reminder(
            datetime.date(year, 12, 1),
            "Year-end check of your 401(k) totals",
            f"The plan expects {usd(totals.ytd_deferrals)} of deferrals and "
            f"{usd(totals.ytd_additions)} of annual "
            "additions from paychecks by the last payday. Compare them with your pay stub before "
            "the year ends.",
        ),
        Reminder(
            datetime.date(year + 1, 1, 31),
            f"Expect Form 1099-R for your {year} Roth conversions",
            f"The plan sends Form 1099-R for the {year} conversions by January 31: code G for an "
            "in-plan Roth "
            "rollover or a direct rollover, your basis in box 5, the taxable earnings in box 2a "
            "(Form 1040 lines "
            "5a and 5b). Check each box with this site's tax-forms calculator (Calculators, \"What "
            "should my "
            'Form 1099-R say").',
        ),
    ]
