"""Calculator input fields: their declaration and the parsing rules of the contract.

Every value arrives as text (a form control, a URL parameter, a CLI argument)
and is parsed here, once, for every front door. A bad value raises FieldError
with a message that names the field; nothing else escapes.
The fields several calculators ask for are declared in shared_fields.py.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

MAX_DOLLARS = Decimal("100000000")
MAX_TEXT_LENGTH = 64

# ASCII digits only: Python's Decimal would accept other scripts' digits.
_DOLLARS = re.compile(r"\$?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?|\.\d{1,2})", re.ASCII)
_PERCENT = re.compile(r"([+-]?(?:\d+(?:\.\d{1,4})?|\.\d{1,4}))\s*%?", re.ASCII)
_INTEGER = re.compile(r"\d+", re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_CODE = re.compile(r"[0-9A-Z]{1,2}", re.ASCII)


class FieldError(ValueError):
    """A value a reader typed that a field cannot accept; the message is shown as is."""


@dataclass(frozen=True)
class Choice:
    code: str
    label: str


@dataclass(frozen=True)
class NewestLimit:
    """A default read from the limits file: the newest year's value of one limit (e.g.
    "ira_limit")."""

    key: str


@dataclass(frozen=True)
class Field:
    """One input of a calculator, declared once and used by every front door."""

    name: str
    label: str
    kind: str  # "dollars" | "percent" | "integer" | "choice" | "year" | "date" | "code"
    default: str | NewestLimit | None = None  # raw text; None means empty
    optional: bool = False  # empty means "not given" (compute then uses its documented default)
    minimum: Decimal | int | None = None
    maximum: Decimal | int | None = None
    choices: tuple[Choice, ...] = ()
    help: str = ""
    group: str = ""  # the name of one of its calculator's field_groups ("" when it declares none)

    def default_text(self, limits) -> str:
        """The text the field starts with when none is given."""
        if self.kind == "year":
            return str(max(limits.years))
        if isinstance(self.default, NewestLimit):
            return format(getattr(limits.newest, self.default.key), "f")
        return self.default or ""

    def parse(self, raw: str, years: tuple[int, ...] = ()) -> object:
        """Parse one raw text value; None when an optional field is empty."""
        text = str(raw).strip()
        if text == "":
            if self.optional:
                return None
            raise FieldError(f"{self.label}: enter a value.")
        if len(text) > MAX_TEXT_LENGTH:
            raise FieldError(f"{self.label}: the value is too long.")
        parser = _PARSERS[self.kind]
        return parser(self, text, years)


def _parse_dollars(field: Field, text: str, years: tuple[int, ...]) -> Decimal:
    if text.startswith("-") or text.startswith("−") or text.startswith("$-"):
        raise FieldError(f"{field.label}: must not be negative.")
    match = _DOLLARS.fullmatch(text)
    if not match:
        raise FieldError(f"{field.label}: enter an amount in dollars, like 12,000 or 12000.50.")
    amount = Decimal(match.group(1).replace(",", ""))
    if amount > MAX_DOLLARS:
        raise FieldError(f"{field.label}: must be at most $100,000,000.")
    _check_bounds(field, amount, money=True)
    return amount


def _parse_percent(field: Field, text: str, years: tuple[int, ...]) -> Decimal:
    match = _PERCENT.fullmatch(text)
    if not match:
        raise FieldError(f"{field.label}: enter a percentage, like 7 or 7.5.")
    value = Decimal(match.group(1))
    _check_bounds(field, value, suffix="%")
    return value


def _parse_integer(field: Field, text: str, years: tuple[int, ...]) -> int:
    # A negative whole number is a whole number out of range (age −3: "between 0 and 120").
    signed = re.fullmatch(r"[-−](\d+)", text, re.ASCII)
    if signed:
        _check_bounds(field, -int(signed.group(1)))
    if not _INTEGER.fullmatch(text):
        raise FieldError(f"{field.label}: enter a whole number.")
    value = int(text)
    _check_bounds(field, value)
    return value


def _parse_choice(field: Field, text: str, years: tuple[int, ...]) -> str:
    codes = [choice.code for choice in field.choices]
    if text not in codes:
        raise FieldError(f"{field.label}: expected one of {', '.join(codes)}.")
    return text


def _parse_year(field: Field, text: str, years: tuple[int, ...]) -> int:
    if not _INTEGER.fullmatch(text) or int(text) not in years:
        listed = ", ".join(str(y) for y in years)
        raise FieldError(f"{field.label}: the limits file has the years {listed}.")
    return int(text)


def _parse_date(field: Field, text: str, years: tuple[int, ...]) -> datetime.date:
    if not _DATE.fullmatch(text):
        raise FieldError(f"{field.label}: enter a date as YYYY-MM-DD, like 2026-01-02.")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise FieldError(f"{field.label}: {text} is not a date on the calendar.") from None


def _parse_code(field: Field, text: str, years: tuple[int, ...]) -> str:
    """A code as printed on a form (Form 1099-R box 7): spaces dropped, letters upper-cased."""
    code = "".join(text.split()).upper() if text.isascii() else ""
    if not _CODE.fullmatch(code):
        raise FieldError(
            f"{field.label}: enter the code as printed, one or two letters or digits, like G or 7."
        )
    return code


def _check_bounds(
    field: Field, value: Decimal | int, money: bool = False, suffix: str = ""
) -> None:
    def shown(bound: Decimal | int) -> str:
        return f"${bound:,}" if money else f"{bound}{suffix}"

    low, high = field.minimum, field.maximum
    if low is not None and value < low or high is not None and value > high:
        if low is not None and high is not None:
            raise FieldError(f"{field.label}: must be between {shown(low)} and {shown(high)}.")
        if low is not None:
            raise FieldError(f"{field.label}: must be at least {shown(low)}.")
        raise FieldError(f"{field.label}: must be at most {shown(high)}.")


_PARSERS = {
    "dollars": _parse_dollars,
    "percent": _parse_percent,
    "integer": _parse_integer,
    "choice": _parse_choice,
    "year": _parse_year,
    "date": _parse_date,
    "code": _parse_code,
}


def dollars(name: str, label: str, default: str | NewestLimit | None = None, **kwargs) -> Field:
    """A dollar amount (0 to $100,000,000)."""
    return Field(name, label, "dollars", default, **kwargs)


def percent(name: str, label: str, default: str | None, minimum, maximum, **kwargs) -> Field:
    """A percentage within [minimum, maximum]."""
    return Field(
        name,
        label,
        "percent",
        default,
        minimum=Decimal(minimum),
        maximum=Decimal(maximum),
        **kwargs,
    )


def integer(
    name: str, label: str, default: str | None, minimum: int, maximum: int, **kwargs
) -> Field:
    """A whole number within [minimum, maximum]."""
    return Field(name, label, "integer", default, minimum=minimum, maximum=maximum, **kwargs)


def choice(
    name: str, label: str, default: str, choices: tuple[tuple[str, str], ...], **kwargs
) -> Field:
    """One of a fixed list of codes, each with a label for the page."""
    return Field(
        name, label, "choice", default, choices=tuple(Choice(c, t) for c, t in choices), **kwargs
    )


def date(name: str, label: str, **kwargs) -> Field:
    """A calendar date written YYYY-MM-DD (whether it falls in the right year is the calculator's
    rule)."""
    return Field(name, label, "date", None, **kwargs)


def code(name: str, label: str, **kwargs) -> Field:
    """A short code typed as printed on a form (one or two letters or digits; case and spaces
    ignored)."""
    return Field(name, label, "code", None, **kwargs)


def year(help: str = "The tax year whose IRS limits apply.") -> Field:
    """The tax year; its choices are the years of the limits file, newest by default."""
    return Field("year", "Tax year", "year", None, help=help)


def age(default: str = "40") -> Field:
    """Age attained by December 31 of the tax year."""
    return integer(
        "age", "Age on December 31", default, 0, 120, help="Your age at the end of the tax year."
    )


def form_value(field: Field, value: object) -> str:
    """The canonical text of a parsed value, as a form control or URL shows it."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if field.kind == "percent" else format(value, "f")
    return str(value)
