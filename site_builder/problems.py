"""Build problems, each tied to a file and line, reported together (calc.problems declares them)."""

from __future__ import annotations

from calc.problems import Problem

__all__ = ["BuildFailed", "Problem"]


class BuildFailed(Exception):
    """The build found problems; nothing was written."""

    def __init__(self, problems: list[Problem] | list[str]):
        self.problems = [str(p) for p in problems]
        super().__init__("\n".join(self.problems))
