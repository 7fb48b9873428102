"""Hand-worked roth-ira-eligibility cases: IRS Publication 590-A, worksheet 2-2; limits from
content/limits.yaml."""

from . import Case

CASES = [
    Case(
        "roth-ira-eligibility",
        "defaults: below the 2026 single range, the full limit",
        {"year": "2026"},
        # Notice 2025-67: IRA limit 7,500; single range 153,000-168,000. MAGI 150,000 < 153,000.
        {
            "max_roth_contribution": "7500.00",
            "ira_limit": "7500.00",
            "phase_out_start": "153000.00",
            "phase_out_end": "168000.00",
            "needs_backdoor": "false",
        },
    ),
    Case(
        "roth-ira-eligibility",
        "mid-range result already a multiple of $10 is not rounded",
        {"year": "2026", "magi": "160000"},
        # Reduction = 7,500 x (160,000 - 153,000) / 15,000 = 3,500; 7,500 - 3,500 = 4,000.
        {"max_roth_contribution": "4000.00", "ira_limit": "7500.00", "needs_backdoor": "true"},
    ),
    Case(
        "roth-ira-eligibility",
        "age 50 catch-up and rounding up to the next $10",
        {"year": "2026", "magi": "160000", "age": "55"},
        # Limit 7,500 + 1,100 = 8,600; reduction = 8,600 x 7,000 / 15,000 = 4,013.33;
        # 8,600 - 4,013.33 = 4,586.67 -> rounded up to 4,590.
        {"max_roth_contribution": "4590.00", "ira_limit": "8600.00", "needs_backdoor": "true"},
    ),
    Case(
        "roth-ira-eligibility",
        "2024 single range",
        {"year": "2024", "magi": "150000"},
        # Notice 2023-75: 7,000, single 146,000-161,000. Reduction = 7,000 x 4,000 / 15,000 =
        # 1,866.67;
        # 5,133.33 -> 5,140.
        {
            "max_roth_contribution": "5140.00",
            "phase_out_start": "146000.00",
            "phase_out_end": "161000.00",
        },
    ),
    Case(
        "roth-ira-eligibility",
        "a result below $200 becomes $200",
        {"year": "2026", "magi": "167700"},
        # Reduction = 7,500 x 14,700 / 15,000 = 7,350; 7,500 - 7,350 = 150 -> $200 minimum.
        {"max_roth_contribution": "200.00", "needs_backdoor": "true"},
    ),
    Case(
        "roth-ira-eligibility",
        "one dollar below the end: 50 cents rounds up to $10, then $200",
        {"year": "2026", "magi": "167999"},
        # Reduction = 7,500 x 14,999 / 15,000 = 7,499.50; 0.50 -> 10 -> $200 minimum.
        {"max_roth_contribution": "200.00"},
    ),
    Case(
        "roth-ira-eligibility",
        "at the end of the range: nothing",
        {"year": "2026", "magi": "168000"},
        # MAGI at or above 168,000: zero (Publication 590-A, table 2-1).
        {"max_roth_contribution": "0.00", "ira_limit": "7500.00", "needs_backdoor": "true"},
    ),
    Case(
        "roth-ira-eligibility",
        "at the start of the range: the full limit",
        {"year": "2026", "magi": "153000"},
        # Reduction = 7,500 x 0 / 15,000 = 0.
        {"max_roth_contribution": "7500.00", "needs_backdoor": "false"},
    ),
    Case(
        "roth-ira-eligibility",
        "married filing jointly uses the joint range",
        {"year": "2026", "filing_status": "married_joint", "magi": "247000"},
        # Joint range 242,000-252,000: 7,500 x 5,000 / 10,000 = 3,750; 7,500 - 3,750 = 3,750.
        {
            "max_roth_contribution": "3750.00",
            "phase_out_start": "242000.00",
            "phase_out_end": "252000.00",
        },
    ),
    Case(
        "roth-ira-eligibility",
        "qualifying surviving spouse uses the joint range",
        {"year": "2026", "filing_status": "qualifying_surviving_spouse", "magi": "245555"},
        # 7,500 x 3,555 / 10,000 = 2,666.25; 4,833.75 -> 4,840.
        {
            "max_roth_contribution": "4840.00",
            "phase_out_start": "242000.00",
            "phase_out_end": "252000.00",
        },
    ),
    Case(
        "roth-ira-eligibility",
        "married filing separately, lived with spouse: 0 to 10,000",
        {"year": "2026", "filing_status": "married_separate", "magi": "5000"},
        # 7,500 x 5,000 / 10,000 = 3,750; 7,500 - 3,750 = 3,750.
        {
            "max_roth_contribution": "3750.00",
            "phase_out_start": "0.00",
            "phase_out_end": "10000.00",
            "needs_backdoor": "true",
        },
    ),
    Case(
        "roth-ira-eligibility",
        "married filing separately, lived with spouse, no MAGI: full limit",
        {"year": "2026", "filing_status": "married_separate", "magi": "0"},
        # MAGI 0 is at the start of the 0-10,000 range: no reduction.
        {"max_roth_contribution": "7500.00", "needs_backdoor": "false"},
    ),
    Case(
        "roth-ira-eligibility",
        "married filing separately, lived apart: the single range",
        {"year": "2026", "filing_status": "married_separate_lived_apart", "magi": "200000"},
        # Lived apart all year: treated as single (153,000-168,000); 200,000 is past the end.
        {
            "max_roth_contribution": "0.00",
            "phase_out_start": "153000.00",
            "phase_out_end": "168000.00",
        },
    ),
    Case(
        "roth-ira-eligibility",
        "head of household: the single range",
        {"year": "2026", "filing_status": "head_of_household", "magi": "155000"},
        # 7,500 x 2,000 / 15,000 = 1,000; 6,500.
        {"max_roth_contribution": "6500.00", "phase_out_start": "153000.00"},
    ),
    Case(
        "roth-ira-eligibility",
        "limit capped at taxable compensation",
        {"year": "2026", "earned_income": "5000", "magi": "60000"},
        # Worksheet line 6: lesser of 7,500 and compensation 5,000.
        {"ira_limit": "5000.00", "max_roth_contribution": "5000.00", "needs_backdoor": "false"},
    ),
    Case(
        "roth-ira-eligibility",
        "compensation with cents in the range: rounding up never passes the limit",
        {"year": "2026", "earned_income": "1234.56", "magi": "160000"},
        # 1,234.56 x 7,000 / 15,000 = 576.128; 1,234.56 - 576.128 = 658.432 -> 660.
        {"ira_limit": "1234.56", "max_roth_contribution": "660.00", "needs_backdoor": "true"},
    ),
    Case(
        "roth-ira-eligibility",
        "the $200 minimum never exceeds a smaller limit",
        {"year": "2026", "earned_income": "150", "magi": "167000"},
        # 150 x 14,000 / 15,000 = 140; 10 -> $200 minimum; line 11 = lesser of 200 and 150 = 150.
        {"ira_limit": "150.00", "max_roth_contribution": "150.00", "needs_backdoor": "false"},
    ),
    Case(
        "roth-ira-eligibility",
        "no compensation: no IRA contribution at all",
        {"year": "2026", "earned_income": "0", "magi": "160000"},
        # Limit = lesser of 7,500 and 0 = 0; a backdoor does not help either.
        {"ira_limit": "0.00", "max_roth_contribution": "0.00", "needs_backdoor": "false"},
    ),
    Case(
        "roth-ira-eligibility",
        "2022 with the 1,000 catch-up",
        {"year": "2022", "age": "50", "magi": "140000"},
        # Notice 2021-61: 6,000 + 1,000 = 7,000; single 129,000-144,000;
        # 7,000 x 11,000 / 15,000 = 5,133.33; 1,866.67 -> 1,870.
        {"ira_limit": "7000.00", "max_roth_contribution": "1870.00"},
    ),
    Case(
        "roth-ira-eligibility",
        "bad inputs name their fields",
        {
            "year": "2031",
            "filing_status": "married",
            "magi": "-1",
            "age": "121",
            "earned_income": "1e6",
        },
        errors=("year", "filing_status", "magi", "age", "earned_income"),
    ),
]
