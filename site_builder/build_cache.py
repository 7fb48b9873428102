"""Incremental builds: a guide page whose inputs are unchanged is reused from the last build.

A page's key hashes everything its HTML depends on: the site-wide inputs (templates,
static files, calc/, the limits file, the site config, base path, asset names) and
its own Markdown plus its neighbours in the reading order. An unchanged key means the
old file is hard-linked into the new output instead of rendered again; the facts the
site-wide checks need (links, ids, search words) come from the cache file beside dist/.
A limits change changes the site key, so every page that could quote a limit is redone.
The cache also lists every file the last build wrote, so the next one can update dist/ in
place (see write.py) and delete what it no longer builds.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import calc

from .site import Page

CACHE_VERSION = 7
_PAGE_FIELDS = (
    "output",
    "url",
    "title",
    "description",
    "source",
    "calculators",
    "linked_calculators",
    "targets",
    "ids",
    "words",
    "searchable",
)


def _digest(*parts: str | bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else part.encode())
        hasher.update(b"\0")
    return hasher.hexdigest()


# The code that renders pages, wherever it is imported from (a test's copy of the content may
# build with the project's own code).
CODE = (Path(calc.__file__).parent, Path(__file__).parent)


def site_key(root: Path, settings: str) -> str:
    """Hash of every site-wide input, by content: the template data (settings), the templates,
    the code that renders pages, the limits and the site config. Only bytes and names go in, so
    the same inputs give the same key in every process (the next `make build` reuses pages)."""
    files = [
        *sorted((root / "templates").rglob("*")),
        *(p for folder in CODE for p in sorted(folder.glob("*.py"))),
        root / "content" / "limits.yaml",
        root / "content" / "site.yaml",
    ]
    return _digest(
        str(CACHE_VERSION),
        settings,
        *(
            f"{p.relative_to(p.parent.parent)}:{hashlib.sha256(p.read_bytes()).hexdigest()}"
            for p in files
            if p.is_file()
        ),
    )


def page_key(site_key_value: str, *inputs: str) -> str:
    return _digest(site_key_value, *inputs)


class BuildCache:
    """The keys and check facts of the last build's pages, read from and written beside out."""

    def __init__(self, out: Path):
        self.out = out
        self.path = out.parent / f".{out.name}.build-cache.json"
        self.entries: dict[str, dict] = {}
        self.files: set[str] | None = (
            None  # None: no trustworthy record, so write a whole new folder
        )
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") == CACHE_VERSION:
                self.entries, self.files = data["pages"], set(data["files"])
        except (OSError, ValueError, KeyError, TypeError):
            self.entries, self.files = {}, None

    def reuse(self, output: str, key: str):
        """The cached Page for output when its key is unchanged and the old file exists, else
        None."""
        entry = self.entries.get(output)
        old_file = self.out / output
        if not entry or entry["key"] != key or not old_file.is_file():
            return None
        page = Page(**{name: entry["page"][name] for name in _PAGE_FIELDS})
        page.key = key
        page.reused_from = old_file
        return page

    def save(self, pages: list, files: list[str]) -> None:
        entries = {
            page.output: {
                "key": page.key,
                "page": {name: getattr(page, name) for name in _PAGE_FIELDS},
            }
            for page in pages
            if page.key
        }
        self.path.write_text(
            json.dumps({"version": CACHE_VERSION, "pages": entries, "files": sorted(files)}),
            encoding="utf-8",
        )
