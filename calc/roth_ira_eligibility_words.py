"""roth-ira-eligibility's words: the worksheet 2-2 working, the warnings, the summary, the limits
cited, the hand-off to backdoor-pro-rata and the notes. The numbers all come from
roth_ira_eligibility.figures."""

from __future__ import annotations

import datetime

from .formatting import cents, data_value, input_text
from .formatting import dollars_text as usd
from .limits import Limits, YearLimits
from .model import LimitUsed, Link, Result, WorkingLine, limit_used
from .shared_fields import FILING_STATUSES

# Every amount on this calculator's page is shown in whole dollars: Calculator.money.
MONEY = usd


NOTES = (
    "This follows IRS Publication 590-A, worksheet 2-2, assuming no traditional IRA contributions "
    "for the year (worksheet line 9 = $0).",
    "Modified AGI for Roth IRA purposes leaves out income from Roth conversions, including the "
    "conversion in a backdoor Roth IRA.",
)


def explain(values: dict, limits: Limits, f, today: datetime.date) -> Result:
    """Everything shown around the figures."""
    y = limits.year(values["year"])
    return Result(
        outputs={},
        summary=summary(y.year, f),
        warnings=tuple(warnings(values, y.year, f)),
        working=tuple(working(values, y, f)),
        limits_used=tuple(limits_used(values, y, f)),
        links=links(f),
        notes=NOTES,
    )


def status_words(values: dict) -> str:
    """The filing status as it reads inside a sentence: "married filing jointly"."""
    return dict(FILING_STATUSES)[values["filing_status"]].lower()


def summary(year: int, f) -> str:
    """One sentence: how much of the IRA limit can go into a Roth IRA directly."""
    if f.ira_limit == 0:
        return f"{year}: with no taxable compensation you cannot contribute to any IRA."
    if f.max_roth_contribution == f.ira_limit:
        return f"{year}: you can contribute the full {usd(f.ira_limit)} to a Roth IRA directly."
    if f.max_roth_contribution == 0:
        return (
            f"{year}: your MAGI is past the phase-out range, so a direct Roth IRA contribution is "
            "not allowed; "
            "a backdoor Roth IRA is the way in."
        )
    return (
        f"{year}: you can contribute {usd(f.max_roth_contribution)} of your {usd(f.ira_limit)} "
        "limit to a Roth IRA directly."
    )


def warnings(values: dict, year: int, f) -> list[str]:
    """What caps or splits the contribution, in plain words."""
    found = []
    if values["earned_income"] < f.limit_for_age:
        found.append(
            "Your IRA limit is capped at your taxable compensation "
            f"({usd(values['earned_income'])}), below the {year} "
            f"limit of {usd(f.limit_for_age)}."
        )
    if f.needs_backdoor and f.max_roth_contribution > 0:
        found.append(
            f"You can put {usd(f.max_roth_contribution)} into a Roth IRA directly. Traditional IRA "
            "contributions for "
            f"{year} count against the same {usd(f.ira_limit)} limit (worksheet 2-2, lines 9-10), "
            "so direct and "
            "backdoor contributions together cannot exceed it."
        )
    if values["filing_status"] == "married_separate":
        found.append(
            "Married filing separately and lived with your spouse at any time during the year: the "
            "phase-out "
            f"range is {usd(f.phase_out_start)} to {usd(f.phase_out_end)}, so most people in this "
            "status cannot "
            "contribute directly."
        )
    return found


def working(values: dict, y: YearLimits, f) -> list[WorkingLine]:
    """The lines of worksheet 2-2, as far as the MAGI needs them."""
    lines = [
        WorkingLine("Worksheet 2-2, line 1 — modified AGI", usd(values["magi"])),
        WorkingLine(
            "Line 2 — start of the phase-out range",
            usd(f.phase_out_start),
            f"{y.year}, {status_words(values)}",
        ),
        WorkingLine(
            "End of the phase-out range",
            usd(f.phase_out_end),
            f"line 2 + the width of the range, {usd(f.phase_out_width)}",
        ),
    ]
    if f.magi_position == "below":
        return lines + [
            limit_line(values, y, f),
            WorkingLine(
                "Result",
                usd(f.max_roth_contribution),
                "MAGI at or below the start of the range: the full limit",
            ),
        ]
    if f.magi_position == "past":
        return lines + [
            WorkingLine(
                "Result",
                usd(f.max_roth_contribution),
                "MAGI at or above the end of the range: no direct contribution",
            )
        ]
    return lines + phase_out_working(values, y, f)


def limit_line(values: dict, y: YearLimits, f) -> WorkingLine:
    """Line 6: the year's limit (with any catch-up), capped by compensation."""
    year_limit = usd(y.ira_limit)
    if f.catch_up:
        year_limit = (
            f"{usd(f.limit_for_age)} ({usd(y.ira_limit)} + {usd(f.catch_up)} catch-up at 50+)"
        )
    return WorkingLine(
        "Line 6 — your IRA limit",
        usd(f.ira_limit),
        f"lesser of {year_limit} and taxable compensation {usd(values['earned_income'])}",
    )


def phase_out_working(values: dict, y: YearLimits, f) -> list[WorkingLine]:
    """Lines 3-11 for a MAGI inside the phase-out range; amounts kept exact are shown to the
    cent."""
    steps = f.phase_out_lines
    over, width = steps.magi_into_range, f.phase_out_width
    lines = [
        WorkingLine(
            "Line 3 — how far MAGI is into the range",
            usd(over),
            f"line 1 − line 2 = {usd(values['magi'])} − {usd(f.phase_out_start)}",
        ),
        WorkingLine("Line 4 — width of the range", usd(width)),
        WorkingLine(
            "Line 5 — share of the range",
            data_value("ratio", over / width),
            "line 3 ÷ line 4, shown with 5 decimals; line 7 uses the exact value",
        ),
        limit_line(values, y, f),
        WorkingLine(
            "Line 7 — reduction",
            usd(cents(steps.reduction)),
            f"line 6 × line 3 ÷ line 4 = {usd(f.ira_limit)} × {usd(over)} ÷ {usd(width)} (shown to "
            "the cent)",
        ),
        WorkingLine(
            "Line 8 — reduced limit, rounded up to $10",
            usd(steps.rounded_limit),
            f"line 6 − line 7 = {usd(cents(steps.reduced_limit))} (shown to the cent), rounded up "
            "to the next $10",
        ),
    ]
    if steps.floored_limit != steps.rounded_limit:
        lines.append(
            WorkingLine(
                "Line 8 — at least $200",
                usd(steps.floored_limit),
                "a result above $0 and below $200 becomes $200",
            )
        )
    lines.append(
        WorkingLine(
            "Line 11 — most you can contribute directly",
            usd(f.max_roth_contribution),
            "lesser of line 8 and line 6",
        )
    )
    return lines


def limits_used(values: dict, y: YearLimits, f) -> list[LimitUsed]:
    """The IRA limit, the catch-up when it applies, and the phase-out range of the filing status."""
    names = ["ira_limit", *(["ira_catch_up"] if f.catch_up else []), f.phase_out_leaf]
    return [limit_used(y, name, usd) for name in names]


def links(f) -> tuple[Link, ...]:
    """When the direct limit falls short: the Form 8606 check of a backdoor of the whole IRA
    limit."""
    if not f.needs_backdoor:
        return ()
    amount = input_text(cents(f.ira_limit))
    return (
        Link(
            f"Check the tax on a backdoor Roth IRA of {usd(f.ira_limit)} (Form 8606)",
            "backdoor-pro-rata",
            {"nondeductible_contributions": amount, "conversions": amount},
        ),
    )
