"""Invariants of roth-ira-eligibility (Publication 590-A worksheet 2-2) over generated inputs."""

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from calc import evaluate, get
from calc.roth_ira_eligibility import PHASE_OUT_KEY
from tests.properties import FAST, LIMITS, valid_result

CALCULATOR = get("roth-ira-eligibility")

money = st.decimals(min_value=0, max_value=100_000_000, places=2)
# MAGI near the phase-out ranges is where the rules bite; the rest of the range still gets drawn.
magi = st.one_of(st.integers(0, 300_000).map(Decimal), money)
earned = st.one_of(st.integers(0, 10_000).map(Decimal), money)
inputs = st.fixed_dictionaries(
    {
        "year": st.sampled_from(sorted(LIMITS.years)),
        "filing_status": st.sampled_from(sorted(PHASE_OUT_KEY)),
        "magi": magi,
        "age": st.integers(0, 120),
        "earned_income": earned,
    }
)


def as_text(values):
    """Generated values as a reader would type them."""
    return {k: format(v, "f") if isinstance(v, Decimal) else str(v) for k, v in values.items()}


def run(values):
    """Outputs for generated values (every one of them is valid)."""
    return valid_result(CALCULATOR, as_text(values)).outputs


@FAST
@given(inputs)
def test_never_raises_and_stays_within_the_limit(values):
    out = run(values)
    y = LIMITS.year(values["year"])
    assert out["ira_limit"] == min(
        y.ira_limit + (y.ira_catch_up if values["age"] >= 50 else 0), values["earned_income"]
    )
    assert 0 <= out["max_roth_contribution"] <= out["ira_limit"]
    assert out["needs_backdoor"] == (out["max_roth_contribution"] < out["ira_limit"])


@FAST
@given(inputs, magi)
def test_max_contribution_never_rises_as_magi_rises(values, other_magi):
    low, high = sorted((values["magi"], other_magi))
    assert (
        run(dict(values, magi=high))["max_roth_contribution"]
        <= run(dict(values, magi=low))["max_roth_contribution"]
    )


@FAST
@given(inputs)
def test_rounding_rules(values):
    out = run(values)
    start, end = out["phase_out_start"], out["phase_out_end"]
    result = out["max_roth_contribution"]
    if values["magi"] <= start:
        assert result == out["ira_limit"]
    elif values["magi"] >= end:
        assert result == 0
    elif 0 < result < out["ira_limit"]:
        # Reduced: a multiple of $10 and at least $200.
        assert result % 10 == 0 and result >= 200


@FAST
@given(inputs)
def test_range_follows_filing_status(values):
    out = run(values)
    phase_out = LIMITS.year(values["year"]).roth_ira_phase_out[
        PHASE_OUT_KEY[values["filing_status"]]
    ]
    assert (out["phase_out_start"], out["phase_out_end"]) == (phase_out.start, phase_out.end)


@FAST
@given(inputs)
def test_backdoor_link_prefills_the_limit(values):
    result = evaluate(CALCULATOR, as_text(values), LIMITS).result
    links = [link for link in result.links if link.calculator == "backdoor-pro-rata"]
    assert bool(links) == result.outputs["needs_backdoor"]
    for link in links:
        amount = format(result.outputs["ira_limit"].quantize(Decimal("0.01")), "f")
        assert link.inputs == {"nondeductible_contributions": amount, "conversions": amount}


@FAST
@given(inputs)
def test_matches_the_worksheet_in_exact_fractions(values):
    out = run(values)
    limit, magi = Fraction(out["ira_limit"]), Fraction(values["magi"])
    start, end = Fraction(out["phase_out_start"]), Fraction(out["phase_out_end"])
    if magi <= start:
        expected = limit
    elif magi >= end:
        expected = Fraction(0)
    else:
        reduced = limit - limit * (magi - start) / (end - start)
        rounded = -(-reduced // 10) * 10  # ceiling to the next $10
        expected = min(Fraction(200) if 0 < rounded < 200 else rounded, limit)
    assert Fraction(out["max_roth_contribution"]) == expected
