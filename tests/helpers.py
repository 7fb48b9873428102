"""Small helpers shared by the build and browser tests."""

from __future__ import annotations

import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

from calc.limits_file import read_limits_file

ROOT = Path(__file__).resolve().parent.parent
# The project's limits file: tests that mean "the newest year" or "every limit" read it here,
# never a literal year (a new year is added every November).
LIMITS = read_limits_file(ROOT / "content" / "limits.yaml")


def default_room(employer: int = 10000) -> str:
    """after-tax-room's after_tax_room for its default inputs, which use the newest year (as a page
    prerenders them): 415(c) − 402(g) (the default deferrals) − employer money; in 2026
    72,000 − 24,500 − 10,000 = 37,500 (Notice 2025-67)."""
    newest = LIMITS.newest
    return f"{newest.annual_additions - newest.elective_deferral - employer}.00"


# The project's own site is built once per session (conftest.real_site) under this base path and
# URL:
# a sub-path, as on GitHub Pages for a project.
BASE = "/mbr/"
SITE_URL = "https://example.org"


class _Outputs(HTMLParser):
    """Collects, per calculator form, each data-output's data-value."""

    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "data-calculator" in attrs:
            self.forms.append((attrs["data-calculator"], {}))
        if "data-output" in attrs and self.forms:
            self.forms[-1][1][attrs["data-output"]] = attrs.get("data-value", "")


def prerendered_outputs(html: str) -> list[tuple[str, dict[str, str]]]:
    """[(calculator id, {output: data-value})] for each calculator form in a page."""
    parser = _Outputs()
    parser.feed(html)
    return parser.forms


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.refs.append((tag, name, value))
            if name == "id" and value:
                self.ids.add(value)
            if (
                name
                in (
                    "data-worker",
                    "data-pyodide",
                    "data-python-stdlib",
                    "data-calc-archive",
                    "data-limits",
                )
                and value
            ):
                self.refs.append((tag, name, value))


def page_links(html: str) -> tuple[list[tuple[str, str, str]], set[str]]:
    """Every href/src (and runtime asset URL) of a page, and its element ids."""
    parser = _Links()
    parser.feed(html)
    return parser.refs, parser.ids


def make_site_root(tmp: Path) -> Path:
    """A copy of the project's content beside links to its code, for builds with edited content."""
    root = tmp / "project"
    root.mkdir()
    shutil.copytree(ROOT / "content", root / "content")
    for name in ("calc", "templates", "node_modules"):
        os.symlink(ROOT / name, root / name)
    return root


def as_on_the_page(calculator, cli_outputs: dict) -> dict[str, str]:
    """The command line's outputs as the page's data-values: a list output and the calendar file
    are given on the page as their counts (of items, of events)."""
    kinds = {output.name: output.kind for output in calculator.outputs}
    return {
        name: str(len(value))
        if isinstance(value, list)
        else str(value.count("BEGIN:VEVENT"))
        if kinds[name] == "calendar" and value
        else value
        for name, value in cli_outputs.items()
    }
