"""Fixed amounts written into the Code and the regulations, declared once with their section.

These are not yearly IRS limits (those live in content/limits.yaml, declared in limits.LEAVES):
Congress or Treasury set them once and they do not change with inflation. A calculator reads
them by name (`rate("early_distribution_tax")`, `dollars("withholding_floor")`), so no bare
number stands in its math, and the page cites each with `citation_of`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Statutory:
    """One fixed amount of the law: its name, its value, its unit and where it is written."""

    name: str
    amount: Decimal
    unit: str  # "percent" | "dollars"
    label: str
    citation: str


STATUTORY: tuple[Statutory, ...] = (
    Statutory(
        "rollover_withholding",
        Decimal(20),
        "percent",
        "Withholding on an eligible rollover distribution paid to you",
        "IRC 3405(c)(1)(B)",
    ),
    Statutory(
        "withholding_floor",
        Decimal(200),
        "dollars",
        "No withholding when the year's eligible rollover distributions are under",
        "Treas. Reg. 31.3405(c)-1, Q&A-14",
    ),
    Statutory(
        "early_distribution_tax",
        Decimal(10),
        "percent",
        "Additional tax on the taxable part of an early distribution",
        "IRC 72(t)(1)",
    ),
    Statutory(
        "current_year_share",
        Decimal(90),
        "percent",
        "Safe harbor: share of this year's tax",
        "IRC 6654(d)(1)(B)(i)",
    ),
    Statutory(
        "prior_year_share",
        Decimal(100),
        "percent",
        "Safe harbor: share of last year's tax",
        "IRC 6654(d)(1)(B)(ii)",
    ),
    Statutory(
        "prior_year_share_high_agi",
        Decimal(110),
        "percent",
        "Safe harbor: share of last year's tax when last year's AGI was above the threshold",
        "IRC 6654(d)(1)(C)(i)",
    ),
    Statutory(
        "high_agi",
        Decimal(150000),
        "dollars",
        "Last year's AGI above which the 110% figure applies",
        "IRC 6654(d)(1)(C)(i)",
    ),
    Statutory(
        "high_agi_separate",
        Decimal(75000),
        "dollars",
        "The same threshold for a married person filing a separate return",
        "IRC 6654(d)(1)(C)(ii)",
    ),
    Statutory(
        "installment_share",
        Decimal(25),
        "percent",
        "Each of the four required installments: share of the required annual payment",
        "IRC 6654(d)(1)(A)",
    ),
    Statutory(
        "penalty_floor",
        Decimal(1000),
        "dollars",
        "No underpayment penalty when the tax owed after withholding is under",
        "IRC 6654(e)(1)",
    ),
)

_BY_NAME = {entry.name: entry for entry in STATUTORY}


def entry(name: str) -> Statutory:
    """The declared entry; KeyError names the known ones."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(
            f"unknown statutory amount {name!r}; expected one of {', '.join(_BY_NAME)}"
        ) from None


def rate(name: str) -> Decimal:
    """A percent entry as a fraction: 20% -> 0.20."""
    found = entry(name)
    if found.unit != "percent":
        raise ValueError(f"{name} is in {found.unit}, not a percent")
    return found.amount / 100


def dollars(name: str) -> Decimal:
    """A dollar entry."""
    found = entry(name)
    if found.unit != "dollars":
        raise ValueError(f"{name} is in {found.unit}, not dollars")
    return found.amount


def shown(name: str) -> str:
    """The amount as a reader sees it: "110%" or "$150,000"."""
    found = entry(name)
    return f"{found.amount}%" if found.unit == "percent" else f"${found.amount:,}"


def citation_of(name: str) -> str:
    """The amount with its section, for the page: "110% (IRC 6654(d)(1)(C)(i))"."""
    return f"{shown(name)} ({entry(name).citation})"
