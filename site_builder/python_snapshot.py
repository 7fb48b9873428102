"""The Python memory snapshot the calculator worker restores instead of starting Python.

Made by running Pyodide under Node (python_snapshot.mjs) with calc/ imported. It depends
only on the Pyodide files, calc/ and that script, so it is cached under
node_modules/.cache/ by a hash of those and made again only when one of them changes.
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

SCRIPT = Path(__file__).with_name("python_snapshot.mjs")
START_UP = Path(__file__).resolve().parent.parent / "templates" / "static" / "calc-python.mjs"  # shared with the worker
KEEP = 4  # snapshots kept in the cache (each about 6.5 MB): enough to switch branches without remaking
TIMEOUT_SECONDS = 300


def snapshot_key(pyodide_dir: Path, calc_archive: bytes) -> str:
    """A hash of everything the snapshot's bytes depend on."""
    digest = hashlib.sha256()
    for part in ((pyodide_dir / "package.json").read_bytes(), SCRIPT.read_bytes(), START_UP.read_bytes(), calc_archive):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:16]


def python_snapshot(pyodide_dir: Path, calc_archive: bytes) -> tuple[str, Path]:
    """(key, path of the gzipped snapshot), made now if the cache does not hold it."""
    key = snapshot_key(pyodide_dir, calc_archive)
    cache = pyodide_dir.parent / ".cache" / "mega-backdoor-roth-snapshots"
    path = cache / f"{key}.bin.gz"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        make_snapshot(pyodide_dir, calc_archive, path)
        _prune(cache)
    return key, path


def make_snapshot(pyodide_dir: Path, calc_archive: bytes, path: Path) -> None:
    """Run python_snapshot.mjs; write its output to path atomically; BuildFailed if it fails."""
    node = shutil.which("node")
    if node is None:
        raise BuildFailed([Problem("package.json", 1, "node is not on PATH: the build runs Pyodide under Node to make the calculators' Python snapshot (run `make setup`)")])
    with tempfile.TemporaryDirectory(prefix="snapshot-", dir=path.parent) as work:
        archive = Path(work) / "calc.zip"
        archive.write_bytes(calc_archive)
        output = Path(work) / "snapshot.bin.gz"
        try:
            finished = subprocess.run([node, str(SCRIPT), str(pyodide_dir.resolve()), str(archive), str(output)],
                                      capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise BuildFailed([Problem("site_builder/python_snapshot.mjs", 1, f"making the Python snapshot took over {TIMEOUT_SECONDS} s")]) from None
        if finished.returncode != 0 or not output.exists():
            report = re.sub(r"/home/pyodide/[\w-]+/", "", finished.stderr or finished.stdout)  # name calc/x.py as in the repo
            last_lines = "\n".join(report.strip().splitlines()[-8:])
            raise BuildFailed([Problem("site_builder/python_snapshot.mjs", 1,
                                       f"making the Python snapshot failed (importing calc/ inside Pyodide):\n{last_lines}")])
        os.replace(output, path)


def _prune(cache: Path) -> None:
    """Keep the KEEP newest snapshots."""
    snapshots = sorted(cache.glob("*.bin.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in snapshots[KEEP:]:
        old.unlink(missing_ok=True)
