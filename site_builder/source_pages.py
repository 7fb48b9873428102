"""The Markdown pages of every collection (guides, the glossary): reused from the build cache when
unchanged; otherwise rendered, in worker processes when there are many (Markdown parsing is the
slow part of a big build)."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import jinja2

from .build_cache import BuildCache, page_key
from .markdown import make_markdown
from .page_kinds import COLLECTIONS
from .pages import render_source
from .problems import Problem
from .site import Page, Site

PARALLEL_FROM = 64  # below this many pages to render, starting workers costs more than it saves

_forked: tuple[Site, jinja2.Environment] | None = None  # set just before forking the workers


def source_pages(
    site: Site,
    env: jinja2.Environment,
    problems: list[Problem],
    cache: BuildCache | None,
    site_key: str,
) -> list[Page]:
    """Every Markdown page, collection by collection in order; problems are appended, not raised."""
    jobs = [
        (kind, index)
        for kind, collection in enumerate(COLLECTIONS)
        for index in range(len(site.sources[collection.name]))
    ]
    keys = [_key(site, COLLECTIONS[kind], index, site_key) if cache else "" for kind, index in jobs]
    pages: list[Page | None] = [
        cache.reuse(site.sources[COLLECTIONS[kind].name][index].url + "index.html", key)
        if cache
        else None
        for (kind, index), key in zip(jobs, keys)
    ]
    todo = [number for number, page in enumerate(pages) if page is None]
    for number, page, page_problems in _render(
        site, env, [(number, *jobs[number]) for number in todo]
    ):
        page.key = keys[number]
        pages[number] = page
        problems.extend(page_problems)
    return pages  # type: ignore[return-value] - every slot is filled above


def _key(site: Site, collection, index: int, site_key: str) -> str:
    """A page's cache key: its file, its place, and the neighbours it links to."""
    sources = site.sources[collection.name]
    source = sources[index]
    neighbours = [
        sources[i] for i in (index - 1, index + 1) if collection.ordered and 0 <= i < len(sources)
    ]
    return page_key(
        site_key,
        source.text,
        source.display,
        str(index),
        *(f"{n.slug}:{n.title}" for n in neighbours),
    )


def _render(site: Site, env: jinja2.Environment, todo: list[tuple[int, int, int]]):
    workers = min(os.cpu_count() or 1, 8)
    if (
        len(todo) < PARALLEL_FROM
        or workers < 2
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return _render_jobs(todo, site, env)
    global _forked
    _forked = (site, env)  # inherited by the forked workers: nothing big is pickled on the way in
    chunks = [todo[i::workers] for i in range(workers)]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return [item for chunk in pool.map(_render_in_worker, chunks) for item in chunk]
    finally:
        _forked = None


def _render_in_worker(jobs: list[tuple[int, int, int]]):
    site, env = _forked
    return _render_jobs(jobs, site, env)


def _render_jobs(jobs: list[tuple[int, int, int]], site: Site, env: jinja2.Environment):
    """(number, collection, index) jobs rendered in this process: (number, page, problems) each."""
    md = make_markdown()
    results = []
    for number, kind, index in jobs:
        page_problems: list[Problem] = []
        results.append(
            (
                number,
                render_source(site, env, md, COLLECTIONS[kind], index, page_problems),
                page_problems,
            )
        )
    return results
