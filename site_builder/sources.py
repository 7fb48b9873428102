"""Read a Markdown page (a guide, the glossary): YAML front matter checked key by key, then the
body."""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from calc.problems import ProblemsFound, read_text_file

from .page_kinds import Collection
from .problems import Problem

_LOADER = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)  # libyaml when present: same nodes, ten times faster
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Source:
    """A Markdown file split into checked front matter and body."""

    path: Path
    display: str  # path as shown in messages, e.g. content/guides/how-much-fits.md
    slug: str
    title: str
    description: str
    order: int | None
    last_reviewed: datetime.date
    limits_year: int
    body: str
    body_line: int  # 1-based line of the body's first line in the file
    text: str  # the whole file, for the build cache's keys
    url: str = ""  # its page's URL under the base path, set by its collection


def read_collection(content: Path, collection: Collection, problems: list[Problem]) -> list[Source]:
    """Every file of a collection, checked, in its order (the reading order when it is ordered)."""
    found = []
    for path in _matching(content, collection.files):
        source = read_markdown_source(
            path,
            f"content/{path.relative_to(content).as_posix()}",
            collection.keys,
            problems,
            content,
        )
        if source is not None:
            found.append(replace(source, url=collection.url.format(slug=source.slug)))
    if collection.ordered:
        users: dict[int, str] = {}
        for source in found:
            if source.order in users:
                problems.append(
                    Problem(
                        source.display,
                        1,
                        f"front matter: order: {source.order} is also used by "
                        f"{users[source.order]}",
                    )
                )
            users[source.order] = source.display
        found.sort(key=lambda source: source.order)
    return found


def _matching(content: Path, pattern: str) -> list[Path]:
    """The files a pattern names, a symlink included even when broken (read_text_file then says
    why)."""
    if not any(sign in pattern for sign in "*?["):
        path = content / pattern
        return [path] if path.exists() or path.is_symlink() else []
    return sorted(content.glob(pattern))


def read_markdown_source(
    path: Path,
    display: str,
    keys: tuple[str, ...],
    problems: list[Problem],
    content: Path | None = None,
) -> Source | None:
    """Parse one Markdown file with front matter; append problems and return None when it is bad."""
    try:
        text = read_text_file(path, display, inside=content)
    except ProblemsFound as found:
        problems.extend(found.problems)
        return None
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.append(
            Problem(display, 1, "expected front matter: a first line '---', YAML keys, then '---'")
        )
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        problems.append(Problem(display, 1, "front matter is not closed by a '---' line"))
        return None
    before = len(problems)
    pairs, found = _front_matter("\n".join(lines[1:end]), keys)
    problems.extend(Problem(display, line, message) for line, message in found)
    values = dict(pairs)
    slug = path.stem
    if not _SLUG.fullmatch(slug):
        problems.append(
            Problem(display, 1, f"file name {path.name!r}: use lowercase words joined by hyphens")
        )
    if len(problems) > before:
        return None
    return Source(
        path=path,
        display=display,
        slug=slug,
        title=values["title"],
        description=values["description"],
        order=values.get("order"),
        last_reviewed=values["last_reviewed"],
        limits_year=values["limits_year"],
        body="\n".join(lines[end + 1 :]),
        body_line=end + 2,
        text=text,
    )


@functools.lru_cache(maxsize=4096)
def _front_matter(
    front: str, keys: tuple[str, ...]
) -> tuple[tuple[tuple[str, object], ...], tuple[tuple[int, str], ...]]:
    """The checked (key, value) pairs of a front-matter block and its problems as (line, message).

    Memoized: the preview server rebuilds after every save and re-reads every unchanged guide.
    """
    try:
        root = yaml.compose(front, Loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return (), (
            ((mark.line + 2) if mark else 1, f"front matter: {getattr(error, 'problem', error)}"),
        )
    if not isinstance(root, yaml.MappingNode):
        return (), ((2, f"front matter: expected the keys {', '.join(keys)}"),)
    problems: list[tuple[int, str]] = []
    values: dict[str, object] = {}
    for key_node, value_node in root.value:
        key, line = key_node.value, key_node.start_mark.line + 2
        if key not in keys:
            problems.append(
                (line, f"front matter: {key}: unknown key; expected one of [{', '.join(keys)}]")
            )
            continue
        if key in values:
            problems.append((line, f"front matter: {key}: duplicate key"))
            continue
        value = _front_matter_value(key, value_node)
        if isinstance(value, WrongValue):
            problems.append((line, f"front matter: {key}: {value.message}"))
        else:
            values[key] = value
    for key in keys:
        if key not in values and not any(f": {key}:" in message for _, message in problems):
            problems.append((1, f"front matter: {key}: missing"))
    return tuple(values.items()), tuple(problems)


@dataclass(frozen=True)
class WrongValue:
    """A front-matter value that cannot be used, and why (a title may start with "!")."""

    message: str


def _front_matter_value(key: str, node: yaml.Node) -> object:
    """The checked value of one key, or a WrongValue."""
    text = (
        node.value.strip()
        if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str)
        else None
    )
    if not text:
        return WrongValue("expected a value")
    if key in ("title", "description"):
        return text
    if key in ("order", "limits_year"):
        if not re.fullmatch(r"[0-9]{1,6}", text):
            return WrongValue(f"expected a whole number, got '{text}'")
        return int(text)
    if key == "last_reviewed":
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            return WrongValue(f"expected a date like 2026-11-23, got '{text}'")
    return text
