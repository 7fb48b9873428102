"""Properties of after-tax-room over generated inputs (contract, after-tax-room)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from calc import get
from tests.properties import FAST, LIMITS, valid_result

CALCULATOR = get("after-tax-room")


def money(max_dollars=500_000):
    return st.integers(0, max_dollars * 100).map(lambda c: f"{c // 100}.{c % 100:02d}")


inputs = st.fixed_dictionaries(
    {
        "year": st.sampled_from([str(y) for y in LIMITS.years]),
        "age": st.integers(0, 120).map(str),
        "compensation": money(),
        "deferrals_other_plans": money(60_000),
        "employer_contributions": money(100_000),
        "after_tax_contributed": money(100_000),
    },
    optional={
        "deferrals": money(60_000),
        "plan_after_tax_cap_pct": st.integers(0, 100).map(str),
        "prior_year_wages": money(),
    },
)


def outputs(values):
    return valid_result(CALCULATOR, values).outputs


@FAST
@given(inputs)
def test_room_is_never_negative_nor_above_the_limit(values):
    out = outputs(values)
    limit = LIMITS.year(int(values["year"])).annual_additions
    assert Decimal(0) <= out["after_tax_room"] <= out["annual_additions_limit"] <= limit
    assert Decimal(0) <= out["after_tax_remaining"] <= out["after_tax_room"]
    assert out["annual_additions_limit"] <= Decimal(values["compensation"])


@FAST
@given(inputs, st.integers(1, 5_000_000).map(lambda c: Decimal(c) / 100))
def test_more_employer_money_never_increases_the_room(values, extra):
    more = {
        **values,
        "employer_contributions": str(Decimal(values["employer_contributions"]) + extra),
    }
    assert outputs(more)["after_tax_room"] <= outputs(values)["after_tax_room"]


@FAST
@given(inputs)
def test_catch_up_never_counts_toward_415c(values):
    out = outputs(values)
    y = LIMITS.year(int(values["year"]))
    deferrals = Decimal(values["deferrals"]) if "deferrals" in values else y.elective_deferral
    assert out["deferrals_counted"] + out["catch_up_used"] == deferrals
    assert out["catch_up_used"] <= out["catch_up_limit"]
    assert out["total_possible"] == out["annual_additions_limit"] + out["catch_up_limit"]


@FAST
@given(inputs)
def test_excess_and_room_are_exclusive(values):
    """Contributions over 415(c) leave no room still open."""
    out = outputs(values)
    if out["excess_annual_additions"] > 0:
        assert out["after_tax_remaining"] == 0


@FAST
@given(inputs)
def test_catch_up_limit_follows_age_and_year(values):
    out = outputs(values)
    age, y = int(values["age"]), LIMITS.year(int(values["year"]))
    if age < 50:
        assert out["catch_up_limit"] == 0
    elif 60 <= age <= 63 and y.catch_up_60_63 is not None:
        assert out["catch_up_limit"] == y.catch_up_60_63
    else:
        assert out["catch_up_limit"] == y.catch_up
