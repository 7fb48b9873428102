"""A synthetic site of many guides, the same every run (fixed seed).

Each guide is about 1,000 words of prose with headings, a table, bullet and
numbered lists and a link to the next guide: plain CommonMark + tables, so the
same files build with our builder and with MkDocs. No {limit} roles or
calculators (MkDocs knows neither), and no dollar amount equal to an IRS limit
(our build rejects hand-typed limits).
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import yaml

SEED = 20260101
WORDS = (
    "after-tax contribution plan employer match deferral conversion rollover account year limit "
    "paycheck payroll schedule earnings basis distribution trustee administrator document option "
    "balance statement ceiling room catch-up saver income bracket refund form notice rule test "
    "percentage period quarter month election vesting service provider record keeper portal "
    "request "
    "check transfer custodian brokerage fund share price dividend interest growth tax return line "
    "box code amount total summary example worksheet step answer question detail review change"
).split()
HEADINGS = (
    "How the numbers add up",
    "What the plan document says",
    "When to convert",
    "Common questions",
    "A worked example",
    "What to ask payroll",
    "Timing through the year",
    "Reporting it later",
    "Edge cases",
    "A short checklist",
)


def amounts_to_avoid(limits_file: Path) -> set[int]:
    """Every integer in the limits file: a guide that typed one would fail our build."""
    found: set[int] = set()

    def walk(value):
        if isinstance(value, bool):
            return
        if isinstance(value, int):
            found.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(yaml.safe_load(limits_file.read_text(encoding="utf-8")))
    return found


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def amount(rng: random.Random, avoid: set[int]) -> str:
    while True:
        value = rng.randrange(100, 99_000)
        if value not in avoid:
            return f"${value:,}"


def guide_text(number: int, total: int, rng: random.Random, avoid: set[int]) -> str:
    """One guide of roughly 1,000 words, front matter included."""
    parts = [
        "---",
        f"title: Synthetic guide {number}",
        f"description: {sentence(rng, 14)}",
        f"order: {number}",
        "last_reviewed: 2026-01-15",
        "limits_year: 2026",
        "---",
        "",
        " ".join(sentence(rng, rng.randint(12, 20)) for _ in range(4)),
    ]
    for section, heading in enumerate(rng.sample(HEADINGS, 5)):
        parts += ["", f"## {heading}", ""]
        parts.append(" ".join(sentence(rng, rng.randint(12, 20)) for _ in range(5)))
        parts += ["", f"### {sentence(rng, 3)[:-1]}", ""]
        parts.append(" ".join(sentence(rng, rng.randint(12, 20)) for _ in range(3)))
        parts.append("")
        if section % 2 == 0:
            parts += ["| Step | What happens | Amount |", "|---|---|---|"]
            parts += [
                f"| {row + 1} | {sentence(rng, 6)} | {amount(rng, avoid)} |" for row in range(4)
            ]
        else:
            parts += [f"- **{rng.choice(WORDS)}**: {sentence(rng, 9)}" for _ in range(4)]
            parts.append("")
            parts += [
                f"{item + 1}. {sentence(rng, 8)} Keep *{rng.choice(WORDS)}* in mind."
                for item in range(3)
            ]
    if number < total:
        parts += ["", f"Read on in [synthetic guide {number + 1}](../guide-{number + 1:04d}/)."]
    return "\n".join(parts) + "\n"


def glossary_text(count: int) -> str:
    """A short glossary: a definition list whose terms point into the generated guides."""
    rng = random.Random(SEED + 1)
    parts = [
        "---",
        "title: Glossary",
        "description: Terms used in the synthetic guides.",
        "last_reviewed: 2026-01-15",
        "limits_year: 2026",
        "---",
        "",
    ]
    for term in sorted(rng.sample(WORDS, 20)):
        target = rng.randint(1, count)
        parts += [
            term.capitalize(),
            f": {sentence(rng, 12)} See [guide {target}](../guides/guide-{target:04d}/).",
            "",
        ]
    return "\n".join(parts)


def write_guides(folder: Path, count: int, limits_file: Path) -> list[Path]:
    """count guides as folder/guide-0001.md ...; returns their paths."""
    rng = random.Random(SEED)
    avoid = amounts_to_avoid(limits_file)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, count + 1):
        path = folder / f"guide-{number:04d}.md"
        path.write_text(guide_text(number, count, rng, avoid), encoding="utf-8")
        paths.append(path)
    return paths


def make_synthetic_root(repo: Path, work: Path, count: int) -> Path:
    """A project root for our builder: the repo's site.yaml and limits.yaml, count generated
    guides, a small generated glossary (every page's navigation links to one), and links to
    the repo's templates, calc and node_modules."""
    root = work / "synthetic-root"
    if root.exists():
        shutil.rmtree(root)
    (root / "content").mkdir(parents=True)
    for name in ("site.yaml", "limits.yaml"):
        shutil.copy2(repo / "content" / name, root / "content" / name)
    write_guides(root / "content" / "guides", count, repo / "content" / "limits.yaml")
    (root / "content" / "glossary.md").write_text(glossary_text(count), encoding="utf-8")
    for name in ("calc", "templates", "node_modules"):
        os.symlink(repo / name, root / name)
    return root


def make_mkdocs_project(guides: Path, work: Path) -> Path:
    """An MkDocs project (default theme and plugins) whose docs_dir holds copies of the same guides;
    pass --site-dir to choose where it builds."""
    project = work / "mkdocs-project"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(guides, project / "docs")
    config = {"site_name": "Synthetic guides", "docs_dir": "docs"}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return project / "mkdocs.yml"


def word_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").split())


if __name__ == "__main__":  # a quick look: python bench/synthetic.py /tmp/out 3
    import sys

    out = Path(sys.argv[1])
    written = write_guides(
        out, int(sys.argv[2]), Path(__file__).resolve().parent.parent / "content" / "limits.yaml"
    )
    print(
        f"{len(written)} guides, {sum(map(word_count, written)) / len(written):.0f} words each on "
        "average"
    )
