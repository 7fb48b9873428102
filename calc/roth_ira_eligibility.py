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
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from . import fields
from .formatting import cents, data_value, input_text, money_text as usd
from .limits import Limits
from .model import Calculator, Link, Output, Result, WorkingLine, limit_used

ZERO = Decimal(0)
TEN = Decimal(10)
FLOOR = Decimal(200)  # 408A(c)(3)(A): a reduced limit is not below $200 until fully phased out

STATUS_CHOICES = (
    ("single", "Single"),
    ("head_of_household", "Head of household"),
    ("married_joint", "Married filing jointly"),
    ("qualifying_surviving_spouse", "Qualifying surviving spouse"),
    ("married_separate", "Married filing separately, lived with spouse during the year"),
    ("married_separate_lived_apart", "Married filing separately, lived apart all year"),
)

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
    fields.choice(
        "filing_status", "Filing status", "single", STATUS_CHOICES,
        help="Married filing separately: choose 'lived apart' only if you did not live with your "
        "spouse at any time during the year.",
    ),
    fields.dollars(
        "magi", "Modified AGI for Roth IRA purposes", "150000",
        help="Your modified adjusted gross income (Publication 590-A, worksheet 2-1), not counting "
        "income from a Roth conversion.",
    ),
    fields.age(),
    fields.dollars(
        "earned_income", "Taxable compensation", "200000",
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


def round_up_to_ten(amount: Decimal) -> Decimal:
    """The next multiple of $10 at or above amount."""
    return (amount / TEN).to_integral_value(rounding=ROUND_CEILING) * TEN


def compute(values: dict, limits: Limits) -> Result:
    y = limits.year(values["year"])
    year = y.year
    status = values["filing_status"]
    magi = values["magi"]
    age = values["age"]
    earned = values["earned_income"]

    catch_up = y.ira_catch_up if age >= 50 else ZERO
    ira_limit = min(y.ira_limit + catch_up, earned)
    phase_out = y.roth_ira_phase_out[PHASE_OUT_KEY[status]]
    start, end = phase_out.start, phase_out.end
    status_label = dict(STATUS_CHOICES)[status]

    year_limit = usd(y.ira_limit)
    if catch_up:
        year_limit = f"{usd(y.ira_limit + catch_up)} ({usd(y.ira_limit)} + {usd(catch_up)} catch-up at 50+)"
    limit_line = WorkingLine(
        "Line 6 — your IRA limit", usd(ira_limit), f"lesser of {year_limit} and taxable compensation {usd(earned)}"
    )
    working = [
        WorkingLine("Worksheet 2-2, line 1 — modified AGI", usd(magi)),
        WorkingLine("Line 2 — start of the phase-out range", usd(start), f"{year}, {status_label.lower()}"),
        WorkingLine("End of the phase-out range", usd(end), f"line 2 + the width of the range, {usd(end - start)}"),
    ]
    if magi <= start:
        max_roth = ira_limit
        working += [limit_line, WorkingLine("Result", usd(max_roth), "MAGI at or below the start of the range: the full limit")]
    elif magi >= end:
        max_roth = ZERO
        working.append(WorkingLine("Result", usd(max_roth), "MAGI at or above the end of the range: no direct contribution"))
    else:
        over = magi - start
        width = end - start
        reduction = ira_limit * over / width  # multiply first: exact whenever the true result is a whole cent
        reduced = ira_limit - reduction
        rounded = round_up_to_ten(reduced)
        floored = FLOOR if ZERO < rounded < FLOOR else rounded
        max_roth = min(floored, ira_limit)  # line 11: never above line 6 (line 10 with no other IRA contributions)
        working += [
            WorkingLine("Line 3 — how far MAGI is into the range", usd(over), f"line 1 − line 2 = {usd(magi)} − {usd(start)}"),
            WorkingLine("Line 4 — width of the range", usd(width)),
            WorkingLine(
                "Line 5 — share of the range", data_value("ratio", over / width),
                "line 3 ÷ line 4, shown with 5 decimals; line 7 uses the exact value",
            ),
            limit_line,
            WorkingLine(
                "Line 7 — reduction", usd(cents(reduction)),
                f"line 6 × line 3 ÷ line 4 = {usd(ira_limit)} × {usd(over)} ÷ {usd(width)} (shown to the cent)",
            ),
            WorkingLine(
                "Line 8 — reduced limit, rounded up to $10", usd(rounded),
                f"line 6 − line 7 = {usd(cents(reduced))} (shown to the cent), rounded up to the next $10",
            ),
        ]
        if floored != rounded:
            working.append(WorkingLine("Line 8 — at least $200", usd(floored), "a result above $0 and below $200 becomes $200"))
        working.append(
            WorkingLine("Line 11 — most you can contribute directly", usd(max_roth), "lesser of line 8 and line 6")
        )
    needs_backdoor = max_roth < ira_limit

    used = [
        limit_used(y, "IRA contribution limit", "IRC 219(b)(5)(A)", usd(y.ira_limit)),
        limit_used(
            y, f"Roth IRA phase-out range ({status_label.lower()})", "IRC 408A(c)(3)",
            f"{usd(start)} to {usd(end)}",
        ),
    ]
    if catch_up:
        used.insert(1, limit_used(y, "IRA catch-up, age 50 and over", "IRC 219(b)(5)(B)", usd(y.ira_catch_up)))

    warnings = []
    if earned < y.ira_limit + catch_up:
        warnings.append(
            f"Your IRA limit is capped at your taxable compensation ({usd(earned)}), below the {year} limit of "
            f"{usd(y.ira_limit + catch_up)}."
        )
    if needs_backdoor and max_roth > 0:
        warnings.append(
            f"You can put {usd(max_roth)} into a Roth IRA directly. Traditional IRA contributions for {year} "
            f"count against the same {usd(ira_limit)} limit (worksheet 2-2, lines 9-10), so direct and "
            "backdoor contributions together cannot exceed it."
        )
    if status == "married_separate":
        warnings.append(
            "Married filing separately and lived with your spouse at any time during the year: the phase-out "
            f"range is {usd(start)} to {usd(end)}, so most people in this status cannot contribute directly."
        )

    links = ()
    if needs_backdoor:
        amount = input_text(cents(ira_limit))
        links = (
            Link(
                f"Check the tax on a backdoor Roth IRA of {usd(ira_limit)} (Form 8606)",
                "backdoor-pro-rata",
                {"nondeductible_contributions": amount, "conversions": amount},
            ),
        )

    if ira_limit == 0:
        summary = f"{year}: with no taxable compensation you cannot contribute to any IRA."
    elif max_roth == ira_limit:
        summary = f"{year}: you can contribute the full {usd(ira_limit)} to a Roth IRA directly."
    elif max_roth == 0:
        summary = (
            f"{year}: your MAGI is past the phase-out range, so a direct Roth IRA contribution is not allowed; "
            "a backdoor Roth IRA is the way in."
        )
    else:
        summary = f"{year}: you can contribute {usd(max_roth)} of your {usd(ira_limit)} limit to a Roth IRA directly."
    return Result(
        outputs={
            "max_roth_contribution": max_roth,
            "ira_limit": ira_limit,
            "phase_out_start": start,
            "phase_out_end": end,
            "needs_backdoor": needs_backdoor,
        },
        summary=summary,
        warnings=tuple(warnings),
        working=tuple(working),
        limits_used=tuple(used),
        links=links,
        notes=(
            "This follows IRS Publication 590-A, worksheet 2-2, assuming no traditional IRA contributions "
            "for the year (worksheet line 9 = $0).",
            "Modified AGI for Roth IRA purposes leaves out income from Roth conversions, including the "
            "conversion in a backdoor Roth IRA.",
        ),
    )


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
    compute=compute,
)
