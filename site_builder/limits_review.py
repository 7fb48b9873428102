"""What a new year of limits changes, for the maintainer who adds it: each changed limit with its
old value and the change, and, for each page whose prose was last checked against an older year,
every limit it quotes with that year's value and the newest one (`limits review`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Protocol

from calc.formatting import money_text
from calc.limits import LEAVES, Leaf, Limits, PhaseOut

from .limit_refs import LimitRefError, resolve


class Source(Protocol):
    """What this module reads of a Markdown page (sources.Source, which cannot be imported here:
    sources.py reads page_kinds.py, whose limits page reads this module)."""

    display: str
    body: str
    body_line: int
    limits_year: int


_ROLE = re.compile(r"\{limit\}`([^`]*)`")


@dataclass(frozen=True)
class Change:
    """One limit that differs between two years."""

    label: str
    statute: str
    before: str
    after: str
    change: str  # "+$2,000", "+$4,000 to +$5,000" for a range, "now yes"


def limit_text(leaf: Leaf, value) -> str:
    """A limit as the site shows it; "—" for a year without it."""
    if value is None:
        return "—"
    if leaf.unit == "range":
        return f"{money_text(value.start)}–{money_text(value.end)}"
    if leaf.unit == "boolean":
        return "yes" if value else "no"
    return money_text(value)


def _difference(before, after) -> str:
    if before is None or after is None or isinstance(after, bool):
        return (
            f"now {'yes' if after else 'no'}"
            if isinstance(after, bool)
            else "new"
            if before is None
            else "dropped"
        )
    if isinstance(after, PhaseOut):
        start, end = _difference(before.start, after.start), _difference(before.end, after.end)
        return start if start == end else f"{start} to {end}"
    step = after - before
    return f"{'+' if step >= 0 else '−'}{money_text(abs(step))}"


def changes(limits: Limits, old: int, new: int) -> list[Change]:
    """Every leaf whose value differs from year old to year new, in the declaration's order."""
    found = []
    for leaf in LEAVES:
        before, after = limits.year(old).value(leaf.path), limits.year(new).value(leaf.path)
        if before != after:
            found.append(
                Change(
                    leaf.label,
                    leaf.statute,
                    limit_text(leaf, before),
                    limit_text(leaf, after),
                    _difference(before, after),
                )
            )
    return found


def as_of(limits: Limits, year: int) -> Limits:
    """The limits file as it stood when year was the newest."""
    return replace(limits, years={y: v for y, v in limits.years.items() if y <= year})


@dataclass(frozen=True)
class Quote:
    """A {limit} role of a page, with what it showed in the page's year and what it shows now."""

    line: int
    expression: str
    then: str
    now: str


def quotes(source: Source, limits: Limits) -> list[Quote]:
    """Every {limit} role in a page that follows the newest year (a role naming a year never
    moves)."""
    checked = as_of(limits, source.limits_year)
    found = []
    for offset, line in enumerate(source.body.split("\n")):
        for expression in _ROLE.findall(line):
            try:
                then, now = resolve(expression, checked), resolve(expression, limits)
            except LimitRefError:
                continue  # the build reports it
            found.append(Quote(source.body_line + offset, expression, then, now))
    return found


def behind(sources: list[Source], limits: Limits) -> list[Source]:
    """The pages whose prose was last checked against a year older than the newest."""
    newest = max(limits.years)
    return [
        source
        for source in sources
        if source.limits_year < newest and source.limits_year in limits.years
    ]


def review_lines(sources: list[Source], limits: Limits, with_quotes: bool = True) -> list[str]:
    """The review report: the changed limits, then each page behind with every limit it quotes
    (the build prints it without the quotes, and says where to find them)."""
    newest = max(limits.years)
    pages = behind(sources, limits)
    if not pages:
        return [f"every page is checked against {newest}, the newest year: nothing to review"]
    lines = []
    for old in sorted({source.limits_year for source in pages}):
        lines.append(f"limits changed from {old} to {newest}:")
        lines += [
            f"  {c.label} ({c.statute}): {c.before} -> {c.after} ({c.change})"
            for c in changes(limits, old, newest)
        ]
    for source in pages:
        lines.append(
            f"{source.display}: prose checked against {source.limits_year}; re-read it, then set "
            f"limits_year: {newest} and last_reviewed"
        )
        for quote in quotes(source, limits) if with_quotes else ():
            moved = (
                f"{quote.then} -> {quote.now}"
                if quote.then != quote.now
                else f"{quote.now} (unchanged)"
            )
            lines.append(f"  {source.display}:{quote.line}: {{limit}}`{quote.expression}`: {moved}")
    if not with_quotes:
        lines.append(
            "every limit those pages quote, old and new: python -m site_builder limits review"
        )
    return lines
