"""Every kind of page the site has, declared once. Gathering, rendering, the search index and the
checks loop over these tables: a new kind of page is one entry here plus its template.

Calculator pages are the one kind not listed: they come from calc's own declaration
(calc/registry.py), one page per calculator at calculators/<id>/.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .limits_page import limits_tables

GUIDE_KEYS = ("title", "description", "order", "last_reviewed", "limits_year")
PAGE_KEYS = ("title", "description", "last_reviewed", "limits_year")


@dataclass(frozen=True)
class Collection:
    """Markdown files of one kind under content/: their front matter, template and URLs."""

    name: str  # the templates see the gathered files by this name
    files: str  # a glob under content/, e.g. guides/*.md
    keys: tuple[str, ...]  # the front matter every file must have, and nothing else
    template: str
    url: str  # each page's URL, {slug} being the file name without .md
    searchable: bool = True
    ordered: bool = (
        False  # sorted by front matter `order` (each number used once), with previous/next links
    )
    articles: bool = (
        False  # each page is an article for search engines (JSON-LD), dated by last_reviewed
    )


@dataclass(frozen=True)
class SinglePage:
    """A page that is not written in Markdown: a template and what it is about."""

    # "" is the home page; a URL ending in .html is that file, any other a folder's index.html
    url: str
    template: str
    title: str  # "" for the site's own title and description (the home page)
    description: str
    context: Callable | None = None  # site -> more names for the template
    searchable: bool = False

    @property
    def output(self) -> str:
        return self.url if self.url.endswith(".html") else self.url + "index.html"


COLLECTIONS = (
    Collection(
        "guides",
        "guides/*.md",
        GUIDE_KEYS,
        "guide.html",
        "guides/{slug}/",
        ordered=True,
        articles=True,
    ),
    Collection("glossary", "glossary.md", PAGE_KEYS, "page.html", "glossary/"),
    Collection("about", "about.md", PAGE_KEYS, "about.html", "about/"),
)

SINGLE_PAGES = (
    SinglePage(
        "calculators/",
        "calculators.html",
        "Calculators",
        "Every mega backdoor Roth calculator on this site and the question each one answers.",
    ),
    SinglePage(
        "limits/",
        "limits.html",
        "IRS limits by year",
        "401(k), 415(c), catch-up, IRA and Roth IRA phase-out limits for every year, with the IRS "
        "source of each.",
        context=lambda site: limits_tables(site.limits),
    ),
    SinglePage(
        "search/", "search.html", "Search", "Search every guide and calculator on this site."
    ),
    SinglePage("", "index.html", "", ""),
    SinglePage("404.html", "404.html", "Page not found", "This page does not exist."),
    SinglePage(
        "offline/", "offline.html", "You are offline", "This page is not saved on this device."
    ),
)
