"""Write the site: a whole new folder swapped into place, or an update of the last build.

Nothing is written until the whole site has rendered and passed its checks, so a build
that fails leaves the previous dist/ exactly as it was. The first build (or any build
without a record of the last one) writes a temporary sibling folder and swaps it in.
Later builds update dist/ in place, touching only the files whose bytes changed: each is
written beside its target and renamed over it, so a reader (or the preview server) sees
the old file or the new one, never half of one. Re-creating a thousand folders of
unchanged guides costs more than the rest of a one-guide rebuild.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from calc.protocol import FILE_FOLDERS

Content = bytes | str | Path  # bytes or text to write, or a file to hard-link (or copy)


def write_site(out: Path, files: dict[str, Content], last_build: set[str] | None = None) -> None:
    """Make out hold exactly files; last_build is the set of files the previous build wrote
    there."""
    out = out.resolve()
    files = dict(sorted(files.items(), key=lambda item: _write_order(item[0])))
    if last_build is None or not out.is_dir():
        _write_new_folder(out, files)
    else:
        _update_in_place(out, files, last_build)


def _write_new_folder(out: Path, files: dict[str, Content]) -> None:
    """Write every file under a fresh temporary sibling of out, then replace out with it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        for relative, content in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            _put(content, target)
        staging.chmod(0o755)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _update_in_place(out: Path, files: dict[str, Content], last_build: set[str]) -> None:
    """Replace the files whose bytes changed, add new ones, delete the ones no longer built."""
    for relative, content in files.items():
        target = out / relative
        if _already_there(content, target):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        fresh = target.with_name(f".{target.name}.new")
        _put(content, fresh)
        os.replace(fresh, target)
    for relative in sorted(last_build - files.keys(), reverse=True):
        gone = out / relative
        gone.unlink(missing_ok=True)
        for folder in gone.parents:  # drop folders the deletion emptied, up to out
            if folder == out or any(folder.iterdir()):
                break
            folder.rmdir()


def _write_order(relative: str) -> int:
    """Assets before the pages that name them, and the service worker (which lists them) last:
    a reader of an in-place rebuild never gets a page whose assets are not there yet."""
    if relative.startswith(FILE_FOLDERS):
        return 0
    if relative == "sw.js":
        return 3
    return 2 if relative.endswith(".html") else 1


def _already_there(content: Content, target: Path) -> bool:
    if isinstance(content, Path):  # a reused page is its own target; Pyodide's files are hard links
        return content == target or (target.exists() and os.path.samefile(content, target))
    data = content.encode() if isinstance(content, str) else content
    try:
        return target.stat().st_size == len(data) and target.read_bytes() == data
    except FileNotFoundError:
        return False


def _put(content: Content, target: Path) -> None:
    if isinstance(content, Path):
        _link_or_copy(content, target)
    elif isinstance(content, str):
        target.write_text(content, encoding="utf-8")
    else:
        target.write_bytes(content)


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
            [
                sys.executable,
                "-c",
                "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                str(path),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        shutil.rmtree(path, ignore_errors=True)
