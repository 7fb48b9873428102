"""Guide pages: reused from the build cache when unchanged; otherwise rendered, in worker
processes when there are many (Markdown parsing is the slow part of a big build)."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import jinja2

from .build_cache import BuildCache, page_key
from .markdown import make_markdown
from .pages import render_guide
from .site import Page, Site
from .problems import Problem

PARALLEL_FROM = 64  # below this many guides to render, starting workers costs more than it saves

_forked: tuple[Site, jinja2.Environment] | None = None  # set just before forking the workers


def guide_pages(site: Site, env: jinja2.Environment, problems: list[Problem],
                cache: BuildCache | None, site_key: str) -> list[Page]:
    """Every guide page in reading order; problems are appended, not raised."""
    keys = []
    for index, guide in enumerate(site.guides):
        neighbours = [site.guides[i] for i in (index - 1, index + 1) if 0 <= i < len(site.guides)]
        keys.append(page_key(site_key, guide.text, guide.display,
                             str(index), *(f"{g.slug}:{g.title}" for g in neighbours)) if cache else "")
    pages: list[Page | None] = [
        cache.reuse(f"guides/{guide.slug}/index.html", key) if cache else None
        for guide, key in zip(site.guides, keys)
    ]
    todo = [index for index, page in enumerate(pages) if page is None]
    for index, page, page_problems in _render(site, env, todo):
        page.key = keys[index]
        pages[index] = page
        problems.extend(page_problems)
    return pages  # type: ignore[return-value] - every slot is filled above


def _render(site: Site, env: jinja2.Environment, todo: list[int]):
    workers = min(os.cpu_count() or 1, 8)
    if len(todo) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return _render_indices(todo, site, env)
    global _forked
    _forked = (site, env)  # inherited by the forked workers: nothing big is pickled on the way in
    chunks = [todo[i::workers] for i in range(workers)]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return [item for chunk in pool.map(_render_in_worker, chunks) for item in chunk]
    finally:
        _forked = None


def _render_in_worker(indices: list[int]):
    site, env = _forked
    return _render_indices(indices, site, env)


def _render_indices(indices: list[int], site: Site, env: jinja2.Environment):
    md = make_markdown()
    results = []
    for index in indices:
        page_problems: list[Problem] = []
        results.append((index, render_guide(site, env, md, index, page_problems), page_problems))
    return results
