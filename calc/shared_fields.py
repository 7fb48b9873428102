"""Fields several calculators ask for, declared once (same name, label and bounds everywhere)."""

from __future__ import annotations

from dataclasses import replace

from . import fields

FREQUENCY_WORDS = {
    "weekly": "Weekly (52 a year)",
    "biweekly": "Every two weeks (26 a year)",
    "semimonthly": "Twice a month (24 a year)",
    "monthly": "Monthly (12 a year)",
}


def pay_frequency(help: str = "How often you are paid.") -> fields.Field:
    """The pay frequency (the contract's codes; paychecks a year in rules.PAY_FREQUENCIES)."""
    return fields.choice(
        "pay_frequency", "Pay frequency", "biweekly", tuple(FREQUENCY_WORDS.items()), help=help
    )


def prior_year_wages() -> fields.Field:
    """Last year's FICA wages from this employer, for the Roth catch-up rule (optional)."""
    return fields.dollars(
        "prior_year_wages",
        "Last year's FICA wages from this employer",
        optional=True,
        help="Box 3 of last year's W-2 from this employer, for the Roth catch-up rule. Optional.",
    )


def annual_return(
    help: str = "The investment's yearly return while it waits; negative for a loss.",
) -> fields.Field:
    """The yearly return, in percent (default 7, from −50 to 50)."""
    return fields.percent("annual_return_pct", "Annual return", "7", -50, 50, help=help)


# The filing statuses of the contract, code -> words (the words name the status in the working).
FILING_STATUSES = (
    ("single", "Single"),
    ("head_of_household", "Head of household"),
    ("married_joint", "Married filing jointly"),
    ("qualifying_surviving_spouse", "Qualifying surviving spouse"),
    ("married_separate", "Married filing separately, lived with spouse during the year"),
    ("married_separate_lived_apart", "Married filing separately, lived apart all year"),
)


def filing_status(label: str = "Filing status") -> fields.Field:
    """The filing status (default single)."""
    return fields.choice(
        "filing_status",
        label,
        "single",
        FILING_STATUSES,
        help="Married filing separately: choose 'lived apart' only if you did not live with your "
        "spouse at any time during the year.",
    )


def tax_rate() -> fields.Field:
    """The reader's marginal income tax rate, in percent (default 32, from 0 to 60)."""
    return fields.percent(
        "tax_rate_pct", "Your tax rate", "32", 0, 60, help="Your marginal income tax rate."
    )


def grouped(group: str, *members: fields.Field) -> tuple[fields.Field, ...]:
    """Fields placed in one of their calculator's declared field groups (the form's steps)."""
    return tuple(replace(member, group=group) for member in members)
