"""The reduced Python standard library the calculator worker loads (see python_stdlib.mjs).

Made by running Pyodide under Node: the modules that Pyodide's start-up and calc/ import,
compiled to bytecode, then checked by starting Python with only them. It depends on the
Pyodide files, calc/ and the two scripts, so it is cached under node_modules/.cache/ by a hash
of those and made again only when one of them changes. (The limits file is not part of the
key: which modules calc imports does not depend on the limit values.)
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .problems import BuildFailed, Problem

SCRIPT = Path(__file__).with_name("python_stdlib.mjs")
START_UP = (
    Path(__file__).resolve().parent.parent / "templates" / "static" / "calc-python.mjs"
)  # shared with the worker
KEEP = (
    4  # libraries kept in the cache (each about 1.3 MB): enough to switch branches without remaking
)
TIMEOUT_SECONDS = 300


def library_key(pyodide_dir: Path, calc_archive: bytes) -> str:
    """A hash of everything the library's bytes depend on."""
    digest = hashlib.sha256()
    for part in (
        (pyodide_dir / "package.json").read_bytes(),
        SCRIPT.read_bytes(),
        START_UP.read_bytes(),
        calc_archive,
    ):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:16]


def python_stdlib(pyodide_dir: Path, calc_archive: bytes, limits_json: bytes) -> Path:
    """The reduced library's zip, made now if the cache does not hold it."""
    cache = pyodide_dir.parent / ".cache" / "mega-backdoor-roth-stdlib"
    path = cache / f"{library_key(pyodide_dir, calc_archive)}.zip"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        make_library(pyodide_dir, calc_archive, limits_json, path)
        _prune(cache)
    return path


def make_library(pyodide_dir: Path, calc_archive: bytes, limits_json: bytes, path: Path) -> None:
    """Run python_stdlib.mjs; write its zip to path atomically; BuildFailed if it fails."""
    node = _node()
    with tempfile.TemporaryDirectory(prefix="stdlib-", dir=path.parent) as work:
        archive, limits, output = (
            Path(work) / "calc.zip",
            Path(work) / "limits.json",
            Path(work) / "stdlib.zip",
        )
        archive.write_bytes(calc_archive)
        limits.write_bytes(limits_json)
        try:
            finished = subprocess.run(
                [
                    node,
                    str(SCRIPT),
                    str(pyodide_dir.resolve()),
                    str(archive),
                    str(limits),
                    str(output),
                ],
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
            )
        except subprocess.TimeoutExpired:
            raise BuildFailed(
                [
                    Problem(
                        "site_builder/python_stdlib.mjs",
                        1,
                        f"working out the Python library took over {TIMEOUT_SECONDS} s",
                    )
                ]
            ) from None
        if finished.returncode != 0 or not output.exists():
            report = re.sub(
                r"/home/pyodide/[\w-]+/", "", finished.stderr or finished.stdout
            )  # name calc/x.py as in the repo
            last_lines = "\n".join(report.strip().splitlines()[-8:])
            raise BuildFailed(
                [
                    Problem(
                        "site_builder/python_stdlib.mjs",
                        1,
                        f"running calc/ inside Pyodide failed:\n{last_lines}",
                    )
                ]
            )
        os.replace(output, path)


def _node() -> str:
    """The path of node; BuildFailed if it is not on PATH."""
    node = shutil.which("node")
    if node is None:
        raise BuildFailed(
            [
                Problem(
                    "package.json",
                    1,
                    "node is not on PATH: the build runs Pyodide under Node to "
                    "work out the Python library the calculators need (run `make setup`)",
                )
            ]
        )
    return node


def _prune(cache: Path) -> None:
    """Keep the KEEP newest libraries."""
    libraries = sorted(cache.glob("*.zip"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in libraries[KEEP:]:
        old.unlink(missing_ok=True)
