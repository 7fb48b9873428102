"""backdoor-pro-rata's words: the Form 8606 working line by line, the warnings, the summary and the
notes. The numbers all come from backdoor_pro_rata.figures."""

from __future__ import annotations

import datetime

from .formatting import data_value
from .formatting import dollars_text as usd
from .limits import Limits
from .model import Result, WorkingLine

# Every amount on this calculator's page is shown in whole dollars: Calculator.money.
MONEY = usd

BLANK = "blank"

NOTES = (
    "Line 6 counts traditional, SEP and SIMPLE IRAs only: 401(k) and 403(b) balances are never "
    "part "
    "of it (IRA aggregation, IRC 408(d)(2), covers IRAs only).",
    "A direct rollover of 401(k) after-tax money to a Roth IRA has no line on Form 8606 in its "
    "year: it "
    "comes from Form 1099-R and its taxable part goes on Form 1040 lines 5a/5b (Instructions for "
    "Forms "
    "1099-R and 1040). The basis it brings counts later in Form 8606 Part III (line 24) if you "
    "take a "
    "non-qualified Roth IRA distribution.",
    "Dollar lines are whole dollars, rounded half-up, as the form allows. Line 10 is kept at full "
    "precision for lines 11 and 12 and shown with 5 decimals.",
)


def explain(values: dict, limits: Limits, f, today: datetime.date) -> Result:
    """Everything shown around the figures."""
    return Result(
        outputs={},
        summary=summary(f),
        warnings=tuple(warnings(f)),
        working=tuple(
            basis_lines(f)
            + (skipped_lines(f) if f.skipped else pro_rata_lines(f))
            + taxable_lines(f)
        ),
        notes=NOTES,
    )


def summary(f) -> str:
    """One sentence: the taxable conversion, or the basis carried when the form skips lines 6-13."""
    if f.skipped:
        return (
            "No distribution or conversion: lines 6-13 are blank and your basis of "
            f"{usd(f.line14)} carries to next year."
        )
    return (
        f"Taxable conversion (line 18): {usd(f.line18)}; nontaxable part (line 11): "
        f"{usd(f.line11)}; "
        f"basis carried to next year (line 14): {usd(f.line14)}."
    )


def warnings(f) -> list[str]:
    """The taxable parts, each with where it comes from and what can avoid it."""
    found = []
    if f.line18 > 0:
        found.append(
            f"{usd(f.line18)} of your conversion is taxable (line 18, Form 1040 line 4b). This "
            "usually comes from a "
            "nonzero line 6: pre-tax money in any traditional, SEP or SIMPLE IRA on December 31 "
            "makes part of "
            "every conversion taxable (pro-rata rule, IRC 408(d)(2)). If your employer's plan "
            "accepts roll-ins, "
            "rolling that pre-tax IRA money into the 401(k) before December 31 can bring line 6 to "
            "$0."
        )
    if f.line15c > 0:
        found.append(
            f"{usd(f.line15c)} of your distributions is taxable (line 15c). Before age 59½ it may "
            "also owe the "
            "10% additional tax (Form 5329)."
        )
    return found


def basis_lines(f) -> list[WorkingLine]:
    """Lines 1-5: the basis."""
    return [
        WorkingLine("Line 1 — nondeductible contributions for the year", usd(f.line1)),
        WorkingLine("Line 2 — basis from earlier years", usd(f.line2)),
        WorkingLine(
            "Line 3 — total basis",
            usd(f.line3),
            f"line 1 + line 2 = {usd(f.line1)} + {usd(f.line2)}",
        ),
        WorkingLine("Line 4 — contributions made after December 31", usd(f.line4)),
        WorkingLine(
            "Line 5 — basis before this year's distributions",
            usd(f.line5),
            f"line 3 − line 4 = {usd(f.line3)} − {usd(f.line4)}",
        ),
    ]


def skipped_lines(f) -> list[WorkingLine]:
    """Lines 6-14 when the form skips lines 6-13."""
    return [
        WorkingLine(
            "Lines 6 to 13", BLANK, "no distribution and no conversion: the form skips these lines"
        ),
        WorkingLine("Line 14 — basis carried to next year", usd(f.line14), "line 3"),
    ]


def pro_rata_lines(f) -> list[WorkingLine]:
    """Lines 6-14: the pro-rata split of the basis between distributions and the conversion."""
    ratio = data_value("ratio", f.line10)
    return [
        WorkingLine(
            "Line 6 — traditional, SEP and SIMPLE IRAs on December 31",
            usd(f.line6),
            "401(k) and 403(b) balances are not included",
        ),
        WorkingLine("Line 7 — distributions", usd(f.line7)),
        WorkingLine("Line 8 — net amount converted to a Roth IRA", usd(f.line8)),
        WorkingLine(
            "Line 9 — total",
            usd(f.line9),
            f"line 6 + line 7 + line 8 = {usd(f.line6)} + {usd(f.line7)} + {usd(f.line8)}",
        ),
        WorkingLine(
            "Line 10 — nontaxable share",
            ratio,
            f"line 5 ÷ line 9 = {usd(f.line5)} ÷ {usd(f.line9)}, at most 1",
        ),
        WorkingLine(
            "Line 11 — nontaxable part of the conversion",
            usd(f.line11),
            f"line 8 × line 10 = {usd(f.line8)} × {ratio}",
        ),
        WorkingLine(
            "Line 12 — nontaxable part of distributions",
            usd(f.line12),
            f"line 7 × line 10 = {usd(f.line7)} × {ratio}",
        ),
        WorkingLine(
            "Line 13 — total nontaxable",
            usd(f.line13),
            f"line 11 + line 12 = {usd(f.line11)} + {usd(f.line12)}",
        ),
        WorkingLine(
            "Line 14 — basis carried to next year",
            usd(f.line14),
            f"line 3 − line 13 = {usd(f.line3)} − {usd(f.line13)}",
        ),
    ]


def taxable_lines(f) -> list[WorkingLine]:
    """Lines 15c-18: the taxable distributions and the taxable conversion."""
    return [
        WorkingLine(
            "Line 15c — taxable distributions",
            usd(f.line15c),
            "line 7 − line 12 (Form 1040 line 4b)",
        ),
        WorkingLine("Line 16 — amount converted", usd(f.line16), "line 8"),
        WorkingLine("Line 17 — basis in the conversion", usd(f.line17), "line 11"),
        WorkingLine(
            "Line 18 — taxable conversion", usd(f.line18), "line 16 − line 17 (Form 1040 line 4b)"
        ),
    ]
