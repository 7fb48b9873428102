"""Hand-worked paycheck-plan cases (contract, paycheck-plan).

per_paycheck = after_tax_remaining / paychecks_left rounded DOWN to the cent;
election_pct = largest whole p with cents(p% x pay_per_check) <= per_paycheck, capped
at the plan maximum (its whole part); total_at_election = p% x pay x paychecks (cents);
shortfall = after_tax_remaining - total_at_election. Paychecks a year: weekly 52,
biweekly 26, semimonthly 24, monthly 12.
"""

from . import Case

NO_ELECTION = {"election_pct": "", "total_at_election": "", "shortfall": ""}

CASES = [
    Case(
        "paycheck-plan",
        "defaults: 30,000 over 26 biweekly paychecks",
        {},
        # 30,000 / 26 = 1,153.846... -> 1,153.84 (down). No pay given: the election outputs are
        # empty.
        {"per_paycheck": "1153.84", **NO_ELECTION},
    ),
    Case(
        "paycheck-plan",
        "weekly defaults to 52 paychecks",
        {"pay_frequency": "weekly"},
        # 30,000 / 52 = 576.923... -> 576.92.
        {"per_paycheck": "576.92"},
    ),
    Case(
        "paycheck-plan",
        "semimonthly, 24 paychecks",
        {"pay_frequency": "semimonthly", "after_tax_remaining": "36,000"},
        # 36,000 / 24 = 1,500.00 exactly.
        {"per_paycheck": "1500.00"},
    ),
    Case(
        "paycheck-plan",
        "monthly, 12 paychecks",
        {"pay_frequency": "monthly"},
        # 30,000 / 12 = 2,500.00.
        {"per_paycheck": "2500.00"},
    ),
    Case(
        "paycheck-plan",
        "rounded down, never up",
        {"after_tax_remaining": "20000", "paychecks_left": "3"},
        # 20,000 / 3 = 6,666.666... -> 6,666.66 (half-up would give 6,666.67 and overshoot by 1
        # cent).
        {"per_paycheck": "6666.66"},
    ),
    Case(
        "paycheck-plan",
        "whole-percent election with a shortfall",
        {"pay_per_check": "5000"},
        # per 1,153.84; 23% x 5,000 = 1,150.00 fits, 24% = 1,200.00 does not -> 23%.
        # total 23% x 5,000 x 26 = 29,900.00; shortfall 30,000 - 29,900 = 100.00.
        {
            "per_paycheck": "1153.84",
            "election_pct": "23",
            "total_at_election": "29900.00",
            "shortfall": "100.00",
        },
    ),
    Case(
        "paycheck-plan",
        "election exactly fills the room",
        {"after_tax_remaining": "26000", "pay_per_check": "10000"},
        # 26,000 / 26 = 1,000.00; 10% x 10,000 = 1,000.00 fits -> 10%; total 26,000.00; shortfall 0.
        {
            "per_paycheck": "1000.00",
            "election_pct": "10",
            "total_at_election": "26000.00",
            "shortfall": "0.00",
        },
    ),
    Case(
        "paycheck-plan",
        "plan maximum binds, decimals dropped",
        {"pay_per_check": "5000", "max_election_pct": "15.5", "paychecks_left": "10"},
        # per 30,000 / 10 = 3,000.00 would allow 60%; the plan maximum 15.5% allows whole 15%.
        # total 15% x 5,000 x 10 = 7,500.00; shortfall 22,500.00.
        {
            "per_paycheck": "3000.00",
            "election_pct": "15",
            "total_at_election": "7500.00",
            "shortfall": "22500.00",
        },
    ),
    Case(
        "paycheck-plan",
        "the cent rounding of the deduction decides the percent",
        {"pay_per_check": "115384.40"},
        # 1% x 115,384.40 = 1,153.844 -> 1,153.84 <= 1,153.84 fits; 2% = 2,307.69 does not -> 1%.
        # total = 1,153.844 x 26 = 29,999.944 -> 29,999.94; shortfall 0.06.
        {"election_pct": "1", "total_at_election": "29999.94", "shortfall": "0.06"},
    ),
    Case(
        "paycheck-plan",
        "pay smaller than the amount per paycheck",
        {"pay_per_check": "1000"},
        # 100% x 1,000 = 1,000 <= 1,153.84 -> 100%; total 26,000.00; shortfall 4,000.00.
        {"election_pct": "100", "total_at_election": "26000.00", "shortfall": "4000.00"},
    ),
    Case(
        "paycheck-plan",
        "zero pay and zero room",
        {"after_tax_remaining": "0", "pay_per_check": "0", "paychecks_left": "1"},
        # per 0 / 1 = 0.00; every percent of $0 is $0 -> largest is 100%; total 0; shortfall 0.
        {
            "per_paycheck": "0.00",
            "election_pct": "100",
            "total_at_election": "0.00",
            "shortfall": "0.00",
        },
    ),
    Case(
        "paycheck-plan",
        "room smaller than a cent a paycheck",
        {"after_tax_remaining": "0.25", "pay_per_check": "2000"},
        # 0.25 / 26 = 0.0096 -> 0.00; 0% is the only election that fits; shortfall 0.25.
        {
            "per_paycheck": "0.00",
            "election_pct": "0",
            "total_at_election": "0.00",
            "shortfall": "0.25",
        },
    ),
    Case(
        "paycheck-plan",
        "bad inputs name their fields",
        {
            "paychecks_left": "0",
            "pay_frequency": "daily",
            "max_election_pct": "101",
            "pay_per_check": "-5",
        },
        # paychecks 1-53; frequency codes weekly/biweekly/semimonthly/monthly; percent 0-100; no
        # negatives.
        errors=("paychecks_left", "pay_frequency", "max_election_pct", "pay_per_check"),
    ),
    Case(
        "paycheck-plan",
        "more than 53 paychecks is rejected",
        {"paychecks_left": "54"},
        errors=("paychecks_left",),
    ),
]
