"""after-tax-split: moving a plan's after-tax subaccount (IRS Notice 2014-54).

A distribution from the after-tax account carries basis and earnings pro rata
(IRC 72(e)(8)), within that account alone when the plan accounts for it separately
(a separate contract under 72(d)(2)); otherwise over the whole plan account.
Notice 2014-54 lets that one distribution be split: basis to a Roth IRA, the
earnings (pre-tax money) to a traditional IRA or to Roth, taxed. IRA
aggregation (IRC 408(d)(2)) covers IRAs only, so IRA balances play no part.
The math is in `figures`; the words around it in after_tax_split_words.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import fields, shared_fields
from .after_tax_split_words import MONEY, explain
from .formatting import cents
from .formatting import money_text as usd
from .limits import Limits
from .model import Calculator, InputsRejected, Output, check_figures
from .rules import tax_on

ZERO = Decimal(0)

FIELDS = (
    fields.dollars(
        "after_tax_basis",
        "After-tax contributions (basis)",
        "30000",
        help="After-tax contributions in the plan's after-tax account not yet moved to Roth.",
    ),
    fields.dollars(
        "earnings",
        "Earnings on them",
        "450",
        help="Growth on those contributions; your plan statement shows it apart from the basis.",
    ),
    fields.dollars(
        "distribution",
        "Amount moved",
        optional=True,
        help="Leave empty to move the whole after-tax account (basis plus earnings).",
    ),
    fields.choice(
        "earnings_to",
        "Send the earnings to",
        "roth",
        (
            ("roth", "Roth (IRA or in-plan): taxed now"),
            ("traditional-ira", "A traditional IRA: not taxed now"),
        ),
        help="The basis goes to Roth either way; the earnings are pre-tax money.",
    ),
    shared_fields.tax_rate(),
)

OUTPUTS = (
    Output("basis_portion", "After-tax basis in the amount moved", "dollars"),
    Output("earnings_portion", "Earnings in the amount moved", "dollars"),
    Output("to_roth", "To Roth", "dollars"),
    Output("to_traditional", "To a traditional IRA", "dollars"),
    Output("taxable_amount", "Taxable now", "dollars"),
    Output("tax_due", "Tax on it", "dollars"),
)


@dataclass(frozen=True)
class Figures:
    """Every output of the contract, and the two amounts the explanation also shows."""

    basis_portion: Decimal
    earnings_portion: Decimal
    to_roth: Decimal
    to_traditional: Decimal
    taxable_amount: Decimal
    tax_due: Decimal
    # Shown in the working and the summary:
    balance: Decimal  # the after-tax account: basis plus earnings
    distribution: Decimal  # the amount moved: as entered, else the whole account


def figures(values: dict, limits: Limits) -> Figures:
    """Pro rata basis and earnings in the amount moved (IRC 72(e)(8)), then where each part goes."""
    basis, earnings = values["after_tax_basis"], values["earnings"]
    balance = basis + earnings
    distribution = balance if values["distribution"] is None else values["distribution"]
    if distribution > balance:
        raise InputsRejected(
            {
                "distribution": f"Amount moved: must be at most the account's {usd(balance)} "
                "(after-tax contributions plus earnings)."
            }
        )
    # An empty account (balance 0) moves nothing: every portion is 0, no division needed.
    basis_portion = cents(distribution * basis / balance) if balance else ZERO
    earnings_portion = distribution - basis_portion
    if values["earnings_to"] == "roth":
        to_roth, to_traditional, taxable = distribution, ZERO, earnings_portion
    else:
        to_roth, to_traditional, taxable = basis_portion, earnings_portion, ZERO
    return Figures(
        basis_portion=basis_portion,
        earnings_portion=earnings_portion,
        to_roth=to_roth,
        to_traditional=to_traditional,
        taxable_amount=taxable,
        tax_due=tax_on(taxable, values["tax_rate_pct"]),
        balance=balance,
        distribution=distribution,
    )


check_figures(Figures, OUTPUTS)

CALCULATOR = Calculator(
    id="after-tax-split",
    title="After-tax split",
    question="How is my after-tax money split when I move it to Roth?",
    intro=(
        "Moving your plan's after-tax account to Roth: see how much is tax-free basis, how much is "
        "taxable "
        "earnings, and where each part can go under IRS Notice 2014-54."
    ),
    fields=FIELDS,
    outputs=OUTPUTS,
    figures=figures,
    explain=explain,
    money=MONEY,
    key_outputs=("to_roth", "to_traditional", "taxable_amount", "tax_due"),
)
