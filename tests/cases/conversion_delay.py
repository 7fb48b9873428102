"""Hand-worked conversion-delay cases (contract, conversion-delay).

taxable_earnings = amount x ((1 + r)^(days/365) - 1), half-up to cents (negative is a loss);
tax_due = max(taxable_earnings, 0) x tax rate, in cents; yearly_tax_due = tax_due x paychecks
a year (weekly 52, biweekly 26, semimonthly 24, monthly 12). Where the power is not exact,
the value was checked at 60 digits: ln(1.07) = 0.0676586484738149...,
exp(0.0676586484738149 x 30/365) - 1 = 0.00557647578...
"""

from . import Case

CASES = [
    Case(
        "conversion-delay",
        "defaults: 10,000 waiting 30 days at 7%",
        {},
        # 10,000 x 0.00557647578... = 55.7647... -> 55.76; tax 55.76 x 32% = 17.8432 -> 17.84;
        # yearly 17.84 x 26 = 463.84.
        {"taxable_earnings": "55.76", "tax_due": "17.84", "yearly_tax_due": "463.84"},
    ),
    Case(
        "conversion-delay",
        "zero days means zero earnings",
        {"days": "0"},
        # (1.07)^0 = 1 exactly: nothing earned, nothing taxed.
        {"taxable_earnings": "0.00", "tax_due": "0.00", "yearly_tax_due": "0.00"},
    ),
    Case(
        "conversion-delay",
        "a full year earns the annual return",
        {"days": "365"},
        # (1.07)^1 - 1 = 0.07: 700.00; tax 224.00; yearly 224.00 x 26 = 5,824.00.
        {"taxable_earnings": "700.00", "tax_due": "224.00", "yearly_tax_due": "5824.00"},
    ),
    Case(
        "conversion-delay",
        "two years compound",
        {"days": "730", "pay_frequency": "monthly"},
        # (1.07)^2 = 1.1449: 1,449.00; tax 463.68; yearly 463.68 x 12 = 5,564.16.
        {"taxable_earnings": "1449.00", "tax_due": "463.68", "yearly_tax_due": "5564.16"},
    ),
    Case(
        "conversion-delay",
        "a loss is not taxable",
        {"days": "365", "annual_return_pct": "-10"},
        # (0.90)^1 - 1 = -0.10: -1,000.00, a loss; tax max(-1,000, 0) x 32% = 0.
        {"taxable_earnings": "-1000.00", "tax_due": "0.00", "yearly_tax_due": "0.00"},
    ),
    Case(
        "conversion-delay",
        "zero return",
        {"annual_return_pct": "0", "days": "3660"},
        # (1.00)^x = 1: no earnings however long the wait.
        {"taxable_earnings": "0.00", "tax_due": "0.00"},
    ),
    Case(
        "conversion-delay",
        "weekly paychecks multiply by 52",
        {"pay_frequency": "weekly"},
        # Same 17.84 per contribution; 17.84 x 52 = 927.68.
        {"tax_due": "17.84", "yearly_tax_due": "927.68"},
    ),
    Case(
        "conversion-delay",
        "half a cent of earnings rounds up",
        {"amount": "0.50", "days": "365", "annual_return_pct": "5"},
        # 0.50 x 0.05 = 0.025 -> 0.03 half-up (half-even would give 0.02); tax 0.03 x 32% = 0.0096
        # -> 0.01;
        # yearly 0.01 x 26 = 0.26.
        {"taxable_earnings": "0.03", "tax_due": "0.01", "yearly_tax_due": "0.26"},
    ),
    Case(
        "conversion-delay",
        "tax rate with a decimal",
        {"days": "365", "tax_rate_pct": "22.5", "pay_frequency": "semimonthly"},
        # 700.00 x 22.5% = 157.50; yearly 157.50 x 24 = 3,780.00.
        {"taxable_earnings": "700.00", "tax_due": "157.50", "yearly_tax_due": "3780.00"},
    ),
    Case(
        "conversion-delay",
        "45 days on 2,500",
        {"amount": "2,500", "days": "45"},
        # 2,500 x (1.07^(45/365) - 1) = 20.9409... -> 20.94 (60-digit check); tax 6.7008 -> 6.70; x
        # 26 = 174.20.
        {"taxable_earnings": "20.94", "tax_due": "6.70", "yearly_tax_due": "174.20"},
    ),
    Case(
        "conversion-delay",
        "bad inputs name their fields",
        {
            "days": "3661",
            "annual_return_pct": "-51",
            "tax_rate_pct": "61",
            "amount": "abc",
            "pay_frequency": "yearly",
        },
        # days 0-3660; return -50..50; tax rate 0-60; amount in dollars; the four pay frequency
        # codes.
        errors=("days", "annual_return_pct", "tax_rate_pct", "amount", "pay_frequency"),
    ),
]
