"""JSON-LD on every calculator page and guide: it parses, uses schema.org's terms as schema.org
defines them, says what the page says, and no text in it can end its script element."""

from __future__ import annotations

import json
import re

import pytest

from calc.registry import CALCULATORS
from site_builder.structured_data import json_ld
from tests.helpers import BASE, ROOT, SITE_URL
from tests.schema_org import check_json_ld

GUIDES = sorted((ROOT / "content" / "guides").glob("*.md"))
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def structured_data(html: str) -> dict:
    blocks = BLOCK.findall(html)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_every_calculator_page_is_a_free_web_application(real_site, calculator_id):
    data = structured_data(
        (real_site.out / "calculators" / calculator_id / "index.html").read_text()
    )
    assert check_json_ld(data) == []
    calculator = CALCULATORS[calculator_id]
    assert data["@type"] == "WebApplication" and data["name"] == calculator.title
    assert data["url"] == f"{SITE_URL}{BASE}calculators/{calculator_id}/"
    assert data["applicationCategory"] == "FinanceApplication"
    assert data["offers"] == {"@type": "Offer", "price": "0", "priceCurrency": "USD"}


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.stem)
def test_every_guide_is_an_article_dated_by_its_last_review(real_site, guide):
    html = (real_site.out / "guides" / guide.stem / "index.html").read_text()
    data = structured_data(html)
    assert check_json_ld(data) == []
    reviewed = re.search(r"^last_reviewed: (\S+)$", guide.read_text(), re.M).group(1)
    title = re.search(r"^title: (.+)$", guide.read_text(), re.M).group(1).strip().strip('"')
    assert (
        data["@type"] == "Article"
        and data["dateModified"] == reviewed
        and data["headline"] == title
    )
    assert data["url"] == f"{SITE_URL}{BASE}guides/{guide.stem}/"


def test_pages_that_are_neither_carry_none(real_site):
    for page in ("index.html", "limits/index.html", "search/index.html", "glossary/index.html"):
        assert not BLOCK.search((real_site.out / page).read_text()), page


def test_the_checker_objects_to_what_schema_org_does_not_define():
    """The check can fail: a wrong type, a property of another type, a value of the wrong kind."""
    assert check_json_ld({"@context": "https://schema.org", "@type": "Calculator"}) == [
        "$: unknown @type 'Calculator'"
    ]
    problems = check_json_ld(
        {
            "@context": "https://schema.org",
            "@type": "Article",
            "applicationCategory": "x",
            "dateModified": "last week",
            "offers": {"@type": "Offer", "price": "0", "color": "red"},
        }
    )
    assert problems == [
        "$.applicationCategory: not a property of Article",
        "$.dateModified: expected ['Date', 'DateTime'], got 'last week'",
        "$.offers.color: not a property we know on schema.org",
    ]


def test_no_title_can_close_the_script_element():
    """A guide titled with markup stays data: "<" never appears inside the element."""
    text = json_ld({"headline": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script> & <!--"
