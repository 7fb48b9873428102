"""Browser benchmarks: the built site under /mbr/, served through bench/shaped_server.py on each
network profile (localhost; "4G" 10 Mbit/s + 80 ms; the same with .wasm not compressed; "slow
4G" 1.6 Mbit/s + 150 ms), driven in Chromium by Playwright, beside a baseline page that loads the
same Pyodide, whole, on the main thread (measured in the same run, on the same profiles).

Times come from the page itself (performance.now(), 0 = navigation start) through the probes in
probe_init.js and probe_edits.js. Bytes are counted by the server: every byte it sends or
receives while a page loads, whichever part of the browser asked (page, worker or service
worker), after gzip; a response from the browser's caches costs nothing.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from shaped_server import PROFILES, ShapedServer  # noqa: E402

BASE_PATH = "/mbr/"
CHROMIUM = "/usr/bin/chromium"  # Debian's, as the tests use; else Playwright's own
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RUNS = 3  # sessions per side and profile; each figure is the median over them
EDITS = 60  # per session (localhost only), so the percentiles pool 180 edits
EDIT_FIELD = "compensation"
CALCULATOR = "calculators/after-tax-room/"
SECOND_CALCULATOR = "calculators/backdoor-pro-rata/"
PLAIN_GUIDE = "guides/what-is-a-mega-backdoor-roth/"  # a guide with no calculator
CALCULATOR_GUIDE = "guides/how-much-fits/"  # a guide with two embedded calculators
YEAR_PLAN_WEEKLY = "calculators/year-plan/?pay_frequency=weekly"  # the biggest plan: 52 paychecks
YEAR_PLAN_FIELD = "salary"
UNTOUCHED_S = 10  # a reader reading a guide without touching its calculators
BASELINE = "baseline/index.html"
BASELINE_PYODIDE = "baseline/pyodide/"  # the whole Pyodide package, as the plain way loads it
LIVE_TIMEOUT_MS = 180_000  # slow 4G's baseline needs over a minute
PROFILE_ORDER = ("localhost", "4G", "4G, wasm uncompressed", "slow 4G")


def prepare_site(work: Path) -> Path:
    """The site built under BASE_PATH and the baseline page beside it, in one folder to serve at
    /."""
    served = work / "served"
    shutil.rmtree(served, ignore_errors=True)
    served.mkdir(parents=True)
    site = served / BASE_PATH.strip("/")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "site_builder",
            "build",
            "--out",
            str(site),
            "--base-path",
            BASE_PATH,
            "--site-url",
            "http://127.0.0.1",
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    (served / "baseline").mkdir()
    shutil.copytree(REPO / "node_modules" / "pyodide", served / BASELINE_PYODIDE)
    (served / BASELINE).write_text(baseline_page(site), encoding="utf-8")
    return served


def baseline_page(site: Path) -> str:
    """bench/baseline/index.html with the built site's asset URLs and the calculator's fields filled
    in."""

    def url_of(pattern: str) -> str:
        return BASE_PATH + next(site.glob(pattern)).relative_to(site).as_posix()

    calculator_html = (site / CALCULATOR / "index.html").read_text(encoding="utf-8")
    fields = re.search(r"<fieldset class=\"calc-fields\">.*?</fieldset>", calculator_html, re.S)
    values = {
        "__STYLE__": url_of("assets/style-*.css"),
        "__PYODIDE__": "/" + BASELINE_PYODIDE,
        "__CALC_ZIP__": url_of("assets/calc-*.zip"),
        "__LIMITS__": url_of("assets/limits-*.json"),
        "__BASE__": BASE_PATH,
        "__FIELDS__": fields.group() if fields else "",
    }
    text = (BENCH / "baseline" / "index.html").read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(name, value)
    return text


def visit(page, server: ShapedServer, url: str, calculator: bool) -> dict:
    """Load url in page; the figures of that one load."""
    server.wait_quiet()
    server.take()
    page.goto(url, wait_until="load")
    page.wait_for_function(
        "() => performance.getEntriesByName('first-contentful-paint').length > 0", timeout=10_000
    )
    if calculator:
        page.wait_for_function(
            "() => window.__bench.liveAt !== null", timeout=LIVE_TIMEOUT_MS, polling=50
        )
    server.wait_quiet()
    probe = page.evaluate("""() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
        live: window.__bench.liveAt,
        longTasks: window.__bench.longTasks,
        workerCreated: window.__bench.workerCreated,
        workerAnswered: window.__bench.workerAnswered,
        controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
        pythonFrom: (document.querySelector('script[data-calc-runtime]') ||
            {dataset: {}}).dataset.pythonFrom || null,
        outputs: Object.fromEntries(Array.from(
            document.querySelectorAll('form[data-calculator] [data-output]'))
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
        "python_from": probe[
            "pythonFrom"
        ],  # "snapshot" or "ordinary start" (None: the baseline, or no calculator)
        "tbt_ms": None
        if tasks is None
        else sum(max(0.0, duration - 50) for start, duration in tasks if start < until),
        "long_tasks": None if tasks is None else len([1 for start, _ in tasks if start < until]),
        "bytes": sum(size for _, size in requests),
        "requests": len(requests),
        "pyodide_requests": sum(1 for path, _ in requests if "/pyodide/" in path),
        "outputs": probe[
            "outputs"
        ],  # the first form's values once live: the baseline must compute the same
    }


def edit_latencies(page, run: int) -> list[float | None]:
    """EDITS edits of one field, timed in the page from the input event to updated outputs."""
    values = [str(150_000 + 1_000 * (run * EDITS + i)) for i in range(EDITS)]
    return page.evaluate(
        (BENCH / "probe_edits.js").read_text(encoding="utf-8"),
        {"field": EDIT_FIELD, "values": values},
    )


@contextlib.contextmanager
def fresh_browser(playwright, work: Path, **options):
    """Chromium with a new, empty profile on disk (so its HTTP cache behaves as a person's would),
    and one page."""
    profile = Path(tempfile.mkdtemp(prefix="profile-", dir=work))
    context = playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=CHROMIUM if Path(CHROMIUM).exists() else None,
        args=CHROMIUM_FLAGS,
        **options,
    )
    try:
        context.add_init_script(script=(BENCH / "probe_init.js").read_text(encoding="utf-8"))
        yield context.pages[0] if context.pages else context.new_page()
    finally:
        context.close()
        shutil.rmtree(profile, ignore_errors=True)


def calculator_session(
    playwright, work: Path, server: ShapedServer, first: str, second: str, run: int, edits: bool
) -> dict:
    """Empty cache: the first calculator page, its edits (localhost), a second page, then the first
    again."""
    with fresh_browser(playwright, work) as page:
        result = {"first": visit(page, server, first, calculator=True)}
        result["edits"] = edit_latencies(page, run) if edits else []
        result["second"] = visit(page, server, second, calculator=True)
        result["repeat"] = visit(page, server, first, calculator=True)
        return result


def guide_session(playwright, work: Path, server: ShapedServer, url: str) -> dict:
    """Empty cache: a guide without calculators, then the same guide again."""
    with fresh_browser(playwright, work) as page:
        return {
            "first": visit(page, server, url, calculator=False),
            "repeat": visit(page, server, url, calculator=False),
        }


def calculator_guide_session(playwright, work: Path, server: ShapedServer, url: str) -> dict:
    """Empty cache: a guide with calculators read for UNTOUCHED_S seconds without touching them
    (its bytes), then a tap on the first calculator's first field: time to live, progress shown."""
    with fresh_browser(playwright, work) as page:
        server.wait_quiet()
        server.take()
        page.goto(url, wait_until="load")
        page.wait_for_timeout(UNTOUCHED_S * 1000)
        untouched = server.take()
        page.evaluate("""() => {
            const form = document.querySelector('form[data-calculator]');
            const progress = form.querySelector('[data-progress]');
            window.__bench.progressSeen = false;
            new MutationObserver(() => { if (!progress.hidden) window.__bench.progressSeen = true;
                })
                .observe(progress, { attributes: true, attributeFilter: ['hidden'] });
            window.__bench.touchedAt = performance.now();
            form.querySelector('input').focus();
        }""")
        page.wait_for_function(
            "() => window.__bench.liveAt !== null", timeout=LIVE_TIMEOUT_MS, polling=50
        )
        probe = page.evaluate(
            "() => ({ touched: window.__bench.touchedAt, live: window.__bench.liveAt, progress: "
            "window.__bench.progressSeen })"
        )
        server.wait_quiet()
        return {
            "untouched_bytes": sum(size for _, size in untouched),
            "untouched_requests": len(untouched),
            "untouched_pyodide_requests": sum(
                1 for path, _ in untouched if "/pyodide/" in path or "python-stdlib" in path
            ),
            "touch_to_live_ms": probe["live"] - probe["touched"],
            "progress_shown": probe["progress"],
            "touched_bytes": sum(size for _, size in server.take()),
        }


def year_plan_session(playwright, work: Path, server: ShapedServer, url: str, run: int) -> dict:
    """The weekly year plan: its page before Python (HTML, CSS, scripts), then EDITS
    recomputations."""
    with fresh_browser(playwright, work) as page:
        load = visit(page, server, url, calculator=True)
        values = [str(150_000 + 1_000 * (run * EDITS + i)) for i in range(EDITS)]
        edits = page.evaluate(
            (BENCH / "probe_edits.js").read_text(encoding="utf-8"),
            {"field": YEAR_PLAN_FIELD, "values": values},
        )
        page_bytes = page.evaluate("""() => {
          const RUNTIME_FILES =
            /pyodide|python-stdlib|calc-\\w+\\.zip|limits-|calc-worker|calc-python|protocol/;
          return performance.getEntriesByType('resource')
            .concat(performance.getEntriesByType('navigation'))
            .filter((e) => !RUNTIME_FILES.test(e.name))
            .reduce((sum, e) => sum + (e.encodedBodySize || 0), 0);
        }""")
        html = page.evaluate("() => document.documentElement.outerHTML.length")
        return {
            "live_ms": load["live_ms"],
            "edits": edits,
            "page_bytes": page_bytes,
            "html_chars": html,
        }


def throttling_reaches_the_worker(playwright, work: Path) -> dict:
    """Does Chromium's CPU throttling (DevTools' Emulation.setCPUThrottlingRate) slow a Web
    Worker as it slows the page? The same loop, timed on the main thread and in a worker."""
    loop = (
        "() => { const t = performance.now(); let x = 0; for (let i = 0; i < 2e8; i++) x += i "
        "% 7; return performance.now() - t; }"
    )
    script = f"""async () => {{
        const code = `onmessage = () => postMessage((${{{loop}}})())`;
        const worker = new Worker(URL.createObjectURL(new Blob([code],
            {{ type: 'text/javascript' }})));
        const inWorker = await new Promise((resolve) => {{
            worker.onmessage = (e) => resolve(e.data);
            worker.postMessage(0);
        }});
        return {{ main: ({loop})(), worker: inWorker }};
    }}"""
    with fresh_browser(playwright, work) as page:
        page.goto("data:text/html,<title>throttle</title>")
        plain = page.evaluate(script)
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        throttled = page.evaluate(script)
    main, worker = throttled["main"] / plain["main"], throttled["worker"] / plain["worker"]
    return {"main_slowdown": main, "worker_slowdown": worker, "reaches_worker": worker > 2}


def prerendered_without_script(playwright, work: Path, url: str) -> dict:
    """With JavaScript off, what the first paint can show: how many outputs carry a value."""
    with fresh_browser(playwright, work, java_script_enabled=False) as page:
        page.goto(url, wait_until="load")
        return page.evaluate("""() => {
            const results = document.querySelector('form[data-calculator] [data-results]');
            const outputs = Array.from(
                document.querySelectorAll('form[data-calculator] [data-output]'));
            return { outputs: outputs.filter((e) => e.textContent.trim()).length,
                     visible: !!results && results.getBoundingClientRect().height > 0 &&
                         results.innerText.trim().length > 0 };
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
    summary = {
        part: {
            key: median_of(sessions, part, key)
            for key in sessions[0][part]
            if key not in ("url", "outputs", "python_from")
        }
        for part in ("first", "second", "repeat")
    }
    summary["outputs"] = sessions[0]["first"]["outputs"]
    summary["edits"] = {
        "count": len(edits),
        "unanswered": len(edits) - len(answered),
        "p50_ms": percentile(answered, 0.50) if answered else None,
        "p95_ms": percentile(answered, 0.95) if answered else None,
    }
    return summary


def run_profile(playwright, work: Path, served: Path, profile: str) -> dict:
    """Every figure on one network profile, ours and the baseline's, sessions alternating."""
    server = ShapedServer(served, PROFILES[profile])
    full = (
        profile == "localhost"
    )  # edits, TBT and the plain guide: the network does not change them
    site, baseline = server.origin + BASE_PATH.lstrip("/"), server.origin + BASELINE
    try:
        ours, plain, guides, calculator_guides = [], [], [], []
        for number in range(RUNS):  # alternate the sides so both see the same machine
            ours.append(
                calculator_session(
                    playwright,
                    work,
                    server,
                    site + CALCULATOR,
                    site + SECOND_CALCULATOR,
                    number,
                    full,
                )
            )
            plain.append(
                calculator_session(
                    playwright, work, server, baseline, baseline + "?second-page", number, full
                )
            )
            calculator_guides.append(
                calculator_guide_session(playwright, work, server, site + CALCULATOR_GUIDE)
            )
            if full:
                guides.append(guide_session(playwright, work, server, site + PLAIN_GUIDE))
        result = {
            "profile": PROFILES[profile].describe(),
            "ours": summarize(ours),
            "baseline": summarize(plain),
            "calculator_guide": {
                key: statistics.median(s[key] for s in calculator_guides)
                if key != "progress_shown"
                else all(s[key] for s in calculator_guides)
                for key in calculator_guides[0]
            },
            "sessions": {
                "ours": ours,
                "baseline": plain,
                "calculator_guide": calculator_guides,
                "guide": guides,
            },
        }
        if full:
            plans = [
                year_plan_session(playwright, work, server, site + YEAR_PLAN_WEEKLY, number)
                for number in range(RUNS)
            ]
            times = [t for plan in plans for t in plan["edits"] if t is not None]
            result["year_plan"] = {
                "count": sum(len(p["edits"]) for p in plans),
                "unanswered": sum(t is None for p in plans for t in p["edits"]),
                "p50_ms": percentile(times, 0.5) if times else None,
                "p95_ms": percentile(times, 0.95) if times else None,
                "page_bytes": statistics.median(p["page_bytes"] for p in plans),
                "html_chars": plans[0]["html_chars"],
                "live_ms": statistics.median(p["live_ms"] for p in plans),
            }
            result["guide"] = {
                part: {
                    key: median_of(guides, part, key)
                    for key in guides[0][part]
                    if key not in ("url", "outputs", "python_from")
                }
                for part in ("first", "repeat")
            }
            result["prerendered"] = prerendered_without_script(playwright, work, site + CALCULATOR)
            result["baseline_prerendered"] = prerendered_without_script(playwright, work, baseline)
        return result
    finally:
        server.close()


def run(served: Path, work: Path) -> dict:
    """Every browser figure on every profile, for our site and the baseline."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return {
            "chromium": chromium_version(playwright, work),
            "throttling": throttling_reaches_the_worker(playwright, work),
            "profiles": {
                name: run_profile(playwright, work, served, name) for name in PROFILE_ORDER
            },
        }


if __name__ == "__main__":  # python bench/browser_bench.py: the browser group alone
    import json

    folder = BENCH / ".work" / "browser"
    results = run(prepare_site(folder), folder)
    print(
        json.dumps(
            {
                name: {k: v for k, v in figures.items() if k != "sessions"}
                for name, figures in results["profiles"].items()
            },
            indent=2,
        )
    )
