"""plan-check: does my plan allow a mega backdoor Roth, and what to ask or do next.

The verdict needs three answers: after-tax contributions, in-plan Roth
conversion and in-service withdrawal of after-tax money. Automatic conversion
and separate accounting do not change the verdict; they shape the next steps.
Features to confirm come from the domain brief (plan features to confirm).

The verdict and the next steps are worked out in `figures`; the questions are declared in
plan_check_questions.py and the words around them (working, warnings, summary, notes) in
plan_check_words.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from .limits import Limits
from .model import Calculator, Output, check_figures
from .plan_check_questions import DECIDING, FIELDS, QUESTIONS, VERDICTS
from .plan_check_words import explain

OUTPUTS = (
    Output("verdict", "Can you do a mega backdoor Roth in this plan?", "code", codes=VERDICTS),
    Output("next_steps", "Next steps, in order", "text_list"),
)

NOT_AVAILABLE_STEPS = (
    "Without after-tax contributions there is no mega backdoor Roth in this plan. Ask the employer "
    "whether it would add after-tax contributions with in-plan Roth conversions.",
    "Meanwhile, use the Roth options you do have: Roth 401(k) deferrals if the plan offers them "
    "and, if "
    "your income allows or through a regular backdoor Roth IRA, a Roth IRA.",
)

# Plan features to confirm in writing (domain brief) once after-tax money may be allowed.
ASK_HOW_OFTEN = "Ask: how often may you convert or withdraw after-tax money, and is there a fee?"
ASK_AFTER_402G = (
    "Ask: do after-tax contributions continue after your pre-tax and Roth deferrals reach the "
    "402(g) "
    "limit, and does the plan true up the match if you reach it early?"
)


@dataclass(frozen=True)
class Figures:
    """Every output of the contract, and how many of the next steps are questions for the plan."""

    verdict: str
    next_steps: list[str]  # a list, as the text_list output has always been
    questions_to_ask: int


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
    relevant = list(DECIDING)
    if answers["in_plan_conversion"] != "no":
        relevant.append("auto_conversion")  # automatic conversion is an in-plan feature
    relevant.append("separate_accounting")
    return [name for name in relevant if answers[name] == "unknown"]


def a_route_may_exist(answers: dict[str, str]) -> bool:
    """In-plan conversion or in-service withdrawal is allowed, or not yet known."""
    return answers["in_plan_conversion"] != "no" or answers["in_service_withdrawal"] != "no"


def next_steps_for(answers: dict[str, str], verdict: str, questions: list[str]) -> list[str]:
    """The questions to ask first, then getting the answers in writing, then the actions for the
    verdict."""
    if verdict == "not-available":
        return list(NOT_AVAILABLE_STEPS)
    steps = questions + [
        "Get the answers in writing: the summary plan description or a message from the "
        "administrator."
    ]
    if verdict == "ask-plan":
        return steps + ["Come back with the answers to see which route your plan allows."]
    return steps + actions_for(answers, verdict, a_route_may_exist(answers))


def questions_to_ask(answers: dict[str, str], routes_possible: bool) -> list[str]:
    """The open questions, then the plan features to confirm."""
    steps = [QUESTIONS[name] for name in open_questions(answers)]
    if routes_possible:
        steps.append(ASK_HOW_OFTEN)
    steps.append(ASK_AFTER_402G)
    return steps


def actions_for(answers: dict[str, str], verdict: str, routes_possible: bool) -> list[str]:
    """What to do once the verdict is known: elect, pick a route, move the money, keep the forms."""
    steps = [
        "Work out how much after-tax money fits this year (after-tax room), then set your "
        "after-tax "
        "contribution election with the plan."
    ]
    if answers["separate_accounting"] == "no":
        steps.append(
            "Because the plan does not account for after-tax money separately, ask how a "
            "withdrawal or "
            "conversion is split between after-tax basis and pre-tax money before you move "
            "anything."
        )
    if verdict == "both":
        steps.append(
            "Choose a route: in-plan conversion keeps the money in the plan as Roth 401(k) money "
            "(no lifetime required distributions since 2024); a rollover to a Roth IRA gives you "
            "the IRA's investment choices."
        )
    if verdict in ("both", "in-plan-conversion"):
        if answers["auto_conversion"] == "yes":
            steps.append(
                "For in-plan conversion, turn on automatic conversion so each contribution is "
                "converted "
                "before it earns much taxable growth."
            )
        else:
            steps.append(
                "For in-plan conversion, request a conversion of the after-tax account after each "
                "contribution, or as often as the plan allows: only earnings before the "
                "conversion are taxed."
            )
    if verdict in ("both", "in-service-rollover"):
        steps.append(
            "For an in-service withdrawal, ask for a direct rollover: after-tax basis to a Roth "
            "IRA, and the "
            "earnings either to the Roth IRA (taxed now) or to a traditional IRA (IRS Notice "
            "2014-54)."
        )
    if verdict == "at-separation-only":
        steps.append(
            "Decide whether after-tax contributions are still worth it: their earnings grow "
            "tax-deferred "
            "but are taxed when paid out; the basis can go to a Roth IRA when you leave (IRS "
            "Notice 2014-54)."
        )
    if routes_possible:
        steps.append(
            "Keep each Form 1099-R: taxable earnings on a conversion or rollover go on Form 1040 "
            "lines 5a/5b, not on Form 8949."
        )
    return steps


def figures(values: dict, limits: Limits) -> Figures:
    """The verdict from the three deciding answers, then the steps for it."""
    answers = {field.name: values[field.name] for field in FIELDS}
    verdict = verdict_for(*(answers[name] for name in DECIDING))
    questions = (
        [] if verdict == "not-available" else questions_to_ask(answers, a_route_may_exist(answers))
    )
    return Figures(
        verdict=verdict,
        next_steps=next_steps_for(answers, verdict, questions),
        questions_to_ask=len(questions),
    )


check_figures(Figures, OUTPUTS)

CALCULATOR = Calculator(
    id="plan-check",
    title="Plan check",
    question="Does my plan allow a mega backdoor Roth?",
    intro=(
        "Answer five questions about your 401(k) or 403(b) plan. The check tells you whether the "
        "plan "
        "allows a mega backdoor Roth, by which route, and what to ask or do next."
    ),
    fields=FIELDS,
    outputs=OUTPUTS,
    figures=figures,
    explain=explain,
    fields_legend="Your plan",
    working_headers=("Question", "Your answer", "What it does"),
    key_outputs=("verdict", "next_steps"),
)
