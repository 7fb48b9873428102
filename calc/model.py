"""The shapes a calculator declares and returns: outputs, results, working lines."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal

from .fields import Field
from .formatting import money_text
from .limits import Limits, Source, YearLimits, leaf


@dataclass(frozen=True)
class Output:
    """One result a calculator shows, with its data-value contract kind."""

    name: str
    label: str
    # "dollars" | "ratio" | "integer" | "percent" | "code" | "boolean" | "text_list" | "date" |
    # "table" | "calendar"
    kind: str
    help: str = ""
    codes: dict[str, str] = field(default_factory=dict)  # code -> words, for kind "code"


@dataclass(frozen=True)
class WorkingLine:
    """One line of the shown working: a label, the value used, and why."""

    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class LimitUsed:
    """A limit a result depends on, cited with its year and source."""

    label: str
    statute: str
    year: int
    value: str
    source: Source


@dataclass(frozen=True)
class Link:
    """A hand-off to another calculator with inputs prefilled."""

    text: str
    calculator: str
    inputs: dict[str, str]


@dataclass(frozen=True)
class Table:
    """A small data table shown with the result (also the text form of a chart)."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""
    row_classes: tuple[str, ...] = ()  # a CSS class per row ("" for none), e.g. "past"
    css_class: str = ""  # on the table's wrapper, for a layout of its own


@dataclass(frozen=True)
class Result:
    """What a calculator shows: outputs by name (from its figures) plus everything around them."""

    outputs: dict[str, object]
    summary: str
    warnings: tuple[str, ...] = ()
    working: tuple[WorkingLine, ...] = ()
    limits_used: tuple[LimitUsed, ...] = ()
    links: tuple[Link, ...] = ()
    tables: tuple[Table, ...] = ()
    figure_svg: str = ""  # an inline SVG drawn by the calculator, already escaped
    notes: tuple[str, ...] = ()  # assumptions and explanations that always apply


@dataclass(frozen=True)
class FieldGroup:
    """One step of a calculator's form: its fields (those whose `group` is `name`) under a legend;
    a collapsed group starts closed (it opens by itself when one of its fields has an error)."""

    name: str
    legend: str
    collapsed: bool = False


class InputsRejected(Exception):
    """Raised by figures when values that parse alone do not fit together."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class Calculator:
    """A calculator declared once: the registry, CLI, build and browser read only this."""

    id: str
    title: str
    question: str  # the reader's question it answers, for the calculator index
    intro: str
    fields: tuple[Field, ...]
    outputs: tuple[Output, ...]
    # The math: a frozen dataclass with a field per output (and whatever the words need), from
    # parsed values; raises InputsRejected when values that parse alone do not fit together.
    figures: Callable[[dict[str, object], Limits], object]
    # The words around the figures: summary, warnings, working, sources, links, tables, chart; given
    # the reader's today, so no date already past is offered as advice.
    explain: Callable[[dict[str, object], Limits, object, datetime.date], Result]
    # How this calculator shows money everywhere on its page (formatting.cents_text or
    # dollars_text),
    # so every column of its tables has one format.
    money: Callable[[Decimal], str] = money_text
    fields_legend: str = "Your numbers"  # the heading over the fields
    # The three or four outputs that back the answer: shown first, with the actions, in the answer
    # card; every other output is under "Details".
    key_outputs: tuple[str, ...] = ()
    working_headers: tuple[str, str, str] = ("Line", "Amount", "How")  # the working table's columns
    # The form's steps, in order; none declared: one group of every field under fields_legend.
    field_groups: tuple[FieldGroup, ...] = ()

    def __post_init__(self):
        """At import: the answer card's outputs exist, and every field sits in a declared step, in
        order."""
        unknown = [name for name in self.key_outputs if name not in {o.name for o in self.outputs}]
        if unknown:
            raise TypeError(f"{self.id}: key_outputs {unknown} are not outputs of the calculator")
        declared = [group.name for group in self.field_groups] or [""]
        strays = [f.name for f in self.fields if f.group not in declared]
        if strays:
            raise TypeError(f"{self.id}: fields in no declared group: {', '.join(strays)}")
        if self.fields != tuple(f for _, members in self.groups() for f in members):
            raise TypeError(
                f"{self.id}: declare the fields in the order of their groups (the form's order)"
            )

    def groups(self) -> list[tuple[FieldGroup, tuple[Field, ...]]]:
        """The form's steps with their fields, in the order declared."""
        if not self.field_groups:
            return [(FieldGroup("", self.fields_legend), self.fields)]
        return [
            (group, tuple(f for f in self.fields if f.group == group.name))
            for group in self.field_groups
        ]

    def run(self, values: dict[str, object], limits: Limits, today: datetime.date) -> Result:
        """The Result for parsed values on the reader's today (InputsRejected when they do not fit
        together)."""
        found = self.figures(values, limits)
        result = self.explain(values, limits, found, today)
        return replace(
            result, outputs={output.name: getattr(found, output.name) for output in self.outputs}
        )

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def output(self, name: str) -> Output:
        return next(o for o in self.outputs if o.name == name)


def check_figures(figures_class: type, outputs: tuple[Output, ...]) -> None:
    """At import: every output of a calculator is a field of its figures dataclass."""
    names = {f.name for f in fields(figures_class)}
    missing = [output.name for output in outputs if output.name not in names]
    if missing:
        raise TypeError(
            f"{figures_class.__qualname__} has no field for the outputs {', '.join(missing)}"
        )


def limit_used(
    year_limits: YearLimits, path: str, money: Callable[[Decimal], str] = money_text
) -> LimitUsed:
    """Cite one limit of a year by its LEAVES name: its label and Code section come from the
    declaration, its value (in the calculator's money format) and source from the year."""
    declared = leaf(path)
    value = year_limits.value(path)
    if declared.unit == "range":
        shown = f"{money(value.start)} to {money(value.end)}"
    elif declared.unit == "boolean":
        shown = "yes" if value else "no"
    else:
        shown = money(value)
    return LimitUsed(
        label=declared.label,
        statute=declared.statute,
        year=year_limits.year,
        value=shown,
        source=year_limits.source,
    )
