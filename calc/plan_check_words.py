"""plan-check's words: the summary, the working (the five answers), the warnings, the notes and
the hand-off to after-tax-room. The verdict and the steps all come from plan_check.figures."""

from __future__ import annotations

import datetime

from .limits import Limits
from .model import Link, Result, WorkingLine
from .plan_check_questions import ANSWERS, DECIDING, FIELDS, VERDICTS

# The verdicts under which the plan takes after-tax money, so the after-tax room matters.
TAKES_AFTER_TAX = ("both", "in-plan-conversion", "in-service-rollover", "at-separation-only")
NOTES = (
    "The verdict depends on three answers: after-tax contributions, in-plan Roth conversion and "
    "in-service withdrawal. Automatic conversion and separate accounting change only the next "
    "steps.",
    "Plan documents differ: confirm every answer in writing from the summary plan description or "
    "the "
    "plan administrator before you contribute.",
)


def explain(values: dict, limits: Limits, f, today: datetime.date) -> Result:
    """Everything shown around the verdict and the steps."""
    links = ()
    if f.verdict in TAKES_AFTER_TAX:
        links = (Link("See how much after-tax money fits this year", "after-tax-room", {}),)
    return Result(
        outputs={},
        summary=summary(f),
        warnings=tuple(warnings(values, f)),
        working=working(values),
        links=links,
        notes=NOTES,
    )


def summary(f) -> str:
    """The verdict, and how many steps follow and how many of them are questions to ask."""
    text = f"Verdict: {VERDICTS[f.verdict]}. {len(f.next_steps)} next steps"
    if f.questions_to_ask:
        plural = "s" if f.questions_to_ask > 1 else ""
        return (
            text + f", including {f.questions_to_ask} question{plural} for the plan administrator."
        )
    return text + "."


def working(values: dict) -> tuple[WorkingLine, ...]:
    """Each answer as given, and whether it decides the verdict."""
    answer_words = dict(ANSWERS)
    return tuple(
        WorkingLine(
            field.label,
            answer_words[values[field.name]],
            "decides the verdict" if field.name in DECIDING else "shapes the next steps only",
        )
        for field in FIELDS
    )


def warnings(values: dict, f) -> list[str]:
    """Plan set-ups that cost tax: pro-rata withdrawals, and after-tax money stuck until you
    leave."""
    found = []
    if values["after_tax_contributions"] == "yes" and values["separate_accounting"] == "no":
        found.append(
            "Without separate accounting of after-tax money, a partial withdrawal is split pro "
            "rata over your whole "
            "account, so it carries taxable pre-tax money along (IRC 72(d)(2), 72(e)(8)): in the "
            "IRS's example, "
            "$50,000 taken from $80,000 pre-tax and $20,000 after-tax carries only $10,000 of "
            "basis."
        )
    if f.verdict == "at-separation-only":
        found.append(
            "Your plan takes after-tax money but lets you move it to Roth only when you leave. Its "
            "earnings grow "
            "tax-deferred until then, and are taxed as ordinary income when you convert them or "
            "take them out."
        )
    return found
