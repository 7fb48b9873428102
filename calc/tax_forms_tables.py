"""tax-forms' tables: each Form 1099-R box by box beside the reader's form, the usual cause of
each difference (Instructions for Forms 1099-R and 5498), and the primary source of every rule."""

from __future__ import annotations

from decimal import Decimal

from . import statutory
from .formatting import cents_text as usd
from .model import Table
from .tax_forms_check import ZERO, BoxCheck, Form1099R, FormCheck, near

FORM_HEADERS = ("Box", "What the plan should report", "Your form")
BOX_NAMES = {
    "1": "1 Gross distribution",
    "2a": "2a Taxable amount",
    "4": "4 Federal income tax withheld",
    "5": "5 Employee contributions (basis)",
    "7": "7 Distribution code",
}
FORM_CAPTIONS = {
    "rollover": "Form 1099-R for the direct rollover",
    "payment": "Form 1099-R for the payment to you",
    "split-roth": "Form 1099-R for the Roth IRA part (one form per destination)",
    "split-traditional": "Form 1099-R for the traditional IRA part (one form per destination)",
}
FIX = "Ask the plan for a corrected Form 1099-R before you file."


def shown(value: Decimal | str) -> str:
    return value if isinstance(value, str) else usd(value)


def form_table(kind: str, form: Form1099R, check: FormCheck, caption: str = "") -> Table:
    """One form as the plan should fill it, with the reader's boxes beside it if they typed it."""
    mine = check.compared_with == kind
    rows, classes = [], []
    boxes = (
        ("1", form.box1),
        ("2a", form.box2a),
        ("4", form.box4),
        ("5", form.box5),
        ("7", form.code),
    )
    for box, expected in boxes:
        typed = check.box(box) if mine else None
        rows.append((BOX_NAMES[box], shown(expected), _typed_text(typed)))
        classes.append("differs" if typed is not None and typed.differs else "")
    return Table(
        caption or FORM_CAPTIONS[kind],
        FORM_HEADERS,
        tuple(rows),
        row_classes=tuple(classes),
        css_class="tax-form",
    )


def _typed_text(typed: BoxCheck | None) -> str:
    if typed is None or typed.typed is None:
        return "—"
    return f"{shown(typed.typed)} ({'differs' if typed.differs else 'matches'})"


def difference_words(check: FormCheck, move: str) -> list[str]:
    """Each box that differs: what is printed, what should be, the usual cause, what to do."""
    return [
        f"Box {box.box} of your form shows {shown(box.typed)}; the plan should report "
        f"{shown(box.expected)}. {cause_of(box, check, move)} {FIX}"
        for box in check.boxes
        if box.differs
    ]


def cause_of(box: BoxCheck, check: FormCheck, move: str) -> str:
    """The usual reason a box differs."""
    if box.box == "7":
        return _code_cause(box)
    to_traditional = check.compared_with == "split-traditional" or (
        move == "split" and check.compared_with == "rollover"
    )
    if box.box == "2a" and to_traditional and box.typed > box.expected:
        return (
            "Usual cause: a taxable amount on a direct rollover to a traditional IRA, which "
            "is not taxable (box 2a should be 0)."
        )
    if box.box in ("2a", "5") and check.form.box5 > 0 and _basis_missing(check):
        return (
            "Usual cause: the plan did not report your basis, so the whole amount shows as "
            "taxable (box 2a equal to box 1, box 5 empty or 0)."
        )
    if box.box == "1":
        return (
            "Usual cause: the form covers another amount (another day's value, a partial "
            "move, or more than one payment on one form); check the plan's statement."
        )
    return (
        "Usual cause: the plan split basis and earnings differently; check them against its "
        "statement."
    )


def _basis_missing(check: FormCheck) -> bool:
    box1, box2a, box5 = (check.box(name).typed for name in ("1", "2a", "5"))
    printed_box1 = box1 if box1 is not None else check.form.box1
    return box2a is not None and near(box2a, printed_box1) and (box5 is None or near(box5, ZERO))


def _code_cause(box: BoxCheck) -> str:
    if box.typed in ("H", "B"):
        return (
            "Usual cause: codes H and B are for Roth 401(k) money (a designated Roth "
            "account); after-tax money outside it is code G for a direct rollover."
        )
    if box.expected == "1" and box.typed == "2":
        return (
            "Code 2 means the plan knows of an exception to the 10% additional tax (such as "
            "leaving the job in or after the year you turned 55). If one applies, 2 is right "
            "and no 10% tax is due; this calculator assumes none."
        )
    if box.expected == "G":
        return "Usual cause: the plan reported a payment to you, not a direct rollover."
    if box.typed == "G":
        return "Usual cause: the plan reported a direct rollover, not a payment to you."
    return (
        "Usual cause: the plan used the code of another kind of distribution (Table 1 of the "
        "instructions)."
    )


def sources_table() -> Table:
    """Every rule the calculator applies, with the primary text it comes from."""
    cite = statutory.citation_of
    rows = (
        (
            "Money paid out at the same time is one distribution; its pre-tax part goes to the "
            "direct rollover first",
            'IRS Notice 2014-54, section III.A; IRS page "Rollovers of After-Tax Contributions in '
            'Retirement Plans"',
        ),
        (
            "The rollover's form: box 1 the amount rolled, box 2a the taxable amount, box 5 the "
            "basis, code G",
            'Instructions for Forms 1099-R and 5498, "Direct Rollovers", box 5, Table 1 (code G)',
        ),
        (
            "Part rolled over and part paid: a separate form for each part; code 1, 2 or 7 for the "
            "payment",
            'Instructions for Forms 1099-R and 5498, "Direct Rollovers", box 7, Table 1',
        ),
        (
            "Withholding on the taxable part paid to you",
            f"{cite('rollover_withholding')}; none on basis, IRC 3405(e)(1)(B)(ii); none on a "
            "direct rollover, IRC 3405(c)(2)",
        ),
        ("No withholding on small payments", cite("withholding_floor")),
        (
            'Form 1040: the total on line 5a, the taxable part on line 5b, "Rollover" next to 5b',
            "Instructions for Form 1040, lines 5a and 5b (Rollovers)",
        ),
        (
            "The additional tax on an early payment",
            f"{cite('early_distribution_tax')}; its exceptions, IRC 72(t)(2)",
        ),
        (
            "The safe harbor",
            f"{cite('current_year_share')}, {cite('prior_year_share')}, "
            f"{cite('prior_year_share_high_agi')} above {cite('high_agi')}, "
            f"{cite('high_agi_separate')}",
        ),
        (
            "Four installments; withholding counted as paid evenly; no penalty on a small balance",
            f"IRC 6654(c)(2), {cite('installment_share')} each, 6654(g)(1), "
            f"{cite('penalty_floor')}; "
            "Instructions for Form 2210 (Schedule AI)",
        ),
        (
            "A traditional IRA balance and a later backdoor Roth IRA",
            "IRC 408(d)(2); Instructions for Form 8606, line 6",
        ),
        ("A partial move is part basis, part earnings", "IRC 72(e)(8); IRC 72(d)(2)"),
    )
    return Table(
        "Where each rule comes from", ("Rule", "Primary source"), rows, css_class="tax-sources"
    )
