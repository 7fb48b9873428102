"""tax-forms: the Form 1099-R a move of after-tax money should bring, and what goes on the return.

One move out of the plan's (non-Roth) after-tax account, as it happened: an in-plan Roth
rollover, a direct rollover to a Roth IRA, a split (basis to a Roth IRA, earnings to a
traditional IRA) or a direct rollover to a Roth IRA with part paid to the reader. The math of
the contract's rules 1-6 is in `figures`; the words (both forms box by box, the causes of each
difference, the safe harbor's timing, the sources) in tax_forms_words.py. The fixed amounts of
the law (20%, $200, 10%, 90/100/110%, $150,000/$75,000, $1,000) come from calc/statutory.py.

Interpretations where the contract is silent (also said on the page):
- The whole after-tax subaccount moves (or the plan accounts for it separately), so the
  amounts typed are the move's own basis and earnings; a partial move is pro rata first.
- cash_amount is read only with `roth-ira-and-cash`; with another move a nonzero amount is
  ignored, with a warning.
- The $200 withholding floor is applied to the payment alone (cash_amount), as the contract says.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import fields, shared_fields, statutory
from .formatting import cents
from .limits import Limits
from .model import Calculator, InputsRejected, Output, check_figures
from .tax_forms_check import Form1099R, FormCheck, check_form
from .tax_forms_words import (
    CASH_CODES,
    EXPECTED_CODES,
    FORM_CHECK_CODES,
    MONEY,
    MOVES,
    UNKNOWN_CODES,
    explain,
)

ZERO = Decimal(0)
HUNDRED = Decimal(100)
SEPARATE_RETURNS = ("married_separate", "married_separate_lived_apart")

FIELDS = (
    fields.choice(
        "move",
        "The move",
        "roth-ira",
        MOVES,
        help="What happened to the after-tax account's money, as it happened.",
    ),
    fields.dollars(
        "after_tax_basis",
        "After-tax contributions moved (basis)",
        "20000",
        help="Your after-tax contributions in the amount moved (the plan's statement).",
    ),
    fields.dollars(
        "earnings",
        "Earnings moved with them",
        "450",
        help="The growth on those contributions, moved at the same time.",
    ),
    fields.dollars(
        "cash_amount",
        "Paid to you",
        "0",
        help="Only with part paid to you: that part, before withholding.",
    ),
    fields.choice(
        "age_59_half",
        "59½ or older on the day of the payment",
        "no",
        (("no", "No"), ("yes", "Yes")),
    ),
    shared_fields.tax_rate(),
    fields.dollars(
        "form_box1",
        "Your form: box 1",
        optional=True,
        help="Gross distribution, as printed on your Form 1099-R. Optional.",
    ),
    fields.dollars(
        "form_box2a",
        "Your form: box 2a",
        optional=True,
        help="Taxable amount, as printed. Optional.",
    ),
    fields.dollars(
        "form_box5",
        "Your form: box 5",
        optional=True,
        help="Employee contributions (your basis), as printed. Optional.",
    ),
    fields.code(
        "form_box7",
        "Your form: box 7",
        optional=True,
        help="The distribution code as printed, like G or 7. Optional.",
    ),
    fields.dollars(
        "prior_year_tax",
        "Last year's total tax",
        optional=True,
        help="The total tax on last year's return (Form 1040 line 24). Optional.",
    ),
    fields.dollars(
        "prior_year_agi",
        "Last year's AGI",
        optional=True,
        help="Adjusted gross income, last year's Form 1040 line 11. Optional.",
    ),
    shared_fields.filing_status("Filing status this year"),
    fields.dollars(
        "payments",
        "This year's withholding and estimated payments",
        optional=True,
        help="All federal withholding (pay, this payment) plus the estimated payments "
        "you expect to make. Optional.",
    ),
)

OUTPUTS = (
    Output("distribution_total", "Amount moved", "dollars"),
    Output("expected_box1", "Rollover form: box 1", "dollars"),
    Output("expected_box2a", "Rollover form: box 2a (taxable)", "dollars"),
    Output("expected_box5", "Rollover form: box 5 (basis)", "dollars"),
    Output("expected_code", "Rollover form: box 7", "code", codes=EXPECTED_CODES),
    Output("cash_box1", "Payment's form: box 1", "dollars"),
    Output("cash_box2a", "Payment's form: box 2a", "dollars"),
    Output("cash_box4", "Payment's form: box 4 (withheld)", "dollars"),
    Output("cash_box5", "Payment's form: box 5", "dollars"),
    Output("cash_code", "Payment's form: box 7", "code", codes=CASH_CODES),
    Output("line_5a", "Form 1040 line 5a", "dollars"),
    Output("line_5b", "Form 1040 line 5b (taxable)", "dollars"),
    Output("tax_estimate", "Income tax on it", "dollars"),
    Output("additional_tax", "10% additional tax", "dollars"),
    Output("withheld", "Withheld by the plan", "dollars"),
    Output("traditional_ira_pre_tax", "Pre-tax money now in a traditional IRA", "dollars"),
    Output("form_check", "Your form", "code", codes=FORM_CHECK_CODES),
    Output("form_differences", "Boxes that differ", "integer"),
    Output(
        "safe_harbor_payments",
        "Safe-harbor payments (last year's tax)",
        "dollars",
        codes=UNKNOWN_CODES,
    ),
    Output("payments_short", "Short of the safe harbor", "dollars", codes=UNKNOWN_CODES),
)


@dataclass(frozen=True)
class Figures:
    """Every output of the contract, and the forms and shares the words show."""

    distribution_total: Decimal
    expected_box1: Decimal
    expected_box2a: Decimal
    expected_box5: Decimal
    expected_code: str
    cash_box1: Decimal
    cash_box2a: Decimal
    cash_box4: Decimal
    cash_box5: Decimal
    cash_code: str
    line_5a: Decimal
    line_5b: Decimal
    tax_estimate: Decimal
    additional_tax: Decimal
    withheld: Decimal
    traditional_ira_pre_tax: Decimal
    form_check: str
    form_differences: int
    safe_harbor_payments: Decimal | str  # or the code "unknown"
    payments_short: Decimal | str  # or the code "unknown"
    # Shown in the working and the summary:
    rollover_form: Form1099R  # the direct rollover's form (the combined one for a split)
    cash_form: Form1099R | None  # the payment's form, with roth-ira-and-cash only
    rolled: Decimal  # the direct rollover's amount
    rolled_pre_tax: Decimal  # earnings carried by the direct rollover (Notice 2014-54, III.A)
    check: FormCheck  # what the typed form was compared with, box by box
    high_agi_rule: bool | None  # 110% for last year's AGI above the threshold (None: AGI not given)


def figures(values: dict, limits: Limits) -> Figures:
    """Rules 1-6: each part's pre-tax share, both forms, the return, the check, the safe harbor."""
    move, basis, earnings = values["move"], values["after_tax_basis"], values["earnings"]
    total = basis + earnings
    cash = values["cash_amount"] if move == "roth-ira-and-cash" else ZERO
    if move == "roth-ira-and-cash" and not ZERO < cash < total:
        raise InputsRejected(
            {
                "cash_amount": "Paid to you: must be more than $0 and less than the "
                f"{MONEY(total)} moved (after-tax contributions plus earnings)."
            }
        )
    rolled = total - cash
    rolled_pre_tax = min(earnings, rolled)  # Notice 2014-54, III.A: pre-tax to the rollover first
    cash_pre_tax = earnings - rolled_pre_tax
    rollover_form = _rollover_form(move, basis, earnings, rolled, rolled_pre_tax)
    cash_form = _cash_form(values, cash, cash_pre_tax) if cash_form_due(move) else None
    paid = cash_form or Form1099R(ZERO, ZERO, ZERO, "none")
    taxable = ZERO if move == "split" else earnings
    early_rate = statutory.rate("early_distribution_tax") if values["age_59_half"] == "no" else ZERO
    check = check_form(values, rollover_form, cash_form)
    safe, short, high_agi_rule = safe_harbor(values)
    return Figures(
        distribution_total=total,
        expected_box1=rollover_form.box1,
        expected_box2a=rollover_form.box2a,
        expected_box5=rollover_form.box5,
        expected_code=rollover_form.code,
        cash_box1=paid.box1,
        cash_box2a=paid.box2a,
        cash_box4=paid.box4,
        cash_box5=paid.box5,
        cash_code=paid.code,
        line_5a=total,
        line_5b=taxable,
        tax_estimate=cents(taxable * values["tax_rate_pct"] / HUNDRED),
        additional_tax=cents(paid.box2a * early_rate),
        withheld=paid.box4,
        traditional_ira_pre_tax=earnings if move == "split" else ZERO,
        form_check=check.status,
        form_differences=check.differences,
        safe_harbor_payments=safe,
        payments_short=short,
        rollover_form=rollover_form,
        cash_form=cash_form,
        rolled=rolled,
        rolled_pre_tax=rolled_pre_tax,
        check=check,
        high_agi_rule=high_agi_rule,
    )


def cash_form_due(move: str) -> bool:
    """Only a move with part paid to the reader has a second form (a separate one per part)."""
    return move == "roth-ira-and-cash"


def _rollover_form(
    move: str, basis: Decimal, earnings: Decimal, rolled: Decimal, rolled_pre_tax: Decimal
) -> Form1099R:
    """Rule 2: the rollover's form, code G (Instructions for Forms 1099-R, Direct Rollovers)."""
    if move == "split":  # one combined form: the earnings went to a traditional IRA, not taxable
        return Form1099R(basis + earnings, ZERO, basis, "G")
    if move == "roth-ira-and-cash":
        return Form1099R(rolled, rolled_pre_tax, rolled - rolled_pre_tax, "G")
    return Form1099R(basis + earnings, earnings, basis, "G")


def _cash_form(values: dict, cash: Decimal, cash_pre_tax: Decimal) -> Form1099R:
    """Rule 3: the payment's form; 20% of its taxable part withheld, none under $200."""
    withheld = cents(cash_pre_tax * statutory.rate("rollover_withholding"))
    if cash < statutory.dollars("withholding_floor"):
        withheld = ZERO
    code = "7" if values["age_59_half"] == "yes" else "1"
    return Form1099R(cash, cash_pre_tax, cash - cash_pre_tax, code, box4=withheld)


def safe_harbor(values: dict) -> tuple[Decimal | str, Decimal | str, bool | None]:
    """Rule 6 (IRC 6654(d)(1)(B)-(C)): last year's tax x 100%, or 110% above the AGI threshold."""
    prior_tax, agi, paid = values["prior_year_tax"], values["prior_year_agi"], values["payments"]
    if prior_tax is None:
        return "unknown", "unknown", None
    separate = values["filing_status"] in SEPARATE_RETURNS
    threshold = statutory.dollars("high_agi_separate" if separate else "high_agi")
    high_agi_rule = None if agi is None else agi > threshold
    share = "prior_year_share" if high_agi_rule is False else "prior_year_share_high_agi"
    safe = cents(prior_tax * statutory.rate(share))
    short = "unknown" if paid is None else max(safe - paid, ZERO)
    return safe, short, high_agi_rule


check_figures(Figures, OUTPUTS)

CALCULATOR = Calculator(
    id="tax-forms",
    title="Tax forms for the move",
    question="What should my Form 1099-R say, and what goes on my return?",
    intro=(
        "Your after-tax money left the plan: see the Form 1099-R the plan should send, box by box, "
        "what goes on Form 1040 lines 5a and 5b, the tax it costs now, and whether the form you "
        "received matches. Type in your form to check it."
    ),
    fields=FIELDS,
    outputs=OUTPUTS,
    figures=figures,
    explain=explain,
    money=MONEY,
    working_headers=("Line", "Amount", "How and where from"),
    key_outputs=("line_5b", "tax_estimate", "expected_code", "form_check"),
)
