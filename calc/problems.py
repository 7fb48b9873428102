"""Problems in the files people edit, each tied to a file, a line and (where there is one) a field.

One shape for every check: the limits file, guides, front matter, links. Messages read
`content/limits.yaml:41: 2026.annual_additions: expected an integer, got '1,000'`.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 2_000_000  # far more than any guide or limits file; stops /dev/zero-like inputs


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    field: str = ""  # e.g. "2026.annual_additions" or "front matter: order"

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.path}:{self.line}: {where}{self.message}"


class ProblemsFound(Exception):
    """One or more problems, reported together; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(map(str, self.problems)))


def read_text_file(path: Path, display: str, inside: Path | None = None) -> str:
    """A regular UTF-8 text file (through links only to files inside `inside`); ProblemsFound
    otherwise.

    A folder, a pipe or a device is refused before it is opened (a pipe would wait forever,
    /dev/zero would never end), and bad bytes are reported with their line."""

    def refuse(message: str, line: int = 1) -> ProblemsFound:
        return ProblemsFound([Problem(display, line, message)])

    if path.is_symlink():
        target = Path(os.path.realpath(path))
        if not target.exists():
            raise refuse("is a link to nothing")
        if inside is not None and not target.is_relative_to(Path(os.path.realpath(inside))):
            raise refuse(
                f"is a link to {target}, outside {inside.name}/; only files inside it are read"
            )
    try:
        info = path.stat()
    except OSError as error:
        raise refuse(f"cannot be read: {error.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise refuse("is not a regular file (a folder, a pipe or a device); expected a text file")
    if info.st_size > MAX_FILE_BYTES:
        raise refuse(
            f"is {info.st_size:,} bytes; expected a text file under {MAX_FILE_BYTES:,} bytes"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise refuse(f"cannot be read: {error.strerror}") from None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise refuse(
            f"is not UTF-8 text: byte 0x{data[error.start]:02x} at column {column}", line
        ) from None
