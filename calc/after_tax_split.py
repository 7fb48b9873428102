"""after-tax-split: moving a plan's after-tax subaccount (IRS Notice 2014-54).

A distribution from the after-tax account carries basis and earnings pro rata
(IRC 72(e)(8)), within that account alone when the plan accounts for it separately
(a separate contract under 72(d)(2)); otherwise over the whole plan account.
Notice 2014-54 lets that one distribution be split: basis to a Roth IRA, the
earnings (pre-tax money) to a traditional IRA or to Roth, taxed. IRA
aggregation (IRC 408(d)(2)) covers IRAs only, so IRA balances play no part.
"""

from __future__ import annotations

from decimal import Decimal

from . import fields
from .formatting import cents, input_text, money_text as usd, percent_text
from .limits import Limits
from .model import Calculator, InputsRejected, Link, Output, Result, WorkingLine

ZERO = Decimal(0)

FIELDS = (
    fields.dollars(
        "after_tax_basis", "After-tax contributions (basis)", "30000",
        help="After-tax contributions in the plan's after-tax account not yet moved to Roth.",
    ),
    fields.dollars(
        "earnings", "Earnings on them", "450",
        help="Growth on those contributions; your plan statement shows it apart from the basis.",
    ),
    fields.dollars(
        "distribution", "Amount moved", optional=True,
        help="Leave empty to move the whole after-tax account (basis plus earnings).",
    ),
    fields.choice(
        "earnings_to", "Send the earnings to", "roth",
        (("roth", "Roth (IRA or in-plan): taxed now"), ("traditional-ira", "A traditional IRA: not taxed now")),
        help="The basis goes to Roth either way; the earnings are pre-tax money.",
    ),
    fields.percent("tax_rate_pct", "Your tax rate", "32", 0, 60, help="Your marginal income tax rate."),
)

OUTPUTS = (
    Output("basis_portion", "After-tax basis in the amount moved", "dollars"),
    Output("earnings_portion", "Earnings in the amount moved", "dollars"),
    Output("to_roth", "To Roth", "dollars"),
    Output("to_traditional", "To a traditional IRA", "dollars"),
    Output("taxable_amount", "Taxable now", "dollars"),
    Output("tax_due", "Tax on it", "dollars"),
)

NOTES = (
    "Your IRA balances do not enter this computation: the IRA pro-rata rule (IRA aggregation, IRC 408(d)(2)) "
    "covers IRAs only, and IRS Notice 2014-54 lets one distribution from the plan send its after-tax basis "
    "to a Roth IRA and its earnings elsewhere.",
    "This split holds when the plan accounts for after-tax money separately: then any amount moved is part "
    "basis and part earnings in proportion to the after-tax account alone (IRC 72(d)(2), 72(e)(8)). Without "
    "separate accounting the proportion runs over your whole plan account, pre-tax money included, so a "
    "partial move carries far less basis than this shows.",
    "Report from Form 1099-R (box 1 gross, box 2a taxable, box 5 basis, code G for a direct rollover of "
    "after-tax money; code H is for Roth 401(k) money rolled to a Roth IRA): the taxable earnings go on Form "
    "1040 lines 5a/5b, not on Form 8949. Form 8606 has no line for the rollover in its year, but basis rolled "
    "to a Roth IRA counts later in Form 8606 Part III (line 24) if you take a non-qualified Roth IRA "
    "distribution: keep the records.",
)


def compute(values: dict, limits: Limits) -> Result:
    basis = values["after_tax_basis"]
    earnings = values["earnings"]
    balance = basis + earnings
    given = values["distribution"]
    distribution = balance if given is None else given
    to = values["earnings_to"]
    rate = values["tax_rate_pct"]
    if distribution > balance:
        raise InputsRejected({
            "distribution": f"Amount moved: must be at most the account's {usd(balance)} "
            "(after-tax contributions plus earnings)."
        })

    # An empty account (balance 0) moves nothing: every portion is 0, no division needed.
    basis_portion = cents(distribution * basis / balance) if balance else ZERO
    earnings_portion = distribution - basis_portion
    if to == "roth":
        to_roth, to_traditional, taxable = distribution, ZERO, earnings_portion
    else:
        to_roth, to_traditional, taxable = basis_portion, earnings_portion, ZERO
    tax_due = cents(taxable * rate / 100)

    working = [
        WorkingLine("After-tax account", usd(balance), f"{usd(basis)} basis + {usd(earnings)} earnings"),
        WorkingLine("Amount moved", usd(distribution), "the whole account (none entered)" if given is None else ""),
        WorkingLine(
            "Basis in the amount moved", usd(basis_portion),
            f"{usd(distribution)} × {usd(basis)} ÷ {usd(balance)}, to the cent" if balance else "empty account",
        ),
        WorkingLine("Earnings in the amount moved", usd(earnings_portion), f"{usd(distribution)} − {usd(basis_portion)}"),
        WorkingLine("To Roth", usd(to_roth), "basis and earnings" if to == "roth" else "basis only"),
        WorkingLine("To a traditional IRA", usd(to_traditional), "the earnings" if to_traditional else ""),
        WorkingLine(
            "Taxable now", usd(taxable),
            "the earnings converted to Roth" if to == "roth" else "earnings rolled to a traditional IRA stay pre-tax",
        ),
        WorkingLine("Tax on it", usd(tax_due), f"{usd(taxable)} × {percent_text(rate)}"),
    ]
    if distribution < balance:
        kept_basis = basis - basis_portion
        working.append(
            WorkingLine(
                "Left in the after-tax account", usd(balance - distribution),
                f"{usd(kept_basis)} basis + {usd(earnings - earnings_portion)} earnings",
            )
        )

    warnings = []
    links = ()
    if 0 < distribution < balance and earnings > 0:
        warnings.append(
            f"Moving part of the account cannot take only the basis: {usd(earnings_portion)} of earnings "
            "comes along, in proportion to the account. Moving the whole account lets you split all of it."
        )
    if to_traditional > 0:
        warnings.append(
            f"The {usd(to_traditional)} of earnings rolled to a traditional IRA counts in that IRA's December 31 "
            "balance (Form 8606 line 6): if it is still there on December 31, a regular backdoor Roth IRA "
            "that year becomes partly taxable."
        )
        links = (
            Link(
                "See how a traditional IRA balance affects a regular backdoor Roth IRA",
                "backdoor-pro-rata",
                {"year_end_ira_balance": input_text(to_traditional)},
            ),
        )

    if distribution == 0:
        summary = "Nothing is moved, so nothing is split and no tax is due."
    elif to == "roth":
        summary = (
            f"Of the {usd(distribution)} moved to Roth, {usd(basis_portion)} is basis and {usd(earnings_portion)} "
            f"is taxable earnings: {usd(tax_due)} of tax."
        )
    else:
        summary = (
            f"{usd(basis_portion)} of basis goes to Roth tax-free and {usd(earnings_portion)} of earnings to a "
            "traditional IRA: no tax now."
        )
    return Result(
        outputs={
            "basis_portion": basis_portion,
            "earnings_portion": earnings_portion,
            "to_roth": to_roth,
            "to_traditional": to_traditional,
            "taxable_amount": taxable,
            "tax_due": tax_due,
        },
        summary=summary,
        warnings=tuple(warnings),
        working=tuple(working),
        links=links,
        notes=NOTES,
    )


CALCULATOR = Calculator(
    id="after-tax-split",
    title="After-tax split",
    question="How is my after-tax money split when I move it to Roth?",
    intro=(
        "Moving your plan's after-tax account to Roth: see how much is tax-free basis, how much is taxable "
        "earnings, and where each part can go under IRS Notice 2014-54."
    ),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
)
