"""after-tax-room: how much after-tax money fits this year in one employer's plan.

Rules (contract, after-tax-room): catch-up contributions do not count toward
415(c) (IRC 414(v)(3)(A)); 415(c) is the lesser of the dollar limit and 100% of
compensation from the employer; 402(g) is one limit per person across plans.
"""

from __future__ import annotations

from decimal import Decimal

from . import fields
from .formatting import cents, input_text, money_text as usd, percent_text
from .limits import Limits
from .model import Calculator, Link, Output, Result, WorkingLine, limit_used

ZERO = Decimal(0)

FIELDS = (
    fields.year(),
    fields.age(),
    fields.dollars(
        "compensation", "Compensation from this employer", "200000",
        help="Your pay from this employer for the year, including your elective deferrals.",
    ),
    fields.dollars(
        "deferrals", "Your elective deferrals to this plan", optional=True,
        help="Pre-tax plus Roth 401(k) contributions for the year, including any catch-up. "
        "Leave empty to use the year's 402(g) limit.",
    ),
    fields.dollars(
        "deferrals_other_plans", "Elective deferrals to other employers' plans", "0",
        help="Pre-tax and Roth deferrals to plans of other, unrelated employers this year.",
    ),
    fields.dollars(
        "employer_contributions", "Employer contributions", "10000",
        help="Match, true-up, profit sharing and any other money your employer puts in.",
    ),
    fields.dollars(
        "after_tax_contributed", "After-tax contributions already made", "0",
        help="After-tax (non-Roth) contributions you have already made this year.",
    ),
    fields.percent(
        "plan_after_tax_cap_pct", "Plan's cap on after-tax contributions (% of pay)", None, 0, 100,
        optional=True, help="Only if your plan caps after-tax contributions at a share of pay. Optional.",
    ),
    fields.dollars(
        "prior_year_wages", "Last year's FICA wages from this employer", optional=True,
        help="Box 3 of last year's W-2 from this employer, for the Roth catch-up rule. Optional.",
    ),
)

ROTH_CODES = {"true": "Yes, catch-ups must be Roth", "false": "No", "unknown": "Unknown"}

OUTPUTS = (
    Output("after_tax_room", "After-tax room this year", "dollars"),
    Output("after_tax_remaining", "After-tax room still open", "dollars"),
    Output("annual_additions_limit", "Your annual additions limit (415(c))", "dollars"),
    Output("total_possible", "Most that can go in, with catch-up", "dollars"),
    Output("catch_up_limit", "Catch-up limit for your age", "dollars"),
    Output("catch_up_used", "Catch-up used", "dollars"),
    Output("deferrals_counted", "Deferrals counted toward 415(c)", "dollars"),
    Output("excess_deferrals", "Excess deferrals (over 402(g))", "dollars"),
    Output("excess_annual_additions", "Excess annual additions (over 415(c))", "dollars"),
    Output("catch_up_must_be_roth", "Must catch-ups be Roth?", "code", codes=ROTH_CODES),
)


def catch_up_limit_for(age: int, year_limits) -> Decimal:
    """0 under 50; the age 60-63 catch-up where the year has one; else the 50+ catch-up."""
    if age < 50:
        return ZERO
    if year_limits.catch_up_60_63 is not None and 60 <= age <= 63:
        return year_limits.catch_up_60_63
    return year_limits.catch_up


def roth_catch_up_code(prior_year_wages: Decimal | None, year_limits, age: int) -> str:
    """Must catch-ups be Roth (SECURE 2.0 sec. 603)? 'false' under 50 (no catch-up to make) and in
    years the rule is not in force (before 2026); 'unknown' at 50+ in a rule year without wages."""
    rule = year_limits.roth_catch_up
    if age < 50 or rule is None or not rule.required:
        return "false"
    if prior_year_wages is None:
        return "unknown"
    return "true" if prior_year_wages > rule.wage_threshold else "false"


def compute(values: dict, limits: Limits) -> Result:
    y = limits.year(values["year"])
    year = y.year
    age = values["age"]
    compensation = values["compensation"]
    deferrals_given = values["deferrals"]
    deferrals = y.elective_deferral if deferrals_given is None else deferrals_given
    other = values["deferrals_other_plans"]
    employer = values["employer_contributions"]
    contributed = values["after_tax_contributed"]
    cap_pct = values["plan_after_tax_cap_pct"]
    wages = values["prior_year_wages"]

    catch_up_limit = catch_up_limit_for(age, y)
    over_402g = deferrals + other - y.elective_deferral
    catch_up_used = min(max(over_402g, ZERO), catch_up_limit, deferrals)
    excess_deferrals = max(over_402g - catch_up_limit, ZERO)
    deferrals_counted = deferrals - catch_up_used
    annual_additions_limit = min(y.annual_additions, compensation)
    room_before_cap = max(annual_additions_limit - deferrals_counted - employer, ZERO)
    cap_amount = None
    if cap_pct is not None:
        cap_amount = cents(cap_pct / 100 * min(compensation, y.compensation_limit))
    room = room_before_cap if cap_amount is None else min(room_before_cap, cap_amount)
    remaining = max(room - contributed, ZERO)
    excess_additions = max(deferrals_counted + employer + contributed - annual_additions_limit, ZERO)
    total_possible = annual_additions_limit + catch_up_limit
    roth_code = roth_catch_up_code(wages, y, age)

    used = [
        limit_used(y, "Elective deferral limit", "IRC 402(g)(1)", usd(y.elective_deferral)),
        limit_used(y, "Annual additions limit", "IRC 415(c)(1)(A)", usd(y.annual_additions)),
    ]
    if age >= 50:
        if catch_up_limit == y.catch_up:
            used.append(limit_used(y, "Catch-up, age 50+", "IRC 414(v)(2)(B)", usd(y.catch_up)))
        else:
            used.append(limit_used(y, "Catch-up, ages 60-63", "IRC 414(v)(2)(E)", usd(catch_up_limit)))

    if age < 50:
        catch_up_note = "under 50: no catch-up"
    elif catch_up_limit == y.catch_up:
        catch_up_note = "age 50 or over"
    else:
        catch_up_note = "ages 60-63 (SECURE 2.0)"
    working = [
        WorkingLine(f"402(g) elective deferral limit, {year}", usd(y.elective_deferral), "one limit per person, all plans"),
        WorkingLine(f"Catch-up limit at age {age}", usd(catch_up_limit), catch_up_note),
        WorkingLine(
            "Your deferrals to this plan", usd(deferrals),
            "the year's 402(g) limit (none entered)" if deferrals_given is None else "",
        ),
        WorkingLine("Deferrals to other employers' plans", usd(other)),
        WorkingLine(
            "Catch-up used",
            usd(catch_up_used),
            f"min(max({usd(deferrals)} + {usd(other)} − {usd(y.elective_deferral)}, $0), {usd(catch_up_limit)}, {usd(deferrals)})",
        ),
        WorkingLine(
            "Deferrals counted toward 415(c)", usd(deferrals_counted),
            f"{usd(deferrals)} − {usd(catch_up_used)}: catch-ups do not count (IRC 414(v)(3)(A))",
        ),
        WorkingLine(
            "Annual additions limit", usd(annual_additions_limit),
            f"lesser of the {year} 415(c) limit {usd(y.annual_additions)} and compensation {usd(compensation)}",
        ),
        WorkingLine("Employer contributions", usd(employer)),
        WorkingLine(
            "After-tax room before any plan cap", usd(room_before_cap),
            f"{usd(annual_additions_limit)} − {usd(deferrals_counted)} − {usd(employer)}, not below $0",
        ),
    ]
    if cap_amount is not None:
        used.append(limit_used(y, "Compensation limit", "IRC 401(a)(17)", usd(y.compensation_limit)))
        working.append(
            WorkingLine(
                "Plan cap on after-tax contributions", usd(cap_amount),
                f"{percent_text(cap_pct)} × lesser of compensation and the 401(a)(17) limit {usd(y.compensation_limit)}",
            )
        )
    working += [
        WorkingLine("After-tax room", usd(room)),
        WorkingLine("After-tax contributions already made", usd(contributed)),
        WorkingLine("After-tax room still open", usd(remaining), f"{usd(room)} − {usd(contributed)}, not below $0"),
        WorkingLine("Most that can go in, with catch-up", usd(total_possible), f"{usd(annual_additions_limit)} + {usd(catch_up_limit)}"),
    ]

    warnings = []
    if excess_deferrals > 0:
        warnings.append(
            f"Your elective deferrals across all plans are {usd(excess_deferrals)} over the {year} 402(g) "
            f"limit{' plus catch-up' if catch_up_limit else ''}. The excess must be paid out to you by "
            f"April 15, {year + 1}, or it is taxed twice."
        )
    if excess_additions > 0:
        warnings.append(
            f"Contributions to this plan are {usd(excess_additions)} over your annual additions limit of "
            f"{usd(annual_additions_limit)}. The plan must correct the excess (IRS correction program, "
            "Rev. Proc. 2021-30); tell the plan administrator. In a 401(k) no excise tax applies, but in a "
            "403(b)(7) custodial account the excess owes a 6% excise tax every year until corrected (IRC 4973(a)(3))."
        )
    if compensation < y.annual_additions:
        warnings.append(
            f"Your room is limited by your compensation: 415(c) allows at most 100% of your pay from this "
            f"employer ({usd(compensation)}), less than the {year} dollar limit of {usd(y.annual_additions)}."
        )
    if cap_amount is not None and cap_amount < room_before_cap:
        warnings.append(
            f"Your plan's cap of {percent_text(cap_pct)} of pay ({usd(cap_amount)}) is lower than the "
            f"{usd(room_before_cap)} that 415(c) leaves, so the cap sets your after-tax room."
        )
    if compensation > y.hce_threshold:
        used.append(limit_used(y, "Highly compensated employee threshold", "IRC 414(q)(1)(B)", usd(y.hce_threshold)))
        warnings.append(
            f"Pay above {usd(y.hce_threshold)} in {year} makes you a highly compensated employee (HCE) in "
            f"{year + 1}. HCEs' after-tax contributions are limited by the plan's ACP nondiscrimination "
            "test; a failed test can force the plan to refund some of them."
        )

    notes = []
    rule = y.roth_catch_up
    if rule is not None:
        used.append(
            limit_used(y, "Roth catch-up wage threshold", "SECURE 2.0 sec. 603", usd(rule.wage_threshold))
        )
        if roth_code == "true":
            notes.append(
                f"Your {year - 1} FICA wages from this employer are above {usd(rule.wage_threshold)}, so any "
                f"catch-up contributions you make in {year} must be Roth (SECURE 2.0 sec. 603); a plan with no Roth "
                "option cannot give you catch-ups at all."
            )
        elif not rule.required:
            notes.append(
                f"{year} was an administrative transition year for the Roth catch-up rule (IRS Notice 2023-62 "
                "covered 2024 and 2025): catch-ups did not have to be Roth."
            )

    links = ()
    if remaining > 0:
        links = (
            Link(
                f"Spread the {usd(remaining)} still open over your remaining paychecks",
                "paycheck-plan",
                {"after_tax_remaining": input_text(cents(remaining))},
            ),
        )

    summary = (
        f"{year}: after-tax room {usd(room)}, of which {usd(remaining)} is still open. "
        f"Most that can go in with catch-up: {usd(total_possible)}."
    )
    return Result(
        outputs={
            "after_tax_room": room,
            "after_tax_remaining": remaining,
            "annual_additions_limit": annual_additions_limit,
            "total_possible": total_possible,
            "catch_up_limit": catch_up_limit,
            "catch_up_used": catch_up_used,
            "deferrals_counted": deferrals_counted,
            "excess_deferrals": excess_deferrals,
            "excess_annual_additions": excess_additions,
            "catch_up_must_be_roth": roth_code,
        },
        summary=summary,
        warnings=tuple(warnings),
        working=tuple(working),
        limits_used=tuple(used),
        links=links,
        notes=tuple(notes),
    )


CALCULATOR = Calculator(
    id="after-tax-room",
    title="After-tax room calculator",
    question="How much after-tax money fits in my 401(k) this year?",
    intro=(
        "Work out how much after-tax (non-Roth) money fits under your plan's annual additions "
        "limit once your own deferrals and your employer's contributions are counted."
    ),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
)
