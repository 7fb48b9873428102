"""`make bench`: install the benchmark's own tools, run every benchmark, write BENCHMARKS.md.

A group that cannot run is recorded in BENCHMARKS.md with the reason, and the others go on.
Raw results are kept in bench/.work/results.json.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / ".work"
sys.path.insert(0, str(BENCH))

import browser_bench  # noqa: E402
import build_bench  # noqa: E402
import env  # noqa: E402
import lighthouse_bench  # noqa: E402
import report  # noqa: E402
from other_work import OtherWork, wait_for_quiet  # noqa: E402
from shaped_server import PROFILES, ShapedServer  # noqa: E402

STARTED = time.perf_counter()
GROUPS = ("build", "browser", "lighthouse")


def say(message: str) -> None:
    print(f"[{time.perf_counter() - STARTED:6.1f} s] {message}", flush=True)


def attempt(step: str, action, problems: dict):
    """Run one step and return its result; on failure note why (for BENCHMARKS.md), return None and
    carry on."""
    say(f"{step}…")
    try:
        result = action()
    except Exception as error:  # any failure of one step is a finding, not a reason to stop
        problems[step] = f"{type(error).__name__}: {str(error).strip()[:1500]}".replace("\n", " ")
        say(f"{step}: did not run: {problems[step]}")
        traceback.print_exc()
        return None
    say(f"{step}: done")
    return result


def version_of(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "not installed"


def machine(results: dict, others: dict[str, float], quiet: str) -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    os_name = next(
        (
            line.split("=", 1)[1].strip('"')
            for line in Path("/etc/os-release").read_text().splitlines()
            if line.startswith("PRETTY_NAME=")
        ),
        platform.system(),
    )
    pyodide = json.loads((REPO / "node_modules" / "pyodide" / "package.json").read_text())[
        "version"
    ]
    from importlib.metadata import version

    return {
        "CPU": cpu,
        "Cores (nproc)": str(len(os.sched_getaffinity(0))),
        "Memory": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "OS": f"{os_name}, Linux {platform.release()}",
        "Python (project venv)": platform.python_version(),
        "Node": version_of(["node", "--version"]),
        "Chromium": results.get("browser", {}).get("chromium")
        or version_of(["chromium", "--version"]),
        "Pyodide": pyodide,
        "Playwright (Python)": version("playwright"),
        "MkDocs (bench venv)": env.mkdocs_version() or "not installed",
        "Lighthouse (npm, bench/.work)": env.lighthouse_version() or "not installed",
        "CPU before the run": quiet,
        "Other processes' CPU use while each group ran (share of all cores)": ", ".join(
            f"{name} {share:.0%}" for name, share in others.items() if name in GROUPS
        )
        + (
            "; **other work was running: figures may be slower than on a quiet machine**"
            if any(share > 0.05 for name, share in others.items() if name in GROUPS)
            else ""
        ),
    }


def main() -> int:
    os.chdir(REPO)
    quiet = wait_for_quiet(say)
    results: dict = {}
    problems: dict[str, str] = {}

    others = OtherWork()

    def group(name: str, action) -> None:
        others.start(name)
        result = attempt(name, action, problems)
        others.start("between groups")
        if result is not None:
            results[name] = result

    mkdocs_python = attempt("MkDocs install", env.ensure_mkdocs, problems)
    if mkdocs_python:
        shutil.rmtree(WORK / "build", ignore_errors=True)
        group("build", lambda: build_bench.run(WORK / "build", mkdocs_python))
        shutil.rmtree(WORK / "build", ignore_errors=True)  # about 1 GB of output by now

    shutil.rmtree(WORK / "browser", ignore_errors=True)
    served = attempt(
        "site for the browser", lambda: browser_bench.prepare_site(WORK / "browser"), problems
    )
    if served:
        group("browser", lambda: browser_bench.run(served, WORK / "browser"))
        cli = attempt("Lighthouse install", env.ensure_lighthouse, problems)
        if cli:
            server = ShapedServer(
                served, PROFILES["localhost"]
            )  # Lighthouse shapes the network itself
            try:
                site = server.origin + browser_bench.BASE_PATH.lstrip("/")
                pages = {
                    "guide": site + browser_bench.PLAIN_GUIDE,
                    "calculator": site + browser_bench.CALCULATOR,
                    "year plan": site + "calculators/year-plan/",
                }
                chromium = (
                    browser_bench.CHROMIUM
                    if Path(browser_bench.CHROMIUM).exists()
                    else shutil.which("chromium") or ""
                )
                group(
                    "lighthouse",
                    lambda: lighthouse_bench.run(cli, pages, WORK / "lighthouse", chromium),
                )
            finally:
                server.close()

    minutes = (time.perf_counter() - STARTED) / 60
    python = sys.executable
    if python.startswith(str(REPO)):
        python = Path(python).relative_to(REPO)
    command = f"make bench ({python} bench/run.py)"
    text = report.render(
        results,
        machine(results, others.stop(), quiet),
        problems,
        command,
        datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        minutes,
    )
    (REPO / "BENCHMARKS.md").write_text(text, encoding="utf-8")
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "results.json").write_text(
        json.dumps({"results": results, "problems": problems}, indent=2), encoding="utf-8"
    )
    missed = [line.split(" | ")[0].lstrip("| ") for line in text.splitlines() if "**FAIL**" in line]
    say(
        f"wrote BENCHMARKS.md: {len(missed)} target(s) missed, {len(problems)} step(s) did not "
        "run; "
        f"raw results in {WORK / 'results.json'}"
    )
    for figure in missed:
        print(f"  missed: {figure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
