"""The shared case table inside Pyodide (Python 3.14), as the browser runs calc/."""

import dataclasses
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from calc.limits import limits_to_dict
from site_builder.assets import calc_archive
from tests.cases import all_cases
from tests.test_cases import LIMITS, check

ROOT = Path(__file__).resolve().parent.parent
CASES = all_cases()


@pytest.fixture(scope="module")
def pyodide_documents(tmp_path_factory):
    if not (ROOT / "node_modules" / "pyodide").exists() or not shutil.which("node"):
        pytest.skip("node_modules/pyodide or node missing: run `make setup`")
    work = tmp_path_factory.mktemp("pyodide")
    (work / "calc.zip").write_bytes(calc_archive(ROOT / "calc"))
    (work / "limits.json").write_text(json.dumps(limits_to_dict(LIMITS)))
    (work / "cases.json").write_text(json.dumps([dataclasses.asdict(c) for c in CASES]))
    run = subprocess.run(
        ["node", str(ROOT / "tests" / "pyodide_runner.mjs"), *(str(work / n) for n in ("calc.zip", "limits.json", "cases.json"))],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_pyodide_is_python_3_14(pyodide_documents):
    assert pyodide_documents["python"].startswith("3.14")


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c.id for c in CASES])
def test_case_in_pyodide(pyodide_documents, index):
    check(CASES[index], pyodide_documents["documents"][index])
