"""The {limit}`...` role: quote a limit from the limits file instead of typing it.

Grammar: a sum of terms joined by + or -, each term one of
  key                 the newest year's value (roth_ira_phase_out.single.start for nested keys)
  YEAR.key            that year's value
  year                the newest year itself (a year, not dollars)
  an integer          (only with year: year + 1)
"""

from __future__ import annotations

import re
from decimal import Decimal

from calc.formatting import money_text
from calc.limits import Limits, YearLimits

_TERM = re.compile(r"\s*([+-])?\s*([A-Za-z0-9_.]+)\s*")


class LimitRefError(ValueError):
    """A {limit} reference that names no year or limit of the file."""


def resolve(expression: str, limits: Limits) -> str:
    """The text a {limit} role stands for, e.g. '$80,000' or '2026'."""
    terms = _split(expression)
    newest = limits.newest
    is_year = any(name == "year" for _, name in terms)
    total = Decimal(0)
    for sign, name in terms:
        value = _term_value(name, newest, limits, is_year)
        total += -value if sign == "-" else value
    return str(int(total)) if is_year else money_text(total)


def _split(expression: str) -> list[tuple[str, str]]:
    terms = []
    position = 0
    while position < len(expression):
        match = _TERM.match(expression, position)
        if not match or match.end() == position:
            raise LimitRefError(f"cannot read limit reference {expression!r}")
        sign = match.group(1) or "+"
        if not terms and match.group(1) == "-":
            raise LimitRefError(f"limit reference {expression!r} cannot start with '-'")
        if terms and not match.group(1):
            raise LimitRefError(f"expected + or - between terms in {expression!r}")
        terms.append((sign, match.group(2)))
        position = match.end()
    if not terms:
        raise LimitRefError("empty limit reference")
    return terms


def _term_value(name: str, newest: YearLimits, limits: Limits, is_year: bool) -> Decimal:
    if name == "year":
        return Decimal(newest.year)
    if name.isdigit():
        if not is_year:
            raise LimitRefError(
                f"a plain number ({name}) can only be added to `year`; type amounts as limits"
            )
        return Decimal(name)
    if is_year:
        raise LimitRefError(f"cannot mix `year` with the limit {name!r}")
    first, _, rest = name.partition(".")
    if first.isdigit():
        year = int(first)
        if year not in limits.years:
            listed = ", ".join(str(y) for y in limits.years)
            raise LimitRefError(f"year {year} is not in the limits file (it has {listed})")
        return _lookup(limits.year(year), rest)
    return _lookup(newest, name)


def _lookup(year_limits: YearLimits, key_path: str) -> Decimal:
    value = year_limits.value(key_path)
    if value is None:
        raise LimitRefError(f"{year_limits.year} has no limit {key_path!r}")
    if isinstance(value, bool) or not isinstance(value, Decimal):
        raise LimitRefError(f"{key_path!r} is not an amount; name a key inside it")
    return value
