"""Invariants of roth-vs-taxable over generated inputs, including its chart and table."""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from calc import get
from tests.properties import FAST, valid_result

CALCULATOR = get("roth-vs-taxable")
SVG = "{http://www.w3.org/2000/svg}"


def pct(low, high):
    return st.decimals(min_value=low, max_value=high, places=2).map(lambda d: format(d, "f"))


inputs = st.fixed_dictionaries(
    {
        "annual_contribution": st.one_of(
            st.integers(0, 100_000).map(str),
            st.decimals(min_value=0, max_value=100_000_000, places=2).map(lambda d: format(d, "f")),
        ),
        "years": st.integers(1, 60).map(str),
        "annual_return_pct": pct(-50, 50),
        "dividend_yield_pct": pct(0, 20),
        "dividend_tax_pct": pct(0, 60),
        "capital_gains_tax_pct": pct(0, 60),
    }
)


def run(raw):
    return valid_result(CALCULATOR, raw)


@FAST
@given(inputs)
def test_never_raises_and_adds_up(raw):
    out = run(raw).outputs
    assert out["total_contributed"] == Decimal(raw["annual_contribution"]) * int(raw["years"])
    assert out["roth_advantage"] == out["roth_value"] - out["taxable_value_after_tax"]
    assert out["taxable_value_after_tax"] >= 0


@FAST
@given(inputs)
def test_roth_advantage_not_negative_when_taxes_and_returns_are_not(raw):
    raw = dict(raw, annual_return_pct=raw["annual_return_pct"].lstrip("-"))
    out = run(raw).outputs
    assert out["roth_advantage"] >= 0
    assert out["roth_value"] >= out["total_contributed"]


@FAST
@given(inputs)
def test_no_taxes_means_no_advantage(raw):
    out = run(dict(raw, dividend_tax_pct="0", capital_gains_tax_pct="0")).outputs
    assert out["roth_advantage"] == 0


@FAST
@given(inputs)
def test_chart_and_table_show_every_year(raw):
    result = run(raw)
    years = int(raw["years"])
    (table,) = result.tables
    assert [row[0] for row in table.rows] == [str(y) for y in range(1, years + 1)]
    svg = result.figure_svg
    root = ET.fromstring(svg)  # well-formed, with no external resources or scripts
    assert root.get("role") == "img" and root.get("aria-label")
    assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text
    assert not re.search(r"<script|style=|href=|url\(", svg)
    lines = root.findall(f"{SVG}polyline")
    assert sorted(line.get("class") for line in lines) == ["calc-chart-roth", "calc-chart-taxable"]
    for line in lines:
        points = line.get("points").split()
        assert len(points) == years + 1 <= 61
        for point in points:
            x, y = (float(n) for n in point.split(","))
            assert 0 <= x <= 640 and 0 <= y <= 300


@FAST
@given(inputs)
def test_matches_the_contract_model_in_exact_fractions(raw):
    out = run(raw).outputs
    a = Fraction(raw["annual_contribution"])
    r, y = Fraction(raw["annual_return_pct"]) / 100, Fraction(raw["dividend_yield_pct"]) / 100
    keep, gains_tax = (
        1 - Fraction(raw["dividend_tax_pct"]) / 100,
        Fraction(raw["capital_gains_tax_pct"]) / 100,
    )
    roth = taxable = basis = Fraction(0)
    for _ in range(int(raw["years"])):
        roth = (roth + a) * (1 + r)
        start = taxable + a
        taxable = start * (1 + r - y) + start * y * keep
        basis += a + start * y * keep
    after_tax = taxable - gains_tax * max(taxable - basis, Fraction(0))
    # Decimal keeps 28 digits, so allow the last cent to differ on an exact half-cent.
    assert abs(Fraction(out["roth_value"]) - roth) <= Fraction(1, 100)
    assert abs(Fraction(out["taxable_value_after_tax"]) - after_tax) <= Fraction(1, 100)
