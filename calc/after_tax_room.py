"""after-tax-room: how much after-tax money fits this year in one employer's plan.

Rules (contract, after-tax-room): catch-up contributions do not count toward
415(c) (IRC 414(v)(3)(A)); 415(c) is the lesser of the dollar limit and 100% of
compensation from the employer; 402(g) is one limit per person across plans.
The math is in `figures`; the words around it in after_tax_room_words.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import fields, rules, shared_fields
from .after_tax_room_words import MONEY, explain
from .formatting import cents
from .limits import Limits
from .model import Calculator, Output, check_figures

ZERO = Decimal(0)

FIELDS = (
    fields.year(),
    fields.age(),
    fields.dollars(
        "compensation",
        "Compensation from this employer",
        "200000",
        help="Your pay from this employer for the year, including your elective deferrals.",
    ),
    fields.dollars(
        "deferrals",
        "Your elective deferrals to this plan",
        optional=True,
        help="Pre-tax plus Roth 401(k) contributions for the year, including any catch-up. "
        "Leave empty to use the year's 402(g) limit.",
    ),
    fields.dollars(
        "deferrals_other_plans",
        "Elective deferrals to other employers' plans",
        "0",
        help="Pre-tax and Roth deferrals to plans of other, unrelated employers this year.",
    ),
    fields.dollars(
        "employer_contributions",
        "Employer contributions",
        "10000",
        help="Match, true-up, profit sharing and any other money your employer puts in.",
    ),
    fields.dollars(
        "after_tax_contributed",
        "After-tax contributions already made",
        "0",
        help="After-tax (non-Roth) contributions you have already made this year.",
    ),
    fields.percent(
        "plan_after_tax_cap_pct",
        "Plan's cap on after-tax contributions (% of pay)",
        None,
        0,
        100,
        optional=True,
        help="Only if your plan caps after-tax contributions at a share of pay. Optional.",
    ),
    shared_fields.prior_year_wages(),
)

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
    Output("catch_up_must_be_roth", "Must catch-ups be Roth?", "code", codes=rules.ROTH_CODES),
)


@dataclass(frozen=True)
class Figures:
    """Every output of the contract, and the few figures the explanation also shows."""

    after_tax_room: Decimal
    after_tax_remaining: Decimal
    annual_additions_limit: Decimal
    total_possible: Decimal
    catch_up_limit: Decimal
    catch_up_used: Decimal
    deferrals_counted: Decimal
    excess_deferrals: Decimal
    excess_annual_additions: Decimal
    catch_up_must_be_roth: str
    # Shown in the working and the warnings:
    deferrals: Decimal  # to this plan: as entered, else the year's 402(g) limit
    room_before_cap: Decimal  # what 415(c) leaves before any plan cap
    plan_cap: Decimal | None  # the plan's cap on after-tax money in dollars, when it has one


def plan_cap_amount(cap_pct: Decimal | None, compensation: Decimal, year_limits) -> Decimal | None:
    """A plan cap in percent of pay, in dollars: only pay up to the 401(a)(17) limit counts."""
    if cap_pct is None:
        return None
    return cents(cap_pct / 100 * min(compensation, year_limits.compensation_limit))


def figures(values: dict, limits: Limits) -> Figures:
    """The worksheet: catch-up used, deferrals counted, the 415(c) limit, then the room left."""
    y = limits.year(values["year"])
    age, compensation = values["age"], values["compensation"]
    employer, contributed = values["employer_contributions"], values["after_tax_contributed"]
    deferrals = y.elective_deferral if values["deferrals"] is None else values["deferrals"]
    catch_up_limit = rules.catch_up_limit_for(age, y)
    other_plans = values["deferrals_other_plans"]
    catch_up_used = rules.catch_up_used(deferrals, other_plans, y, catch_up_limit)
    deferrals_counted = deferrals - catch_up_used  # catch-ups do not count toward 415(c)
    annual_additions_limit = rules.annual_additions_limit(y, compensation)
    room_before_cap = max(annual_additions_limit - deferrals_counted - employer, ZERO)
    plan_cap = plan_cap_amount(values["plan_after_tax_cap_pct"], compensation, y)
    room = room_before_cap if plan_cap is None else min(room_before_cap, plan_cap)
    return Figures(
        after_tax_room=room,
        after_tax_remaining=max(room - contributed, ZERO),
        annual_additions_limit=annual_additions_limit,
        total_possible=annual_additions_limit + catch_up_limit,
        catch_up_limit=catch_up_limit,
        catch_up_used=catch_up_used,
        deferrals_counted=deferrals_counted,
        excess_deferrals=max(deferrals + other_plans - y.elective_deferral - catch_up_limit, ZERO),
        excess_annual_additions=max(
            deferrals_counted + employer + contributed - annual_additions_limit, ZERO
        ),
        catch_up_must_be_roth=rules.roth_catch_up_code(values["prior_year_wages"], y, age),
        deferrals=deferrals,
        room_before_cap=room_before_cap,
        plan_cap=plan_cap,
    )


check_figures(Figures, OUTPUTS)

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
    figures=figures,
    explain=explain,
    money=MONEY,
    key_outputs=(
        "after_tax_room",
        "after_tax_remaining",
        "annual_additions_limit",
        "total_possible",
    ),
)
