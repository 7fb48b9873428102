"""tax-forms' words: the summary, the forms box by box, the working (Form 1040 lines 5a/5b, the tax
now, the safe harbor), the warnings (each difference with its usual cause), the notes, the
sources and the hand-off to backdoor-pro-rata. The numbers all come from tax_forms.figures."""

from __future__ import annotations

import datetime

from . import statutory
from .formatting import cents_text as usd
from .formatting import input_text, percent_text
from .limits import Limits
from .model import Link, Result, Table, WorkingLine
from .tax_forms_safe_harbor import (
    installments_table,
    known,
    safe_harbor_warnings,
    safe_harbor_working,
)
from .tax_forms_tables import difference_words, form_table, sources_table

# Every amount on this page is shown to the cent (the forms print cents): Calculator.money.
MONEY = usd

MOVES = (
    ("in-plan", "In-plan Roth rollover (to the plan's Roth account)"),
    ("roth-ira", "Direct rollover of all of it to a Roth IRA"),
    ("split", "Split: basis to a Roth IRA, earnings to a traditional IRA"),
    ("roth-ira-and-cash", "Direct rollover to a Roth IRA, part paid to you"),
)
EXPECTED_CODES = {"G": "G (direct rollover)"}
CASH_CODES = {
    "none": "No payment to you",
    "1": "1 (early, no known exception)",
    "7": "7 (normal distribution)",
}
FORM_CHECK_CODES = {"not-entered": "Not entered", "matches": "Matches", "differs": "Differs"}
UNKNOWN_CODES = {"unknown": "Unknown"}

NOTES = (
    "This assumes the whole after-tax subaccount moved (or that the plan accounts for it "
    "separately), so the basis and earnings typed are those of the amount moved. A partial move "
    "is part basis, part earnings in proportion first (IRC 72(e)(8)): the after-tax split "
    "calculator works that out.",
    "Only money from the plan's after-tax (non-Roth) account is covered. Roth 401(k) money "
    "rolled to a Roth IRA is reported with code H and nothing taxable.",
)
SPLIT_NOTE = (
    "The IRS instructions do not say whether a split between two direct rollovers goes on one "
    "Form 1099-R or two. Both are accepted here: one combined form, or one form per destination "
    "(the Roth IRA's with box 1 and box 5 the basis, the traditional IRA's with box 1 the "
    "earnings, both with box 2a 0 and code G)."
)

CODE_2_NOTE = (
    "Code 1 on the payment's form means no known exception to the 10% additional tax. If one "
    "applies (leaving the job in or after the year you turn 55, for example; IRC 72(t)(2)), the "
    "plan prints code 2 and the 10% tax is not due: this calculator assumes no exception."
)


def explain(values: dict, limits: Limits, f, today: datetime.date) -> Result:
    """Everything shown around the figures."""
    links = ()
    if f.traditional_ira_pre_tax > 0:
        links = (
            Link(
                "See what a traditional IRA balance does to a backdoor Roth IRA",
                "backdoor-pro-rata",
                {"year_end_ira_balance": input_text(f.traditional_ira_pre_tax)},
            ),
        )
    return Result(
        outputs={},
        summary=summary(f),
        warnings=tuple(difference_words(f.check, values["move"]) + warnings(values, f)),
        working=tuple(working(values, f) + safe_harbor_working(values, f)),
        links=links,
        tables=tables(f),
        notes=NOTES + tuple(move_notes(values)),
    )


def move_notes(values: dict) -> list[str]:
    """What the IRS leaves open for a split, and the code 2 exception for a payment before 59½."""
    if values["move"] == "split":
        return [SPLIT_NOTE]
    if values["move"] == "roth-ira-and-cash" and values["age_59_half"] == "no":
        return [CODE_2_NOTE]
    return []


def summary(f) -> str:
    """The form(s) the plan should send, the tax now, and the check of the reader's form."""
    form = f.rollover_form
    text = (
        f"The plan should send Form 1099-R with box 1 {usd(form.box1)}, box 2a "
        f"{usd(form.box2a)}, box 5 {usd(form.box5)} and code G"
    )
    if f.cash_form:
        text += (
            f", and a second one for the {usd(f.cash_box1)} paid to you (box 2a "
            f"{usd(f.cash_box2a)}, code {f.cash_code})"
        )
    cost = f.tax_estimate + f.additional_tax
    text += f". Line 5b: {usd(f.line_5b)} taxable, about {usd(cost)} of tax now."
    if f.form_check == "matches":
        text += " Your form matches."
    elif f.form_check == "differs":
        boxes = "box" if f.form_differences == 1 else "boxes"
        text += f" Your form differs in {f.form_differences} {boxes}."
    return text


def tables(f) -> tuple[Table, ...]:
    """The forms box by box (the reader's beside its match), the installments, the sources."""
    combined = "Form 1099-R for the direct rollovers (one combined form)"
    found = [
        form_table(
            "rollover", f.rollover_form, f.check, combined if f.traditional_ira_pre_tax else ""
        )
    ]
    if f.check.compared_with in ("split-roth", "split-traditional"):
        found.append(form_table(f.check.compared_with, f.check.form, f.check))
    if f.cash_form:
        found.append(form_table("payment", f.cash_form, f.check))
    if known(f.safe_harbor_payments):
        found.append(installments_table(f.safe_harbor_payments))
    found.append(sources_table())
    return tuple(found)


def working(values: dict, f) -> list[WorkingLine]:
    """The return's lines and the tax now, each with where it comes from."""
    basis, earnings, move = values["after_tax_basis"], values["earnings"], values["move"]
    lines = [
        WorkingLine(
            "Amount moved",
            usd(f.distribution_total),
            f"{usd(basis)} basis + {usd(earnings)} earnings",
        )
    ]
    if move == "roth-ira-and-cash":
        lines += [
            WorkingLine(
                "Direct rollover to the Roth IRA",
                usd(f.rolled),
                f"{usd(f.distribution_total)} − {usd(f.cash_box1)} paid to you",
            ),
            WorkingLine(
                "Earnings in the rollover",
                usd(f.rolled_pre_tax),
                f"the smaller of {usd(earnings)} and {usd(f.rolled)}: pre-tax money goes "
                "to the direct rollover first (Notice 2014-54, III.A)",
            ),
            WorkingLine(
                "Earnings in the payment",
                usd(f.cash_box2a),
                f"{usd(earnings)} − {usd(f.rolled_pre_tax)}",
            ),
        ]
    line_5b_note = "the earnings, taxable in Roth or paid to you"
    if move == "split":
        line_5b_note = '0: the earnings went to a traditional IRA; write "Rollover" next to 5b'
    lines += [
        WorkingLine("Form 1040 line 5a", usd(f.line_5a), "box 1 of every Form 1099-R for the move"),
        WorkingLine("Form 1040 line 5b", usd(f.line_5b), line_5b_note),
        WorkingLine(
            "Income tax on line 5b",
            usd(f.tax_estimate),
            f"{usd(f.line_5b)} × {percent_text(values['tax_rate_pct'])}",
        ),
        WorkingLine("10% additional tax", usd(f.additional_tax), _additional_tax_note(values, f)),
        WorkingLine("Withheld by the plan", usd(f.withheld), _withheld_note(f)),
        WorkingLine(
            "Cost now", usd(f.tax_estimate + f.additional_tax), "income tax + additional tax"
        ),
    ]
    if f.traditional_ira_pre_tax:
        lines.append(
            WorkingLine(
                "Pre-tax money in a traditional IRA",
                usd(f.traditional_ira_pre_tax),
                "the earnings: in Form 8606 line 6 while there on 31 December",
            )
        )
    return lines


def _additional_tax_note(values: dict, f) -> str:
    if not f.cash_form:
        return "none: nothing was paid to you"
    if values["age_59_half"] == "yes":
        return "none at 59½ or older (IRC 72(t)(2)(A)(i))"
    return (
        f"{statutory.shown('early_distribution_tax')} × {usd(f.cash_box2a)} taxable paid to "
        "you (IRC 72(t)(1))"
    )


def _withheld_note(f) -> str:
    if not f.cash_form:
        return "a direct rollover has no withholding (IRC 3405(c)(2))"
    if f.cash_box1 < statutory.dollars("withholding_floor"):
        return f"none: the payment is under {statutory.citation_of('withholding_floor')}"
    return (
        f"{statutory.shown('rollover_withholding')} × {usd(f.cash_box2a)} taxable paid to "
        "you (IRC 3405(c))"
    )


def warnings(values: dict, f) -> list[str]:
    """What the reader must act on: the rules that cost money or a later backdoor Roth IRA."""
    found = []
    if values["move"] != "roth-ira-and-cash" and values["cash_amount"] > 0:
        found.append(
            f"The {usd(values['cash_amount'])} paid to you is not used: choose the move "
            "with part paid to you if part of the money came to you."
        )
    if f.cash_form and f.rolled_pre_tax > 0:
        found.append(
            f"The {usd(f.rolled_pre_tax)} of earnings went with the direct rollover, not "
            "with the payment: pre-tax money goes to the rollover first (Notice "
            "2014-54), so it is taxable in the Roth IRA and the payment is basis first."
        )
    if f.additional_tax > 0:
        found.append(
            f"Under 59½, the taxable {usd(f.cash_box2a)} paid to you also costs the "
            f"{statutory.shown('early_distribution_tax')} additional tax "
            f"({usd(f.additional_tax)}, Form 5329) unless an exception applies; then "
            "the plan may print code 2."
        )
    if f.traditional_ira_pre_tax > 0:
        found.append(
            f"The {usd(f.traditional_ira_pre_tax)} of earnings in the traditional IRA "
            "counts in Form 8606 line 6 for any year it is still there on 31 December, "
            "which makes a backdoor Roth IRA partly taxable. Rolling it into an "
            "employer plan that accepts it by 31 December avoids that."
        )
    return found + safe_harbor_warnings(f)
