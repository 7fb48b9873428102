"""The IRS limits: every value a year's block holds, declared once in LEAVES, and the typed
YearLimits the calculators read.

The values live in content/limits.yaml. Its reader (limits_file.py), the JSON the browser gets,
the build's check for hand-typed limits, `limits new-year`, the limits page, the calculators'
accessors (year_limits.annual_additions) and their citations (model.limit_used) all read LEAVES:
adding a limit is one line here plus its values in the YAML. Nothing in calc/ knows a limit value.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Leaf:
    """One value of a year's block, as the PolicyEngine parameters declare theirs."""

    path: str  # dotted path inside the year's block, e.g. "roth_ira_phase_out.single"
    unit: str  # "dollars"; "range": dollars from start to end (the start may be 0); "boolean"
    label: str  # for the limits page
    statute: str
    optional: bool = (
        False  # years before the law made it leave it out (its whole group, if it has one)
    )
    note: str = ""  # what a reader of the limits page needs to read the row right

    @property
    def group(self) -> str:
        """The block the leaf sits in ("" at the top of a year)."""
        return self.path.rpartition(".")[0]


LEAVES: tuple[Leaf, ...] = (
    Leaf(
        "elective_deferral",
        "dollars",
        "Elective deferral limit (pre-tax + Roth, per person)",
        "IRC 402(g)(1)",
    ),
    Leaf("catch_up", "dollars", "Catch-up contribution, age 50 and over", "IRC 414(v)(2)(B)"),
    Leaf(
        "catch_up_60_63",
        "dollars",
        "Catch-up contribution, ages 60-63",
        "IRC 414(v)(2)(E)",
        optional=True,
    ),
    Leaf(
        "annual_additions",
        "dollars",
        "Annual additions limit (all contributions, per employer)",
        "IRC 415(c)(1)(A)",
    ),
    Leaf("compensation_limit", "dollars", "Compensation limit", "IRC 401(a)(17)"),
    Leaf(
        "hce_threshold",
        "dollars",
        "Highly compensated employee threshold (look-back year pay)",
        "IRC 414(q)(1)(B)",
        note="A look-back figure: pay above a year's threshold makes you an HCE in the following "
        "year.",
    ),
    Leaf("key_employee", "dollars", "Key employee (officer) threshold", "IRC 416(i)(1)(A)(i)"),
    Leaf("ira_limit", "dollars", "IRA contribution limit", "IRC 219(b)(5)(A)"),
    Leaf("ira_catch_up", "dollars", "IRA catch-up, age 50 and over", "IRC 219(b)(5)(B)"),
    Leaf(
        "roth_ira_phase_out.single",
        "range",
        "Roth IRA phase-out: Single, head of household, or married filing separately and lived "
        "apart all year",
        "IRC 408A(c)(3)",
    ),
    Leaf(
        "roth_ira_phase_out.married_joint",
        "range",
        "Roth IRA phase-out: Married filing jointly or qualifying surviving spouse",
        "IRC 408A(c)(3)",
    ),
    Leaf(
        "roth_ira_phase_out.married_separate",
        "range",
        "Roth IRA phase-out: Married filing separately and lived with spouse",
        "IRC 408A(c)(3)",
    ),
    Leaf(
        "roth_catch_up.wage_threshold",
        "dollars",
        "Roth catch-up wage threshold (prior-year FICA wages)",
        "SECURE 2.0 sec. 603, IRC 414(v)(7)",
        optional=True,
        note="Listed under the year of the catch-ups: it applies to the previous year's FICA wages "
        "from the employer.",
    ),
    Leaf(
        "roth_catch_up.required",
        "boolean",
        "Roth catch-up rule in force",
        "SECURE 2.0 sec. 603; IRS Notice 2023-62",
        optional=True,
    ),
)


@dataclass(frozen=True)
class Source:
    """Where a year's limits were published."""

    title: str
    url: str
    published: str  # ISO date, e.g. "2025-11-13"


@dataclass(frozen=True)
class PhaseOut:
    """A Roth IRA MAGI phase-out range: the contribution shrinks from start to end."""

    start: Decimal
    end: Decimal


class LeafGroup(dict):
    """The leaves of one group of a year's block by name, as attributes too:
    year_limits.roth_catch_up.wage_threshold, year_limits.roth_ira_phase_out["single"]."""

    def __getattr__(self, name: str) -> object:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


# The names YearLimits answers to: each top-level leaf, and each group of leaves.
_TOP_LEAVES = frozenset(leaf.path for leaf in LEAVES if not leaf.group)
_GROUPS = frozenset(leaf.path.split(".")[0] for leaf in LEAVES if leaf.group)


@dataclass(frozen=True)
class YearLimits:
    """Every limit of one tax year, with the IRS document that published it.

    Read a limit by its LEAVES name: year_limits.annual_additions (None for an optional limit the
    year leaves out), year_limits.roth_catch_up.wage_threshold (a group the year leaves out is
    None), or year_limits.value("roth_ira_phase_out.single.start")."""

    year: int
    source: Source
    values: dict[
        str, object
    ]  # leaf path -> Decimal, PhaseOut or bool (absent: an optional leaf left out)

    def value(self, path: str) -> object:
        """A leaf's value, or a range's end ("roth_ira_phase_out.single.start"); None when
        absent."""
        if path in self.values:
            return self.values[path]
        leaf, _, end = path.rpartition(".")
        bounds = self.values.get(leaf)
        return (
            getattr(bounds, end)
            if isinstance(bounds, PhaseOut) and end in ("start", "end")
            else None
        )

    def __getattr__(self, name: str) -> object:
        if name in _TOP_LEAVES:
            return self.values.get(name)
        if name in _GROUPS:
            members = {
                path.split(".", 1)[1]: value
                for path, value in self.values.items()
                if path.startswith(name + ".")
            }
            return LeafGroup(members) if members else None
        raise AttributeError(f"{name!r} is not a limit declared in LEAVES (calc/limits.py)")


def leaf(path: str) -> Leaf:
    """The declaration of one limit, by its dotted path."""
    for declared in LEAVES:
        if declared.path == path:
            return declared
    raise KeyError(f"{path!r} is not a limit declared in LEAVES (calc/limits.py)")


@dataclass(frozen=True)
class Limits:
    """All years of the limits file, newest last."""

    years: dict[int, YearLimits]

    @property
    def newest(self) -> YearLimits:
        return self.years[max(self.years)]

    def year(self, year: int) -> YearLimits:
        return self.years[year]


def limits_to_dict(limits: Limits) -> dict:
    """The JSON form of Limits, shaped like the YAML (nested by leaf path), read back by
    limits_file."""
    years = {}
    for year, y in limits.years.items():
        block: dict = {
            "source": {
                "title": y.source.title,
                "url": y.source.url,
                "published": y.source.published,
            }
        }
        for leaf in LEAVES:
            if leaf.path not in y.values:
                continue
            *groups, name = leaf.path.split(".")
            place = block
            for group in groups:
                place = place.setdefault(group, {})
            value = y.values[leaf.path]
            place[name] = (
                {"start": int(value.start), "end": int(value.end)}
                if leaf.unit == "range"
                else (value if leaf.unit == "boolean" else int(value))
            )
        years[str(year)] = block
    return {"years": years}
