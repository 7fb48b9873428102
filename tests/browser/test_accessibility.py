"""Accessibility in real Chromium: axe-core on every built page in light and dark mode,
keyboard order and visible focus, labels and descriptions, the chart's text
alternative, and tap targets on a phone."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from calc.registry import CALCULATORS
from tests.browser.conftest import wait_all_settled, wait_settled

pytestmark = pytest.mark.browser

AXE = Axe()
MIN_TAP_HEIGHT = 44  # px: WCAG 2.5.5 (AAA) and Apple's and Google's guidance for touch targets


def axe_report(url: str, mode: str, violations: list[dict]) -> str:
    """One readable block per violation: rule, impact, help link, and each offending node."""
    lines = []
    for violation in violations:
        lines.append(
            f"{url} [{mode}] {violation['id']} ({violation['impact']}): {violation['help']} "
            f"<{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n      ")
            lines.append(f"      {summary}")
    return "\n".join(lines)


def test_axe_finds_no_violations_on_any_page_light_and_dark(page, site_url, page_paths):
    """Each page loads once; axe runs in light mode, then in dark. A calculator's own page is
    checked
    live; a guide as a reader first sees it, its calculators prerendered (the same markup)."""
    reports, runs = [], 0
    for path in page_paths:
        page.emulate_media(color_scheme="light")
        page.goto(site_url + path)
        own_page = path.startswith("calculators/") and path != "calculators/"
        states = wait_all_settled(
            page, settled=("live", "invalid", "error") if own_page else ("static",)
        )
        assert "error" not in states, path
        # Open every "Show the working" so its table is checked too.
        page.eval_on_selector_all("details", "all => all.forEach(d => d.open = true)")
        for mode in ("light", "dark"):
            page.emulate_media(color_scheme=mode)
            assert page.evaluate(f"matchMedia('(prefers-color-scheme: {mode})').matches")
            violations = AXE.run(page).response["violations"]
            runs += 1
            if violations:
                reports.append(axe_report(path or "/", mode, violations))
    assert runs == 2 * len(page_paths)
    assert not reports, (
        f"axe found {len(reports)} failing page/mode runs of {runs}:\n" + "\n\n".join(reports)
    )


FOCUSED = """() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  return { tag: e.tagName.toLowerCase(), name: e.getAttribute('name') || '', id: e.id,
           text: (e.textContent || '').trim().slice(0, 40),
           inForm: !!e.closest('form[data-calculator]'),
           outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0 };
}"""

CONTROLS = "form => Array.from(form.elements).filter(e => e.name).map(e => e.name)"


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_tab_reaches_every_control_in_order_with_visible_focus(warm_page, site_url, calculator_id):
    warm_page.goto(f"{site_url}calculators/{calculator_id}/")
    wait_settled(warm_page)
    warm_page.eval_on_selector_all("details", "all => all.forEach(d => d.open = true)")
    controls = warm_page.eval_on_selector("form[data-calculator]", CONTROLS)
    reached, invisible = [], []
    for _ in range(200):
        warm_page.keyboard.press("Tab")
        focused = warm_page.evaluate(FOCUSED)
        if focused["tag"] == "body":
            break  # past the last focusable element
        if focused["outline"] == "none" or focused["outlineWidth"] < 2:
            invisible.append(focused)
        # A date input takes a Tab per part (month, day, year): one control all the same.
        if focused["inForm"] and focused["name"] and reached[-1:] != [focused["name"]]:
            reached.append(focused["name"])
    assert reached == controls, "Tab order differs from the form's controls"
    assert not invisible, f"focus not visible on: {invisible}"


DESCRIBED = """() => Array.from(document.querySelectorAll('form[data-calculator]')).flatMap(form =>
  Array.from(form.elements).filter(e => e.name).map(control => {
    const labels = Array.from(control.labels || []).map(l => l.textContent.trim());
    const ids = (control.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
    const errorFor = form.querySelector(`[data-error-for="${control.name}"]`);
    return { form: form.dataset.calculator, name: control.name, id: control.id, labels,
             missing: ids.filter(id => !document.getElementById(id)),
             describedBy: ids, errorId: errorFor ? errorFor.id : null,
             invalid: control.getAttribute('aria-invalid'),
                 errorText: errorFor ? errorFor.textContent.trim() : '' };
  }))"""


def test_every_control_has_a_label_and_existing_descriptions(page, site_url, page_paths):
    # The controls are prerendered and the glue never replaces them, so the page as loaded is
    # checked.
    checked = 0
    for path in page_paths:
        page.goto(site_url + path)
        for control in page.evaluate(DESCRIBED):
            where = (path, control["form"], control["name"])
            assert control["id"], where
            assert len(control["labels"]) == 1 and control["labels"][0], where
            assert control["describedBy"] and not control["missing"], where
            assert control["errorId"] in control["describedBy"], ("error message not linked", where)
            checked += 1
    assert checked >= sum(len(c.fields) for c in CALCULATORS.values())
    # With bad values, the control is marked invalid and its description holds the message.
    page.goto(f"{site_url}calculators/after-tax-room/?age=abc&compensation=%3Cb%3E")
    assert wait_settled(page) == "invalid"
    bad = {c["name"]: c for c in page.evaluate(DESCRIBED) if c["invalid"] == "true"}
    assert set(bad) == {"age", "compensation"}
    assert bad["age"]["errorText"].startswith("Age on December 31:")


def test_roth_vs_taxable_chart_has_a_text_alternative_and_a_data_table(page, site_url):
    page.goto(f"{site_url}calculators/roth-vs-taxable/?years=5")
    assert wait_settled(page) == "live"
    chart = page.locator("form[data-calculator] figure svg")
    assert chart.count() == 1
    assert chart.get_attribute("role") == "img"
    title = chart.locator("title").text_content().strip()
    desc = chart.locator("desc").text_content().strip()
    assert title and desc
    assert chart.get_attribute("aria-label") or chart.get_attribute("aria-labelledby")
    # The same data as a table: a caption, column headers, and a header cell per year, years 1 to 5.
    table = page.locator("form[data-calculator] .calc-table table").first
    assert table.locator("caption").text_content().strip()
    assert table.locator("thead th[scope=col]").count() >= 3
    assert table.locator("tbody th[scope=row]").all_text_contents() == [
        "1",
        "2",
        "3",
        "4",
        "5",
    ]  # under Details
    # Edited live, the chart and its table are redrawn together.
    page.fill("form[data-calculator] input[name=years]", "3")
    assert wait_settled(page) == "live"
    assert table.locator("tbody th[scope=row]").all_text_contents() == ["1", "2", "3"]
    assert page.locator("form[data-calculator] figure svg[role=img] title").count() == 1


TARGETS = """() => Array.from(document.querySelectorAll(
    'form[data-calculator] :is(input, select, button, textarea, summary)'))
  .filter(e => e.getClientRects().length)
  .map(e => ({ tag: e.tagName.toLowerCase(), name: e.getAttribute('name') || (e.textContent ||
      '').trim().slice(0, 30),
               form: e.closest('form').dataset.calculator,
               height: e.getBoundingClientRect().height,
                   width: e.getBoundingClientRect().width }))"""


# Markup outside templates/ that scrolls sideways on a phone without being focusable: the result
# tables of calc/render.py and the Markdown tables of site_builder/markdown.py need a focusable
# scroll wrapper (tabindex="0" role="region" with a name). Remove each entry once it is fixed there.
def test_on_a_phone_tap_targets_are_44px_and_nothing_overflows(browser, site_url, page_paths):
    """375x667, touch: each calculator control at least 44px tall, no sideways scrolling, axe
    clean."""
    context = browser.new_context(
        viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True
    )
    # Layout only: the prerendered results are the markup Python renders live, so Python is not
    # started (guides wait for a reader's intent; on calculator pages the worker script is refused
    # and the forms settle in "error" at once, with no service worker to wait for).
    context.add_init_script("delete Navigator.prototype.serviceWorker;")
    context.route(re.compile(r"/calc-worker-\w+\.js"), lambda route: route.abort())
    page = context.new_page()
    small, reports, checked = [], [], 0
    try:
        for path in page_paths:
            page.goto(site_url + path)
            assert set(wait_all_settled(page, settled=("static", "error"))) <= {"static", "error"}
            page.eval_on_selector_all("details", "all => all.forEach(d => d.open = true)")
            for target in page.evaluate(TARGETS):
                checked += 1
                if target["height"] < MIN_TAP_HEIGHT:
                    small.append(f"{path}: {target}")
            assert page.evaluate("document.documentElement.scrollWidth") <= 375, (
                f"{path} scrolls sideways"
            )
            # Light mode only: colours do not depend on the viewport; the desktop test covers dark.
            violations = AXE.run(page).response["violations"]
            if violations:
                reports.append(axe_report(path or "/", "phone", violations))
    finally:
        context.close()
    assert checked >= sum(len(c.fields) for c in CALCULATORS.values())
    assert not small, "tap targets under 44px:\n" + "\n".join(small)
    assert not reports, "\n\n".join(reports)
