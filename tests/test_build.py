"""Build tests: the pages exist, prerendered values equal the CLI, URLs honour the base path,
and a failed build reports file:line and leaves the previous output untouched."""

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from calc.formatting import money_text
from calc.limits import YearLimits
from calc.registry import CALCULATORS
from site_builder.assets import calc_archive
from site_builder.build import build
from site_builder.checks import limit_values
from site_builder.problems import BuildFailed
from site_builder.python_stdlib import library_key, make_library
from tests.helpers import (
    BASE,
    LIMITS,
    ROOT,
    as_on_the_page,
    make_site_root,
    page_links,
    prerendered_outputs,
)


@pytest.fixture(scope="module")
def site(real_site):
    return real_site.out, real_site.report


def test_pages_exist(site):
    out, _ = site
    for page in (
        "index.html",
        "404.html",
        "calculators/index.html",
        "limits/index.html",
        "glossary/index.html",
        "guides/how-much-fits/index.html",
    ):
        assert (out / page).is_file(), page
    for calculator_id in CALCULATORS:
        assert (out / "calculators" / calculator_id / "index.html").is_file()


def test_prerendered_values_equal_the_cli(site):
    out, _ = site
    for calculator_id, calculator in CALCULATORS.items():
        html = (out / "calculators" / calculator_id / "index.html").read_text()
        forms = prerendered_outputs(html)
        assert [f[0] for f in forms] == [calculator_id]
        run = subprocess.run(
            [sys.executable, "-m", "calc", calculator_id], cwd=ROOT, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        cli_outputs = json.loads(run.stdout)["outputs"]
        expected = as_on_the_page(calculator, cli_outputs)
        assert forms[0][1] == expected
        assert set(expected) == {o.name for o in calculator.outputs}


def test_after_tax_room_default_is_hand_worked(site):
    out, _ = site
    html = (out / "calculators" / "after-tax-room" / "index.html").read_text()
    # The newest year by default: its 415(c) limit - its 402(g) limit (the default deferrals)
    # - 10,000 employer money; in 2026 72,000 - 24,500 - 10,000 = 37,500 (Notice 2025-67).
    newest = LIMITS.newest
    expected = newest.annual_additions - newest.elective_deferral - 10000
    assert prerendered_outputs(html)[0][1]["after_tax_room"] == f"{expected}.00"
    assert 'data-state="static"' in html


def test_every_local_url_is_under_the_base_path(site):
    out, _ = site
    for page in out.rglob("*.html"):
        refs, _ = page_links(page.read_text())
        for tag, attribute, value in refs:
            if value.startswith("/"):
                assert value.startswith(BASE), (page, tag, attribute, value)


def test_no_page_loads_anything_from_another_origin(site):
    out, _ = site
    for page in out.rglob("*.html"):
        refs, _ = page_links(page.read_text())
        for tag, attribute, value in refs:
            if tag == "a":
                continue  # links the reader may follow, not loads
            assert (
                not re.match(r"^(https?:)?//", value)
                or attribute == "href"
                and tag == "link"
                and value.startswith("https://example.org")
            ), (page, tag, value)


def test_assets_and_pyodide_are_in_the_output(site):
    out, _ = site
    version = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())[
        "version"
    ]
    assert version.startswith("314.")
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"):
        assert (out / "pyodide" / version / name).is_file()
    # Replaced by the reduced library and the lock file's "info" the worker passes itself.
    for name in ("python_stdlib.zip", "pyodide-lock.json"):
        assert not (out / "pyodide" / version / name).exists()
    assert len(list((out / "assets").glob("calc-*.zip"))) == 1
    limits = json.loads(next((out / "assets").glob("limits-*.json")).read_text())
    assert limits["years"]["2026"]["annual_additions"] == 72000


def test_the_reduced_python_library_holds_compiled_modules_calc_needs(site):
    out, _ = site
    html = (out / "calculators" / "after-tax-room" / "index.html").read_text()
    url = re.search(r'data-python-stdlib="([^"]+)"', html).group(1)
    library = zipfile.ZipFile(out / url.removeprefix(BASE))
    names = set(library.namelist())
    assert names and all(name.endswith(".pyc") for name in names)
    # What calc/ imports (decimal, json, dataclasses) is there; what nothing imports is not.
    assert {"decimal.pyc", "json/__init__.pyc", "dataclasses.pyc"} <= names
    assert not any(
        name.startswith(("unittest/", "tkinter/", "sqlite3/", "email/")) for name in names
    )
    full = zipfile.ZipFile(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip")
    assert len(names) < len(full.namelist()) / 3
    assert (out / url.removeprefix(BASE)).stat().st_size < 1_200_000  # 2.5 MB for the whole library
    # The worker's memory snapshot is made in the reader's browser and never shipped.
    snapshot = re.search(r'data-python-snapshot="([^"]+)"', html).group(1)
    assert (
        snapshot.startswith(BASE + "assets/python-snapshot-")
        and not (out / snapshot.removeprefix(BASE)).exists()
    )


def test_the_library_key_follows_calc_and_pyodide():
    pyodide_dir = ROOT / "node_modules" / "pyodide"
    archive = calc_archive(ROOT / "calc")
    assert library_key(pyodide_dir, archive) == library_key(
        pyodide_dir, calc_archive(ROOT / "calc")
    )
    assert library_key(pyodide_dir, archive) != library_key(pyodide_dir, archive + b" ")


def test_calc_that_fails_inside_pyodide_fails_the_build_with_its_error(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as broken:
        broken.writestr("calc/__init__.py", "")
        broken.writestr(
            "calc/browser.py", "raise ImportError('calc/browser.py cannot be imported in a test')\n"
        )
    with pytest.raises(BuildFailed) as failure:
        make_library(
            ROOT / "node_modules" / "pyodide",
            buffer.getvalue(),
            b'{"years": {}}',
            tmp_path / "stdlib.zip",
        )
    message = str(failure.value)
    assert message.startswith(
        "site_builder/python_stdlib.mjs:1: running calc/ inside Pyodide failed"
    )
    assert "ImportError: calc/browser.py cannot be imported in a test" in message
    assert 'File "calc/browser.py", line 1' in message  # the repo's path, not Pyodide's
    assert not (tmp_path / "stdlib.zip").exists()


def test_guide_without_calculator_loads_no_python(site):
    out, _ = site
    plain = [
        g
        for g in sorted((ROOT / "content" / "guides").glob("*.md"))
        if "::: calculator" not in g.read_text(encoding="utf-8")
    ]
    assert plain  # a guide that embeds no calculator, whichever it is
    html = (out / "guides" / plain[0].stem / "index.html").read_text()
    assert "data-calc-runtime" not in html and "pyodide" not in html


def test_limits_page_lists_every_year_and_source(site):
    out, _ = site
    html = (out / "limits" / "index.html").read_text()
    for year in (2022, 2023, 2024, 2025, 2026):
        assert f'<th scope="col">{year}</th>' in html
    for notice in ("n-21-61.pdf", "n-22-55.pdf", "n-23-75.pdf", "n-24-80.pdf", "n-25-67.pdf"):
        assert notice in html
    assert "$72,000" in html and "$24,500" in html and "$242,000–$252,000" in html


def test_limits_page_gives_the_most_that_fits_in_one_plan_and_explains_the_year_of_each_threshold(
    site,
):
    out, _ = site
    html = (out / "limits" / "index.html").read_text()
    table = html[html.index('id="most-into-one-plan"') : html.index('id="all-years"')]
    years = re.findall(r'<th scope="col">(\d{4})</th>', table)
    assert years == sorted(years, reverse=True)  # newest first: on a phone it is the column in view

    def cells(label: str) -> dict[str, str]:
        row = table[table.index(f">{label}<") :].split("</tr>")[0]
        return dict(zip(years, re.findall(r"<td>([^<]*)</td>", row)))

    # 415(c) plus the catch-up for the age (IRC 414(v)(3)(A)): 2026 from Notice 2025-67, 2025 from
    # Notice 2024-80, 2022 from Notice 2021-61; the age 60-63 catch-up exists from 2025 (SECURE
    # 2.0).
    assert {y: cells("Under 50")[y] for y in ("2026", "2025", "2022")} == {
        "2026": "$72,000",
        "2025": "$70,000",
        "2022": "$61,000",
    }
    assert {y: cells("50 and over")[y] for y in ("2026", "2025", "2022")} == {
        "2026": "$80,000",
        "2025": "$77,500",
        "2022": "$67,500",
    }  # 72,000 + 8,000 in 2026
    assert {y: cells("60 to 63")[y] for y in ("2026", "2025", "2024")} == {
        "2026": "$83,250",
        "2025": "$81,250",
        "2024": "—",
    }  # 72,000 + 11,250
    assert "pay above a year&#39;s threshold makes you an HCE in the following year" in html
    assert "it applies to the previous year&#39;s FICA wages" in html
    all_years = html[html.index('id="all-years"') :]
    rule = all_years[all_years.index("Roth catch-up rule in force") :].split("</tr>")[0]
    in_force = dict(
        zip(
            re.findall(r'<th scope="col">(\d{4})</th>', all_years),
            re.findall(r"<td>([^<]*)</td>", rule),
        )
    )
    assert (in_force["2026"], in_force["2025"]) == (
        "yes",
        "no",
    )  # 2026 in force, 2025 a transition year


def build_fails(tmp_path, edit) -> tuple[list[str], Path]:
    """Build an edited copy of the content over an existing output; return the problems."""
    root = make_site_root(tmp_path)
    out = tmp_path / "dist"
    build(root, out)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    marker = (out / "index.html").read_bytes()
    edit(root)
    with pytest.raises(BuildFailed) as failed:
        build(root, out)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before  # previous output untouched
    assert (out / "index.html").read_bytes() == marker
    return failed.value.problems, root


def edit_file(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def front_matter(path: Path, key: str) -> str:
    """A front-matter value of a content file as written (guides change year by year: never a
    literal)."""
    return re.search(rf"^{key}: (.*)$", path.read_text(), re.M).group(1)


def set_front_matter(path: Path, key: str, value: str) -> None:
    path.write_text(
        re.sub(rf"^{key}: .*$", f"{key}: {value}", path.read_text(), count=1, flags=re.M)
    )


def test_bad_limits_file_fails_and_keeps_dist(tmp_path):
    problems, root = build_fails(
        tmp_path,
        lambda r: edit_file(
            r / "content/limits.yaml", "annual_additions: 72000", "annual_additions: 72,000"
        ),
    )
    line = next(
        n
        for n, text in enumerate((root / "content/limits.yaml").read_text().split("\n"), 1)
        if "72,000" in text and "annual" in text
    )
    assert problems == [
        f"content/limits.yaml:{line}: 2026.annual_additions: expected an integer, got '72,000'"
    ]


GUIDE = "content/guides/how-much-fits.md"


def guide_line(root: Path, marker: str) -> int:
    return next(
        n for n, text in enumerate((root / GUIDE).read_text().split("\n"), 1) if marker in text
    )


def append_to_guide(text: str):
    def edit(root: Path):
        path = root / GUIDE
        path.write_text(path.read_text() + "\n" + text + "\n")

    return edit


@pytest.mark.parametrize(
    "text,message",
    [
        ("::: calculator no-such-calculator\n:::", "unknown calculator 'no-such-calculator'"),
        (
            "::: calculator after-tax-room agee=50\n:::",
            "calculator after-tax-room: unknown preset field 'agee'",
        ),
        (
            "::: calculator after-tax-room age=500\n:::",
            "calculator after-tax-room: preset age='500': Age on December 31: must be between 0 "
            "and 120.",
        ),
        (
            f"The limit is {{limit}}`{LIMITS.newest.year + 5}.annual_additions`.",
            f"{{limit}}`{LIMITS.newest.year + 5}.annual_additions`: year {LIMITS.newest.year + 5} "
            "is not in the limits file",
        ),
        (
            "The limit is {limit}`annual_addition`.",
            f"{{limit}}`annual_addition`: {LIMITS.newest.year} has no limit 'annual_addition'",
        ),
    ],
    ids=["unknown calculator", "unknown preset", "invalid preset", "unknown year", "unknown limit"],
)
def test_guide_problems_fail_with_file_and_line(tmp_path, text, message):
    problems, root = build_fails(tmp_path, append_to_guide(text))
    line = guide_line(root, text.split("\n")[0])
    assert any(p.startswith(f"{GUIDE}:{line}: ") and message in p for p in problems), problems


def checked_against(root: Path) -> YearLimits:
    """The limits of the year GUIDE says its prose was checked against."""
    return LIMITS.year(int(front_matter(root / GUIDE, "limits_year")))


def test_a_hand_typed_limit_of_the_year_a_guide_was_checked_against_fails(tmp_path):
    """Typed, a limit would not follow the file: it fails the build with file and line."""

    def type_a_limit(root: Path):
        y = checked_against(root)
        append_to_guide(f"A hand-typed limit: {money_text(y.annual_additions)}.")(root)

    problems, root = build_fails(tmp_path, type_a_limit)
    y = checked_against(root)
    line = guide_line(root, "A hand-typed limit: ")
    expected = (
        f"hand-typed limit '{money_text(y.annual_additions)}' equals {y.year}.annual_additions"
    )
    assert any(p.startswith(f"{GUIDE}:{line}: ") and expected in p for p in problems), problems


def test_moving_a_guide_to_another_year_checks_its_amounts_against_that_year(tmp_path):
    """Amounts equal to another year's limits are not checked until the guide says it was
    checked against that year (a new year never fails a guide nobody touched)."""
    root = make_site_root(tmp_path)
    guide = root / GUIDE
    own = checked_against(root)
    other = next(
        y
        for y in LIMITS.years.values()
        if y.year != own.year and y.annual_additions not in limit_values(own)
    )
    guide.write_text(guide.read_text() + f"\nAn amount of {money_text(other.annual_additions)}.\n")
    build(root, tmp_path / "dist")  # checked against its own year: passes
    set_front_matter(guide, "limits_year", str(other.year))
    with pytest.raises(BuildFailed) as failed:
        build(root, tmp_path / "dist")
    line = guide_line(root, "An amount of ")
    assert any(
        str(p).startswith(
            f"{GUIDE}:{line}: hand-typed limit '{money_text(other.annual_additions)}' "
            f"equals {other.year}.annual_additions"
        )
        for p in failed.value.problems
    )


def test_an_amount_marked_as_not_a_limit_is_shown_as_typed(tmp_path):
    """{amount}`...` is for a figure that only looks like a limit (say an IRS example's): the
    reader sees the amount, never the marker, and the check leaves it alone."""
    root = make_site_root(tmp_path)
    typed = money_text(checked_against(root).annual_additions)
    guide = root / GUIDE
    guide.write_text(
        guide.read_text() + f"\nAn IRS example's {{amount}}`{typed}` pre-tax balance.\n"
    )
    build(root, tmp_path / "dist")
    html = (tmp_path / "dist" / "guides" / "how-much-fits" / "index.html").read_text()
    assert (
        f"An IRS example’s {typed} pre-tax balance." in html
        or f"An IRS example's {typed} pre-tax balance." in html
    )
    assert "{amount}" not in html


def test_bad_front_matter_fails(tmp_path):
    problems, _ = build_fails(
        tmp_path, lambda r: set_front_matter(r / GUIDE, "limits_year", "next")
    )
    assert any(
        p.startswith(f"{GUIDE}:")
        and "front matter: limits_year: expected a whole number, got 'next'" in p
        for p in problems
    ), problems


@pytest.mark.parametrize(
    "old,new,message",
    [
        (
            "description: ",
            "summary: ",
            "front matter: summary: unknown key; expected one of [title, description, order, "
            "last_reviewed, limits_year]",
        ),
        ("last_reviewed: ", "reviewed: ", "front matter: reviewed: unknown key"),
        ("---\n", "", "expected front matter: a first line '---', YAML keys, then '---'"),
    ],
    ids=["unknown key", "misspelled key", "no front matter"],
)
def test_front_matter_problems_fail(tmp_path, old, new, message):
    problems, _ = build_fails(tmp_path, lambda r: edit_file(r / GUIDE, old, new))
    assert any(p.startswith(f"{GUIDE}:") and message in p for p in problems), problems


def test_a_title_may_start_with_an_exclamation_mark(tmp_path):
    """A front-matter value is text whatever it starts with (an error is never told apart by it)."""
    root = make_site_root(tmp_path)
    set_front_matter(root / GUIDE, "title", '"!Important: how much fits"')
    build(root, tmp_path / "dist")
    assert (
        "<h1>!Important: how much fits</h1>"
        in (tmp_path / "dist/guides/how-much-fits/index.html").read_text()
    )


def test_a_bad_review_date_is_named(tmp_path):
    problems, _ = build_fails(
        tmp_path, lambda r: set_front_matter(r / GUIDE, "last_reviewed", "last week")
    )
    message = "front matter: last_reviewed: expected a date like 2026-11-23, got 'last week'"
    assert any(p.startswith(f"{GUIDE}:") and message in p for p in problems), problems


def test_a_place_in_the_reading_order_used_twice_is_named(tmp_path):
    """Reported on the second file of the pair, in file-name order."""
    other = "content/guides/pacing-through-the-year.md"
    taken = front_matter(ROOT / other, "order")
    problems, _ = build_fails(tmp_path, lambda r: set_front_matter(r / GUIDE, "order", taken))
    message = f"front matter: order: {taken} is also used by {GUIDE}"
    assert any(p.startswith(f"{other}:") and message in p for p in problems), problems


def test_missing_front_matter_key_is_named(tmp_path):
    def drop_description(root):
        path = root / GUIDE
        path.write_text(
            "\n".join(
                line
                for line in path.read_text().split("\n")
                if not line.startswith("description: ")
            )
        )

    problems, _ = build_fails(tmp_path, drop_description)
    assert f"{GUIDE}:1: front matter: description: missing" in problems


def test_the_site_nav_marks_where_the_reader_is(site):
    """aria-current="page" on a section's own page, "true" on a page inside it, nothing
    elsewhere."""
    out, _ = site

    def current(path):
        return re.findall(
            r'<a href="[^"]*" aria-current="(\w+)">(\w+)</a>', (out / path).read_text()
        )

    assert current("calculators/index.html") == [("page", "Calculators")]
    assert current("calculators/year-plan/index.html") == [("true", "Calculators")]
    assert current("guides/how-much-fits/index.html") == [("true", "Guides")]
    assert current("limits/index.html") == [("page", "Limits")]
    assert current("index.html") == []
