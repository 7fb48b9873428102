"""Strict link check: every internal link and #anchor of the rendered site resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from .problems import Problem


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if tag in ("a", "link") and name == "href" and value:
                self.links.append(value)


def check_links(pages: list, asset_paths: set[str], base_path: str, sources: dict[str, str]) -> list[Problem]:
    """Problems for links to missing pages, files or anchors; sources maps a page URL to its file text."""
    parsed = {}
    for page in pages:
        collector = _Collector()
        collector.feed(page.html)
        parsed[page.output] = collector
    outputs = set(parsed) | asset_paths
    problems = []
    for page in pages:
        page_url = "http://site" + base_path + page.url
        for link in parsed[page.output].links:
            target = urljoin(page_url, link)
            parts = urlsplit(target)
            if parts.netloc != "site" or parts.scheme != "http":
                continue  # another site: not ours to check offline
            path = unquote(parts.path)
            if not path.startswith(base_path):
                problems.append(_problem(page, sources, link, f"link {link!r} leaves the site's base path {base_path}"))
                continue
            relative = path[len(base_path):]
            output = relative + "index.html" if relative == "" or relative.endswith("/") else relative
            if output not in outputs:
                if output + "/index.html" in outputs:
                    continue
                problems.append(_problem(page, sources, link, f"broken link {link!r}: no page or file at {base_path}{relative}"))
                continue
            if parts.fragment and output in parsed and parts.fragment not in parsed[output].ids:
                problems.append(_problem(page, sources, link, f"broken anchor {link!r}: {base_path}{relative} has no id {parts.fragment!r}"))
    return problems


def _problem(page, sources: dict[str, str], link: str, message: str) -> Problem:
    """Name the content file and the line the link was written on, when it came from Markdown."""
    source = page.source or f"templates (page {page.url or 'index'})"
    text = sources.get(page.url, "")
    line = 1
    for number, line_text in enumerate(text.split("\n"), start=1):
        if link in line_text or f"]({link}" in line_text:
            line = number
            break
    return Problem(source, line, message)


def asset_outputs(files) -> set[str]:
    return {str(PurePosixPath(path)) for path in files}
