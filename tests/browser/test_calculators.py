"""Calculators in real Chromium: live results from Pyodide match CPython and the prerender."""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal
from urllib.parse import urlencode

import pytest

from calc import evaluate, get
from calc.registry import CALCULATORS
from tests.browser.conftest import outputs_in_html, outputs_on_page, wait_settled
from tests.cases import all_cases
from tests.helpers import as_on_the_page, default_room
from tests.test_cases import LIMITS

pytestmark = pytest.mark.browser

CASES_BY_CALCULATOR = defaultdict(list)
for _case in all_cases():
    CASES_BY_CALCULATOR[_case.calculator].append(_case)

SET_INPUTS = """([inputs]) => {
  const form = document.querySelector('form[data-calculator]');
  for (const control of form.elements) {
    if (!control.name) continue;
    control.value = control.name in inputs ? inputs[control.name] : control.defaultValue ?? '';
    if (control.tagName === 'SELECT' && !(control.name in inputs)) {
      const chosen = Array.from(control.options).find(o => o.defaultSelected) || control.options[0];
      control.value = chosen.value;
    }
  }
  form.dispatchEvent(new Event('input', { bubbles: true }));
}"""


def control_holds(field, value: str | None) -> bool:
    """Whether the field's control can be set to the value (a select: one of its options; a date
    input: a valid ISO date or nothing)."""
    if value is None:
        return True
    if field.kind in ("choice", "year"):
        return value in [x.code for x in field.choices] + [str(y) for y in LIMITS.years]
    if field.kind == "date" and value:
        try:
            return datetime.date.fromisoformat(value).isoformat() == value
        except ValueError:
            return False
    return True


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_live_defaults_equal_prerendered(warm_page, site_url, calculator_id):
    """The outputs Python computes in the page for the defaults are the ones the build wrote into
    it.
    (Read from the HTML sent: restored from a snapshot, Python can be live before the test
    looks.)"""
    sent = warm_page.request.get(f"{site_url}calculators/{calculator_id}/").text()
    prerendered = outputs_in_html(sent[sent.index("<form") : sent.index("</form>")])
    assert prerendered
    warm_page.goto(f"{site_url}calculators/{calculator_id}/")
    assert wait_settled(warm_page) == "live"
    assert outputs_on_page(warm_page) == prerendered


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_case_table_in_chromium(warm_page, site_url, calculator_id):
    """Every hand-worked case of the shared table, typed into the live page (every calculator has
    some: tests/test_cases.py requires them)."""
    assert CASES_BY_CALCULATOR[calculator_id], f"{calculator_id} has no hand-worked cases"
    warm_page.goto(f"{site_url}calculators/{calculator_id}/")
    wait_settled(warm_page)
    for case in CASES_BY_CALCULATOR[calculator_id]:
        if any(not control_holds(c, case.inputs.get(c.name)) for c in get(calculator_id).fields):
            # A select cannot be set to a value outside its options, nor a date input to text that
            # is
            # no date; the address can carry one.
            warm_page.goto(f"{site_url}calculators/{calculator_id}/?{urlencode(case.inputs)}")
        else:
            warm_page.evaluate(SET_INPUTS, [case.inputs])
        state = wait_settled(warm_page)
        shown = outputs_on_page(warm_page)
        if case.errors:
            assert state == "invalid", case.id
            assert all(v == "" for v in shown.values()), case.id
            for field in case.errors:
                assert warm_page.text_content(f"[data-error-for={field}]").strip(), (case.id, field)
                assert warm_page.get_attribute(f"[name={field}]", "aria-invalid") == "true"
        else:
            assert state == "live", case.id
            for name, expected in case.outputs.items():
                assert shown[name] == expected, (case.id, name)
            # And everything else equals CPython, output by output.
            cpython = evaluate(get(calculator_id), case.inputs, LIMITS).output_values()
            assert shown == as_on_the_page(get(calculator_id), cpython), case.id


def test_url_prefills_and_round_trips(warm_page, site_url):
    query = {"age": "55", "deferrals": "32500", "employer_contributions": "0", "year": "2026"}
    warm_page.goto(f"{site_url}calculators/after-tax-room/?{urlencode(query)}&utm_source=ignored")
    assert wait_settled(warm_page) == "live"
    # 72,000 + 8,000 catch-up (IRC 414(v)(3)(A)); room 72,000 - 24,500 = 47,500.
    assert outputs_on_page(warm_page)["total_possible"] == "80000.00"
    assert outputs_on_page(warm_page)["after_tax_room"] == "47500.00"
    warm_page.fill("input[name=compensation]", "150000")
    wait_settled(warm_page)
    warm_page.wait_for_url("**compensation=150000**", timeout=5000)  # written once typing pauses
    assert "age=55" in warm_page.url
    shared = warm_page.url
    warm_page.goto("about:blank")
    warm_page.goto(shared)
    assert wait_settled(warm_page) == "live"
    assert warm_page.input_value("input[name=compensation]") == "150000"
    assert warm_page.input_value("input[name=age]") == "55"
    assert outputs_on_page(warm_page)["after_tax_room"] == "47500.00"


def test_leaving_right_after_typing_still_keeps_the_inputs_in_the_address(page, site_url):
    page.goto(f"{site_url}calculators/after-tax-room/")
    assert wait_settled(page) == "live"
    page.fill(
        "input[name=age]", "57"
    )  # the address would follow 300 ms later; the page is left at once
    page.goto(site_url)
    page.go_back()
    assert "age=57" in page.url
    assert wait_settled(page) == "live"
    assert page.input_value("input[name=age]") == "57"


def test_bad_value_in_url_shows_the_field_error(warm_page, site_url):
    warm_page.goto(f"{site_url}calculators/after-tax-room/?age=abc&year=1999")
    assert wait_settled(warm_page) == "invalid"
    assert "whole number" in warm_page.text_content("[data-error-for=age]")
    assert "limits file has the years" in warm_page.text_content("[data-error-for=year]")
    assert set(outputs_on_page(warm_page).values()) == {""}


def test_invalid_typing_clears_outputs_then_recovers(warm_page, site_url):
    warm_page.goto(f"{site_url}calculators/after-tax-room/?year=2026")
    wait_settled(warm_page)
    warm_page.fill("input[name=employer_contributions]", "-5")
    warm_page.press(
        "input[name=employer_contributions]", "Tab"
    )  # its error shows once the field is left
    assert wait_settled(warm_page) == "invalid"
    assert (
        warm_page.text_content("[data-error-for=employer_contributions]")
        == "Employer contributions: must not be negative."
    )
    assert warm_page.get_attribute("input[name=employer_contributions]", "aria-invalid") == "true"
    assert set(outputs_on_page(warm_page).values()) == {""}
    warm_page.fill("input[name=employer_contributions]", "$12,000.50")
    assert wait_settled(warm_page) == "live"
    # 72,000 - 24,500 - 12,000.50 = 35,499.50
    assert outputs_on_page(warm_page)["after_tax_room"] == "35499.50"
    assert warm_page.get_attribute("input[name=employer_contributions]", "aria-invalid") is None


def test_html_typed_into_a_field_is_never_markup(warm_page, site_url):
    warm_page.goto(f"{site_url}calculators/after-tax-room/")
    wait_settled(warm_page)
    warm_page.fill("input[name=compensation]", "<img src=x onerror=alert(1)>")
    assert wait_settled(warm_page) == "invalid"
    assert warm_page.locator("form img").count() == 0


def test_rapid_typing_ends_with_outputs_for_the_last_inputs(warm_page, site_url):
    warm_page.goto(f"{site_url}calculators/after-tax-room/?year=2026")
    wait_settled(warm_page)
    field = warm_page.locator("input[name=employer_contributions]")
    field.fill("")
    field.press_sequentially("123456", delay=5)
    assert wait_settled(warm_page) == "live"
    # 72,000 - 24,500 - 123,456 < 0 -> room 0; excess = 24,500 + 123,456 - 72,000 = 75,956
    assert outputs_on_page(warm_page)["after_tax_room"] == "0.00"
    assert outputs_on_page(warm_page)["excess_annual_additions"] == "75956.00"


def test_without_javascript_the_prerendered_results_show(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}calculators/after-tax-room/")
    assert page.get_attribute("form[data-calculator]", "data-state") == "static"
    assert outputs_on_page(page)["after_tax_room"] == default_room()
    # after-tax-room shows its money to the cent (its page is payroll money): 72,000 - 24,500 -
    # 10,000 in 2026.
    assert (
        page.locator("[data-output=after_tax_room]").inner_text()
        == f"${Decimal(default_room()):,.2f}"
    )
    context.close()
