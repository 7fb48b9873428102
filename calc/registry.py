"""Every calculator, by id. The CLI, the site builder and the browser read only this."""

from __future__ import annotations

from . import (
    after_tax_room,
    after_tax_split,
    backdoor_pro_rata,
    conversion_delay,
    paycheck_plan,
    plan_check,
    roth_ira_eligibility,
    roth_vs_taxable,
    tax_forms,
    year_plan,
)
from .model import Calculator

CALCULATORS: dict[str, Calculator] = {
    module.CALCULATOR.id: module.CALCULATOR
    for module in (
        year_plan,
        plan_check,
        after_tax_room,
        paycheck_plan,
        conversion_delay,
        after_tax_split,
        backdoor_pro_rata,
        roth_ira_eligibility,
        roth_vs_taxable,
        tax_forms,
    )
}


def get(calculator_id: str) -> Calculator:
    """The calculator with this id; KeyError names the known ids."""
    try:
        return CALCULATORS[calculator_id]
    except KeyError:
        raise KeyError(
            f"unknown calculator {calculator_id!r}; expected one of {', '.join(CALCULATORS)}"
        ) from None
