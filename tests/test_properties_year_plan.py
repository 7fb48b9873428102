"""Properties of year-plan over generated situations (contract, year-plan): the default elections
never go over the 415(c) limit, the rows add up to the totals, running totals never fall,
deferrals never pass their cap, and the calendar always parses with one event per reminder."""

from __future__ import annotations

import datetime
from decimal import Decimal

import icalendar
from hypothesis import assume, given
from hypothesis import strategies as st

from calc import evaluate, get
from calc.rules import catch_up_limit_for
from calc.year_plan_answer import MOST_ELECTED_PCT
from tests.properties import FAST, LIMITS

CALCULATOR = get("year-plan")
FREQUENCIES = ("weekly", "biweekly", "semimonthly", "monthly")


def dollars(low: int, high: int):
    return st.integers(low * 100, high * 100).map(lambda c: f"{c // 100}.{c % 100:02d}")


situations = st.fixed_dictionaries(
    {
        "year": st.sampled_from(sorted(LIMITS.years)).map(str),
        "age": st.integers(20, 75).map(str),
        "salary": dollars(20_000, 900_000),
        "pay_frequency": st.sampled_from(FREQUENCIES),
        "match_pct": st.integers(0, 200).map(str),
        "match_limit_pct": st.integers(0, 100).map(str),
        "true_up": st.sampled_from(("yes", "no")),
        "employer_other": dollars(0, 20_000),
        "deferrals_other_plans": dollars(0, 30_000),
        "conversion": st.sampled_from(("each-paycheck", "monthly", "quarterly", "yearly")),
        "annual_return_pct": st.integers(-50, 50).map(str),
    },
    optional={
        "first_pay_offset": st.integers(0, 40),
        "paychecks_done": st.integers(0, 10).map(str),
        "deferrals_ytd": dollars(0, 10_000),
        "match_ytd": dollars(0, 3_000),
        "after_tax_ytd": dollars(0, 10_000),
        "max_after_tax_pct": st.integers(0, 100).map(str),
        "election_lag": st.integers(0, 6).map(str),
        "bonus": dollars(1, 100_000),
        "pay_cap": st.sampled_from(("stop", "continue")),
    },
)


def plan(values: dict):
    """The evaluation of a generated situation (dates placed inside its year)."""
    values = dict(values)
    offset = values.pop("first_pay_offset", None)
    if offset is not None:
        values["first_pay_date"] = f"{values['year']}-01-{1 + offset % 28:02d}"
    if "bonus" in values:
        values["bonus_date"] = f"{values['year']}-06-30"
    evaluation = evaluate(CALCULATOR, values, LIMITS)
    assume(evaluation.valid)  # e.g. more paychecks done than a monthly year has
    return values, evaluation.result


@FAST
@given(situations)
def test_default_elections_never_pass_the_annual_additions_limit(values):
    values, result = plan(values)
    outputs = result.outputs
    planned_after_tax = outputs["after_tax_total"] - Decimal(values.get("after_tax_ytd", "0"))
    # Deferrals, employer money and money already in can pass the limit by themselves (a small
    # salary,
    # a rich match); the after-tax election the plan proposes never adds to an excess.
    if outputs["excess_annual_additions"] > 0:
        assert planned_after_tax == 0
    else:
        assert outputs["annual_additions"] <= outputs["annual_additions_limit"]
    assert outputs["annual_additions"] - outputs["annual_additions_limit"] <= max(
        outputs["annual_additions"] - planned_after_tax - outputs["annual_additions_limit"],
        Decimal(0),
    )


@FAST
@given(situations)
def test_rows_add_up_to_the_totals_and_running_totals_never_fall(values):
    values, result = plan(values)
    rows, outputs = result.outputs["schedule"], result.outputs
    planned = [row for row in rows if not row.past]
    assert outputs["deferrals_total"] == Decimal(values.get("deferrals_ytd", "0")) + sum(
        r.deferral for r in planned
    )
    assert outputs["after_tax_total"] == Decimal(values.get("after_tax_ytd", "0")) + sum(
        r.after_tax for r in planned
    )
    assert outputs["match_total"] == (
        Decimal(values.get("match_ytd", "0"))
        + sum(r.match for r in planned)
        + outputs["true_up_due"]
    )
    assert outputs["year_pay"] == sum(r.pay for r in rows)
    assert len(rows) == outputs["paychecks"] and len(planned) == outputs["paychecks_planned"]
    for earlier, later in zip(planned, planned[1:]):
        assert (
            later.ytd_deferrals >= earlier.ytd_deferrals
            and later.ytd_additions >= earlier.ytd_additions
        )
    assert all(earlier.day <= later.day for earlier, later in zip(rows, rows[1:]))


@FAST
@given(situations)
def test_deferrals_never_pass_the_cap_and_contributions_stop_past_401a17(values):
    values, result = plan(values)
    y = LIMITS.year(int(values["year"]))
    cap = max(
        y.elective_deferral
        + catch_up_limit_for(int(values["age"]), y)
        - Decimal(values["deferrals_other_plans"]),
        Decimal(0),
    )
    planned = [row for row in result.outputs["schedule"] if not row.past]
    assert sum(r.deferral for r in planned) <= max(
        cap - Decimal(values.get("deferrals_ytd", "0")), Decimal(0)
    )
    for row in planned:
        if (
            row.eligible == 0
        ):  # the match is figured on eligible pay; the elections, as payroll does
            assert row.match == 0
            if values.get("pay_cap", "stop") == "stop":
                assert row.deferral == row.after_tax == 0


@FAST
@given(situations)
def test_the_calendar_always_parses_with_one_event_per_reminder(values):
    values, result = plan(values)
    text = result.outputs["calendar"]
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert (
        len(events) == result.outputs["reminders"] >= 3
    )  # the election, the year-end check, January
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    for event in events:
        assert event["UID"] and event["DTSTAMP"] and event["SUMMARY"]
        assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(days=1)


def test_the_download_link_holds_the_calendar_file():
    """The page offers the .ics as a base64 data: link; decoded, it is the calendar output byte for
    byte."""
    import base64
    import html
    import re

    from calc.render import render_results

    evaluation = evaluate(
        CALCULATOR,
        {"year": "2026", "pay_frequency": "weekly", "bonus": "10000", "bonus_date": "2026-06-30"},
        LIMITS,
    )
    href = html.unescape(
        re.search(
            r'class="calc-action calc-download"[^>]*href="([^"]+)"', render_results(evaluation)
        ).group(1)
    )
    prefix = "data:text/calendar;charset=utf-8;base64,"
    assert href.startswith(prefix)
    assert base64.b64decode(href[len(prefix) :]).decode() == evaluation.result.outputs["calendar"]


def test_long_lines_fold_at_75_octets_and_unfold_to_themselves():
    """RFC 5545 3.1: 75 octets on the first line, then CRLF, a space and 74 more on each
    continuation."""
    from calc.icalendar import fold

    ascii_line = "DESCRIPTION:" + "x" * 188  # 200 characters: 75 + 74 + 51
    assert [len(piece) for piece in fold(ascii_line).split("\r\n")] == [75, 75, 52]
    assert fold(ascii_line).replace("\r\n ", "") == ascii_line
    accented = "SUMMARY:" + "é" * 40  # 88 octets; a two-octet character is never split
    pieces = fold(accented).split("\r\n")
    assert [len(piece.encode()) for piece in pieces] == [74, 15]
    assert fold(accented).replace("\r\n ", "") == accented
    assert fold("SHORT:line") == "SHORT:line"


@FAST
@given(situations)
def test_pay_cap_changes_nothing_while_pay_stays_under_the_compensation_limit(values):
    """Below the 401(a)(17) limit all pay is eligible: stopping the percentages there or not is the
    same."""
    _, stop = plan({**values, "pay_cap": "stop"})
    _, go_on = plan({**values, "pay_cap": "continue"})
    assume(stop.outputs["year_pay"] <= LIMITS.year(int(values["year"])).compensation_limit)
    assert stop.outputs == go_on.outputs


def rerun(values: dict, **elections: str):
    """The same situation with other elections, as a reader following a warning's advice would."""
    values = {**values, **elections}
    return evaluate(CALCULATOR, values, LIMITS).result


@FAST
@given(situations)
def test_each_warnings_advice_when_followed_clears_that_warning(values):
    """A warning that advises other elections is tested by running them: followed, the problem it
    names is gone (no self-contradicting advice)."""
    values, result = plan(values)
    f = CALCULATOR.figures(evaluate(CALCULATOR, values, LIMITS).inputs and _parsed(values), LIMITS)
    deferral = str(f.deferral_pct_used)
    if (
        f.excess_annual_additions > 0
        and f.fitting_deferral_pct is None
        and not f.over_before_elections
    ):
        assert (
            rerun(
                values, deferral_pct=deferral, after_tax_pct=str(f.fitting_after_tax_pct)
            ).outputs["excess_annual_additions"]
            == 0
        )
    if f.excess_annual_additions > 0 and f.fitting_deferral_pct is not None:
        assert (
            rerun(values, deferral_pct=str(f.fitting_deferral_pct), after_tax_pct="0").outputs[
                "excess_annual_additions"
            ]
            == 0
        )
    if f.over_before_elections:  # no election can help: even none at all passes the limit
        assert (
            rerun(values, deferral_pct="0", after_tax_pct="0").outputs["excess_annual_additions"]
            > 0
        )
    if f.deferral_pct_used + f.after_tax_pct_used > MOST_ELECTED_PCT:
        advised = (
            {"deferral_pct": deferral, "after_tax_pct": str(MOST_ELECTED_PCT - f.deferral_pct_used)}
            if f.deferral_pct_used <= MOST_ELECTED_PCT
            else {"deferral_pct": str(MOST_ELECTED_PCT), "after_tax_pct": "0"}
        )
        followed = rerun(values, **advised)
        assert (
            followed.outputs["deferral_pct_used"] + followed.outputs["after_tax_pct_used"]
            <= MOST_ELECTED_PCT
        )
        assert not any("of each paycheck's pay" in warning for warning in followed.warnings)


def _parsed(values: dict) -> dict:
    """The parsed values of a situation, as figures takes them."""
    return {
        field.name: field.parse(
            str(values.get(field.name, field.default_text(LIMITS))), tuple(LIMITS.years)
        )
        for field in CALCULATOR.fields
    }


def test_a_small_salary_is_told_to_lower_its_deferrals_not_its_after_tax_money():
    """$25,000 in 2026: the default 98% defers 24,500 and the match adds 750 (50% of 6% of pay),
    which
    passes the limit of 100% of pay (25,000.04 over 26 paychecks of 961.54); after-tax is already
    0%.
    97% defers 24,250 and earns 750: 25,000 fits. And 98% of pay leaves too little: 75% at most."""
    result = evaluate(CALCULATOR, {"year": "2026", "salary": "25000"}, LIMITS).result
    assert result.outputs["excess_annual_additions"] == Decimal("250.06")
    assert any("elect at most 97% deferrals and no after-tax money" in w for w in result.warnings)
    assert not any("Elect 0% after-tax instead" in w for w in result.warnings)
    assert any(
        "take 98% of each paycheck's pay" in w and "elect 75% deferrals" in w
        for w in result.warnings
    )


def test_a_58300_salary_is_warned_that_97_percent_of_pay_leaves_too_little():
    """The reviewer's case: 43% deferrals and 54% after-tax. Keep after-tax at 75 - 43 = 32%."""
    result = evaluate(CALCULATOR, {"year": "2026", "salary": "58300"}, LIMITS).result
    assert (result.outputs["deferral_pct_used"], result.outputs["after_tax_pct_used"]) == (43, 54)
    assert any(
        "take 97% of each paycheck's pay" in w and "after-tax election at 32% or less" in w
        for w in result.warnings
    )


def test_the_answer_never_gives_a_past_election_date_as_advice():
    """The 2026 defaults: 13% and 20% by 5 December 2025 (two biweekly paydays before 2 January).
    On 1 March 2026 the paydays ahead are 13 and 27 March, then 10 April: a change made that day
    reaches 10 April, the 8th payday (7 before it). On 4 December only 18 December is left, inside
    the two-payday lag."""

    def answer(day: datetime.date) -> str:
        return evaluate(CALCULATOR, {"year": "2026"}, LIMITS, day).result.summary

    assert answer(datetime.date(2025, 12, 5)).startswith(
        "Tell payroll 13% deferrals and 20% after-tax by 5 December 2025"
    )
    march = answer(datetime.date(2026, 3, 1))
    assert march.startswith("The election date for this plan, 5 December 2025, has passed.")
    assert "reaches the paycheck of 10 April 2026" in march and "” to 7 " in march
    assert "Tell payroll" not in march
    december = answer(datetime.date(2026, 12, 4))
    assert "No 2026 paycheck is left for a change: plan 2027" in december
