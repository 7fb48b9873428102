"""The limits page's tables: one row per leaf of the limits file, one column per year."""

from __future__ import annotations

from calc.formatting import money_text
from calc.limits import LEAVES, Limits

from .limits_review import changes, limit_text


def limits_tables(limits: Limits) -> dict:
    """Rows for the limits page: one row per leaf of the limits file, one column per year, the most
    that can go into one plan, and what changed from the previous year."""
    years = sorted(
        limits.years, reverse=True
    )  # newest first: on a phone the current year is the column in view
    rows = [
        (
            leaf.label,
            leaf.statute,
            leaf.note,
            [limit_text(leaf, limits.year(y).value(leaf.path)) for y in years],
        )
        for leaf in LEAVES
    ]

    def most(catch_up: str) -> list[str]:
        found = [
            (y.annual_additions, y.value(catch_up) if catch_up else 0)
            for y in map(limits.year, years)
        ]
        return [
            money_text(additions + extra) if extra is not None else "—"
            for additions, extra in found
        ]

    most_rows = [
        ("Under 50", most("")),
        ("50 and over", most("catch_up")),
        ("60 to 63", most("catch_up_60_63")),
    ]
    previous = years[1] if len(years) >= 2 else years[0]
    return {
        "years": years,
        "rows": rows,
        "most_rows": most_rows,
        "changes": changes(limits, previous, years[0]),
        "previous_year": previous,
        "sources": [limits.year(y).source for y in years],
    }
