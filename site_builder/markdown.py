"""Markdown for guides: CommonMark with tables, task lists, definition lists,
heading anchors, the {limit} role and the `::: calculator` directive.

Raw HTML is off: a guide cannot inject markup or scripts. Problems found while
rendering (an unknown calculator, a bad limit reference) are collected in the
render environment with their line numbers, so the build can report them all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token
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
    _line: int = 0  # line of the block being rendered, for inline problems


def slugify(text: str) -> str:
    """Heading and glossary anchors: lowercase ASCII words joined by hyphens."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _render_limit_role(self, tokens, idx, options, env: RenderEnv) -> str:
    """{limit}`key` quotes a limit; {amount}`$80,000` is a typed amount that only looks like one
    (an IRS example's figure): shown as written, and skipped by the hand-typed-limit check."""
    token = tokens[idx]
    name = token.meta.get("name")
    if name == "amount":
        return escape(token.content)
    if name != "limit":
        env.problems.append(
            (env._line, f"unknown role {{{name}}}; the roles are {{limit}} and {{amount}}")
        )
        return escape(token.content)
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
        env.problems.append(
            (line, "calculator directive needs an id: ::: calculator <id> [field=value ...]")
        )
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


class Slugs:
    """Unique ids for headings: the slug itself, else the slug with the next free -1, -2, ...

    Each slug remembers its next suffix, so n repeats of one heading cost about n probes
    (mdit_py_plugins' anchors plugin tried -1, -2, ... from the start for every repeat:
    10,000 identical headings took 15 s)."""

    def __init__(self, taken: set[str]):
        self.taken = set(taken)
        self.next_suffix: dict[str, int] = {}
        self.probes = 0

    def claim(self, base: str) -> str:
        slug, suffix = base, self.next_suffix.get(base, 1)
        while True:
            self.probes += 1
            if slug not in self.taken:
                break
            slug, suffix = f"{base}-{suffix}", suffix + 1
        self.next_suffix[base] = suffix
        self.taken.add(slug)
        return slug


def _heading_anchors(state) -> None:
    """An id and a '#' permalink on each h2 and h3, as mdit_py_plugins' anchors plugin makes
    them."""
    slugs = Slugs(
        {t.attrGet("id") for t in state.tokens if t.type == "heading_open" and t.attrGet("id")}
    )
    for index, token in enumerate(state.tokens):
        if token.type != "heading_open" or token.tag not in ("h2", "h3") or token.attrGet("id"):
            continue
        inline = state.tokens[index + 1]
        slug = slugs.claim(
            slugify(
                "".join(
                    c.content for c in inline.children or [] if c.type in ("text", "code_inline")
                )
            )
        )
        token.attrSet("id", slug)
        link = Token("link_open", "a", 1)
        link.attrSet("class", "header-anchor")
        link.attrSet("href", f"#{slug}")
        # A no-break space: the '#' never wraps onto a line of its own.
        inline.children = [
            *(inline.children or []),
            Token("text", "", 0, content="\u00a0"),
            link,
            Token("html_block", "", 0, content="#"),
            Token("link_close", "a", -1),
        ]


def _glossary_anchors(state) -> None:
    """Give each definition-list term an id, so the glossary can be linked term by term."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type == "dt_open" and i + 1 < len(tokens) and tokens[i + 1].type == "inline":
            token.attrSet("id", slugify(tokens[i + 1].content))


# markdown-it stops parsing blocks nested deeper than its maxNesting and silently drops the rest
# of the file. Guides never need that depth; a block that reaches it fails the build instead.
MAX_NESTING = 20


def _too_deep(state, start_line: int, end_line: int, silent: bool) -> bool:
    """A block rule tried first: reports (never parses) a block at the nesting limit."""
    env = state.env.get("render_env")
    if state.level >= MAX_NESTING and env is not None and not silent:
        line = env.line_offset + start_line + 1
        message = (
            f"lists or quotes nested {MAX_NESTING // 2} or more levels deep: "
            "everything after this line would be lost from the page"
        )
        if all(known != message for _, known in env.problems):  # the first such line is enough
            env.problems.append((line, message))
    return False


def make_markdown() -> MarkdownIt:
    """The one Markdown parser every guide goes through."""
    md = (
        MarkdownIt("commonmark", {"html": False, "typographer": False})
        .enable("table")
        .use(myst_role_plugin)
        .use(tasklists_plugin, enabled=True, label=True)
        .use(deflist_plugin)
        .use(container_plugin, name="calculator", render=_render_calculator)
    )
    md.options["maxNesting"] = (
        MAX_NESTING + 1
    )  # one level beyond ours, so _too_deep sees the block first
    md.block.ruler.before(md.block.ruler.get_all_rules()[0], "too_deep", _too_deep)
    md.add_render_rule("myst_role", _render_limit_role)
    md.add_render_rule("table_open", _render_table_open)
    md.add_render_rule("table_close", _render_table_close)
    md.core.ruler.push("heading_anchors", _heading_anchors)
    md.core.ruler.push("glossary_anchors", _glossary_anchors)
    _track_lines(md)
    return md
