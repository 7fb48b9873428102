"""The command line never prints a traceback: a limits file it cannot use exits 2 naming the
file and the problem, and a field given twice keeps its first value, as a page's address does."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.helpers import ROOT


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "calc", *args], cwd=ROOT, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("missing.json", None, "missing.json:1: cannot be read: No such file or directory"),
        ("broken.json", b'{"years": {', "broken.json:1: not valid JSON"),
        (
            "shape.json",
            b'{"years": {"2026": {"elective_deferral": 24500}}}',
            "shape.json:1: 2026.source: missing",
        ),
        ("list.json", b"[1, 2, 3]", "not the limits JSON a build writes"),
        (
            "binary.yaml",
            b"\x89PNG\r\n\x1a\n\x00\x00",
            "binary.yaml:1: is not UTF-8 text: byte 0x89 at column 1",
        ),
        ("folder.yaml", "folder", "folder.yaml:1: is not a regular file"),
    ],
)
def test_a_limits_file_it_cannot_use_exits_2_with_the_file_and_problem(
    tmp_path, name, content, message
):
    path = tmp_path / name
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    run = run_cli("--limits", str(path), "after-tax-room")
    assert run.returncode == 2
    assert message in run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""


def test_the_limits_json_a_build_writes_is_accepted(tmp_path):
    from calc.limits import limits_to_dict
    from calc.limits_file import read_limits_file

    path = tmp_path / "limits.json"
    path.write_text(json.dumps(limits_to_dict(read_limits_file(ROOT / "content" / "limits.yaml"))))
    run = run_cli("--limits", str(path), "after-tax-room", "year=2026")
    assert run.returncode == 0
    # 2026 with the other defaults: 72,000 - 24,500 - 10,000 (Notice 2025-67).
    assert json.loads(run.stdout)["outputs"]["after_tax_room"] == "37500.00"


def test_a_field_given_twice_keeps_its_first_value():
    run = run_cli("after-tax-room", "age=55", "age=30", "employer_contributions=0", "year=2026")
    document = json.loads(run.stdout)
    assert document["inputs"]["age"] == "55"
    assert (
        document["outputs"]["catch_up_limit"] == "8000.00"
    )  # 2026 catch-up at 55 (Notice 2025-67)


def test_a_hand_off_link_never_carries_a_negative_zero():
    from calc import evaluate, get
    from calc.render import render_results
    from tests.test_cases import LIMITS

    # $10 losing 0.01% for a day: earnings of -0.000027 round to -0.00; the link must say 0.00,
    # which after-tax-split accepts (it refuses negative amounts).
    shown = evaluate(
        get("conversion-delay"), {"amount": "10", "days": "1", "annual_return_pct": "-0.01"}, LIMITS
    )
    html = render_results(shown)
    assert "earnings=0.00" in html and "-0.00" not in html
    opened = evaluate(
        get("after-tax-split"),
        {"after_tax_basis": "10", "earnings": "0.00", "tax_rate_pct": "32"},
        LIMITS,
    )
    assert opened.errors == {}
