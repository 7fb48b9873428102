"""Hand-worked tax-forms cases (contract, tax-forms, rules 1-6).

Sources: Instructions for Forms 1099-R and 5498 ("Direct Rollovers": box 1 the amount rolled,
box 2a the taxable amount, box 5 the basis, code G; a separate form for the part paid; Table 1
codes 1, 2, 7); Form 1040 instructions, lines 5a/5b; IRS Notice 2014-54, III.A (pre-tax goes to
the direct rollover first); IRC 3405(c) (20% of the taxable part paid), Treas. Reg.
31.3405(c)-1 Q&A-14 (none under $200); IRC 72(t)(1) (10% of the taxable part paid, under 59½);
IRC 6654(d)(1)(B)-(C) (100% of last year's tax, 110% when last year's AGI > $150,000, $75,000
married filing separately). Money within $1 matches; codes ignore case and spaces.
"""

from . import Case

ROTH_IRA_FORM = {
    "expected_box1": "20450.00",
    "expected_box2a": "450.00",
    "expected_box5": "20000.00",
    "expected_code": "G",
}
NO_PAYMENT = {
    "cash_box1": "0.00",
    "cash_box2a": "0.00",
    "cash_box4": "0.00",
    "cash_box5": "0.00",
    "cash_code": "none",
}

CASES = [
    # --- the four moves -------------------------------------------------------------------------
    Case(
        "tax-forms",
        "defaults: direct rollover of all of it to a Roth IRA",
        {},
        # 20,000 basis + 450 earnings = 20,450 rolled; box 2a = the earnings 450, box 5 = the basis
        # 20,000, code G. Line 5a 20,450, line 5b 450; tax 450 x 32% = 144.00. No payment, nothing
        # withheld, no 10% tax; no form typed, no prior-year tax: not-entered, unknown, unknown.
        {
            "distribution_total": "20450.00",
            **ROTH_IRA_FORM,
            **NO_PAYMENT,
            "line_5a": "20450.00",
            "line_5b": "450.00",
            "tax_estimate": "144.00",
            "additional_tax": "0.00",
            "withheld": "0.00",
            "traditional_ira_pre_tax": "0.00",
            "form_check": "not-entered",
            "form_differences": "0",
            "safe_harbor_payments": "unknown",
            "payments_short": "unknown",
        },
    ),
    Case(
        "tax-forms",
        "in-plan Roth rollover reports like a Roth IRA rollover",
        {
            "move": "in-plan",
            "after_tax_basis": "31000",
            "earnings": "1234.56",
            "tax_rate_pct": "24",
        },
        # IRR: box 1 31,000 + 1,234.56 = 32,234.56, box 2a 1,234.56, box 5 31,000, code G.
        # Tax 1,234.56 x 24% = 296.2944 -> 296.29.
        {
            "expected_box1": "32234.56",
            "expected_box2a": "1234.56",
            "expected_box5": "31000.00",
            "expected_code": "G",
            "line_5a": "32234.56",
            "line_5b": "1234.56",
            "tax_estimate": "296.29",
            "cash_code": "none",
            "traditional_ira_pre_tax": "0.00",
        },
    ),
    Case(
        "tax-forms",
        "split: basis to a Roth IRA, earnings to a traditional IRA",
        {"move": "split"},
        # One combined form: box 1 20,450, box 2a 0 (a direct rollover to a traditional IRA is not
        # taxable; the basis is not taxable either), box 5 20,000, code G. Line 5b 0 ("Rollover"),
        # tax 0; the 450 of earnings is pre-tax money in a traditional IRA (Form 8606 line 6).
        {
            "expected_box1": "20450.00",
            "expected_box2a": "0.00",
            "expected_box5": "20000.00",
            "expected_code": "G",
            **NO_PAYMENT,
            "line_5a": "20450.00",
            "line_5b": "0.00",
            "tax_estimate": "0.00",
            "additional_tax": "0.00",
            "traditional_ira_pre_tax": "450.00",
        },
    ),
    Case(
        "tax-forms",
        "roth-ira-and-cash: the earnings go with the rollover, the payment is basis",
        {"move": "roth-ira-and-cash", "cash_amount": "5000"},
        # rolled = 20,450 - 5,000 = 15,450; rolled_pre_tax = min(450, 15,450) = 450; cash_pre_tax 0.
        # Rollover form 15,450 / 450 / 15,000 / G; payment form 5,000 / 0 / withheld 0 / 5,000 / 1.
        # Line 5a 20,450 (both box 1s), 5b 450; tax 144.00; 10% of 0 = 0.
        {
            "expected_box1": "15450.00",
            "expected_box2a": "450.00",
            "expected_box5": "15000.00",
            "expected_code": "G",
            "cash_box1": "5000.00",
            "cash_box2a": "0.00",
            "cash_box4": "0.00",
            "cash_box5": "5000.00",
            "cash_code": "1",
            "line_5a": "20450.00",
            "line_5b": "450.00",
            "tax_estimate": "144.00",
            "additional_tax": "0.00",
            "withheld": "0.00",
        },
    ),
    Case(
        "tax-forms",
        "roth-ira-and-cash: a payment larger than the basis carries earnings, withheld and taxed "
        "10%",
        {"move": "roth-ira-and-cash", "cash_amount": "20200"},
        # rolled = 20,450 - 20,200 = 250, all earnings (min(450, 250) = 250); the payment carries
        # 450 - 250 = 200 of earnings and 20,000 of basis. Withheld 20% x 200 = 40.00
        # (20,200 >= 200);
        # 10% x 200 = 20.00 under 59½; code 1. Line 5b 450 -> tax 144.00.
        {
            "expected_box1": "250.00",
            "expected_box2a": "250.00",
            "expected_box5": "0.00",
            "cash_box1": "20200.00",
            "cash_box2a": "200.00",
            "cash_box4": "40.00",
            "cash_box5": "20000.00",
            "cash_code": "1",
            "line_5b": "450.00",
            "tax_estimate": "144.00",
            "additional_tax": "20.00",
            "withheld": "40.00",
        },
    ),
    Case(
        "tax-forms",
        "roth-ira-and-cash at 59½: code 7, no additional tax, still withheld",
        {"move": "roth-ira-and-cash", "cash_amount": "20200", "age_59_half": "yes"},
        # Same split as above; code 7 (normal distribution), 72(t) does not apply;
        # 20% x 200 = 40.00.
        {"cash_code": "7", "additional_tax": "0.00", "cash_box4": "40.00", "withheld": "40.00"},
    ),
    Case(
        "tax-forms",
        "roth-ira-and-cash: a payment under $200 is not withheld",
        {
            "move": "roth-ira-and-cash",
            "after_tax_basis": "100",
            "earnings": "60",
            "cash_amount": "150",
        },
        # total 160, rolled 10 (all earnings), the payment 150 carries 50 of earnings and 100 basis.
        # 20% x 50 = 10.00 but 150 < 200: Q&A-14, nothing withheld. 10% x 50 = 5.00.
        {
            "expected_box1": "10.00",
            "expected_box2a": "10.00",
            "expected_box5": "0.00",
            "cash_box2a": "50.00",
            "cash_box4": "0.00",
            "cash_box5": "100.00",
            "withheld": "0.00",
            "additional_tax": "5.00",
            "line_5b": "60.00",
        },
    ),
    Case(
        "tax-forms",
        "roth-ira-and-cash: withholding and the 10% tax round half-up to cents",
        {
            "move": "roth-ira-and-cash",
            "after_tax_basis": "1000",
            "earnings": "433.33",
            "cash_amount": "1233.33",
            "tax_rate_pct": "0",
        },
        # total 1,433.33, rolled 200 (all earnings), payment carries 433.33 - 200 = 233.33
        # of earnings.
        # 20% x 233.33 = 46.666 -> 46.67; 10% x 233.33 = 23.333 -> 23.33;
        # box 5 1,233.33 - 233.33 = 1,000.
        {
            "cash_box2a": "233.33",
            "cash_box4": "46.67",
            "cash_box5": "1000.00",
            "additional_tax": "23.33",
            "tax_estimate": "0.00",
        },
    ),
    Case(
        "tax-forms",
        "roth-ira-and-cash needs a payment: none is an error",
        {"move": "roth-ira-and-cash"},
        # cash_amount defaults to 0; the contract requires more than 0.
        errors=("cash_amount",),
    ),
    Case(
        "tax-forms",
        "roth-ira-and-cash: a payment of the whole amount is an error",
        {"move": "roth-ira-and-cash", "cash_amount": "20450"},
        # cash_amount must be less than distribution_total (20,450): nothing would be rolled over.
        errors=("cash_amount",),
    ),
    Case(
        "tax-forms",
        "a payment typed with another move is ignored",
        {"move": "roth-ira", "cash_amount": "5000"},
        # Only roth-ira-and-cash reads cash_amount: the forms are those of the default move.
        {**ROTH_IRA_FORM, **NO_PAYMENT, "line_5b": "450.00"},
    ),
    # --- the form check -------------------------------------------------------------------------
    Case(
        "tax-forms",
        "form check: the form matches (code typed in lower case with spaces)",
        {"form_box1": "20,450", "form_box2a": "450", "form_box5": "$20,000.00", "form_box7": " g "},
        # Every box as expected; " g " is G once spaces are dropped and case ignored.
        {"form_check": "matches", "form_differences": "0"},
    ),
    Case(
        "tax-forms",
        "form check: within $1 either way matches",
        {"form_box1": "20451", "form_box2a": "449", "form_box5": "20000.99"},
        # |20,451 - 20,450| = 1, |449 - 450| = 1, |20,000.99 - 20,000| = 0.99:
        # all within $1 inclusive.
        {"form_check": "matches", "form_differences": "0"},
    ),
    Case(
        "tax-forms",
        "form check: $1.01 off differs",
        {"form_box2a": "451.01"},
        # |451.01 - 450| = 1.01 > 1: one box differs.
        {"form_check": "differs", "form_differences": "1"},
    ),
    Case(
        "tax-forms",
        "form check: the plan did not report the basis",
        {"form_box1": "20450", "form_box2a": "20450", "form_box5": "0", "form_box7": "G"},
        # Box 2a 20,450 (should be 450) and box 5 0 (should be 20,000): 2 differences.
        # A box typed as
        # 0 counts as given.
        {"form_check": "differs", "form_differences": "2"},
    ),
    Case(
        "tax-forms",
        "form check: a payment's code on a direct rollover",
        {"form_box7": "7"},
        # Expected G, printed 7: the plan reported a payment, not a direct rollover. 1 difference.
        {"form_check": "differs", "form_differences": "1"},
    ),
    Case(
        "tax-forms",
        "form check: only box 2a typed, as 0",
        {"form_box2a": "0"},
        # Given (0 is a value): 0 against 450 differs.
        {"form_check": "differs", "form_differences": "1"},
    ),
    Case(
        "tax-forms",
        "split: one form per destination, the Roth IRA's form matches",
        {
            "move": "split",
            "form_box1": "20000",
            "form_box2a": "0",
            "form_box5": "20000",
            "form_box7": "G",
        },
        # Box 1 20,000 is more than $1 from 20,450 and within $1 of the basis: compared with
        # (20,000, 0, 20,000, G). All match.
        {"form_check": "matches", "form_differences": "0"},
    ),
    Case(
        "tax-forms",
        "split: the traditional IRA's form shows a taxable amount",
        {
            "move": "split",
            "form_box1": "450",
            "form_box2a": "450",
            "form_box5": "0",
            "form_box7": "G",
        },
        # Box 1 450 = the earnings: compared with (450, 0, 0, G). Box 2a 450 should be 0: a direct
        # rollover to a traditional IRA is not taxable. 1 difference.
        {"form_check": "differs", "form_differences": "1"},
    ),
    Case(
        "tax-forms",
        "split: one combined form showing the earnings as taxable",
        {
            "move": "split",
            "form_box1": "20450",
            "form_box2a": "450",
            "form_box5": "20000",
            "form_box7": "G",
        },
        # Box 1 = 20,450: the combined form (20,450, 0, 20,000, G); box 2a 450 differs.
        {"form_check": "differs", "form_differences": "1", "line_5b": "0.00"},
    ),
    Case(
        "tax-forms",
        "roth-ira-and-cash: the payment's form is recognized by its box 1",
        {
            "move": "roth-ira-and-cash",
            "cash_amount": "20200",
            "form_box1": "20200",
            "form_box2a": "200",
            "form_box5": "20000",
            "form_box7": "1",
        },
        # Box 1 20,200 is within $1 of the payment (and not of the 250 rolled): compared with the
        # payment's form (20,200, 200, 20,000, 1). All match.
        {"form_check": "matches", "form_differences": "0"},
    ),
    Case(
        "tax-forms",
        "roth-ira-and-cash: code 2 on the payment's form differs from 1",
        {
            "move": "roth-ira-and-cash",
            "cash_amount": "20200",
            "form_box1": "20200",
            "form_box7": "2",
        },
        # The calculator assumes no exception to 72(t): expected 1, printed 2
        # (the page says code 2 may be right).
        {"form_check": "differs", "form_differences": "1"},
    ),
    Case(
        "tax-forms",
        "roth-ira-and-cash: a payment's code on the rollover's form",
        {
            "move": "roth-ira-and-cash",
            "cash_amount": "5000",
            "form_box1": "15450",
            "form_box7": "1",
        },
        # Box 1 15,450 = the rollover: compared with (15,450, 450, 15,000, G); code 1 differs.
        {"form_check": "differs", "form_differences": "1"},
    ),
    Case(
        "tax-forms",
        "box 7 must be one or two letters or digits",
        {"form_box7": "G7X"},
        # Three characters: a field error, never an exception.
        errors=("form_box7",),
    ),
    # --- the safe harbor ------------------------------------------------------------------------
    Case(
        "tax-forms",
        "safe harbor: last year's AGI above $150,000 -> 110%",
        {"prior_year_tax": "30000", "prior_year_agi": "200000", "payments": "25000"},
        # 30,000 x 110% = 33,000.00; short 33,000 - 25,000 = 8,000.00 (IRC 6654(d)(1)(C)(i)).
        {"safe_harbor_payments": "33000.00", "payments_short": "8000.00"},
    ),
    Case(
        "tax-forms",
        "safe harbor: AGI of exactly $150,000 is not above it -> 100%",
        {"prior_year_tax": "30000", "prior_year_agi": "150000", "payments": "31000"},
        # "exceeds $150,000": 150,000 does not, so 30,000 x 100% = 30,000.00; paid more: short 0.
        {"safe_harbor_payments": "30000.00", "payments_short": "0.00"},
    ),
    Case(
        "tax-forms",
        "safe harbor: married filing separately, $75,000 threshold",
        {
            "prior_year_tax": "12345.67",
            "prior_year_agi": "80000",
            "filing_status": "married_separate",
        },
        # 80,000 > 75,000 (6654(d)(1)(C)(ii)): 12,345.67 x 110% = 13,580.237 -> 13,580.24;
        # no payments.
        {"safe_harbor_payments": "13580.24", "payments_short": "unknown"},
    ),
    Case(
        "tax-forms",
        "safe harbor: separately and lived apart, AGI at the $75,000 threshold -> 100%",
        {
            "prior_year_tax": "12345.67",
            "prior_year_agi": "75000",
            "filing_status": "married_separate_lived_apart",
        },
        # 75,000 does not exceed 75,000: 12,345.67 x 100%.
        {"safe_harbor_payments": "12345.67"},
    ),
    Case(
        "tax-forms",
        "safe harbor: married filing jointly keeps the $150,000 threshold",
        {"prior_year_tax": "20000", "prior_year_agi": "100000", "filing_status": "married_joint"},
        # 100,000 <= 150,000: 20,000 x 100% = 20,000.00.
        {"safe_harbor_payments": "20000.00"},
    ),
    Case(
        "tax-forms",
        "safe harbor: without last year's AGI, the 110% figure",
        {"prior_year_tax": "10000", "payments": "4000"},
        # No AGI: 10,000 x 110% = 11,000.00 (with a warning); short 7,000.00.
        {"safe_harbor_payments": "11000.00", "payments_short": "7000.00"},
    ),
    Case(
        "tax-forms",
        "safe harbor: payments without last year's tax stay unknown",
        {"payments": "4000"},
        # No prior_year_tax: both unknown.
        {"safe_harbor_payments": "unknown", "payments_short": "unknown"},
    ),
]
