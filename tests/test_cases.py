"""The shared case table, run in CPython and through the command line (its main(), in this
process; tests/test_cli.py starts `python -m calc` itself)."""

import json
import re
from html import unescape
from pathlib import Path

import pytest

from calc import evaluate, get
from calc.cli import main as cli_main
from calc.fields import NewestLimit
from calc.limits_file import read_limits_file
from calc.registry import CALCULATORS
from calc.render import render_results
from tests.cases import all_cases

ROOT = Path(__file__).resolve().parent.parent
LIMITS = read_limits_file(ROOT / "content" / "limits.yaml")
CASES = all_cases()


def check(case, document):
    """Assert a JSON document of the CLI contract matches the case."""
    if case.errors:
        assert sorted(document["errors"]) == sorted(case.errors)
        assert document["outputs"] == {}
        return
    assert document["errors"] == {}
    for name, expected in case.outputs.items():
        assert document["outputs"][name] == expected, name


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_every_calculator_has_hand_worked_cases(calculator_id):
    """Its own case file in tests/cases/, with valid cases and cases of rejected input: the table
    runs in CPython, the CLI, Pyodide and Chromium, so a calculator without cases is never
    checked."""
    module = CALCULATORS[calculator_id].figures.__module__.split(".")[-1]
    assert (ROOT / "tests" / "cases" / f"{module}.py").is_file(), (
        f"tests/cases/{module}.py is missing"
    )
    cases = [case for case in CASES if case.calculator == calculator_id]
    assert any(not case.errors for case in cases) and any(case.errors for case in cases), (
        calculator_id
    )


def limit_inputs(calculator) -> list[str]:
    """The fields whose default comes from the limits file: the year, and any newest-year limit."""
    return [
        f.name for f in calculator.fields if f.kind == "year" or isinstance(f.default, NewestLimit)
    ]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_case_states_the_year_it_was_worked_for(case):
    """A case is worked for a year: a new year in the limits file must never change what it
    checks."""
    missing = [name for name in limit_inputs(get(case.calculator)) if name not in case.inputs]
    assert not missing, f"{case.id}: give {missing} (the limits year the case was worked for)"


def test_limit_defaults_follow_the_newest_year():
    """Empty, a limit-defaulted field takes the newest year's value, whichever year that is."""
    newest = LIMITS.newest
    for calculator in CALCULATORS.values():
        inputs = evaluate(calculator, {}, LIMITS).inputs
        for field in calculator.fields:
            if field.kind == "year":
                assert inputs[field.name] == str(newest.year), calculator.id
            elif isinstance(field.default, NewestLimit):
                assert inputs[field.name] == format(newest.value(field.default.key), "f"), (
                    calculator.id
                )


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case_in_cpython(case):
    evaluation = evaluate(get(case.calculator), case.inputs, LIMITS)
    check(case, evaluation.to_json_dict())


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case_through_cli(case, capsys):
    status = cli_main([case.calculator, *(f"{k}={v}" for k, v in case.inputs.items())])
    printed = capsys.readouterr()
    assert status == (2 if case.errors else 0), printed.err
    check(case, json.loads(printed.out))


MONEY = re.compile(r"^−?\$[\d,]+(\.\d\d)?$")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_money_column_has_one_format(case):
    """Each table of the results shows a column's amounts all in whole dollars or all to the cent:
    the calculator's own format (Calculator.money), whatever the amounts happen to be."""
    html = render_results(evaluate(get(case.calculator), case.inputs, LIMITS))
    for table in re.findall(r"<tbody>(.*?)</tbody>", html, re.S):
        columns: dict[int, set[str]] = {}
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
            for column, cell in enumerate(re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)):
                if MONEY.match(unescape(cell)):
                    columns.setdefault(column, set()).add("cents" if "." in cell else "whole")
        assert all(len(kinds) == 1 for kinds in columns.values()), columns
