"""tax-forms' rule 5: the Form 1099-R the reader typed, box by box against the one expected.

Money matches within $1 either way (a payer may print whole dollars); the code matches exactly,
case and spaces ignored (the field has already dropped them). Which expected form a typed form
is held against is read from its box 1: with a payment beside the rollover, a box 1 near the
payment (and not near the rollover) is the payment's form; for a split, whose forms the IRS
leaves open (one combined form or one per destination), a box 1 near the basis or near the
earnings is that destination's form.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)
TOLERANCE = Decimal(1)  # the contract's "within $1 inclusive"


@dataclass(frozen=True)
class Form1099R:
    """The boxes of one Form 1099-R this calculator works out (box 4: federal tax withheld)."""

    box1: Decimal
    box2a: Decimal
    box5: Decimal
    code: str
    box4: Decimal = ZERO


@dataclass(frozen=True)
class BoxCheck:
    """One box: what the plan should print, what the reader typed (None: not typed)."""

    box: str  # "1" | "2a" | "5" | "7"
    expected: Decimal | str
    typed: Decimal | str | None

    @property
    def differs(self) -> bool:
        if self.typed is None:
            return False
        if isinstance(self.expected, str):
            return self.typed != self.expected
        return not near(self.typed, self.expected)


@dataclass(frozen=True)
class FormCheck:
    """The outcome: the status code, how many typed boxes differ, and the form compared with."""

    status: str  # "not-entered" | "matches" | "differs"
    differences: int
    compared_with: (
        str  # "rollover" | "payment" | "split-roth" | "split-traditional"; "" when not entered
    )
    form: Form1099R | None
    boxes: tuple[BoxCheck, ...]

    def box(self, name: str) -> BoxCheck | None:
        return next((b for b in self.boxes if b.box == name), None)


# Box -> (the field the reader types it in, the attribute of Form1099R it is compared with).
TYPED_BOXES = (
    ("1", "form_box1", "box1"),
    ("2a", "form_box2a", "box2a"),
    ("5", "form_box5", "box5"),
    ("7", "form_box7", "code"),
)


def near(amount: Decimal, other: Decimal) -> bool:
    """Within $1 either way, inclusive."""
    return abs(amount - other) <= TOLERANCE


def check_form(values: dict, rollover_form: Form1099R, cash_form: Form1099R | None) -> FormCheck:
    """Compare each typed box with the form it belongs to; nothing typed is "not-entered"."""
    typed = {box: values[name] for box, name, _ in TYPED_BOXES}
    if all(value is None for value in typed.values()):
        return FormCheck("not-entered", 0, "", None, ())
    compared_with, form = form_to_compare(values, typed["1"], rollover_form, cash_form)
    boxes = tuple(
        BoxCheck(box, getattr(form, attribute), typed[box]) for box, _, attribute in TYPED_BOXES
    )
    differences = sum(1 for b in boxes if b.differs)
    return FormCheck(
        "matches" if differences == 0 else "differs", differences, compared_with, form, boxes
    )


def form_to_compare(
    values: dict, box1: Decimal | None, rollover_form: Form1099R, cash_form: Form1099R | None
) -> tuple[str, Form1099R]:
    """Which expected form a typed form is: read from its box 1 (rule 5 of the contract)."""
    if (
        cash_form is not None
        and box1 is not None
        and near(box1, cash_form.box1)
        and not near(box1, rollover_form.box1)
    ):
        return "payment", cash_form
    if values["move"] == "split" and box1 is not None and not near(box1, rollover_form.box1):
        basis, earnings = values["after_tax_basis"], values["earnings"]
        if near(box1, basis):
            return "split-roth", Form1099R(basis, ZERO, basis, "G")
        if near(box1, earnings):
            return "split-traditional", Form1099R(earnings, ZERO, ZERO, "G")
    return "rollover", rollover_form
