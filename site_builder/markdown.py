"""Markdown for guides: CommonMark with tables, task lists, definition lists,
heading anchors, the {limit} role and the `::: calculator` directive.

Raw HTML is off: a guide cannot inject markup or scripts. Problems found while
rendering (an unknown calculator, a bad limit reference) are collected in the
render environment with their line numbers, so the build can report them all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html import escape
from typing import Callable

from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.myst_role import myst_role_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from calc.limits import Limits

from .limit_refs import LimitRefError, resolve


@dataclass
class RenderEnv:
    """What a guide's Markdown needs from the site, and what rendering found."""

    limits: Limits
    render_calculator: Callable[[str, dict[str, str], int], str]  # (id, presets, line) -> HTML
    line_offset: int  # lines of front matter before the body
    problems: list[tuple[int, str]] = field(default_factory=list)
    calculators: list[str] = field(default_factory=list)
    limit_lines: list[int] = field(default_factory=list)
    _line: int = 0  # line of the block being rendered, for inline problems


def slugify(text: str) -> str:
    """Heading and glossary anchors: lowercase ASCII words joined by hyphens."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _render_limit_role(self, tokens, idx, options, env: RenderEnv) -> str:
    token = tokens[idx]
    name = token.meta.get("name")
    if name != "limit":
        env.problems.append((env._line, f"unknown role {{{name}}}; the only role is {{limit}}"))
        return escape(token.content)
    env.limit_lines.append(env._line)
    try:
        return f'<span class="limit">{escape(resolve(token.content, env.limits))}</span>'
    except LimitRefError as error:
        env.problems.append((env._line, f"{{limit}}`{token.content}`: {error}"))
        return escape(token.content)


def _render_calculator(self, tokens, idx, options, env: RenderEnv) -> str:
    token = tokens[idx]
    if token.nesting != 1:
        return ""
    line = env.line_offset + token.map[0] + 1
    words = token.info.split()[1:]
    if not words:
        env.problems.append((line, "calculator directive needs an id: ::: calculator <id> [field=value ...]"))
        return ""
    presets = {}
    for word in words[1:]:
        name, sep, value = word.partition("=")
        if not sep:
            env.problems.append((line, f"calculator preset {word!r}: expected field=value"))
            continue
        presets[name] = value
    env.calculators.append(words[0])
    return env.render_calculator(words[0], presets, line)


def _track_lines(md: MarkdownIt) -> None:
    """Remember the source line of each block so inline problems can name it."""
    def render(tokens, options, env):
        out = []
        for i, token in enumerate(tokens):
            if token.map and isinstance(env, RenderEnv):
                env._line = env.line_offset + token.map[0] + 1
            if token.type == "inline":
                out.append(md.renderer.renderInline(token.children or [], options, env))
            elif token.type in md.renderer.rules:
                out.append(md.renderer.rules[token.type](tokens, i, options, env))
            else:
                out.append(md.renderer.renderToken(tokens, i, options, env))
        return "".join(out)

    md.renderer.render = render


def _render_table_open(self, tokens, idx, options, env) -> str:
    """Wide tables scroll inside a focusable, named region (keyboard users can scroll them too)."""
    headers = []
    for token in tokens[idx + 1 :]:
        if token.type == "thead_close":
            break
        if token.type == "inline":
            headers.append(token.content)
    label = escape("Table: " + ", ".join(h for h in headers if h))
    return f'<div class="table-scroll" tabindex="0" role="group" aria-label="{label}">\n<table>\n'


def _render_table_close(self, tokens, idx, options, env) -> str:
    return "</table>\n</div>\n"


def _glossary_anchors(state) -> None:
    """Give each definition-list term an id, so the glossary can be linked term by term."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type == "dt_open" and i + 1 < len(tokens) and tokens[i + 1].type == "inline":
            token.attrSet("id", slugify(tokens[i + 1].content))


def make_markdown() -> MarkdownIt:
    """The one Markdown parser every guide goes through."""
    md = (
        MarkdownIt("commonmark", {"html": False, "typographer": False})
        .enable("table")
        .use(myst_role_plugin)
        .use(anchors_plugin, min_level=2, max_level=3, slug_func=slugify, permalink=True, permalinkSymbol="#")
        .use(tasklists_plugin, enabled=True, label=True)
        .use(deflist_plugin)
        .use(container_plugin, name="calculator", render=_render_calculator)
    )
    md.add_render_rule("myst_role", _render_limit_role)
    md.add_render_rule("table_open", _render_table_open)
    md.add_render_rule("table_close", _render_table_close)
    md.core.ruler.push("glossary_anchors", _glossary_anchors)
    _track_lines(md)
    return md
