"""Deploys under real caching: a server that sends what GitHub Pages sends (Cache-Control:
max-age=600, Last-Modified), a deploy that swaps the whole site at once, and readers who come
back, keep a tab open, or read offline across it.

Deploy B differs from A in its limits (415(c) of 73,000 instead of 72,000), so its pages, its
limits file and the after-tax room on screen differ: 73,000 - 24,500 - 10,000 = 38,500 against
A's 37,500.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

from calc.formatting import money_text
from site_builder.build import build
from site_builder.serve import Handler
from tests.browser.conftest import (
    BASE_PATH,
    Network,
    go_offline,
    outputs_on_page,
    show_intent,
    wait_settled,
)
from tests.helpers import LIMITS, make_site_root

pytestmark = pytest.mark.browser


class PagesLikeHandler(Handler):
    """Static files with GitHub Pages' caching headers: max-age=600 and an ETag of the content
    (a revalidation gets 304 only for the same bytes; Last-Modified alone has one-second steps).
    With the network down it answers nothing, as a reader offline sees."""

    network: Network

    def do_GET(self):  # noqa: N802 - http.server's name
        if not self.network.up:
            self.close_connection = True
            return
        super().do_GET()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        self.etag = (
            f'"{hashlib.sha256(path.read_bytes()).hexdigest()[:16]}"' if path.is_file() else ""
        )
        if self.etag and self.headers.get("If-None-Match") == self.etag:
            self.send_response(304)
            self.end_headers()
            return None
        del self.headers[
            "If-Modified-Since"
        ]  # two test deploys can fall in the same second; real ones do not
        return super().send_head()

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        if getattr(self, "etag", ""):
            self.send_header("ETag", self.etag)
        super().end_headers()


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """Deploy A (the real site), deploy B (new limits) with A's assets kept as the Pages workflow
    keeps them, and B as a host that dropped A's assets would serve it."""
    work = tmp_path_factory.mktemp("deploys")
    root = make_site_root(work)
    sites = {
        "A": work / "A" / "site",
        "B": work / "B" / "site",
        "B without A's files": work / "bare" / "site",
    }
    build(root, sites["A"], base_path=BASE_PATH, site_url="http://127.0.0.1")
    limits = root / "content" / "limits.yaml"
    limits.write_text(raised_in_the_newest_year(limits.read_text()))
    (work / "B").mkdir()
    os.replace(
        work / "A" / ".site.asset-history", work / "B" / ".site.asset-history"
    )  # the workflow's cache
    build(root, sites["B"], base_path=BASE_PATH, site_url="http://127.0.0.1")
    build(root, sites["B without A's files"], base_path=BASE_PATH, site_url="http://127.0.0.1")
    return sites


NEWEST = LIMITS.newest
RAISE = 1000  # deploy B's 415(c) limit for the newest year: A's plus this


def raised_in_the_newest_year(text: str) -> str:
    block = text.index(f"\n{NEWEST.year}:")
    old = f"annual_additions: {NEWEST.annual_additions}"
    return text[:block] + text[block:].replace(
        old, f"annual_additions: {NEWEST.annual_additions + RAISE}", 1
    )


def room(employer: int, raised: bool = False) -> str:
    """after-tax-room in the newest year with default deferrals (402(g)), as deploy A or B computes
    it."""
    limit = NEWEST.annual_additions + (RAISE if raised else 0)
    return f"{limit - NEWEST.elective_deferral - employer}.00"


class Host:
    """One origin whose whole site is replaced at once, as a Pages deploy does."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.network = Network()
        handler_class = type(
            "BoundPagesLikeHandler", (PagesLikeHandler,), {"network": self.network}
        )
        handler = functools.partial(handler_class, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{BASE_PATH}"

    def deploy(self, site: Path) -> None:
        link = self.folder / BASE_PATH.strip("/")
        fresh = self.folder / ".next"
        fresh.symlink_to(site, target_is_directory=True)
        os.replace(fresh, link)


@pytest.fixture
def host(tmp_path, builds):
    host = Host(tmp_path)
    host.deploy(builds["A"])
    yield host
    host.server.shutdown()


def open_live(page, url: str) -> None:
    page.goto(url)
    assert wait_settled(page) == "live"
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")


def test_a_returning_reader_sees_the_new_deploy_on_the_next_navigation(browser, host, builds):
    context = browser.new_context()
    page = context.new_page()
    open_live(page, f"{host.url}calculators/after-tax-room/")
    assert outputs_on_page(page)["after_tax_room"] == room(10000)
    page.goto(f"{host.url}limits/")

    host.deploy(builds["B"])
    for _ in range(2):  # the next navigation, and the one after it, show the new deploy
        page.goto(f"{host.url}calculators/after-tax-room/")
        assert outputs_on_page(page)["after_tax_room"] == room(
            10000, raised=True
        )  # prerendered by B
        assert wait_settled(page) == "live"
        assert outputs_on_page(page)["after_tax_room"] == room(
            10000, raised=True
        )  # and computed with B's limits
    page.goto(f"{host.url}limits/")
    expect(page.locator("main")).to_contain_text(money_text(NEWEST.annual_additions + RAISE))
    context.close()


def test_an_open_tab_keeps_working_after_a_deploy_removed_its_files(browser, host, builds):
    context = browser.new_context()
    old_tab = context.new_page()
    open_live(old_tab, f"{host.url}calculators/after-tax-room/")

    host.deploy(builds["B without A's files"])
    new_tab = context.new_page()
    new_tab.goto(f"{host.url}calculators/roth-ira-eligibility/")  # the service worker updates to B
    assert wait_settled(new_tab) == "live"
    new_tab.close()

    # The old tab's worker dies; its replacement needs A's files, which only the browser still has.
    with old_tab.expect_worker(lambda worker: "calc-worker" in worker.url, timeout=10000):
        old_tab.workers[0].evaluate(
            "setTimeout(() => { throw new Error('worker crashed in a test'); })"
        )
    old_tab.fill("input[name=employer_contributions]", "0")
    assert wait_settled(old_tab) == "live"
    assert outputs_on_page(old_tab)["after_tax_room"] == room(0)  # A's limits: 415(c) - 402(g) - 0
    context.close()


def test_pages_read_before_a_deploy_stay_readable_offline(browser, host, builds):
    context = browser.new_context()
    page = context.new_page()
    open_live(page, f"{host.url}calculators/after-tax-room/")
    page.goto(f"{host.url}guides/how-much-fits/")

    host.deploy(builds["B"])
    page.goto(f"{host.url}")  # the service worker updates to B
    page.wait_for_function(
        "async () => (await "
        "navigator.serviceWorker.getRegistration()).active.scriptURL.endsWith('sw.js')"
    )
    page.reload()

    go_offline(context, host.network)
    page.goto(f"{host.url}guides/how-much-fits/")
    expect(page.locator("h1")).to_contain_text("How much after-tax money fits")
    page.goto(f"{host.url}calculators/after-tax-room/?age=61")
    assert wait_settled(page) == "live"  # Python from the kept files, offline
    # A page never read here gets the site's own offline page, which lists what is kept.
    page.goto(f"{host.url}guides/reporting-on-your-tax-return/")
    expect(page.locator("h1")).to_have_text("You are offline")
    expect(page.locator("[data-offline-list]")).to_contain_text("How much after-tax money fits")
    context.close()


def test_a_page_from_the_http_cache_that_names_removed_files_recovers(browser, host, builds):
    # No service worker: only the browser's HTTP cache, as on a first visit in a strict browser.
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(f"{host.url}guides/how-much-fits/")  # read, not touched: no Python files fetched
    page.goto(f"{host.url}")

    host.deploy(builds["B without A's files"])
    page.locator(
        "main a[href$='guides/how-much-fits/']"
    ).first.click()  # A's page, from the HTTP cache
    shown = page.locator("form[data-calculator]").first.locator("[data-output=after_tax_room]")
    # The guide's example: 415(c) - 402(g) - 9,000 employer money (2026: 72,000 - 24,500 - 9,000).
    expect(shown).to_have_attribute("data-value", room(9000))
    show_intent(page)  # A's limits file is gone from the server: the page reloads itself once, as B
    expect(shown).to_have_attribute("data-value", room(9000, raised=True), timeout=30000)
    show_intent(page)
    assert wait_settled(page) == "live"
    assert shown.get_attribute("data-value") == room(9000, raised=True)
    context.close()
