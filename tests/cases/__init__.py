"""One table of hand-worked cases per calculator, shared by every test front door.

Each module in this package defines CASES, a list of Case. The same table runs
in CPython (tests/test_cases.py), through the CLI, inside Pyodide
(tests/test_pyodide.py) and in Chromium (tests/browser/test_calculators.py).
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    """Inputs as a reader would type them, and the data-values worked out by hand."""

    calculator: str
    name: str
    inputs: dict[str, str]
    outputs: dict[str, str] = field(default_factory=dict)  # a subset of outputs, as data-value text
    errors: tuple[str, ...] = ()  # fields expected to be rejected (then outputs must be empty)

    @property
    def id(self) -> str:
        return f"{self.calculator}: {self.name}"


def all_cases() -> list[Case]:
    """Every case of every module in this package, in module order."""
    cases: list[Case] = []
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        cases.extend(module.CASES)
    return cases
