"""The shapes the build passes between its phases: the gathered Site and each rendered Page."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from calc.limits import Limits

from .assets import Assets
from .config import SiteConfig
from .sources import Source


@dataclass
class Page:
    """One HTML file: where it goes, its URL and its rendered text."""

    output: str  # e.g. guides/how-much-fits/index.html
    url: str  # path under the base path, e.g. guides/how-much-fits/
    title: str
    description: str
    html: str = ""
    source: str = ""  # the content file it came from, for messages
    calculators: list[str] = field(default_factory=list)
    linked_calculators: list[str] = field(default_factory=list)  # calculators its prose links to
    body_html: str = ""  # a guide's rendered Markdown
    toc: list[tuple[str, str]] = field(default_factory=list)  # (anchor, heading) of each h2
    targets: list[list[str]] = field(
        default_factory=list
    )  # [link, output, fragment] of internal links
    ids: list[str] = field(default_factory=list)  # every element id, for #anchor checks
    words: str = ""  # the page's prose words, for the search index
    searchable: bool = False  # listed in the search index
    structured_data: str = (
        ""  # JSON-LD for search engines (structured_data.py), when the page has any
    )
    key: str = ""  # build-cache key (guide pages), see build_cache.py
    reused_from: Path | None = (
        None  # the unchanged file of the last build, hard-linked instead of rendered
    )


@dataclass(frozen=True)
class Site:
    """Everything gathered before rendering; every page sees the same site."""

    root: Path
    config: SiteConfig
    limits: Limits
    # The Markdown pages of each collection (page_kinds.py), collections and pages in order.
    sources: dict[str, list[Source]]
    assets: Assets
    today: datetime.date

    @property
    def markdown_sources(self) -> list[Source]:
        """Every Markdown page of the site, collection by collection."""
        return [source for sources in self.sources.values() for source in sources]


# Where the IRS lists every year's limits (and links the notice of each).
COLA_PAGE = "https://www.irs.gov/retirement-plans/cola-increases-for-dollar-limitations-on-benefits-and-contributions"


def next_limits_due(site: Site) -> bool:
    """From November 1 of the newest limits' year to its end: the IRS has usually published the
    next year's limits by then (a notice in October or November), before they are in the file."""
    newest = max(site.limits.years)
    return site.today.year == newest and site.today >= datetime.date(newest, 11, 1)
