"""Hand-worked backdoor-pro-rata cases: Form 8606 (2025) and its instructions, line by line."""

from . import Case

CASES = [
    Case(
        "backdoor-pro-rata",
        "a clean backdoor of the 2026 IRA limit is not taxed",
        {"nondeductible_contributions": "7500", "conversions": "7500"},
        # Lines 1 and 8: the 2026 IRA limit, 7,500 (Notice 2025-67), contributed and converted.
        # Line 3 = 7,500 + 0; line 5 = 7,500 - 0; line 9 = 0 + 0 + 7,500; line 10 = 7,500 / 7,500 =
        # 1;
        # line 11 = 7,500 x 1; line 14 = 7,500 - 7,500 = 0; line 18 = 7,500 - 7,500 = 0.
        {
            "line3": "7500.00",
            "line5": "7500.00",
            "line9": "7500.00",
            "line10": "1.00000",
            "line11": "7500.00",
            "line12": "0.00",
            "line13": "7500.00",
            "line14": "0.00",
            "line15c": "0.00",
            "line18": "0.00",
        },
    ),
    Case(
        "backdoor-pro-rata",
        "pre-tax IRA money on December 31 makes most of the conversion taxable",
        {
            "year_end_ira_balance": "93,000",
            "nondeductible_contributions": "7000",
            "conversions": "7000",
        },
        # A 2025 backdoor of the 2025 limit, 7,000. Pro-rata rule (IRC 408(d)(2)): line 9 = 93,000 +
        # 0 + 7,000 = 100,000;
        # line 10 = 7,000 / 100,000 = 0.07; line 11 = 7,000 x 0.07 = 490;
        # line 14 = 7,000 - 490 = 6,510; line 18 = 7,000 - 490 = 6,510.
        {
            "line9": "100000.00",
            "line10": "0.07000",
            "line11": "490.00",
            "line13": "490.00",
            "line14": "6510.00",
            "line18": "6510.00",
        },
    ),
    Case(
        "backdoor-pro-rata",
        "no distribution and no conversion: lines 6-13 blank, line 14 = line 3",
        {
            "nondeductible_contributions": "7000",
            "prior_basis": "2000",
            "year_end_ira_balance": "9500",
            "conversions": "0",
        },
        # Form 8606 line 5 instructions: with no distribution or conversion, skip lines 6-13 and
        # enter line 3 on line 14: 7,000 + 2,000 = 9,000. Nothing is taxable.
        {
            "line3": "9000.00",
            "line5": "9000.00",
            "line9": "",
            "line10": "",
            "line11": "",
            "line12": "",
            "line13": "",
            "line14": "9000.00",
            "line15c": "0.00",
            "line18": "0.00",
        },
    ),
    Case(
        "backdoor-pro-rata",
        "line 10 is capped at 1",
        {"nondeductible_contributions": "7000", "prior_basis": "3000", "conversions": "7000"},
        # Line 5 = 10,000; line 9 = 7,000; 10,000 / 7,000 = 1.43 -> enter 1.000.
        # Line 11 = 7,000; line 14 = 10,000 - 7,000 = 3,000 carried forward.
        {
            "line5": "10000.00",
            "line10": "1.00000",
            "line11": "7000.00",
            "line14": "3000.00",
            "line18": "0.00",
        },
    ),
    Case(
        "backdoor-pro-rata",
        "contribution made after December 31 (line 4) stays out of line 5",
        {
            "nondeductible_contributions": "7000",
            "prior_basis": "7000",
            "contributions_after_year_end": "7000",
            "conversions": "7000",
        },
        # Last year's 7,000 basis is converted this year; this year's 7,000 was contributed in
        # April.
        # Line 3 = 14,000; line 5 = 14,000 - 7,000 = 7,000; line 9 = 7,000; line 10 = 1;
        # line 11 = 7,000; line 14 = 14,000 - 7,000 = 7,000; line 18 = 0.
        {
            "line3": "14000.00",
            "line5": "7000.00",
            "line10": "1.00000",
            "line11": "7000.00",
            "line14": "7000.00",
            "line18": "0.00",
        },
    ),
    Case(
        "backdoor-pro-rata",
        "distribution and conversion in the same year",
        {
            "nondeductible_contributions": "6000",
            "year_end_ira_balance": "10000",
            "distributions": "1000",
            "conversions": "6000",
        },
        # Line 9 = 10,000 + 1,000 + 6,000 = 17,000; line 10 = 6,000 / 17,000 = 0.352941...
        # (0.35294);
        # line 11 = 6,000 x 0.352941... = 2,117.65 -> 2,118; line 12 = 1,000 x 0.352941... = 352.94
        # -> 353;
        # line 13 = 2,471; line 14 = 6,000 - 2,471 = 3,529; line 15c = 1,000 - 353 = 647; line 18 =
        # 6,000 - 2,118 = 3,882.
        {
            "line9": "17000.00",
            "line10": "0.35294",
            "line11": "2118.00",
            "line12": "353.00",
            "line13": "2471.00",
            "line14": "3529.00",
            "line15c": "647.00",
            "line18": "3882.00",
        },
    ),
    Case(
        "backdoor-pro-rata",
        "distribution only",
        {
            "nondeductible_contributions": "0",
            "prior_basis": "5000",
            "year_end_ira_balance": "45000",
            "distributions": "10000",
            "conversions": "0",
        },
        # Line 9 = 45,000 + 10,000 + 0 = 55,000; line 10 = 5,000 / 55,000 = 0.090909... (0.09091);
        # line 11 = 0; line 12 = 10,000 / 11 = 909.09 -> 909; line 14 = 5,000 - 909 = 4,091;
        # line 15c = 10,000 - 909 = 9,091; line 18 = 0.
        {
            "line10": "0.09091",
            "line11": "0.00",
            "line12": "909.00",
            "line14": "4091.00",
            "line15c": "9091.00",
            "line18": "0.00",
        },
    ),
    Case(
        "backdoor-pro-rata",
        "line 11 rounds half-up to whole dollars",
        {
            "nondeductible_contributions": "1000",
            "year_end_ira_balance": "998",
            "conversions": "3002",
        },
        # Line 9 = 998 + 3,002 = 4,000; line 10 = 1,000 / 4,000 = 0.25; line 11 = 3,002 x 0.25 =
        # 750.50
        # -> 751 (half-up; banker's rounding would give 750); line 14 = 249; line 18 = 3,002 - 751 =
        # 2,251.
        {"line10": "0.25000", "line11": "751.00", "line14": "249.00", "line18": "2251.00"},
    ),
    Case(
        "backdoor-pro-rata",
        "a repeating line 10 still rounds an exact half up",
        {"nondeductible_contributions": "5", "year_end_ira_balance": "3", "conversions": "3"},
        # Line 9 = 3 + 3 = 6; line 10 = 5/6 = 0.8333... (0.83333); line 11 = 3 x 5/6 = 2.50 exactly
        # -> 3
        # (a 28-digit 0.8333...3 would give 2.4999... -> 2); line 14 = 5 - 3 = 2; line 18 = 3 - 3 =
        # 0.
        {"line10": "0.83333", "line11": "3.00", "line14": "2.00", "line18": "0.00"},
    ),
    Case(
        "backdoor-pro-rata",
        "line 10 is used at full precision, not at 5 decimals",
        {
            "nondeductible_contributions": "0",
            "prior_basis": "1000000",
            "year_end_ira_balance": "6000000",
            "conversions": "3000000",
        },
        # Line 9 = 9,000,000; line 10 = 1/9 = 0.111111... (shown 0.11111);
        # line 11 = 3,000,000 / 9 = 333,333.33 -> 333,333 (0.11111 would give 333,330);
        # line 14 = 1,000,000 - 333,333 = 666,667; line 18 = 3,000,000 - 333,333 = 2,666,667.
        {"line10": "0.11111", "line11": "333333.00", "line14": "666667.00", "line18": "2666667.00"},
    ),
    Case(
        "backdoor-pro-rata",
        "entries with cents are rounded half-up to whole dollars first",
        {
            "nondeductible_contributions": "6,999.50",
            "conversions": "$7,000.49",
            "distributions": "0.49",
        },
        # The form takes whole dollars: 6,999.50 -> 7,000; 7,000.49 -> 7,000; 0.49 -> 0.
        # Line 9 = 7,000; line 10 = 1; line 11 = 7,000; line 18 = 0.
        {
            "line3": "7000.00",
            "line9": "7000.00",
            "line11": "7000.00",
            "line15c": "0.00",
            "line18": "0.00",
        },
    ),
    Case(
        "backdoor-pro-rata",
        "line 4 larger than line 1 is rejected",
        {
            "nondeductible_contributions": "7000",
            "contributions_after_year_end": "8000",
            "conversions": "7000",
        },
        # Line 4 is the part of line 1 contributed after December 31, so it cannot exceed line 1.
        errors=("contributions_after_year_end",),
    ),
    Case(
        "backdoor-pro-rata",
        "bad amounts name their fields",
        {
            "conversions": "-7000",
            "year_end_ira_balance": "lots",
            "prior_basis": "100000001",
            "nondeductible_contributions": "7000",
        },
        errors=("conversions", "year_end_ira_balance", "prior_basis"),
    ),
]
