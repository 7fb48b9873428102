"""after-tax-split's words: the summary, the working, the warnings, the notes and the hand-off to
backdoor-pro-rata. The numbers all come from after_tax_split.figures."""

from __future__ import annotations

import datetime

from .formatting import cents_text as usd
from .formatting import input_text, percent_text
from .limits import Limits
from .model import Link, Result, WorkingLine

# Every amount on this calculator's page is shown to the cent (payroll money): Calculator.money.
MONEY = usd

NOTES = (
    "Your IRA balances do not enter this computation: the IRA pro-rata rule (IRA aggregation, IRC "
    "408(d)(2)) "
    "covers IRAs only, and IRS Notice 2014-54 lets one distribution from the plan send its "
    "after-tax basis "
    "to a Roth IRA and its earnings elsewhere.",
    "This split holds when the plan accounts for after-tax money separately: then any amount moved "
    "is part "
    "basis and part earnings in proportion to the after-tax account alone (IRC 72(d)(2), "
    "72(e)(8)). Without "
    "separate accounting the proportion runs over your whole plan account, pre-tax money included, "
    "so a "
    "partial move carries far less basis than this shows.",
    "Report from Form 1099-R (box 1 gross, box 2a taxable, box 5 basis, code G for a direct "
    "rollover of "
    "after-tax money; code H is for Roth 401(k) money rolled to a Roth IRA): the taxable earnings "
    "go on Form "
    "1040 lines 5a/5b, not on Form 8949. Form 8606 has no line for the rollover in its year, but "
    "basis rolled "
    "to a Roth IRA counts later in Form 8606 Part III (line 24) if you take a non-qualified Roth "
    "IRA "
    "distribution: keep the records.",
)


def explain(values: dict, limits: Limits, f, today: datetime.date) -> Result:
    """Everything shown around the figures."""
    links = ()
    if f.to_traditional > 0:
        links = (
            Link(
                "See how a traditional IRA balance affects a regular backdoor Roth IRA",
                "backdoor-pro-rata",
                {"year_end_ira_balance": input_text(f.to_traditional)},
            ),
        )
    if f.distribution > 0:
        links += (
            Link(
                "Check the Form 1099-R for this move and what goes on your return",
                "tax-forms",
                {
                    "move": "split" if f.to_traditional > 0 else "roth-ira",
                    "after_tax_basis": input_text(f.basis_portion),
                    "earnings": input_text(f.earnings_portion),
                    "tax_rate_pct": input_text(values["tax_rate_pct"]),
                },
            ),
        )
    return Result(
        outputs={},
        summary=summary(values, f),
        warnings=tuple(warnings(values, f)),
        working=tuple(working(values, f)),
        links=links,
        notes=NOTES,
    )


def summary(values: dict, f) -> str:
    """One sentence: what the amount moved is made of, and the tax."""
    if f.distribution == 0:
        return "Nothing is moved, so nothing is split and no tax is due."
    if values["earnings_to"] == "roth":
        return (
            f"Of the {usd(f.distribution)} moved to Roth, {usd(f.basis_portion)} is basis and "
            f"{usd(f.earnings_portion)} is taxable earnings: {usd(f.tax_due)} of tax."
        )
    return (
        f"{usd(f.basis_portion)} of basis goes to Roth tax-free and {usd(f.earnings_portion)} of "
        "earnings to a "
        "traditional IRA: no tax now."
    )


def working(values: dict, f) -> list[WorkingLine]:
    """The lines of the split, in order, with what is left behind after a partial move."""
    basis, earnings, to_roth = (
        values["after_tax_basis"],
        values["earnings"],
        values["earnings_to"] == "roth",
    )
    lines = [
        WorkingLine(
            "After-tax account", usd(f.balance), f"{usd(basis)} basis + {usd(earnings)} earnings"
        ),
        WorkingLine(
            "Amount moved",
            usd(f.distribution),
            "the whole account (none entered)" if values["distribution"] is None else "",
        ),
        WorkingLine(
            "Basis in the amount moved",
            usd(f.basis_portion),
            f"{usd(f.distribution)} × {usd(basis)} ÷ {usd(f.balance)}, to the cent"
            if f.balance
            else "empty account",
        ),
        WorkingLine(
            "Earnings in the amount moved",
            usd(f.earnings_portion),
            f"{usd(f.distribution)} − {usd(f.basis_portion)}",
        ),
        WorkingLine("To Roth", usd(f.to_roth), "basis and earnings" if to_roth else "basis only"),
        WorkingLine(
            "To a traditional IRA",
            usd(f.to_traditional),
            "the earnings" if f.to_traditional else "",
        ),
        WorkingLine(
            "Taxable now",
            usd(f.taxable_amount),
            "the earnings converted to Roth"
            if to_roth
            else "earnings rolled to a traditional IRA stay pre-tax",
        ),
        WorkingLine(
            "Tax on it",
            usd(f.tax_due),
            f"{usd(f.taxable_amount)} × {percent_text(values['tax_rate_pct'])}",
        ),
    ]
    if f.distribution < f.balance:
        lines.append(
            WorkingLine(
                "Left in the after-tax account",
                usd(f.balance - f.distribution),
                f"{usd(basis - f.basis_portion)} basis + {usd(earnings - f.earnings_portion)} "
                "earnings",
            )
        )
    return lines


def warnings(values: dict, f) -> list[str]:
    """A partial move that drags earnings along, and earnings parked in a traditional IRA."""
    found = []
    if 0 < f.distribution < f.balance and values["earnings"] > 0:
        found.append(
            f"Moving part of the account cannot take only the basis: {usd(f.earnings_portion)} of "
            "earnings "
            "comes along, in proportion to the account. Moving the whole account lets you split "
            "all of it."
        )
    if f.to_traditional > 0:
        found.append(
            f"The {usd(f.to_traditional)} of earnings rolled to a traditional IRA counts in that "
            "IRA's December 31 "
            "balance (Form 8606 line 6): if it is still there on December 31, a regular backdoor "
            "Roth IRA "
            "that year becomes partly taxable."
        )
    return found
