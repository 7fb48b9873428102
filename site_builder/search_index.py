"""A small search index of every guide and calculator, built once, searched in the browser."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser


class _Text(HTMLParser):
    """The words of a page's prose; calculator forms are left out (their labels are not content)."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag == "form" or self._skip:
            self._skip += 1 if tag in ("form", "div", "fieldset", "dl", "details", "table", "ul", "ol", "p") else 0

    def handle_endtag(self, tag):
        if self._skip and tag in ("form", "div", "fieldset", "dl", "details", "table", "ul", "ol", "p"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _words(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    words = re.findall(r"[a-z0-9][a-z0-9()'$,.%-]*[a-z0-9)%]|[a-z0-9]", " ".join(parser.parts).lower())
    return " ".join(dict.fromkeys(words))  # unique, in order of first use


def search_index(pages: list) -> str:
    """JSON list of {title, url, description, words} for guides, the glossary and calculators."""
    entries = []
    for page in pages:
        if page.url.startswith(("guides/", "glossary/")):
            text = page.body_html
        elif page.url.startswith("calculators/") and page.url != "calculators/":
            text = f"<p>{page.description}</p>"
        else:
            continue
        entries.append({"title": page.title, "url": page.url, "description": page.description, "words": _words(text)})
    return json.dumps(entries, separators=(",", ":"), ensure_ascii=False)
