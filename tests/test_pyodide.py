"""The shared case table inside Pyodide (Python 3.14), as the browser's worker runs calc/: with
the reduced standard library the build ships, started the ordinary way, and restored from a
memory snapshot of that start (the one the worker keeps for later pages)."""

import dataclasses
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from calc.limits import limits_to_dict
from site_builder.assets import calc_archive
from site_builder.python_stdlib import python_stdlib
from tests.cases import all_cases
from tests.test_cases import LIMITS, check

pytestmark = pytest.mark.pyodide

ROOT = Path(__file__).resolve().parent.parent
CASES = all_cases()


@pytest.fixture(scope="module")
def pyodide_run(tmp_path_factory):
    """The case table through tests/pyodide_runner.mjs; its JSON answer."""
    if not (ROOT / "node_modules" / "pyodide").exists() or not shutil.which("node"):
        pytest.skip("node_modules/pyodide or node missing: run `make setup`")
    work = tmp_path_factory.mktemp("pyodide")
    archive = calc_archive(ROOT / "calc")
    limits_json = json.dumps(limits_to_dict(LIMITS)).encode()
    stdlib = python_stdlib(ROOT / "node_modules" / "pyodide", archive, limits_json)
    (work / "calc.zip").write_bytes(archive)
    (work / "limits.json").write_bytes(limits_json)
    (work / "cases.json").write_text(json.dumps([dataclasses.asdict(c) for c in CASES]))
    run = subprocess.run(
        [
            "node",
            str(ROOT / "tests" / "pyodide_runner.mjs"),
            *(str(work / n) for n in ("calc.zip", "limits.json", "cases.json")),
            str(stdlib),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


def test_pyodide_is_python_3_14_and_the_snapshot_holds_calc(pyodide_run):
    assert pyodide_run["python"].startswith("3.14")
    assert pyodide_run["restored"] is True


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c.id for c in CASES])
def test_case_in_pyodide_with_the_reduced_library(pyodide_run, index):
    check(CASES[index], pyodide_run["ordinary"][index])


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c.id for c in CASES])
def test_case_in_pyodide_restored_from_the_snapshot(pyodide_run, index):
    check(CASES[index], pyodide_run["from_snapshot"][index])
