"""The form's steps are declared once (Field.group, Calculator.field_groups): every field is in a
declared step, the steps keep the fields' order, and a calculator without steps is one group."""

from __future__ import annotations

from dataclasses import replace

import pytest

from calc import fields, shared_fields
from calc.model import FieldGroup
from calc.registry import CALCULATORS


@pytest.mark.parametrize("calculator", CALCULATORS.values(), ids=lambda c: c.id)
def test_the_steps_hold_every_field_once_in_order(calculator):
    steps = calculator.groups()
    assert tuple(f for _, members in steps for f in members) == calculator.fields
    assert all(members for _, members in steps), "a step with no field"
    if not calculator.field_groups:
        assert [group.legend for group, _ in steps] == [calculator.fields_legend]


def test_the_planner_asks_for_pay_first_and_closes_its_assumptions():
    steps = {
        group.name: (group, [f.name for f in members])
        for group, members in CALCULATORS["year-plan"].groups()
    }
    assert list(steps) == ["pay", "plan", "so-far", "elections", "assumptions"]
    assert steps["pay"][1][0] == "salary"
    assert [name for name, (group, _) in steps.items() if group.collapsed] == ["assumptions"]
    labels = [f.label for f in CALCULATORS["year-plan"].fields]
    assert len(set(labels)) == len(labels)


def test_a_field_in_an_undeclared_step_or_out_of_order_is_refused():
    planner = CALCULATORS["year-plan"]
    stray = (*planner.fields[:-1], replace(planner.fields[-1], group="elsewhere"))
    with pytest.raises(TypeError, match="in no declared group: election_lag"):
        replace(planner, fields=stray)
    with pytest.raises(TypeError, match="order of their groups"):
        replace(planner, fields=(planner.fields[-1], *planner.fields[:-1]))
    two = (FieldGroup("a", "A"), FieldGroup("b", "B"))
    grouped = (
        *shared_fields.grouped("a", fields.age()),
        *shared_fields.grouped("b", shared_fields.tax_rate()),
    )
    assert [g.name for g, _ in replace(planner, fields=grouped, field_groups=two).groups()] == [
        "a",
        "b",
    ]
