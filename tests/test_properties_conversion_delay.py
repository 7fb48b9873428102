"""Properties of conversion-delay over generated inputs (contract, conversion-delay)."""

from decimal import ROUND_HALF_UP, Decimal, localcontext

from hypothesis import given
from hypothesis import strategies as st

from calc import get
from calc.conversion_delay import CADENCES, average_wait
from calc.rules import PAY_FREQUENCIES
from tests.properties import FAST, valid_result

CALCULATOR = get("conversion-delay")


def hundredths(low, high):
    """Text with two decimals from integer hundredths, e.g. -12.05."""
    return st.integers(low, high).map(
        lambda h: f"{'-' if h < 0 else ''}{abs(h) // 100}.{abs(h) % 100:02d}"
    )


inputs = st.fixed_dictionaries(
    {
        "amount": hundredths(0, 10**10),
        "days": st.integers(0, 3660).map(str),
        "annual_return_pct": hundredths(-5000, 5000),
        "tax_rate_pct": hundredths(0, 6000),
        "pay_frequency": st.sampled_from(tuple(PAY_FREQUENCIES)),
    }
)


def run(values):
    return valid_result(CALCULATOR, values)


def dollars(text):
    return Decimal(text.replace("$", "").replace(",", "").replace("−", "-"))


@FAST
@given(inputs)
def test_zero_days_means_zero_earnings(values):
    out = run({**values, "days": "0"}).outputs
    assert out["taxable_earnings"] == 0 and out["tax_due"] == 0 and out["yearly_tax_due"] == 0


@FAST
@given(inputs)
def test_earnings_match_a_60_digit_reference(values):
    # Independent check at 60 digits with ln/exp: the module's 28-digit power must agree to the
    # cent.
    with localcontext() as ctx:
        ctx.prec = 60
        r = Decimal(values["annual_return_pct"]) / 100
        growth = ((1 + r).ln() * Decimal(values["days"]) / 365).exp()
        expected = (Decimal(values["amount"]) * (growth - 1)).quantize(
            Decimal("0.01"), ROUND_HALF_UP
        )
    assert run(values).outputs["taxable_earnings"] == expected


@FAST
@given(inputs)
def test_tax_follows_the_sign_of_the_return(values):
    out = run(values).outputs
    r = Decimal(values["annual_return_pct"])
    if r >= 0:
        assert out["taxable_earnings"] >= 0
    else:
        assert out["taxable_earnings"] <= 0 and out["tax_due"] == 0
    assert 0 <= out["tax_due"] <= max(out["taxable_earnings"], Decimal(0))
    assert out["yearly_tax_due"] == out["tax_due"] * PAY_FREQUENCIES[values["pay_frequency"]]


@FAST
@given(inputs, st.integers(0, 3660))
def test_waiting_longer_never_costs_less_when_returns_are_positive(values, more):
    if Decimal(values["annual_return_pct"]) < 0:
        return
    sooner = run(values).outputs["tax_due"]
    later = run({**values, "days": str(min(int(values["days"]) + more, 3660))}).outputs["tax_due"]
    assert later >= sooner


@FAST
@given(inputs)
def test_cadence_table_starts_at_the_result_and_rises_as_conversions_thin_out(values):
    result = run(values)
    (table,) = result.tables
    assert [row[0] for row in table.rows] == [label for label, _ in CADENCES]
    assert table.note and table.note not in result.notes  # said once, under the table it explains
    yearly = [dollars(row[4]) for row in table.rows]
    assert yearly[0] == result.outputs["yearly_tax_due"]
    if Decimal(values["annual_return_pct"]) >= 0:
        assert yearly == sorted(yearly)
    else:
        assert all(tax == 0 for tax in yearly)


@FAST
@given(
    st.integers(0, 3660),
    st.sampled_from(tuple(PAY_FREQUENCIES.values())),
    st.sampled_from((1, 4, 12, 52)),
)
def test_converting_at_least_as_often_as_paid_waits_the_stated_days(days, paychecks, conversions):
    wait = average_wait(days, paychecks, conversions)
    if conversions >= paychecks:
        assert wait == days
    else:
        assert wait > days
