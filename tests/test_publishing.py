"""GitHub Pages publishing and the yearly limits update, end to end with the real builder."""

import datetime
import re
import subprocess
import sys
from urllib.parse import urljoin, urlsplit

import pytest

from calc.limits import LEAVES
from calc.limits_file import LimitsFileError, read_limits_file
from site_builder.build import build, check
from site_builder.problems import BuildFailed
from tests.helpers import BASE, LIMITS, ROOT, SITE_URL, make_site_root, page_links
from tests.test_build import append_to_guide, build_fails, guide_line


@pytest.fixture(scope="module")
def pages_site(real_site):
    """The site as built for a project page: under a sub-path of the host's URL."""
    return real_site.out


def test_host_files(pages_site):
    assert (pages_site / ".nojekyll").is_file()
    robots = (pages_site / "robots.txt").read_text()
    assert f"Sitemap: {SITE_URL}{BASE}sitemap.xml" in robots
    sitemap = (pages_site / "sitemap.xml").read_text()
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert f"{SITE_URL}{BASE}" in locs
    assert f"{SITE_URL}{BASE}guides/how-much-fits/" in locs
    assert f"{SITE_URL}{BASE}calculators/after-tax-room/" in locs
    assert all(loc.startswith(SITE_URL + BASE) for loc in locs)
    assert not any("404" in loc for loc in locs)
    assert (pages_site / "favicon.svg").is_file()


def test_every_page_has_canonical_description_and_open_graph(pages_site):
    for page in pages_site.rglob("*.html"):
        html = page.read_text()
        relative = page.relative_to(pages_site).as_posix()
        url = relative[: -len("index.html")] if relative.endswith("index.html") else relative
        assert f'<link rel="canonical" href="{SITE_URL}{BASE}{url}">' in html, relative
        assert re.search(r'<meta name="description" content="[^"]{20,}">', html), relative
        for prop in ("og:title", "og:description", "og:url", "og:type"):
            assert f'property="{prop}"' in html, (relative, prop)


def test_crawl_resolves_every_link_and_anchor(pages_site):
    """Follow every internal href and src from every page to a file (and an id for #anchors)."""
    ids = {}
    refs = {}
    for page in pages_site.rglob("*.html"):
        relative = page.relative_to(pages_site).as_posix()
        refs[relative], ids[relative] = page_links(page.read_text())
    checked = 0
    for relative, page_refs in refs.items():
        page_url = "http://host" + BASE + relative
        for _tag, attribute, value in page_refs:
            target = urlsplit(urljoin(page_url, value))
            if target.netloc != "host":
                continue
            assert target.path.startswith(BASE), (relative, value)
            path = target.path[len(BASE) :]
            if attribute == "data-pyodide":  # the folder Pyodide loads its files from
                assert (pages_site / path / "pyodide.mjs").is_file(), (relative, value)
                continue
            file = path + "index.html" if path == "" or path.endswith("/") else path
            assert (pages_site / file).is_file(), (relative, value)
            if target.fragment:
                assert target.fragment in ids[file], (relative, value)
            checked += 1
    assert checked > 500


def test_404_page_works_at_any_depth(pages_site):
    html = (pages_site / "404.html").read_text()
    refs, _ = page_links(html)
    local = [v for _, _, v in refs if not v.startswith("http")]
    assert local and all(v.startswith(BASE) or v.startswith("#") for v in local)


def test_build_with_broken_link_or_anchor_fails(tmp_path):
    problems, root = build_fails(
        tmp_path, append_to_guide("See [nowhere](../no-such-guide/) and [here](#no-such-heading).")
    )
    line = guide_line(root, "[nowhere]")
    assert any(
        p.startswith(f"content/guides/how-much-fits.md:{line}: broken link '../no-such-guide/'")
        for p in problems
    ), problems
    assert any(
        p.startswith(f"content/guides/how-much-fits.md:{line}: broken anchor '#no-such-heading'")
        for p in problems
    ), problems


def test_check_command_reports_path_line_and_fails(tmp_path):
    root = make_site_root(tmp_path)
    guide = root / "content/guides/how-much-fits.md"
    guide.write_text(guide.read_text() + "\n::: calculator after-tax-room compensation=lots\n:::\n")
    with pytest.raises(BuildFailed) as failed:
        check(root)
    line = guide_line(root, "compensation=lots")
    assert failed.value.problems == [
        f"content/guides/how-much-fits.md:{line}: calculator after-tax-room: preset "
        "compensation='lots': "
        "Compensation from this employer: enter an amount in dollars, like 12,000 or 12000.50."
    ]


def test_check_command_line_on_the_real_site():
    run = subprocess.run(
        [sys.executable, "-m", "site_builder", "check"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert "no problems" in run.stdout


def test_new_year_appends_an_empty_block_that_the_build_refuses(tmp_path):
    root = make_site_root(tmp_path)
    limits_file = root / "content/limits.yaml"
    newest, coming = LIMITS.newest, LIMITS.newest.year + 1
    command = [
        sys.executable,
        "-m",
        "site_builder",
        "limits",
        "new-year",
        str(coming),
        "--file",
        str(limits_file),
    ]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    text = limits_file.read_text()
    assert f"\n{coming}:\n  source:\n" in text
    assert f"  annual_additions:          # {newest.year}: {newest.annual_additions}" in text
    with pytest.raises(LimitsFileError) as refused:
        read_limits_file(limits_file, "content/limits.yaml")
    lines = text.split("\n")
    annual = next(
        n
        for n, text in enumerate(lines, 1)
        if text.startswith("  annual_additions:   ") and f"# {newest.year}" in text
    )
    assert (
        f"content/limits.yaml:{annual}: {coming}.annual_additions: missing value; expected a "
        "whole-dollar amount"
    ) in refused.value.problems
    # Every key of the newest year is there to fill: the 3 source fields and each value (a range
    # has two), read from the declaration.
    values = sum(
        2 if leaf.unit == "range" else 1 for leaf in LEAVES if newest.value(leaf.path) is not None
    )
    assert len(refused.value.problems) == 3 + values
    out = tmp_path / "dist"
    with pytest.raises(BuildFailed):
        build(root, out)
    assert not out.exists()

    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 1 and "fix the limits file" in again.stderr


def test_stale_limits_warn_and_show_a_notice(real_site):
    """Built in a year after the newest limits, every page says newer limits may exist."""
    newest = LIMITS.newest.year
    report = check(ROOT, today=datetime.date(newest + 1, 3, 1))
    assert any(f"newest limits are for {newest}" in w for w in report.warnings)
    pages = {page.output: page.html for page in report.pages}
    for page in (
        "index.html",
        "guides/how-much-fits/index.html",
        "calculators/after-tax-room/index.html",
    ):
        assert "Newer limits may have been published" in pages[page]
    # The session's own build (in the newest year, before November) has no such notice.
    assert real_site.report.warnings == []
    assert "Newer limits may have been published" not in (real_site.out / "index.html").read_text()


def test_from_november_the_next_years_limits_are_announced():
    """From November 1 of the newest year the IRS has usually published the next year's limits:
    the build warns, and the pages that plan ahead say which year they show."""
    newest = LIMITS.newest.year
    for day, due in ((datetime.date(newest, 10, 31), False), (datetime.date(newest, 11, 1), True)):
        report = check(ROOT, today=day)
        assert (
            any(f"publishes the {newest + 1} limits by November" in w for w in report.warnings)
            == due
        ), day
        pages = {page.output: page.html for page in report.pages}
        notice = f"The IRS publishes the {newest + 1} limits in a notice"
        for page in (
            "limits/index.html",
            "calculators/year-plan/index.html",
            "calculators/after-tax-room/index.html",
        ):
            assert (notice in pages[page]) == due, (page, day)
        assert (
            notice not in pages["calculators/plan-check/index.html"]
        )  # no tax year, nothing planned by year
