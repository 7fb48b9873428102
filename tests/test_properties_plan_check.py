"""Properties of plan-check over generated answers (contract, plan-check)."""

from hypothesis import given
from hypothesis import strategies as st

from calc import get
from calc.plan_check import FIELDS, QUESTIONS, verdict_for
from tests.properties import FAST, valid_result

CALCULATOR = get("plan-check")
NAMES = [field.name for field in FIELDS]
DECIDING = ("after_tax_contributions", "in_plan_conversion", "in_service_withdrawal")
ALLOWS_CONTRIBUTIONS = {"both", "in-plan-conversion", "in-service-rollover", "at-separation-only"}

answer = st.sampled_from(("yes", "no", "unknown"))
answers = st.fixed_dictionaries({name: answer for name in NAMES})


def run(values):
    return valid_result(CALCULATOR, values)


@FAST
@given(answers)
def test_never_raises_and_gives_steps(values):
    result = run(values)
    steps = result.outputs["next_steps"]
    assert steps and all(isinstance(step, str) and step for step in steps)
    assert result.outputs["verdict"] in CALCULATOR.output("verdict").codes


@FAST
@given(answers)
def test_ask_plan_exactly_when_a_deciding_answer_is_unknown(values):
    verdict = run(values).outputs["verdict"]
    if values["after_tax_contributions"] == "no":
        assert verdict == "not-available"
    else:
        unknown = any(values[name] == "unknown" for name in DECIDING)
        assert (verdict == "ask-plan") == unknown


@FAST
@given(answers, answer, answer)
def test_auto_conversion_and_separate_accounting_never_change_the_verdict(values, auto, separate):
    changed = {**values, "auto_conversion": auto, "separate_accounting": separate}
    assert run(values).outputs["verdict"] == run(changed).outputs["verdict"]


@FAST
@given(answers)
def test_open_questions_come_first_and_only_when_unknown(values):
    steps = run(values).outputs["next_steps"]
    questions = [step for step in steps if step in QUESTIONS.values()]
    assert steps[: len(questions)] == questions
    for name in DECIDING:
        if values["after_tax_contributions"] != "no":
            assert (QUESTIONS[name] in steps) == (values[name] == "unknown")


@FAST
@given(answers, st.sampled_from(NAMES), st.sampled_from(("yes", "no")))
def test_answering_a_question_never_adds_one(values, name, reply):
    before = run({**values, name: "unknown"}).outputs["next_steps"]
    after = run({**values, name: reply}).outputs["next_steps"]
    asked = lambda steps: sum(step in QUESTIONS.values() for step in steps)  # noqa: E731
    assert asked(after) <= asked(before)


@FAST
@given(answers)
def test_links_to_after_tax_room_when_contributions_are_allowed(values):
    result = run(values)
    linked = [link.calculator for link in result.links]
    assert ("after-tax-room" in linked) == (result.outputs["verdict"] in ALLOWS_CONTRIBUTIONS)


def test_verdict_table_is_complete():
    # The contract's table, checked over all 27 deciding combinations.
    for a in ("yes", "no", "unknown"):
        for b in ("yes", "no", "unknown"):
            for c in ("yes", "no", "unknown"):
                verdict = verdict_for(a, b, c)
                if a == "no":
                    assert verdict == "not-available"
                elif "unknown" in (a, b, c):
                    assert verdict == "ask-plan"
                else:
                    expected = {
                        ("yes", "yes"): "both",
                        ("yes", "no"): "in-plan-conversion",
                        ("no", "yes"): "in-service-rollover",
                        ("no", "no"): "at-separation-only",
                    }
                    assert verdict == expected[(b, c)]
