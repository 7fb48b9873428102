"""Loading like a phone: a guide downloads nothing heavy until the reader shows intent in one of
its calculators, shows how far the start is while it loads, and a calculator's own page starts
at once. Requests are watched at the browser context (page, worker and service worker)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import outputs_on_page, wait_all_settled

pytestmark = pytest.mark.browser

GUIDE = "guides/how-much-fits/"
HEAVY = ("/pyodide/", "/assets/python-stdlib-", "/assets/calc-worker-", "/assets/calc-")


def heavy(requests: list[str]) -> list[str]:
    return [url for url in requests if any(part in url for part in HEAVY)]


@pytest.mark.parametrize("save_data", [False, True], ids=["normal", "Save-Data"])
def test_a_guide_loads_python_only_when_a_reader_reaches_for_a_calculator(
    browser, site_url, save_data
):
    context = browser.new_context(extra_http_headers={"Save-Data": "on"} if save_data else {})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(site_url + GUIDE)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 2000)  # reading, scrolling past a calculator, is not intent
    page.wait_for_timeout(1500)
    forms = page.locator("form[data-calculator]")
    assert set(forms.evaluate_all("fs => fs.map(f => f.dataset.state)")) == {"static"}
    assert heavy(requests) == []
    prerendered = outputs_on_page(page)

    first = forms.first
    first.locator("input[name=age]").click()  # a tap on a field: intent
    expect(first).to_have_attribute("data-state", "loading")
    progress = first.locator("[data-progress]")
    expect(progress).to_be_visible()
    expect(progress.locator("progress")).to_have_attribute("max", "100")
    expect(progress.locator("[role=status]")).not_to_be_empty()
    assert set(wait_all_settled(page)) == {"live"}
    expect(progress).to_be_hidden()
    assert heavy(requests)
    assert outputs_on_page(page) == prerendered  # the same Python, the same answer
    context.close()


def test_every_kind_of_intent_starts_python(browser, site_url):
    for gesture in ("focus", "pointer", "key"):
        context = browser.new_context()
        page = context.new_page()
        page.goto(site_url + GUIDE)
        form = page.locator("form[data-calculator]").first
        field = form.locator("input[name=compensation]")
        if gesture == "focus":
            field.focus()
        elif gesture == "pointer":
            field.dispatch_event("pointerdown")
        else:
            field.focus()
            page.keyboard.press("End")
        expect(form).to_have_attribute("data-state", "live", timeout=90000)
        context.close()


def test_a_calculator_page_starts_at_once_and_shows_its_progress(page, site_url):
    states: list[str] = []
    page.expose_function("noteState", lambda state: states.append(state))
    page.add_init_script("""new MutationObserver(() => {
        const f = document.querySelector('form[data-calculator]');
        if (f) { const p = f.querySelector('[data-progress]'); window.noteState(f.dataset.state +
            (p && !p.hidden ? '+progress' : '')); }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state',
        'hidden'] });""")
    page.goto(f"{site_url}calculators/after-tax-room/")
    expect(page.locator("form[data-calculator]")).to_have_attribute(
        "data-state", "live", timeout=90000
    )
    assert "loading+progress" in states  # nobody touched the page: it started by itself
    expect(page.locator("[data-progress]")).to_be_hidden()
