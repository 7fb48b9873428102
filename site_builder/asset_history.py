"""Assets of earlier builds, published for a grace period after a deploy replaces them.

A page from before a deploy (in the browser's HTTP cache, which GitHub Pages fills for ten
minutes, or open in a tab) names the hashed assets of its own build. If the new deploy dropped
them, its stylesheet, its limits and its calculators' Python would be gone. So each build keeps
a copy of its assets and Pyodide's files in a history folder beside the output, and publishes,
beside its own, every file of earlier builds that left the site less than GRACE_DAYS ago.
The Pages workflow keeps that folder from one run to the next (actions/cache).
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
from pathlib import Path

from calc.protocol import FILE_FOLDERS

GRACE_DAYS = 7
RECORD = "retired.json"  # path -> the date it left the site ("" while it is still part of it)
KEPT = FILE_FOLDERS  # the hashed assets and Pyodide's files


def history_folder(out: Path) -> Path:
    return out.parent / f".{out.name}.asset-history"


def with_earlier_assets(
    history: Path, files: dict[str, object], today: datetime.date
) -> dict[str, object]:
    """files plus the earlier builds' assets still in their grace period; records this build's in
    history."""
    record = _read_record(history)
    current = [path for path in files if path.startswith(KEPT)]
    earlier: dict[str, object] = {}
    new_record: dict[str, str] = {}
    for path, retired in record.items():
        if path in files:
            continue
        retired_on = datetime.date.fromisoformat(retired) if retired else today
        stored = history / "files" / path
        if (today - retired_on).days <= GRACE_DAYS and stored.is_file():
            earlier[path] = stored
            new_record[path] = retired_on.isoformat()
        else:
            stored.unlink(missing_ok=True)
    for path in current:
        _store(files[path], history / "files" / path)
        new_record[path] = ""
    (history / RECORD).write_text(
        json.dumps(new_record, indent=1, sort_keys=True), encoding="utf-8"
    )
    return {**earlier, **files}


def _read_record(history: Path) -> dict[str, str]:
    try:
        record = json.loads((history / RECORD).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in record.items()}
    except (OSError, ValueError, AttributeError):
        return {}


def _store(content: object, target: Path) -> None:
    """A copy of one file (hashed and versioned names: an existing copy is already the same)."""
    if target.is_file():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, Path):
        try:
            os.link(content, target)
        except OSError:
            shutil.copy2(content, target)
    else:
        target.write_bytes(content.encode() if isinstance(content, str) else content)
