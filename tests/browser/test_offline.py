"""The service worker: a second calculator page makes no Pyodide (or Python library) request to the
server,
and after one visit a reload with the network off still computes live."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import go_offline, outputs_on_page, wait_settled, wait_until

pytestmark = pytest.mark.browser


def test_second_page_and_offline_reload(browser, site_url, requested_paths, network):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}calculators/after-tax-room/")
    assert wait_settled(page) == "live"
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    # Once Python is up the page asks the service worker to keep the runtime's files.
    wait_until(
        page,
        """async () => {
        const wasm = document.querySelector('script[data-calc-runtime]').dataset.pyodide +
            'pyodide.asm.wasm';
        return !!(await (await caches.open('files')).match(wasm));
    }""",
    )

    requested_paths.clear()
    page.goto(f"{site_url}calculators/roth-ira-eligibility/?year=2026")
    assert wait_settled(page) == "live"
    pyodide_requests = [
        p
        for p in requested_paths
        if "/pyodide/" in p or "/assets/calc-" in p or "/assets/python-stdlib-" in p
    ]
    assert pyodide_requests == []
    assert any(p.startswith("/mbr/calculators/roth-ira-eligibility/") for p in requested_paths)

    go_offline(context, network)
    page.reload()
    assert wait_settled(page) == "live"
    page.fill("input[name=magi]", "160000")
    assert wait_settled(page) == "live"
    # 2026 single range 153,000-168,000 (Notice 2025-67), limit 7,500 at 40:
    # 7,500 x (160,000 - 153,000) / 15,000 = 3,500 reduction -> 4,000 (a multiple of $10).
    assert outputs_on_page(page)["max_roth_contribution"] == "4000.00"
    context.close()


def test_guide_without_calculators_downloads_no_python(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}guides/reporting-on-your-tax-return/")
    page.wait_for_load_state("networkidle")
    assert requested and not [
        u for u in requested if "pyodide" in u or "/assets/calc-" in u or "calc-worker" in u
    ]
    context.close()


def test_save_the_site_for_offline_use(browser, site_url, page_paths, network):
    """One tap on "Save this site for offline use" on a guide never used offline before: then every
    page
    opens with the network off (its own page, not the offline notice), and a calculator computes."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}guides/what-is-a-mega-backdoor-roth/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    save = page.get_by_role("button", name="Save this site for offline use")
    save.click()
    status = page.locator("[data-save-status]")
    expect(status).to_contain_text("Saved: all", timeout=120000)
    pages = [path for path in page_paths if path != "404.html"]
    assert f"all {len(pages) + 1} pages" in status.text_content()  # every page and the search index
    assert " MB on this device" in status.text_content()

    go_offline(context, network)
    for path in pages:
        page.goto(site_url + path)
        title = page.title()
        assert "You are offline" not in title or path == "offline/", path
        assert page.locator("main h1").count() == 1, path
    page.goto(f"{site_url}calculators/roth-ira-eligibility/?magi=160000&year=2026")
    assert wait_settled(page) == "live"
    assert outputs_on_page(page)["max_roth_contribution"] == "4000.00"  # as in the test above
    context.close()
