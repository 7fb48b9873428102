"""Which guides explain each calculator, read from the rendered guides (never a hand list): a
guide that embeds a calculator (`::: calculator <id>`) or links to its page explains it."""

from __future__ import annotations

from .site import Page, Site


def guides_by_calculator(site: Site, pages: list[Page], calculator_ids) -> dict[str, list[dict]]:
    """For each calculator id, the guides that explain it: those that embed it first, then those
    that only link to its page, each group in the reading order. A guide is its summary (url, title,
    description) plus `embeds`, true when the calculator is on the guide's page."""
    rendered = {page.url: page for page in pages}
    guides = [(source, rendered[source.url]) for source in site.sources.get("guides", ())]
    found = {}
    for calculator_id in calculator_ids:
        output = f"calculators/{calculator_id}/index.html"
        embeds = {source.url for source, page in guides if calculator_id in page.calculators}
        links = {source.url for source, page in guides if any(t[1] == output for t in page.targets)}
        found[calculator_id] = [
            {"url": source.url, "title": source.title, "description": source.description,
             "embeds": source.url in embeds}
            for group in (embeds, links - embeds)
            for source, _ in guides if source.url in group
        ]
    return found
