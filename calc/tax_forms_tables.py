"""tax-forms' tables: each Form 1099-R box by box beside the reader's form, the usual cause of each
difference, the four estimated-tax installments and the primary source of every rule."""

from __future__ import annotations

from decimal import Decimal

from . import statutory
from .formatting import cents_text as usd
from .model import Table
from .tax_forms_check import ZERO, BoxCheck, Form1099R, FormCheck, near

FORM_HEADERS = ("Box", "What the plan should report", "Your form")
BOX_NAMES = {"1": "1 Gross distribution", "2a": "2a Taxable amount", "4": "4 Federal income tax withheld",
             "5": "5 Employee contributions (basis)", "7": "7 Distribution code"}
FORM_CAPTIONS = {
    "rollover": "Form 1099-R for the direct rollover",
    "payment": "Form 1099-R for the payment to you",
    "split-roth": "Form 1099-R for the Roth IRA part (one form per destination)",
    "split-traditional": "Form 1099-R for the traditional IRA part (one form per destination)",
}
FIX = "Ask the plan for a corrected Form 1099-R before you file."
# IRC 6654(c)(2): a calendar year's four required installments.
INSTALLMENTS = ("15 April", "15 June", "15 September", "15 January of the next year")


def shown(value: Decimal | str) -> str:
    return value if isinstance(value, str) else usd(value)


def form_table(kind: str, form: Form1099R, check: FormCheck, caption: str = "") -> Table:
    """One form as the plan should fill it, with the reader's boxes beside it when they typed this form."""
    mine = check.compared_with == kind
    rows, classes = [], []
    for box, expected in (("1", form.box1), ("2a", form.box2a), ("4", form.box4), ("5", form.box5),
                          ("7", form.code)):
        typed = check.box(box) if mine else None
        rows.append((BOX_NAMES[box], shown(expected), _typed_text(typed)))
        classes.append("differs" if typed is not None and typed.differs else "")
    return Table(caption or FORM_CAPTIONS[kind], FORM_HEADERS, tuple(rows), row_classes=tuple(classes),
                 css_class="tax-form")


def _typed_text(typed: BoxCheck | None) -> str:
    if typed is None or typed.typed is None:
        return "—"
    return f"{shown(typed.typed)}: {'differs' if typed.differs else 'matches'}"


def difference_words(check: FormCheck, move: str) -> list[str]:
    """Each box that differs: what is printed, what should be, the usual cause, and what to do."""
    found = []
    for box in check.boxes:
        if box.differs:
            found.append(f"Box {box.box} of your form shows {shown(box.typed)}; the plan should report "
                         f"{shown(box.expected)}. {cause_of(box, check, move)} {FIX}")
    return found


def cause_of(box: BoxCheck, check: FormCheck, move: str) -> str:
    """The usual reason a box differs (Instructions for Forms 1099-R and 5498)."""
    form = check.form
    if box.box == "7":
        return _code_cause(box)
    to_traditional = check.compared_with == "split-traditional" or (move == "split" and check.compared_with == "rollover")
    if box.box == "2a" and to_traditional and box.typed > box.expected:
        return ("Usual cause: a taxable amount on a direct rollover to a traditional IRA, which is not taxable "
                "(box 2a should be 0).")
    if box.box in ("2a", "5") and form.box5 > 0 and _basis_missing(check):
        return ("Usual cause: the plan did not report your basis, so it shows the whole amount as taxable "
                "(box 2a equal to box 1, box 5 empty or 0).")
    if box.box == "1":
        return ("Usual cause: the form covers a different amount (another date's value, a partial move, or "
                "more than one payment on one form); check it against the plan's statement.")
    return "Usual cause: the plan split basis and earnings differently; check them against its statement."


def _basis_missing(check: FormCheck) -> bool:
    box1, box2a, box5 = (check.box(name).typed for name in ("1", "2a", "5"))
    printed_box1 = box1 if box1 is not None else check.form.box1
    return box2a is not None and near(box2a, printed_box1) and (box5 is None or near(box5, ZERO))


def _code_cause(box: BoxCheck) -> str:
    if box.typed == "H" or box.typed == "B":
        return ("Usual cause: code H and B are for Roth 401(k) money (a designated Roth account); after-tax "
                "money outside it is code G for a direct rollover.")
    if box.expected == "1" and box.typed == "2":
        return ("Code 2 means the plan knows of an exception to the 10% additional tax (such as leaving the "
                "job in or after the year you turned 55). If one applies, 2 is right and no 10% tax is due; "
                "this calculator assumes none.")
    if box.expected == "G":
        return "Usual cause: the plan reported a payment to you, not a direct rollover."
    if box.typed == "G":
        return "Usual cause: the plan reported a direct rollover, not a payment to you (the reverse)."
    return "Usual cause: the plan used the code of another kind of distribution (Table 1 of the instructions)."


def installments_table(safe: Decimal) -> Table:
    """The four due dates and the share of the safe-harbor figure due by each (IRC 6654(c)(2), (d)(1)(A))."""
    share = statutory.entry("installment_share").amount
    rows = tuple((day, f"{share * n}%", usd(safe * statutory.rate("installment_share") * n))
                 for n, day in enumerate(INSTALLMENTS, start=1))
    return Table(
        "Paid by each due date (estimated tax)", ("Due date", "Share", "Paid by then, at least"), rows,
        note="Withholding counts as paid evenly on the four dates, whenever it was taken (IRC 6654(g)); "
        "estimated payments count on the day they are made. When the income came late in the year, the "
        "annualized installment method (Form 2210, Schedule AI) can lower the earlier installments.",
    )


def sources_table() -> Table:
    """Every rule the calculator applies, with the primary text it comes from."""
    rows = (
        ("Money paid out at the same time is one distribution; its pre-tax part goes to the direct "
         "rollover first", "IRS Notice 2014-54, sections III.A and IV; IRS page \"Rollovers of After-Tax "
         "Contributions in Retirement Plans\""),
        ("The rollover's form: box 1 the amount rolled, box 2a the taxable amount, box 5 the basis, code G",
         "Instructions for Forms 1099-R and 5498, \"Direct Rollovers\", Box 5 and Table 1 (code G)"),
        ("Part rolled over and part paid: a separate form for each part; code 1, 2 or 7 for the payment",
         "Instructions for Forms 1099-R and 5498, \"Direct Rollovers\", Box 7 and Table 1"),
        ("Withholding on the taxable part paid to you", f"{statutory.citation_of('rollover_withholding')}; "
         "IRC 3405(e)(1)(B)(ii) (no withholding on basis); a direct rollover has none, IRC 3405(c)(2)"),
        ("No withholding on small payments", statutory.citation_of("withholding_floor")),
        ("Form 1040: the total on line 5a, the taxable part on line 5b, \"Rollover\" next to 5b",
         "Instructions for Form 1040, lines 5a and 5b (Rollovers)"),
        ("The additional tax on an early payment", f"{statutory.citation_of('early_distribution_tax')}; "
         "its exceptions, IRC 72(t)(2)"),
        ("The safe harbor", f"{statutory.citation_of('current_year_share')}, "
         f"{statutory.citation_of('prior_year_share')}, {statutory.citation_of('prior_year_share_high_agi')} "
         f"above {statutory.citation_of('high_agi')}, {statutory.citation_of('high_agi_separate')}"),
        ("Four installments; withholding counted as paid evenly; no penalty on a small balance",
         f"IRC 6654(c)(2), {statutory.citation_of('installment_share')} each, 6654(g)(1), "
         f"{statutory.citation_of('penalty_floor')}; Instructions for Form 2210 (Schedule AI)"),
        ("A traditional IRA balance and a later backdoor Roth IRA",
         "IRC 408(d)(2); Instructions for Form 8606, line 6"),
        ("A partial move is part basis, part earnings", "IRC 72(e)(8); IRC 72(d)(2)"),
    )
    return Table("Where each rule comes from", ("Rule", "Primary source"), rows, css_class="tax-sources")
