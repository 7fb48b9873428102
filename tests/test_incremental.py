"""Incremental builds: unchanged guides are reused, and the result is the same as a full build."""

import json
import subprocess
import sys
from pathlib import Path

from calc.formatting import money_text
from site_builder.asset_history import history_folder
from site_builder.build import build
from tests.helpers import LIMITS, ROOT, make_site_root

GUIDES = len(list((ROOT / "content" / "guides").glob("*.md")))


def rendered(report) -> set[str]:
    return {
        page.url for page in report.pages if page.url.startswith("guides/") and not page.reused_from
    }


def tree(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


def assert_same_as_a_full_build(root: Path, out: Path, full: Path) -> None:
    """The same files, but for the earlier builds' assets kept for their grace period
    (asset_history.py)."""
    build(root, full)
    retired = {
        path
        for path, date in json.loads((history_folder(out) / "retired.json").read_text()).items()
        if date
    }
    assert {path: data for path, data in tree(out).items() if path not in retired} == tree(full)


def test_only_changed_guides_are_rendered_and_output_matches_a_full_build(tmp_path):
    root = make_site_root(tmp_path)
    out = tmp_path / "dist"
    first = build(root, out)
    assert len(rendered(first)) == GUIDES

    assert rendered(build(root, out)) == set()  # nothing changed

    guide = root / "content/guides/pacing-through-the-year.md"
    guide.write_text(guide.read_text() + "\nA sentence added by the incremental test.\n")
    assert rendered(build(root, out)) == {"guides/pacing-through-the-year/"}
    assert (
        "A sentence added by the incremental test."
        in (out / "guides/pacing-through-the-year/index.html").read_text()
    )

    # Renaming a guide changes the list of guides every template receives (the neighbours'
    # previous/next links, the home page): every page is rendered again, none is left stale.
    guide.write_text(guide.read_text().replace("title: ", "title: Renamed ", 1))
    assert len(rendered(build(root, out))) == GUIDES
    assert "Renamed" in (out / "guides/plan-your-year/index.html").read_text()  # its "next" link

    # A limits change can change any number in any guide: everything is rendered again.
    limits = root / "content/limits.yaml"
    newest = LIMITS.newest
    text = limits.read_text()
    block = text.index(f"\n{newest.year}:")
    limits.write_text(
        text[:block]
        + text[block:].replace(
            f"annual_additions: {newest.annual_additions}",
            f"annual_additions: {newest.annual_additions + 500}",
            1,
        )
    )
    assert len(rendered(build(root, out))) == GUIDES
    # how-much-fits quotes the newest 415(c) limit plus the age-50 catch-up.
    raised = money_text(newest.annual_additions + 500 + newest.catch_up)
    assert raised in (out / "guides/how-much-fits/index.html").read_text()

    assert_same_as_a_full_build(root, out, tmp_path / "full")


def test_a_rebuild_updates_dist_in_place_and_deletes_what_is_no_longer_built(tmp_path):
    root = make_site_root(tmp_path)
    out = tmp_path / "dist"
    extra = root / "content/guides/an-extra-guide.md"
    extra.write_text(
        "---\ntitle: An extra guide\ndescription: Only in the first build.\norder: 99\n"
        "last_reviewed: 2026-11-23\nlimits_year: 2026\n---\n\nA short guide.\n"
    )
    build(root, out)
    assert (out / "guides/an-extra-guide/index.html").is_file()
    untouched = out / "guides/reporting-on-your-tax-return/index.html"
    before = untouched.stat().st_ino

    # An edited guide is rewritten; a page deleted by hand is written again though its guide did
    # not change; an unrelated page stays the very same file.
    guide = root / "content/guides/pacing-through-the-year.md"
    guide.write_text(guide.read_text() + "\nA sentence added by the in-place test.\n")
    (out / "guides/is-it-worth-it/index.html").unlink()
    build(root, out)
    assert (
        "A sentence added by the in-place test."
        in (out / "guides/pacing-through-the-year/index.html").read_text()
    )
    assert (out / "guides/is-it-worth-it/index.html").is_file()
    assert untouched.stat().st_ino == before

    # A removed guide takes its page and its folder with it.
    extra.unlink()
    build(root, out)
    assert not (out / "guides/an-extra-guide").exists()
    assert not list(out.rglob(".*.new"))  # no half-written file left beside its target

    assert_same_as_a_full_build(root, out, tmp_path / "full")


def test_without_a_record_of_the_last_build_a_whole_new_folder_replaces_dist(tmp_path):
    root = make_site_root(tmp_path)
    out = tmp_path / "dist"
    build(root, out)
    (out / "left-over-by-hand.txt").write_text("not part of the site")
    (tmp_path / ".dist.build-cache.json").unlink()
    build(root, out)
    assert not (out / "left-over-by-hand.txt").exists()


REBUILD = """
import sys
from pathlib import Path
from site_builder.build import build
report = build(Path(sys.argv[1]), Path(sys.argv[2]))
print(sorted(p.url for p in report.pages if p.url.startswith("guides/") and not p.reused_from))
"""


def test_the_next_process_reuses_every_unchanged_page(tmp_path):
    """As two `make build` runs do: the cache key is the same in another process, so after one
    guide changed only that guide is rendered again."""
    root = make_site_root(tmp_path)
    out = tmp_path / "dist"

    def build_in_a_new_process() -> str:
        run = subprocess.run(
            [sys.executable, "-c", REBUILD, str(root), str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        return run.stdout.strip()

    assert build_in_a_new_process().count("guides/") == GUIDES
    assert build_in_a_new_process() == "[]"
    guide = root / "content/guides/pacing-through-the-year.md"
    guide.write_text(guide.read_text() + "\nA sentence added in between.\n")
    assert build_in_a_new_process() == "['guides/pacing-through-the-year/']"
