"""The shared case table inside Pyodide (Python 3.14), as the browser runs calc/: started the
ordinary way, and restored from the memory snapshot the build ships."""

import dataclasses
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from calc.limits import limits_to_dict
from site_builder.assets import calc_archive
from site_builder.python_snapshot import python_snapshot
from tests.cases import all_cases
from tests.test_cases import LIMITS, check

ROOT = Path(__file__).resolve().parent.parent
CASES = all_cases()


def skip_without_node() -> None:
    if not (ROOT / "node_modules" / "pyodide").exists() or not shutil.which("node"):
        pytest.skip("node_modules/pyodide or node missing: run `make setup`")


def run_cases(work: Path, snapshot: Path | None = None) -> dict:
    """The case table through tests/pyodide_runner.mjs; its JSON answer."""
    skip_without_node()
    archive = calc_archive(ROOT / "calc")
    (work / "calc.zip").write_bytes(archive)
    (work / "limits.json").write_text(json.dumps(limits_to_dict(LIMITS)))
    (work / "cases.json").write_text(json.dumps([dataclasses.asdict(c) for c in CASES]))
    extra = [str(snapshot)] if snapshot else []
    run = subprocess.run(
        ["node", str(ROOT / "tests" / "pyodide_runner.mjs"), *(str(work / n) for n in ("calc.zip", "limits.json", "cases.json")), *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def pyodide_documents(tmp_path_factory):
    return run_cases(tmp_path_factory.mktemp("pyodide"))


@pytest.fixture(scope="module")
def snapshot_documents(tmp_path_factory):
    """The same cases in a Python restored from the snapshot a build of this calc/ ships."""
    skip_without_node()
    _, snapshot = python_snapshot(ROOT / "node_modules" / "pyodide", calc_archive(ROOT / "calc"))
    return run_cases(tmp_path_factory.mktemp("snapshot"), snapshot)


def test_pyodide_is_python_3_14(pyodide_documents):
    assert pyodide_documents["python"].startswith("3.14")


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c.id for c in CASES])
def test_case_in_pyodide(pyodide_documents, index):
    check(CASES[index], pyodide_documents["documents"][index])


def test_the_snapshot_restores_python_with_calc_already_imported(snapshot_documents, pyodide_documents):
    assert snapshot_documents["python"].startswith("3.14")
    assert snapshot_documents["restored"] is True
    assert pyodide_documents["restored"] is False


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c.id for c in CASES])
def test_case_in_pyodide_restored_from_the_snapshot(snapshot_documents, index):
    check(CASES[index], snapshot_documents["documents"][index])
