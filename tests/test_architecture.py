"""The shape the code keeps (../shared/style.md): calc stands alone, no import cycles, small
functions and modules, and every calculator in the figures + explain shape."""

from __future__ import annotations

import ast
import dataclasses

import pytest

from calc.registry import CALCULATORS
from tests.helpers import ROOT

PACKAGES = ("calc", "site_builder")
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 300


def modules() -> dict[str, ast.Module]:
    return {
        f"{package}.{path.stem}": ast.parse(path.read_text(encoding="utf-8"))
        for package in PACKAGES
        for path in sorted((ROOT / package).glob("*.py"))
    }


def imports_of(name: str, tree: ast.Module) -> set[str]:
    """The modules of this repo that a module imports, at any depth of its code."""
    package = name.split(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found |= (
                {f"{package}.{node.module}"}
                if node.module
                else {f"{package}.{n.name}" for n in node.names}
            )
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.split(".")[0] in PACKAGES
        ):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {n.name for n in node.names if n.name.split(".")[0] in PACKAGES}
    return found - {name}


def upward_imports(trees: dict[str, ast.Module]) -> dict[str, list[str]]:
    return {
        name: sorted(imports_of(name, tree))
        for name, tree in trees.items()
        if name.startswith("calc.")
        and any(m.startswith("site_builder") for m in imports_of(name, tree))
    }


def test_calc_never_imports_the_site_builder():
    assert upward_imports(modules()) == {}


def test_an_upward_import_is_found():
    """The check above can fail, whether the import is at the top or inside a function."""
    trees = {
        "calc.a": ast.parse("def f():\n    from site_builder.build import build\n"),
        "calc.b": ast.parse("import site_builder"),
        "calc.c": ast.parse("from .limits import x"),
    }
    assert upward_imports(trees) == {"calc.a": ["site_builder.build"], "calc.b": ["site_builder"]}


def cycles_in(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle met in a depth-first walk of the graph, as the path that closes it."""
    cycles, state = [], {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                cycles.append(path[path.index(target) :] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    return cycles


def test_no_import_cycles():
    trees = modules()
    assert (
        cycles_in({name: imports_of(name, tree) & trees.keys() for name, tree in trees.items()})
        == []
    )


def test_a_cycle_is_found_when_there_is_one():
    """The check above can fail: two modules importing each other are reported."""
    graph = {
        "calc.a": imports_of("calc.a", ast.parse("from .b import x")),
        "calc.b": imports_of("calc.b", ast.parse("from . import a")),
        "calc.c": imports_of("calc.c", ast.parse("from calc.a import y")),
    }
    assert cycles_in(graph) == [["calc.a", "calc.b", "calc.a"]]


def calculator_families(names) -> dict[str, str]:
    """Module -> the calculator it belongs to: a calculator's module and those named after it
    (year_plan, year_plan_words, year_plan_paychecks ...)."""
    roots = {c.figures.__module__: c.id for c in CALCULATORS.values()}
    return {
        name: roots[root]
        for name in names
        for root in roots
        if name == root or name.startswith(root + "_")
    }


def cross_calculator_imports(trees: dict[str, ast.Module]) -> list[str]:
    family = calculator_families(trees)
    return sorted(
        f"{name} imports {target}"
        for name, tree in trees.items()
        if name in family
        for target in imports_of(name, tree)
        if target in family and family[target] != family[name]
    )


def test_no_calculator_imports_another():
    """A calculator is a leaf: shared rules live in calc/rules.py (and fields.py), never in another
    calculator's modules."""
    assert cross_calculator_imports(modules()) == []


def test_a_calculator_importing_another_is_found():
    """The check above can fail."""
    trees = {
        "calc.year_plan": ast.parse("from .after_tax_room import x"),
        "calc.after_tax_room": ast.parse("from .rules import y"),
        "calc.rules": ast.parse(""),
    }
    assert cross_calculator_imports(trees) == ["calc.year_plan imports calc.after_tax_room"]


def test_functions_and_modules_stay_small():
    too_long = []
    for name, tree in modules().items():
        lines = (
            (ROOT / name.replace(".", "/"))
            .with_suffix(".py")
            .read_text(encoding="utf-8")
            .count("\n")
        )
        if lines > MAX_MODULE_LINES:
            too_long.append(f"{name}: {lines} lines")
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}.{node.name}: {length} lines")
    assert too_long == []


@pytest.mark.parametrize("calculator", CALCULATORS.values(), ids=lambda c: c.id)
def test_every_calculator_is_figures_then_words(calculator):
    """figures returns a frozen dataclass holding every output; explain lives in a module of
    words."""
    figures_class = calculator.figures.__annotations__["return"]
    module = __import__(calculator.figures.__module__, fromlist=["Figures"])
    figures_class = (
        getattr(module, figures_class) if isinstance(figures_class, str) else figures_class
    )
    assert dataclasses.is_dataclass(figures_class) and figures_class.__dataclass_params__.frozen
    assert {o.name for o in calculator.outputs} <= {
        f.name for f in dataclasses.fields(figures_class)
    }
    assert calculator.explain.__module__ == calculator.figures.__module__ + "_words"
