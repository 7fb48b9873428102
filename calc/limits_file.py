"""Read the limits strictly into Limits: content/limits.yaml for the build and the command line,
and the JSON a build writes for the browser, each year block read by limits_year.py.

Every value keeps its line, and every problem is collected and reported as
`path:LINE: key.path: what is wrong`: unknown, duplicate and missing keys, wrong types, empty
values, inverted ranges and impossible relations between limits. Nothing is guessed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .limits import Limits, YearLimits
from .limits_year import ProblemReader, read_year
from .plain_yaml import Mapping, Scalar, YamlError, parse
from .problems import Problem, ProblemsFound, read_text_file


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
    reader = ProblemReader(display)
    years: dict[int, YearLimits] = {}
    seen: dict[str, int] = {}
    for key, block in root.items:
        if not re.fullmatch(r"(19|20|21)\d\d", key.text):
            reader.problem(key, key.text, f"expected a tax year like 2026, got '{key.text}'")
        elif key.text in seen:
            reader.problem(key, key.text, f"duplicate year (first given on line {seen[key.text]})")
        else:
            seen[key.text] = key.line
            year = read_year(reader, int(key.text), key, block)
            if year is not None:
                years[year.year] = year
    if not seen and not reader.problems:
        reader.problem(root, "(top level)", "no tax years found")
    if reader.problems:
        raise LimitsFileError(reader.problems)
    return Limits(years=dict(sorted(years.items())))


def _display_path(path: Path) -> str:
    """The path as a maintainer typed it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
