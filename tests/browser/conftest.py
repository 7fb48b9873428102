"""Browser fixtures: the site built under a sub-path, served by a local http.server,
opened in real Chromium (Debian's when present, else Playwright's own)."""

from __future__ import annotations

import functools
import html.parser
import http.server
import json
import shutil
import threading
import time
from pathlib import Path

import pytest

from site_builder.serve import Handler
from tests.helpers import BASE

BASE_PATH = BASE
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def system_chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or ""):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {**browser_type_launch_args, "args": CHROMIUM_FLAGS}
    executable = system_chromium()
    if executable:
        args["executable_path"] = executable
    return args


class Network:
    """The test server's link to the browser. Down, every request gets no answer at all, as when the
    reader is offline: Playwright's context.set_offline does not reliably reach a service worker's
    own fetches (microsoft/playwright#2311), a dead server does."""

    def __init__(self):
        self.up = True


class RecordingHandler(Handler):
    """The preview server's static handler; records every path asked for, for request tests."""

    requested: list[str]
    network: Network

    def do_GET(self):  # noqa: N802 - http.server's name
        if not self.network.up:
            self.close_connection = True  # no status line, no body: the browser's fetch fails
            return
        self.requested.append(self.path)
        super().do_GET()


@pytest.fixture(scope="session")
def session_network() -> Network:
    return Network()


@pytest.fixture
def network(session_network):
    """Take the site offline in a test (network.up = False); it is back up after the test."""
    yield session_network
    session_network.up = True


@pytest.fixture(scope="module")
def warm_context(browser):
    """One browser profile for a module's tests that only read what a calculator shows: after its
    first page, Python starts from the service worker's files and the snapshot the first start kept,
    as on a reader's second page (each test still gets a page of its own)."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def warm_page(warm_context):
    page = warm_context.new_page()
    yield page
    page.close()


def go_offline(context, network: Network) -> None:
    """The reader's device loses its connection: the page's and the service worker's requests
    fail."""
    context.set_offline(True)
    network.up = False


@pytest.fixture(scope="session")
def requested_paths() -> list[str]:
    """Every path the test server was asked for (clear it before the part you measure)."""
    return []


@pytest.fixture(scope="session")
def served_root(real_site) -> Path:
    """The folder served at / : the site itself lives at BASE_PATH inside it."""
    return real_site.served


@pytest.fixture(scope="session")
def site_url(served_root, requested_paths, session_network) -> str:
    """http://127.0.0.1:PORT/mbr/ serving the built site."""
    handler_class = type(
        "BoundRecordingHandler",
        (RecordingHandler,),
        {"requested": requested_paths, "network": session_network},
    )
    handler = functools.partial(handler_class, directory=str(served_root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{BASE_PATH}"
    server.shutdown()


def wait_settled(page, form_selector: str = "form[data-calculator]", timeout: int = 90000) -> str:
    """Wait until the calculator is live, invalid or error; return the state."""
    page.wait_for_function(
        """(sel) => { const f = document.querySelector(sel);
                     return f && ['live', 'invalid', 'error'].includes(f.dataset.state); }""",
        arg=form_selector,
        timeout=timeout,
    )
    return page.get_attribute(form_selector, "data-state")


class _OutputValues(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if "data-output" in found:
            self.values[found["data-output"]] = found.get("data-value") or ""


def outputs_in_html(text: str) -> dict[str, str]:
    """The data-value of every output in a page's HTML, as the server sent it (before any script
    ran)."""
    parser = _OutputValues()
    parser.feed(text)
    return parser.values


def outputs_on_page(page, form_selector: str = "form[data-calculator]") -> dict[str, str]:
    return page.eval_on_selector(
        form_selector,
        "f => Object.fromEntries(Array.from(f.querySelectorAll('[data-output]')).map(e => "
        "[e.dataset.output, e.dataset.value]))",
    )


@pytest.fixture(scope="session")
def page_paths(served_root) -> list[str]:
    """Every built page, as a path under site_url: '', 'calculators/', '404.html', ..."""
    site = served_root / BASE_PATH.strip("/")
    paths = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        paths.append(relative.removesuffix("index.html") if page.name == "index.html" else relative)
    return paths


def wait_all_settled(
    page, timeout: int = 90000, settled: tuple[str, ...] = ("live", "invalid", "error")
) -> list[str]:
    """Wait until every calculator on the page is in one of the settled states; return their
    states."""
    page.wait_for_function(
        """(settled) => Array.from(document.querySelectorAll('form[data-calculator]'))
                      .every(f => settled.includes(f.dataset.state))""",
        arg=list(settled),
        timeout=timeout,
    )
    return page.eval_on_selector_all(
        "form[data-calculator]", "forms => forms.map(f => f.dataset.state)"
    )


def show_intent(page, form_selector: str = "form[data-calculator]") -> None:
    """Act as a reader about to use a guide's calculator: its first control takes focus (Python
    starts)."""
    page.locator(form_selector).first.locator("input, select").first.focus()


def runtime_settings(context, **settings: int) -> None:
    """Change the page's runtime settings (calc/protocol.py SETTINGS), e.g. start_timeout_ms=3000.

    They are data attributes of the runtime script, read when that module runs after parsing;
    this sets them as the element is parsed, before the module can read them."""
    attributes = {
        "".join(w.title() if i else w for i, w in enumerate(name.split("_"))): str(v)
        for name, v in settings.items()
    }
    context.add_init_script(
        "new MutationObserver(() => { const s = "
        "document.querySelector('script[data-calc-runtime]');"
        f" if (s) Object.assign(s.dataset, {json.dumps(attributes)}); }})"
        ".observe(document, { childList: true, subtree: true });"
    )


def wait_until(page, script: str, timeout_ms: int = 30000) -> None:
    """Until an async page script resolves truthy: for state with no DOM signal, such as Cache
    Storage (page.wait_for_function does not wait for a promise to resolve)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(script):
        assert time.monotonic() < deadline, f"timed out after {timeout_ms} ms waiting for: {script}"
        page.wait_for_timeout(100)
