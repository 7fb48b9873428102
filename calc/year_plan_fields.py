"""year-plan's inputs, in the form's steps: the reader's pay first, then the plan, what is
already in, the elections (empty: the planner picks) and the assumptions, closed until wanted."""

from __future__ import annotations

from . import fields, shared_fields
from .model import FieldGroup
from .year_plan_answer import PAYCHECKS_DONE_LABEL

PAY_CAP_CHOICES = (
    ("stop", "Payroll stops the percentages (many plans)"),
    ("continue", "Payroll keeps deducting from all pay"),
)
CONVERSIONS = (
    ("each-paycheck", "On each payday"),
    ("monthly", "At the end of each month"),
    ("quarterly", "At the end of each quarter"),
    ("yearly", "Once, at the end of the year"),
)

FIELD_GROUPS = (
    FieldGroup("pay", "Your pay"),
    FieldGroup("plan", "Your plan"),
    FieldGroup("so-far", "Already this year"),
    FieldGroup("elections", "Your elections (leave empty and the planner picks)"),
    FieldGroup("assumptions", "Assumptions", collapsed=True),
)
FIELDS = (
    *shared_fields.grouped(
        "pay",
        fields.dollars("salary", "Yearly base pay from this employer", "200000"),
        shared_fields.pay_frequency(),
        fields.date(
            "first_pay_date",
            "First payday of the year",
            optional=True,
            help="Empty: the first Friday of January (weekly, every two weeks), January 15 "
            "(twice a month) or January 31 (monthly).",
        ),
        fields.dollars("bonus", "Bonus", optional=True, help="A bonus paid this year, if any."),
        fields.date("bonus_date", "Bonus payday", optional=True, help="Needed with a bonus."),
        fields.year(),
        fields.age(),
        shared_fields.prior_year_wages(),
    ),
    *shared_fields.grouped(
        "plan",
        fields.percent("match_pct", "Employer match (% of each deferred dollar)", "50", 0, 200),
        fields.percent(
            "match_limit_pct",
            "Pay matched (% of pay)",
            "6",
            0,
            100,
            help="The match applies to deferrals up to this share of each paycheck's pay.",
        ),
        fields.choice(
            "true_up",
            "Does the plan true up the match after year end?",
            "no",
            (("no", "No"), ("yes", "Yes")),
        ),
        fields.dollars(
            "employer_other",
            "Other employer money (profit sharing)",
            "0",
            help="Employer money for the year paid after the last paycheck.",
        ),
        fields.percent(
            "max_after_tax_pct",
            "Plan's highest after-tax election (%)",
            None,
            0,
            100,
            optional=True,
        ),
        fields.choice(
            "pay_cap",
            "Once the year's pay passes the compensation limit",
            "stop",
            PAY_CAP_CHOICES,
            help="Many plans stop every percentage election there; some keep deducting "
            "deferrals and after-tax money from all pay. Ask payroll. The match is figured "
            "on pay up to the limit either way.",
        ),
    ),
    *shared_fields.grouped(
        "so-far",
        fields.integer(
            "paychecks_done",
            PAYCHECKS_DONE_LABEL,
            "0",
            0,
            53,
            help="This year's paychecks before your new elections apply: "
            "those paid plus those payroll still runs on the old elections.",
        ),
        fields.dollars("deferrals_ytd", "Deferrals in those paychecks", "0"),
        fields.dollars("match_ytd", "Match in those paychecks", "0"),
        fields.dollars("after_tax_ytd", "After-tax money in those paychecks", "0"),
        fields.dollars(
            "deferrals_other_plans",
            "Deferrals to other employers' plans",
            "0",
            help="Pre-tax and Roth deferrals to plans of other, unrelated employers this year.",
        ),
    ),
    *shared_fields.grouped(
        "elections",
        fields.integer(
            "deferral_pct",
            "Deferral election (% of pay)",
            None,
            0,
            100,
            optional=True,
            help="Pre-tax plus Roth. Empty: the smallest percent that reaches the limit "
            "by the last paycheck.",
        ),
        fields.integer(
            "after_tax_pct",
            "After-tax election (% of pay)",
            None,
            0,
            100,
            optional=True,
            help="Empty: the largest percent that fits under the 415(c) limit.",
        ),
    ),
    *shared_fields.grouped(
        "assumptions",
        fields.choice(
            "conversion", "When after-tax money is converted to Roth", "each-paycheck", CONVERSIONS
        ),
        shared_fields.annual_return(),
        shared_fields.tax_rate(),
        fields.integer(
            "election_lag",
            "Paydays payroll needs before a change applies",
            "2",
            0,
            6,
            help="How many paydays pass before payroll applies new elections; it dates "
            "the reminders.",
        ),
    ),
)
