"""tax-forms' words for rule 6, the estimated-tax safe harbor (IRC 6654): its working lines, its
warnings stated exactly, and the four installments. The numbers come from tax_forms.figures."""

from __future__ import annotations

from decimal import Decimal

from . import statutory
from .formatting import cents_text as usd
from .model import Table, WorkingLine

# IRC 6654(c)(2): a calendar year's four required installments.
INSTALLMENTS = ("15 April", "15 June", "15 September", "15 January of the next year")


def known(amount: Decimal | str) -> bool:
    """False for the code "unknown"."""
    return not isinstance(amount, str)


def safe_harbor_working(values: dict, f) -> list[WorkingLine]:
    """Rule 6's lines: last year's tax times 100% or 110%, and what is still short of it."""
    if not known(f.safe_harbor_payments):
        return [WorkingLine("Safe-harbor payments", "unknown", "enter last year's total tax")]
    share = "prior_year_share" if f.high_agi_rule is False else "prior_year_share_high_agi"
    separate = values["filing_status"].startswith("married_separate")
    threshold = statutory.shown("high_agi_separate" if separate else "high_agi")
    if f.high_agi_rule is None:
        why = "last year's AGI not given, so the higher figure"
    else:
        why = f"last year's AGI {'above' if f.high_agi_rule else 'at or below'} {threshold}"
    product = f"{usd(values['prior_year_tax'])} × {statutory.citation_of(share)}"
    lines = [WorkingLine("Safe-harbor payments", usd(f.safe_harbor_payments), f"{product}: {why}")]
    if known(f.payments_short):
        lines.append(
            WorkingLine(
                "Short of it",
                usd(f.payments_short),
                f"{usd(f.safe_harbor_payments)} − {usd(values['payments'])} paid, at least 0",
            )
        )
    return lines


def safe_harbor_warnings(f) -> list[str]:
    """The rule stated exactly (IRC 6654(d)-(g)), when last year's tax is given."""
    if not known(f.safe_harbor_payments):
        return []
    found = []
    if f.high_agi_rule is None:
        found.append(
            "Last year's AGI is not given, so the safe harbor uses "
            f"{statutory.citation_of('prior_year_share_high_agi')}; with AGI at or below "
            f"{statutory.shown('high_agi')} ({statutory.shown('high_agi_separate')} married filing "
            f"separately) it is {statutory.shown('prior_year_share')}."
        )
    found.append(
        "No underpayment penalty when this year's withholding and estimated payments reach the "
        f"lesser of {statutory.shown('current_year_share')} of this year's tax and "
        f"{usd(f.safe_harbor_payments)}, in four installments, or when the tax owed after "
        f"withholding is under {statutory.citation_of('penalty_floor')}. The plan's withholding "
        f"({usd(f.withheld)}) counts as withholding; a direct rollover has none. Last year's "
        "figure counts only if you filed a return for last year and it was a full 12-month year "
        "(IRC 6654(d)(1)(B))."
    )
    if known(f.payments_short) and f.payments_short > 0:
        found.append(
            f"You are {usd(f.payments_short)} short of the safe harbor. More withholding from pay "
            "before the year ends counts as paid evenly through the year; an estimated payment "
            "counts from the day it is made."
        )
    return found


def installments_table(safe: Decimal) -> Table:
    """The due dates and the safe-harbor share due by each (IRC 6654(c)(2), (d)(1)(A))."""
    share = statutory.entry("installment_share").amount
    rows = tuple(
        (day, f"{share * n}%", usd(safe * statutory.rate("installment_share") * n))
        for n, day in enumerate(INSTALLMENTS, start=1)
    )
    return Table(
        "Paid by each due date (estimated tax)",
        ("Due date", "Share", "Paid by then, at least"),
        rows,
        note="Withholding counts as paid evenly on the four dates, whenever it was taken (IRC "
        "6654(g)); estimated payments count on the day they are made. When the income came late "
        "in the year, the annualized installment method (Form 2210, Schedule AI) can lower the "
        "earlier installments.",
    )
