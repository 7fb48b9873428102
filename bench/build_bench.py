"""Build benchmarks: the real site, 1,000 synthetic guides with our builder and with MkDocs
(interleaved in one run), and a rebuild after one guide changes.

Every full build is a clean build: a fresh process (start-up and imports included, as
someone running the command waits for them) writing into a new, empty folder, so no
build cache from an earlier run can help. The rebuild is a later build() call in the
same process and into the same folder, as the dev server makes it.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from synthetic import make_mkdocs_project, make_synthetic_root, word_count  # noqa: E402

GUIDES = 1000
SYNTHETIC_RUNS = 3
REAL_RUNS = 7
REBUILD_RUNS = 3
SNAPSHOT_RUNS = 2
# seconds between edits, as a person editing would leave (the first build deletes the old output in
# the background)
REBUILD_PAUSE = 3.0
CHANGED_GUIDE = "guide-0500.md"
REAL_CHANGED_GUIDE = "pacing-through-the-year.md"


def wall_time(command: list[str], cwd: Path = REPO) -> float:
    """Seconds one command takes; raise with its output if it fails."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(map(str, command))} failed:\n{(done.stderr or done.stdout)[-2000:]}"
        )
    return seconds


def build_command(root: Path, out: Path) -> list[str]:
    """Our builder through its Python API (the CLI always builds the repo's own content)."""
    return [sys.executable, str(Path(__file__)), "build", str(root), str(out)]


def fresh_folder(work: Path, name: str) -> Path:
    """work/name/out in a new, empty folder (a build cache is kept beside its output)."""
    folder = work / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder / "out"


def html_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*.html"))


def real_site(work: Path) -> dict:
    """`python -m site_builder build --out NEW` on the repo's content, REAL_RUNS clean builds."""

    def command(run: int) -> list[str]:
        return [
            sys.executable,
            "-m",
            "site_builder",
            "build",
            "--out",
            str(fresh_folder(work, f"real-{run}")),
        ]

    wall_time(
        command(0)
    )  # warm the OS file cache and __pycache__, like any build but the very first
    runs, next_runs = [], []
    root, out = real_copy(work), fresh_folder(work, "real-next")
    wall_time(build_command(root, out))  # the build a maintainer made before editing
    guide = root / "content" / "guides" / REAL_CHANGED_GUIDE
    original = guide.read_text(encoding="utf-8")
    for run in range(
        1, REAL_RUNS + 1
    ):  # clean builds and next builds alternate: same machine for both
        runs.append(wall_time(command(run)))
        guide.write_text(
            original + f"\nAn edited closing sentence, number {run}.\n", encoding="utf-8"
        )
        next_runs.append(wall_time(build_command(root, out)))
    pages = sum(1 for _ in (work / "real-1" / "out").rglob("index.html"))
    return {
        "runs": runs,
        "median": statistics.median(runs),
        "pages": pages,
        "next_runs": next_runs,
        "next_median": statistics.median(next_runs),
        "changed": REAL_CHANGED_GUIDE,
    }


def real_copy(work: Path) -> Path:
    """The repo's content beside links to its code and templates, to edit a guide in."""
    root = work / "real-copy"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    shutil.copytree(REPO / "content", root / "content")
    for name in ("calc", "templates", "node_modules"):
        (root / name).symlink_to(REPO / name)
    return root


def synthetic_site(work: Path, mkdocs_python: Path) -> dict:
    """Our builder and MkDocs on the same 1,000 guides, runs interleaved so both see the same
    machine."""
    root = make_synthetic_root(REPO, work, GUIDES)
    guides = sorted((root / "content" / "guides").glob("*.md"))
    mkdocs_yml = make_mkdocs_project(root / "content" / "guides", work)
    ours, mkdocs = [], []
    for run in range(1, SYNTHETIC_RUNS + 1):
        ours.append(wall_time(build_command(root, fresh_folder(work, f"ours-{run}"))))
        mkdocs.append(
            wall_time(
                [
                    str(mkdocs_python),
                    "-m",
                    "mkdocs",
                    "build",
                    "--quiet",
                    "--config-file",
                    str(mkdocs_yml),
                    "--site-dir",
                    str(fresh_folder(work, f"mkdocs-{run}")),
                ]
            )
        )
    result = {
        "guides": len(guides),
        "words_per_guide": round(sum(map(word_count, guides)) / len(guides)),
        "ours_runs": ours,
        "mkdocs_runs": mkdocs,
        "ours_median": statistics.median(ours),
        "mkdocs_median": statistics.median(mkdocs),
        "ours_pages": sum(1 for _ in (work / "ours-1" / "out").rglob("index.html")),
        "mkdocs_pages": sum(1 for _ in (work / "mkdocs-1" / "out").rglob("index.html")),
        "ours_html_bytes": html_bytes(work / "ours-1" / "out"),
        "mkdocs_html_bytes": html_bytes(work / "mkdocs-1" / "out"),
    }
    result["ratio"] = result["ours_median"] / result["mkdocs_median"]
    result["rebuild"] = rebuild(root, fresh_folder(work, "rebuild"))
    return result


def rebuild(root: Path, out: Path) -> dict:
    """A full build, then REBUILD_RUNS times: change one guide's text and call build() again."""
    done = subprocess.run(
        [sys.executable, str(Path(__file__)), "rebuild", str(root), str(out), str(REBUILD_RUNS)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"rebuild failed:\n{(done.stderr or done.stdout)[-2000:]}")
    runs = json.loads(done.stdout.strip().splitlines()[-1])
    return {"runs": runs, "median": statistics.median(runs), "changed": CHANGED_GUIDE}


def python_library(work: Path) -> dict:
    """Working out the worker's reduced Python library from scratch (a build does it only when calc/
    or Pyodide changed)."""
    from calc.limits import limits_to_dict
    from calc.limits_file import read_limits_file
    from site_builder.assets import calc_archive
    from site_builder.python_stdlib import make_library

    archive, runs = calc_archive(REPO / "calc"), []
    limits_json = json.dumps(
        limits_to_dict(read_limits_file(REPO / "content" / "limits.yaml"))
    ).encode()
    for run in range(SNAPSHOT_RUNS):
        target = fresh_folder(work, f"library-{run}").parent / "stdlib.zip"
        started = time.perf_counter()
        make_library(REPO / "node_modules" / "pyodide", archive, limits_json, target)
        runs.append(time.perf_counter() - started)
    return {
        "runs": runs,
        "median": statistics.median(runs),
        "megabytes": target.stat().st_size / 1e6,
    }


def run(work: Path, mkdocs_python: Path) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    return {
        "real": real_site(work),
        "synthetic": synthetic_site(work, mkdocs_python),
        "library": python_library(work),
    }


def _build_once(root: Path, out: Path) -> None:
    from site_builder.build import build

    build(root, out)


def _rebuilds(root: Path, out: Path, count: int) -> None:
    """Prints a JSON list of the seconds each rebuild's build() call took."""
    from site_builder.build import build

    build(root, out)
    guide = root / "content" / "guides" / CHANGED_GUIDE
    original = guide.read_text(encoding="utf-8")
    seconds = []
    try:
        for edit in range(count):
            time.sleep(REBUILD_PAUSE)
            guide.write_text(
                original + f"\nAn edited closing sentence, number {edit + 1}.\n", encoding="utf-8"
            )
            started = time.perf_counter()
            build(root, out)
            seconds.append(time.perf_counter() - started)
            if f"number {edit + 1}." not in (out / "guides" / guide.stem / "index.html").read_text(
                encoding="utf-8"
            ):
                raise SystemExit("the rebuilt page does not show the edit")
    finally:
        guide.write_text(original, encoding="utf-8")
    print(json.dumps(seconds))


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    if sys.argv[1] == "build":
        _build_once(Path(sys.argv[2]), Path(sys.argv[3]))
    elif sys.argv[1] == "rebuild":
        _rebuilds(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
    else:  # python bench/build_bench.py all: the build group alone, for a quick look
        from env import ensure_mkdocs

        work = BENCH / ".work" / "build"
        shutil.rmtree(work, ignore_errors=True)
        print(json.dumps(run(work, ensure_mkdocs()), indent=2))
