"""Hand-worked after-tax-room cases. Limits: content/limits.yaml (IRS notices per year)."""

from . import Case

CASES = [
    Case(
        "after-tax-room",
        "defaults, 2026",
        {"year": "2026"},
        # 415(c) 2026 = 72,000 (Notice 2025-67); deferrals default to 402(g) 24,500;
        # 72,000 - 24,500 - 10,000 employer = 37,500. At 40 there is no catch-up to make, so it
        # need not be Roth (SECURE 2.0 sec. 603 reaches catch-ups only).
        {
            "after_tax_room": "37500.00",
            "after_tax_remaining": "37500.00",
            "annual_additions_limit": "72000.00",
            "total_possible": "72000.00",
            "catch_up_limit": "0.00",
            "deferrals_counted": "24500.00",
            "excess_deferrals": "0.00",
            "excess_annual_additions": "0.00",
            "catch_up_must_be_roth": "false",
        },
    ),
    Case(
        "after-tax-room",
        "2026 total with the age-50 catch-up is 80,000, not 79,500",
        {"year": "2026", "age": "55", "deferrals": "32500", "employer_contributions": "0"},
        # Catch-ups do not count toward 415(c) (IRC 414(v)(3)(A)): 72,000 + 8,000 = 80,000.
        # Catch-up used = min(max(32,500 - 24,500, 0), 8,000, 32,500) = 8,000;
        # counted = 24,500; room = 72,000 - 24,500 - 0 = 47,500.
        {
            "total_possible": "80000.00",
            "catch_up_limit": "8000.00",
            "catch_up_used": "8000.00",
            "deferrals_counted": "24500.00",
            "after_tax_room": "47500.00",
            "excess_deferrals": "0.00",
        },
    ),
    Case(
        "after-tax-room",
        "2026 age 60-63 catch-up gives 83,250",
        {"year": "2026", "age": "61", "deferrals": "35750", "employer_contributions": "5000"},
        # SECURE 2.0 catch-up 11,250 (414(v)(2)(E)): 72,000 + 11,250 = 83,250.
        # used = min(35,750 - 24,500 = 11,250, 11,250, 35,750) = 11,250; room = 72,000 - 24,500 -
        # 5,000 = 42,500.
        {
            "total_possible": "83250.00",
            "catch_up_limit": "11250.00",
            "catch_up_used": "11250.00",
            "after_tax_room": "42500.00",
        },
    ),
    Case(
        "after-tax-room",
        "age 64 is back to the age-50 catch-up",
        {"year": "2026", "age": "64"},
        # 60-63 only: at 64 the 414(v)(2)(B) 8,000 applies; 72,000 + 8,000.
        {"catch_up_limit": "8000.00", "total_possible": "80000.00"},
    ),
    Case(
        "after-tax-room",
        "no age 60-63 catch-up before 2025",
        {"year": "2024", "age": "61"},
        # 2024 has no 414(v)(2)(E) amount: catch-up 7,500 (Notice 2023-75); 69,000 + 7,500 = 76,500.
        # Room = 69,000 - 23,000 (2024 402(g)) - 10,000 = 36,000.
        {"catch_up_limit": "7500.00", "total_possible": "76500.00", "after_tax_room": "36000.00"},
    ),
    Case(
        "after-tax-room",
        "2025 age 60 gets 11,250",
        {"year": "2025", "age": "60", "employer_contributions": "0"},
        # Notice 2024-80: 70,000 + 11,250 = 81,250; room = 70,000 - 23,500 = 46,500.
        {"catch_up_limit": "11250.00", "total_possible": "81250.00", "after_tax_room": "46500.00"},
    ),
    Case(
        "after-tax-room",
        "compensation below 415(c) limits the room",
        {
            "year": "2026",
            "compensation": "50,000",
            "deferrals": "20000",
            "employer_contributions": "2500",
        },
        # 415(c) = lesser of 72,000 and 100% of pay 50,000 = 50,000; 50,000 - 20,000 - 2,500 =
        # 27,500.
        {
            "annual_additions_limit": "50000.00",
            "after_tax_room": "27500.00",
            "total_possible": "50000.00",
        },
    ),
    Case(
        "after-tax-room",
        "plan cap of 10% of pay",
        {"year": "2026", "compensation": "$150,000", "plan_after_tax_cap_pct": "10%"},
        # 415(c) room 72,000 - 24,500 - 10,000 = 37,500; cap 10% x min(150,000, 360,000) = 15,000.
        {"after_tax_room": "15000.00", "after_tax_remaining": "15000.00"},
    ),
    Case(
        "after-tax-room",
        "plan cap uses the 401(a)(17) compensation limit",
        {"year": "2026", "compensation": "500000", "plan_after_tax_cap_pct": "5"},
        # cap 5% x min(500,000, 360,000) = 18,000 < 37,500.
        {"after_tax_room": "18000.00"},
    ),
    Case(
        "after-tax-room",
        "excess annual additions",
        {"year": "2026", "employer_contributions": "20000", "after_tax_contributed": "30000"},
        # room = 72,000 - 24,500 - 20,000 = 27,500; remaining = max(27,500 - 30,000, 0) = 0;
        # excess = 24,500 + 20,000 + 30,000 - 72,000 = 2,500.
        {
            "after_tax_room": "27500.00",
            "after_tax_remaining": "0.00",
            "excess_annual_additions": "2500.00",
        },
    ),
    Case(
        "after-tax-room",
        "402(g) is one limit across two employers",
        {"year": "2026", "deferrals": "15000", "deferrals_other_plans": "12000"},
        # 15,000 + 12,000 = 27,000 > 24,500 with no catch-up at 40: excess 2,500 (402(g) per
        # person).
        # 415(c) is per employer: counted here 15,000; room = 72,000 - 15,000 - 10,000 = 47,000.
        {
            "excess_deferrals": "2500.00",
            "catch_up_used": "0.00",
            "deferrals_counted": "15000.00",
            "after_tax_room": "47000.00",
        },
    ),
    Case(
        "after-tax-room",
        "catch-up used counts deferrals made elsewhere",
        {"year": "2026", "age": "52", "deferrals": "10000", "deferrals_other_plans": "20000"},
        # over 402(g): 30,000 - 24,500 = 5,500 <= 8,000 catch-up: used 5,500, excess 0;
        # counted here 10,000 - 5,500 = 4,500; room = 72,000 - 4,500 - 10,000 = 57,500.
        {
            "catch_up_used": "5500.00",
            "excess_deferrals": "0.00",
            "deferrals_counted": "4500.00",
            "after_tax_room": "57500.00",
        },
    ),
    Case(
        "after-tax-room",
        "Roth catch-up required above the 2026 wage threshold",
        {"year": "2026", "age": "55", "prior_year_wages": "150,000.01"},
        # SECURE 2.0 sec. 603: 2025 FICA wages above 150,000 -> catch-ups must be Roth in 2026.
        {"catch_up_must_be_roth": "true"},
    ),
    Case(
        "after-tax-room",
        "Roth catch-up not required at the threshold",
        {"year": "2026", "age": "55", "prior_year_wages": "150000"},
        # "exceeded" the threshold: exactly 150,000 does not.
        {"catch_up_must_be_roth": "false"},
    ),
    Case(
        "after-tax-room",
        "Roth catch-up not required in the 2025 transition year, whatever the wages",
        {"year": "2025", "age": "55", "prior_year_wages": "500000"},
        # Notice 2023-62 administrative transition covered 2024 and 2025: catch-ups need not be
        # Roth.
        {"catch_up_must_be_roth": "false"},
    ),
    Case(
        "after-tax-room",
        "Roth catch-up not required in 2024, before the rule",
        {"year": "2024", "age": "55"},
        # The limits file has no Roth catch-up threshold for 2024: the rule was not in force.
        {"catch_up_must_be_roth": "false"},
    ),
    Case(
        "after-tax-room",
        "Roth catch-up unknown at 50+ in 2026 without last year's wages",
        {"year": "2026", "age": "50"},
        # The rule applies in 2026 and a 50-year-old can make catch-ups; the answer needs 2025 FICA
        # wages.
        {"catch_up_must_be_roth": "unknown"},
    ),
    Case(
        "after-tax-room",
        "no Roth catch-up question under 50, even with high wages",
        {"year": "2026", "age": "49", "prior_year_wages": "500000"},
        # Under 50 there is no catch-up to make (catch_up_limit 0), so nothing must be Roth.
        {"catch_up_must_be_roth": "false", "catch_up_limit": "0.00"},
    ),
    Case(
        "after-tax-room",
        "bad inputs name their fields",
        {"age": "121", "compensation": "-5", "employer_contributions": "abc", "year": "2031"},
        errors=("age", "compensation", "employer_contributions", "year"),
    ),
]
