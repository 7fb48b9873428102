"""The guides as built: sources, embedded calculators, limits quoted from the file, reading aids."""

import re
from pathlib import Path

import pytest

from calc.formatting import money_text
from calc.limits_file import read_limits_file
from calc.registry import CALCULATORS
from tests.helpers import BASE, ROOT, prerendered_outputs

LIMITS = read_limits_file(ROOT / "content" / "limits.yaml")

GUIDES = sorted((ROOT / "content" / "guides").glob("*.md"))
# The calculators each guide must embed (issue: guides and the reading experience).
EMBEDS = {
    "does-your-plan-allow-it": {"plan-check"},
    "how-much-fits": {"after-tax-room"},
    "plan-your-year": {"year-plan"},
    "pacing-through-the-year": {"paycheck-plan"},
    "timing-and-tax-on-earnings": {"conversion-delay", "after-tax-split"},
    "backdoor-roth-ira-and-pro-rata": {"backdoor-pro-rata", "roth-ira-eligibility"},
    "is-it-worth-it": {"roth-vs-taxable"},
    "where-it-fits-in-a-saving-order": {"after-tax-room", "roth-vs-taxable"},
    "state-income-tax": {"conversion-delay"},
    "employer-roth-contributions": {"after-tax-room"},
    "plans-that-cannot-do-it": {"plan-check"},
    "excess-ira-contributions-and-heirs": {"roth-ira-eligibility"},
    "year-end": {"after-tax-room"},
    "reporting-on-your-tax-return": {"tax-forms"},
}
# The guides of the third round (issue 22): each a full article of its own.
THIRD_ROUND = {
    "where-it-fits-in-a-saving-order",
    "state-income-tax",
    "employer-roth-contributions",
    "plans-that-cannot-do-it",
    "excess-ira-contributions-and-heirs",
    "year-end",
}


@pytest.fixture(scope="module")
def built(real_site):
    return real_site.out, real_site.report


def test_every_guide_has_its_own_place_in_the_reading_order(built):
    out, report = built
    assert (
        len(GUIDES) >= 25
    )  # twelve of the first round, six of the second, six or more of the third
    assert THIRD_ROUND <= {g.stem for g in GUIDES}
    orders = sorted(int(re.search(r"^order: (\d+)$", g.read_text(), re.M).group(1)) for g in GUIDES)
    assert orders == list(range(1, len(GUIDES) + 1))


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.stem)
def test_guide_page(built, guide):
    out, _ = built
    html = (out / "guides" / guide.stem / "index.html").read_text()
    assert '<h2 id="sources">' in html
    sources = html[html.index('<h2 id="sources">') : html.index('<nav class="pager"')]
    assert sources.count("<li>") >= 2
    assert "Last reviewed <time" in html and f"Uses {LIMITS.newest.year} IRS limits" in html
    assert '<nav class="toc" aria-label="On this page">' in html
    words = len(re.sub(r"^---.*?---", "", guide.read_text(), flags=re.S).split())
    assert words >= (900 if guide.stem in THIRD_ROUND else 600), words
    embedded = {calculator for calculator, _ in prerendered_outputs(html)}
    assert EMBEDS.get(guide.stem, set()) <= embedded
    for calculator, outputs in prerendered_outputs(html):
        assert all(value != "" for value in outputs.values()), calculator  # presets are valid


def test_limits_in_guides_come_from_the_file(built):
    out, _ = built
    html = (out / "guides" / "how-much-fits" / "index.html").read_text()
    # The newest year's 415(c) limit plus each catch-up (IRC 414(v)(3)(A)), via {limit} roles:
    # in 2026 72,000 + 8,000 = 80,000 and 72,000 + 11,250 = 83,250 (Notice 2025-67).
    newest = LIMITS.newest
    assert (
        f'<span class="limit">{money_text(newest.annual_additions + newest.catch_up)}</span>'
        in html
    )
    assert (
        f'<span class="limit">{money_text(newest.annual_additions + newest.catch_up_60_63)}</span>'
        in html
    )
    assert "$79,500" not in html


def test_no_seed_article_errors_in_guides():
    text = "\n".join(g.read_text() for g in GUIDES).lower()
    assert "79,500" not in text
    for sentence in re.split(r"(?<=[.!?])\s", text):
        # Form 8949 and a 6% excise tax on 401(k) excesses may only be named to say they do not
        # apply.
        if "8949" in sentence or ("6%" in sentence and "401(k)" in sentence):
            assert re.search(r"\b(not|no|never|isn't|doesn't|don't|myth)\b", sentence), sentence
        if "rmd" in sentence and "roth 401(k)" in sentence:
            assert re.search(r"\b(no|not|never|2024|ended|removed|eliminated)\b", sentence), (
                sentence
            )


def test_glossary_has_anchored_terms(built):
    out, _ = built
    html = (out / "glossary" / "index.html").read_text()
    assert len(re.findall(r"<dt id=\"[a-z0-9-]+\">", html)) >= 30
    assert '<dt id="annual-additions">' in html


def test_home_page_sends_readers_to_every_guide_and_calculator(built):
    out, _ = built
    html = (out / "index.html").read_text()
    for guide in GUIDES:
        assert f'href="{BASE}guides/{guide.stem}/"' in html
    for calculator_id in CALCULATORS:
        assert f'href="{BASE}calculators/{calculator_id}/"' in html


def test_search_index_covers_guides_and_calculators(built):
    import json

    out, _ = built
    entries = json.loads((out / "search-index.json").read_text())
    urls = {e["url"] for e in entries}
    assert {f"guides/{g.stem}/" for g in GUIDES} <= urls
    assert "calculators/after-tax-room/" in urls and "glossary/" in urls
    pro_rata = next(e for e in entries if e["url"] == "guides/backdoor-roth-ira-and-pro-rata/")
    assert "8606" in pro_rata["words"].split()
    assert (out / "search-index.json").stat().st_size < 120_000


# --- Sources and consistency between pages ---------------------------------------------------

GLOSSARY = ROOT / "content" / "glossary.md"
PAGES = GUIDES + [GLOSSARY]

# A primary source: a Code section, an IRS notice, a form (or its instructions), a publication,
# a revenue procedure or a Treasury regulation (HELPERS.md: "End with ## Sources: a bulleted list
# of primary sources").
PRIMARY_SOURCE = re.compile(
    r"\bIRC \d+|\bNotice \d{4}-\d+|\bForms? \d{3,4}\b|\bPublication \d+|\bPub\. \d+"
    r"|\bTreas\. Reg\. \d|\bT\.D\. \d+|\bRev\. Proc\. \d{4}-\d+"
)


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.stem)
def test_sources_cite_a_primary_source(built, guide):
    out, _ = built
    html = (out / "guides" / guide.stem / "index.html").read_text()
    sources = html[html.index('<h2 id="sources">') : html.index('<nav class="pager"')]
    items = [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<li>(.*?)</li>", sources, re.S)]
    assert any(PRIMARY_SOURCE.search(item) for item in items), items


def units(page: Path) -> list[str]:
    """The page's paragraphs, list items, definitions and table rows, Sources excluded.

    A rule and its condition must sit in the same unit, so a reader who lands on one
    paragraph (or one glossary definition) gets both.
    """
    text = re.sub(r"\A---.*?\n---\n", "", page.read_text(), flags=re.S)
    text = text.split("\n## Sources")[0]
    found = []
    for block in re.split(r"\n\s*\n", text):
        for item in re.split(r"\n(?=\s*(?:[-*] |\d+\. |: |\|))", block):
            item = re.sub(r"\]\([^)]*\)", "]", item.strip())  # link targets are not prose
            if item and not item.startswith(("#", "*Source", ":::")):
                found.append(item)
    return found


# Within a plan, a partial withdrawal or conversion is pro-rated over the after-tax subaccount
# only when the plan accounts for after-tax money separately (IRC 72(d)(2) separate contract,
# 72(e)(8)); otherwise over the whole account, pre-tax money included (IRS, "Rollovers of
# After-Tax Contributions in Retirement Plans": $50,000 of $80,000 pre-tax + $20,000 after-tax
# carries $10,000 of basis).
PLAN_PRO_RATA = re.compile(r"72\(e\)\(8\)|72\(d\)\(2\)|separate contract", re.I)
PRO_RATA_WORDS = re.compile(
    r"pro[- ]rat|in proportion|proportional|mix of basis|split between basis and earnings", re.I
)
PLAN_WORDS = re.compile(
    r"subaccount|after-tax account|within the plan|in a plan\b|plan's own|of its own", re.I
)
# A designated Roth account's own pro-rata rule (IRC 402A(d)(4)) is a different rule.
DESIGNATED_ROTH = re.compile(r"402A\(d\)\(4\)|designated Roth|Roth 401\(k\)")
SEPARATE_ACCOUNTING = re.compile(
    r"separate accounting|accounts? for [^.|]{0,80}separately|tracks? [^.|]{0,80}separately", re.I
)


def states_plan_pro_rata(unit: str) -> bool:
    if DESIGNATED_ROTH.search(unit) and not re.search(
        r"after-tax (sub)?account|after-tax contributions", unit
    ):
        return False
    return bool(
        PLAN_PRO_RATA.search(unit) or (PRO_RATA_WORDS.search(unit) and PLAN_WORDS.search(unit))
    )


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_plan_pro_rata_states_its_condition(page):
    missing = [
        u for u in units(page) if states_plan_pro_rata(u) and not SEPARATE_ACCOUNTING.search(u)
    ]
    assert not missing, missing


# IRC 4973's 6% excise tax does not reach a 401(k) excess, but it does reach an excess in a
# 403(b)(7) custodial account (IRC 4973(a)(3), IRS Pub. 571): a page that rules the tax out for
# 401(k)s or 415(c) must address 403(b)(7) too.
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_six_percent_excise_addresses_403b7(page):
    flagged = [
        u
        for u in units(page)
        if re.search(r"6%|4973", u)
        and re.search(r"excise|penalty", u, re.I)
        and re.search(r"401\(k\)|415\(c\)|annual additions", u)
    ]
    if flagged:
        assert "403(b)(7)" in page.read_text(), flagged


# Form 1099-R box 7: G is a direct rollover (in-plan Roth rollover, or plan money to an IRA),
# H a direct rollover of a designated Roth account to a Roth IRA (Instructions for Forms 1099-R
# and 5498): a page that explains code G as the rollover code must name code H too.
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_code_g_comes_with_code_h(page):
    flagged = [
        u for u in units(page) if re.search(r"\bcode\b[^.\n]{0,20}\bG\b", u) and "rollover" in u
    ]
    if flagged:
        text = page.read_text()
        assert re.search(
            r"\bcodes? (G and )?H\b|\bH\b[^.\n]{0,80}(Roth 401\(k\)|designated Roth)", text
        ), flagged


# Form 8606 has no line for a plan-to-Roth-IRA rollover in its year, but the rolled after-tax
# basis counts later as Roth IRA basis in Part III (line 24) if a non-qualified Roth IRA
# distribution is taken (Instructions for Form 8606): a page that says Form 8606 plays no part
# in a plan rollover must say when it does.
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_form_8606_part_iii_is_not_forgotten(page):
    flagged = [
        u
        for u in units(page)
        if "8606" in u
        and re.search(r"\b(not|no|never)\b", u)
        and re.search(r"rollover|rolled|\bmov(e|es|ed|ing)\b|after-tax basis", u)
        and re.search(r"plan|401\(k\)", u)
    ]
    if flagged:
        assert re.search(r"Part III|line 24", page.read_text()), flagged


# Notice 2023-62's administrative transition for the Roth catch-up rule covered 2024 and 2025.
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_roth_catch_up_transition_covers_2024(page):
    for unit in units(page):
        if "2023-62" in unit:
            assert "2024" in unit, unit


# IRS Notice 2014-54, section III.A: when one distribution is split between a direct rollover and
# a payment to you, the pre-tax amount (the earnings on after-tax money included) is assigned to
# the direct rollover first. So the earnings cannot be taken in cash while the basis goes to a
# Roth IRA: any sentence that sends the earnings or pre-tax money to you must say so.
TO_YOU = r"(to yourself|paid to you|in cash|as cash|taken as income|taxed as income)"
EARNINGS_IN_CASH = re.compile(
    rf"(earnings|pre-tax (amounts?|money))[^.|]{{0,120}}?{TO_YOU}"
    rf"|{TO_YOU}[^.|]{{0,120}}?(earnings|pre-tax)",
    re.I,
)
ROLLOVER_CONTEXT = re.compile(r"Roth IRA|traditional IRA|2014-54|rollover", re.I)
DIRECT_ROLLOVER_FIRST = re.compile(
    r"direct rollovers? first|III\.A|first to (the |any )?direct rollover", re.I
)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_earnings_in_cash_states_the_direct_rollover_first_allocation(page):
    missing = [
        u
        for u in units(page)
        if EARNINGS_IN_CASH.search(u)
        and ROLLOVER_CONTEXT.search(u)
        and not DIRECT_ROLLOVER_FIRST.search(u)
    ]
    assert not missing, missing


def test_notice_2014_54_allocation_is_shown_with_numbers():
    # The $30,000 + $450 example: $450 of pre-tax money goes to the direct rollover first.
    text = (ROOT / "content" / "guides" / "timing-and-tax-on-earnings.md").read_text()
    assert "section III.A" in text and "$29,550 of basis and $450 of earnings" in text


# IRC 401(a)(17) caps the pay a plan may count; the match is figured on pay up to it, but whether
# payroll stops percentage deferral and after-tax elections there depends on the plan (many stop,
# some keep deducting). A sentence that says contributions stop at the limit must say so.
STOPS = re.compile(
    r"\b(stop|stops|stopped|cease|nothing more goes in|nothing left to apply)\b", re.I
)
COMPENSATION_LIMIT = re.compile(r"401\(a\)\(17\)|compensation limit|compensation_limit", re.I)
PAYROLL_CONDITION = re.compile(
    r"many plans|ask (your )?payroll|depends on (the|your) plan|other plans|some plans"
    r"|plans differ",
    re.I,
)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_stopping_at_the_compensation_limit_states_its_condition(page):
    missing = [
        u
        for u in units(page)
        if COMPENSATION_LIMIT.search(u) and STOPS.search(u) and not PAYROLL_CONDITION.search(u)
    ]
    assert not missing, missing


# Treas. Reg. 1.403(b)-4(c)(3)(iv), IRS Pub. 571: for someone eligible for both catch-ups,
# deferrals above 402(g) count first as the 15-year catch-up (IRC 402(g)(7), up to $3,000), which
# counts toward 415(c); only the rest is the age-50 catch-up, outside it. Wherever the order is
# stated, the 415(c) consequence goes with it; the 403(b) guide and the glossary state it.
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_catch_up_order_states_the_415c_count(page):
    missing = [
        u
        for u in units(page)
        if re.search(r"15-year", u)
        and re.search(r"age-50|age 50", u, re.I)
        and re.search(r"\bfirst\b", u)
        and not re.search(r"415\(c\)|annual additions", u)
    ]
    assert not missing, missing


GUIDE_403B = ROOT / "content" / "guides" / "403b-457b-and-governmental-plans.md"


@pytest.mark.parametrize("page", [GUIDE_403B, GLOSSARY], ids=lambda p: p.stem)
def test_catch_up_order_is_stated(page):
    assert any(
        "1.403(b)-4(c)(3)(iv)" in u and re.search(r"\bfirst\b", u) and "15-year" in u
        for u in units(page)
    )


# Employer contributions are never after-tax (non-Roth) basis; employer Roth contributions
# (SECURE 2.0 sec. 604, IRS Notice 2024-2) are taxed when allocated and become Roth 401(k) basis.
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_employer_money_is_never_non_roth_basis(page):
    missing = [
        u
        for u in units(page)
        if re.search(r"employer|match", u, re.I)
        and re.search(r"never[^.|]{0,40}(after-tax )?basis", u)
        and "non-Roth" not in u
    ]
    assert not missing, missing


# An excess deferral is income for the year deferred, which the W-2 leaves out: Form 1040 line 1h
# (Instructions for Form 1040); the plan's own date is for the claim, the payment by April 15.
def test_excess_deferral_reporting_is_stated():
    text = (ROOT / "content" / "guides" / "when-too-much-goes-in.md").read_text()
    assert "line 1h" in text and "code P" in text and "claim" in text
