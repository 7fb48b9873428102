"""Every page not written in Markdown: one per calculator, then the single pages of
page_kinds.py."""

from __future__ import annotations

import json

import jinja2

from calc.registry import CALCULATORS

from .build_cache import BuildCache, page_key
from .calculator_html import render_calculator
from .page_kinds import SINGLE_PAGES, SinglePage
from .pages import render_page
from .search_index import prose_words
from .site import Page, Site
from .structured_data import json_ld, web_application


def other_pages(
    site: Site,
    env: jinja2.Environment,
    explained_by: dict[str, list[dict]],
    cache: BuildCache | None = None,
    site_key: str = "",
) -> list[Page]:
    """Every page not written in Markdown: one per calculator, then the single pages of
    page_kinds.py.
    explained_by lists the guides that explain each calculator (guide_links.py); each page is reused
    from the build cache when the site-wide inputs and those lists are unchanged."""
    explained_key = json.dumps(explained_by, sort_keys=True)

    def cached(output: str, render) -> Page:
        key = page_key(site_key, output, explained_key) if cache else ""
        page = cache.reuse(output, key) if cache else None
        if page is None:
            page = render()
            page.key = key
        return page

    pages = [
        cached(
            f"calculators/{c.id}/index.html",
            lambda c=c: calculator_page(site, env, c, explained_by),
        )
        for c in CALCULATORS.values()
    ]
    pages += [
        cached(kind.output, lambda kind=kind: single_page(site, env, kind, explained_by))
        for kind in SINGLE_PAGES
    ]
    return pages


def calculator_page(
    site: Site, env: jinja2.Environment, calculator, explained_by: dict[str, list[dict]]
) -> Page:
    """A calculator's own page at calculators/<id>/, its inputs kept in the URL."""
    url = f"calculators/{calculator.id}/"
    page = Page(
        output=url + "index.html",
        url=url,
        title=calculator.title,
        description=f"{calculator.question} {calculator.intro}",
        calculators=[calculator.id],
        searchable=True,
    )
    page.structured_data = json_ld(
        web_application(site.config, url, calculator.title, page.description)
    )
    widget, _ = render_calculator(
        env,
        calculator.id,
        {},
        site.limits,
        site.config.base_path,
        "calc-1",
        sync_url=True,
        today=site.today,
    )
    page.html = render_page(
        env,
        "calculator.html",
        page,
        calculator=calculator,
        widget=widget,
        explained_by=explained_by,
    )
    page.words = prose_words(page.description)
    return page


def single_page(
    site: Site, env: jinja2.Environment, kind: SinglePage, explained_by: dict[str, list[dict]]
) -> Page:
    """One single page of page_kinds.py (the home page, the limits page, 404 ...)."""
    page = Page(
        kind.output,
        kind.url,
        kind.title or site.config.title,
        kind.description or site.config.description,
        searchable=kind.searchable,
    )
    context = kind.context(site) if kind.context else {}
    page.html = render_page(env, kind.template, page, explained_by=explained_by, **context)
    return page
