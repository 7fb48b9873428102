"""year-plan's answer: the sentence that says what to do and by when, on the reader's today, and
the warnings whose advice is a different election (each one tested by running its advice).

A date already past is never given as advice: when the election date has passed, the answer says
so and what to do instead (the next paycheck a change made today can reach, or next year's plan).
"""

from __future__ import annotations

import datetime

from .formatting import cents_text as usd
from .formatting import date_text

# Elections that take more than this share of each paycheck leave too little for the income tax,
# Social Security and Medicare payroll withholds, and for benefits: this planner's rule of thumb.
TAKE_HOME_FLOOR_PCT = 25
MOST_ELECTED_PCT = 100 - TAKE_HOME_FLOOR_PCT

# The label of the field a reader sets to plan the rest of a year already under way (year_plan
# declares the field with it; the answer names it).
PAYCHECKS_DONE_LABEL = "Paychecks already paid or still on the old elections"


def summary(values: dict, limits, f, today: datetime.date) -> str:
    """The action and its date, or, once that date has passed, what to do instead."""
    election = datetime.date.fromisoformat(f.election_date)
    elections = f"{f.deferral_pct_used}% deferrals and {f.after_tax_pct_used}% after-tax"
    outcome = (
        f"{usd(f.after_tax_total)} after-tax and {usd(f.annual_additions)} of your "
        f"{usd(f.annual_additions_limit)} limit this year."
    )
    if election >= today:
        return f"Tell payroll {elections} by {date_text(election)}: {outcome}"
    passed = f"The election date for this plan, {date_text(election)}, has passed."
    ahead = [index for index, row in enumerate(f.schedule) if row.day > today]
    lag = values["election_lag"]
    if len(ahead) > lag:
        # The first paycheck a change made today can reach: the paychecks before it are done.
        reached = ahead[lag]
        return (
            f"{passed} A change made today reaches the paycheck of "
            f"{date_text(f.schedule[reached].day)}: to plan the rest of {values['year']}, set "
            f"“{PAYCHECKS_DONE_LABEL}” to {reached} and enter what those paychecks put in."
        )
    coming = values["year"] + 1
    if coming in limits.years:
        return f"{passed} No {values['year']} paycheck is left for a change: plan {coming} instead."
    return (
        f"{passed} No {values['year']} paycheck is left for a change: plan {coming} once this "
        "site has its limits (the IRS publishes them in October or November)."
    )


def take_home_warning(f) -> str | None:
    """Elections over the rule of thumb, with the elections that keep within it."""
    elected = f.deferral_pct_used + f.after_tax_pct_used
    if elected <= MOST_ELECTED_PCT:
        return None
    if f.deferral_pct_used <= MOST_ELECTED_PCT:
        advice = (
            f"keep the after-tax election at {MOST_ELECTED_PCT - f.deferral_pct_used}% or less, so "
            "the "
            f"two add up to {MOST_ELECTED_PCT}% at most"
        )
    else:
        advice = (
            f"elect {MOST_ELECTED_PCT}% deferrals and no after-tax money: on this pay the deferral "
            "limit "
            "cannot be reached without leaving too little"
        )
    return (
        f"These elections take {elected}% of each paycheck's pay. Payroll also withholds income "
        "tax, "
        "Social Security and Medicare and takes benefits from what is left: above "
        f"{MOST_ELECTED_PCT}% of pay "
        f"(this planner's rule of thumb) a paycheck may not cover them, and payroll may cut the "
        f"election. To leave at least {TAKE_HOME_FLOOR_PCT}% of pay, {advice}."
    )


def excess_warning(f) -> str | None:
    """Over the 415(c) limit: the after-tax percent that fits, or, when deferrals and employer money
    alone pass it, the deferral percent that does."""
    if f.excess_annual_additions <= 0:
        return None
    over = (
        f"This plan puts {usd(f.excess_annual_additions)} over your "
        f"{usd(f.annual_additions_limit)} "
        "limit: the plan would have to correct it."
    )
    if f.over_before_elections:
        return (
            f"{over} Your employer's money and what is already in pass it before any new election "
            "(the "
            "limit is never more than your pay): no election fixes that, so ask the plan "
            "administrator."
        )
    if f.fitting_deferral_pct is None:
        return (
            f"{over} Elect {f.fitting_after_tax_pct}% after-tax instead of "
            f"{f.after_tax_pct_used}%, the "
            "largest whole percent that fits."
        )
    return (
        f"{over} Your deferrals and your employer's money alone pass it (the limit is never more "
        "than your "
        f"pay): elect at most {f.fitting_deferral_pct}% deferrals and no after-tax money."
    )
