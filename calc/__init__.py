"""Pure-Python mega backdoor Roth calculators (standard library only).

The same code runs at build time (CPython) and in the browser (Pyodide).
"""

from .evaluate import Evaluation, evaluate
from .registry import CALCULATORS, get

__all__ = ["CALCULATORS", "Evaluation", "evaluate", "get"]
