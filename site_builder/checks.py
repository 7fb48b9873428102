"""Checks on content that rendering alone does not catch."""

from __future__ import annotations

import re

from calc.limits import LEAVES, YearLimits

from .problems import Problem
from .sources import Source

# Text that is not hand-typed prose: a quoted limit, or an amount marked as not being one.
_ROLE = re.compile(r"\{(?:limit|amount)\}`[^`]*`")
_AMOUNT = re.compile(r"\$\s?\d[\d,]*(?:\.\d+)?|\b\d{1,3}(?:,\d{3})+\b")


def limit_values(year_limits: YearLimits) -> dict[int, str]:
    """Every amount of one year's limits, naming where it comes from."""
    values: dict[int, str] = {}
    for leaf in LEAVES:
        ends = ("start", "end") if leaf.unit == "range" else ("",) if leaf.unit == "dollars" else ()
        for end in ends:
            path = f"{leaf.path}.{end}" if end else leaf.path
            amount = year_limits.value(path)
            if amount:  # a range may start at 0, which is no figure to quote
                values.setdefault(int(amount), f"{year_limits.year}.{path}")
    return values


def hand_typed_limits(source: Source, known: dict[int, str]) -> list[Problem]:
    """Amounts in a page's prose that equal a limit of the year it was checked against
    (known = limit_values(that year)): they must come from {limit} so they follow the file.
    Only that year: a new year in the file never fails a page nobody has reviewed yet, and an
    amount that merely looks like a limit is written {amount}`$80,000`."""
    problems = []
    for offset, line in enumerate(source.body.split("\n")):
        for match in _AMOUNT.finditer(_ROLE.sub("", line)):
            digits = match.group().lstrip("$ ").replace(",", "")
            if "." in digits:
                digits = digits.split(".")[0] if digits.endswith((".0", ".00")) else ""
            if digits and int(digits) in known:
                problems.append(
                    Problem(
                        source.display,
                        source.body_line + offset,
                        f"hand-typed limit {match.group()!r} equals {known[int(digits)]}: quote it "
                        "with "
                        "{limit}`...`, or write {amount}`...` if it is not that limit",
                    )
                )
    return problems
