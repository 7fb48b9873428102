"""The answer first (issue: the answer card): the summary sentence with its action and date, the
figures behind it and its actions first among the results, everything else under Details; a date
already past never given as advice (the page's clock set); invalid inputs named and linked."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import outputs_on_page, wait_settled

pytestmark = pytest.mark.browser


def planner_on(browser, site_url: str, day: datetime.datetime, query: str = "year=2026"):
    """The year plan opened on a day of the reader's own clock."""
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(day)
    page.goto(f"{site_url}calculators/year-plan/?{query}")
    assert wait_settled(page) == "live"
    return context, page


def test_before_the_election_date_the_answer_is_the_elections_and_their_date(browser, site_url):
    # 2026 defaults: 13% deferrals and 20% after-tax (the case table works them out), elections
    # two biweekly paydays before 2 January 2026, the first payday: 5 December 2025.
    context, page = planner_on(browser, site_url, datetime.datetime(2025, 11, 20, 12))
    summary = page.locator("[data-summary]")
    expect(summary).to_contain_text(
        "Tell payroll 13% deferrals and 20% after-tax by 5 December 2025"
    )
    context.close()


def test_a_past_election_date_is_said_plainly_with_what_to_do_instead(browser, site_url):
    # On 1 March 2026 the paydays still ahead are 13 and 27 March, 10 April ...: with two paydays
    # before a change applies, one made today reaches 10 April, the 8th payday (7 before it).
    context, page = planner_on(browser, site_url, datetime.datetime(2026, 3, 1, 12))
    summary = page.locator("[data-summary]")
    expect(summary).to_contain_text("5 December 2025, has passed")
    expect(summary).to_contain_text("reaches the paycheck of 10 April 2026")
    expect(summary).to_contain_text("to 7")
    expect(summary).not_to_contain_text("Tell payroll")
    context.close()


def test_once_no_paycheck_is_left_the_answer_points_to_next_year(browser, site_url):
    # 4 December 2026: only 18 December is ahead, inside the two-payday lag.
    context, page = planner_on(browser, site_url, datetime.datetime(2026, 12, 4, 12))
    expect(page.locator("[data-summary]")).to_contain_text("No 2026 paycheck is left for a change")
    expect(page.locator("[data-summary]")).to_contain_text("plan 2027")
    context.close()


def test_elections_that_leave_too_little_of_a_paycheck_are_warned(warm_page, site_url):
    # $58,300: the defaults would be 43% deferrals and 54% after-tax, 97% of pay; at most 75%.
    warm_page.goto(f"{site_url}calculators/year-plan/?year=2026&salary=58300")
    assert wait_settled(warm_page) == "live"
    expect(warm_page.locator(".calc-warnings")).to_contain_text(
        "These elections take 97% of each paycheck's pay"
    )
    expect(warm_page.locator(".calc-warnings")).to_contain_text("after-tax election at 32% or less")


def test_the_answer_card_comes_first_with_its_figures_and_actions(warm_page, site_url):
    warm_page.goto(f"{site_url}calculators/year-plan/?year=2026")
    assert wait_settled(warm_page) == "live"
    results = warm_page.locator("form[data-calculator] [data-results]")
    first = results.locator(":scope > *").first
    expect(first).to_have_class("calc-key")
    for name in ("deferral_pct_used", "after_tax_pct_used", "election_date", "after_tax_total"):
        expect(first.locator(f"[data-output={name}]")).to_have_count(1)
    # The calendar, print and copy-link are buttons of the card, not tiles further down.
    expect(first.locator("a[data-output=calendar][download]")).to_be_visible()
    expect(first.get_by_role("button", name="Print")).to_be_visible()
    expect(first.get_by_role("button", name="Copy link")).to_be_visible()
    # Everything else is under Details, closed until asked for, and kept open across recomputes.
    details = results.locator("details.calc-details")
    expect(details.locator("[data-output=match_total]")).to_have_count(1)
    expect(details.locator("[data-output=match_total]")).not_to_be_visible()
    details.locator(":scope > summary").click()
    expect(details.locator("[data-output=match_total]")).to_be_visible()
    warm_page.fill("input[name=salary]", "210000")
    assert wait_settled(warm_page) == "live"
    expect(results.locator("details.calc-details")).to_have_attribute("open", "")


def test_invalid_inputs_name_and_link_the_field_to_fix(warm_page, site_url):
    warm_page.goto(f"{site_url}calculators/after-tax-room/?age=-3")
    assert wait_settled(warm_page) == "invalid"
    expect(warm_page.locator("[data-summary]")).to_have_text(
        "To see the results, fix Age on December 31."
    )
    assert (
        warm_page.text_content("[data-error-for=age]")
        == "Age on December 31: must be between 0 and 120."
    )
    assert set(outputs_on_page(warm_page).values()) == {
        ""
    }  # the contract: no figure for invalid inputs
    warm_page.locator("[data-fix-field=age]").click()
    expect(warm_page.locator("input[name=age]")).to_be_focused()
