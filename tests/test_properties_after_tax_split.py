"""Properties of after-tax-split over generated inputs (contract, after-tax-split; Notice
2014-54)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from calc import evaluate, get
from tests.properties import FAST, LIMITS, valid_result

CALCULATOR = get("after-tax-split")
CENT = Decimal("0.01")


def text(amount_cents):
    return f"{amount_cents // 100}.{amount_cents % 100:02d}"


@st.composite
def inputs(draw):
    """Basis and earnings, and a distribution that fits the account (or none: the whole account)."""
    basis = draw(st.integers(0, 5 * 10**9))
    earnings = draw(st.integers(0, 5 * 10**9))
    values = {
        "after_tax_basis": text(basis),
        "earnings": text(earnings),
        "earnings_to": draw(st.sampled_from(("roth", "traditional-ira"))),
        "tax_rate_pct": text(draw(st.integers(0, 6000))),
    }
    if draw(st.booleans()):
        values["distribution"] = text(draw(st.integers(0, basis + earnings)))
    return values


def run(values):
    return valid_result(CALCULATOR, values)


def distribution_of(values):
    if "distribution" in values:
        return Decimal(values["distribution"])
    return Decimal(values["after_tax_basis"]) + Decimal(values["earnings"])


@FAST
@given(inputs())
def test_portions_add_up_and_stay_within_the_account(values):
    out = run(values).outputs
    distribution = distribution_of(values)
    assert out["basis_portion"] + out["earnings_portion"] == distribution
    assert 0 <= out["basis_portion"] <= Decimal(values["after_tax_basis"])
    assert 0 <= out["earnings_portion"] <= Decimal(values["earnings"])
    assert out["to_roth"] + out["to_traditional"] == distribution


@FAST
@given(inputs())
def test_only_earnings_sent_to_roth_are_taxed(values):
    out = run(values).outputs
    if values["earnings_to"] == "roth":
        assert out["taxable_amount"] == out["earnings_portion"] and out["to_traditional"] == 0
    else:
        assert out["taxable_amount"] == 0 and out["to_roth"] == out["basis_portion"]
    assert 0 <= out["tax_due"] <= out["taxable_amount"] * Decimal("0.6") + CENT / 2


@FAST
@given(inputs())
def test_the_split_is_pro_rata_to_the_cent(values):
    out = run(values).outputs
    basis, earnings = Decimal(values["after_tax_basis"]), Decimal(values["earnings"])
    if basis + earnings:
        exact = distribution_of(values) * basis / (basis + earnings)
        assert abs(out["basis_portion"] - exact) <= CENT / 2


@FAST
@given(inputs())
def test_says_ira_balances_do_not_enter(values):
    result = run(values)
    assert any(
        "IRA balances do not enter" in note and "2014-54" in note and "408(d)(2)" in note
        for note in result.notes
    )


@FAST
@given(inputs(), st.integers(1, 10**6))
def test_moving_more_than_the_account_is_rejected_not_raised(values, over):
    balance = Decimal(values["after_tax_basis"]) + Decimal(values["earnings"])
    evaluation = evaluate(
        CALCULATOR, {**values, "distribution": str(balance + over * CENT)}, LIMITS
    )
    assert not evaluation.valid and list(evaluation.errors) == ["distribution"]
