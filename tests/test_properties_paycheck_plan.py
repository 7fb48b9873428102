"""Properties of paycheck-plan over generated inputs (contract, paycheck-plan)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from calc import evaluate, get
from calc.formatting import cents
from calc.rules import PAY_FREQUENCIES
from tests.properties import FAST, LIMITS, valid_result

CALCULATOR = get("paycheck-plan")


def money(max_cents=10**10):
    """Dollar text in cents, as a reader would type it."""
    return st.integers(0, max_cents).map(lambda c: f"{c // 100}.{c % 100:02d}")


inputs = st.fixed_dictionaries(
    {
        "after_tax_remaining": money(10**8),
        "pay_frequency": st.sampled_from(tuple(PAY_FREQUENCIES)),
    },
    optional={
        "paychecks_left": st.integers(1, 53).map(str),
        "pay_per_check": money(10**8),
        "max_election_pct": st.integers(0, 10000).map(lambda h: f"{h // 100}.{h % 100:02d}"),
    },
)


def run(values):
    return valid_result(CALCULATOR, values).outputs


def paychecks(values):
    return int(values.get("paychecks_left") or PAY_FREQUENCIES[values["pay_frequency"]])


@FAST
@given(inputs)
def test_per_paycheck_never_overshoots_and_is_the_largest_cent_amount(values):
    out = run(values)
    remaining, n = Decimal(values["after_tax_remaining"]), paychecks(values)
    assert out["per_paycheck"] * n <= remaining
    assert (out["per_paycheck"] + Decimal("0.01")) * n > remaining


@FAST
@given(inputs)
def test_election_is_the_largest_whole_percent_that_fits(values):
    out = run(values)
    if "pay_per_check" not in values:
        assert (
            out["election_pct"] is None
            and out["total_at_election"] is None
            and out["shortfall"] is None
        )
        return
    pay, p = Decimal(values["pay_per_check"]), out["election_pct"]
    cap = int(Decimal(values.get("max_election_pct", "100")))
    assert 0 <= p <= min(cap, 100)
    assert cents(p * pay / 100) <= out["per_paycheck"]
    if p < min(cap, 100):
        assert cents((p + 1) * pay / 100) > out["per_paycheck"]


@FAST
@given(inputs)
def test_shortfall_is_the_room_less_the_total(values):
    out = run(values)
    if out["election_pct"] is None:
        return
    remaining, n = Decimal(values["after_tax_remaining"]), paychecks(values)
    assert out["shortfall"] == remaining - out["total_at_election"]
    # What payroll deducts (each deduction in cents) never overshoots the room.
    assert cents(out["election_pct"] * Decimal(values["pay_per_check"]) / 100) * n <= remaining


@FAST
@given(inputs)
def test_never_raises_and_data_values_render(values):
    evaluation = evaluate(CALCULATOR, values, LIMITS)
    assert evaluation.valid
    assert set(evaluation.output_values()) == {o.name for o in CALCULATOR.outputs}
