"""Every built page, and the result HTML the browser swaps in live, pass the Nu HTML Checker.

The checker is the npm package vnu-jar (a devDependency, installed by `npm ci`), run
with the machine's Java: java -jar node_modules/vnu-jar/build/dist/vnu.jar.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest

from calc import evaluate
from calc.limits_file import read_limits_file
from calc.registry import CALCULATORS
from calc.render import render_results
from tests.cases import all_cases
from tests.helpers import BASE, ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def fragment_page(title: str, body: str) -> str:
    """A minimal valid document around a fragment, so only the fragment's own errors show."""
    return (
        '<!doctype html><html lang="en"><head><meta '
        f'charset="utf-8"><title>{escape(title)}</title></head>'
        '<body><main><form class="calculator"><div '
        f'class="calc-results">{body}</div></form></main></body></html>'
    )


def live_results(out: Path) -> list[Path]:
    """One file per calculator: its results for defaults, for every shared case, and for all-bad
    input."""
    limits = read_limits_file(ROOT / "content" / "limits.yaml")
    inputs = {
        calculator_id: [{}, {f.name: "<b>bad</b>" for f in c.fields}]
        for calculator_id, c in CALCULATORS.items()
    }
    for case in all_cases():
        inputs[case.calculator].append(case.inputs)
    files = []
    for calculator_id, runs in inputs.items():
        body = "".join(
            render_results(evaluate(CALCULATORS[calculator_id], raw, limits), BASE) for raw in runs
        )
        path = out / f"live-{calculator_id}.html"
        path.write_text(fragment_page(calculator_id, body), encoding="utf-8")
        files.append(path)
    return files


def run_vnu(files: list[Path]) -> list[dict]:
    """The checker's error messages for these files (it writes its JSON report to stderr)."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("java is not installed: the Nu HTML Checker (vnu.jar) needs it")
    if not VNU_JAR.exists():
        pytest.skip(
            f"{VNU_JAR.relative_to(ROOT)} is missing: run `npm ci` to install the vnu-jar "
            "devDependency"
        )
    run = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(run.stderr or run.stdout)
    messages = [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]
    assert run.returncode == (1 if messages else 0), run.stderr[:2000]
    return messages


def readable(messages: list[dict], root: Path) -> str:
    lines = []
    for m in messages:
        where = m.get("url", "").removeprefix("file:").removeprefix(str(root) + "/")
        lines.append(
            f"{where}:{m.get('lastLine', '?')}:{m.get('firstColumn', '?')}: {m['message']}\n    "
            f"{m.get('extract', '').strip()}"
        )
    return "\n".join(lines)


@pytest.fixture(scope="module")
def checked(tmp_path_factory, real_site):
    """The built site and the live-result documents written apart, checked in one run."""
    out = tmp_path_factory.mktemp("html-valid")
    pages = sorted(real_site.out.rglob("*.html"))
    fragments = live_results(out)
    return real_site.out, pages, fragments, run_vnu(pages + fragments)


def test_every_built_page_is_valid_html(checked):
    out, pages, _, messages = checked
    assert len(pages) >= 20
    errors = [m for m in messages if m.get("url", "").removeprefix("file:").startswith(str(out))]
    assert not errors, f"{len(errors)} errors in {len(pages)} pages:\n{readable(errors, out)}"


def test_live_result_html_is_valid_for_every_case(checked):
    out, _, fragments, messages = checked
    errors = [m for m in messages if "/live-" in m.get("url", "")]
    assert len(fragments) == len(CALCULATORS)
    assert not errors, f"{len(errors)} errors in the live result HTML:\n{readable(errors, out)}"
