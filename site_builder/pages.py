"""Rendering in memory: the template environment, the Markdown pages, and render_page, which every
page goes through (the other pages are in other_pages.py)."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import jinja2

from calc.protocol import SETTINGS as RUNTIME_SETTINGS
from calc.registry import CALCULATORS

from .calculator_html import render_calculator
from .guide_links import prose_calculator_links
from .limit_refs import resolve
from .links import link_targets, links_and_ids
from .markdown import RenderEnv
from .page_kinds import Collection
from .problems import Problem
from .search_index import prose_words
from .site import COLA_PAGE, Page, Site, next_limits_due
from .site_files import THEME_COLORS
from .sources import Source
from .structured_data import article, json_ld


def make_jinja(root: Path) -> jinja2.Environment:
    """Templates with autoescape on, failing loudly on undefined names."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(root / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# One environment per templates folder for the life of the process: the preview server and
# repeated builds reuse compiled templates; Jinja recompiles any whose file changed (auto_reload).
_environments: dict[Path, jinja2.Environment] = {}


def template_data(site: Site) -> dict:
    """Every site-wide name the templates receive, as plain data (besides url(), asset() and
    limit(), which read site, the asset URLs given here and the limits file). Its hash keys the
    build cache, so whatever a template can show is part of the key."""
    return {
        "site": site.config,
        "asset_urls": site.assets.urls,
        **{
            name: [_summary(source) for source in sources] for name, sources in site.sources.items()
        },
        "newest_year": max(site.limits.years),
        # The build's day: calculators are prerendered as of it (a deadline already past is said
        # so).
        "today": site.today,
        "stale_limits": max(site.limits.years) < site.today.year,
        "next_limits_due": next_limits_due(site),
        "cola_page": COLA_PAGE,
        "calculators": CALCULATORS,
        "worker_start": site.assets.worker_start,
        "runtime_settings": RUNTIME_SETTINGS,
        "theme_colors": THEME_COLORS,
    }


def template_data_key(data: dict) -> str:
    """A stable text of template_data, for the build cache's key."""

    def plain(value):
        if dataclasses.is_dataclass(value):
            return dataclasses.asdict(value)
        if callable(value):  # a calculator's functions: by name (their code is in the site key)
            return f"{value.__module__}.{value.__qualname__}"
        if isinstance(value, (datetime.date, Decimal)):
            return str(value)
        # Anything else would fall back to repr(), which can hold a memory address: a key that
        # changes in every process would never let the next `make build` reuse a page.
        raise TypeError(
            f"template data of type {type(value).__name__} has no stable text for the build cache"
        )

    return json.dumps(data, default=plain, sort_keys=True)


def prepare_jinja(site: Site, data: dict) -> jinja2.Environment:
    """The template environment with the site-wide names every page uses (replaced on every
    build)."""
    env = _environments.get(site.root.resolve())
    if env is None:
        env = _environments[site.root.resolve()] = make_jinja(site.root)
    base = site.config.base_path
    env.globals.update(data)
    env.globals.update(url=lambda path="": base + path, asset=lambda name: data["asset_urls"][name])
    # {{ limit('annual_additions') }}: a limit quoted from the limits file, as {limit} does in a
    # guide
    # (the file is part of the build cache's site key).
    env.globals.update(limit=lambda expression: resolve(expression, site.limits))
    env.globals.update(site.sources)  # the templates read each collection's pages by its name
    return env


def _summary(source: Source) -> dict:
    """What a template can show of a Markdown page besides its own (its place in lists and
    links)."""
    return {
        name: getattr(source, name)
        for name in ("slug", "url", "title", "description", "order", "last_reviewed", "limits_year")
    }


def render_source(
    site: Site,
    env: jinja2.Environment,
    md,
    collection: Collection,
    index: int,
    problems: list[Problem],
) -> Page:
    """One Markdown page of a collection, with links to its neighbours when the collection is
    ordered."""
    sources = site.sources[collection.name]
    source = sources[index]
    previous = sources[index - 1] if collection.ordered and index > 0 else None
    following = sources[index + 1] if collection.ordered and index + 1 < len(sources) else None
    page = _markdown_page(site, env, md, source, problems)
    page.searchable = collection.searchable
    if collection.articles:
        page.structured_data = json_ld(article(site.config, source))
    page.html = render_page(
        env, collection.template, page, source=source, previous=previous, following=following
    )
    return page


def _markdown_page(site: Site, env, md, source: Source, problems: list[Problem]) -> Page:
    """Render a Markdown page's body, collecting directive and limit problems with lines."""
    page = Page(
        output=source.url + "index.html",
        url=source.url,
        title=source.title,
        description=source.description,
        source=source.display,
    )
    # Embedded calculators are numbered calc-1, calc-2 ... in the order they appear on the page.
    calculator_block = functools.partial(
        _calculator_block, site, env, source, problems, iter(range(1, 1000))
    )
    render_env = RenderEnv(
        limits=site.limits, render_calculator=calculator_block, line_offset=source.body_line - 1
    )
    tokens = md.parse(source.body, {"render_env": render_env})
    body = md.renderer.render(tokens, md.options, render_env)
    problems.extend(Problem(source.display, line, message) for line, message in render_env.problems)
    if source.limits_year not in site.limits.years:
        problems.append(
            Problem(
                source.display,
                1,
                f"front matter: limits_year: {source.limits_year} is not in the limits file",
            )
        )
    page.calculators = render_env.calculators
    page.linked_calculators = prose_calculator_links(
        body, site.config.base_path, page.url, CALCULATORS
    )
    page.body_html = body
    page.toc = [
        (tokens[i].attrGet("id"), tokens[i + 1].content)
        for i in range(len(tokens) - 1)
        if tokens[i].type == "heading_open" and tokens[i].tag == "h2" and tokens[i].attrGet("id")
    ]
    return page


def _calculator_block(
    site: Site,
    env: jinja2.Environment,
    source: Source,
    problems: list[Problem],
    numbers: Iterator[int],
    calculator_id: str,
    presets: dict[str, str],
    line: int,
) -> str:
    """A calculator embedded in a Markdown page, noting an unknown calculator or a bad preset."""
    if calculator_id not in CALCULATORS:
        problems.append(
            Problem(
                source.display,
                line,
                f"unknown calculator {calculator_id!r}; expected one of: {', '.join(CALCULATORS)}",
            )
        )
        return ""
    known = {f.name for f in CALCULATORS[calculator_id].fields}
    for name in presets:
        if name not in known:
            problems.append(
                Problem(
                    source.display,
                    line,
                    f"calculator {calculator_id}: unknown preset field {name!r}; expected one "
                    f"of: {', '.join(sorted(known))}",
                )
            )
    html, evaluation = render_calculator(
        env,
        calculator_id,
        presets,
        site.limits,
        site.config.base_path,
        f"calc-{next(numbers)}",
        sync_url=False,
        heading_level=3,
        today=site.today,
    )
    for name, message in evaluation.errors.items():
        if name in presets:
            problems.append(
                Problem(
                    source.display,
                    line,
                    f"calculator {calculator_id}: preset {name}={presets[name]!r}: {message}",
                )
            )
    return html


def render_page(env: jinja2.Environment, template: str, page: Page, **context) -> str:
    """Render a page's template and note the facts the site-wide checks and search need."""
    html = env.get_template(template).render(page=page, **context)
    links, page.ids = links_and_ids(html)
    page.targets = link_targets(env.globals["url"](), page.url, links)
    page.words = prose_words(page.body_html) if page.body_html else ""
    return html
