"""plan-check: does my plan allow a mega backdoor Roth, and what to ask or do next.

The verdict needs three answers: after-tax contributions, in-plan Roth
conversion and in-service withdrawal of after-tax money. Automatic conversion
and separate accounting do not change the verdict; they shape the next steps.
Features to confirm come from the domain brief (plan features to confirm).
"""

from __future__ import annotations

from . import fields
from .limits import Limits
from .model import Calculator, Link, Output, Result, WorkingLine

ANSWERS = (("unknown", "I don't know yet"), ("yes", "Yes"), ("no", "No"))


def _question(name: str, label: str, help: str) -> fields.Field:
    return fields.choice(name, label, "unknown", ANSWERS, help=help)


FIELDS = (
    _question(
        "after_tax_contributions", "Does the plan accept after-tax (non-Roth) contributions?",
        "After-tax contributions are separate from pre-tax and Roth 401(k) deferrals.",
    ),
    _question(
        "in_plan_conversion", "Does it allow in-plan Roth conversion of after-tax money?",
        "Also called an in-plan Roth rollover: the money stays in the plan as Roth 401(k) money.",
    ),
    _question(
        "in_service_withdrawal", "Does it allow in-service withdrawal of after-tax money?",
        "Taking after-tax money out while still employed, to roll it to a Roth IRA.",
    ),
    _question(
        "auto_conversion", "Can conversions happen automatically?",
        "Some plans convert each after-tax contribution daily or each paycheck.",
    ),
    _question(
        "separate_accounting", "Does the plan account for after-tax basis and earnings separately?",
        "The plan tracks your after-tax contributions apart from their earnings.",
    ),
)

VERDICTS = {
    "both": "Yes: by in-plan Roth conversion or by in-service rollover to a Roth IRA",
    "in-plan-conversion": "Yes, by in-plan Roth conversion",
    "in-service-rollover": "Yes, by in-service rollover to a Roth IRA",
    "at-separation-only": "Only partly: after-tax money can be moved to Roth when you leave the employer",
    "not-available": "No: the plan does not accept after-tax contributions",
    "ask-plan": "Not yet known: ask the plan administrator first",
}

OUTPUTS = (
    Output("verdict", "Can you do a mega backdoor Roth in this plan?", "code", codes=VERDICTS),
    Output("next_steps", "Next steps, in order", "text_list"),
)

QUESTIONS = {
    "after_tax_contributions": "Ask the plan administrator: does the plan accept after-tax (non-Roth) "
    "employee contributions, and up to what percent of pay?",
    "in_plan_conversion": "Ask: can after-tax money (and its earnings) be converted to Roth inside the plan "
    "(an in-plan Roth conversion or rollover)?",
    "in_service_withdrawal": "Ask: can after-tax money be withdrawn while you still work there, as a direct "
    "rollover to a Roth IRA?",
    "auto_conversion": "Ask: can conversions be set to happen automatically, daily or each paycheck?",
    "separate_accounting": "Ask: does the plan keep after-tax contributions and their earnings in a "
    "separate account, so a withdrawal takes only that account pro rata?",
}

# Plan features to confirm in writing (domain brief) once after-tax money may be allowed.
ASK_HOW_OFTEN = "Ask: how often may you convert or withdraw after-tax money, and is there a fee?"
ASK_AFTER_402G = (
    "Ask: do after-tax contributions continue after your pre-tax and Roth deferrals reach the 402(g) "
    "limit, and does the plan true up the match if you reach it early?"
)


def verdict_for(after_tax: str, in_plan: str, in_service: str) -> str:
    """The contract's verdict from the three answers that decide it."""
    if after_tax == "no":
        return "not-available"
    if "unknown" in (after_tax, in_plan, in_service):
        return "ask-plan"
    if in_plan == "yes" and in_service == "yes":
        return "both"
    if in_plan == "yes":
        return "in-plan-conversion"
    if in_service == "yes":
        return "in-service-rollover"
    return "at-separation-only"


def open_questions(answers: dict[str, str]) -> list[str]:
    """The unknown answers that still matter, in the order that decides the most."""
    if answers["after_tax_contributions"] == "no":
        return []
    relevant = ["after_tax_contributions", "in_plan_conversion", "in_service_withdrawal"]
    if answers["in_plan_conversion"] != "no":
        relevant.append("auto_conversion")  # automatic conversion is an in-plan feature
    relevant.append("separate_accounting")
    return [name for name in relevant if answers[name] == "unknown"]


def next_steps_for(answers: dict[str, str], verdict: str) -> list[str]:
    """Questions still open first, then what to confirm, then the actions for the verdict."""
    if verdict == "not-available":
        return [
            "Without after-tax contributions there is no mega backdoor Roth in this plan. Ask the employer "
            "whether it would add after-tax contributions with in-plan Roth conversions.",
            "Meanwhile, use the Roth options you do have: Roth 401(k) deferrals if the plan offers them and, if "
            "your income allows or through a regular backdoor Roth IRA, a Roth IRA.",
        ]
    routes_possible = answers["in_plan_conversion"] != "no" or answers["in_service_withdrawal"] != "no"
    steps = [QUESTIONS[name] for name in open_questions(answers)]
    if routes_possible:
        steps.append(ASK_HOW_OFTEN)
    steps.append(ASK_AFTER_402G)
    steps.append("Get the answers in writing: the summary plan description or a message from the administrator.")
    if verdict == "ask-plan":
        steps.append("Come back with the answers to see which route your plan allows.")
        return steps

    steps.append(
        "Work out how much after-tax money fits this year (after-tax room), then set your after-tax "
        "contribution election with the plan."
    )
    if answers["separate_accounting"] == "no":
        steps.append(
            "Because the plan does not account for after-tax money separately, ask how a withdrawal or "
            "conversion is split between after-tax basis and pre-tax money before you move anything."
        )
    if verdict == "both":
        steps.append("Choose a route: in-plan conversion keeps the money in the plan as Roth 401(k) money "
                     "(no lifetime required distributions since 2024); a rollover to a Roth IRA gives you "
                     "the IRA's investment choices.")
    if verdict in ("both", "in-plan-conversion"):
        if answers["auto_conversion"] == "yes":
            steps.append("For in-plan conversion, turn on automatic conversion so each contribution is converted "
                         "before it earns much taxable growth.")
        else:
            steps.append("For in-plan conversion, request a conversion of the after-tax account after each "
                         "contribution, or as often as the plan allows: only earnings before the "
                         "conversion are taxed.")
    if verdict in ("both", "in-service-rollover"):
        steps.append(
            "For an in-service withdrawal, ask for a direct rollover: after-tax basis to a Roth IRA, and the "
            "earnings either to the Roth IRA (taxed now) or to a traditional IRA (IRS Notice 2014-54)."
        )
    if verdict == "at-separation-only":
        steps.append(
            "Decide whether after-tax contributions are still worth it: their earnings grow tax-deferred "
            "but are taxed when paid out; the basis can go to a Roth IRA when you leave (IRS Notice 2014-54)."
        )
    if routes_possible:
        steps.append("Keep each Form 1099-R: taxable earnings on a conversion or rollover go on Form 1040 "
                     "lines 5a/5b, not on Form 8949.")
    return steps


def compute(values: dict, limits: Limits) -> Result:
    answers = {field.name: values[field.name] for field in FIELDS}
    verdict = verdict_for(
        answers["after_tax_contributions"], answers["in_plan_conversion"], answers["in_service_withdrawal"]
    )
    steps = next_steps_for(answers, verdict)

    decides = {"after_tax_contributions", "in_plan_conversion", "in_service_withdrawal"}
    working = tuple(
        WorkingLine(
            field.label, dict(ANSWERS)[answers[field.name]],
            "decides the verdict" if field.name in decides else "shapes the next steps only",
        )
        for field in FIELDS
    )

    warnings = []
    if answers["after_tax_contributions"] == "yes" and answers["separate_accounting"] == "no":
        warnings.append(
            "Without separate accounting of after-tax money, a partial withdrawal is split pro rata over your whole "
            "account, so it carries taxable pre-tax money along (IRC 72(d)(2), 72(e)(8)): in the IRS's example, "
            "$50,000 taken from $80,000 pre-tax and $20,000 after-tax carries only $10,000 of basis."
        )
    if verdict == "at-separation-only":
        warnings.append(
            "Your plan takes after-tax money but lets you move it to Roth only when you leave. Its earnings grow "
            "tax-deferred until then, and are taxed as ordinary income when you convert them or take them out."
        )

    links = ()
    if verdict in ("both", "in-plan-conversion", "in-service-rollover", "at-separation-only"):
        links = (Link("See how much after-tax money fits this year", "after-tax-room", {}),)

    still_open = len(open_questions(answers))
    summary = f"Verdict: {VERDICTS[verdict]}. {len(steps)} next steps"
    if still_open:
        summary += f", including {still_open} question{'s' if still_open > 1 else ''} for the plan administrator."
    else:
        summary += "."
    return Result(
        outputs={"verdict": verdict, "next_steps": steps},
        summary=summary,
        warnings=tuple(warnings),
        working=working,
        links=links,
        notes=(
            "The verdict depends on three answers: after-tax contributions, in-plan Roth conversion and "
            "in-service withdrawal. Automatic conversion and separate accounting change only the next steps.",
            "Plan documents differ: confirm every answer in writing from the summary plan description or the "
            "plan administrator before you contribute.",
        ),
    )


CALCULATOR = Calculator(
    id="plan-check",
    title="Plan check",
    question="Does my plan allow a mega backdoor Roth?",
    intro=(
        "Answer five questions about your 401(k) or 403(b) plan. The check tells you whether the plan "
        "allows a mega backdoor Roth, by which route, and what to ask or do next."
    ),
    fields=FIELDS,
    outputs=OUTPUTS,
    compute=compute,
)
