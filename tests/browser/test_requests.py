"""What a page asks of the network and of the browser: only its own origin, no cookies, no
storage touched without a checklist; a strict Content-Security-Policy on every page; and
no raw HTML from Markdown ever reaching the output."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from site_builder.build import build
from tests.browser.conftest import BASE_PATH, show_intent, wait_all_settled
from tests.helpers import make_site_root

# Records, in the page itself, every call to Web Storage and every CSP violation.
WATCH_PAGE = """
(() => {
  window.__storageCalls = [];
  for (const method of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) {
    const original = Storage.prototype[method];
    Storage.prototype[method] = function (...args) {
      window.__storageCalls.push(method + ' ' + String(args[0]));
      return original.apply(this, args);
    };
  }
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation',
    (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
})();
"""


def origin(url: str) -> str:
    """scheme://host:port; a blob: URL has the origin of the page that made it."""
    if url.startswith("blob:"):
        url = url[len("blob:") :]
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class _Page(HTMLParser):
    """What the security checks need from a built page."""

    def __init__(self):
        super().__init__()
        self.csp: list[str] = []
        self.first_resource_before_csp: str | None = None
        self.inline_scripts: list[str] = []
        self.data_blocks = 0  # <script type="application/ld+json"> elements (structured data)
        self.handlers: list[str] = []
        self.styles: list[str] = []
        self.script_urls: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if (
            tag == "meta"
            and (attributes.get("http-equiv") or "").lower() == "content-security-policy"
        ):
            self.csp.append(attributes.get("content") or "")
        if (
            tag in ("script", "link", "style")
            and not self.csp
            and self.first_resource_before_csp is None
        ):
            self.first_resource_before_csp = self.get_starttag_text()
        if tag == "script" and not attributes.get("src"):
            if (
                attributes.get("type") == "application/ld+json"
            ):  # a data block: never run, CSP or not
                self.data_blocks += 1
            else:
                self.inline_scripts.append(self.get_starttag_text())
        if tag == "style":
            self.styles.append("<style> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")
            if name == "style":
                self.styles.append(f"<{tag} style={value!r}>")
            if name in ("href", "src", "action", "formaction") and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.script_urls.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def parse_page(html: str) -> _Page:
    parser = _Page()
    parser.feed(html)
    parser.close()
    return parser


def csp_directives(policy: str) -> dict[str, list[str]]:
    """{'script-src': ["'self'", ...], ...} from a policy string."""
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# --- Static checks on the built files ---------------------------------------------------


def test_every_page_has_a_strict_content_security_policy(served_root):
    pages = built_pages(served_root / BASE_PATH.strip("/"))
    assert len(pages) >= 20
    for path in pages:
        page = parse_page(path.read_text(encoding="utf-8"))
        where = path.relative_to(served_root).as_posix()
        assert len(page.csp) == 1, where
        # A meta policy only governs what comes after it: nothing may load before it.
        assert page.first_resource_before_csp is None, (where, page.first_resource_before_csp)
        policy = csp_directives(page.csp[0])
        script_src = policy.get("script-src", policy.get("default-src"))
        assert "'self'" in script_src and "'wasm-unsafe-eval'" in script_src, (where, script_src)
        assert not {
            "'unsafe-inline'",
            "'unsafe-eval'",
            "*",
            "data:",
            "blob:",
            "http:",
            "https:",
        } & set(script_src), where
        assert policy.get("object-src") == ["'none'"], where
        assert policy.get("base-uri") in (["'self'"], ["'none'"]), where
        assert policy.get("default-src") == ["'self'"], where
        for source_list in policy.values():
            assert all(s.startswith("'") or s in ("data:",) for s in source_list), (
                where,
                source_list,
            )  # no hosts


def test_no_inline_script_handler_or_style_on_any_page(served_root):
    """Each would be refused by the policy above (or need 'unsafe-inline' to work)."""
    for path in built_pages(served_root / BASE_PATH.strip("/")):
        page = parse_page(path.read_text(encoding="utf-8"))
        where = path.relative_to(served_root).as_posix()
        assert not page.inline_scripts, (where, page.inline_scripts)
        assert not page.handlers, (where, page.handlers)
        assert not page.styles, (where, page.styles)
        assert not page.script_urls, (where, page.script_urls)


HOSTILE_GUIDE = """---
title: Hostile <script>alert(1)</script> title
description: A guide whose text tries to inject <img src=x onerror=alert(1)> markup into the page.
order: 99
last_reviewed: 2026-11-23
limits_year: 2026
---

Inline <script>alert(1)</script> in a paragraph, and <b onmouseover="alert(1)">bold</b>.

<script>alert(1)</script>

<img src=x onerror=alert(1)>

<div onclick="alert(1)"><iframe src="https://example.com/"></iframe></div>

## A heading with <script>alert(2)</script> in it

[a script link](javascript:alert(1)) and <a href="javascript:alert(1)">raw link</a>.

<style>body { display: none; }</style>
"""


def test_raw_html_in_markdown_is_shown_as_text_never_rendered(tmp_path):
    root = make_site_root(tmp_path)
    (root / "content" / "guides" / "zz-hostile.md").write_text(HOSTILE_GUIDE, encoding="utf-8")
    out = tmp_path / "dist"
    build(root, out, base_path="/")
    guide = (out / "guides" / "zz-hostile" / "index.html").read_text(encoding="utf-8")
    # The reader sees the text, escaped.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in guide
    assert "&lt;img src=x onerror=alert(1)&gt;" in guide
    assert "<title>Hostile &lt;script&gt;alert(1)&lt;/script&gt; title" in guide
    # Its structured data carries the title as data: no "<" can end the element early.
    data = guide.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert (
        json.loads(data)["headline"] == "Hostile <script>alert(1)</script> title"
        and "<" not in data
    )
    for path in built_pages(out):  # the guide, and the home page and pager that list its title
        html = path.read_text(encoding="utf-8")
        page = parse_page(html)
        where = path.relative_to(out).as_posix()
        assert (
            not page.inline_scripts
            and not page.handlers
            and not page.styles
            and not page.script_urls
        ), where
        tags = {tag for tag, _ in page.tags}
        assert not {"img", "iframe", "b", "style"} & tags, (where, tags)
        assert "alert(1)</script>" not in html and "<img src=x" not in html, where


# --- In Chromium: every page, every request -----------------------------------------------


@pytest.mark.browser
def test_every_page_asks_only_its_own_origin_and_stores_nothing(
    page, site_url, page_paths, served_root, requested_paths
):
    own_origin = origin(site_url)
    context = page.context
    context.add_init_script(WATCH_PAGE)
    requests, failures, bad_status = [], [], []
    # The context sees the page's, its workers' and the service worker's requests.
    context.on("request", lambda request: requests.append(request.url))
    context.on("requestfailed", lambda request: failures.append((request.url, request.failure)))
    context.on(
        "response",
        lambda response: (
            response.status >= 400 and bad_status.append((response.url, response.status))
        ),
    )
    site = served_root / BASE_PATH.strip("/")
    requested_paths.clear()
    storage_on_plain_pages, checklist_pages = {}, 0
    for path in page_paths:
        file = site / (path + "index.html" if path == "" or path.endswith("/") else path)
        has_checklist = "task-list-item-checkbox" in file.read_text(encoding="utf-8")
        page.goto(site_url + path)
        if page.locator("form[data-calculator]").count():
            show_intent(page)
        states = wait_all_settled(page)
        assert all(state == "live" for state in states), (path, states)
        calls = page.evaluate("window.__storageCalls")
        if not has_checklist and calls:
            storage_on_plain_pages[path] = calls
        if has_checklist:  # read to restore ticks, never written by just looking
            assert calls and all(call.startswith("getItem checklist:") for call in calls), (
                path,
                calls,
            )
            checklist_pages += 1
        assert page.evaluate("window.__cspViolations") == [], path
        assert page.evaluate("document.cookie") == "", path
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0, path
    # The watchers work: the checklist pages were seen reading, and the policy refuses an inline
    # script.
    assert checklist_pages >= 1
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; "
        "document.body.append(s); }"
    )
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("window.__ran") is None

    assert len(requests) > len(page_paths)
    foreign = sorted({url for url in requests if origin(url) != own_origin})
    assert not foreign, f"requests to other origins: {foreign}"
    assert not storage_on_plain_pages, storage_on_plain_pages
    assert context.cookies() == []
    # Chromium cancels a page's favicon load when the next navigation starts before it ends.
    failures = [
        (url, why)
        for url, why in failures
        if not (url.endswith("/favicon.svg") and why == "net::ERR_ABORTED")
    ]
    assert not failures, failures
    assert not bad_status, bad_status
    # And from the server's side: nothing asked outside the site's base path (no /favicon.ico).
    assert requested_paths and all(p.startswith(BASE_PATH) for p in requested_paths), sorted(
        set(requested_paths)
    )
    print(f"{len(requests)} requests from {len(page_paths)} pages, all to {own_origin}")
