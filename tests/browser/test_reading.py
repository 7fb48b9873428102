"""Reading the results while editing, charts on a phone, one money format per table column,
the web app manifest and the structured data, in real Chromium."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest

from calc.registry import CALCULATORS
from tests.browser.conftest import wait_settled
from tests.helpers import LIMITS
from tests.schema_org import check_json_ld

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 800}
PHONE = {"width": 375, "height": 812}
BODY_TEXT_PX = 17  # 1.0625rem, the body font size of style.css

MAIN_RESULT_IN_VIEW = """() => {
  const box = document.querySelector('form[data-calculator] .calc-output').getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 &&
      box.right <= window.innerWidth;
}"""

CHART_TEXT_SIZES = """() => Array.from(document.querySelectorAll('.calc-figure svg text'))
  .map(text => {
  const scale = text.getScreenCTM().a;  // the SVG's user unit in CSS pixels, as drawn
  return [text.textContent, parseFloat(getComputedStyle(text).fontSize) * scale];
})"""


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_on_a_laptop_the_main_result_stays_in_view_while_editing(browser, site_url, calculator_id):
    """1366 x 800: with the first field and then the last field focused, the first result's box is
    on screen."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{site_url}calculators/{calculator_id}/")  # the layout is the prerendered page's
    page.eval_on_selector_all(
        "form details", "all => all.forEach(d => d.open = true)"
    )  # steps closed until wanted
    controls = page.locator(
        "form[data-calculator] .calc-fields input, form[data-calculator] .calc-fields select"
    )
    for control in (controls.first, controls.last):
        control.focus()
        control.scroll_into_view_if_needed()
        assert page.evaluate(MAIN_RESULT_IN_VIEW), (
            f"{calculator_id}: main result out of view with {control.get_attribute('name')} focused"
        )
    context.close()


def test_on_a_phone_the_summary_line_follows_the_fields(browser, site_url):
    """375 px: while a field far above the results is edited, the summary line is on screen and
    changes."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}calculators/after-tax-room/")
    wait_settled(page)
    field = page.locator("input[name=compensation]")
    field.scroll_into_view_if_needed()
    summary = page.locator("form[data-calculator] [data-summary]")
    box = summary.bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"]
    before = summary.text_content()
    field.fill(
        "50000"
    )  # 415(c) is then capped at pay: 50,000 - 402(g) - 10,000 (in 2026: 15,500 of room)
    page.wait_for_function(
        "(old) => document.querySelector('[data-summary]').textContent !== old", arg=before
    )
    assert f"${50000 - LIMITS.newest.elective_deferral - 10000:,}.00" in summary.text_content()
    box = summary.bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"]
    context.close()


@pytest.mark.parametrize(
    "viewport,smallest", [(PHONE, 10), (DESKTOP, BODY_TEXT_PX)], ids=["375px", "1366px"]
)
@pytest.mark.parametrize("calculator_id", ["roth-vs-taxable", "year-plan"])
def test_chart_labels_read_at_phone_and_desktop_sizes(
    browser, site_url, calculator_id, viewport, smallest
):
    """Every label of a chart is at least 10 px tall on a phone, and no smaller than body text on a
    laptop."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{site_url}calculators/{calculator_id}/")
    sizes = page.evaluate(CHART_TEXT_SIZES)
    assert sizes, "no chart drawn"
    small = [(text, round(size, 1)) for text, size in sizes if size < smallest]
    assert small == []
    context.close()


MONEY = re.compile(r"^−?\$[\d,]+(\.\d\d)?$")
TABLE_COLUMNS = """() => Array.from(document.querySelectorAll('form[data-calculator] table'))
  .map(table => Array.from(table.tBodies[0].rows)
    .map(row => Array.from(row.cells).map(cell => cell.textContent.trim())))"""


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_every_money_column_has_one_format(page, site_url, calculator_id):
    """In every table of the results, a column's amounts are all whole dollars or all to the cent
    (the
    prerendered results are the markup Python renders live; tests/test_build.py checks every
    case)."""
    page.goto(f"{site_url}calculators/{calculator_id}/")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    mixed = []
    for number, rows in enumerate(page.evaluate(TABLE_COLUMNS)):
        columns: dict[int, set[str]] = {}
        for row in rows:
            for column, text in enumerate(row):
                if MONEY.match(text):
                    columns.setdefault(column, set()).add("cents" if "." in text else "whole")
        mixed += [(number, column) for column, kinds in columns.items() if len(kinds) > 1]
    assert mixed == []


def test_the_manifest_is_linked_valid_and_installable_under_the_base_path(page, site_url):
    page.goto(site_url)
    href = page.get_attribute("link[rel=manifest]", "href")
    manifest_url = urljoin(site_url, href)
    manifest = json.loads(page.request.get(manifest_url).text())
    base = "/" + site_url.split("/", 3)[3]
    assert manifest["start_url"] == base and manifest["scope"] == base and manifest["id"] == base
    assert (
        manifest["display"] == "standalone"
        and manifest["name"]
        and len(manifest["short_name"]) <= 12
    )
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"]) and re.fullmatch(
        r"#[0-9a-f]{6}", manifest["background_color"]
    )
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        response = page.request.get(urljoin(manifest_url, icon["src"]))
        assert response.ok and response.body()[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = (
            int.from_bytes(response.body()[16:20], "big"),
            int.from_bytes(response.body()[20:24], "big"),
        )
        assert f"{width}x{height}" == icon["sizes"]
    # Chromium's own reading of it: the manifest it found for the page has no errors.
    session = page.context.new_cdp_session(page)
    found = session.send("Page.getAppManifest")
    assert found["url"] == manifest_url and found["errors"] == []


@pytest.mark.parametrize(
    "path,expected",
    [
        ("calculators/year-plan/", "WebApplication"),
        ("calculators/after-tax-room/", "WebApplication"),
        ("guides/how-much-fits/", "Article"),
    ],
)
def test_structured_data_parses_and_uses_schema_org_terms(page, site_url, path, expected):
    page.goto(site_url + path)
    blocks = page.eval_on_selector_all(
        'script[type="application/ld+json"]', "s => s.map(e => e.textContent)"
    )
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == expected
    assert check_json_ld(data) == []


PRINTED_PAGES = re.compile(rb"/Type\s*/Page[^s]")


@pytest.mark.parametrize(
    "query",
    ["", "?year=2026&pay_frequency=weekly&bonus=20000&bonus_date=2026-03-13"],
    ids=["biweekly", "weekly with a bonus"],
)
def test_the_year_plan_prints_on_two_letter_pages_with_its_working(page, site_url, query):
    """For HR or a tax preparer: the elections, dates, totals, warnings, every paycheck, the working
    and the sources of the limits on paper, in one or two US Letter pages."""
    page.goto(f"{site_url}calculators/year-plan/{query}")
    assert wait_settled(page) == "live"
    pages = len(PRINTED_PAGES.findall(page.pdf(format="Letter")))
    assert 1 <= pages <= 2
    page.emulate_media(media="print")
    for shown in (
        "[data-output=deferral_pct_used]",
        "[data-output=election_date]",
        "[data-output=annual_additions]",
        ".calc-warnings",
        ".calc-schedule table",
        ".calc-working table",
        ".calc-sources",
    ):
        assert page.locator(shown).first.is_visible(), shown
    for hidden in (".site-header", ".calc-help", ".calc-figure", ".calc-download"):
        assert not page.locator(hidden).first.is_visible(), hidden
