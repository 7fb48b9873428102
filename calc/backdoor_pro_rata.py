"""backdoor-pro-rata: Form 8606 Parts I and II for a regular backdoor Roth IRA.

Lines follow Form 8606 and its instructions: line 10 = line 5 / line 9 at most 1
(kept at full precision here), line 11 = line 8 x line 10, line 18 = line 8 -
line 11. IRA aggregation (IRC 408(d)(2)) covers traditional, SEP and SIMPLE
IRAs only, so 401(k) and 403(b) balances never enter line 6.

The math is in `figures`; the words around it (working, warnings, summary, notes) in
backdoor_pro_rata_words.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import fields
from .backdoor_pro_rata_words import MONEY, explain
from .fields import NewestLimit
from .formatting import whole_dollars
from .limits import Limits
from .model import Calculator, InputsRejected, Output, check_figures

ZERO = Decimal(0)

FIELDS = (
    fields.dollars(
        "nondeductible_contributions",
        "Line 1: nondeductible traditional IRA contributions",
        NewestLimit("ira_limit"),
        help="Nondeductible contributions to traditional IRAs for this tax year, including those "
        "made "
        "from January 1 to the April filing deadline of the next year.",
    ),
    fields.dollars(
        "prior_basis",
        "Line 2: basis from earlier years",
        "0",
        help="Your total basis in traditional IRAs at the end of last year (last year's Form 8606, "
        "line 14).",
    ),
    fields.dollars(
        "contributions_after_year_end",
        "Line 4: contributions made after December 31",
        "0",
        help="The part of line 1 contributed from January 1 to the April filing deadline of the "
        "next year.",
    ),
    fields.dollars(
        "year_end_ira_balance",
        "Line 6: all traditional, SEP and SIMPLE IRAs on December 31",
        "0",
        help="The value of all your traditional, SEP and SIMPLE IRAs on December 31, plus any "
        "outstanding "
        "rollovers. Do not include 401(k), 403(b) or Roth IRA balances.",
    ),
    fields.dollars(
        "distributions",
        "Line 7: distributions from those IRAs",
        "0",
        help="Distributions during the year, not counting rollovers, conversions or returned "
        "contributions.",
    ),
    fields.dollars(
        "conversions",
        "Line 8: amount converted to a Roth IRA",
        NewestLimit("ira_limit"),
        help="The net amount converted from traditional, SEP and SIMPLE IRAs to Roth IRAs during "
        "the year.",
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


@dataclass(frozen=True)
class Figures:
    """The lines of Form 8606 Parts I and II, in whole dollars except line 10."""

    line1: Decimal
    line2: Decimal
    line3: Decimal
    line4: Decimal
    line5: Decimal
    line14: Decimal
    line15c: Decimal  # line 15b (qualified disaster distributions) is not modelled: 15c = 15a
    line16: Decimal
    line17: Decimal
    line18: Decimal
    # Lines 6-13 stay blank (None) when there is no distribution and no conversion.
    line6: Decimal | None = None
    line7: Decimal | None = None
    line8: Decimal | None = None
    line9: Decimal | None = None
    line10: Decimal | None = None
    line11: Decimal | None = None
    line12: Decimal | None = None
    line13: Decimal | None = None

    @property
    def skipped(self) -> bool:
        """Whether the form skips lines 6-13."""
        return self.line9 is None


def figures(values: dict, limits: Limits) -> Figures:
    """Form 8606 lines 1-18, as its instructions figure them."""
    # The form takes whole dollars, so every entry is rounded before any line is figured.
    line1 = whole_dollars(values["nondeductible_contributions"])
    line2 = whole_dollars(values["prior_basis"])
    line4 = whole_dollars(values["contributions_after_year_end"])
    line6 = whole_dollars(values["year_end_ira_balance"])
    line7 = whole_dollars(values["distributions"])
    line8 = whole_dollars(values["conversions"])
    _check_line4_within_line1(line1, line4)
    line3 = line1 + line2
    line5 = line3 - line4
    if line7 == 0 and line8 == 0:
        # Form 8606: with no distribution and no conversion, skip lines 6-13 and carry line 3 to
        # line 14.
        return Figures(
            line1,
            line2,
            line3,
            line4,
            line5,
            line14=line3,
            line15c=ZERO,
            line16=ZERO,
            line17=ZERO,
            line18=ZERO,
        )
    line9 = line6 + line7 + line8  # > 0 here: line 7 or line 8 is at least $1
    capped = line5 >= line9
    line10 = Decimal(1) if capped else line5 / line9
    # Multiply before dividing: line 10 itself can be a repeating decimal (5/6 = 0.8333...), and
    # 3 x 0.8333...3 would round to 2 where the exact 2.50 rounds half-up to 3.
    line11 = line8 if capped else whole_dollars(line8 * line5 / line9)
    line12 = line7 if capped else whole_dollars(line7 * line5 / line9)
    line13 = line11 + line12
    line15a = line7 - line12
    line16, line17 = line8, line11
    return Figures(
        line1,
        line2,
        line3,
        line4,
        line5,
        line6=line6,
        line7=line7,
        line8=line8,
        line9=line9,
        line10=line10,
        line11=line11,
        line12=line12,
        line13=line13,
        line14=line3 - line13,
        line15c=line15a,
        line16=line16,
        line17=line17,
        line18=line16 - line17,
    )


def _check_line4_within_line1(line1: Decimal, line4: Decimal) -> None:
    """Line 4 is part of line 1, so a larger line 4 is a typo the form cannot take."""
    if line4 > line1:
        raise InputsRejected(
            {
                "contributions_after_year_end": "Line 4: contributions made after December 31: "
                "must not be more than line 1, which includes them."
            }
        )


check_figures(Figures, OUTPUTS)

CALCULATOR = Calculator(
    id="backdoor-pro-rata",
    title="Backdoor Roth IRA pro-rata calculator (Form 8606)",
    question="How much of my backdoor Roth IRA conversion is taxable?",
    intro=(
        "Fill in the Form 8606 lines for one tax year to see how the pro-rata rule splits a "
        "conversion "
        "from a traditional IRA into its nontaxable basis and its taxable part."
    ),
    fields=FIELDS,
    outputs=OUTPUTS,
    figures=figures,
    explain=explain,
    money=MONEY,
    key_outputs=("line18", "line11", "line14"),
)
