"""year-plan's paycheck table and chart: every paycheck's money and the year-to-date totals
against the deferral cap and the 415(c) limit. The numbers all come from year_plan.figures."""

from __future__ import annotations

from .formatting import cents_text as usd
from .formatting import short_date
from .model import Table
from .svg_chart import Level, Series, paycheck_chart


def schedule_table(f) -> Table:
    """One row per paycheck; on a phone the first three columns fit without sideways scrolling."""
    rows, classes = [], []
    for row in f.schedule:
        label = (
            short_date(row.day)
            + (" bonus" if row.bonus else "")
            + (" (before)" if row.past else "")
        )
        ytd = usd(row.ytd_additions) if (not row.past or row.ytd_additions) else ""

        def money(amount, past=row.past):
            return "" if past else usd(amount)

        rows.append(
            (
                label,
                money(row.after_tax),
                ytd,
                usd(row.pay),
                money(row.deferral),
                money(row.match),
                usd(row.ytd_deferrals) if ytd else "",
                short_date(row.converted_on) if row.converted_on else "",
            )
        )
        classes.append("past" if row.past else "")
    return Table(
        "Every paycheck of the year",
        (
            "Payday",
            "After-tax",
            "Additions so far",
            "Pay",
            "Deferral",
            "Match",
            "Deferrals so far",
            "Converted",
        ),
        tuple(rows),
        "Paychecks before the new elections show only their totals, on the last of them.",
        row_classes=tuple(classes),
        css_class="calc-schedule",
    )


def chart(values: dict, f) -> str:
    """Year-to-date deferrals and annual additions against the deferral cap and the 415(c) limit."""
    rows = f.schedule
    marker = next(
        (i for i, row in enumerate(rows) if row.day.isoformat() == f.deferral_max_date), None
    )
    return paycheck_chart(
        f"Year to date, paycheck by paycheck, {values['year']}",
        "Running totals of deferrals and of annual additions after each paycheck, against the "
        "deferral cap and the "
        "annual additions limit; the payday deferrals reach the cap is marked. The table below has "
        "the same figures.",
        tuple(short_date(row.day) for row in rows),
        (
            Series(
                "Annual additions",
                "calc-chart-roth",
                "#1a5a85",
                tuple(row.ytd_additions for row in rows),
            ),
            Series(
                "Deferrals",
                "calc-chart-taxable",
                "#b45309",
                tuple(row.ytd_deferrals for row in rows),
                dash="6 3",
            ),
        ),
        (
            Level("415(c) limit", "calc-chart-roth", "#1a5a85", f.annual_additions_limit),
            Level("Deferral cap", "calc-chart-taxable", "#b45309", f.deferral_cap),
        ),
        marker,
        "Deferrals stop",
    )
