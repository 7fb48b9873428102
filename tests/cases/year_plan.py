"""Hand-worked year-plan cases, one or more per rule of the contract (2026 limits, Notice 2025-67:
402(g) 24,500, catch-up 8,000, 415(c) 72,000, 401(a)(17) 360,000). 2026 starts on a Thursday:
its first Friday is January 2, so biweekly paydays are January 2 + 14 k (26 of them, the last on
December 18)."""

from . import Case

CASES = [
    Case(
        "year-plan",
        "rules 1-5: defaults, a front-loading deferral percent and the match it loses",
        {"year": "2026"},
        # Rule 1: 200,000 / 26 = 7,692.3077 -> 7,692.31 a paycheck; 26 x 7,692.31 = 200,000.06.
        # Rule 2: smallest % reaching 24,500: 12% gives 923.08 x 26 = 24,000.08 (short); 13% gives
        # 1,000.00
        # (7,692.31 x 13% = 1,000.0003) a paycheck: 24 x 1,000 = 24,000, the 25th (4 Dec) defers the
        # last 500.
        # Rule 3: match 50% x min(deferral, 6% x 7,692.31 = 461.5386) = 230.77 on 25 paychecks =
        # 5,769.25;
        # the year's full match 50% x min(24,500, 6% x 200,000.06) = 6,000.00: 230.75 lost (no
        # true-up).
        # Rule 4/5: room 72,000 - 24,500 - 5,769.25 = 41,730.75; 20% = 1,538.46 x 26 = 39,999.96
        # fits,
        # 21% = 1,615.39 x 26 = 42,000.14 does not. Additions 24,500 + 5,769.25 + 39,999.96 =
        # 70,269.21.
        # Rule 7: deferrals reach the cap on 4 Dec with 18 Dec still to come; election 2 periods (28
        # days)
        #   before 2 Jan 2026: 5 Dec 2025.
        {
            "paychecks": "26",
            "paychecks_planned": "26",
            "pay_per_check": "7692.31",
            "year_pay": "200000.06",
            "deferral_pct_used": "13",
            "deferrals_total": "24500.00",
            "deferral_max_date": "2026-12-04",
            "match_total": "5769.25",
            "match_lost": "230.75",
            "true_up_due": "0.00",
            "employer_total": "5769.25",
            "after_tax_pct_used": "20",
            "after_tax_total": "39999.96",
            "annual_additions": "70269.21",
            "annual_additions_limit": "72000.00",
            "room_left_unused": "1730.79",
            "excess_annual_additions": "0.00",
            "election_date": "2025-12-05",
            "conversion_earnings": "0.00",
            "conversion_tax": "0.00",
            "catch_up_must_be_roth": "false",
            "schedule": "26",
            # Reminders: the election, one check that automatic conversion ran, the deferral-max
            # date,
            # the year-end check and the January 1099-R.
            "reminders": "5",
        },
    ),
    Case(
        "year-plan",
        "rule 3: a true-up pays the shortfall after year end",
        {"year": "2026", "true_up": "yes"},
        # Shortfall 6,000.00 - 5,769.25 = 230.75 is due, not lost; match 6,000.00.
        # Room 72,000 - 24,500 - 6,000 = 41,500: 20% (39,999.96) still fits; additions 70,499.96.
        {
            "true_up_due": "230.75",
            "match_lost": "0.00",
            "match_total": "6000.00",
            "employer_total": "6000.00",
            "after_tax_pct_used": "20",
            "annual_additions": "70499.96",
            "room_left_unused": "1500.04",
        },
    ),
    Case(
        "year-plan",
        "rule 1: a 27-payday biweekly year pays 27 paychecks and defers without front-loading",
        {"year": "2026", "first_pay_date": "2026-01-01"},
        # 1 Jan + 14 x 26 = 31 Dec: 27 paydays; 27 x 7,692.31 = 207,692.37.
        # 12% = 923.08: 26 x 923.08 = 24,000.08, the 27th defers 499.92: the cap is reached on the
        # last payday.
        # Match 230.77 x 27 = 6,230.79; full 50% x min(24,500, 6% x 207,692.37 = 12,461.54) =
        # 6,230.77: none lost.
        # Room 72,000 - 24,500 - 6,230.79 = 41,269.21; 19% = 1,461.54 x 27 = 39,461.58 fits, 20%
        # (41,538.42) does not.
        # Election: 1 Jan - 28 days = 4 Dec 2025.
        {
            "paychecks": "27",
            "year_pay": "207692.37",
            "deferral_pct_used": "12",
            "deferral_max_date": "none",
            "match_total": "6230.79",
            "match_lost": "0.00",
            "after_tax_pct_used": "19",
            "after_tax_total": "39461.58",
            "annual_additions": "70192.37",
            "election_date": "2025-12-04",
            "reminders": "4",
        },
    ),
    Case(
        "year-plan",
        "rule 1: a 53-payday weekly year",
        {"year": "2026", "first_pay_date": "2026-01-01", "pay_frequency": "weekly"},
        # 1 Jan + 7 x 52 = 31 Dec: 53 paydays of 200,000 / 52 = 3,846.15; 53 x 3,846.15 =
        # 203,845.95.
        # Election: 2 weekly periods before 1 Jan = 18 Dec 2025.
        {
            "paychecks": "53",
            "pay_per_check": "3846.15",
            "year_pay": "203845.95",
            "election_date": "2025-12-18",
        },
    ),
    Case(
        "year-plan",
        "rule 1: pay past the 401(a)(17) limit stops every contribution",
        {"year": "2026", "salary": "520000"},
        # 520,000 / 26 = 20,000 a paycheck; 18 x 20,000 = 360,000 reaches 401(a)(17): from the 19th
        # payday
        # the eligible pay is 0. 7% (1,400) x 17 = 23,800, the 18th (28 Aug) defers the last 700.
        # Match 50% x min(1,400, 6% x 20,000 = 1,200) = 600 x 17 + 50% x 700 = 350: 10,550; full
        # match
        # 50% x min(24,500, 6% x 360,000 = 21,600) = 10,800: 250 lost.
        # Room 72,000 - 24,500 - 10,550 = 36,950; 10% of the 18 eligible paychecks = 36,000 fits,
        # 11% (39,600) not.
        {
            "deferral_pct_used": "7",
            "deferral_max_date": "2026-08-28",
            "match_total": "10550.00",
            "match_lost": "250.00",
            "after_tax_pct_used": "10",
            "after_tax_total": "36000.00",
            "annual_additions": "71050.00",
            "year_pay": "520000.00",
        },
    ),
    Case(
        "year-plan",
        "rule 1, pay_cap continue: payroll keeps deducting past the 401(a)(17) limit, the match "
        "does not",
        {"year": "2026", "salary": "520000", "pay_cap": "continue"},
        # Every paycheck's 20,000 is the election base now (26 of them); eligible pay is still
        # 20,000
        # for the first 18 (360,000) and 0 from 11 September. Deferrals: 5% x 20,000 x 26 = 26,000
        # reaches 24,500 (4% gives 20,800): 1,000 a paycheck, 24 x 1,000 = 24,000, the 25th (4 Dec)
        # the last 500. Match 50% x min(1,000, 6% x 20,000) = 500 on the 18 eligible paychecks =
        # 9,000;
        # full match 50% x min(24,500, 6% x 360,000 = 21,600) = 10,800: 1,800 lost.
        # Room 72,000 - 24,500 - 9,000 = 38,500: 7% x 20,000 x 26 = 36,400 fits, 8% (41,600) not.
        {
            "deferral_pct_used": "5",
            "deferrals_total": "24500.00",
            "deferral_max_date": "2026-12-04",
            "match_total": "9000.00",
            "match_lost": "1800.00",
            "after_tax_pct_used": "7",
            "after_tax_total": "36400.00",
            "annual_additions": "69900.00",
            "excess_annual_additions": "0.00",
        },
    ),
    Case(
        "year-plan",
        "pay_cap continue: an after-tax percent chosen for the capped year overshoots 415(c)",
        {
            "year": "2026",
            "salary": "520000",
            "pay_cap": "continue",
            "deferral_pct": "5",
            "after_tax_pct": "10",
        },
        # As above, but 10% after-tax from all 26 paychecks: 26 x 2,000 = 52,000 (with the percents
        # stopping at the limit it would be 18 x 2,000 = 36,000). 24,500 + 9,000 + 52,000 = 85,500,
        # 13,500 over the 72,000 limit; the largest percent that fits is still 7.
        {
            "after_tax_total": "52000.00",
            "annual_additions": "85500.00",
            "excess_annual_additions": "13500.00",
            "room_left_unused": "0.00",
        },
    ),
    Case(
        "year-plan",
        "rule 2: catch-up at 55, and the Roth catch-up rule above the wage threshold",
        {"year": "2026", "age": "55", "prior_year_wages": "200000"},
        # Cap 24,500 + 8,000 = 32,500; 17% = 1,307.69: 24 x 1,307.69 = 31,384.56, the 25th defers
        # 1,115.44.
        # catch_up_used = min(32,500 - 24,500, 8,000, 32,500) = 8,000; counted 24,500 (IRC
        # 414(v)(3)(A)).
        # 2025 FICA wages 200,000 > 150,000 (SECURE 2.0 sec. 603): catch-ups must be Roth.
        {
            "deferral_pct_used": "17",
            "deferrals_total": "32500.00",
            "catch_up_used": "8000.00",
            "deferrals_counted": "24500.00",
            "catch_up_must_be_roth": "true",
            "after_tax_pct_used": "20",
        },
    ),
    Case(
        "year-plan",
        "rule 2: deferrals to another employer's plan shrink the cap",
        {"year": "2026", "deferrals_other_plans": "10000", "deferral_pct": "10"},
        # Cap 24,500 - 10,000 = 14,500; 10% = 769.23: 18 x 769.23 = 13,846.14, the 19th (11 Sep)
        # defers 653.86.
        # catch_up_used 0; room 72,000 - 14,500 - match; match 50% x min(769.23, 461.54) = 230.77 x
        # 19 = 4,384.63.
        {
            "deferrals_total": "14500.00",
            "deferral_max_date": "2026-09-11",
            "match_total": "4384.63",
        },
    ),
    Case(
        "year-plan",
        "rule 5: an after-tax election above what fits goes over the 415(c) limit",
        {"year": "2026", "after_tax_pct": "25"},
        # 25% of 7,692.31 = 1,923.08 x 26 = 50,000.08; additions 24,500 + 5,769.25 + 50,000.08 =
        # 80,269.33,
        # 8,269.33 over 72,000. Nothing stops it, as in many plans; the warning offers 20%.
        {
            "after_tax_total": "50000.08",
            "annual_additions": "80269.33",
            "excess_annual_additions": "8269.33",
            "room_left_unused": "0.00",
        },
    ),
    Case(
        "year-plan",
        "rule 5: the plan's highest after-tax election caps the default",
        {"year": "2026", "max_after_tax_pct": "15.5"},
        # The largest whole percent at most 15.5: 15% = 1,153.85 x 26 = 30,000.10.
        {"after_tax_pct_used": "15", "after_tax_total": "30000.10", "room_left_unused": "11730.65"},
    ),
    Case(
        "year-plan",
        "rule 6: quarterly conversion taxes the earnings of the wait",
        {
            "year": "2026",
            "pay_frequency": "monthly",
            "salary": "120000",
            "deferral_pct": "10",
            "after_tax_pct": "20",
            "conversion": "quarterly",
        },
        # 12 paydays on the last day of each month, 10,000 each: 2,000 after-tax each, converted at
        # quarter end.
        # Waits: Jan 59, Feb 31, Mar 0, Apr 61, May 30, Jun 0, Jul 61, Aug 30, Sep 0, Oct 61, Nov
        # 31, Dec 0 days.
        # 2,000 x (1.07^(d/365) - 1): 59 -> 21.99, 31 -> 11.53, 61 -> 22.74, 30 -> 11.15; total
        # 21.99 + 11.53 + 22.74 + 11.15 + 22.74 + 11.15 + 22.74 + 11.53 = 135.57; tax 32% = 43.38.
        # Reminders: the election, four conversions, year end, January.
        {
            "conversion_earnings": "135.57",
            "conversion_tax": "43.38",
            "reminders": "7",
            "deferral_max_date": "none",
            "match_total": "3600.00",
            "election_date": "2025-12-02",
        },
    ),
    Case(
        "year-plan",
        "rule 7: paychecks already paid, their money so far, and the election two paydays earlier",
        {
            "year": "2026",
            "paychecks_done": "6",
            "deferrals_ytd": "6000",
            "match_ytd": "1800",
            "after_tax_ytd": "9000",
            "election_lag": "2",
        },
        # 20 planned paychecks, cap left 24,500 - 6,000 = 18,500: 13% (1,000) x 18 = 18,000, 500 on
        # the 19th.
        # Match 230.77 x 19 = 4,384.63 + 1,800 so far = 6,184.63 (more than the full 6,000: none
        # lost).
        # Room 72,000 - 24,500 - 6,184.63 - 9,000 = 32,315.37: 21% = 1,615.39 x 20 = 32,307.80 fits.
        # Election: the payday 2 before the 7th (the 5th): 2 Jan + 56 = 27 Feb.
        {
            "paychecks_planned": "20",
            "match_total": "6184.63",
            "match_lost": "0.00",
            "after_tax_pct_used": "21",
            "after_tax_total": "41307.80",
            "annual_additions": "71992.43",
            "room_left_unused": "7.57",
            "election_date": "2026-02-27",
            "schedule": "26",
        },
    ),
    Case(
        "year-plan",
        "rule 1: a bonus is one more paycheck, and every election applies to it",
        {"year": "2026", "bonus": "20000", "bonus_date": "2026-03-13"},
        # 27 paychecks, 200,000.06 + 20,000 = 220,000.06. 12% of all pay reaches 24,500 (11% would
        # give
        # 846.15 x 26 + 2,200 = 24,199.90, short).
        {
            "paychecks": "27",
            "year_pay": "220000.06",
            "deferral_pct_used": "12",
            "deferrals_total": "24500.00",
        },
    ),
    Case(
        "year-plan",
        "dates outside the year, a bonus without its date, and more paychecks done than the year "
        "has",
        {"year": "2026", "first_pay_date": "2025-12-31", "bonus": "5000", "paychecks_done": "26"},
        errors=("first_pay_date", "bonus_date"),
    ),
    Case(
        "year-plan",
        "more paychecks done than the year has",
        {"year": "2026", "paychecks_done": "26"},
        errors=("paychecks_done",),
    ),
    Case(
        "year-plan",
        "bad values name their fields",
        {
            "year": "2026",
            "first_pay_date": "2026-02-30",
            "bonus_date": "March 13",
            "match_pct": "250",
            "election_lag": "9",
        },
        errors=("first_pay_date", "bonus_date", "match_pct", "election_lag"),
    ),
]
