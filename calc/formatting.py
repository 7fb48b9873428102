"""How values look: the data-value contract and the human text beside it."""

from __future__ import annotations

import datetime
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
DOLLAR = Decimal("1")
RATIO_PLACES = Decimal("0.00001")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # not strftime's %B: that follows the machine's locale


def cents(amount: Decimal) -> Decimal:
    """Round half-up to cents: the contract's rounding wherever money is shown."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def cents_down(amount: Decimal) -> Decimal:
    """Round down to cents, for amounts that must never overshoot."""
    return amount.quantize(CENT, rounding=ROUND_DOWN)


def whole_dollars(amount: Decimal) -> Decimal:
    """Round half-up to whole dollars, as IRS forms allow."""
    return amount.quantize(DOLLAR, rounding=ROUND_HALF_UP)


def money_text(amount: Decimal) -> str:
    """$38,500 for whole dollars, $38,500.25 otherwise; a minus sign for losses."""
    amount = cents(amount)
    sign = "−" if amount < 0 else ""
    amount = abs(amount)
    if amount == amount.to_integral_value():
        return f"{sign}${int(amount):,}"
    return f"{sign}${amount:,.2f}"


def cents_text(amount: Decimal) -> str:
    """$38,500.00: always to the cent, for calculators of payroll money (one format in every
    column)."""
    amount = cents(amount)
    return f"{'−' if amount < 0 else ''}${abs(amount):,.2f}"


def dollars_text(amount: Decimal) -> str:
    """$38,500: whole dollars, for calculators that follow an IRS worksheet in whole dollars or
    project years ahead."""
    amount = whole_dollars(amount)
    return f"{'−' if amount < 0 else ''}${int(abs(amount)):,}"


def input_text(amount: Decimal) -> str:
    """An amount as another calculator's input in a link: plain digits, never "-0.00"."""
    return format(amount + 0, "f")  # adding zero turns a negative zero into zero


def date_text(day) -> str:
    """2 January 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day) -> str:
    """2 Jan, for tables and charts."""
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


def percent_text(value: Decimal | int) -> str:
    """7% or 7.5%; a minus sign (not a hyphen) for negatives, as money_text uses."""
    if isinstance(value, Decimal):
        value = format(value.normalize(), "f")
    return f"{value}%".replace("-", "−")


def data_value(kind: str, value: object) -> str:
    """The raw value of an output for its data-value attribute ('' when not available)."""
    if value is None:
        return ""
    if kind == "dollars" and isinstance(value, str):
        return value  # a code standing for an amount not known (e.g. "unknown"), as "date" allows
    if kind == "dollars":
        amount = cents(value)
        return format(amount if amount != 0 else Decimal("0.00"), "f")
    if kind == "ratio":
        return format(value.quantize(RATIO_PLACES, rounding=ROUND_HALF_UP), "f")
    if kind == "integer":
        return str(int(value))
    if kind == "percent":
        return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)
    if kind == "boolean":
        return "true" if value else "false"
    if kind in ("text_list", "table"):
        return str(len(value))
    if kind == "calendar":
        return str(value.count("BEGIN:VEVENT"))
    return str(value)


def human_text(
    kind: str, value: object, codes: dict[str, str] | None = None, money=money_text
) -> str:
    """The words a reader sees for an output (money in the calculator's own format)."""
    if value is None:
        return "—"
    if kind == "dollars":
        return (codes or {}).get(value, value) if isinstance(value, str) else money(value)
    if kind == "ratio":
        return data_value("ratio", value)
    if kind == "integer":
        return f"{int(value):,}"
    if kind == "percent":
        return percent_text(value)
    if kind == "boolean":
        return "Yes" if value else "No"
    if kind == "code":
        return (codes or {}).get(value, str(value))
    if kind == "text_list":
        return f"{len(value)} items"
    if kind == "table":
        return f"{len(value)} rows"
    if kind == "date":
        return (codes or {}).get(value) or date_text(datetime.date.fromisoformat(value))
    return str(value)
