"""Build problems, each tied to a file and line, reported together."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class BuildFailed(Exception):
    """The build found problems; nothing was written."""

    def __init__(self, problems: list[Problem] | list[str]):
        self.problems = [str(p) for p in problems]
        super().__init__("\n".join(self.problems))
