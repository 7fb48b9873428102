"""roth-ira-eligibility: the direct Roth IRA contribution allowed at a given MAGI.

Follows IRS Publication 590-A, worksheet 2-2, and IRC 408A(c)(3): the limit
shrinks in proportion to how far MAGI is into the phase-out range; a reduced
limit that is not a multiple of $10 is rounded up to the next $10, and one
above $0 but below $200 becomes $200.

Order of the arithmetic: the worksheet multiplies the limit by a ratio rounded
to at least three places (line 5 x line 6). Here the reduction is
line 6 x line 3 / line 4, multiplied before dividing and never rounded, which
is the same as the full-precision ratio and keeps results that are an exact
multiple of $10 exact; the ratio itself is only shown in the working.

The math is in `figures`; the words around it (working, warnings, summary, the limits cited, the
hand-off to backdoor-pro-rata) in roth_ira_eligibility_words.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from . import fields, shared_fields
from .limits import Limits
from .model import Calculator, Output, check_figures
from .roth_ira_eligibility_words import MONEY, explain

ZERO = Decimal(0)
TEN = Decimal(10)
FLOOR = Decimal(200)  # 408A(c)(3)(A): a reduced limit is not below $200 until fully phased out

# Filing status -> the phase-out range of the limits file that covers it.
PHASE_OUT_KEY = {
    "single": "single",
    "head_of_household": "single",
    "married_separate_lived_apart": "single",
    "married_joint": "married_joint",
    "qualifying_surviving_spouse": "married_joint",
    "married_separate": "married_separate",
}

FIELDS = (
    fields.year(),
    shared_fields.filing_status(),
    fields.dollars(
        "magi",
        "Modified AGI for Roth IRA purposes",
        "150000",
        help="Your modified adjusted gross income (Publication 590-A, worksheet 2-1), not counting "
        "income from a Roth conversion.",
    ),
    fields.age(),
    fields.dollars(
        "earned_income",
        "Taxable compensation",
        "200000",
        help="Wages and self-employment income for the year. Married filing jointly: the couple's "
        "combined compensation, less the other spouse's IRA contributions.",
    ),
)

OUTPUTS = (
    Output("max_roth_contribution", "Most you can contribute directly to a Roth IRA", "dollars"),
    Output("ira_limit", "Your IRA contribution limit", "dollars"),
    Output("phase_out_start", "Phase-out starts at MAGI of", "dollars"),
    Output("phase_out_end", "Phase-out ends at MAGI of", "dollars"),
    Output("needs_backdoor", "Need a backdoor Roth IRA for the rest?", "boolean"),
)


@dataclass(frozen=True)
class PhaseOutLines:
    """Worksheet 2-2 lines 3-8, figured only for a MAGI inside the phase-out range."""

    magi_into_range: Decimal  # line 3
    reduction: Decimal  # line 7, unrounded
    reduced_limit: Decimal  # line 6 - line 7, unrounded
    rounded_limit: Decimal  # line 8: rounded up to the next $10
    floored_limit: Decimal  # line 8 after the $200 floor


@dataclass(frozen=True)
class Figures:
    """Every output of the contract, and the worksheet lines the explanation shows."""

    max_roth_contribution: Decimal  # line 11
    ira_limit: Decimal  # line 6
    phase_out_start: Decimal  # line 2
    phase_out_end: Decimal
    needs_backdoor: bool
    catch_up: Decimal  # the IRA catch-up at 50 and over, else 0
    limit_for_age: Decimal  # the year's IRA limit plus the catch-up, before compensation caps it
    phase_out_width: Decimal  # line 4
    magi_position: (
        str  # "below" (at or below the start), "inside" or "past" (at or above the end) the range
    )
    phase_out_lines: PhaseOutLines | None  # only when inside the range
    phase_out_leaf: (
        str  # the limits file's range for the filing status, e.g. "roth_ira_phase_out.single"
    )


def round_up_to_ten(amount: Decimal) -> Decimal:
    """The next multiple of $10 at or above amount."""
    return (amount / TEN).to_integral_value(rounding=ROUND_CEILING) * TEN


def phase_out_lines(ira_limit: Decimal, magi_into_range: Decimal, width: Decimal) -> PhaseOutLines:
    """Lines 3-8: the limit reduced in proportion to how far MAGI is into the range."""
    reduction = (
        ira_limit * magi_into_range / width
    )  # multiply first: exact whenever the true result is a whole cent
    reduced = ira_limit - reduction
    rounded = round_up_to_ten(reduced)
    floored = FLOOR if ZERO < rounded < FLOOR else rounded
    return PhaseOutLines(magi_into_range, reduction, reduced, rounded, floored)


def figures(values: dict, limits: Limits) -> Figures:
    """Worksheet 2-2 of Publication 590-A, with no traditional IRA contributions (line 9 = $0)."""
    y = limits.year(values["year"])
    magi = values["magi"]
    catch_up = y.ira_catch_up if values["age"] >= 50 else ZERO
    limit_for_age = y.ira_limit + catch_up
    ira_limit = min(limit_for_age, values["earned_income"])
    phase_out_leaf = f"roth_ira_phase_out.{PHASE_OUT_KEY[values['filing_status']]}"
    phase_out = y.value(phase_out_leaf)
    start, end = phase_out.start, phase_out.end
    lines = None
    if magi <= start:
        position, max_roth = "below", ira_limit
    elif magi >= end:
        position, max_roth = "past", ZERO
    else:
        position, lines = "inside", phase_out_lines(ira_limit, magi - start, end - start)
        max_roth = min(
            lines.floored_limit, ira_limit
        )  # line 11: never above line 6 (line 10 with no other IRA contributions)
    return Figures(
        max_roth_contribution=max_roth,
        ira_limit=ira_limit,
        phase_out_start=start,
        phase_out_end=end,
        needs_backdoor=max_roth < ira_limit,
        catch_up=catch_up,
        limit_for_age=limit_for_age,
        phase_out_width=end - start,
        magi_position=position,
        phase_out_lines=lines,
        phase_out_leaf=phase_out_leaf,
    )


check_figures(Figures, OUTPUTS)

CALCULATOR = Calculator(
    id="roth-ira-eligibility",
    title="Roth IRA eligibility calculator",
    question="Can I contribute to a Roth IRA directly, or do I need a backdoor?",
    intro=(
        "See how much you can contribute to a Roth IRA directly at your income, with the IRS "
        "phase-out worksheet, and whether the rest has to go in through a backdoor Roth IRA."
    ),
    fields=FIELDS,
    outputs=OUTPUTS,
    figures=figures,
    explain=explain,
    money=MONEY,
    key_outputs=("max_roth_contribution", "ira_limit", "needs_backdoor"),
)
