"""Read content/limits.yaml strictly into calc.limits dataclasses.

The file is composed into YAML nodes (not loaded into dicts) so that every
value keeps its line number and duplicate keys can be seen. Every problem is
collected and reported as `path:LINE: key.path: what is wrong`; nothing is
guessed, and no traceback reaches the maintainer.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path

import yaml

from calc.problems import ProblemsFound, read_text_file
from calc.limits import LIMIT_INFO, PHASE_OUT_STATUSES, Limits, PhaseOut, RothCatchUp, Source, YearLimits

INT_TAG = "tag:yaml.org,2002:int"
STR_TAG = "tag:yaml.org,2002:str"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"

SOURCE_KEYS = ("title", "url", "published")
ROTH_CATCH_UP_KEYS = ("wage_threshold", "required")
RANGE_KEYS = ("start", "end")


class LimitsFileError(Exception):
    """One or more problems in the limits file, each on its own line."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


class _Reader:
    """Walks the composed YAML, collecting problems with their line numbers."""

    def __init__(self, path: Path, display: str):
        self.path = path
        self.display = display
        self.problems: list[str] = []

    def problem(self, node: yaml.Node, key_path: str, message: str) -> None:
        line = node.start_mark.line + 1
        self.problems.append(f"{self.display}:{line}: {key_path}: {message}")

    def mapping(self, node: yaml.Node, key_path: str, allowed: tuple[str, ...], required: tuple[str, ...],
                owner: yaml.Node | None = None) -> dict:
        """Return {key: (key_node, value_node)}; reports non-mappings, unknown, duplicate and missing keys.

        owner is the key the mapping belongs to: missing keys are reported on its line.
        """
        owner = owner or node
        if not isinstance(node, yaml.MappingNode):
            self.problem(owner, key_path, f"expected a mapping of {', '.join(allowed)}, got {_describe(node)}")
            return {}
        found: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            where = f"{key_path}.{key}" if key_path else key
            if key in found:
                first = found[key][0].start_mark.line + 1
                self.problem(key_node, where, f"duplicate key (first given on line {first})")
                continue
            if key not in allowed:
                self.problem(key_node, where, f"unknown key; expected one of [{', '.join(allowed)}], got '{key}'")
                continue
            found[key] = (key_node, value_node)
        for key in required:
            if key not in found:
                self.problem(owner, f"{key_path}.{key}" if key_path else key, "missing")
        return found

    def amount(self, node: yaml.Node, key_path: str, allow_zero: bool = False) -> Decimal | None:
        """A whole-dollar amount: an integer scalar, positive (or zero where allowed)."""
        if _is_empty(node):
            self.problem(node, key_path, "missing value; expected a whole-dollar amount")
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag != INT_TAG:
            self.problem(node, key_path, f"expected an integer, got {_describe(node)}")
            return None
        value = int(node.value.replace("_", ""), 0) if re.fullmatch(r"[-+]?[0-9_]+", node.value) else None
        if value is None:
            self.problem(node, key_path, f"expected a decimal integer, got '{node.value}'")
            return None
        if value < 0 or (value == 0 and not allow_zero):
            self.problem(node, key_path, f"expected a positive amount, got {value}")
            return None
        return Decimal(value)

    def text(self, node: yaml.Node, key_path: str) -> str | None:
        if _is_empty(node) or not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            self.problem(node, key_path, "missing value; expected text")
            return None
        return str(node.value).strip()

    def boolean(self, node: yaml.Node, key_path: str) -> bool | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag != BOOL_TAG:
            self.problem(node, key_path, f"expected true or false, got {_describe(node)}")
            return None
        return node.value.lower() in ("true", "yes", "on")

    def date(self, node: yaml.Node, key_path: str) -> str | None:
        text = self.text(node, key_path)
        if text is None:
            return None
        try:
            return datetime.date.fromisoformat(text).isoformat()
        except ValueError:
            self.problem(node, key_path, f"expected a date like 2025-11-13, got '{text}'")
            return None


def _is_empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == NULL_TAG:
        return "nothing"
    return f"'{node.value}'"


def read_limits_file(path: Path, display: str | None = None) -> Limits:
    """Parse and validate the limits file; raise LimitsFileError listing every problem."""
    display = display or _display_path(path)
    try:
        text = read_text_file(path, display)
    except ProblemsFound as found:
        raise LimitsFileError([str(p) for p in found.problems]) from None
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        reason = error.problem or error.context or "invalid YAML"
        raise LimitsFileError([f"{display}:{line}: YAML syntax error: {reason}"]) from None
    if root is None:
        raise LimitsFileError([f"{display}:1: the limits file is empty; expected one block per tax year"])
    reader = _Reader(path, display)
    years = _read_years(reader, root)
    if reader.problems:
        raise LimitsFileError(reader.problems)
    return Limits(years=dict(sorted(years.items())))


def _read_years(reader: _Reader, root: yaml.Node) -> dict[int, YearLimits]:
    if not isinstance(root, yaml.MappingNode):
        reader.problem(root, "(top level)", f"expected one block per tax year (2026: ...), got {_describe(root)}")
        return {}
    years: dict[int, YearLimits] = {}
    seen: dict[str, int] = {}
    for key_node, value_node in root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
        if not re.fullmatch(r"(19|20|21)\d\d", str(key)):
            reader.problem(key_node, str(key), f"expected a tax year like 2026, got '{key}'")
            continue
        if key in seen:
            reader.problem(key_node, key, f"duplicate year (first given on line {seen[key]})")
            continue
        seen[key] = key_node.start_mark.line + 1
        block = _read_year(reader, int(key), key_node, value_node)
        if block is not None:
            years[int(key)] = block
    if not seen:
        reader.problem(root, "(top level)", "no tax years found")
    return years


def _read_year(reader: _Reader, year: int, key_node: yaml.Node, node: yaml.Node) -> YearLimits | None:
    allowed = ("source",) + tuple(info.key for info in LIMIT_INFO)
    required = ("source",) + tuple(info.key for info in LIMIT_INFO if not info.optional)
    found = reader.mapping(node, str(year), allowed, required, owner=key_node)
    before = len(reader.problems)
    values: dict[str, object] = {}
    for key, (name_node, value_node) in found.items():
        where = f"{year}.{key}"
        if key == "source":
            values[key] = _read_source(reader, where, name_node, value_node)
        elif key == "roth_ira_phase_out":
            values[key] = _read_phase_outs(reader, where, name_node, value_node)
        elif key == "roth_catch_up":
            values[key] = _read_roth_catch_up(reader, where, name_node, value_node)
        else:
            values[key] = reader.amount(value_node, where)
    _check_relations(reader, year, found, values)
    if len(reader.problems) > before or set(required) - set(values):
        return None
    return YearLimits(year=year, **values)


def _read_source(reader: _Reader, where: str, owner: yaml.Node, node: yaml.Node) -> Source | None:
    found = reader.mapping(node, where, SOURCE_KEYS, SOURCE_KEYS, owner)
    title = reader.text(found["title"][1], f"{where}.title") if "title" in found else None
    url = reader.text(found["url"][1], f"{where}.url") if "url" in found else None
    published = reader.date(found["published"][1], f"{where}.published") if "published" in found else None
    if url is not None and not url.startswith("https://"):
        reader.problem(found["url"][1], f"{where}.url", f"expected an https:// address, got '{url}'")
        url = None
    if None in (title, url, published):
        return None
    return Source(title=title, url=url, published=published)


def _read_phase_outs(reader: _Reader, where: str, owner: yaml.Node, node: yaml.Node) -> dict[str, PhaseOut] | None:
    statuses = tuple(PHASE_OUT_STATUSES)
    found = reader.mapping(node, where, statuses, statuses, owner)
    ranges = {}
    for status, (status_node, range_node) in found.items():
        range_where = f"{where}.{status}"
        bounds = reader.mapping(range_node, range_where, RANGE_KEYS, RANGE_KEYS, status_node)
        start = reader.amount(bounds["start"][1], f"{range_where}.start", allow_zero=True) if "start" in bounds else None
        end = reader.amount(bounds["end"][1], f"{range_where}.end") if "end" in bounds else None
        if start is not None and end is not None:
            if start >= end:
                reader.problem(range_node, range_where, f"inverted range: start {start} is not below end {end}")
            ranges[status] = PhaseOut(start, end)
    return ranges if len(ranges) == len(statuses) else None


def _read_roth_catch_up(reader: _Reader, where: str, owner: yaml.Node, node: yaml.Node) -> RothCatchUp | None:
    found = reader.mapping(node, where, ROTH_CATCH_UP_KEYS, ROTH_CATCH_UP_KEYS, owner)
    threshold = reader.amount(found["wage_threshold"][1], f"{where}.wage_threshold") if "wage_threshold" in found else None
    required = reader.boolean(found["required"][1], f"{where}.required") if "required" in found else None
    if threshold is None or required is None:
        return None
    return RothCatchUp(threshold, required)


def _check_relations(reader: _Reader, year: int, found: dict, values: dict) -> None:
    """Catch typos that are valid numbers but impossible limits."""
    deferral = values.get("elective_deferral")
    additions = values.get("annual_additions")
    for key in ("catch_up", "catch_up_60_63"):
        if values.get(key) is not None and deferral is not None and values[key] >= deferral:
            reader.problem(found[key][1], f"{year}.{key}", f"a catch-up of {values[key]} is not below the elective deferral limit {deferral}")
    if deferral is not None and additions is not None and deferral >= additions:
        reader.problem(found["elective_deferral"][1], f"{year}.elective_deferral", f"{deferral} is not below the annual additions limit {additions}")
    if values.get("ira_catch_up") is not None and values.get("ira_limit") is not None and values["ira_catch_up"] >= values["ira_limit"]:
        reader.problem(found["ira_catch_up"][1], f"{year}.ira_catch_up", f"{values['ira_catch_up']} is not below the IRA limit {values['ira_limit']}")
    if values.get("catch_up_60_63") is not None and values.get("catch_up") is not None and values["catch_up_60_63"] < values["catch_up"]:
        reader.problem(found["catch_up_60_63"][1], f"{year}.catch_up_60_63", f"{values['catch_up_60_63']} is below the age-50 catch-up {values['catch_up']}")


def _display_path(path: Path) -> str:
    """The path as a maintainer typed it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
