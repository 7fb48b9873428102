"""Read the limits strictly into Limits: content/limits.yaml for the build and the command line,
and the JSON a build writes for the browser, through one reader that follows LEAVES.

Every value keeps its line, and every problem is collected and reported as
`path:LINE: key.path: what is wrong`: unknown, duplicate and missing keys, wrong types, empty
values, inverted ranges and impossible relations between limits. Nothing is guessed.
"""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal
from pathlib import Path

from .limits import LEAVES, Leaf, Limits, PhaseOut, Source, YearLimits
from .plain_yaml import Mapping, Scalar, YamlError, parse
from .problems import Problem, ProblemsFound, read_text_file

SOURCE_KEYS = ("title", "url", "published")
RANGE_KEYS = ("start", "end")


class LimitsFileError(ProblemsFound):
    """One or more problems in the limits file, each on its own line."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.problems = [str(p) for p in problems]


def read_limits_file(path: Path, display: str | None = None) -> Limits:
    """Parse and check the limits file (YAML, or a build's JSON); raise LimitsFileError listing
    every problem."""
    display = display or _display_path(path)
    try:
        text = read_text_file(path, display)
    except ProblemsFound as found:
        raise LimitsFileError(found.problems) from None
    return (
        limits_from_json(text, display)
        if path.suffix == ".json"
        else limits_from_yaml(text, display)
    )


def limits_from_yaml(text: str, display: str) -> Limits:
    try:
        root = parse(text)
    except YamlError as error:
        raise LimitsFileError([Problem(display, error.line, str(error))]) from None
    if root is None:
        raise LimitsFileError(
            [Problem(display, 1, "the limits file is empty; expected one block per tax year")]
        )
    return _read(root, display)


def limits_from_json(text: str, display: str = "limits.json") -> Limits:
    """The JSON a build writes (assets/limits-*.json), checked as strictly as the YAML."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise LimitsFileError([Problem(display, 1, f"not valid JSON: {error}")]) from None
    if not isinstance(data, dict) or not isinstance(data.get("years"), dict):
        raise LimitsFileError(
            [Problem(display, 1, 'not the limits JSON a build writes: expected {"years": {...}}')]
        )
    return _read(_as_nodes(data["years"]), display)


def _as_nodes(value: object) -> Scalar | Mapping:
    """JSON values as the YAML reader's nodes (every line is 1)."""
    if isinstance(value, dict):
        return Mapping(1, [(Scalar(str(k), False, 1), _as_nodes(v)) for k, v in value.items()])
    if isinstance(value, bool):
        return Scalar("true" if value else "false", False, 1)
    return Scalar("" if value is None else str(value), isinstance(value, str), 1)


def _read(root: Mapping, display: str) -> Limits:
    reader = _Reader(display)
    years: dict[int, YearLimits] = {}
    seen: dict[str, int] = {}
    for key, block in root.items:
        if not re.fullmatch(r"(19|20|21)\d\d", key.text):
            reader.problem(key, key.text, f"expected a tax year like 2026, got '{key.text}'")
        elif key.text in seen:
            reader.problem(key, key.text, f"duplicate year (first given on line {seen[key.text]})")
        else:
            seen[key.text] = key.line
            year = _read_year(reader, int(key.text), key, block)
            if year is not None:
                years[year.year] = year
    if not seen and not reader.problems:
        reader.problem(root, "(top level)", "no tax years found")
    if reader.problems:
        raise LimitsFileError(reader.problems)
    return Limits(years=dict(sorted(years.items())))


class _Reader:
    """Collects problems with their lines."""

    def __init__(self, display: str):
        self.display = display
        self.problems: list[Problem] = []

    def problem(self, node: Scalar | Mapping, where: str, message: str) -> None:
        self.problems.append(Problem(self.display, node.line, message, field=where))

    def mapping(
        self, node, where: str, allowed: tuple[str, ...], owner
    ) -> dict[str, tuple[Scalar, Scalar | Mapping]]:
        """{key: (key node, value node)}; reports a non-mapping, unknown and duplicate keys."""
        if not isinstance(node, Mapping):
            self.problem(
                owner, where, f"expected a mapping of {', '.join(allowed)}, got {_describe(node)}"
            )
            return {}
        found: dict[str, tuple[Scalar, Scalar | Mapping]] = {}
        for key, value in node.items:
            inner = f"{where}.{key.text}"
            if key.text in found:
                self.problem(
                    key, inner, f"duplicate key (first given on line {found[key.text][0].line})"
                )
            elif key.text not in allowed:
                self.problem(
                    key,
                    inner,
                    f"unknown key; expected one of [{', '.join(allowed)}], got '{key.text}'",
                )
            else:
                found[key.text] = (key, value)
        return found

    def amount(self, node, where: str, allow_zero: bool = False) -> Decimal | None:
        """A whole-dollar amount: a plain integer, positive (or zero where allowed)."""
        if isinstance(node, Scalar) and not node.quoted and node.text in ("", "~", "null"):
            self.problem(node, where, "missing value; expected a whole-dollar amount")
            return None
        if (
            not isinstance(node, Scalar)
            or node.quoted
            or not re.fullmatch(r"[-+]?[0-9]+", node.text)
        ):
            self.problem(node, where, f"expected an integer, got {_describe(node)}")
            return None
        value = int(node.text)
        if value < 0 or (value == 0 and not allow_zero):
            self.problem(node, where, f"expected a positive amount, got {value}")
            return None
        return Decimal(value)

    def boolean(self, node, where: str) -> bool | None:
        if isinstance(node, Scalar) and not node.quoted and node.text in ("true", "false"):
            return node.text == "true"
        self.problem(node, where, f"expected true or false, got {_describe(node)}")
        return None

    def text(self, node, where: str) -> str | None:
        if not isinstance(node, Scalar) or not node.text.strip():
            self.problem(node, where, "missing value; expected text")
            return None
        return node.text.strip()


def _read_year(reader: _Reader, year: int, owner: Scalar, block) -> YearLimits | None:
    before = len(reader.problems)
    if not isinstance(block, Mapping):
        reader.mapping(block, str(year), ("source", *_names("")), owner)
        return None
    values: dict[str, object] = {}
    found = _read_group(reader, block, str(year), "", owner, values)
    source = _read_source(reader, str(year), owner, found)
    _check_relations(reader, year, found, values)
    if len(reader.problems) > before or source is None:
        return None
    return YearLimits(year=year, source=source, values=values)


def _names(prefix: str) -> tuple[str, ...]:
    """The keys a block at prefix ("" for the year, "roth_catch_up." for a group) may hold, in
    LEAVES' order."""
    return tuple(
        dict.fromkeys(
            leaf.path[len(prefix) :].split(".")[0]
            for leaf in LEAVES
            if leaf.path.startswith(prefix)
        )
    )


def _read_group(
    reader: _Reader, node: Mapping, where: str, prefix: str, owner, values: dict
) -> dict:
    """Read the leaves under prefix from node into values; returns the block's keys as found."""
    found = reader.mapping(
        node, where, ("source", *_names(prefix)) if not prefix else _names(prefix), owner
    )
    if not isinstance(node, Mapping):
        return found  # reported once, not once per leaf inside it
    for name in _names(prefix):
        path, inner = prefix + name, f"{where}.{name}"
        leaf = next((each for each in LEAVES if each.path == path), None)
        members = [each for each in LEAVES if each.path == path or each.path.startswith(path + ".")]
        if name not in found:
            # An optional limit (or group) may be left out of a year, but a group given is given
            # whole.
            if prefix or not all(member.optional for member in members):
                reader.problem(owner, inner, "missing")
            continue
        key, child = found[name]
        if leaf is not None:
            value = _read_leaf(reader, leaf, child, inner)
            if value is not None:
                values[path] = value
        else:
            _read_group(reader, child, inner, path + ".", key, values)
    return found


def _read_leaf(reader: _Reader, leaf: Leaf, node, where: str) -> object:
    if leaf.unit == "dollars":
        return reader.amount(node, where)
    if leaf.unit == "boolean":
        return reader.boolean(node, where)
    bounds = reader.mapping(node, where, RANGE_KEYS, node)
    start = (
        reader.amount(bounds["start"][1], f"{where}.start", allow_zero=True)
        if "start" in bounds
        else None
    )
    end = reader.amount(bounds["end"][1], f"{where}.end") if "end" in bounds else None
    for key in RANGE_KEYS:
        if isinstance(node, Mapping) and key not in bounds:
            reader.problem(node, f"{where}.{key}", "missing")
    if start is None or end is None:
        return None
    if start >= end:
        reader.problem(node, where, f"inverted range: start {start} is not below end {end}")
        return None
    return PhaseOut(start, end)


def _read_source(reader: _Reader, year: str, owner, found: dict) -> Source | None:
    if "source" not in found:
        reader.problem(owner, f"{year}.source", "missing")
        return None
    key, node = found["source"]
    fields = reader.mapping(node, f"{year}.source", SOURCE_KEYS, key)
    values = {}
    for name in SOURCE_KEYS:
        where = f"{year}.source.{name}"
        if name not in fields:
            if isinstance(node, Mapping):
                reader.problem(key, where, "missing")
            continue
        values[name] = reader.text(fields[name][1], where)
    url, published = values.get("url"), values.get("published")
    if url is not None and not url.startswith("https://"):
        reader.problem(
            fields["url"][1], f"{year}.source.url", f"expected an https:// address, got '{url}'"
        )
        values["url"] = None
    if published is not None:
        try:
            values["published"] = datetime.date.fromisoformat(published).isoformat()
        except ValueError:
            reader.problem(
                fields["published"][1],
                f"{year}.source.published",
                f"expected a date like 2025-11-13, got '{published}'",
            )
            values["published"] = None
    if any(values.get(name) is None for name in SOURCE_KEYS):
        return None
    return Source(**values)


def _check_relations(reader: _Reader, year: int, found: dict, values: dict) -> None:
    """Catch typos that are valid numbers but impossible limits."""

    def node(key: str):
        return found[key][1]

    deferral, additions = values.get("elective_deferral"), values.get("annual_additions")
    for key in ("catch_up", "catch_up_60_63"):
        if values.get(key) is not None and deferral is not None and values[key] >= deferral:
            reader.problem(
                node(key),
                f"{year}.{key}",
                f"a catch-up of {values[key]} is not below the elective deferral limit {deferral}",
            )
    if deferral is not None and additions is not None and deferral >= additions:
        reader.problem(
            node("elective_deferral"),
            f"{year}.elective_deferral",
            f"{deferral} is not below the annual additions limit {additions}",
        )
    if (
        values.get("ira_catch_up") is not None
        and values.get("ira_limit") is not None
        and values["ira_catch_up"] >= values["ira_limit"]
    ):
        reader.problem(
            node("ira_catch_up"),
            f"{year}.ira_catch_up",
            f"{values['ira_catch_up']} is not below the IRA limit {values['ira_limit']}",
        )
    if (
        values.get("catch_up_60_63") is not None
        and values.get("catch_up") is not None
        and values["catch_up_60_63"] < values["catch_up"]
    ):
        reader.problem(
            node("catch_up_60_63"),
            f"{year}.catch_up_60_63",
            f"{values['catch_up_60_63']} is below the age-50 catch-up {values['catch_up']}",
        )


def _describe(node) -> str:
    if isinstance(node, Mapping):
        return "a mapping"
    return "nothing" if node.text == "" and not node.quoted else f"'{node.text}'"


def _display_path(path: Path) -> str:
    """The path as a maintainer typed it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
