"""Hand-worked plan-check cases: the verdict from the contract's table of answers.

Rule (contract, plan-check): both = after-tax yes, in-plan conversion yes, in-service
withdrawal yes; at-separation-only = after-tax yes, both routes no; not-available =
after-tax no; ask-plan = an answer needed for the verdict is unknown. Automatic
conversion and separate accounting never change the verdict. The next_steps list is a
text output (its data-value is only a count), so the table checks the verdict; the
steps are checked in tests/test_properties_plan_check.py.
"""

from . import Case

YES3 = {
    "after_tax_contributions": "yes",
    "in_plan_conversion": "yes",
    "in_service_withdrawal": "yes",
}

CASES = [
    Case(
        "plan-check",
        "defaults: every answer unknown",
        {},
        # All five default to unknown: the after-tax answer needed for any verdict is unknown.
        {"verdict": "ask-plan"},
    ),
    Case(
        "plan-check",
        "both routes",
        dict(YES3),
        # after-tax yes + in-plan conversion yes + in-service withdrawal yes -> both.
        {"verdict": "both"},
    ),
    Case(
        "plan-check",
        "in-plan conversion only",
        {
            "after_tax_contributions": "yes",
            "in_plan_conversion": "yes",
            "in_service_withdrawal": "no",
        },
        # Only the in-plan route is open -> in-plan-conversion.
        {"verdict": "in-plan-conversion"},
    ),
    Case(
        "plan-check",
        "in-service rollover only",
        {
            "after_tax_contributions": "yes",
            "in_plan_conversion": "no",
            "in_service_withdrawal": "yes",
        },
        # Only the withdrawal route is open -> in-service-rollover (to a Roth IRA, Notice 2014-54).
        {"verdict": "in-service-rollover"},
    ),
    Case(
        "plan-check",
        "after-tax allowed but no route until separation",
        {
            "after_tax_contributions": "yes",
            "in_plan_conversion": "no",
            "in_service_withdrawal": "no",
        },
        # after-tax yes, both routes no -> at-separation-only.
        {"verdict": "at-separation-only"},
    ),
    Case(
        "plan-check",
        "no after-tax contributions, routes unknown",
        {"after_tax_contributions": "no"},
        # after-tax no decides it alone: the unknown route answers are not needed -> not-available.
        {"verdict": "not-available"},
    ),
    Case(
        "plan-check",
        "no after-tax contributions even with both routes",
        {
            "after_tax_contributions": "no",
            "in_plan_conversion": "yes",
            "in_service_withdrawal": "yes",
        },
        # Routes without after-tax money to move are no mega backdoor Roth -> not-available.
        {"verdict": "not-available"},
    ),
    Case(
        "plan-check",
        "in-plan yes but in-service unknown is still ask-plan",
        {"after_tax_contributions": "yes", "in_plan_conversion": "yes"},
        # both vs in-plan-conversion depends on the in-service answer, which is unknown -> ask-plan.
        {"verdict": "ask-plan"},
    ),
    Case(
        "plan-check",
        "after-tax unknown with both routes yes",
        {"in_plan_conversion": "yes", "in_service_withdrawal": "yes"},
        # The after-tax answer is needed for every verdict but not-available -> ask-plan.
        {"verdict": "ask-plan"},
    ),
    Case(
        "plan-check",
        "automatic conversion and separate accounting do not change the verdict",
        {**YES3, "auto_conversion": "no", "separate_accounting": "no"},
        # Same three deciding answers as "both routes" -> both.
        {"verdict": "both"},
    ),
    Case(
        "plan-check",
        "answers must be yes, no or unknown",
        {"after_tax_contributions": "maybe", "separate_accounting": "YES"},
        # Codes are exact: 'maybe' and 'YES' are not among yes / no / unknown.
        errors=("after_tax_contributions", "separate_accounting"),
    ),
]
