"""Finding your way, in real Chromium: from a calculator to the guides that explain it, a guide's
contents in view while reading on a laptop, a home page whose cards open from anywhere on them,
the phone menu, and About and methods from every page's footer."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.test_orientation import embedding_guides

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 800}
PHONE = {"width": 375, "height": 812}
# No Python and no service worker: these tests read the prerendered pages and follow links.
NO_RUNTIME = "delete Navigator.prototype.serviceWorker;"


@pytest.fixture
def open_page(browser):
    """open_page(viewport) -> a page in a new context of that size, with no calculator runtime."""
    contexts = []

    def opened(viewport):
        context = browser.new_context(
            viewport=viewport, is_mobile=viewport["width"] < 500, has_touch=viewport["width"] < 500
        )
        context.add_init_script(NO_RUNTIME)
        context.route(re.compile(r"/calc-worker-\w+\.js"), lambda route: route.abort())
        contexts.append(context)
        return context.new_page()

    yield opened
    for context in contexts:
        context.close()


@pytest.mark.parametrize("calculator_id", ["after-tax-room", "backdoor-pro-rata", "year-plan"])
def test_a_calculator_page_leads_to_the_guides_that_embed_it(open_page, site_url, calculator_id):
    """The guides that embed the calculator (read from their Markdown) come first, in reading order;
    following the first opens a guide with that calculator on it."""
    page = open_page(DESKTOP)
    page.goto(f"{site_url}calculators/{calculator_id}/")
    section = page.get_by_role("region", name="Guides that explain this")
    links = section.get_by_role("link")
    expected = embedding_guides(calculator_id)
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert [href.rstrip("/").rsplit("/", 1)[1] for href in hrefs][: len(expected)] == expected
    # The first of them is also named at the top of the page, above the question.
    kicker = page.locator(".calculator-page > .guide-kicker").get_by_role("link").last
    assert kicker.get_attribute("href") == hrefs[0]
    links.first.click()
    expect(page).to_have_url(re.compile(rf"/guides/{expected[0]}/$"))
    expect(page.locator(f'form[data-calculator="{calculator_id}"]').first).to_be_attached()


GUIDE = "guides/how-much-fits/"
TOP_OF_CONTENTS = "() => document.querySelector('nav.toc').getBoundingClientRect().top"


def test_on_a_laptop_the_guide_contents_stay_in_view_and_the_menu_marks_the_guide(
    open_page, site_url
):
    page = open_page(DESKTOP)
    page.goto(site_url + GUIDE)
    contents = page.get_by_role("navigation", name="On this page")
    menu = page.get_by_role("navigation", name="All guides")
    this_guide = menu.get_by_role("link", name="How much after-tax money fits in your plan")
    expect(this_guide).to_have_attribute("aria-current", "page")
    expect(menu.get_by_role("link").nth(1)).to_be_visible()  # open without a click on a laptop
    height = page.evaluate("document.documentElement.scrollHeight")
    for fraction in (0.25, 0.5, 0.9):
        page.evaluate(f"window.scrollTo(0, {int(height * fraction)})")
        top = page.evaluate(TOP_OF_CONTENTS)
        assert 0 <= top < DESKTOP["height"] / 2, (fraction, top)
        expect(contents.get_by_role("link").first).to_be_in_viewport()
    # Its links still work from anywhere in the guide.
    contents.get_by_role("link", name="What if you have two employers?").click()
    expect(page).to_have_url(re.compile(r"#what-if-you-have-two-employers$"))
    expect(page.locator("#what-if-you-have-two-employers")).to_be_in_viewport()


def test_on_a_phone_the_guide_menu_is_one_line_that_opens(open_page, site_url):
    page = open_page(PHONE)
    page.goto(site_url + GUIDE)
    menu = page.get_by_role("navigation", name="All guides")
    first_guide = menu.get_by_role("link").first
    expect(first_guide).to_be_hidden()
    menu.locator("summary").click()
    expect(first_guide).to_be_visible()
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    assert page.evaluate(TOP_OF_CONTENTS) < 0  # the contents scroll away with the text, as before
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


CARD_CORNERS = ("top-left", "bottom-right")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1366px"])
def test_home_page_cards_open_from_anywhere_on_them(open_page, site_url, viewport):
    """A tap near a card's corner, away from its heading, follows the card's link."""
    page = open_page(viewport)
    for section, number in (("Start here", 1), ("Calculators", 4)):
        for corner in CARD_CORNERS:
            page.goto(site_url)
            card = page.get_by_role("region", name=section).locator(".card").nth(number)
            href = card.locator("a.card-main").get_attribute("href")
            card.scroll_into_view_if_needed()
            box = card.bounding_box()
            x = box["x"] + (6 if corner == "top-left" else box["width"] - 6)
            y = box["y"] + (6 if corner == "top-left" else box["height"] - 6)
            page.mouse.click(x, y)
            expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    # So do the cards of the calculators' own list.
    page.goto(site_url + "calculators/")
    card = page.locator(".card").last
    href = card.locator("a.card-main").get_attribute("href")
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 6, box["y"] + box["height"] - 6)
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    # The guide link inside a starting card is its own link, not the card's.
    page.goto(site_url)
    card = page.get_by_role("region", name="Start here").locator(".card").first
    guide = card.locator(".card-more a")
    guide_href = guide.get_attribute("href")
    guide.click()
    expect(page).to_have_url(re.compile(re.escape(guide_href) + "$"))


def test_home_page_answers_before_anything_else_on_a_phone(open_page, site_url):
    page = open_page(PHONE)
    page.goto(site_url)
    heading = page.get_by_role("heading", level=1)
    expect(heading).not_to_have_text("Mega Backdoor Roth Guide")
    expect(heading).to_be_in_viewport()
    expect(page.locator(".lede")).to_be_in_viewport()


def test_on_a_phone_the_site_menu_is_one_button_and_opens(open_page, site_url):
    page = open_page(PHONE)
    page.goto(site_url)
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 100  # one row: the site's name and the button (it was three)
    nav = page.get_by_role("navigation", name="Site")
    calculators = nav.get_by_role("link", name="Calculators")
    expect(calculators).to_be_hidden()
    page.locator(".site-menu > summary").click()
    expect(calculators).to_be_visible()
    assert calculators.bounding_box()["height"] >= 44
    calculators.click()
    expect(page).to_have_url(re.compile(r"/calculators/$"))


def test_on_a_laptop_the_site_nav_is_always_shown(open_page, site_url):
    page = open_page(DESKTOP)
    page.goto(site_url)
    expect(page.locator(".site-menu > summary")).to_be_hidden()
    nav = page.get_by_role("navigation", name="Site")
    expect(nav.get_by_role("link", name="Search")).to_be_visible()


@pytest.mark.parametrize("path", ["", GUIDE, "calculators/year-plan/", "limits/", "404.html"])
def test_about_and_methods_opens_from_the_footer(open_page, site_url, path):
    page = open_page(PHONE)
    page.goto(site_url + path)
    page.locator(".site-footer").get_by_role("link", name="About and methods").click()
    expect(page).to_have_url(re.compile(r"/about/$"))
    title = "About this site and how its figures are checked"
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("heading", name="What the site does not cover")).to_be_visible()
