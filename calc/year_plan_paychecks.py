"""year-plan's paychecks: every payday of the year with its pay (rule 1), the deferrals (rule 2),
the match (rule 3) and the after-tax money (rules 4-5) each one carries, and the whole percents
that reach or fit a target."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from .formatting import cents
from .limits import Limits
from .rules import (
    PAY_FREQUENCIES,
    annual_additions_limit,
    catch_up_limit_for,
    catch_up_used,
    default_first_payday,
    paydays,
)

ZERO = Decimal(0)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Paycheck:
    """One payday of the year and what it puts where (planned ones only carry their own money)."""

    day: datetime.date
    pay: Decimal
    eligible: Decimal  # pay counted by the plan: what is left of the 401(a)(17) limit
    base: Decimal  # the pay the percent elections apply to: eligible pay, or all of it (pay_cap)
    bonus: bool
    past: bool
    deferral: Decimal = ZERO
    match: Decimal = ZERO
    after_tax: Decimal = ZERO
    converted_on: datetime.date | None = None
    earnings: Decimal = ZERO
    ytd_deferrals: Decimal = ZERO
    ytd_additions: Decimal = ZERO


def year_paychecks(values: dict, limits: Limits) -> list[Paycheck]:
    """Rule 1: every paycheck of the year in date order, with its pay and its eligible pay."""
    year, frequency = values["year"], values["pay_frequency"]
    first = values["first_pay_date"] or default_first_payday(year, frequency)
    per_check = cents(values["salary"] / PAY_FREQUENCIES[frequency])
    checks = [(day, per_check, False) for day in paydays(year, frequency, first)]
    if values["bonus"] is not None:
        checks.append((values["bonus_date"], values["bonus"], True))
        checks.sort(
            key=lambda check: (check[0], check[2])
        )  # after a regular paycheck of the same date
    left = limits.year(year).compensation_limit
    result = []
    for index, (day, pay, bonus) in enumerate(checks):
        eligible = min(pay, max(left, ZERO))
        left -= pay
        base = eligible if values["pay_cap"] == "stop" else pay
        result.append(Paycheck(day, pay, eligible, base, bonus, index < values["paychecks_done"]))
    return result


def deferrals_for(planned: list[Paycheck], pct: int, room: Decimal) -> list[Decimal]:
    """Rule 2: each planned paycheck defers pct% of its election base, stopped at the cap."""
    result = []
    for check in planned:
        amount = min(cents(pct * check.base / HUNDRED), max(room, ZERO))
        room -= amount
        result.append(amount)
    return result


def percent_sum(pays: Counter, pct: int) -> Decimal:
    """What pct% of each paycheck's election base adds up to, each paycheck rounded to the cent.
    Paychecks of the same pay round the same, so each distinct pay is worked out once."""
    return sum((count * cents(pct * pay / HUNDRED) for pay, count in pays.items()), ZERO)


def whole_pct(pays: Counter, target: Decimal, reaches: bool, highest: int) -> int:
    """The smallest whole percent (0 to highest) whose sum reaches target (reaches=True), or the
    largest whose sum stays at or below it (reaches=False). The sum grows with the percent, so
    starting from target / total pay only a step or two is needed."""
    total = sum((count * pay for pay, count in pays.items()), ZERO)
    if total <= 0:  # no pay left to take a percent of: every percent sums to 0
        if reaches:
            return 0 if target <= 0 else highest
        return highest if target >= 0 else 0
    guess = min(max(int(target * HUNDRED / total), 0), highest)
    if reaches:
        while guess > 0 and percent_sum(pays, guess - 1) >= target:
            guess -= 1
        while guess < highest and percent_sum(pays, guess) < target:
            guess += 1
        return guess
    while guess > 0 and percent_sum(pays, guess) > target:
        guess -= 1
    while guess < highest and percent_sum(pays, guess + 1) <= target:
        guess += 1
    return guess


def smallest_pct_reaching(planned: list[Paycheck], room: Decimal) -> int:
    """The smallest whole percent (at most 100) whose deferrals reach the cap (more defers never
    less)."""
    return whole_pct(Counter(c.base for c in planned), room, reaches=True, highest=100)


def steadiest_pct(planned: list[Paycheck], room: Decimal, highest: int) -> int:
    """The largest whole percent, at most highest, whose deferrals never reach the cap before the
    last
    planned paycheck (so every paycheck keeps its match)."""
    before_last = Counter(c.base for c in planned[:-1])
    below = (
        whole_pct(before_last, room, reaches=True, highest=101) - 1
    )  # the largest still short of the cap
    return max(min(below, highest), 0)


def largest_pct_fitting(planned: list[Paycheck], room: Decimal, ceiling: int) -> int:
    """The largest whole percent, at most ceiling, whose after-tax amounts sum to no more than
    room."""
    return whole_pct(Counter(c.base for c in planned), room, reaches=False, highest=max(ceiling, 0))


@dataclass(frozen=True)
class Deferrals:
    """Rule 2's figures: the cap, the percents that reach it, and what the chosen percent defers."""

    catch_up_limit: Decimal
    cap: Decimal
    smallest_pct: int  # the smallest whole percent reaching the cap (the default election)
    steady_pct: int  # the largest that keeps deferring through the last paycheck
    steady_total: Decimal  # the year's deferrals at steady_pct
    pct: int  # the election used
    per_check: list[Decimal]
    total: Decimal  # the year's deferrals, past ones included


@dataclass(frozen=True)
class Match:
    """Rule 3's figures: each planned paycheck's match and the year's."""

    per_check: list[Decimal]
    full: Decimal  # the match the year's deferrals and pay earn
    shortfall: Decimal  # what the paychecks' matches leave of it
    true_up_due: Decimal
    total: Decimal


@dataclass(frozen=True)
class AfterTax:
    """Rules 4-5's figures: what 415(c) counts, the room it leaves and the after-tax money."""

    catch_up: Decimal  # the catch-up the year's deferrals use
    deferrals_counted: Decimal  # the deferrals 415(c) counts: less that catch-up
    additions_limit: Decimal
    room: Decimal  # the 415(c) room left for after-tax money
    fitting_pct: int  # the largest whole after-tax percent fitting that room
    pct: int  # the election used
    per_check: list[Decimal]
    total: Decimal  # the year's after-tax money, past included
    annual_additions: Decimal
    over_by_deferrals: bool  # over the limit with no after-tax money to drop
    fitting_deferral: int | None  # then: the deferral election that fits instead


def deferrals_of(values: dict, y, planned: list[Paycheck]) -> Deferrals:
    """Rule 2: the cap (402(g) plus catch-up, less other plans), the default percent and each
    paycheck's deferral."""
    catch_up_limit = catch_up_limit_for(values["age"], y)
    cap = max(y.elective_deferral + catch_up_limit - values["deferrals_other_plans"], ZERO)
    room = cap - values["deferrals_ytd"]
    smallest_pct = smallest_pct_reaching(planned, room)
    steady_pct = steadiest_pct(planned, room, smallest_pct)
    pct = smallest_pct if values["deferral_pct"] is None else values["deferral_pct"]
    per_check = deferrals_for(planned, pct, room)
    return Deferrals(
        catch_up_limit=catch_up_limit,
        cap=cap,
        smallest_pct=smallest_pct,
        steady_pct=steady_pct,
        steady_total=values["deferrals_ytd"] + sum(deferrals_for(planned, steady_pct, room), ZERO),
        pct=pct,
        per_check=per_check,
        total=values["deferrals_ytd"] + sum(per_check, ZERO),
    )


def match_of(
    values: dict, y, planned: list[Paycheck], deferral: Deferrals, year_pay: Decimal
) -> Match:
    """Rule 3: each paycheck matches its own deferral up to its share of pay; a true-up pays what
    the year earns."""
    rate, matched_share = values["match_pct"] / HUNDRED, values["match_limit_pct"] / HUNDRED
    per_check = [
        cents(rate * min(d, matched_share * c.eligible))
        for c, d in zip(planned, deferral.per_check)
    ]
    full = cents(rate * min(deferral.total, matched_share * min(year_pay, y.compensation_limit)))
    shortfall = max(full - values["match_ytd"] - sum(per_check, ZERO), ZERO)
    true_up_due = shortfall if values["true_up"] == "yes" else ZERO
    return Match(
        per_check=per_check,
        full=full,
        shortfall=shortfall,
        true_up_due=true_up_due,
        total=values["match_ytd"] + sum(per_check, ZERO) + true_up_due,
    )


def after_tax_of(
    values: dict, y, planned: list[Paycheck], deferral: Deferrals, employer_total, year_pay
) -> AfterTax:
    """Rules 4-5: 415(c) counts deferrals less their catch-up; after-tax money fills the rest."""
    catch_up = catch_up_used(
        deferral.total, values["deferrals_other_plans"], y, deferral.catch_up_limit
    )
    deferrals_counted = deferral.total - catch_up
    additions_limit = annual_additions_limit(y, year_pay)
    room = max(additions_limit - deferrals_counted - employer_total - values["after_tax_ytd"], ZERO)
    # Rule 5 caps the after-tax percent at what the plan and the deferral election leave of pay.
    ceiling = 100 - deferral.pct
    if values["max_after_tax_pct"] is not None:
        ceiling = min(ceiling, int(values["max_after_tax_pct"]))
    fitting_pct = largest_pct_fitting(planned, room, ceiling)
    pct = fitting_pct if values["after_tax_pct"] is None else values["after_tax_pct"]
    per_check = [cents(pct * c.base / HUNDRED) for c in planned]
    total = values["after_tax_ytd"] + sum(per_check, ZERO)
    annual_additions = deferrals_counted + employer_total + total
    # Over the limit with no after-tax money to drop: the deferral election that fits instead.
    over_by_deferrals = annual_additions > additions_limit and pct <= fitting_pct
    fitting_deferral = (
        largest_deferral_pct_fitting(values, y, planned, year_pay, additions_limit, deferral.pct)
        if over_by_deferrals
        else None
    )
    return AfterTax(
        catch_up,
        deferrals_counted,
        additions_limit,
        room,
        fitting_pct,
        pct,
        per_check,
        total,
        annual_additions,
        over_by_deferrals,
        fitting_deferral,
    )


def largest_deferral_pct_fitting(
    values: dict,
    y,
    planned: list[Paycheck],
    year_pay: Decimal,
    additions_limit: Decimal,
    highest: int,
) -> int | None:
    """The largest whole deferral percent, at most highest, whose deferrals (less their catch-up)
    and employer money, with no new after-tax money, stay within the 415(c) limit; None if none does
    (the money already in and the employer's pass it on their own).
    Worked out only when a plan goes over the limit (a search over at most 101 percents)."""
    other = values["employer_other"] + values["after_tax_ytd"]
    for pct in range(highest, -1, -1):
        deferral = deferrals_of({**values, "deferral_pct": pct}, y, planned)
        match = match_of(values, y, planned, deferral, year_pay)
        used = catch_up_used(
            deferral.total, values["deferrals_other_plans"], y, deferral.catch_up_limit
        )
        if deferral.total - used + match.total + other <= additions_limit:
            return pct
    return None
