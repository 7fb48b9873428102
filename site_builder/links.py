"""Strict link check: every internal link and #anchor of the rendered site resolves."""

from __future__ import annotations

import posixpath
import re
from html import unescape
from urllib.parse import unquote

from .problems import Problem

# Our HTML comes from Jinja and markdown-it, which always double-quote attributes.
_ID = re.compile(r'\sid="([^"]+)"')
_HREF = re.compile(r'<(?:a|link)\s[^>]*?\bhref="([^"]*)"')


def links_and_ids(html: str) -> tuple[list[str], list[str]]:
    """Every <a>/<link> href and every element id of a page."""
    return [unescape(h) for h in _HREF.findall(html)], [unescape(i) for i in _ID.findall(html)]


def link_targets(base_path: str, page_url: str, links: list[str]) -> list[list[str]]:
    """[link, output file, fragment] for each link to this site ("" output: it leaves the base
    path).

    Resolved once when a page is rendered (and kept in the build cache with it), so the
    site-wide check is only set lookups.
    """
    targets = []
    for link in links:
        target = resolve(base_path + page_url, link)
        if target is None:
            continue  # another site: not ours to check offline
        path, fragment = target
        if not path.startswith(base_path):
            targets.append([link, "", fragment])
            continue
        relative = path[len(base_path) :]
        output = relative + "index.html" if relative == "" or relative.endswith("/") else relative
        targets.append([link, output, fragment])
    return targets


def check_links(
    pages: list, asset_paths: set[str], base_path: str, sources: dict[str, str]
) -> list[Problem]:
    """Problems for links to missing pages, files or anchors; sources maps a content file to its
    text."""
    ids = {page.output: set(page.ids) for page in pages}
    outputs = set(ids) | asset_paths
    problems = []
    for page in pages:
        for link, output, fragment in page.targets:
            shown = base_path + (
                output[: -len("index.html")] if output.endswith("index.html") else output
            )
            if not output:
                problems.append(
                    _problem(
                        page,
                        sources,
                        link,
                        f"link {link!r} leaves the site's base path {base_path}",
                    )
                )
            elif output not in outputs and output + "/index.html" not in outputs:
                problems.append(
                    _problem(
                        page, sources, link, f"broken link {link!r}: no page or file at {shown}"
                    )
                )
            elif fragment and output in ids and fragment not in ids[output]:
                problems.append(
                    _problem(
                        page,
                        sources,
                        link,
                        f"broken anchor {link!r}: {shown} has no id {fragment!r}",
                    )
                )
    return problems


def resolve(page_path: str, link: str) -> tuple[str, str] | None:
    """(absolute path, fragment) of a link on the page at page_path; None for another site."""
    if ":" in link.split("/")[0] or link.startswith("//"):
        return None  # https:, mailto:, data: ... or a protocol-relative URL
    link, _, fragment = link.partition("#")
    link = link.partition("?")[0]
    if not link:
        return page_path, fragment
    joined = link if link.startswith("/") else posixpath.dirname(page_path) + "/" + link
    path = posixpath.normpath(unquote(joined))
    if link.endswith("/") or link.endswith("/.") or link.endswith("/..") or link in (".", ".."):
        path = path.rstrip("/") + "/"
    return path, fragment


def _problem(page, sources: dict[str, str], link: str, message: str) -> Problem:
    """Name the content file and the line the link was written on, when it came from Markdown."""
    source = page.source or f"templates (page {page.url or 'index'})"
    line = 1
    for number, line_text in enumerate(sources.get(page.source, "").split("\n"), start=1):
        if f"]({link}" in line_text or link in line_text:
            line = number
            break
    return Problem(source, line, message)
