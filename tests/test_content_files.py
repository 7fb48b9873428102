"""Content that cannot vanish or escape: every problem in what an author (or an attacker with a
pull request) puts under content/ fails the build with its file and line, instead of dropping
text silently, hanging the build, or publishing files from outside the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_builder.build import build, check
from site_builder.markdown import Slugs, make_markdown
from site_builder.problems import BuildFailed
from tests.helpers import make_site_root

GUIDE = "content/guides/how-much-fits.md"


def problems_of(root: Path) -> list[str]:
    with pytest.raises(BuildFailed) as failed:
        check(root)
    return failed.value.problems


def insert_before_first_heading(root: Path, text: str) -> int:
    """Put text in the guide just before its first '## ' heading; return the text's first line."""
    path = root / GUIDE
    lines = path.read_text().split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("## "))
    path.write_text("\n".join(lines[:at] + text.split("\n") + lines[at:]))
    return at + 1


def test_a_list_nested_too_deep_fails_instead_of_dropping_the_rest(tmp_path):
    root = make_site_root(tmp_path)
    deep = "".join("  " * level + f"- level {level}\n" for level in range(12))
    first = insert_before_first_heading(root, deep)
    problems = problems_of(root)
    # Ten lists deep reach markdown-it's limit of 20 nesting levels: the 10th item's line is named.
    assert problems[0] == (
        f"{GUIDE}:{first + 9}: lists or quotes nested 10 or more levels deep: "
        "everything after this line would be lost from the page"
    )
    # The rest would indeed be gone: other guides' links into this one's later sections break too.
    assert all("/guides/how-much-fits/ has no id" in problem for problem in problems[1:]), problems


def test_nesting_within_the_limit_keeps_everything_after_it(tmp_path):
    root = make_site_root(tmp_path)
    insert_before_first_heading(
        root, "".join("  " * level + f"- level {level}\n" for level in range(9))
    )
    out = tmp_path / "dist"
    build(root, out)
    html = (out / "guides/how-much-fits/index.html").read_text()
    assert "level 8" in html and '<h2 id="sources">' in html


def test_bytes_that_are_not_utf8_are_named_with_their_line(tmp_path):
    root = make_site_root(tmp_path)
    path = root / GUIDE
    lines = path.read_bytes().split(b"\n")
    lines[11] = b"Caf\xe9 au lait"  # Latin-1, line 12
    path.write_bytes(b"\n".join(lines))
    assert problems_of(root) == [f"{GUIDE}:12: is not UTF-8 text: byte 0xe9 at column 4"]


@pytest.mark.parametrize("kind", ["folder", "dangling link", "link outside the repository", "pipe"])
def test_a_guide_that_is_not_a_regular_file_inside_content_is_refused(tmp_path, kind):
    root = make_site_root(tmp_path)
    path = root / "content/guides/odd.md"
    if kind == "folder":
        path.mkdir()
        message = "is not a regular file (a folder, a pipe or a device); expected a text file"
    elif kind == "dangling link":
        path.symlink_to(root / "content/guides/nothing-here.md")
        message = "is a link to nothing"
    elif kind == "link outside the repository":
        secret = tmp_path / "secret.md"
        secret.write_text("---\ntitle: x\n---\nA private file.\n")
        path.symlink_to(secret)
        message = (
            f"is a link to {secret.resolve()}, outside content/; only files inside it are read"
        )
    else:  # opening a pipe would wait for a writer forever
        os.mkfifo(path)
        message = "is not a regular file (a folder, a pipe or a device); expected a text file"
    assert problems_of(root) == [f"content/guides/odd.md:1: {message}"]


def test_a_link_to_a_file_inside_content_is_read(tmp_path):
    root = make_site_root(tmp_path)
    (root / "content/drafts").mkdir()
    os.replace(root / GUIDE, root / "content/drafts/how-much-fits.md")
    (root / GUIDE).symlink_to(root / "content/drafts/how-much-fits.md")
    check(root)


@pytest.mark.parametrize("value", ["²", "٣", "3.0", "-3"])
def test_an_order_that_is_not_plain_digits_is_refused(tmp_path, value):
    root = make_site_root(tmp_path)
    path = root / GUIDE
    path.write_text(path.read_text().replace("order: 3", f"order: {value}", 1))
    assert problems_of(root) == [
        f"{GUIDE}:4: front matter: order: expected a whole number, got '{value}'"
    ]


def test_repeated_headings_get_numbered_ids_with_one_probe_each():
    headings = "".join("## Same heading\n\nText.\n\n" for _ in range(10_000))
    tokens = make_markdown().parse("## Same heading 2\n\n" + headings)
    ids = [t.attrGet("id") for t in tokens if t.type == "heading_open"]
    # The explicit "Same heading 2" keeps its slug; repeats skip it: -1, -3, -4, ...
    assert ids[:4] == ["same-heading-2", "same-heading", "same-heading-1", "same-heading-3"]
    assert len(set(ids)) == len(ids) == 10_001

    slugs = Slugs(set())
    for _ in range(10_000):
        slugs.claim("same-heading")
    assert (
        slugs.probes == 2 * 10_000 - 1
    )  # the taken slug, then the next suffix: linear, not quadratic


def test_adding_or_removing_the_glossary_updates_every_reused_page(tmp_path):
    """The site navigation links the glossary only when there is one: pages reused from the
    build cache must follow (the cache key once missed this)."""
    root = make_site_root(tmp_path)
    for guide in (root / "content/guides").glob("*.md"):
        guide.unlink()
    (root / "content/about.md").unlink()  # it links guides this one-guide site does not have
    (root / "content/guides/one-guide.md").write_text(
        "---\ntitle: One guide\ndescription: The only guide.\norder: 1\nlast_reviewed: 2026-11-23\n"
        "limits_year: 2026\n---\n\nA short guide.\n\n## Sources\n\n- IRC 415(c)\n"
    )
    glossary = root / "content/glossary.md"
    glossary.write_text(
        "---\ntitle: Glossary\ndescription: Terms.\nlast_reviewed: 2026-11-23\n"
        "limits_year: 2026\n---\n\nBasis\n: Money already taxed.\n"
    )
    out = tmp_path / "dist"
    pages = ("guides/one-guide/index.html", "calculators/after-tax-room/index.html", "index.html")
    build(root, out)
    assert all('href="/glossary/"' in (out / page).read_text() for page in pages)
    text = glossary.read_text()
    glossary.unlink()
    build(root, out)
    assert not any('href="/glossary/"' in (out / page).read_text() for page in pages)
    glossary.write_text(text)
    build(root, out)
    assert all('href="/glossary/"' in (out / page).read_text() for page in pages)
