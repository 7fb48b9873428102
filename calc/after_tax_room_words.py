"""after-tax-room's words: the summary, the working, the warnings, the limits cited, the notes and
the hand-off to paycheck-plan. The numbers all come from after_tax_room.figures."""

from __future__ import annotations

import datetime

from .formatting import cents, input_text, percent_text
from .formatting import cents_text as usd
from .limits import Limits
from .model import LimitUsed, Link, Result, WorkingLine, limit_used

# Every amount on this calculator's page is shown to the cent (payroll money): Calculator.money.
MONEY = usd


def explain(values: dict, limits: Limits, f, today: datetime.date) -> Result:
    """Everything shown around the figures."""
    y = limits.year(values["year"])
    if f.after_tax_room == 0:
        summary = (
            f"No after-tax money fits in this plan in {y.year}: your deferrals and employer money "
            "fill "
            f"the {usd(f.annual_additions_limit)} limit."
        )
    elif f.after_tax_remaining == 0:
        summary = (
            f"Your {usd(f.after_tax_room)} of after-tax room for {y.year} is used: "
            "contribute no more."
        )
    else:
        summary = (
            f"Contribute up to {usd(f.after_tax_remaining)} more after-tax money to this plan in "
            f"{y.year} "
            f"(room {usd(f.after_tax_room)}), then convert it to Roth."
        )
    return Result(
        outputs={},
        summary=summary,
        warnings=tuple(warnings(values, y, f)),
        working=tuple(working(values, y, f)),
        limits_used=tuple(limits_used(values, y, f)),
        links=links(f),
        notes=tuple(notes(y, f)),
    )


def catch_up_rule(age: int, y, f) -> str:
    """Which catch-up the age allows: "none" under 50, "60-63" for the larger SECURE 2.0 one, else
    "50+"."""
    if age < 50:
        return "none"
    return "50+" if f.catch_up_limit == y.catch_up else "60-63"


CATCH_UP_NOTES = {
    "none": "under 50: no catch-up",
    "50+": "age 50 or over",
    "60-63": "ages 60-63 (SECURE 2.0)",
}


def working(values: dict, y, f) -> list[WorkingLine]:
    """The lines of the worksheet, in its order."""
    employer, contributed = values["employer_contributions"], values["after_tax_contributed"]
    lines = _deferral_lines(values, y, f) + [
        WorkingLine(
            "Annual additions limit",
            usd(f.annual_additions_limit),
            f"lesser of the {y.year} 415(c) limit {usd(y.annual_additions)} and compensation "
            f"{usd(values['compensation'])}",
        ),
        WorkingLine("Employer contributions", usd(employer)),
        WorkingLine(
            "After-tax room before any plan cap",
            usd(f.room_before_cap),
            f"{usd(f.annual_additions_limit)} − {usd(f.deferrals_counted)} − {usd(employer)}, not "
            "below $0",
        ),
    ]
    if f.plan_cap is not None:
        lines.append(
            WorkingLine(
                "Plan cap on after-tax contributions",
                usd(f.plan_cap),
                f"{percent_text(values['plan_after_tax_cap_pct'])} × lesser of compensation and "
                f"the 401(a)(17) limit {usd(y.compensation_limit)}",
            )
        )
    return lines + [
        WorkingLine("After-tax room", usd(f.after_tax_room)),
        WorkingLine("After-tax contributions already made", usd(contributed)),
        WorkingLine(
            "After-tax room still open",
            usd(f.after_tax_remaining),
            f"{usd(f.after_tax_room)} − {usd(contributed)}, not below $0",
        ),
        WorkingLine(
            "Most that can go in, with catch-up",
            usd(f.total_possible),
            f"{usd(f.annual_additions_limit)} + {usd(f.catch_up_limit)}",
        ),
    ]


def _deferral_lines(values: dict, y, f) -> list[WorkingLine]:
    """The 402(g) side: deferral and catch-up limits, and the deferrals that count for 415(c)."""
    age, other = values["age"], values["deferrals_other_plans"]
    return [
        WorkingLine(
            f"402(g) elective deferral limit, {y.year}",
            usd(y.elective_deferral),
            "one limit per person, all plans",
        ),
        WorkingLine(
            f"Catch-up limit at age {age}",
            usd(f.catch_up_limit),
            CATCH_UP_NOTES[catch_up_rule(age, y, f)],
        ),
        WorkingLine(
            "Your deferrals to this plan",
            usd(f.deferrals),
            "the year's 402(g) limit (none entered)" if values["deferrals"] is None else "",
        ),
        WorkingLine("Deferrals to other employers' plans", usd(other)),
        WorkingLine(
            "Catch-up used",
            usd(f.catch_up_used),
            f"min(max({usd(f.deferrals)} + {usd(other)} − {usd(y.elective_deferral)}, $0), "
            f"{usd(f.catch_up_limit)}, {usd(f.deferrals)})",
        ),
        WorkingLine(
            "Deferrals counted toward 415(c)",
            usd(f.deferrals_counted),
            f"{usd(f.deferrals)} − {usd(f.catch_up_used)}: catch-ups do not count (IRC "
            "414(v)(3)(A))",
        ),
    ]


def warnings(values: dict, y, f) -> list[str]:
    """Each problem the figures show, in plain words, with what to do about it."""
    year, compensation = y.year, values["compensation"]
    found = []
    if f.excess_deferrals > 0:
        found.append(
            f"Your elective deferrals across all plans are {usd(f.excess_deferrals)} over the "
            f"{year} 402(g) "
            f"limit{' plus catch-up' if f.catch_up_limit else ''}. The excess must be paid out to "
            "you by "
            f"April 15, {year + 1}, or it is taxed twice."
        )
    if f.excess_annual_additions > 0:
        found.append(
            f"Contributions to this plan are {usd(f.excess_annual_additions)} over your annual "
            "additions limit of "
            f"{usd(f.annual_additions_limit)}. The plan must correct the excess (IRS correction "
            "program, "
            "Rev. Proc. 2021-30); tell the plan administrator. In a 401(k) no excise tax applies, "
            "but in a "
            "403(b)(7) custodial account the excess owes a 6% excise tax every year until "
            "corrected (IRC 4973(a)(3))."
        )
    if compensation < y.annual_additions:
        found.append(
            "Your room is limited by your compensation: 415(c) allows at most 100% of your pay "
            "from this "
            f"employer ({usd(compensation)}), less than the {year} dollar limit of "
            f"{usd(y.annual_additions)}."
        )
    if f.plan_cap is not None and f.plan_cap < f.room_before_cap:
        found.append(
            f"Your plan's cap of {percent_text(values['plan_after_tax_cap_pct'])} of pay "
            f"({usd(f.plan_cap)}) is lower "
            f"than the {usd(f.room_before_cap)} that 415(c) leaves, so the cap sets your after-tax "
            "room."
        )
    if compensation > y.hce_threshold:
        found.append(
            f"Pay above {usd(y.hce_threshold)} in {year} makes you a highly compensated employee "
            "(HCE) in "
            f"{year + 1}. HCEs' after-tax contributions are limited by the plan's ACP "
            "nondiscrimination "
            "test; a failed test can force the plan to refund some of them."
        )
    return found


def limits_used(values: dict, y, f) -> list[LimitUsed]:
    """The limits the result depends on, in the order the worksheet and the warnings meet them."""
    names = ["elective_deferral", "annual_additions"]
    names += {"50+": ["catch_up"], "60-63": ["catch_up_60_63"], "none": []}[
        catch_up_rule(values["age"], y, f)
    ]
    if f.plan_cap is not None:
        names.append("compensation_limit")
    if values["compensation"] > y.hce_threshold:
        names.append("hce_threshold")
    if y.roth_catch_up is not None:
        names.append("roth_catch_up.wage_threshold")
    return [limit_used(y, name, usd) for name in names]


def notes(y, f) -> list[str]:
    """The Roth catch-up rule, in the years it exists: whether it binds you, or that it did not yet
    bind."""
    rule = y.roth_catch_up
    if rule is None:
        return []
    if f.catch_up_must_be_roth == "true":
        return [
            f"Your {y.year - 1} FICA wages from this employer are above "
            f"{usd(rule.wage_threshold)}, so any "
            f"catch-up contributions you make in {y.year} must be Roth (SECURE 2.0 sec. 603); a "
            "plan with no Roth "
            "option cannot give you catch-ups at all."
        ]
    if not rule.required:
        return [
            f"{y.year} was an administrative transition year for the Roth catch-up rule (IRS "
            "Notice 2023-62 "
            "covered 2024 and 2025): catch-ups did not have to be Roth."
        ]
    return []


def links(f) -> tuple[Link, ...]:
    """Hand the room still open to paycheck-plan, when there is some."""
    if f.after_tax_remaining <= 0:
        return ()
    return (
        Link(
            f"Spread the {usd(f.after_tax_remaining)} still open over your remaining paychecks",
            "paycheck-plan",
            {"after_tax_remaining": input_text(cents(f.after_tax_remaining))},
        ),
    )
