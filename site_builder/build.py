"""The build, in phases: gather -> render (validating as it goes) -> check -> write.

Nothing is written until every page has rendered and every check has passed,
so a failed build reports all its problems and leaves dist/ as it was.
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass
from pathlib import Path

from calc.limits_file import LimitsFileError, read_limits_file
from calc.registry import CALCULATORS

from .asset_history import history_folder, with_earlier_assets
from .assets import SERVICE_WORKER, gather_assets, service_worker
from .build_cache import BuildCache, site_key
from .checks import hand_typed_limits, limit_values
from .config import read_site_config
from .guide_links import guides_by_calculator
from .limits_review import behind, review_lines
from .links import check_links
from .other_pages import other_pages
from .page_kinds import COLLECTIONS
from .pages import prepare_jinja, template_data, template_data_key
from .problems import BuildFailed, Problem
from .search_index import search_index
from .site import COLA_PAGE, Page, Site, next_limits_due
from .site_files import host_files
from .source_pages import source_pages
from .sources import read_collection
from .write import write_site


@dataclass(frozen=True)
class BuildReport:
    pages: list[Page]
    seconds: float
    warnings: list[str]
    notes: list[str]  # while pages are checked against an older year: what changed, what to re-read


def gather(root: Path, site_url: str | None, base_path: str | None, today: datetime.date) -> Site:
    """Phase 1: read the site config, the limits and every Markdown page; fail with every problem
    found."""
    content = root / "content"
    config = read_site_config(content / "site.yaml", "content/site.yaml").with_overrides(
        site_url, base_path
    )
    try:
        limits = read_limits_file(content / "limits.yaml", "content/limits.yaml")
    except LimitsFileError as error:
        raise BuildFailed(error.problems) from None
    problems: list[Problem] = []
    sources = {
        collection.name: read_collection(content, collection, problems)
        for collection in COLLECTIONS
    }
    if problems:
        raise BuildFailed(problems)
    assets = gather_assets(root, limits, config)
    return Site(root, config, limits, sources, assets, today)


def render_and_check(site: Site, cache: BuildCache | None = None) -> list[Page]:
    """Phases 2 and 3: render every page in memory, then check the whole site; raise BuildFailed."""
    problems: list[Problem] = []
    data = template_data(site)
    env = prepare_jinja(site, data)
    key = site_key(site.root, template_data_key(data)) if cache else ""
    pages = source_pages(site, env, problems, cache, key)
    pages += other_pages(site, env, guides_by_calculator(site, pages, CALCULATORS), cache, key)
    markdown_sources = site.markdown_sources
    reused = {page.source for page in pages if page.reused_from}
    for source in markdown_sources:
        if source.display not in reused and source.limits_year in site.limits.years:
            # A reused page passed this check with the same text and limits; an unknown
            # limits_year is reported by the page itself.
            problems.extend(
                hand_typed_limits(source, limit_values(site.limits.year(source.limits_year)))
            )
    link_problems = check_links(pages, set(site.assets.files), site.config.base_path, {})
    if (
        link_problems
    ):  # name the line in the content file (only worth the reading when something broke)
        texts = {s.display: s.text for s in markdown_sources}
        link_problems = check_links(pages, set(site.assets.files), site.config.base_path, texts)
    problems.extend(link_problems)
    if problems:
        raise BuildFailed(sorted(set(problems), key=lambda p: (p.path, p.line, p.message)))
    return pages


def build(
    root: Path,
    out: Path,
    site_url: str | None = None,
    base_path: str | None = None,
    today: datetime.date | None = None,
) -> BuildReport:
    """Build the whole site into out; raise BuildFailed (leaving out untouched) on any problem."""
    started = time.perf_counter()
    out = out.resolve()  # a reused page's old file and its target are then the same Path
    site = gather(root, site_url, base_path, today or datetime.date.today())
    cache = BuildCache(out)
    pages = render_and_check(site, cache)

    # Phase 4: write everything at once (files unchanged since the last build are left alone).
    files: dict[str, bytes | str | Path] = {
        page.output: page.reused_from or page.html for page in pages
    }
    files.update(site.assets.files)
    files.update(host_files(site.config, [page.url for page in pages]))
    files["search-index.json"] = search_index(pages)
    offline_pages = [page.url for page in pages if page.url != "404.html"] + ["search-index.json"]
    files[SERVICE_WORKER] = service_worker(root, site.assets, site.config.base_path, offline_pages)
    files = with_earlier_assets(history_folder(out), files, site.today)
    write_site(out, files, cache.files)
    cache.save(pages, list(files))
    return BuildReport(
        pages, time.perf_counter() - started, stale_warnings(site), review_notes(site)
    )


def check(root: Path, today: datetime.date | None = None) -> BuildReport:
    """Every check of a build, writing nothing."""
    started = time.perf_counter()
    site = gather(root, None, None, today or datetime.date.today())
    pages = render_and_check(site)
    return BuildReport(
        pages, time.perf_counter() - started, stale_warnings(site), review_notes(site)
    )


def stale_warnings(site: Site) -> list[str]:
    """Newer limits exist or are due: from November 1 of the newest year, and after it."""
    newest = max(site.limits.years)
    if newest < site.today.year:
        return [
            f"content/limits.yaml: the newest limits are for {newest}, before {site.today.year}; "
            "the IRS may have published newer ones (every page shows a notice)"
        ]
    if next_limits_due(site):
        return [
            f"content/limits.yaml: the IRS usually publishes the {newest + 1} limits by November "
            f"({COLA_PAGE}); "
            f"once they are out: python -m site_builder limits new-year {newest + 1}"
        ]
    return []


def review_notes(site: Site) -> list[str]:
    """While pages are still checked against an older year: what changed, and what to re-read."""
    if not behind(site.markdown_sources, site.limits):
        return []
    return review_lines(site.markdown_sources, site.limits, with_quotes=False)
