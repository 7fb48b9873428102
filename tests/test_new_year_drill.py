"""The maintainer's November, as a test: on a copy of the project, add next year's limits the way
README's "Updating the limits" says, and check that the site follows without any guide or test
edited. The drill's figures are its own (the IRS has not published them): each newest-year amount
raised a little, and some set equal to amounts that guides nobody edits type in worked examples."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from calc import evaluate, get
from calc.formatting import money_text
from calc.limits import LEAVES
from calc.limits_file import read_limits_file
from site_builder.build import build
from site_builder.checks import _AMOUNT, _ROLE
from site_builder.problems import BuildFailed
from tests.cases import all_cases
from tests.helpers import LIMITS, ROOT, make_site_root
from tests.test_cases import check

NEWEST = LIMITS.newest
COMING = NEWEST.year + 1


def typed_amounts() -> dict[int, str]:
    """Every whole-dollar amount typed (not quoted) in the guides: amount -> the guide's name."""
    found: dict[int, str] = {}
    for guide in sorted((ROOT / "content" / "guides").glob("*.md")):
        for match in _AMOUNT.finditer(_ROLE.sub("", guide.read_text())):
            digits = match.group().lstrip("$ ").replace(",", "")
            if "." not in digits:
                found.setdefault(int(digits), guide.name)
    return found


def drill_values() -> tuple[dict[str, object], dict[str, str]]:
    """A value per leaf of the newest year, and the leaves set equal to an amount a guide types."""
    typed, values, collisions = typed_amounts(), {}, {}
    for leaf in LEAVES:
        value = NEWEST.value(leaf.path)
        if value is None:
            continue
        if leaf.unit == "boolean":
            values[leaf.path] = value
        elif leaf.unit == "range":
            step = 0 if value.start == 0 else 4000  # married filing separately stays 0-10,000
            values[leaf.path] = (int(value.start) + step, int(value.end) + step)
        else:
            # A raise of up to 10%, to an amount a guide types where there is one.
            raised = [amount for amount in typed if value < amount <= value * Decimal("1.10")]
            if raised:
                values[leaf.path], collisions[leaf.path] = min(raised), typed[min(raised)]
            else:
                values[leaf.path] = int(value) + (
                    100 if value < 2000 else 500 if value < 20000 else 1000
                )
    return values, collisions


def fill_block(limits_file: Path, values: dict[str, object]) -> None:
    """Step 2 of README's yearly steps: fill in every empty value of the new block, in place."""
    text = limits_file.read_text()
    head, block = text.split(f"\n{COMING}:\n")
    source = {
        "title": f'"IRS Notice {NEWEST.year}-99: the drill\'s own figures"',
        "url": "https://www.irs.gov/pub/irs-drop/n-drill.pdf",
        "published": f"{NEWEST.year}-11-01",
    }
    path: list[str] = []
    lines = []
    for line in block.split("\n"):
        match = re.match(r"( *)(\w+):\s*(#.*)?$", line)
        if match:
            depth = len(match.group(1)) // 2 - 1
            path[depth:] = [match.group(2)]
            dotted = ".".join(p for p in path if p != "source")
            if match.group(2) in source and path[0] == "source":
                line = f"{match.group(1)}{match.group(2)}: {source[match.group(2)]}"
            elif match.group(2) in ("start", "end"):
                bounds = values[".".join(path[:-1])]
                line = (
                    f"{match.group(1)}{match.group(2)}: "
                    f"{bounds[0 if match.group(2) == 'start' else 1]}"
                )
            elif dotted in values and not isinstance(values[dotted], tuple):
                value = values[dotted]
                line = (
                    f"{match.group(1)}{match.group(2)}: "
                    f"{str(value).lower() if isinstance(value, bool) else value}"
                )
        lines.append(line)
    limits_file.write_text(head + f"\n{COMING}:\n" + "\n".join(lines))


@pytest.fixture(scope="module")
def drill(tmp_path_factory):
    """Steps 1 to 3 of README's yearly steps on a copy: new-year, fill in, build."""
    tmp = tmp_path_factory.mktemp("drill")
    root = make_site_root(tmp)
    limits_file = root / "content" / "limits.yaml"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "site_builder",
            "limits",
            "new-year",
            str(COMING),
            "--file",
            str(limits_file),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    values, collisions = drill_values()
    fill_block(limits_file, values)
    out = tmp / "dist"
    report = build(root, out, today=datetime.date(COMING, 1, 5))
    return root, out, report, read_limits_file(limits_file), collisions


def test_the_build_passes_with_amounts_that_guides_type(drill):
    _, _, report, limits, collisions = drill
    assert max(limits.years) == COMING and report.pages
    # The point of the drill: new limits equal to amounts that unedited guides type in worked
    # examples, and still no guide fails (each is checked against its own limits_year).
    assert len(collisions) >= 2, f"too few typed amounts to collide with: {collisions}"


def test_calculators_and_the_command_line_default_to_the_new_year(drill):
    root, out, _, limits, _ = drill
    new = limits.year(COMING)
    page = (out / "calculators" / "after-tax-room" / "index.html").read_text()
    assert f'<option value="{COMING}" selected>' in page
    # The contract's defaults: deferrals = 402(g), employer money 10,000.
    room = new.annual_additions - new.elective_deferral - 10000
    assert f'data-output="after_tax_room" data-value="{room}.00"' in page
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "calc",
            "--limits",
            str(root / "content" / "limits.yaml"),
            "after-tax-room",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    document = json.loads(run.stdout)
    assert document["inputs"]["year"] == str(COMING)
    assert document["outputs"]["after_tax_room"] == f"{room}.00"


def test_the_limits_page_shows_each_change_with_its_old_value(drill):
    _, out, _, limits, _ = drill
    html = (out / "limits" / "index.html").read_text()
    changes = html[html.index('id="changes"') : html.index('id="most-into-one-plan"')]
    old, new = NEWEST.annual_additions, limits.year(COMING).annual_additions
    assert f"What changed from {NEWEST.year} to {COMING}" in changes
    row = changes[changes.index("Annual additions limit") :].split("</tr>")[0]
    assert re.findall(r"<td>([^<]*)</td>", row) == [
        money_text(old),
        money_text(new),
        f"+{money_text(new - old)}",
    ]


def checked_year(guide: Path) -> int:
    """The year a guide's prose was last checked against (its front matter's limits_year)."""
    return int(re.search(r"^limits_year: (\d+)$", guide.read_text(), re.M).group(1))


def test_guides_still_checked_against_the_older_year_say_so(drill):
    root, out, report, _, _ = drill
    for guide in sorted((root / "content" / "guides").glob("*.md")):
        html = (out / "guides" / guide.stem / "index.html").read_text()
        expected = f"Uses {COMING} IRS limits (prose last checked against {checked_year(guide)})"
        assert expected in html, guide.name
    # The build's notes list what changed and every guide to re-read.
    notes = "\n".join(report.notes)
    guide = root / "content" / "guides" / "how-much-fits.md"
    assert f"limits changed from {checked_year(guide)} to {COMING}:" in notes
    assert "content/guides/how-much-fits.md: prose checked against" in notes


def test_the_review_report_lists_every_limit_a_guide_quotes_old_and_new(drill):
    root, _, _, limits, _ = drill
    from site_builder.limits_review import review_lines
    from site_builder.page_kinds import COLLECTIONS
    from site_builder.sources import read_collection

    guides = read_collection(root / "content", COLLECTIONS[0], [])
    lines = review_lines(guides, limits)
    text = (root / "content" / "guides" / "how-much-fits.md").read_text()
    quoted = len(re.findall(r"\{limit\}`", text.split("\n---\n", 1)[1]))
    assert (
        sum(1 for line in lines if line.startswith("  content/guides/how-much-fits.md:")) == quoted
    )
    then = limits.year(checked_year(root / "content" / "guides" / "how-much-fits.md"))
    old, new = money_text(then.annual_additions), money_text(limits.year(COMING).annual_additions)
    assert any(line.endswith(f"{{limit}}`annual_additions`: {old} -> {new}") for line in lines)


def test_moving_a_guide_to_the_new_year_reports_its_typed_amounts_then(drill, tmp_path):
    """When the maintainer moves a guide that types one of the colliding amounts to the new year,
    the build names the file and line: the amount must then be quoted, or marked {amount}."""
    root, _, _, limits, collisions = drill
    leaf, guide_name = next(iter(collisions.items()))
    guide = root / "content" / "guides" / guide_name
    original = guide.read_text()
    try:
        guide.write_text(
            re.sub(r"^limits_year: .*$", f"limits_year: {COMING}", original, count=1, flags=re.M)
        )
        with pytest.raises(BuildFailed) as failed:
            build(root, tmp_path / "dist", today=datetime.date(COMING, 1, 5))
    finally:
        guide.write_text(original)
    amount = money_text(limits.year(COMING).value(leaf)).replace("$", "")
    assert any(
        str(p).startswith(f"content/guides/{guide_name}:")
        and f"equals {COMING}.{leaf}" in str(p)
        and amount in str(p)
        for p in failed.value.problems
    ), failed.value.problems


def test_the_case_table_is_unchanged(drill):
    """Every hand-worked case names its year, so a new year changes none of them."""
    _, _, _, limits, _ = drill
    for case in all_cases():
        check(case, evaluate(get(case.calculator), case.inputs, limits).to_json_dict())
