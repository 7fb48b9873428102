"""Finding your way, as built: calculator pages link the guides that explain them (read from the
guides themselves), every page's footer links About and methods, and the home page quotes this
year's limits from the limits file."""

from __future__ import annotations

import re
from html import unescape

import pytest

from calc.limits_file import read_limits_file
from calc.registry import CALCULATORS
from site_builder.build import build
from site_builder.limit_refs import resolve
from tests.helpers import BASE, ROOT, make_site_root

GUIDES = ROOT / "content" / "guides"
EMBED = re.compile(r"^::: calculator ([a-z0-9-]+)", re.M)
ORDER = re.compile(r"^order: (\d+)$", re.M)


def embedding_guides(calculator_id: str, guides=GUIDES) -> list[str]:
    """The slugs of the guides whose Markdown embeds a calculator, in the reading order."""
    found = [
        (int(ORDER.search(path.read_text()).group(1)), path.stem)
        for path in guides.glob("*.md")
        if calculator_id in EMBED.findall(path.read_text())
    ]
    return [slug for _, slug in sorted(found)]


def explaining_guides(html: str, base: str = BASE) -> list[str]:
    """The guide slugs listed under "Guides that explain this" on a calculator page, in order."""
    match = re.search(r'<section class="calc-guides".*?</section>', html, re.S)
    if not match:
        return []
    return re.findall(rf'href="{re.escape(base)}guides/([a-z0-9-]+)/"', match.group(0))


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_each_calculator_page_lists_the_guides_that_embed_it_first(real_site, calculator_id):
    html = (real_site.out / "calculators" / calculator_id / "index.html").read_text()
    listed = explaining_guides(html)
    embedding = embedding_guides(calculator_id)
    assert embedding, f"no guide embeds {calculator_id}"  # each is worked through in a guide
    assert listed[: len(embedding)] == embedding
    assert len(set(listed)) == len(listed)


def test_a_guide_that_only_links_to_a_calculator_is_listed_after_the_embedding_ones(real_site):
    """what-is-a-mega-backdoor-roth links to the after-tax room calculator without embedding it."""
    text = (GUIDES / "what-is-a-mega-backdoor-roth.md").read_text()
    assert "../../calculators/after-tax-room/" in text
    assert "after-tax-room" not in EMBED.findall(text)
    html = (real_site.out / "calculators" / "after-tax-room" / "index.html").read_text()
    listed = explaining_guides(html)
    assert "what-is-a-mega-backdoor-roth" in listed[len(embedding_guides("after-tax-room")) :]


def test_links_inside_an_embedded_calculator_are_not_the_guides_own(real_site):
    """how-much-fits embeds the after-tax room calculator, whose "Next" step links to the paycheck
    planner; the guide's own prose never does, so the planner's page does not list it."""
    assert "calculators/paycheck-plan/" not in (GUIDES / "how-much-fits.md").read_text()
    guide = (real_site.out / "guides" / "how-much-fits" / "index.html").read_text()
    assert f'href="{BASE}calculators/paycheck-plan/?' in guide
    planner = (real_site.out / "calculators" / "paycheck-plan" / "index.html").read_text()
    assert "how-much-fits" not in explaining_guides(planner)


def test_a_calculator_page_is_rebuilt_when_a_guide_starts_or_stops_linking_to_it(tmp_path):
    """The build cache keys calculator pages by the guides that explain them."""
    root = make_site_root(tmp_path)
    out = tmp_path / "dist"
    build(root, out)
    page = out / "calculators" / "roth-vs-taxable" / "index.html"
    assert "couples" not in explaining_guides(page.read_text(), "/")
    guide = root / "content" / "guides" / "couples.md"
    original = guide.read_text()
    guide.write_text(original + "\nSee [the Roth wrapper](../../calculators/roth-vs-taxable/).\n")
    build(root, out)
    assert explaining_guides(page.read_text(), "/")[-1] == "couples"
    guide.write_text(original)
    build(root, out)
    assert "couples" not in explaining_guides(page.read_text(), "/")


def test_every_page_links_about_and_methods_in_its_footer(real_site):
    pages = sorted(real_site.out.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        footer = re.search(r'<footer class="site-footer">.*?</footer>', path.read_text(), re.S)
        assert footer and f'<a href="{BASE}about/">About and methods</a>' in footer.group(0), path


def test_about_page_says_how_figures_are_checked_and_what_is_not_covered(real_site):
    html = (real_site.out / "about" / "index.html").read_text()
    for heading in (
        "How the figures are checked",
        "What the site does not cover",
        "Your data",
        "When each guide was last reviewed",
    ):
        assert f">{heading}" in html, heading
    for path in sorted(GUIDES.glob("*.md")):  # every guide's review date, from its front matter
        reviewed = re.search(r"^last_reviewed: (\S+)$", path.read_text(), re.M).group(1)
        assert f'href="{BASE}guides/{path.stem}/"' in html
        assert f'datetime="{reviewed}"' in html
    assert (real_site.out / "search-index.json").read_text().count('"url":"about/"') == 1
    assert f"{BASE}about/</loc>" in (real_site.out / "sitemap.xml").read_text()


def test_home_page_answers_first_with_limits_from_the_file(real_site):
    html = (real_site.out / "index.html").read_text()
    h1 = unescape(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1))
    assert h1 != "Mega Backdoor Roth Guide" and h1.endswith("?")
    limits = read_limits_file(ROOT / "content" / "limits.yaml", "content/limits.yaml")
    lede = re.search(r'<p class="lede">(.*?)</p>', html, re.S).group(1)
    for expression in ("year", "elective_deferral", "annual_additions"):
        assert resolve(expression, limits) in lede, expression
    # The answer comes before the three places to start, and those before the guides.
    markers = ('class="lede"', 'id="start"', 'id="guides"', 'id="calculators"')
    positions = [html.index(marker) for marker in markers]
    assert positions == sorted(positions)
    start = html[html.index('id="start"') : html.index('id="guides"')]
    for calculator_id in ("plan-check", "after-tax-room", "year-plan"):
        assert f'class="card-main" href="{BASE}calculators/{calculator_id}/"' in start
