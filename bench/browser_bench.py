"""Browser benchmarks: the built site under /mbr/ on a local server, driven in Chromium by
Playwright, beside a baseline page that loads the same Pyodide on the main thread.

Times come from the page itself (performance.now(), 0 = navigation start) through the
probes in probe_init.js and probe_edits.js. Bytes are counted by the server: every byte
it sends or receives while a page loads, whichever part of the browser asked (page,
worker or service worker); a response from the browser's caches costs nothing.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from site_builder.serve import Handler  # noqa: E402

BASE_PATH = "/mbr/"
CHROMIUM = "/usr/bin/chromium"  # Debian's, as the tests use; else Playwright's own
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RUNS = 3  # sessions per side; each figure is the median over them
EDITS = 60  # per session, so the percentiles pool 180 edits
EDIT_FIELD = "compensation"
CALCULATOR = "calculators/after-tax-room/"
SECOND_CALCULATOR = "calculators/backdoor-pro-rata/"
PLAIN_GUIDE = "guides/what-is-a-mega-backdoor-roth/"  # a guide with no calculator
BASELINE = "baseline/index.html"
LIVE_TIMEOUT_MS = 60_000


class CountingHandler(Handler):
    """The preview server's static handler; adds each request's path and bytes (both ways) to a log."""

    log: list[tuple[str, int]]
    last_request: list[float]

    def setup(self):
        super().setup()
        self.wfile = _CountingWriter(self.wfile)

    def handle_one_request(self):
        self.path, self.wfile.count = "", 0
        super().handle_one_request()
        if self.path:
            received = len(self.raw_requestline) + len(self.headers.as_bytes())
            self.log.append((self.path, self.wfile.count + received))
            self.last_request[0] = time.monotonic()


class _CountingWriter:
    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def write(self, data):
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class Server:
    """http.server on 127.0.0.1 in a thread, with the request log."""

    def __init__(self, folder: Path):
        self.log: list[tuple[str, int]] = []
        self.last_request = [time.monotonic()]
        handler = type("BenchHandler", (CountingHandler,), {"log": self.log, "last_request": self.last_request})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def take(self) -> list[tuple[str, int]]:
        taken = list(self.log)
        self.log.clear()
        return taken

    def wait_quiet(self, quiet: float = 0.75, limit: float = 15.0) -> None:
        """Until no request has come for `quiet` seconds (late worker or service-worker fetches count)."""
        ends = time.monotonic() + limit
        while time.monotonic() < ends and time.monotonic() - self.last_request[0] < quiet:
            time.sleep(0.05)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def prepare_site(work: Path) -> Path:
    """The site built under BASE_PATH and the baseline page beside it, in one folder to serve at /."""
    served = work / "served"
    shutil.rmtree(served, ignore_errors=True)
    served.mkdir(parents=True)
    site = served / BASE_PATH.strip("/")
    subprocess.run([sys.executable, "-m", "site_builder", "build", "--out", str(site), "--base-path", BASE_PATH,
                    "--site-url", "http://127.0.0.1"], cwd=REPO, check=True, capture_output=True, text=True)
    (served / "baseline").mkdir()
    (served / BASELINE).write_text(baseline_page(site), encoding="utf-8")
    return served


def baseline_page(site: Path) -> str:
    """bench/baseline/index.html with the built site's asset URLs and the calculator's fields filled in."""
    def url_of(pattern: str) -> str:
        return BASE_PATH + next(site.glob(pattern)).relative_to(site).as_posix()

    calculator_html = (site / CALCULATOR / "index.html").read_text(encoding="utf-8")
    fields = re.search(r"<fieldset class=\"calc-fields\">.*?</fieldset>", calculator_html, re.S)
    values = {
        "__STYLE__": url_of("assets/style-*.css"),
        "__PYODIDE__": url_of("pyodide/*") + "/",
        "__CALC_ZIP__": url_of("assets/calc-*.zip"),
        "__LIMITS__": url_of("assets/limits-*.json"),
        "__BASE__": BASE_PATH,
        "__FIELDS__": fields.group() if fields else "",
    }
    text = (BENCH / "baseline" / "index.html").read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(name, value)
    return text


def visit(page, server: Server, url: str, calculator: bool) -> dict:
    """Load url in page; the figures of that one load."""
    server.wait_quiet()
    server.take()
    page.goto(url, wait_until="load")
    page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length > 0", timeout=10_000)
    if calculator:
        page.wait_for_function("() => window.__bench.liveAt !== null", timeout=LIVE_TIMEOUT_MS, polling=50)
    server.wait_quiet()
    probe = page.evaluate("""() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
        live: window.__bench.liveAt,
        longTasks: window.__bench.longTasks,
        workerCreated: window.__bench.workerCreated,
        workerAnswered: window.__bench.workerAnswered,
        controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
        pythonFrom: (document.querySelector('script[data-calc-runtime]') || {dataset: {}}).dataset.pythonFrom || null,
        outputs: Object.fromEntries(Array.from(document.querySelectorAll('form[data-calculator] [data-output]'))
            .map((e) => [e.dataset.output, e.dataset.value])),
        now: performance.now(),
    })""")
    requests = server.take()
    until = probe["live"] if calculator else probe["now"]
    tasks = probe["longTasks"]
    return {
        "url": url,
        "fcp_ms": probe["fcp"],
        "live_ms": probe["live"],
        "worker_created_ms": probe["workerCreated"],
        "worker_answered_ms": probe["workerAnswered"],
        "service_worker_controlled": probe["controlled"],
        "python_from": probe["pythonFrom"],  # "snapshot" or "ordinary start" (None: the baseline, or no calculator)
        "tbt_ms": None if tasks is None else sum(max(0.0, duration - 50) for start, duration in tasks if start < until),
        "long_tasks": None if tasks is None else len([1 for start, _ in tasks if start < until]),
        "bytes": sum(size for _, size in requests),
        "requests": len(requests),
        "pyodide_requests": sum(1 for path, _ in requests if "/pyodide/" in path),
        "outputs": probe["outputs"],  # the first form's values once live: the baseline must compute the same
    }


def edit_latencies(page, run: int) -> list[float | None]:
    """EDITS edits of one field, timed in the page from the input event to updated outputs."""
    values = [str(150_000 + 1_000 * (run * EDITS + i)) for i in range(EDITS)]
    return page.evaluate((BENCH / "probe_edits.js").read_text(encoding="utf-8"), {"field": EDIT_FIELD, "values": values})


@contextlib.contextmanager
def fresh_browser(playwright, work: Path, **options):
    """Chromium with a new, empty profile on disk (so its HTTP cache behaves as a person's would), and one page."""
    profile = Path(tempfile.mkdtemp(prefix="profile-", dir=work))
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM if Path(CHROMIUM).exists() else None, args=CHROMIUM_FLAGS, **options)
    try:
        context.add_init_script(script=(BENCH / "probe_init.js").read_text(encoding="utf-8"))
        yield context.pages[0] if context.pages else context.new_page()
    finally:
        context.close()
        shutil.rmtree(profile, ignore_errors=True)


def calculator_session(playwright, work: Path, server: Server, first: str, second: str, run: int) -> dict:
    """Empty cache: the first calculator page, its edits, a second page, then the first again."""
    with fresh_browser(playwright, work) as page:
        result = {"first": visit(page, server, first, calculator=True)}
        result["edits"] = edit_latencies(page, run)
        result["second"] = visit(page, server, second, calculator=True)
        result["repeat"] = visit(page, server, first, calculator=True)
        return result


def guide_session(playwright, work: Path, server: Server, url: str) -> dict:
    """Empty cache: a guide without calculators, then the same guide again."""
    with fresh_browser(playwright, work) as page:
        return {"first": visit(page, server, url, calculator=False), "repeat": visit(page, server, url, calculator=False)}


def prerendered_without_script(playwright, work: Path, url: str) -> dict:
    """With JavaScript off, what the first paint can show: how many outputs carry a value."""
    with fresh_browser(playwright, work, java_script_enabled=False) as page:
        page.goto(url, wait_until="load")
        return page.evaluate("""() => {
            const results = document.querySelector('form[data-calculator] [data-results]');
            const outputs = Array.from(document.querySelectorAll('form[data-calculator] [data-output]'));
            return { outputs: outputs.filter((e) => e.textContent.trim()).length,
                     visible: !!results && results.getBoundingClientRect().height > 0 && results.innerText.trim().length > 0 };
        }""")


def chromium_version(playwright, work: Path) -> str:
    with fresh_browser(playwright, work) as page:
        product = page.context.new_cdp_session(page).send("Browser.getVersion")["product"]
    return product.split("/", 1)[-1]


def median_of(sessions: list[dict], part: str, key: str):
    values = [s[part][key] for s in sessions if s[part][key] is not None]
    return statistics.median(values) if values else None


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def summarize(sessions: list[dict]) -> dict:
    edits = [t for s in sessions for t in s["edits"]]
    answered = [t for t in edits if t is not None]
    summary = {part: {key: median_of(sessions, part, key) for key in sessions[0][part]
                      if key not in ("url", "outputs", "python_from")} for part in ("first", "second", "repeat")}
    summary["outputs"] = sessions[0]["first"]["outputs"]
    summary["edits"] = {"count": len(edits), "unanswered": len(edits) - len(answered),
                        "p50_ms": percentile(answered, 0.50) if answered else None,
                        "p95_ms": percentile(answered, 0.95) if answered else None}
    return summary


def run(server: Server, work: Path) -> dict:
    """Every browser figure, for our site and the baseline, against the site server serves."""
    from playwright.sync_api import sync_playwright

    site = server.origin + BASE_PATH.lstrip("/")
    baseline = server.origin + BASELINE
    with sync_playwright() as playwright:
        ours, plain, guides = [], [], []
        for number in range(RUNS):  # alternate the sides so both see the same machine
            ours.append(calculator_session(playwright, work, server, site + CALCULATOR, site + SECOND_CALCULATOR, number))
            plain.append(calculator_session(playwright, work, server, baseline, baseline + "?second-page", number))
            guides.append(guide_session(playwright, work, server, site + PLAIN_GUIDE))
        return {
            "chromium": chromium_version(playwright, work),
            "ours": summarize(ours),
            "baseline": summarize(plain),
            "guide": {part: {key: median_of(guides, part, key) for key in guides[0][part] if key not in ("url", "outputs", "python_from")}
                      for part in ("first", "repeat")},
            "prerendered": prerendered_without_script(playwright, work, site + CALCULATOR),
            "baseline_prerendered": prerendered_without_script(playwright, work, baseline),
            "sessions": {"ours": ours, "baseline": plain, "guide": guides},
        }


if __name__ == "__main__":  # python bench/browser_bench.py: the browser group alone
    import json

    folder = BENCH / ".work" / "browser"
    server = Server(prepare_site(folder))
    try:
        print(json.dumps({k: v for k, v in run(server, folder).items() if k != "sessions"}, indent=2))
    finally:
        server.close()
