"""Every calculator, by id. The CLI, the site builder and the browser read only this."""

from __future__ import annotations

from . import after_tax_room
from .model import Calculator

CALCULATORS: dict[str, Calculator] = {
    module.CALCULATOR.id: module.CALCULATOR
    for module in (
        after_tax_room,
    )
}


def get(calculator_id: str) -> Calculator:
    """The calculator with this id; KeyError names the known ids."""
    try:
        return CALCULATORS[calculator_id]
    except KeyError:
        raise KeyError(f"unknown calculator {calculator_id!r}; expected one of {', '.join(CALCULATORS)}") from None
