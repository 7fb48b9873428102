"""The strict limits loader: every kind of broken limits file fails with path:LINE: key: message.

Each mutation edits the real content/limits.yaml in one place. The expected
line is found in the mutated text by a marker, so the tests do not depend on
where the 2026 block happens to sit.
"""

import re
from pathlib import Path

import pytest

from calc.limits_file import LimitsFileError, read_limits_file

ROOT = Path(__file__).resolve().parent.parent
GOOD = (ROOT / "content" / "limits.yaml").read_text(encoding="utf-8")
# The 2026 block alone (years added later follow it), and a year the file does not have yet.
BLOCK_2026 = re.split(r"\n(?=\d{4}:)", GOOD[GOOD.index("\n2026:") + 1 :])[0].rstrip("\n") + "\n"
NEXT = max(int(year) for year in re.findall(r"^(\d{4}):", GOOD, re.M)) + 1


def line_of(text: str, marker: str, occurrence: int = 1) -> int:
    """1-based line of the occurrence-th line containing marker."""
    hits = [n for n, line in enumerate(text.split("\n"), start=1) if marker in line]
    return hits[occurrence - 1]


def in_2026(old: str, new: str) -> str:
    """The good file with one edit inside the 2026 block."""
    assert old in BLOCK_2026, old
    return GOOD.replace(BLOCK_2026, BLOCK_2026.replace(old, new, 1), 1)


# (name, mutated text, marker of the expected line (occurrence), expected message fragment)
MUTATIONS = [
    (
        "duplicate year",
        GOOD + "\n" + BLOCK_2026,
        ("2026:", 2),
        "2026: duplicate year (first given on line",
    ),
    (
        "duplicate key",
        in_2026("  catch_up: 8000\n", "  catch_up: 8000\n  catch_up: 8500\n"),
        ("catch_up: 8500", 1),
        "2026.catch_up: duplicate key (first given on line",
    ),
    (
        "number written with commas",
        in_2026("annual_additions: 72000", "annual_additions: 72,000"),
        ("annual_additions: 72,000", 1),
        "2026.annual_additions: expected an integer, got '72,000'",
    ),
    (
        "number quoted as text",
        in_2026("ira_limit: 7500", 'ira_limit: "7500"'),
        ('"7500"', 1),
        "2026.ira_limit: expected an integer, got '7500'",
    ),
    (
        "decimal amount",
        in_2026("key_employee: 235000", "key_employee: 235000.50"),
        ("235000.50", 1),
        "2026.key_employee: expected an integer, got '235000.50'",
    ),
    (
        "negative amount",
        in_2026("hce_threshold: 160000", "hce_threshold: -160000"),
        ("-160000", 1),
        "2026.hce_threshold: expected a positive amount, got -160000",
    ),
    (
        "zero amount",
        in_2026("compensation_limit: 360000", "compensation_limit: 0"),
        ("compensation_limit: 0", 1),
        "2026.compensation_limit: expected a positive amount, got 0",
    ),
    (
        "missing field",
        in_2026("  ira_catch_up: 1100\n", ""),
        ("2026:", 1),
        "2026.ira_catch_up: missing",
    ),
    (
        "empty value",
        in_2026("elective_deferral: 24500", "elective_deferral:"),
        ("elective_deferral:", 5),
        "2026.elective_deferral: missing value; expected a whole-dollar amount",
    ),
    (
        "unknown field",
        in_2026("  ira_limit: 7500\n", "  ira_limit: 7500\n  ira_limt: 7500\n"),
        ("ira_limt", 1),
        "2026.ira_limt: unknown key; expected one of [source,",
    ),
    (
        "misspelled optional key",
        in_2026("catch_up_60_63: 11250", "catch_up_60to63: 11250"),
        ("catch_up_60to63", 1),
        "2026.catch_up_60to63: unknown key",
    ),
    (
        "inverted phase-out range",
        in_2026("single: {start: 153000, end: 168000}", "single: {start: 168000, end: 153000}"),
        ("start: 168000", 1),
        "2026.roth_ira_phase_out.single: inverted range: start 168000 is not below end 153000",
    ),
    (
        "missing phase-out status",
        in_2026("    married_joint: {start: 242000, end: 252000}\n", ""),
        ("roth_ira_phase_out:", 5),
        "2026.roth_ira_phase_out.married_joint: missing",
    ),
    (
        "missing phase-out end",
        in_2026("single: {start: 153000, end: 168000}", "single: {start: 153000}"),
        ("single: {start: 153000}", 1),
        "2026.roth_ira_phase_out.single.end: missing",
    ),
    (
        "missing source URL",
        in_2026("    url: https://www.irs.gov/pub/irs-drop/n-25-67.pdf\n", ""),
        ("  source:", 5),
        "2026.source.url: missing",
    ),
    (
        "source URL not https",
        in_2026(
            "url: https://www.irs.gov/pub/irs-drop/n-25-67.pdf", "url: www.irs.gov/n-25-67.pdf"
        ),
        ("www.irs.gov/n-25-67.pdf", 1),
        "2026.source.url: expected an https:// address",
    ),
    (
        "bad publication date",
        in_2026("published: 2025-11-13", "published: 13/11/2025"),
        ("13/11/2025", 1),
        "2026.source.published: expected a date like 2025-11-13, got '13/11/2025'",
    ),
    (
        "missing source",
        in_2026("  source:\n", "  sauce:\n"),
        ("sauce:", 1),
        "2026.sauce: unknown key",
    ),
    (
        "catch-up larger than the deferral limit",
        in_2026("catch_up: 8000", "catch_up: 80000"),
        ("catch_up: 80000", 1),
        "2026.catch_up: a catch-up of 80000 is not below the elective deferral limit 24500",
    ),
    (
        "deferral limit above 415(c)",
        in_2026("elective_deferral: 24500", "elective_deferral: 245000"),
        ("elective_deferral: 245000", 1),
        "2026.elective_deferral: 245000 is not below the annual additions limit 72000",
    ),
    (
        "age 60-63 catch-up below the age-50 one",
        in_2026("catch_up_60_63: 11250", "catch_up_60_63: 1125"),
        ("catch_up_60_63: 1125", 2),
        "2026.catch_up_60_63: 1125 is below the age-50 catch-up 8000",
    ),
    (
        "roth catch-up flag not boolean",
        in_2026("required: true", "required: maybe"),
        ("required: maybe", 1),
        "2026.roth_catch_up.required: expected true or false, got 'maybe'",
    ),
    (
        "year that is not a year",
        GOOD.replace("2026:\n", "20026:\n"),
        ("20026:", 1),
        "20026: expected a tax year like 2026",
    ),
    (
        "a year block that is a list",
        GOOD + f"\n{NEXT}:\n  - 1\n",
        ("  - 1", 1),
        "YAML syntax error: lists are not used in this file",
    ),
    (
        "a year block that is a number",
        GOOD + f"\n{NEXT}: 5\n",
        (f"{NEXT}: 5", 1),
        f"{NEXT}: expected a mapping of source,",
    ),
    (
        "a tab for indentation",
        in_2026("  ira_limit: 7500", "\tira_limit: 7500"),
        ("\tira_limit", 1),
        "YAML syntax error",
    ),
    (
        "YAML syntax error",
        in_2026("single: {start: 153000, end: 168000}", "single: {start: 153000, end: 168000"),
        ("single: {start: 153000, end: 168000", 1),
        "YAML syntax error: a '{' mapping must close with '}' on the same line",
    ),
    (
        "roth catch-up group given without its flag",
        in_2026("    required: true\n", ""),
        ("roth_catch_up:", 2),
        "2026.roth_catch_up.required: missing",
    ),
]


@pytest.mark.parametrize("name,text,marker,message", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_mutation_fails_with_line_and_key(tmp_path, name, text, marker, message):
    path = tmp_path / "limits.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LimitsFileError) as raised:
        read_limits_file(path, "content/limits.yaml")
    expected_line = line_of(text, *marker)
    assert any(
        problem.startswith(f"content/limits.yaml:{expected_line}: ") and message in problem
        for problem in raised.value.problems
    ), raised.value.problems


def test_empty_file(tmp_path):
    path = tmp_path / "limits.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(LimitsFileError) as raised:
        read_limits_file(path, "content/limits.yaml")
    assert raised.value.problems == [
        "content/limits.yaml:1: the limits file is empty; expected one block per tax year"
    ]


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    text = in_2026("ira_limit: 7500", "ira_limit: x").replace(
        "\n2025:\n", "\n2025:\n  bogus: 1\n", 1
    )
    path = tmp_path / "limits.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LimitsFileError) as raised:
        read_limits_file(path, "content/limits.yaml")
    assert len(raised.value.problems) == 2


def test_the_real_file_loads_with_the_brief_figures():
    limits = read_limits_file(ROOT / "content" / "limits.yaml")
    assert {2022, 2023, 2024, 2025, 2026} <= set(limits.years)  # and any year added since
    y2026 = limits.year(2026)
    # IRS Notice 2025-67 (brief, yearly limits table).
    assert (
        y2026.elective_deferral,
        y2026.catch_up,
        y2026.catch_up_60_63,
        y2026.annual_additions,
    ) == (24500, 8000, 11250, 72000)
    assert (y2026.compensation_limit, y2026.hce_threshold, y2026.key_employee) == (
        360000,
        160000,
        235000,
    )
    assert (y2026.ira_limit, y2026.ira_catch_up) == (7500, 1100)
    assert (
        y2026.roth_ira_phase_out["married_joint"].start,
        y2026.roth_ira_phase_out["married_joint"].end,
    ) == (242000, 252000)
    assert y2026.roth_catch_up.wage_threshold == 150000 and y2026.roth_catch_up.required
    assert limits.year(2024).catch_up_60_63 is None and limits.year(2024).roth_catch_up is None
    assert limits.year(2022).annual_additions == 61000


def test_cli_reports_a_bad_limits_file_without_traceback(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "limits.yaml"
    path.write_text(
        in_2026("annual_additions: 72000", "annual_additions: 72,000"), encoding="utf-8"
    )
    run = subprocess.run(
        [sys.executable, "-m", "calc", "--limits", str(path), "after-tax-room"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert "annual_additions: expected an integer, got '72,000'" in run.stderr
    assert "Traceback" not in run.stderr
