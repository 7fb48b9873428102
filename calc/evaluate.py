"""One entry point for every front door: raw text inputs in, an Evaluation out."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from .fields import FieldError, form_value
from .formatting import data_value
from .limits import Limits
from .model import Calculator, InputsRejected, Result


@dataclass(frozen=True)
class Evaluation:
    """The inputs as understood, and either a Result or the errors per field."""

    calculator: Calculator
    inputs: dict[str, str]  # canonical text per field, "" when not given
    errors: dict[str, str]
    result: Result | None

    @property
    def valid(self) -> bool:
        return not self.errors

    def output_values(self) -> dict[str, object]:
        """Each output's data-value text ("" for all when invalid); lists stay lists."""
        values: dict[str, object] = {}
        for output in self.calculator.outputs:
            value = self.result.outputs.get(output.name) if self.result else None
            if output.kind == "text_list" and value is not None:
                values[output.name] = list(value)
            elif output.kind == "calendar" and value is not None:
                values[output.name] = value  # the .ics text itself: the command line prints it
            else:
                values[output.name] = data_value(output.kind, value) if self.result else ""
        return values

    def to_json_dict(self) -> dict:
        """The command-line contract: calculator, inputs, outputs, errors, warnings."""
        return {
            "calculator": self.calculator.id,
            "inputs": self.inputs,
            "outputs": self.output_values() if self.result else {},
            "errors": self.errors,
            "warnings": list(self.result.warnings) if self.result else [],
        }


def evaluate(
    calculator: Calculator,
    raw: Mapping[str, object],
    limits: Limits,
    today: datetime.date | None = None,
) -> Evaluation:
    """Parse every field (defaults for those not given), then compute for the reader's today (the
    machine's date unless given: the page sends the reader's); never raises for bad input."""
    years = tuple(limits.years)
    values: dict[str, object] = {}
    inputs: dict[str, str] = {}
    errors: dict[str, str] = {}
    for field in calculator.fields:
        if field.name in raw and raw[field.name] is not None:
            text = str(raw[field.name])
        else:
            text = field.default_text(limits)
        try:
            values[field.name] = field.parse(text, years)
            inputs[field.name] = form_value(field, values[field.name])
        except FieldError as error:
            errors[field.name] = str(error)
            inputs[field.name] = text
    if errors:
        return Evaluation(calculator, inputs, errors, None)
    try:
        result = calculator.run(values, limits, today or datetime.date.today())
    except InputsRejected as rejected:
        return Evaluation(calculator, inputs, dict(rejected.errors), None)
    return Evaluation(calculator, inputs, {}, result)
