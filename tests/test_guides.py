"""The guides as built: sources, embedded calculators, limits quoted from the file, reading aids."""

import re
from pathlib import Path

import pytest

from site_builder.build import build
from tests.helpers import ROOT, prerendered_outputs

GUIDES = sorted((ROOT / "content" / "guides").glob("*.md"))
# The calculators each guide must embed (issue: guides and the reading experience).
EMBEDS = {
    "does-your-plan-allow-it": {"plan-check"},
    "how-much-fits": {"after-tax-room"},
    "pacing-through-the-year": {"paycheck-plan"},
    "timing-and-tax-on-earnings": {"conversion-delay", "after-tax-split"},
    "backdoor-roth-ira-and-pro-rata": {"backdoor-pro-rata", "roth-ira-eligibility"},
    "is-it-worth-it": {"roth-vs-taxable"},
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("guides") / "dist"
    report = build(ROOT, out)
    return out, report


def test_twelve_guides_in_reading_order(built):
    out, report = built
    assert len(GUIDES) == 12
    orders = sorted(int(re.search(r"^order: (\d+)$", g.read_text(), re.M).group(1)) for g in GUIDES)
    assert orders == list(range(1, 13))


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.stem)
def test_guide_page(built, guide):
    out, _ = built
    html = (out / "guides" / guide.stem / "index.html").read_text()
    assert '<h2 id="sources">' in html
    sources = html[html.index('<h2 id="sources">'):html.index('<nav class="pager"')]
    assert sources.count("<li>") >= 2
    assert "Last reviewed <time" in html and "Uses 2026 IRS limits" in html
    assert '<nav class="toc" aria-label="On this page">' in html
    words = len(re.sub(r"^---.*?---", "", guide.read_text(), flags=re.S).split())
    assert words >= 600, words
    embedded = {calculator for calculator, _ in prerendered_outputs(html)}
    assert EMBEDS.get(guide.stem, set()) <= embedded
    for calculator, outputs in prerendered_outputs(html):
        assert all(value != "" for value in outputs.values()), calculator  # presets are valid


def test_limits_in_guides_come_from_the_file(built):
    out, _ = built
    html = (out / "guides" / "how-much-fits" / "index.html").read_text()
    # 72,000 + 8,000 and 72,000 + 11,250 (Notice 2025-67; IRC 414(v)(3)(A)), via {limit} roles.
    assert '<span class="limit">$80,000</span>' in html
    assert '<span class="limit">$83,250</span>' in html
    assert "$79,500" not in html


def test_no_seed_article_errors_in_guides():
    text = "\n".join(g.read_text() for g in GUIDES).lower()
    assert "79,500" not in text
    for sentence in re.split(r"(?<=[.!?])\s", text):
        # Form 8949 and a 6% excise tax on 401(k) excesses may only be named to say they do not apply.
        if "8949" in sentence or ("6%" in sentence and "401(k)" in sentence):
            assert re.search(r"\b(not|no|never|isn't|doesn't|don't|myth)\b", sentence), sentence
        if "rmd" in sentence and "roth 401(k)" in sentence:
            assert re.search(r"\b(no|not|never|2024|ended|removed|eliminated)\b", sentence), sentence


def test_glossary_has_anchored_terms(built):
    out, _ = built
    html = (out / "glossary" / "index.html").read_text()
    assert len(re.findall(r"<dt id=\"[a-z0-9-]+\">", html)) >= 30
    assert '<dt id="annual-additions">' in html


def test_home_page_sends_readers_to_every_guide_and_calculator(built):
    out, _ = built
    html = (out / "index.html").read_text()
    for guide in GUIDES:
        assert f'href="/guides/{guide.stem}/"' in html
    assert html.count('href="/calculators/') >= 8


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
