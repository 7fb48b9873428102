"""Which guides explain each calculator, read from the rendered guides (never a hand list): a
guide that embeds a calculator (`::: calculator <id>`) or whose prose links to its page explains it.
Links inside an embedded calculator (its "Next" steps to another calculator) are not the guide's."""

from __future__ import annotations

from .links import link_targets, links_and_ids
from .search_index import EMBEDDED_FORMS
from .site import Page, Site

_CALCULATOR_PAGE = "calculators/{}/index.html"


def prose_calculator_links(
    body_html: str, base_path: str, page_url: str, calculator_ids
) -> list[str]:
    """The calculators whose pages a Markdown page's prose links to (embedded forms left out)."""
    links, _ = links_and_ids(EMBEDDED_FORMS.sub(" ", body_html))
    outputs = {target[1] for target in link_targets(base_path, page_url, links)}
    return [
        calculator_id
        for calculator_id in calculator_ids
        if _CALCULATOR_PAGE.format(calculator_id) in outputs
    ]


def guides_by_calculator(site: Site, pages: list[Page], calculator_ids) -> dict[str, list[dict]]:
    """For each calculator id, the guides that explain it: those that embed it first, then those
    that only link to its page, each group in the reading order. A guide is its url and title, and
    `embeds`: true when the calculator is on the guide's page."""
    rendered = {page.url: page for page in pages}
    guides = [(source, rendered[source.url]) for source in site.sources.get("guides", ())]
    found = {}
    for calculator_id in calculator_ids:
        embeds = {source.url for source, page in guides if calculator_id in page.calculators}
        links = {source.url for source, page in guides if calculator_id in page.linked_calculators}
        found[calculator_id] = [
            {"url": source.url, "title": source.title, "embeds": source.url in embeds}
            for group in (embeds, links - embeds)
            for source, _ in guides
            if source.url in group
        ]
    return found
