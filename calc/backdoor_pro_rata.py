"""backdoor-pro-rata: Form 8606 Parts I and II for a regular backdoor Roth IRA.

Lines follow Form 8606 and its instructions: line 10 = line 5 / line 9 at most 1
(kept at full precision here), line 11 = line 8 x line 10, line 18 = line 8 -
line 11. IRA aggregation (IRC 408(d)(2)) covers traditional, SEP and SIMPLE
IRAs only, so 401(k) and 403(b) balances never enter line 6.
"""

from __future__ import annotations

from decimal import Decimal

from . import fields
from .fields import NewestLimit
from .formatting import data_value, money_text as usd, whole_dollars
from .limits import Limits
from .model import Calculator, InputsRejected, Output, Result, WorkingLine

ZERO = Decimal(0)
BLANK = "blank"

FIELDS = (
    fields.dollars(
        "nondeductible_contributions", "Line 1: nondeductible traditional IRA contributions", NewestLimit("ira_limit"),
        help="Nondeductible contributions to traditional IRAs for this tax year, including those made "
        "from January 1 to the April filing deadline of the next year.",
    ),
    fields.dollars(
        "prior_basis", "Line 2: basis from earlier years", "0",
        help="Your total basis in traditional IRAs at the end of last year (last year's Form 8606, line 14).",
    ),
    fields.dollars(
        "contributions_after_year_end", "Line 4: contributions made after December 31", "0",
        help="The part of line 1 contributed from January 1 to the April filing deadline of the next year.",
    ),
    fields.dollars(
        "year_end_ira_balance", "Line 6: all traditional, SEP and SIMPLE IRAs on December 31", "0",
        help="The value of all your traditional, SEP and SIMPLE IRAs on December 31, plus any outstanding "
        "rollovers. Do not include 401(k), 403(b) or Roth IRA balances.",
    ),
    fields.dollars(
        "distributions", "Line 7: distributions from those IRAs", "0",
        help="Distributions during the year, not counting rollovers, conversions or returned contributions.",
    ),
    fields.dollars(
        "conversions", "Line 8: amount converted to a Roth IRA", NewestLimit("ira_limit"),
        help="The net amount converted from traditional, SEP and SIMPLE IRAs to Roth IRAs during the year.",
    ),
)

OUTPUTS = (
    Output("line3", "Line 3: total basis", "dollars"),
    Output("line5", "Line 5: basis before this year's distributions", "dollars"),
    Output("line9", "Line 9: IRA value plus distributions and conversions", "dollars"),
    Output("line10", "Line 10: nontaxable share", "ratio"),
    Output("line11", "Line 11: nontaxable part of the conversion", "dollars"),
    Output("line12", "Line 12: nontaxable part of distributions", "dollars"),
    Output("line13", "Line 13: total nontaxable", "dollars"),
    Output("line14", "Line 14: basis carried to next year", "dollars"),
    Output("line15c", "Line 15c: taxable distributions", "dollars"),
    Output("line18", "Line 18: taxable conversion", "dollars"),
)

NOTES = (
    "Line 6 counts traditional, SEP and SIMPLE IRAs only: 401(k) and 403(b) balances are never part "
    "of it (IRA aggregation, IRC 408(d)(2), covers IRAs only).",
    "A direct rollover of 401(k) after-tax money to a Roth IRA has no line on Form 8606 in its year: it "
    "comes from Form 1099-R and its taxable part goes on Form 1040 lines 5a/5b (Instructions for Forms "
    "1099-R and 1040). The basis it brings counts later in Form 8606 Part III (line 24) if you take a "
    "non-qualified Roth IRA distribution.",
    "Dollar lines are whole dollars, rounded half-up, as the form allows. Line 10 is kept at full "
    "precision for lines 11 and 12 and shown with 5 decimals.",
)


def compute(values: dict, limits: Limits) -> Result:
    # The form takes whole dollars, so every entry is rounded before any line is figured.
    line1 = whole_dollars(values["nondeductible_contributions"])
    line2 = whole_dollars(values["prior_basis"])
    line4 = whole_dollars(values["contributions_after_year_end"])
    line6_entered = whole_dollars(values["year_end_ira_balance"])
    line7_entered = whole_dollars(values["distributions"])
    line8_entered = whole_dollars(values["conversions"])
    if line4 > line1:
        raise InputsRejected(
            {
                "contributions_after_year_end": "Line 4: contributions made after December 31: "
                "must not be more than line 1, which includes them."
            }
        )

    line3 = line1 + line2
    line5 = line3 - line4
    # Form 8606: with no distribution and no conversion, skip lines 6-13 and carry line 3 to line 14.
    skipped = line7_entered == 0 and line8_entered == 0
    line6 = line7 = line8 = line9 = line10 = line11 = line12 = line13 = None
    if skipped:
        line14 = line3
        line15a = line16 = line17 = line18 = ZERO
    else:
        line6, line7, line8 = line6_entered, line7_entered, line8_entered
        line9 = line6 + line7 + line8  # > 0 here: line 7 or line 8 is at least $1
        capped = line5 >= line9
        line10 = Decimal(1) if capped else line5 / line9
        # Multiply before dividing: line 10 itself can be a repeating decimal (5/6 = 0.8333...), and
        # 3 x 0.8333...3 would round to 2 where the exact 2.50 rounds half-up to 3.
        line11 = line8 if capped else whole_dollars(line8 * line5 / line9)
        line12 = line7 if capped else whole_dollars(line7 * line5 / line9)
        line13 = line11 + line12
        line14 = line3 - line13
        line15a = line7 - line12
        line16, line17 = line8, line11
        line18 = line16 - line17
    line15c = line15a  # line 15b (qualified disaster distributions) is not modelled: 15c = 15a

    working = [
        WorkingLine("Line 1 — nondeductible contributions for the year", usd(line1)),
        WorkingLine("Line 2 — basis from earlier years", usd(line2)),
        WorkingLine("Line 3 — total basis", usd(line3), f"line 1 + line 2 = {usd(line1)} + {usd(line2)}"),
        WorkingLine("Line 4 — contributions made after December 31", usd(line4)),
        WorkingLine(
            "Line 5 — basis before this year's distributions", usd(line5), f"line 3 − line 4 = {usd(line3)} − {usd(line4)}"
        ),
    ]
    if skipped:
        working.append(
            WorkingLine("Lines 6 to 13", BLANK, "no distribution and no conversion: the form skips these lines")
        )
        working.append(WorkingLine("Line 14 — basis carried to next year", usd(line14), "line 3"))
    else:
        ratio = data_value("ratio", line10)
        working += [
            WorkingLine(
                "Line 6 — traditional, SEP and SIMPLE IRAs on December 31", usd(line6),
                "401(k) and 403(b) balances are not included",
            ),
            WorkingLine("Line 7 — distributions", usd(line7)),
            WorkingLine("Line 8 — net amount converted to a Roth IRA", usd(line8)),
            WorkingLine("Line 9 — total", usd(line9), f"line 6 + line 7 + line 8 = {usd(line6)} + {usd(line7)} + {usd(line8)}"),
            WorkingLine("Line 10 — nontaxable share", ratio, f"line 5 ÷ line 9 = {usd(line5)} ÷ {usd(line9)}, at most 1"),
            WorkingLine("Line 11 — nontaxable part of the conversion", usd(line11), f"line 8 × line 10 = {usd(line8)} × {ratio}"),
            WorkingLine("Line 12 — nontaxable part of distributions", usd(line12), f"line 7 × line 10 = {usd(line7)} × {ratio}"),
            WorkingLine("Line 13 — total nontaxable", usd(line13), f"line 11 + line 12 = {usd(line11)} + {usd(line12)}"),
            WorkingLine("Line 14 — basis carried to next year", usd(line14), f"line 3 − line 13 = {usd(line3)} − {usd(line13)}"),
        ]
    working += [
        WorkingLine("Line 15c — taxable distributions", usd(line15c), "line 7 − line 12 (Form 1040 line 4b)"),
        WorkingLine("Line 16 — amount converted", usd(line16), "line 8"),
        WorkingLine("Line 17 — basis in the conversion", usd(line17), "line 11"),
        WorkingLine("Line 18 — taxable conversion", usd(line18), "line 16 − line 17 (Form 1040 line 4b)"),
    ]

    warnings = []
    if line18 > 0:
        warnings.append(
            f"{usd(line18)} of your conversion is taxable (line 18, Form 1040 line 4b). This usually comes from a "
            "nonzero line 6: pre-tax money in any traditional, SEP or SIMPLE IRA on December 31 makes part of "
            "every conversion taxable (pro-rata rule, IRC 408(d)(2)). If your employer's plan accepts roll-ins, "
            "rolling that pre-tax IRA money into the 401(k) before December 31 can bring line 6 to $0."
        )
    if line15c > 0:
        warnings.append(
            f"{usd(line15c)} of your distributions is taxable (line 15c). Before age 59½ it may also owe the "
            "10% additional tax (Form 5329)."
        )

    if skipped:
        summary = f"No distribution or conversion: lines 6-13 are blank and your basis of {usd(line14)} carries to next year."
    else:
        summary = (
            f"Taxable conversion (line 18): {usd(line18)}; nontaxable part (line 11): {usd(line11)}; "
            f"basis carried to next year (line 14): {usd(line14)}."
        )
    return Result(
        outputs={
            "line3": line3,
            "line5": line5,
            "line9": line9,
            "line10": line10,
            "line11": line11,
            "line12": line12,
            "line13": line13,
            "line14": line14,
            "line15c": line15c,
            "line18": line18,
        },
        summary=summary,
        warnings=tuple(warnings),
        working=tuple(working),
        notes=NOTES,
    )


CALCULATOR = Calculator(
    id="backdoor-pro-rata",
    title="Backdoor Roth IRA pro-rata calculator (Form 8606)",
    question="How much of my backdoor Roth IRA conversion is taxable?",
    intro=(
        "Fill in the Form 8606 lines for one tax year to see how the pro-rata rule splits a conversion "
        "from a traditional IRA into its nontaxable basis and its taxable part."
    ),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
)
