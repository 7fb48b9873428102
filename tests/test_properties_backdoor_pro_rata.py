"""Invariants of backdoor-pro-rata (Form 8606) over generated inputs."""

from decimal import Decimal
from fractions import Fraction

from hypothesis import assume, given
from hypothesis import strategies as st

from calc import evaluate, get
from calc.formatting import whole_dollars
from tests.properties import FAST, LIMITS

CALCULATOR = get("backdoor-pro-rata")

# Small whole amounts hit rounding and equal-line edges; large ones with cents cover the range.
dollars = st.one_of(
    st.integers(0, 20000).map(str),
    st.decimals(min_value=0, max_value=100_000_000, places=2).map(lambda d: format(d, "f")),
)
inputs = st.fixed_dictionaries(
    {
        "nondeductible_contributions": dollars,
        "prior_basis": dollars,
        "contributions_after_year_end": dollars,
        "year_end_ira_balance": dollars,
        "distributions": dollars,
        "conversions": dollars,
    }
)


def entered(raw, name):
    """A form line as entered: whole dollars, half-up."""
    return whole_dollars(Decimal(raw[name]))


def run(raw):
    """The outputs, or None when line 4 is above line 1 (the only cross-field rejection)."""
    evaluation = evaluate(CALCULATOR, raw, LIMITS)
    if evaluation.errors:
        assert list(evaluation.errors) == ["contributions_after_year_end"]
        assert entered(raw, "contributions_after_year_end") > entered(
            raw, "nondeductible_contributions"
        )
        return None
    return evaluation.result.outputs


@FAST
@given(inputs)
def test_never_raises_and_every_output_is_present(raw):
    evaluation = evaluate(CALCULATOR, raw, LIMITS)
    assert evaluation.valid or list(evaluation.errors) == ["contributions_after_year_end"]
    if evaluation.valid:
        assert set(evaluation.result.outputs) == {o.name for o in CALCULATOR.outputs}
        assert evaluation.result.summary and evaluation.result.working


@FAST
@given(inputs)
def test_line11_never_exceeds_line8_or_line5(raw):
    out = run(raw)
    assume(out is not None and out["line9"] is not None)
    line8 = entered(raw, "conversions")
    assert 0 <= out["line10"] <= 1
    assert 0 <= out["line11"] <= line8
    assert out["line11"] <= out["line5"]
    assert out["line18"] == line8 - out["line11"]


@FAST
@given(inputs)
def test_lines_add_up(raw):
    out = run(raw)
    assume(out is not None)
    line7 = entered(raw, "distributions")
    assert out["line3"] == entered(raw, "nondeductible_contributions") + entered(raw, "prior_basis")
    assert out["line5"] == out["line3"] - entered(raw, "contributions_after_year_end")
    if out["line9"] is None:
        # No distribution, no conversion: lines 6-13 blank and the basis carried forward whole.
        assert line7 == 0 and entered(raw, "conversions") == 0
        assert all(out[n] is None for n in ("line10", "line11", "line12", "line13"))
        assert out["line14"] == out["line3"] and out["line15c"] == 0 and out["line18"] == 0
    else:
        assert out["line9"] > 0
        assert 0 <= out["line12"] <= line7
        assert out["line13"] == out["line11"] + out["line12"]
        assert out["line14"] == out["line3"] - out["line13"]
        assert out["line15c"] == line7 - out["line12"]


@FAST
@given(inputs, dollars)
def test_more_pre_tax_ira_money_never_lowers_the_taxable_conversion(raw, extra):
    out = run(raw)
    assume(out is not None)
    more = dict(
        raw, year_end_ira_balance=format(Decimal(raw["year_end_ira_balance"]) + Decimal(extra), "f")
    )
    assume(Decimal(more["year_end_ira_balance"]) <= 100_000_000)
    assert run(more)["line18"] >= out["line18"]


@FAST
@given(inputs)
def test_clean_backdoor_is_not_taxed(raw):
    # Nothing in IRAs on December 31, no distributions, basis covering the conversion: line 18 = 0.
    raw = dict(raw, year_end_ira_balance="0", distributions="0")
    out = run(raw)
    assume(out is not None and out["line5"] >= entered(raw, "conversions"))
    assert out["line18"] == 0
    assert not any("taxable" in w for w in evaluate(CALCULATOR, raw, LIMITS).result.warnings)


@FAST
@given(inputs)
def test_line11_and_line12_match_exact_arithmetic(raw):
    out = run(raw)
    assume(out is not None and out["line9"] is not None)
    share = min(Fraction(out["line5"]) / Fraction(out["line9"]), Fraction(1))

    def half_up(value: Fraction) -> Decimal:
        whole, rest = divmod(value.numerator, value.denominator)
        return Decimal(whole + (1 if 2 * rest >= value.denominator else 0))

    assert out["line11"] == half_up(Fraction(entered(raw, "conversions")) * share)
    assert out["line12"] == half_up(Fraction(entered(raw, "distributions")) * share)
