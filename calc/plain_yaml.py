"""The small, strict part of YAML the limits file is written in, read with the standard library.

Supported: comments, block mappings indented with spaces, one-line flow mappings of scalars
(`{start: 1000, end: 2000}`), and scalars: plain, 'single-' or "double-quoted". Nothing
else (lists, anchors, tags, multi-line values, tabs) has a place in the limits file, so each
is refused with its line. Values stay text: the reader of the file decides what each means,
so `1,000` is reported as "expected an integer" rather than silently read some other way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.-]*)\s*:(?:\s+|$)")
_PLAIN_START_REFUSED = tuple("[]&*!|>%@`-?")


class YamlError(ValueError):
    """Text outside the supported YAML, with its 1-based line."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


@dataclass
class Scalar:
    text: str  # "" for an empty value
    quoted: bool
    line: int


@dataclass
class Mapping:
    line: int
    items: list[tuple[Scalar, Scalar | Mapping]] = field(
        default_factory=list
    )  # duplicates kept, for the reader to report


def parse(text: str) -> Mapping | None:
    """The document's top-level mapping (None when it holds only comments and blank lines)."""
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        content = _strip_comment(raw, number).rstrip()
        if not content.strip():
            continue
        indent = len(content) - len(content.lstrip(" "))
        if content[indent : indent + 1] == "\t" or "\t" in content[:indent]:
            raise YamlError(number, "YAML syntax error: indent with spaces, not tabs")
        lines.append((number, indent, content[indent:]))
    if not lines:
        return None
    mapping, end = _block(lines, 0, lines[0][1])
    if end < len(lines):
        raise YamlError(
            lines[end][0], "YAML syntax error: this line is indented less than the block it is in"
        )
    return mapping


def _block(lines: list[tuple[int, int, str]], start: int, indent: int) -> tuple[Mapping, int]:
    """The mapping whose keys sit at `indent`, from lines[start]; returns it and the next line's
    index."""
    mapping = Mapping(lines[start][0])
    index = start
    while index < len(lines):
        number, line_indent, content = lines[index]
        if line_indent < indent:
            break
        if line_indent > indent:
            raise YamlError(number, "YAML syntax error: unexpected indentation")
        if content.startswith("- "):
            raise YamlError(number, "YAML syntax error: lists are not used in this file")
        match = _KEY.match(content)
        if not match:
            raise YamlError(number, f"YAML syntax error: expected 'key: value', got '{content}'")
        key = Scalar(match.group(1), False, number)
        rest = content[match.end() :]
        index += 1
        if rest:
            mapping.items.append((key, _value(rest, number)))
        elif index < len(lines) and lines[index][1] > indent:
            child, index = _block(lines, index, lines[index][1])
            mapping.items.append((key, child))
        else:
            mapping.items.append((key, Scalar("", False, number)))
    return mapping, index


def _value(text: str, line: int) -> Scalar | Mapping:
    if text.startswith("{"):
        return _flow_mapping(text, line)
    value, rest = _scalar(text, line)
    if rest:
        raise YamlError(line, f"YAML syntax error: unexpected text after the value: '{rest}'")
    return value


def _flow_mapping(text: str, line: int) -> Mapping:
    if not text.endswith("}"):
        raise YamlError(
            line, "YAML syntax error: a '{' mapping must close with '}' on the same line"
        )
    mapping = Mapping(line)
    body = text[1:-1].strip()
    while body:
        match = _KEY.match(body)
        if not match:
            raise YamlError(
                line, f"YAML syntax error: expected 'key: value' inside {{...}}, got '{body}'"
            )
        value, body = _scalar(body[match.end() :], line, stop=",")
        mapping.items.append((Scalar(match.group(1), False, line), value))
        body = body.removeprefix(",").strip()
    return mapping


def _scalar(text: str, line: int, stop: str = "") -> tuple[Scalar, str]:
    """One scalar at the start of text, and what follows it."""
    if text[:1] in ("'", '"'):
        quote = text[0]
        end = 1
        while True:
            end = text.find(quote, end)
            if end < 0:
                raise YamlError(line, "YAML syntax error: a quoted value is not closed on its line")
            if quote == "'" and text[end + 1 : end + 2] == "'":
                end += 2
                continue
            if quote == '"' and text[end - 1] == "\\":
                end += 1
                continue
            break
        inner = text[1:end]
        inner = (
            inner.replace("''", "'")
            if quote == "'"
            else inner.replace('\\"', '"').replace("\\\\", "\\")
        )
        return Scalar(inner, True, line), text[end + 1 :].strip()
    if text.startswith(_PLAIN_START_REFUSED) and not re.match(r"-\d", text):
        raise YamlError(
            line, f"YAML syntax error: '{text[0]}' starts a kind of value this file does not use"
        )
    if stop and stop in text:
        value, rest = text.split(stop, 1)
        return Scalar(value.strip(), False, line), stop + rest
    return Scalar(text.strip(), False, line), ""


def _strip_comment(raw: str, line: int) -> str:
    """The line without a trailing '# comment' (a '#' inside quotes, or not after a space,
    stays)."""
    quote = ""
    for index, char in enumerate(raw):
        if quote:
            if char == quote:
                quote = ""
        elif char in ("'", '"') and (index == 0 or raw[index - 1] in " {:,"):
            quote = char
        elif char == "#" and (index == 0 or raw[index - 1] in " \t"):
            return raw[:index]
    return raw
