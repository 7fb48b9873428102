"""Write the site to a temporary folder, then swap it into place.

A build that fails before the swap leaves the previous dist/ exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def write_site(out: Path, files: dict[str, bytes | str | Path]) -> None:
    """Write every file under a fresh temporary sibling of out, then replace out with it."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        for relative, content in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, Path):
                _link_or_copy(content, target)
            elif isinstance(content, str):
                target.write_text(content, encoding="utf-8")
            else:
                target.write_bytes(content)
        staging.chmod(0o755)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _link_or_copy(source: Path, target: Path) -> None:
    """Hard-link big unchanged files (Pyodide) when possible: same bytes, no copy time."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        staging.rename(out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
    old.rmdir()  # a unique free name for the previous output
    out.rename(old)
    staging.rename(out)
    _remove_in_background(old)


def _remove_in_background(path: Path) -> None:
    """Delete the previous output without making the maintainer wait for it (thousands of
    folders take longer to delete than an incremental build takes to run)."""
    try:
        subprocess.Popen(
            [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(path)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
    except OSError:
        shutil.rmtree(path, ignore_errors=True)
