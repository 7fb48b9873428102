"""When Python cannot run, the page says so within a bounded time and keeps the prerendered
results; a worker that dies mid-session is restarted once."""

import pytest

from tests.browser.conftest import outputs_on_page, wait_settled

pytestmark = pytest.mark.browser


def test_browser_without_module_workers_shows_error(browser, site_url):
    context = browser.new_context()
    context.add_init_script("window.Worker = function () { throw new TypeError('module workers are not supported'); };")
    page = context.new_page()
    page.goto(f"{site_url}calculators/after-tax-room/")
    assert wait_settled(page) == "error"
    assert "cannot run module workers" in page.text_content("[data-runtime-note]")
    assert outputs_on_page(page)["after_tax_room"] == "37500.00"
    context.close()


def test_a_start_that_never_finishes_times_out_to_error(browser, site_url):
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.route("**/python_stdlib.zip", lambda route: None)  # never answered
    page.goto(f"{site_url}calculators/after-tax-room/?age=61")
    assert wait_settled(page, timeout=60000) == "error"
    assert "took too long" in page.text_content("[data-runtime-note]")
    assert page.input_value("input[name=age]") == "40"
    assert outputs_on_page(page)["after_tax_room"] == "37500.00"
    context.close()


def test_worker_that_dies_is_restarted_once_then_gives_up(page, site_url):
    page.goto(f"{site_url}calculators/after-tax-room/")
    assert wait_settled(page) == "live"
    page.fill("input[name=age]", "55")
    assert wait_settled(page) == "live"

    first_worker = page.workers[0]
    with page.expect_worker(lambda worker: "calc-worker" in worker.url, timeout=10000) as restarted:
        first_worker.evaluate("setTimeout(() => { throw new Error('worker crashed in a test'); })")
    assert restarted.value is not first_worker
    assert wait_settled(page) == "live"  # the new worker took over
    page.fill("input[name=employer_contributions]", "0")
    assert wait_settled(page) == "live"
    # Age 55 keeps its 8,000 catch-up; room = 72,000 - 24,500 - 0 = 47,500.
    assert outputs_on_page(page)["after_tax_room"] == "47500.00"
    assert outputs_on_page(page)["catch_up_limit"] == "8000.00"

    restarted.value.evaluate("setTimeout(() => { throw new Error('and again'); })")
    # The form stays live until the crash reaches the page, so wait for the error itself.
    page.wait_for_function("() => document.querySelector('form').dataset.state === 'error'", timeout=10000)
    assert outputs_on_page(page)["after_tax_room"] == "37500.00"  # back to the prerendered inputs


@pytest.mark.parametrize("snapshot_fault", ["missing", "corrupt"])
def test_without_a_usable_snapshot_python_starts_the_ordinary_way(browser, site_url, snapshot_fault):
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    if snapshot_fault == "missing":
        page.route("**/assets/python-snapshot-*", lambda route: route.fulfill(status=404, body="gone"))
    else:  # gzip's magic bytes, then nothing that inflates
        page.route("**/assets/python-snapshot-*", lambda route: route.fulfill(status=200, body=b"\x1f\x8b" + b"\x00" * 64))
    page.goto(f"{site_url}calculators/after-tax-room/?age=55")
    assert wait_settled(page) == "live"
    assert page.get_attribute("script[data-calc-runtime]", "data-python-from") == "ordinary start"
    # Age 55 on the default inputs (2026): 72,000 - 24,500 - 10,000 employer = 37,500; catch-up 8,000.
    assert outputs_on_page(page)["after_tax_room"] == "37500.00"
    assert outputs_on_page(page)["catch_up_limit"] == "8000.00"
    page.fill("input[name=employer_contributions]", "0")
    assert wait_settled(page) == "live"
    assert outputs_on_page(page)["after_tax_room"] == "47500.00"
    context.close()
