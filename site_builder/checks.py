"""Checks on content that rendering alone does not catch."""

from __future__ import annotations

import re

from calc.limits import LEAVES, Limits

from .sources import Source
from .problems import Problem

_ROLE = re.compile(r"\{limit\}`[^`]*`")
_AMOUNT = re.compile(r"\$\s?\d[\d,]*(?:\.\d+)?|\b\d{1,3}(?:,\d{3})+\b")


def limit_values(limits: Limits) -> dict[int, str]:
    """Every amount of the limits file (any year), naming where it comes from."""
    values: dict[int, str] = {}
    for year, y in limits.years.items():
        for leaf in LEAVES:
            ends = ("start", "end") if leaf.unit == "range" else ("",) if leaf.unit == "dollars" else ()
            for end in ends:
                path = f"{leaf.path}.{end}" if end else leaf.path
                amount = y.value(path)
                if amount:  # a range may start at 0, which is no figure to quote
                    values.setdefault(int(amount), f"{year}.{path}")
    return values


def hand_typed_limits(source: Source, known: dict[int, str]) -> list[Problem]:
    """Amounts in a guide's prose that equal a limit (known = limit_values(...)): they must come
    from {limit} so they follow the file."""
    problems = []
    for offset, line in enumerate(source.body.split("\n")):
        for match in _AMOUNT.finditer(_ROLE.sub("", line)):
            digits = match.group().lstrip("$ ").replace(",", "")
            if "." in digits:
                digits = digits.split(".")[0] if digits.endswith((".0", ".00")) else ""
            if digits and int(digits) in known:
                problems.append(
                    Problem(source.display, source.body_line + offset,
                            f"hand-typed limit {match.group()!r} equals {known[int(digits)]}: quote it with {{limit}}`...`")
                )
    return problems
