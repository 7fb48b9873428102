"""Incremental builds: unchanged guides are reused, and the result is the same as a full build."""

from pathlib import Path

from site_builder.build import build
from tests.helpers import make_site_root


def rendered(report) -> set[str]:
    return {page.url for page in report.pages if page.url.startswith("guides/") and not page.reused_from}


def tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_only_changed_guides_are_rendered_and_output_matches_a_full_build(tmp_path):
    root = make_site_root(tmp_path)
    out = tmp_path / "dist"
    first = build(root, out)
    assert len(rendered(first)) == 12

    assert rendered(build(root, out)) == set()  # nothing changed

    guide = root / "content/guides/pacing-through-the-year.md"
    guide.write_text(guide.read_text() + "\nA sentence added by the incremental test.\n")
    assert rendered(build(root, out)) == {"guides/pacing-through-the-year/"}
    assert "A sentence added by the incremental test." in (out / "guides/pacing-through-the-year/index.html").read_text()

    # Renaming a guide changes its neighbours' previous/next links too.
    guide.write_text(guide.read_text().replace("title: ", "title: Renamed ", 1))
    assert rendered(build(root, out)) == {
        "guides/how-much-fits/", "guides/pacing-through-the-year/", "guides/converting-in-plan-or-to-a-roth-ira/"}

    # A limits change can change any number in any guide: everything is rendered again.
    limits = root / "content/limits.yaml"
    limits.write_text(limits.read_text().replace("annual_additions: 72000", "annual_additions: 72500"))
    assert len(rendered(build(root, out))) == 12
    assert "$80,500" in (out / "guides/how-much-fits/index.html").read_text()  # 72,500 + 8,000

    full = tmp_path / "full"
    build(root, full)
    assert tree(out) == tree(full)
