"""Hand-worked roth-vs-taxable cases: the model of the calculator contract, worked year by year."""

from . import Case

CASES = [
    Case(
        "roth-vs-taxable",
        "defaults: 30,000 a year for 20 years",
        {},
        # Roth: 30,000 x 1.07 x (1.07^20 - 1) / 0.07 = 1,315,955.30.
        # Taxable grows by 1 + 0.07 - 0.015 x 0.238 = 1.06643 a year: 1,261,553.52 on a basis of
        # 713,827.44 (600,000 contributed + reinvested after-tax dividends); after tax
        # 1,261,553.52 - 0.238 x 547,726.08 = 1,131,194.71 (same recurrences in exact fractions).
        {
            "roth_value": "1315955.30",
            "taxable_value_after_tax": "1131194.71",
            "roth_advantage": "184760.59",
            "total_contributed": "600000.00",
        },
    ),
    Case(
        "roth-vs-taxable",
        "one year by hand",
        {
            "annual_contribution": "1000",
            "years": "1",
            "annual_return_pct": "10",
            "dividend_yield_pct": "2",
            "dividend_tax_pct": "50",
            "capital_gains_tax_pct": "20",
        },
        # Roth: 1,000 x 1.10 = 1,100. Taxable: price 1,000 x 1.08 = 1,080; dividend 20, half kept =
        # 10
        # reinvested: 1,090, basis 1,010; gain 80 taxed 20% = 16: 1,074. Advantage 26.
        {
            "roth_value": "1100.00",
            "taxable_value_after_tax": "1074.00",
            "roth_advantage": "26.00",
            "total_contributed": "1000.00",
        },
    ),
    Case(
        "roth-vs-taxable",
        "two years by hand",
        {
            "annual_contribution": "1000",
            "years": "2",
            "annual_return_pct": "10",
            "dividend_yield_pct": "2",
            "dividend_tax_pct": "50",
            "capital_gains_tax_pct": "20",
        },
        # Roth: (1,100 + 1,000) x 1.10 = 2,310. Taxable: B = 1,090 + 1,000 = 2,090; price 2,090 x
        # 1.08 = 2,257.20
        # plus kept dividend 2,090 x 0.02 x 0.5 = 20.90: 2,278.10; basis 1,010 + 1,000 + 20.90 =
        # 2,030.90;
        # gain 247.20 x 20% = 49.44: 2,228.66. Advantage 81.34.
        {"roth_value": "2310.00", "taxable_value_after_tax": "2228.66", "roth_advantage": "81.34"},
    ),
    Case(
        "roth-vs-taxable",
        "no taxes: the wrapper is worth nothing",
        {
            "annual_contribution": "1000",
            "years": "10",
            "dividend_tax_pct": "0",
            "capital_gains_tax_pct": "0",
        },
        # Both grow at 7%: 1,000 x 1.07 x (1.07^10 - 1) / 0.07 = 14,783.60.
        {"roth_value": "14783.60", "taxable_value_after_tax": "14783.60", "roth_advantage": "0.00"},
    ),
    Case(
        "roth-vs-taxable",
        "a loss is not taxed, but the dividend tax still is",
        {
            "annual_contribution": "1000",
            "years": "1",
            "annual_return_pct": "0",
            "dividend_yield_pct": "2",
        },
        # Price 1,000 x 0.98 = 980; dividend 20 x (1 - 0.238) = 15.24 reinvested: 995.24, basis
        # 1,015.24;
        # the gain is negative, so no capital-gains tax. Roth 1,000. Advantage 4.76.
        {"roth_value": "1000.00", "taxable_value_after_tax": "995.24", "roth_advantage": "4.76"},
    ),
    Case(
        "roth-vs-taxable",
        "negative return without dividends: both lose the same",
        {
            "annual_contribution": "1000",
            "years": "2",
            "annual_return_pct": "-10",
            "dividend_yield_pct": "0",
        },
        # (1,000 x 0.9 + 1,000) x 0.9 = 1,710 in both; no gain, no tax.
        {"roth_value": "1710.00", "taxable_value_after_tax": "1710.00", "roth_advantage": "0.00"},
    ),
    Case(
        "roth-vs-taxable",
        "all return paid as dividends",
        {
            "annual_contribution": "1000",
            "years": "1",
            "annual_return_pct": "10",
            "dividend_yield_pct": "10",
            "dividend_tax_pct": "50",
            "capital_gains_tax_pct": "0",
        },
        # Price growth 10% - 10% = 0; dividend 100, half kept: 1,050, all of it basis. Roth 1,100;
        # advantage 50.
        {"roth_value": "1100.00", "taxable_value_after_tax": "1050.00", "roth_advantage": "50.00"},
    ),
    Case(
        "roth-vs-taxable",
        "rounded to cents only at the end",
        {
            "annual_contribution": "0.10",
            "years": "3",
            "annual_return_pct": "5",
            "dividend_yield_pct": "0",
            "dividend_tax_pct": "0",
            "capital_gains_tax_pct": "0",
        },
        # 0.105 -> 0.21525 -> 0.3310125 -> 0.33. Rounding every year would give 0.11, 0.22, 0.336 ->
        # 0.34.
        {"roth_value": "0.33", "taxable_value_after_tax": "0.33", "total_contributed": "0.30"},
    ),
    Case(
        "roth-vs-taxable",
        "total contributed keeps the cents",
        {
            "annual_contribution": "12,345.67",
            "years": "3",
            "annual_return_pct": "0",
            "dividend_yield_pct": "0",
        },
        # 12,345.67 x 3 = 37,037.01; no growth: every value equals the contributions.
        {
            "total_contributed": "37037.01",
            "roth_value": "37037.01",
            "taxable_value_after_tax": "37037.01",
            "roth_advantage": "0.00",
        },
    ),
    Case(
        "roth-vs-taxable",
        "zero contribution",
        {"annual_contribution": "0"},
        {
            "roth_value": "0.00",
            "taxable_value_after_tax": "0.00",
            "roth_advantage": "0.00",
            "total_contributed": "0.00",
        },
    ),
    Case(
        "roth-vs-taxable",
        "bad inputs name their fields",
        {
            "years": "61",
            "annual_return_pct": "51",
            "dividend_yield_pct": "-1",
            "dividend_tax_pct": "abc",
            "annual_contribution": "-5",
        },
        errors=(
            "years",
            "annual_return_pct",
            "dividend_yield_pct",
            "dividend_tax_pct",
            "annual_contribution",
        ),
    ),
    Case(
        "roth-vs-taxable",
        "zero years is out of range",
        {"years": "0"},
        errors=("years",),
    ),
]
