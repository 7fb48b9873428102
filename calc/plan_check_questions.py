"""plan-check's questions, declared once: the five answers asked, the verdicts, the three answers
that decide the verdict and what to ask the plan about each. The math (plan_check.py) and the words
(plan_check_words.py) both read them."""

from __future__ import annotations

from . import fields

ANSWERS = (("unknown", "I don't know yet"), ("yes", "Yes"), ("no", "No"))


def _question(name: str, label: str, help: str) -> fields.Field:
    return fields.choice(name, label, "unknown", ANSWERS, help=help)


FIELDS = (
    _question(
        "after_tax_contributions",
        "Does the plan accept after-tax (non-Roth) contributions?",
        "After-tax contributions are separate from pre-tax and Roth 401(k) deferrals.",
    ),
    _question(
        "in_plan_conversion",
        "Does it allow in-plan Roth conversion of after-tax money?",
        "Also called an in-plan Roth rollover: the money stays in the plan as Roth 401(k) money.",
    ),
    _question(
        "in_service_withdrawal",
        "Does it allow in-service withdrawal of after-tax money?",
        "Taking after-tax money out while still employed, to roll it to a Roth IRA.",
    ),
    _question(
        "auto_conversion",
        "Can conversions happen automatically?",
        "Some plans convert each after-tax contribution daily or each paycheck.",
    ),
    _question(
        "separate_accounting",
        "Does the plan account for after-tax basis and earnings separately?",
        "The plan tracks your after-tax contributions apart from their earnings.",
    ),
)

VERDICTS = {
    "both": "Yes: by in-plan Roth conversion or by in-service rollover to a Roth IRA",
    "in-plan-conversion": "Yes, by in-plan Roth conversion",
    "in-service-rollover": "Yes, by in-service rollover to a Roth IRA",
    "at-separation-only": "Only partly: after-tax money can be moved to Roth when you leave the "
    "employer",
    "not-available": "No: the plan does not accept after-tax contributions",
    "ask-plan": "Not yet known: ask the plan administrator first",
}

# The three answers that decide the verdict, in the order that decides the most.
DECIDING = ("after_tax_contributions", "in_plan_conversion", "in_service_withdrawal")

QUESTIONS = {
    "after_tax_contributions": "Ask the plan administrator: does the plan accept after-tax "
    "(non-Roth) "
    "employee contributions, and up to what percent of pay?",
    "in_plan_conversion": "Ask: can after-tax money (and its earnings) be converted to Roth inside "
    "the plan "
    "(an in-plan Roth conversion or rollover)?",
    "in_service_withdrawal": "Ask: can after-tax money be withdrawn while you still work there, as "
    "a direct "
    "rollover to a Roth IRA?",
    "auto_conversion": "Ask: can conversions be set to happen automatically, daily or each "
    "paycheck?",
    "separate_accounting": "Ask: does the plan keep after-tax contributions and their earnings in "
    "a "
    "separate account, so a withdrawal takes only that account pro rata?",
}
