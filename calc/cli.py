"""python -m calc <id> field=value ... : one JSON object on stdout.

Exit status: 0 valid inputs, 2 any invalid field (or a malformed argument, or a
limits file that cannot be used), 1 unknown calculator id. A field given twice
keeps its first value, as a page's address does. `python -m calc --list` prints the ids.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from .evaluate import evaluate
from .limits_file import LimitsFileError, read_limits_file
from .registry import CALCULATORS

REPO_LIMITS = Path(__file__).resolve().parent.parent / "content" / "limits.yaml"

USAGE = """usage: python -m calc <calculator-id> [field=value ...]
       python -m calc --list
       python -m calc --limits FILE <calculator-id> [field=value ...]

FILE is content/limits.yaml (the default) or the limits JSON a build writes to
dist/assets/; both are read by calc's strict loader (calc/limits_file.py)."""


def main(argv: list[str]) -> int:
    limits_path = Path(os.environ.get("CALC_LIMITS", REPO_LIMITS))
    if argv[:1] == ["--limits"] and len(argv) >= 2:
        limits_path, argv = Path(argv[1]), argv[2:]
    if not argv or argv[0] in ("-h", "--help"):
        print(USAGE)
        return 0 if argv else 2
    if argv[0] == "--list":
        for calculator in CALCULATORS.values():
            print(calculator.id)
        return 0
    calculator_id, pairs = argv[0], argv[1:]
    if calculator_id not in CALCULATORS:
        print(
            f"unknown calculator {calculator_id!r}; expected one of: {', '.join(CALCULATORS)}",
            file=sys.stderr,
        )
        return 1
    calculator = CALCULATORS[calculator_id]
    raw: dict[str, str] = {}
    unknown: dict[str, str] = {}
    names = [f.name for f in calculator.fields]
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            print(f"expected field=value, got {pair!r}\n\n{USAGE}", file=sys.stderr)
            return 2
        if name not in names:
            unknown[name] = f"unknown field {name!r}; expected one of: {', '.join(names)}"
        raw.setdefault(name, value)  # the first of repeated fields wins, as in a page's address
    try:
        limits = read_limits_file(limits_path)
    except LimitsFileError as error:
        print(
            f"{error}\nexpected content/limits.yaml or the limits JSON a build writes",
            file=sys.stderr,
        )
        return 2
    evaluation = evaluate(calculator, raw, limits)
    document = evaluation.to_json_dict()
    document["errors"] = {**document["errors"], **unknown}
    if unknown:
        document["outputs"] = {}
        document["warnings"] = []
    print(json.dumps(document, indent=2, ensure_ascii=False))
    return 2 if document["errors"] else 0
