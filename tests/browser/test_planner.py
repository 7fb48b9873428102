"""The year planner as a reader meets it, in real Chromium: the form in steps (pay first, the
assumptions closed), native date inputs that still report a bad date from the address, errors
shown once a field is left, and a paycheck table and chart that read on a phone and a laptop."""

from __future__ import annotations

import pytest

from tests.browser.conftest import outputs_on_page, wait_settled

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1366, "height": 800}
PLANNER = "calculators/year-plan/"

STEPS = """() => Array.from(document.querySelectorAll('form[data-calculator] fieldset.calc-step'))
  .map(set => ({
  legend: set.querySelector('legend').textContent.trim(),
  names: Array.from(set.elements).map(e => e.name).filter(Boolean),
  closed: !!set.closest('details') && !set.closest('details').open,
}))"""


def test_the_form_goes_in_steps_pay_first_and_assumptions_closed(warm_page, site_url):
    warm_page.goto(site_url + PLANNER)
    steps = warm_page.evaluate(STEPS)
    assert [step["legend"].split(" (")[0] for step in steps] == [
        "Your pay",
        "Your plan",
        "Already this year",
        "Your elections",
        "Assumptions",
    ]
    assert steps[0]["names"][:5] == [
        "salary",
        "pay_frequency",
        "first_pay_date",
        "bonus",
        "bonus_date",
    ]
    first = warm_page.eval_on_selector(
        "form[data-calculator]", "f => f.querySelector('input, select').name"
    )
    assert first == "salary"
    assert steps[1]["names"][:3] == ["match_pct", "match_limit_pct", "true_up"]
    assert steps[2]["names"][0] == "paychecks_done"
    assert steps[3]["names"] == ["deferral_pct", "after_tax_pct"]
    assert [step["closed"] for step in steps] == [False, False, False, False, True]
    assert "election_lag" in steps[4]["names"] and not warm_page.is_visible("[name=election_lag]")
    # The two fields that sounded alike now say different things.
    labels = {
        name: warm_page.text_content(f"label[for$='-{name}']")
        for name in ("paychecks_done", "election_lag")
    }
    assert labels["paychecks_done"].startswith("Paychecks already paid")
    assert labels["election_lag"].startswith("Paydays payroll needs")


def test_dates_are_native_date_inputs_that_round_trip_in_iso(warm_page, site_url):
    query = "year=2026&first_pay_date=2026-01-09&bonus=10000&bonus_date=2026-03-13"
    warm_page.goto(f"{site_url}{PLANNER}?{query}")
    assert wait_settled(warm_page) == "live"
    for name in ("first_pay_date", "bonus_date"):
        assert warm_page.get_attribute(f"[name={name}]", "type") == "date"
    assert warm_page.input_value("[name=first_pay_date]") == "2026-01-09"
    # 26 biweekly paydays from 9 January + the bonus.
    assert outputs_on_page(warm_page)["paychecks"] == "27"
    warm_page.fill("[name=bonus_date]", "2026-06-12")
    assert wait_settled(warm_page) == "live"
    warm_page.wait_for_url("**bonus_date=2026-06-12**", timeout=5000)
    assert "first_pay_date=2026-01-09" in warm_page.url


@pytest.mark.parametrize("bad", ["2026-02-30", "tomorrow"])
def test_a_bad_date_in_the_address_shows_the_field_error(warm_page, site_url, bad):
    """A date input cannot hold the text, so the page keeps it and Python reports it (the
    contract: a bad value in the address shows the field's error)."""
    warm_page.goto(f"{site_url}{PLANNER}?year=2026&first_pay_date={bad}")
    assert wait_settled(warm_page) == "invalid"
    error = warm_page.text_content("[data-error-for=first_pay_date]")
    assert error.startswith("First payday of the year:")
    assert warm_page.get_attribute("[name=first_pay_date]", "aria-invalid") == "true"
    assert set(outputs_on_page(warm_page).values()) == {""}
    # A date the reader picks replaces it.
    warm_page.fill("[name=first_pay_date]", "2026-01-02")
    assert wait_settled(warm_page) == "live"
    assert warm_page.get_attribute("[name=first_pay_date]", "aria-invalid") is None


def test_an_error_in_the_closed_assumptions_opens_them(warm_page, site_url):
    warm_page.goto(f"{site_url}{PLANNER}?election_lag=9")
    assert wait_settled(warm_page) == "invalid"
    error = warm_page.locator("[data-error-for=election_lag]")
    assert error.is_visible() and error.text_content().strip()
    assert warm_page.is_visible("[name=election_lag]")


def test_a_bonus_without_its_date_in_the_address_marks_the_date(warm_page, site_url):
    """The reader did not type it: every error of inputs from the address shows at once."""
    warm_page.goto(f"{site_url}{PLANNER}?year=2026&bonus=5000")
    assert wait_settled(warm_page) == "invalid"
    assert warm_page.locator("[data-error-for=bonus_date]").is_visible()
    assert warm_page.get_attribute("[name=bonus_date]", "aria-invalid") == "true"


def test_errors_show_once_a_field_is_left(warm_page, site_url):
    """Typing a bonus makes the form invalid at once (no bonus payday yet), but the bonus payday is
    marked only once the reader has been to it and left it empty."""
    warm_page.goto(f"{site_url}{PLANNER}?year=2026")
    assert wait_settled(warm_page) == "live"
    warm_page.locator("[name=bonus]").press_sequentially("5000")
    assert wait_settled(warm_page) == "invalid"
    assert set(outputs_on_page(warm_page).values()) == {""}
    assert warm_page.text_content("[data-error-for=bonus_date]") == ""
    assert warm_page.get_attribute("[name=bonus_date]", "aria-invalid") is None
    warm_page.focus("[name=bonus_date]")  # from the bonus to its payday: the bonus was fine
    assert warm_page.text_content("[data-error-for=bonus]") == ""
    warm_page.focus("[name=year]")  # left empty
    error = warm_page.locator("[data-error-for=bonus_date]")
    error.wait_for(state="visible")
    assert error.text_content().strip()
    assert warm_page.get_attribute("[name=bonus_date]", "aria-invalid") == "true"
    warm_page.fill("[name=bonus_date]", "2026-03-13")
    assert wait_settled(warm_page) == "live"
    assert warm_page.text_content("[data-error-for=bonus_date]") == ""
    # A field's own bad value waits until it is left too, and then shows.
    salary = warm_page.locator("[name=salary]")
    salary.fill("lots")
    assert wait_settled(warm_page) == "invalid"
    assert warm_page.text_content("[data-error-for=salary]") == ""
    salary.press("Tab")
    warm_page.locator("[data-error-for=salary]").wait_for(state="visible")
    assert warm_page.get_attribute("[name=salary]", "aria-invalid") == "true"


TABLE_BOXES = """() => {
  const wrap = document.querySelector('.calc-schedule');
  const box = wrap.getBoundingClientRect();
  const cell = (selector) => {
    const r = wrap.querySelector(selector).getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  };
  return { box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
           scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth,
           scrollHeight: wrap.scrollHeight, clientHeight: wrap.clientHeight,
           payday: cell('tbody tr:nth-child(5) th'), header: cell('thead th:nth-child(2)'),
           lastHeader: cell('thead th:last-child') };
}"""


def inside(cell: dict, box: dict) -> bool:
    return (
        box["left"] - 0.5 <= cell["left"]
        and cell["right"] <= box["right"] + 0.5
        and box["top"] - 0.5 <= cell["top"]
        and cell["bottom"] <= box["bottom"] + 0.5
    )


def test_on_a_phone_the_payday_and_the_header_stay_in_view(browser, site_url):
    """375 px: the table scrolls in its own box; scrolled to its last column the payday of a row is
    still in that box, and scrolled down the header row still is."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + PLANNER)
    table = page.locator(".calc-schedule")
    table.scroll_into_view_if_needed()
    shown = page.evaluate(TABLE_BOXES)
    assert shown["scrollWidth"] > shown["clientWidth"]  # wider than the phone: it scrolls sideways
    table.evaluate("t => { t.scrollLeft = t.scrollWidth; }")
    shown = page.evaluate(TABLE_BOXES)
    assert inside(shown["payday"], shown["box"]), shown
    assert inside(shown["lastHeader"], shown["box"]), shown  # the last column is reachable
    table.evaluate("t => { t.scrollLeft = 0; t.scrollTop = t.scrollHeight; }")
    shown = page.evaluate(TABLE_BOXES)
    assert shown["scrollHeight"] > shown["clientHeight"]
    assert inside(shown["header"], shown["box"]), shown
    assert shown["header"]["top"] < shown["box"]["top"] + 2, shown  # at the top of the box
    context.close()


def test_on_a_laptop_every_column_of_the_paycheck_table_shows(browser, site_url):
    """1366 px: the table fits the results column, its last header cell whole and on screen."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + PLANNER)
    page.locator(".calc-schedule").scroll_into_view_if_needed()
    shown = page.evaluate(TABLE_BOXES)
    assert shown["scrollWidth"] <= shown["clientWidth"], shown
    assert inside(shown["lastHeader"], shown["box"])
    assert shown["lastHeader"]["right"] <= DESKTOP["width"]
    context.close()


CHART_TEXT_OUTSIDE = """() => Array.from(document.querySelectorAll('.calc-figure svg'))
  .flatMap(svg => {
  const width = svg.viewBox.baseVal.width;
  return Array.from(svg.querySelectorAll('text')).map(t => [t.textContent, t.getBBox()])
    .filter(([, b]) => b.x < 0 || b.x + b.width > width).map(([text]) => text);
})"""


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?year=2026&pay_frequency=weekly&first_pay_date=2026-01-01",
        "?year=2026&pay_frequency=monthly",
    ],
)
def test_chart_labels_are_whole(browser, site_url, query):
    """No label of the chart runs past its edge (a weekly year ending 31 December was "31 De")."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}{PLANNER}{query}")
    assert wait_settled(page) == "live"
    assert page.evaluate(CHART_TEXT_OUTSIDE) == []
    context.close()
