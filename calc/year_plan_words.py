"""year-plan's words: the summary, the working, the warnings (each with its fix); the paycheck
table and the chart are in year_plan_table.py. The numbers all come from year_plan.figures."""

from __future__ import annotations

import datetime
from decimal import Decimal

from .formatting import cents_text as usd
from .formatting import date_text, input_text, percent_text
from .limits import Limits
from .model import Link, Result, WorkingLine, limit_used
from .rules import PAY_FREQUENCIES
from .year_plan_answer import excess_warning, summary, take_home_warning
from .year_plan_table import chart, schedule_table

# Every amount on this calculator's page is shown to the cent (payroll money): Calculator.money.
MONEY = usd

NOTES = (
    "Every payday pays your yearly base pay divided by the paydays of a usual year (52, 26, 24 or "
    "12). "
    "In a year with a 27th or 53rd payday some employers pay that too, others divide the salary by "
    "more "
    "paydays: check your pay stub.",
    "The 401(a)(17) compensation limit caps the pay the plan may count. In many plans payroll "
    "stops every "
    "percentage election once the year's pay passes it; some keep deducting deferrals and "
    "after-tax money from "
    "all pay. Ask payroll which yours does and set the planner to match. The match is figured on "
    "pay up to the "
    "limit either way.",
    "After-tax contributions are not stopped at the 415(c) limit here, as many plans do not stop "
    "them: "
    "the plan must correct any excess, so elect no more than fits.",
)


def explain(values: dict, limits: Limits, f, today: datetime.date) -> Result:
    """Everything shown around the figures."""
    y = limits.year(values["year"])
    return Result(
        outputs={},
        summary=summary(values, limits, f, today),
        warnings=tuple(warnings(values, y, f)),
        working=tuple(working(values, y, f)),
        limits_used=tuple(limits_used(y, f)),
        links=(
            Link(
                "What waiting to convert costs",
                "conversion-delay",
                {
                    "amount": input_text(_first_after_tax(f)),
                    "pay_frequency": values["pay_frequency"],
                    "tax_rate_pct": input_text(values["tax_rate_pct"].normalize()),
                },
            ),
            Link(
                "The after-tax room for this year, on its own",
                "after-tax-room",
                {
                    "year": str(values["year"]),
                    "age": str(values["age"]),
                    "compensation": input_text(f.year_pay),
                    "employer_contributions": input_text(f.employer_total),
                },
            ),
        ),
        tables=(schedule_table(f),),
        figure_svg=chart(values, f),
        notes=NOTES,
    )


def _day(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(iso)


def _first_after_tax(f) -> Decimal:
    return next(
        (row.after_tax for row in f.schedule if not row.past and row.after_tax > 0), Decimal(0)
    )


def warnings(values: dict, y, f) -> list[str]:
    """Each problem the plan shows, in plain words, with what fixes it."""
    found = [warning for warning in (excess_warning(f), take_home_warning(f)) if warning]
    if (
        f.match_lost >= 1
    ):  # a few cents come from rounding each paycheck's match, not from front-loading
        cause = (
            f"your deferrals reach the limit on {date_text(_day(f.deferral_max_date))} and stop"
            if f.deferral_max_date != "none"
            else "some paychecks are matched on less than the full share of pay"
        )
        gap = f.deferral_cap - f.steady_deferrals
        top_up = (
            f" ({usd(gap)} short of the cap: raise the last paycheck's election to close it)"
            if gap > 0
            else ""
        )
        found.append(
            f"You lose {usd(f.match_lost)} of match: the plan matches each paycheck and has no "
            "true-up, and "
            f"{cause}. A deferral election of {f.steady_deferral_pct}% keeps deferring through the "
            "last "
            f"paycheck and keeps the match{top_up}; or ask whether the plan will add a true-up."
        )
    if f.compensation_cut_date is not None:
        found.append(compensation_limit_warning(values, y, f))
    regular = sum(1 for row in f.schedule if not row.bonus)
    if regular > PAY_FREQUENCIES[values["pay_frequency"]]:
        found.append(
            f"{values['year']} has {regular} paydays on this schedule, one more than usual. The "
            "plan assumes "
            "each pays the usual amount; if yours divides the salary by more paydays, enter your "
            "pay to match."
        )
    if f.deferral_max_date != "none":
        found.append(
            f"Deferrals stop after {date_text(_day(f.deferral_max_date))}, before the last "
            "paycheck. Ask "
            "the plan whether after-tax contributions and the match continue once deferrals stop."
        )
    if f.catch_up_used > 0 and f.catch_up_must_be_roth in ("true", "unknown"):
        found.append(
            "Your catch-up contributions must be Roth (SECURE 2.0 sec. 603) if last year's FICA "
            "wages from "
            f"this employer were above {usd(y.roth_catch_up.wage_threshold)}"
            + (": they were." if f.catch_up_must_be_roth == "true" else ": enter them to know.")
            + " A plan with no Roth option cannot take those catch-ups."
        )
    later = f.true_up_due + values["employer_other"]
    if later > 0:
        found.append(
            f"{usd(later)} of employer money arrives after the last paycheck (true-up and profit "
            "sharing). "
            "It is counted in your limit already: do not spend that room on after-tax money."
        )
    return found


def compensation_limit_warning(values: dict, y, f) -> str:
    """What happens once the year's pay passes 401(a)(17), as the reader says payroll handles it."""
    passed = (
        f"Your pay passes the {usd(y.compensation_limit)} compensation limit (IRC 401(a)(17)) on "
        f"{date_text(f.compensation_cut_date)}. "
    )
    if values["pay_cap"] == "stop":
        return passed + (
            "In many plans payroll stops every percentage election there, and this plan assumes "
            "yours does: "
            "no deferrals, match or after-tax money after that payday. Ask payroll. To use your "
            "room before "
            "then, raise your elections early; but after-tax money is not stopped at the 415(c) "
            "limit, so "
            "front-loaded after-tax percents can put you over it if payroll keeps deducting: check "
            "the "
            "year's total against your limit."
        )
    return passed + (
        "You told the planner payroll keeps deducting your percentages from all pay: the match "
        "stops there "
        "(it is figured on pay up to the limit), and contributions figured on pay above the limit "
        "raise a "
        "plan-compliance question (Treas. Reg. 1.401(a)(17)-1). Ask the plan whether it allows "
        "them; the "
        "planner does not recommend it."
    )


def working(values: dict, y, f) -> list[WorkingLine]:
    """The lines of the computation, rule by rule."""
    planned = [row for row in f.schedule if not row.past]
    lines = _pay_and_deferral_lines(values, y, f) + [
        WorkingLine(
            "Match for the year",
            usd(f.match_total),
            f"{percent_text(values['match_pct'])} of deferrals up to "
            f"{percent_text(values['match_limit_pct'])} "
            f"of pay, paycheck by paycheck; the year's full match is {usd(f.full_match)}",
        ),
        WorkingLine(
            "Employer money",
            usd(f.employer_total),
            f"match + other {usd(values['employer_other'])}",
        ),
        WorkingLine(
            "Annual additions limit",
            usd(f.annual_additions_limit),
            f"lesser of {usd(y.annual_additions)} and the year's pay",
        ),
        WorkingLine(
            "Room for planned after-tax money",
            usd(f.after_tax_room),
            f"{usd(f.annual_additions_limit)} − {usd(f.deferrals_counted)} − "
            f"{usd(f.employer_total)} − "
            f"{usd(values['after_tax_ytd'])} so far",
        ),
        WorkingLine(
            "After-tax money for the year",
            usd(f.after_tax_total),
            f"{f.after_tax_pct_used}% of {len(planned)} paychecks' pay + "
            f"{usd(values['after_tax_ytd'])} so far",
        ),
        WorkingLine(
            "Annual additions",
            usd(f.annual_additions),
            "deferrals counted + employer money + after-tax",
        ),
        WorkingLine(
            "Earnings taxed at conversion",
            usd(f.conversion_earnings),
            f"each paycheck's after-tax money grows at {percent_text(values['annual_return_pct'])} "
            "a year "
            "until its conversion date",
        ),
        WorkingLine(
            "Tax on them", usd(f.conversion_tax), f"at {percent_text(values['tax_rate_pct'])}"
        ),
    ]
    return lines


def _pay_and_deferral_lines(values: dict, y, f) -> list[WorkingLine]:
    """Rules 1, 2 and 4: the year's pay, its deferrals and what of them 415(c) counts."""
    return [
        WorkingLine(
            "Pay per paycheck",
            usd(f.pay_per_check),
            f"{usd(values['salary'])} ÷ {PAY_FREQUENCIES[values['pay_frequency']]}",
        ),
        WorkingLine(
            "Paychecks this year",
            str(f.paychecks),
            f"{f.paychecks - f.paychecks_planned} before the new elections",
        ),
        WorkingLine("Pay for the year", usd(f.year_pay), "every paycheck, the bonus included"),
        WorkingLine(
            "Deferral cap for this plan",
            usd(f.deferral_cap),
            f"{usd(y.elective_deferral)} + catch-up {usd(f.catch_up_limit)} − other plans "
            f"{usd(values['deferrals_other_plans'])}",
        ),
        WorkingLine(
            "Deferrals for the year",
            usd(f.deferrals_total),
            f"{usd(values['deferrals_ytd'])} so far + {f.deferral_pct_used}% of each paycheck's "
            "pay, "
            "stopped at the cap",
        ),
        WorkingLine(
            "Deferrals counted toward 415(c)",
            usd(f.deferrals_counted),
            f"{usd(f.deferrals_total)} − catch-up {usd(f.catch_up_used)} (IRC 414(v)(3)(A))",
        ),
    ]


def limits_used(y, f) -> list:
    names = ["elective_deferral", "annual_additions", "compensation_limit"]
    if f.catch_up_limit > 0:
        names.append("catch_up" if f.catch_up_limit == y.catch_up else "catch_up_60_63")
    if y.roth_catch_up is not None:
        names.append("roth_catch_up.wage_threshold")
    return [limit_used(y, name, usd) for name in names]
