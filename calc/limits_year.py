"""Read one tax year's block of the limits file: its limits, their source and their relations.

Every leaf follows LEAVES; every problem is collected with its line by a ProblemReader, nothing is
guessed, so the file's reader can report all of them at once.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from .limits import LEAVES, Leaf, PhaseOut, Source, YearLimits
from .plain_yaml import Mapping, Scalar
from .problems import Problem

SOURCE_KEYS = ("title", "url", "published")
RANGE_KEYS = ("start", "end")


class ProblemReader:
    """Collects problems with their lines, and reads the typed values of one block."""

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


def read_year(reader: ProblemReader, year: int, owner: Scalar, block) -> YearLimits | None:
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
    reader: ProblemReader, node: Mapping, where: str, prefix: str, owner, values: dict
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


def _read_leaf(reader: ProblemReader, leaf: Leaf, node, where: str) -> object:
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


def _read_source(reader: ProblemReader, year: str, owner, found: dict) -> Source | None:
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


def _check_relations(reader: ProblemReader, year: int, found: dict, values: dict) -> None:
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
