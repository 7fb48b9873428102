"""tax-forms' words: the summary, the forms box by box, the working (Form 1040 and the safe harbor),
the warnings (each difference with its usual cause), the notes, the sources and the hand-off to
backdoor-pro-rata. The numbers all come from tax_forms.figures."""

from __future__ import annotations

from . import statutory
from .formatting import cents_text as usd, input_text, percent_text
from .limits import Limits
from .model import Link, Result, Table, WorkingLine
from .tax_forms_tables import (
    difference_words, form_table, installments_table, sources_table,
)

# Every amount on this calculator's page is shown to the cent (the forms print cents): Calculator.money.
MONEY = usd

MOVES = (
    ("in-plan", "In-plan Roth rollover (to the plan's Roth account)"),
    ("roth-ira", "Direct rollover of all of it to a Roth IRA"),
    ("split", "Split: basis to a Roth IRA, earnings to a traditional IRA"),
    ("roth-ira-and-cash", "Direct rollover to a Roth IRA, part paid to you"),
)
# The same codes as roth-ira-eligibility's filing status (a test keeps them equal); declared here
# because a calculator does not import another.
STATUS_CHOICES = (
    ("single", "Single"),
    ("head_of_household", "Head of household"),
    ("married_joint", "Married filing jointly"),
    ("qualifying_surviving_spouse", "Qualifying surviving spouse"),
    ("married_separate", "Married filing separately, lived with spouse during the year"),
    ("married_separate_lived_apart", "Married filing separately, lived apart all year"),
)
EXPECTED_CODES = {"G": "G (direct rollover)"}
CASH_CODES = {"none": "No payment to you", "1": "1 (early, no known exception)", "7": "7 (normal distribution)"}
FORM_CHECK_CODES = {"not-entered": "Not entered", "matches": "Matches", "differs": "Differs"}
UNKNOWN_CODES = {"unknown": "Unknown"}

NOTES = (
    "This assumes the whole after-tax subaccount moved (or that the plan accounts for it separately), so "
    "the basis and earnings typed are those of the amount moved. A partial move is part basis, part "
    "earnings in proportion first (IRC 72(e)(8)): use the after-tax split calculator for that.",
    "Only money from the plan's after-tax (non-Roth) account is covered. Roth 401(k) money rolled to a "
    "Roth IRA is reported with code H and nothing taxable.",
)
SPLIT_NOTE = (
    "The IRS instructions do not say whether a split between two direct rollovers goes on one Form 1099-R "
    "or two. Both are accepted here: one combined form, or one form per destination (the Roth IRA's with "
    "box 1 and box 5 the basis, the traditional IRA's with box 1 the earnings, both box 2a 0, code G)."
)


def explain(values: dict, limits: Limits, f) -> Result:
    """Everything shown around the figures."""
    links = ()
    if f.traditional_ira_pre_tax > 0:
        links = (Link("See what a traditional IRA balance does to a backdoor Roth IRA", "backdoor-pro-rata",
                      {"year_end_ira_balance": input_text(f.traditional_ira_pre_tax)}),)
    notes = NOTES + ((SPLIT_NOTE,) if values["move"] == "split" else ())
    return Result(
        outputs={},
        summary=summary(values, f),
        warnings=tuple(difference_words(f.check, values["move"]) + warnings(values, f)),
        working=tuple(working(values, f) + safe_harbor_working(values, f)),
        links=links,
        tables=tables(f),
        notes=notes,
    )


def summary(values: dict, f) -> str:
    """Two sentences: the form(s) the plan should send, the tax now, and the check of the reader's form."""
    form = f.rollover_form
    text = (f"The plan should send Form 1099-R with box 1 {usd(form.box1)}, box 2a {usd(form.box2a)}, "
            f"box 5 {usd(form.box5)} and code G")
    if f.cash_form:
        text += (f", and a second one for the {usd(f.cash_box1)} paid to you (box 2a {usd(f.cash_box2a)}, "
                 f"code {f.cash_code})")
    cost = f.tax_estimate + f.additional_tax
    text += f". Line 5b: {usd(f.line_5b)} taxable, about {usd(cost)} of tax now."
    if f.form_check == "matches":
        text += " Your form matches."
    elif f.form_check == "differs":
        text += f" Your form differs in {f.form_differences} {'box' if f.form_differences == 1 else 'boxes'}."
    return text


def tables(f) -> tuple[Table, ...]:
    """The forms box by box (the reader's beside the one it was compared with), the safe harbor, sources."""
    found = [form_table("rollover", f.rollover_form, f.check,
                        "Form 1099-R for the direct rollover (one combined form)" if f.traditional_ira_pre_tax
                        else "")]
    if f.check.compared_with in ("split-roth", "split-traditional"):
        found.append(form_table(f.check.compared_with, f.check.form, f.check))
    if f.cash_form:
        found.append(form_table("payment", f.cash_form, f.check))
    if not isinstance(f.safe_harbor_payments, str):
        found.append(installments_table(f.safe_harbor_payments))
    found.append(sources_table())
    return tuple(found)


def working(values: dict, f) -> list[WorkingLine]:
    """The return's lines and the tax now, each with where it comes from."""
    basis, earnings, move = values["after_tax_basis"], values["earnings"], values["move"]
    lines = [WorkingLine("Amount moved", usd(f.distribution_total),
                         f"{usd(basis)} basis + {usd(earnings)} earnings")]
    if move == "roth-ira-and-cash":
        lines += [
            WorkingLine("Direct rollover to the Roth IRA", usd(f.rolled),
                        f"{usd(f.distribution_total)} − {usd(f.cash_box1)} paid to you"),
            WorkingLine("Earnings in the rollover", usd(f.rolled_pre_tax),
                        f"the smaller of {usd(earnings)} and {usd(f.rolled)}: pre-tax money goes to the direct "
                        "rollover first (Notice 2014-54, III.A)"),
            WorkingLine("Earnings in the payment", usd(f.cash_box2a), f"{usd(earnings)} − {usd(f.rolled_pre_tax)}"),
        ]
    lines += [
        WorkingLine("Form 1040 line 5a", usd(f.line_5a), "box 1 of every Form 1099-R for the move"),
        WorkingLine("Form 1040 line 5b", usd(f.line_5b),
                    "0: the earnings went to a traditional IRA; write \"Rollover\" next to line 5b"
                    if move == "split" else "the earnings, taxable in Roth or paid to you"),
        WorkingLine("Income tax on line 5b", usd(f.tax_estimate),
                    f"{usd(f.line_5b)} × {percent_text(values['tax_rate_pct'])}"),
        WorkingLine("10% additional tax", usd(f.additional_tax), _additional_tax_note(values, f)),
        WorkingLine("Withheld by the plan", usd(f.withheld), _withheld_note(f)),
        WorkingLine("Cost now", usd(f.tax_estimate + f.additional_tax), "income tax + additional tax"),
    ]
    if f.traditional_ira_pre_tax:
        lines.append(WorkingLine("Pre-tax money in a traditional IRA", usd(f.traditional_ira_pre_tax),
                                 "the earnings: in Form 8606 line 6 of any year it is there on 31 December"))
    return lines


def _additional_tax_note(values: dict, f) -> str:
    if not f.cash_form:
        return "none: nothing was paid to you (a rollover is not taxed by IRC 72(t))"
    if values["age_59_half"] == "yes":
        return "none at 59½ or older (IRC 72(t)(2)(A)(i))"
    return f"{statutory.shown('early_distribution_tax')} × {usd(f.cash_box2a)} taxable paid to you (IRC 72(t)(1))"


def _withheld_note(f) -> str:
    if not f.cash_form:
        return "a direct rollover has no withholding (IRC 3405(c)(2))"
    if f.cash_box1 < statutory.dollars("withholding_floor"):
        return f"none: the payment is under {statutory.citation_of('withholding_floor')}"
    return f"{statutory.shown('rollover_withholding')} × {usd(f.cash_box2a)} taxable paid to you (IRC 3405(c))"


def safe_harbor_working(values: dict, f) -> list[WorkingLine]:
    """Rule 6's lines, when last year's tax is given."""
    if isinstance(f.safe_harbor_payments, str):
        return [WorkingLine("Safe-harbor payments", "unknown", "enter last year's total tax to see it")]
    share = "prior_year_share" if f.high_agi_rule is False else "prior_year_share_high_agi"
    threshold = "high_agi_separate" if values["filing_status"].startswith("married_separate") else "high_agi"
    why = ("last year's AGI not given, so the higher figure" if f.high_agi_rule is None else
           f"last year's AGI {'above' if f.high_agi_rule else 'at or below'} {statutory.shown(threshold)}")
    lines = [WorkingLine("Safe-harbor payments", usd(f.safe_harbor_payments),
                         f"{usd(values['prior_year_tax'])} × {statutory.citation_of(share)}: {why}")]
    if values["payments"] is not None:
        lines.append(WorkingLine("Short of it", usd(f.payments_short),
                                 f"{usd(f.safe_harbor_payments)} − {usd(values['payments'])} paid, at least 0"))
    return lines


def warnings(values: dict, f) -> list[str]:
    """What the reader must act on: the rules that cost money or a later backdoor Roth IRA."""
    found = []
    if values["move"] != "roth-ira-and-cash" and values["cash_amount"] > 0:
        found.append(f"The {usd(values['cash_amount'])} paid to you is not used: choose the move with part paid to "
                     "you if part of the money came to you.")
    if f.cash_form and f.rolled_pre_tax > 0:
        found.append(f"The {usd(f.rolled_pre_tax)} of earnings went with the direct rollover, not with the "
                     "payment: pre-tax money goes to the rollover first (Notice 2014-54), so it is taxable in "
                     "the Roth IRA and the payment is basis first.")
    if f.additional_tax > 0:
        found.append(f"Under 59½, the taxable {usd(f.cash_box2a)} paid to you also costs the "
                     f"{statutory.shown('early_distribution_tax')} additional tax ({usd(f.additional_tax)}, Form "
                     "5329) unless an exception applies; then the plan may print code 2.")
    if f.traditional_ira_pre_tax > 0:
        found.append(f"The {usd(f.traditional_ira_pre_tax)} of earnings in the traditional IRA counts in Form 8606 "
                     "line 6 for any year it is still there on 31 December, which makes a backdoor Roth IRA partly "
                     "taxable. Rolling it into an employer plan that accepts it by 31 December avoids that.")
    return found + safe_harbor_warnings(values, f)


def safe_harbor_warnings(values: dict, f) -> list[str]:
    """The safe harbor stated exactly, when it is asked about."""
    if isinstance(f.safe_harbor_payments, str):
        return []
    found = []
    if f.high_agi_rule is None:
        found.append("Last year's AGI is not given, so the safe harbor uses "
                     f"{statutory.citation_of('prior_year_share_high_agi')}; with AGI at or below "
                     f"{statutory.shown('high_agi')} ({statutory.shown('high_agi_separate')} filing separately) "
                     f"it is {statutory.shown('prior_year_share')}.")
    found.append(
        f"No underpayment penalty when this year's withholding and estimated payments reach the lesser of "
        f"{statutory.shown('current_year_share')} of this year's tax and {usd(f.safe_harbor_payments)}, paid "
        "in four installments, or when the tax owed after withholding is under "
        f"{statutory.citation_of('penalty_floor')}. The plan's withholding ({usd(f.withheld)}) counts as "
        "withholding; a direct rollover has none.")
    if not isinstance(f.payments_short, str) and f.payments_short > 0:
        found.append(f"You are {usd(f.payments_short)} short of the safe harbor. More withholding from pay before "
                     "the year ends counts as paid evenly through the year; an estimated payment counts from "
                     "the day it is made.")
    return found
