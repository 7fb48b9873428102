"""Hostile text in every field of every calculator: no exception, only field errors, never markup.

Every value a reader can send arrives as text (a form control, a URL parameter,
a CLI argument), so each field is fed arbitrary text: st.text(), unicode and
fullwidth digits, NaN/Infinity/1e309, huge and tiny numbers, -0, whitespace,
HTML, lone '$' ',' '%', very long strings, and well-formed numbers around each
field's bounds (so the combinations also reach compute and its cross-field
checks). The properties, for every calculator in calc.registry:

- calc.evaluate never raises;
- the evaluation is either valid (no errors, every declared output present) or
  holds field errors only (keyed by known field names, no outputs), each a
  one-line plain-text message that names the field's label;
- the canonical inputs it reports evaluate to the same result (the URL the page
  writes back is a link to what is on screen);
- calc.render.render_results, the worker's calc.browser.compute_json and the
  prerendered form (the Jinja partial) never carry the input text as markup:
  only the tags and attributes the renderer itself writes.

Inputs tried per calculator: max_examples=SINGLE_FIELD_EXAMPLES (150) with one
field at a time (the others at their defaults), COMBINED_EXAMPLES (150) with
several fields at once (and unknown names), RENDER_EXAMPLES (60) through the
three renderers: 360 generated inputs per calculator.
Besides those, each of the 101 HOSTILE_SAMPLES goes into every field alone
(505 inputs for a five-field calculator, 909 for after-tax-room's nine, 1,414 for
tax-forms' fourteen). Each valid-or-invalid answer is evaluated twice (the round trip).
The whole module runs in about 20 seconds.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calc import browser, evaluate
from calc.fields import Field
from calc.limits import limits_to_dict
from calc.limits_file import read_limits_file
from calc.model import Calculator
from calc.registry import CALCULATORS
from calc.render import render_results
from site_builder.calculator_html import render_calculator
from site_builder.pages import make_jinja

ROOT = Path(__file__).resolve().parent.parent
LIMITS = read_limits_file(ROOT / "content" / "limits.yaml")
JINJA = make_jinja(ROOT)

SINGLE_FIELD_EXAMPLES = 150
COMBINED_EXAMPLES = 150
RENDER_EXAMPLES = 60

SCRIPT = "<script>alert(1)</script>"
HOSTILE_SAMPLES = [
    "",
    " ",
    "\t\n\r",
    "\u00a0",
    "\u2003",
    "\x00",
    "\u200b7",
    "7\u200b",
    "١٢٣",
    "۱۲۳",
    "१२३",
    "１２３",
    "１２，０００",
    "¹²³",
    "Ⅻ",
    "٣.٥",
    "NaN",
    "nan",
    "-NaN",
    "sNaN",
    "Infinity",
    "-Infinity",
    "inf",
    "∞",
    "1e309",
    "1E5",
    "1e-400",
    "-1e309",
    "-0",
    "+0",
    "-0.00",
    "0",
    "00000",
    "0.000000001",
    "1e-9",
    ".5",
    "5.",
    "0x10",
    "1_000",
    "1 000",
    "9" * 30,
    "9" * 64,
    "9" * 65,
    "1" + "0" * 309,
    str(10**100),
    "-" + "9" * 30,
    "100000000",
    "100000000.01",
    "$",
    ",",
    "%",
    ".",
    "-",
    "−",
    "+",
    "$$5",
    "$-5",
    "-$5",
    "−5",
    "5-",
    "12,00",
    ",123",
    "1,2,3",
    "12,000.505",
    "$12,000.50",
    "12,000",
    "7%",
    "7 %",
    "%7",
    "7%%",
    "-7%",
    "+7.5%",
    "7.12345",
    SCRIPT,
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'onmouseover='alert(1)",
    "&amp;",
    "&lt;b&gt;",
    "</form><b>x</b>",
    "<!--",
    "]]>",
    "{{ 7*7 }}",
    "{% raw %}",
    "javascript:alert(1)",
    "yes",
    "no",
    "unknown",
    "YES",
    " yes ",
    "roth\n",
    "2026",
    "2026.0",
    "２０２６",
    "1999",
    "9999",
    "x" * 10_000,
    "1" * 100_000,
    "\U0001f4b0",
    "\u202e5",
    "5\u0301",
]


def _numbers_near(field: Field) -> st.SearchStrategy[str]:
    """Well-formed numbers at and around a field's bounds, written the ways a reader might."""
    low = Decimal(field.minimum if field.minimum is not None else 0)
    high = Decimal(field.maximum if field.maximum is not None else 100_000_000)
    values = st.one_of(
        st.sampled_from(
            [low, high, low - 1, high + 1, low - Decimal("0.01"), high + Decimal("0.01")]
        ),
        st.decimals(min_value=low - 10, max_value=high + 10, allow_nan=False, places=2),
        st.integers(int(low) - 5, int(high) + 5).map(Decimal),
    )
    writers = [
        lambda v: format(v, "f"),
        lambda v: f"{v:,}",
        lambda v: f"${v:,}",
        lambda v: f"{v}%",
        lambda v: f" {v} ",
    ]
    return st.tuples(values, st.sampled_from(writers)).map(lambda pair: pair[1](pair[0]))


def field_text(field: Field) -> st.SearchStrategy[str]:
    """Any text a reader could send to this field: hostile, arbitrary, or nearly right."""
    options = [
        st.text(),
        st.text(
            alphabet=st.characters(categories=("Nd", "No", "Nl", "Zs", "Pd", "Sc", "Po")),
            max_size=20,
        ),
        st.sampled_from(HOSTILE_SAMPLES),
        st.floats().map(repr),
        st.floats().map(lambda f: format(f, "f")),
        st.integers(-(10**400), 10**400).map(str),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
    ]
    if field.kind in ("dollars", "percent", "integer"):
        options.append(_numbers_near(field))
    if field.choices:
        options.append(st.sampled_from([c.code for c in field.choices]))
    if (
        field.kind == "code"
    ):  # a code as printed: near-valid ones, with case, spaces and one too many
        options.append(st.text(alphabet="Gg1H27ßﬀ \t", max_size=4))
    if field.kind == "year":
        options.append(st.sampled_from([str(y) for y in LIMITS.years]))
    return st.one_of(options)


def some_fields(calculator: Calculator) -> st.SearchStrategy[dict[str, str]]:
    """Any subset of the calculator's fields, each with generated text, plus unknown keys."""
    known = st.fixed_dictionaries({}, optional={f.name: field_text(f) for f in calculator.fields})
    unknown = st.dictionaries(st.text(max_size=12), st.text(max_size=20), max_size=2)
    return st.tuples(unknown, known).map(lambda pair: {**pair[0], **pair[1]})


def one_field(calculator: Calculator) -> st.SearchStrategy[dict[str, str]]:
    """One field with generated text; the others at their defaults."""
    return st.sampled_from(calculator.fields).flatmap(
        lambda f: field_text(f).map(lambda text: {f.name: text})
    )


def check_evaluation(calculator: Calculator, raw: dict[str, str]):
    """The contract for any input: valid with every output, or field errors only; never an
    exception."""
    evaluation = evaluate(calculator, raw, LIMITS)
    names = {f.name for f in calculator.fields}
    document = evaluation.to_json_dict()
    json.dumps(document)  # what the CLI prints must always serialize
    if evaluation.errors:
        assert set(evaluation.errors) <= names, evaluation.errors
        assert evaluation.result is None
        assert document["outputs"] == {} and document["warnings"] == []
        assert set(evaluation.output_values().values()) == {""}
        for name, message in evaluation.errors.items():
            label = calculator.field(name).label
            assert isinstance(message, str) and message.startswith(f"{label}: "), (name, message)
            assert not re.search(r"[<>&\x00-\x1f\x7f]", message), ("not plain text", message)
            assert len(message) < 300, message
    else:
        assert evaluation.result is not None
        assert set(evaluation.result.outputs) == {o.name for o in calculator.outputs}, (
            evaluation.result.outputs
        )
        assert set(document["outputs"]) == {o.name for o in calculator.outputs}
        for output in calculator.outputs:
            value = document["outputs"][output.name]
            if output.kind in ("dollars", "ratio") and value != "" and value not in output.codes:
                assert re.fullmatch(r"-?\d+\.\d+", value), (output.name, value)
    # The canonical inputs, sent back (as the page's URL does), give the same evaluation.
    again = evaluate(calculator, evaluation.inputs, LIMITS)
    assert again.errors == evaluation.errors
    assert again.output_values() == evaluation.output_values()
    return evaluation


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
def test_every_fixed_hostile_sample_in_every_field(calculator_id):
    calculator = CALCULATORS[calculator_id]
    for field in calculator.fields:
        for text in HOSTILE_SAMPLES:
            check_evaluation(calculator, {field.name: text})


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
@settings(
    max_examples=SINGLE_FIELD_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(data=st.data())
def test_one_hostile_field_at_a_time(calculator_id, data):
    calculator = CALCULATORS[calculator_id]
    check_evaluation(calculator, data.draw(one_field(calculator), label="inputs"))


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
@settings(
    max_examples=COMBINED_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(data=st.data())
def test_hostile_fields_in_combination(calculator_id, data):
    calculator = CALCULATORS[calculator_id]
    check_evaluation(calculator, data.draw(some_fields(calculator), label="inputs"))


# The markup the renderers write themselves; anything else in their output came from input.
RENDERED_TAGS = {
    "dl",
    "div",
    "dt",
    "dd",
    "p",
    "ol",
    "ul",
    "li",
    "h3",
    "a",
    "figure",
    "details",
    "summary",
    "span",
    "button",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "svg",
    "title",
    "desc",
    "g",
    "line",
    "polyline",
    "path",
    "rect",
    "text",
    "circle",
    # the form partial
    "form",
    "h2",
    "fieldset",
    "progress",
    "legend",
    "label",
    "input",
    "select",
    "option",
    "noscript",
}


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.handlers: list[tuple[str, str]] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                self.urls.append(value or "")

    handle_startendtag = handle_starttag


def assert_no_injected_markup(html: str, raw: dict[str, str]) -> None:
    """Only the renderer's own tags, no event handlers, no script URLs, no input text left
    unescaped."""
    parser = _Markup()
    parser.feed(html)
    parser.close()
    assert parser.tags <= RENDERED_TAGS, parser.tags - RENDERED_TAGS
    assert not parser.handlers, parser.handlers
    # The one data: URL a result may hold is the calendar file year-plan offers for download.
    assert not [
        u
        for u in parser.urls
        if u.strip().lower().startswith(("javascript:", "data:"))
        and not u.startswith("data:text/calendar;charset=utf-8;base64,")
    ], parser.urls
    assert "<script" not in html.lower()
    # Every "<" of an input is escaped, so a tag of the input's own can never appear verbatim.
    for text in raw.values():
        foreign = [
            t for t in re.findall(r"<([A-Za-z][\w-]*)", text) if t.lower() not in RENDERED_TAGS
        ]
        if foreign:  # (the text as a whole: "<n" may begin the renderer's own "<noscript")
            assert not re.search(re.escape(text) + r"(?![\w-])", html), (
                "input text in the HTML unescaped",
                text,
            )


HOSTILE_MARKUP = st.sampled_from([s for s in HOSTILE_SAMPLES if re.search(r"[<>&\"'{]", s)])


def markup_inputs(calculator: Calculator) -> st.SearchStrategy[dict[str, str]]:
    """Generated inputs with markup in at least one field (sometimes several)."""
    markup = st.sampled_from(calculator.fields).flatmap(
        lambda f: st.one_of(
            HOSTILE_MARKUP, st.text(alphabet="<>&\"'=/ ascriptimgonerror()1", min_size=2)
        ).map(lambda text: {f.name: text})
    )
    return st.tuples(some_fields(calculator), markup).map(lambda pair: {**pair[0], **pair[1]})


@pytest.fixture(scope="module")
def configured_worker():
    """calc.browser as the worker sets it up: the limits as JSON, the site under /mbr/."""
    browser.configure(json.dumps(limits_to_dict(LIMITS)), "/mbr/")
    return browser


@pytest.mark.parametrize("calculator_id", list(CALCULATORS))
@settings(
    max_examples=RENDER_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_rendered_html_never_carries_input_as_markup(calculator_id, configured_worker, data):
    calculator = CALCULATORS[calculator_id]
    raw = data.draw(st.one_of(markup_inputs(calculator), some_fields(calculator)), label="inputs")
    evaluation = check_evaluation(calculator, raw)

    # What the build prerenders and what the worker swaps in: the same renderer.
    assert_no_injected_markup(render_results(evaluation, "/mbr/"), raw)

    # The worker's reply: the HTML is checked the same way; errors and summary are set as text by
    # the glue.
    reply = json.loads(configured_worker.compute_json(calculator.id, json.dumps(raw), "2026-12-04"))
    assert reply["state"] == ("live" if evaluation.valid else "invalid")
    assert reply["errors"] == evaluation.errors
    assert reply["html"] == render_results(evaluation, "/mbr/")

    # The prerendered form: field values and errors come back inside attributes and text, escaped by
    # Jinja.
    form, _ = render_calculator(
        JINJA, calculator.id, raw, LIMITS, "/mbr/", "calc-test", sync_url=True
    )
    assert_no_injected_markup(form, raw)


def test_script_in_a_field_is_escaped_in_the_form_and_never_in_results():
    """A worked example of the property above, for the record."""
    calculator = CALCULATORS["after-tax-room"]
    evaluation = evaluate(calculator, {"compensation": SCRIPT}, LIMITS)
    assert evaluation.errors == {
        "compensation": "Compensation from this employer: enter an amount in dollars, like 12,000 "
        "or 12000.50."
    }
    assert "script" not in render_results(evaluation, "/mbr/")
    form, _ = render_calculator(
        JINJA, calculator.id, {"compensation": SCRIPT}, LIMITS, "/mbr/", "c", sync_url=False
    )
    assert SCRIPT not in form
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in form


@pytest.mark.parametrize(
    "text",
    [
        "NaN",
        "Infinity",
        "-Infinity",
        "1e309",
        "1E5",
        "١٢٣",
        "１２３",
        "-0",
        "$",
        ",",
        "%",
        "12,00",
        "0x10",
        "1_000",
        "9" * 65,
        "100000000.01",
        SCRIPT,
    ],
)
def test_contract_rejects_these_dollar_amounts(text):
    """Dollar fields take ASCII digits with optional $ and thousands commas only (contract: input
    rules)."""
    evaluation = evaluate(CALCULATORS["after-tax-room"], {"compensation": text}, LIMITS)
    assert list(evaluation.errors) == ["compensation"]
    assert evaluation.errors["compensation"].startswith("Compensation from this employer: ")


@pytest.mark.parametrize(
    "text, canonical",
    [
        ("12000", "12000"),
        ("12,000", "12000"),
        ("$12,000", "12000"),
        ("12000.50", "12000.50"),
        (" 0 ", "0"),
        ("100000000", "100000000"),
    ],
)
def test_contract_accepts_these_dollar_amounts(text, canonical):
    evaluation = evaluate(CALCULATORS["after-tax-room"], {"compensation": text}, LIMITS)
    assert evaluation.errors == {}
    assert evaluation.inputs["compensation"] == canonical
