"""The IRS limits for each tax year, as frozen dataclasses.

The values live in content/limits.yaml; the site builder reads that file
strictly (site_builder/limits_file.py) and hands the browser the same data as
JSON. Nothing in calc/ knows a limit value: every calculator reads them here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Source:
    """Where a year's limits were published."""

    title: str
    url: str
    published: str  # ISO date, e.g. "2025-11-13"


@dataclass(frozen=True)
class PhaseOut:
    """A Roth IRA MAGI phase-out range: the contribution shrinks from start to end."""

    start: Decimal
    end: Decimal


@dataclass(frozen=True)
class RothCatchUp:
    """SECURE 2.0 sec. 603: catch-ups must be Roth above a prior-year FICA wage threshold."""

    wage_threshold: Decimal
    required: bool


@dataclass(frozen=True)
class YearLimits:
    """Every limit of one tax year, with the IRS document that published it."""

    year: int
    source: Source
    elective_deferral: Decimal
    catch_up: Decimal
    annual_additions: Decimal
    compensation_limit: Decimal
    hce_threshold: Decimal
    key_employee: Decimal
    ira_limit: Decimal
    ira_catch_up: Decimal
    roth_ira_phase_out: dict[str, PhaseOut]
    catch_up_60_63: Decimal | None = None
    roth_catch_up: RothCatchUp | None = None


@dataclass(frozen=True)
class LimitInfo:
    """What one key of the limits file means, for labels and citations."""

    key: str
    label: str
    statute: str
    optional: bool = False


# The keys of one year's block, in the order the limits page shows them.
LIMIT_INFO: tuple[LimitInfo, ...] = (
    LimitInfo("elective_deferral", "Elective deferral limit (pre-tax + Roth, per person)", "IRC 402(g)(1)"),
    LimitInfo("catch_up", "Catch-up contribution, age 50 and over", "IRC 414(v)(2)(B)"),
    LimitInfo("catch_up_60_63", "Catch-up contribution, ages 60-63", "IRC 414(v)(2)(E)", optional=True),
    LimitInfo("annual_additions", "Annual additions limit (all contributions, per employer)", "IRC 415(c)(1)(A)"),
    LimitInfo("compensation_limit", "Compensation limit", "IRC 401(a)(17)"),
    LimitInfo("hce_threshold", "Highly compensated employee threshold (look-back year pay)", "IRC 414(q)(1)(B)"),
    LimitInfo("key_employee", "Key employee (officer) threshold", "IRC 416(i)(1)(A)(i)"),
    LimitInfo("ira_limit", "IRA contribution limit", "IRC 219(b)(5)(A)"),
    LimitInfo("ira_catch_up", "IRA catch-up, age 50 and over", "IRC 219(b)(5)(B)"),
    LimitInfo("roth_ira_phase_out", "Roth IRA MAGI phase-out ranges", "IRC 408A(c)(3)"),
    LimitInfo("roth_catch_up", "Roth catch-up wage threshold (prior-year FICA wages)", "SECURE 2.0 sec. 603, IRC 414(v)(7)", optional=True),
)

# The phase-out ranges a year must list, and what each covers.
PHASE_OUT_STATUSES: dict[str, str] = {
    "single": "Single, head of household, or married filing separately and lived apart all year",
    "married_joint": "Married filing jointly or qualifying surviving spouse",
    "married_separate": "Married filing separately and lived with spouse",
}


@dataclass(frozen=True)
class Limits:
    """All years of the limits file, newest last."""

    years: dict[int, YearLimits]

    @property
    def newest(self) -> YearLimits:
        return self.years[max(self.years)]

    def year(self, year: int) -> YearLimits:
        return self.years[year]


def _money(value: object) -> Decimal:
    return Decimal(str(value))


def limits_from_dict(data: dict) -> Limits:
    """Build Limits from the JSON the site builder emits (already validated)."""
    years = {}
    for year_text, block in data["years"].items():
        year = int(year_text)
        roth_catch_up = block.get("roth_catch_up")
        years[year] = YearLimits(
            year=year,
            source=Source(**block["source"]),
            elective_deferral=_money(block["elective_deferral"]),
            catch_up=_money(block["catch_up"]),
            annual_additions=_money(block["annual_additions"]),
            compensation_limit=_money(block["compensation_limit"]),
            hce_threshold=_money(block["hce_threshold"]),
            key_employee=_money(block["key_employee"]),
            ira_limit=_money(block["ira_limit"]),
            ira_catch_up=_money(block["ira_catch_up"]),
            roth_ira_phase_out={
                status: PhaseOut(_money(r["start"]), _money(r["end"]))
                for status, r in block["roth_ira_phase_out"].items()
            },
            catch_up_60_63=(
                _money(block["catch_up_60_63"]) if block.get("catch_up_60_63") is not None else None
            ),
            roth_catch_up=(
                RothCatchUp(_money(roth_catch_up["wage_threshold"]), bool(roth_catch_up["required"]))
                if roth_catch_up is not None
                else None
            ),
        )
    return Limits(years=dict(sorted(years.items())))


def limits_to_dict(limits: Limits) -> dict:
    """The JSON form of Limits, read back by limits_from_dict."""
    years = {}
    for year, y in limits.years.items():
        block: dict = {
            "source": {"title": y.source.title, "url": y.source.url, "published": y.source.published},
        }
        for info in LIMIT_INFO:
            value = getattr(y, info.key)
            if value is None:
                continue
            if info.key == "roth_ira_phase_out":
                block[info.key] = {s: {"start": int(r.start), "end": int(r.end)} for s, r in value.items()}
            elif info.key == "roth_catch_up":
                block[info.key] = {"wage_threshold": int(value.wage_threshold), "required": value.required}
            else:
                block[info.key] = int(value)
        years[str(year)] = block
    return {"years": years}
