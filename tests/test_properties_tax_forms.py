"""Properties of tax-forms over generated inputs (contract, tax-forms; Notice 2014-54, IRC 3405(c),
72(t), 6654(d))."""

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from calc import get, statutory
from calc.shared_fields import FILING_STATUSES as STATUS_CHOICES
from tests.properties import FAST, valid_result

CALCULATOR = get("tax-forms")
MOVES = ("in-plan", "roth-ira", "split", "roth-ira-and-cash")


def text(amount_cents: int) -> str:
    return f"{amount_cents // 100}.{amount_cents % 100:02d}"


@st.composite
def inputs(draw, moves=MOVES):
    """A move with its amounts (a payment strictly inside the total), and any optional fields."""
    move = draw(st.sampled_from(moves))
    basis = draw(st.integers(0, 5 * 10**9))
    earnings = draw(st.integers(0, 5 * 10**9))
    if move == "roth-ira-and-cash" and basis + earnings < 2:
        earnings = 2  # room for a payment more than 0 and less than the total
    values = {
        "move": move,
        "after_tax_basis": text(basis),
        "earnings": text(earnings),
        "age_59_half": draw(st.sampled_from(("yes", "no"))),
        "tax_rate_pct": text(draw(st.integers(0, 6000))),
        "filing_status": draw(st.sampled_from([code for code, _ in STATUS_CHOICES])),
    }
    if move == "roth-ira-and-cash":
        values["cash_amount"] = text(draw(st.integers(1, basis + earnings - 1)))
    for name in (
        "form_box1",
        "form_box2a",
        "form_box5",
        "prior_year_tax",
        "prior_year_agi",
        "payments",
    ):
        if draw(st.booleans()):
            values[name] = text(draw(st.integers(0, 10**10)))
    if draw(st.booleans()):
        values["form_box7"] = draw(st.sampled_from(("G", "g", " 1", "7", "2", "H", "4G")))
    return values


def outputs(values):
    return valid_result(CALCULATOR, values).outputs


@FAST
@given(inputs())
def test_line_5b_never_exceeds_line_5a_and_is_the_earnings_or_nothing(values):
    out = outputs(values)
    assert 0 <= out["line_5b"] <= out["line_5a"] == out["distribution_total"]
    assert out["line_5b"] == (0 if values["move"] == "split" else Decimal(values["earnings"]))


@FAST
@given(inputs(moves=("roth-ira-and-cash",)))
def test_the_two_forms_add_up_to_the_distribution(values):
    out = outputs(values)
    assert out["expected_box1"] + out["cash_box1"] == out["distribution_total"]
    assert out["expected_box2a"] + out["cash_box2a"] == Decimal(
        values["earnings"]
    )  # the taxable parts
    assert out["expected_box5"] + out["cash_box5"] == Decimal(values["after_tax_basis"])
    for box1, box2a, box5 in (
        ("expected_box1", "expected_box2a", "expected_box5"),
        ("cash_box1", "cash_box2a", "cash_box5"),
    ):
        assert out[box2a] + out[box5] == out[box1] and out[box2a] >= 0 and out[box5] >= 0


@FAST
@given(inputs(moves=("roth-ira-and-cash",)))
def test_pre_tax_goes_to_the_rollover_first(values):
    """Notice 2014-54: the payment carries earnings only once the rollover is all earnings."""
    out = outputs(values)
    if out["cash_box2a"] > 0:
        assert out["expected_box5"] == 0 and out["expected_box2a"] == out["expected_box1"]


@FAST
@given(inputs())
def test_withholding_and_additional_tax_only_on_the_taxable_payment(values):
    out = outputs(values)
    assert out["withheld"] == out["cash_box4"] <= out["cash_box2a"]
    assert out["additional_tax"] <= out["cash_box2a"]
    if values["move"] != "roth-ira-and-cash":
        assert (
            out["cash_code"] == "none"
            and out["cash_box1"] == out["withheld"] == out["additional_tax"] == 0
        )
    else:
        assert out["cash_code"] == ("7" if values["age_59_half"] == "yes" else "1")
        if out["cash_box1"] < statutory.dollars("withholding_floor"):
            assert out["withheld"] == 0
    if values["age_59_half"] == "yes":
        assert out["additional_tax"] == 0


@FAST
@given(inputs())
def test_the_rollover_form_is_code_g_and_only_a_split_leaves_pre_tax_in_an_ira(values):
    out = outputs(values)
    assert out["expected_code"] == "G"
    assert out["traditional_ira_pre_tax"] == (
        Decimal(values["earnings"]) if values["move"] == "split" else 0
    )
    assert out["tax_estimate"] + out["additional_tax"] >= 0


@FAST
@given(inputs())
def test_the_form_check_counts_typed_boxes_only(values):
    out = outputs(values)
    typed = sum(
        1 for name in ("form_box1", "form_box2a", "form_box5", "form_box7") if name in values
    )
    assert 0 <= out["form_differences"] <= typed
    if typed == 0:
        assert out["form_check"] == "not-entered"
    else:
        assert out["form_check"] == ("matches" if out["form_differences"] == 0 else "differs")


@FAST
@given(inputs())
def test_a_form_typed_as_expected_matches(values):
    """The expected rollover form, typed back, always matches."""
    out = outputs(values)
    typed = {
        **values,
        "form_box1": str(out["expected_box1"]),
        "form_box2a": str(out["expected_box2a"]),
        "form_box5": str(out["expected_box5"]),
        "form_box7": out["expected_code"].lower(),
    }
    again = outputs(typed)
    assert again["form_check"] == "matches" and again["form_differences"] == 0


@FAST
@given(inputs())
def test_safe_harbor_is_100_or_110_percent_of_last_years_tax(values):
    out = outputs(values)
    if "prior_year_tax" not in values:
        assert out["safe_harbor_payments"] == out["payments_short"] == "unknown"
        return
    tax = Decimal(values["prior_year_tax"])
    assert out["safe_harbor_payments"] in (
        tax,
        (tax * Decimal("1.1")).quantize(Decimal("0.01"), ROUND_HALF_UP),
    )
    assert tax <= out["safe_harbor_payments"]
    if "payments" in values:
        assert out["payments_short"] == max(
            out["safe_harbor_payments"] - Decimal(values["payments"]), 0
        )
    else:
        assert out["payments_short"] == "unknown"
