"""`python -m site_builder limits new-year YYYY`: start next year's block in the limits file.

The new block has every key of the newest year with an empty value and the
newest year's figure in a comment beside it. The build refuses empty values
with their line number, so a half-finished update can never be published.
"""

from __future__ import annotations

from pathlib import Path

from calc.limits import LEAVES, Limits
from calc.limits_file import read_limits_file


class NewYearError(ValueError):
    """The year cannot be added (already there, or not after the newest)."""


def new_year_block(limits: Limits, year: int) -> str:
    """The YAML text of an empty block for year, shaped like the newest year's."""
    if year in limits.years:
        raise NewYearError(f"{year} is already in the limits file")
    newest = limits.newest
    if year <= newest.year:
        raise NewYearError(f"{year} is not after the newest year in the file ({newest.year})")
    short = str(year - 1)[-2:]
    lines = [
        "",
        f"{year}:",
        "  source:",
        f'    title:            # e.g. "IRS Notice {year - 1}-NN: {year} limitations adjusted as '
        'provided in section 415(d), etc."',
        f"    url:              # e.g. https://www.irs.gov/pub/irs-drop/n-{short}-NN.pdf",
        "    published:        # the notice's date, YYYY-MM-DD",
    ]
    group = ""
    for leaf in LEAVES:
        value = newest.value(leaf.path)
        if value is None:
            continue
        depth = leaf.path.count(".")
        if leaf.group and leaf.group != group:
            lines.append(f"  {leaf.group}:")
        group = leaf.group
        name, indent = leaf.path.rpartition(".")[2], "  " * (depth + 1)
        if leaf.unit == "range":
            lines += [
                f"{indent}{name}:",
                f"{indent}  start:          # {newest.year}: {value.start}",
                f"{indent}  end:            # {newest.year}: {value.end}",
            ]
        else:
            shown = ("true" if value else "false") if leaf.unit == "boolean" else value
            lines.append(
                f"{indent}{name}:{' ' * max(1, 28 - len(indent) - len(name))}# {newest.year}: "
                f"{shown}"
            )
    return "\n".join(lines) + "\n"


def add_new_year(path: Path, year: int) -> str:
    """Append the empty block for year to the limits file; return the text appended."""
    limits = read_limits_file(path)
    block = new_year_block(limits, year)
    text = path.read_text(encoding="utf-8")
    with path.open("a", encoding="utf-8") as handle:
        handle.write(("" if text.endswith("\n") else "\n") + block)
    return block
