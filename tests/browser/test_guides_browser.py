"""Guides in Chromium: embedded calculators go live, search finds a guide, checklists remember."""

import pytest

from tests.browser.conftest import show_intent, wait_all_settled
from tests.helpers import ROOT

pytestmark = pytest.mark.browser

GUIDES_WITH_CALCULATORS = sorted(
    p.stem for p in (ROOT / "content" / "guides").glob("*.md") if "::: calculator" in p.read_text()
)


def test_every_guides_calculators_go_live(page, site_url):
    for slug in GUIDES_WITH_CALCULATORS:
        page.goto(f"{site_url}guides/{slug}/")
        count = page.locator("form[data-calculator]").count()
        assert count >= 1, slug
        prerendered = page.eval_on_selector_all(
            "[data-output]", "els => els.map(e => e.dataset.value)"
        )
        show_intent(page)
        assert set(wait_all_settled(page)) == {"live"}, slug
        live = page.eval_on_selector_all("[data-output]", "els => els.map(e => e.dataset.value)")
        assert live == prerendered, slug
        # Guides hold several calculators: they never rewrite the page's address.
        assert "?" not in page.url


def test_editing_one_embedded_calculator_leaves_the_other_alone(warm_page, site_url):
    warm_page.goto(f"{site_url}guides/timing-and-tax-on-earnings/")
    show_intent(warm_page)
    assert set(wait_all_settled(warm_page)) == {"live"}
    split = warm_page.locator("form[data-calculator=after-tax-split]")
    before = split.locator("[data-output=basis_portion]").get_attribute("data-value")
    delay = warm_page.locator("form[data-calculator=conversion-delay]")
    delay.locator("input[name=days]").fill("0")
    warm_page.wait_for_function(
        "() => document.querySelector('form[data-calculator=conversion-delay]').dataset.state === "
        "'live'"
    )
    # Zero days between contribution and conversion: no earnings, nothing to tax.
    assert delay.locator("[data-output=taxable_earnings]").get_attribute("data-value") == "0.00"
    assert split.locator("[data-output=basis_portion]").get_attribute("data-value") == before


def test_search_finds_a_guide_by_a_word_in_it(page, site_url):
    page.goto(f"{site_url}search/?q=8606")
    page.wait_for_selector("[data-search-results] li")
    titles = page.locator("[data-search-results] li a").all_inner_texts()
    assert any("pro-rata" in t.lower() for t in titles), titles
    page.fill("input[name=q]", "true-up match")
    page.wait_for_function(
        "() => document.querySelector('[data-search-status]').textContent.includes('true-up match')"
    )
    hrefs = page.eval_on_selector_all(
        "[data-search-results] a", "els => els.map(e => e.getAttribute('href'))"
    )
    assert "/mbr/guides/pacing-through-the-year/" in hrefs
    page.fill("input[name=q]", "zzqqxx")
    page.wait_for_function(
        "() => document.querySelector('[data-search-status]').textContent.startsWith('Nothing "
        "found')"
    )
    assert page.locator("[data-search-results] li").count() == 0


def test_checklist_keeps_its_ticks_across_reloads_and_clears(page, site_url):
    page.goto(f"{site_url}guides/checklists-and-worksheets/")
    boxes = page.locator("input.task-list-item-checkbox")
    assert boxes.count() >= 5
    boxes.nth(0).check()
    boxes.nth(2).check()
    page.reload()
    boxes = page.locator("input.task-list-item-checkbox")
    assert boxes.nth(0).is_checked() and boxes.nth(2).is_checked() and not boxes.nth(1).is_checked()
    page.get_by_role("button", name="Clear all ticks on this page").first.click()
    page.reload()
    boxes = page.locator("input.task-list-item-checkbox")
    assert not any(boxes.nth(i).is_checked() for i in range(boxes.count()))
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('checklist:'))") == []


def test_print_hides_navigation_and_keeps_results(page, site_url):
    page.goto(f"{site_url}calculators/after-tax-room/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.locator("[data-output=after_tax_room]").is_visible()
    assert page.locator(".calc-working table").is_visible()


def test_dark_mode_follows_the_system(page, site_url):
    page.emulate_media(color_scheme="dark")
    page.goto(f"{site_url}guides/how-much-fits/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(18, 20, 23)"
    page.emulate_media(color_scheme="light")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
