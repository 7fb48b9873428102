"""Hand-worked after-tax-split cases (contract, after-tax-split; IRS Notice 2014-54).

basis_portion = distribution x basis / (basis + earnings), half-up to cents (pro rata within
the plan's after-tax account, IRC 72(e)(8)); earnings_portion = distribution - basis_portion.
Earnings to Roth: all to Roth, earnings taxable. Earnings to a traditional IRA: basis to Roth,
earnings to the IRA, nothing taxable. tax_due = taxable x rate, in cents. IRA balances never
enter (IRA aggregation, IRC 408(d)(2), covers IRAs only).
"""

from . import Case

CASES = [
    Case(
        "after-tax-split",
        "defaults: the whole account to Roth",
        {},
        # distribution defaults to 30,000 + 450 = 30,450; basis 30,450 x 30,000 / 30,450 =
        # 30,000.00;
        # earnings 450.00, taxable when converted: 450 x 32% = 144.00.
        {
            "basis_portion": "30000.00",
            "earnings_portion": "450.00",
            "to_roth": "30450.00",
            "to_traditional": "0.00",
            "taxable_amount": "450.00",
            "tax_due": "144.00",
        },
    ),
    Case(
        "after-tax-split",
        "whole account, earnings to a traditional IRA",
        {"earnings_to": "traditional-ira"},
        # Notice 2014-54: basis 30,000 to the Roth IRA, earnings 450 to the traditional IRA, no tax
        # now.
        {
            "to_roth": "30000.00",
            "to_traditional": "450.00",
            "taxable_amount": "0.00",
            "tax_due": "0.00",
        },
    ),
    Case(
        "after-tax-split",
        "partial move is pro rata",
        {"distribution": "10000"},
        # 10,000 x 30,000 / 30,450 = 9,852.2167... -> 9,852.22; earnings 147.78;
        # to Roth 10,000; tax 147.78 x 32% = 47.2896 -> 47.29.
        {
            "basis_portion": "9852.22",
            "earnings_portion": "147.78",
            "to_roth": "10000.00",
            "taxable_amount": "147.78",
            "tax_due": "47.29",
        },
    ),
    Case(
        "after-tax-split",
        "partial move, earnings to a traditional IRA",
        {"distribution": "10000", "earnings_to": "traditional-ira"},
        # Same split: 9,852.22 basis to Roth, 147.78 earnings to the IRA, taxable 0.
        {
            "to_roth": "9852.22",
            "to_traditional": "147.78",
            "taxable_amount": "0.00",
            "tax_due": "0.00",
        },
    ),
    Case(
        "after-tax-split",
        "half a cent of basis rounds up",
        {"after_tax_basis": "1", "earnings": "1", "distribution": "0.01"},
        # 0.01 x 1 / 2 = 0.005 -> 0.01 half-up; earnings 0.01 - 0.01 = 0.00.
        {"basis_portion": "0.01", "earnings_portion": "0.00", "taxable_amount": "0.00"},
    ),
    Case(
        "after-tax-split",
        "empty account: everything is zero",
        {"after_tax_basis": "0", "earnings": "0"},
        # basis + earnings = 0: distribution defaults to 0 and no division is made.
        {
            "basis_portion": "0.00",
            "earnings_portion": "0.00",
            "to_roth": "0.00",
            "to_traditional": "0.00",
            "taxable_amount": "0.00",
            "tax_due": "0.00",
        },
    ),
    Case(
        "after-tax-split",
        "only earnings in the account",
        {"after_tax_basis": "0", "earnings": "100", "distribution": "50"},
        # 50 x 0 / 100 = 0 basis; 50 earnings, taxable to Roth: 50 x 32% = 16.00.
        {
            "basis_portion": "0.00",
            "earnings_portion": "50.00",
            "taxable_amount": "50.00",
            "tax_due": "16.00",
        },
    ),
    Case(
        "after-tax-split",
        "no earnings: nothing taxable",
        {"after_tax_basis": "5000", "earnings": "0", "distribution": "2000", "tax_rate_pct": "37"},
        # 2,000 x 5,000 / 5,000 = 2,000 basis; 0 earnings; tax 0.
        {
            "basis_portion": "2000.00",
            "earnings_portion": "0.00",
            "to_roth": "2000.00",
            "tax_due": "0.00",
        },
    ),
    Case(
        "after-tax-split",
        "moving nothing",
        {"distribution": "0"},
        # 0 x anything = 0.
        {"basis_portion": "0.00", "earnings_portion": "0.00", "to_roth": "0.00", "tax_due": "0.00"},
    ),
    Case(
        "after-tax-split",
        "moving more than the account is rejected",
        {"distribution": "30450.01"},
        # 30,000 + 450 = 30,450: one cent more cannot come out of the account.
        errors=("distribution",),
    ),
    Case(
        "after-tax-split",
        "bad inputs name their fields",
        {"earnings_to": "ira", "tax_rate_pct": "61", "earnings": "-1"},
        # earnings_to codes roth / traditional-ira; tax rate 0-60; no negative amounts.
        errors=("earnings_to", "tax_rate_pct", "earnings"),
    ),
]
