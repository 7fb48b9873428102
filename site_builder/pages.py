"""Every page of the site, rendered in memory from the gathered content."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jinja2

from calc.formatting import money_text
from calc.limits import LEAVES, Limits
from calc.protocol import SETTINGS as RUNTIME_SETTINGS
from calc.registry import CALCULATORS

from .build_cache import BuildCache, page_key
from .calculator_html import render_calculator
from .guides import Source
from .markdown import RenderEnv, make_markdown
from .links import link_targets, links_and_ids
from .problems import Problem
from .search_index import prose_words
from .site import Page, Site


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
    """Every site-wide name the templates receive, as plain data (besides url() and asset(),
    which read site and the asset URLs given here). Its hash keys the build cache, so whatever
    a template can show is part of the key."""
    return {
        "site": site.config,
        "asset_urls": site.assets.urls,
        "guides": [{name: getattr(g, name) for name in ("slug", "title", "description", "order", "last_reviewed", "limits_year")}
                   for g in site.guides],
        "newest_year": max(site.limits.years),
        "stale_limits": max(site.limits.years) < site.today.year,
        "calculators": CALCULATORS,
        "has_glossary": site.glossary is not None,
        "runtime_bytes": site.assets.runtime_bytes,
        "pyodide_lock_info": site.assets.pyodide_lock_info,
        "runtime_settings": RUNTIME_SETTINGS,
    }


def template_data_key(data: dict) -> str:
    """A stable text of template_data, for the build cache's key."""
    def plain(value):
        if dataclasses.is_dataclass(value):
            return dataclasses.asdict(value)
        return repr(value)  # calculators (their code is in the key too), dates

    return json.dumps(data, default=plain, sort_keys=True)


def prepare_jinja(site: Site, data: dict) -> jinja2.Environment:
    """The template environment with the site-wide names every page uses (replaced on every build)."""
    env = _environments.get(site.root.resolve())
    if env is None:
        env = _environments[site.root.resolve()] = make_jinja(site.root)
    base = site.config.base_path
    env.globals.update(data)
    env.globals.update(url=lambda path="": base + path, asset=lambda name: data["asset_urls"][name], guides=site.guides)
    return env


def render_guide(site: Site, env: jinja2.Environment, md, index: int, problems: list[Problem]) -> Page:
    """One guide page, with links to its neighbours in the reading order."""
    guide = site.guides[index]
    previous = site.guides[index - 1] if index > 0 else None
    following = site.guides[index + 1] if index + 1 < len(site.guides) else None
    page = _markdown_page(site, env, md, guide, f"guides/{guide.slug}/", problems)
    page.html = _render(env, "guide.html", page, guide=guide, previous=previous, following=following)
    return page


def other_pages(site: Site, env: jinja2.Environment, problems: list[Problem],
                cache: BuildCache | None = None, site_key: str = "") -> list[Page]:
    """Every page that is not a guide: glossary, calculators, limits, search, home, 404.

    Each is reused from the build cache when the site-wide inputs (and, for the glossary
    and the home page, the content they show) are unchanged.
    """
    base = site.config.base_path
    md = make_markdown()

    def cached(output: str, render, *inputs: str) -> Page:
        key = page_key(site_key, output, *inputs) if cache else ""
        page = cache.reuse(output, key) if cache else None
        if page is None:
            page = render()
            page.key = key
        return page

    def glossary() -> Page:
        page = _markdown_page(site, env, md, site.glossary, "glossary/", problems)
        page.html = _render(env, "page.html", page, guide=site.glossary)
        return page

    def calculator_page(calculator) -> Page:
        page = Page(
            output=f"calculators/{calculator.id}/index.html",
            url=f"calculators/{calculator.id}/",
            title=calculator.title,
            description=f"{calculator.question} {calculator.intro}",
            calculators=[calculator.id],
        )
        widget, _ = render_calculator(env, calculator.id, {}, site.limits, base, "calc-1", sync_url=True)
        page.html = _render(env, "calculator.html", page, calculator=calculator, widget=widget)
        return page

    def simple(output: str, url: str, title: str, description: str, template: str, **context):
        def render() -> Page:
            page = Page(output, url, title, description)
            page.html = _render(env, template, page, **context)
            return page
        return render

    pages: list[Page] = []
    if site.glossary is not None:
        pages.append(cached("glossary/index.html", glossary, site.glossary.text))
    for calculator in CALCULATORS.values():
        pages.append(cached(f"calculators/{calculator.id}/index.html", lambda c=calculator: calculator_page(c)))
    pages.append(cached("calculators/index.html", simple(
        "calculators/index.html", "calculators/", "Calculators",
        "Every mega backdoor Roth calculator on this site and the question each one answers.", "calculators.html")))
    pages.append(cached("limits/index.html", simple(
        "limits/index.html", "limits/", "IRS limits by year",
        "401(k), 415(c), catch-up, IRA and Roth IRA phase-out limits for every year, with the IRS source of each.",
        "limits.html", **limits_tables(site.limits))))
    pages.append(cached("search/index.html", simple(
        "search/index.html", "search/", "Search", "Search every guide and calculator on this site.", "search.html")))
    guide_list = [f"{g.slug}:{g.title}:{g.description}" for g in site.guides]
    pages.append(cached("index.html", simple(
        "index.html", "", site.config.title, site.config.description, "index.html"), *guide_list))
    pages.append(cached("404.html", simple(
        "404.html", "404.html", "Page not found", "This page does not exist.", "404.html")))
    pages.append(cached("offline/index.html", simple(
        "offline/index.html", "offline/", "You are offline", "This page is not saved on this device.", "offline.html")))
    return pages


def _markdown_page(site: Site, env, md, source: Source, url: str, problems: list[Problem]) -> Page:
    """Render a guide's Markdown body, collecting directive and limit problems with lines."""
    page = Page(output=url + "index.html", url=url, title=source.title, description=source.description,
                source=source.display)
    counter = iter(range(1, 1000))

    def calculator_block(calculator_id: str, presets: dict[str, str], line: int) -> str:
        if calculator_id not in CALCULATORS:
            problems.append(Problem(source.display, line, f"unknown calculator {calculator_id!r}; expected one of: {', '.join(CALCULATORS)}"))
            return ""
        known = {f.name for f in CALCULATORS[calculator_id].fields}
        for name in presets:
            if name not in known:
                problems.append(Problem(source.display, line, f"calculator {calculator_id}: unknown preset field {name!r}; expected one of: {', '.join(sorted(known))}"))
        html, evaluation = render_calculator(
            env, calculator_id, presets, site.limits, site.config.base_path, f"calc-{next(counter)}", sync_url=False, heading_level=3
        )
        for name, message in evaluation.errors.items():
            if name in presets:
                problems.append(Problem(source.display, line, f"calculator {calculator_id}: preset {name}={presets[name]!r}: {message}"))
        return html

    render_env = RenderEnv(limits=site.limits, render_calculator=calculator_block, line_offset=source.body_line - 1)
    tokens = md.parse(source.body, {"render_env": render_env})
    body = md.renderer.render(tokens, md.options, render_env)
    problems.extend(Problem(source.display, line, message) for line, message in render_env.problems)
    if source.limits_year not in site.limits.years:
        problems.append(Problem(source.display, 1, f"front matter: limits_year: {source.limits_year} is not in the limits file"))
    page.calculators = render_env.calculators
    page.limit_lines = render_env.limit_lines
    page.body_html = body
    page.toc = [
        (tokens[i].attrGet("id"), tokens[i + 1].content)
        for i in range(len(tokens) - 1)
        if tokens[i].type == "heading_open" and tokens[i].tag == "h2" and tokens[i].attrGet("id")
    ]
    return page


def _render(env: jinja2.Environment, template: str, page: Page, **context) -> str:
    """Render a page's template and note the facts the site-wide checks and search need."""
    html = env.get_template(template).render(page=page, **context)
    links, page.ids = links_and_ids(html)
    page.targets = link_targets(env.globals["url"](), page.url, links)
    page.words = prose_words(page.body_html) if page.body_html else ""
    return html


def limits_tables(limits: Limits) -> dict:
    """Rows for the limits page: one row per leaf of the limits file, one column per year, the most
    that can go into one plan, and what changed from the previous year."""
    years = sorted(limits.years)
    rows = [(leaf.label, leaf.statute, leaf.note, [limit_text(leaf, limits.year(y).value(leaf.path)) for y in years])
            for leaf in LEAVES]

    def most(catch_up: str) -> list[str]:
        found = [(y.annual_additions, y.value(catch_up) if catch_up else 0) for y in map(limits.year, years)]
        return [money_text(additions + extra) if extra is not None else "—" for additions, extra in found]

    most_rows = [("Under 50", most("")), ("50 and over", most("catch_up")), ("60 to 63", most("catch_up_60_63"))]
    previous = years[-2] if len(years) >= 2 else years[-1]
    changes = [(label, statute, cells[-2], cells[-1]) for label, statute, _, cells in rows if len(years) >= 2 and cells[-1] != cells[-2]]
    return {"years": years, "rows": rows, "most_rows": most_rows, "changes": changes, "previous_year": previous,
            "sources": [limits.year(y).source for y in years]}


def limit_text(leaf, value) -> str:
    """A limit as the limits page shows it, formatted as every amount on the site is."""
    if value is None:
        return "—"
    if leaf.unit == "range":
        return f"{money_text(value.start)}–{money_text(value.end)}"
    if leaf.unit == "boolean":
        return "yes" if value else "no"
    return money_text(value)
