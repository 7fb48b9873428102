"""A small search index of every guide and calculator, built once, searched in the browser."""

from __future__ import annotations

import json
import re
from html import unescape

EMBEDDED_FORMS = re.compile(r"<form\b.*?</form>", re.S)  # embedded calculators: not the prose
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[a-z0-9][a-z0-9()'$,.%-]*[a-z0-9)%]|[a-z0-9]")


def prose_words(html: str) -> str:
    """The unique words of a page's prose, in order of first use."""
    text = unescape(_TAG.sub(" ", EMBEDDED_FORMS.sub(" ", html))).lower()
    return " ".join(dict.fromkeys(_WORD.findall(text)))


def search_index(pages: list) -> str:
    """JSON list of {title, url, description, words} for every searchable page (page_kinds.py)."""
    entries = [
        {"title": page.title, "url": page.url, "description": page.description, "words": page.words}
        for page in pages
        if page.searchable
    ]
    return json.dumps(entries, separators=(",", ":"), ensure_ascii=False)
