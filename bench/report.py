"""BENCHMARKS.md from the results of one run: a table per group (figure, target, measured,
pass/fail), the baseline ratios, the machine, the command and the date."""

from __future__ import annotations

from dataclasses import dataclass

KB = 1000  # bytes; the stricter reading of "40 KB"


@dataclass(frozen=True)
class Row:
    figure: str
    target: str  # "" when the figure is for information
    measured: str
    passed: bool | None  # None: no target, or not measured


def seconds(value: float) -> str:
    return f"{value:.2f} s"


def with_runs(median: str, runs: list, unit=lambda v: f"{v:.2f}") -> str:
    """The median, then every run it was taken from, so the spread shows."""
    return f"{median} (runs: {', '.join('—' if v is None else unit(v) for v in runs)})"


def session_runs(browser: dict, side: str, part: str, key: str) -> list:
    return [session[part][key] for session in browser["sessions"][side]]


def ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


def size(value: float | None) -> str:
    return "—" if value is None else f"{value / KB:,.1f} KB ({value:,.0f} B)"


def ratio(ours: float | None, baseline: float | None) -> str:
    if ours is None or not baseline:
        return "—"
    return f"{ours / baseline:.2f}"


def check(value: float | None, limit: float, below: bool = True) -> bool | None:
    if value is None:
        return None
    return value <= limit if below else value >= limit


def build_rows(build: dict) -> list[Row]:
    real, synthetic, snapshot = build["real"], build["synthetic"], build["snapshot"]
    rebuild = synthetic["rebuild"]
    return [
        Row(f"Real site, clean build ({real['pages']} pages; median of {len(real['runs'])})", "< 1 s",
            with_runs(seconds(real["median"]), real["runs"]), real["median"] < 1.0),
        Row(f"Synthetic site, our builder ({synthetic['guides']:,} guides of ~{synthetic['words_per_guide']:,} words, "
            f"{synthetic['ours_pages']:,} pages, {synthetic['ours_html_bytes'] / 1e6:,.0f} MB of HTML; "
            f"median of {len(synthetic['ours_runs'])})", "",
            with_runs(seconds(synthetic["ours_median"]), synthetic["ours_runs"]), None),
        Row(f"Synthetic site, MkDocs (same Markdown, {synthetic['mkdocs_pages']:,} pages, "
            f"{synthetic['mkdocs_html_bytes'] / 1e6:,.0f} MB of HTML; median of "
            f"{len(synthetic['mkdocs_runs'])})", "", with_runs(seconds(synthetic["mkdocs_median"]), synthetic["mkdocs_runs"]), None),
        Row("Our time / MkDocs' time", "≤ 0.25", f"{synthetic['ratio']:.2f}", synthetic["ratio"] <= 0.25),
        Row(f"Rebuild after one guide changes ({rebuild['changed']}; median of {len(rebuild['runs'])})", "≤ 0.3 s",
            with_runs(seconds(rebuild["median"]), rebuild["runs"]), rebuild["median"] <= 0.3),
        Row(f"Python snapshot for the worker, made only when calc/ or Pyodide changes, else cached "
            f"({snapshot['megabytes']:.1f} MB gzipped; median of {len(snapshot['runs'])})", "",
            with_runs(seconds(snapshot["median"]), snapshot["runs"]), None),
    ]


def browser_rows(browser: dict) -> list[Row]:
    ours, guide, prerendered = browser["ours"], browser["guide"], browser["prerendered"]
    edits = ours["edits"]
    shown = prerendered["visible"] and prerendered["outputs"] > 0

    pyodide_requests = max(session_runs(browser, "guide", part, "pyodide_requests")[i]
                           for part in ("first", "repeat") for i in range(len(browser["sessions"]["guide"])))

    def timed(part: str, key: str) -> str:
        return with_runs(ms(ours[part][key]), session_runs(browser, "ours", part, key), lambda v: f"{v:,.0f}")

    return [
        Row("Results visible at first paint (in the HTML: outputs with a value, JavaScript off)", "yes",
            f"{'yes' if shown else 'no'} ({prerendered['outputs']} outputs)", shown),
        Row("Calculator page, empty cache: first contentful paint", "", timed("first", "fcp_ms"), None),
        Row("Calculator page, empty cache: live (data-state=live)", "≤ 2.0 s", timed("first", "live_ms"),
            check(ours["first"]["live_ms"], 2000)),
        Row("Second calculator page, same session: first contentful paint", "", timed("second", "fcp_ms"), None),
        Row("Second calculator page, same session: live", "≤ 1.0 s", timed("second", "live_ms"),
            check(ours["second"]["live_ms"], 1000)),
        Row("Same calculator page again (repeat visit): live", "", timed("repeat", "live_ms"), None),
        Row(f"Recompute, input event → outputs updated: p50 ({edits['count']} edits)", "", ms(edits["p50_ms"]), None),
        Row(f"Recompute: p95 ({edits['count']} edits, {edits['unanswered']} unanswered)", "≤ 16 ms", ms(edits["p95_ms"]),
            check(edits["p95_ms"], 16) if not edits["unanswered"] else False),
        Row("Total blocking time, navigation → live, empty cache", "≤ 50 ms", timed("first", "tbt_ms"),
            check(ours["first"]["tbt_ms"], 50)),
        Row("Total blocking time, navigation → live, second page", "≤ 50 ms", timed("second", "tbt_ms"),
            check(ours["second"]["tbt_ms"], 50)),
        Row("Guide without calculators, first visit: bytes transferred", "≤ 40 KB", size(guide["first"]["bytes"]),
            check(guide["first"]["bytes"], 40 * KB)),
        Row("Guide without calculators: Pyodide requests (most in any session, first or repeat visit)", "0",
            str(pyodide_requests), pyodide_requests == 0),
        Row("Guide without calculators, first visit: first contentful paint", "", ms(guide["first"]["fcp_ms"]), None),
        Row("Guide without calculators, repeat visit: bytes transferred", "", size(guide["repeat"]["bytes"]), None),
        Row("Calculator page, first visit (empty cache): bytes transferred", "", size(ours["first"]["bytes"]), None),
        Row("Second calculator page, same session: bytes transferred", "", size(ours["second"]["bytes"]), None),
        Row("Calculator page, repeat visit: bytes transferred", "", size(ours["repeat"]["bytes"]), None),
    ]


def baseline_table(browser: dict) -> list[str]:
    ours, plain = browser["ours"], browser["baseline"]
    shown = browser["baseline_prerendered"]["outputs"]
    lines = ["| Figure | Ours | Baseline | Ours / baseline |", "|---|---|---|---|"]
    same = ours["outputs"] == plain["outputs"] and bool(ours["outputs"])
    rows = [
        ("Outputs once live, same inputs", f"{len(ours['outputs'])} values",
         f"{len(plain['outputs'])} values, {'all equal to ours' if same else 'NOT equal to ours'}", "—"),
        ("Results in the HTML (outputs with a value, JavaScript off)", str(browser["prerendered"]["outputs"]), str(shown), "—"),
        ("First contentful paint, empty cache", ms(ours["first"]["fcp_ms"]), ms(plain["first"]["fcp_ms"]),
         ratio(ours["first"]["fcp_ms"], plain["first"]["fcp_ms"])),
        ("Live, empty cache", ms(ours["first"]["live_ms"]), ms(plain["first"]["live_ms"]),
         ratio(ours["first"]["live_ms"], plain["first"]["live_ms"])),
        ("Live, later page in the same session", ms(ours["second"]["live_ms"]), ms(plain["second"]["live_ms"]),
         ratio(ours["second"]["live_ms"], plain["second"]["live_ms"])),
        ("Live, repeat visit", ms(ours["repeat"]["live_ms"]), ms(plain["repeat"]["live_ms"]),
         ratio(ours["repeat"]["live_ms"], plain["repeat"]["live_ms"])),
        ("Total blocking time to live, empty cache", ms(ours["first"]["tbt_ms"]), ms(plain["first"]["tbt_ms"]),
         ratio(ours["first"]["tbt_ms"], plain["first"]["tbt_ms"])),
        ("Total blocking time to live, later page", ms(ours["second"]["tbt_ms"]), ms(plain["second"]["tbt_ms"]),
         ratio(ours["second"]["tbt_ms"], plain["second"]["tbt_ms"])),
        ("Recompute p50", ms(ours["edits"]["p50_ms"]), ms(plain["edits"]["p50_ms"]),
         ratio(ours["edits"]["p50_ms"], plain["edits"]["p50_ms"])),
        ("Recompute p95", ms(ours["edits"]["p95_ms"]), ms(plain["edits"]["p95_ms"]),
         ratio(ours["edits"]["p95_ms"], plain["edits"]["p95_ms"])),
        ("Bytes, first visit", size(ours["first"]["bytes"]), size(plain["first"]["bytes"]),
         ratio(ours["first"]["bytes"], plain["first"]["bytes"])),
        ("Bytes, later page", size(ours["second"]["bytes"]), size(plain["second"]["bytes"]),
         ratio(ours["second"]["bytes"], plain["second"]["bytes"])),
        ("Bytes, repeat visit", size(ours["repeat"]["bytes"]), size(plain["repeat"]["bytes"]),
         ratio(ours["repeat"]["bytes"], plain["repeat"]["bytes"])),
    ]
    return lines + [f"| {' | '.join(row)} |" for row in rows]


def timeline_table(browser: dict) -> list[str]:
    """Where our time to live goes, per load: the worker's start, its first answer, live."""
    ours = browser["ours"]
    names = {"first": "Calculator page, empty cache", "second": "Second calculator page", "repeat": "Repeat visit"}
    lines = ["| Load | Worker created | Worker's first message | Live | Python started from | Page controlled by the service worker |",
             "|---|---|---|---|---|---|"]
    for part, name in names.items():
        load = ours[part]
        controlled = session_runs(browser, "ours", part, "service_worker_controlled")
        started = session_runs(browser, "ours", part, "python_from")
        started_from = ", ".join(f"{how} ({started.count(how)} of {len(started)})" for how in sorted(set(map(str, started))))
        lines.append(f"| {name} | {ms(load.get('worker_created_ms'))} | {ms(load.get('worker_answered_ms'))} | "
                     f"{ms(load['live_ms'])} | {started_from} | {sum(map(bool, controlled))} of {len(controlled)} sessions |")
    return lines


def lighthouse_rows(lighthouse: dict) -> list[Row]:
    rows = []
    for page, modes in lighthouse.items():
        for mode, found in modes.items():
            detail = (f"{found['score']} (FCP {ms(found['fcp_ms'])}, LCP {ms(found['lcp_ms'])}, "
                      f"TBT {ms(found['tbt_ms'])}, CLS {found['cls']:.3f})")
            rows.append(Row(f"Performance score, {page} page, {mode}", "≥ 98", detail, found["score"] >= 98))
    return rows


def table(rows: list[Row]) -> list[str]:
    verdict = {True: "pass", False: "**FAIL**", None: "—"}
    lines = ["| Figure | Target | Measured | Result |", "|---|---|---|---|"]
    return lines + [f"| {r.figure} | {r.target or '—'} | {r.measured} | {verdict[r.passed]} |" for r in rows]


def render(results: dict, machine: dict, problems: dict[str, str], command: str, date: str, minutes: float) -> str:
    """The whole of BENCHMARKS.md."""
    out = [
        "# Benchmarks",
        "",
        f"Written by `{command}` on {date}; bench/run.py took {minutes:.1f} minutes. Every figure below comes from that one run,",
        "and every ratio compares two things measured in it. Speed is measured here, never asserted in the test suite.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {name} | {value} |" for name, value in machine.items()],
        "",
    ]
    if "build" in results:
        out += ["## Build", "", *table(build_rows(results["build"])), ""]
    if "browser" in results:
        out += ["## Browser", "", "Built with `--base-path /mbr/`, served by `site_builder.serve.Handler` (no compression) on 127.0.0.1,",
                "opened in Chromium through Playwright. Medians of 3 sessions, each in a new, empty browser profile.", "",
                *table(browser_rows(results["browser"])), "",
                "Where the time to live goes (medians; times from navigation start; the worker's first message is",
                "normally its \"ready\"):", "", *timeline_table(results["browser"]), "",
                "### Baseline: the same Pyodide on the main thread", "",
                "`bench/baseline/index.html`, served beside the site: the same Pyodide files, calc archive, limits and fields as",
                "the after-tax-room calculator, loaded the plain way (Python on the main thread, nothing prerendered, no service",
                "worker). Measured in the same sessions, alternating with ours; its \"later page\" is the same page at a new URL.", "",
                *baseline_table(results["browser"]), ""]
    if "lighthouse" in results:
        out += ["## Lighthouse", "", *table(lighthouse_rows(results["lighthouse"])), ""]
    if problems:
        out += ["## What did not run", ""]
        out += [f"- **{group}**: {message}" for group, message in problems.items()]
        out += [""]
    out += [
        "## How each figure is measured",
        "",
        "- **Builds** (`bench/build_bench.py`): each full build is a clean build, timed as the wall time of a new process",
        "  (start-up and imports included) writing into a new, empty folder, so no build cache helps. The real site is",
        "  `python -m site_builder build --out NEW`. The synthetic site (`bench/synthetic.py`, fixed seed) has 1,000",
        "  guides with headings, a table, bullet and numbered lists and a link each, and a small glossary that every",
        "  page's navigation needs; MkDocs builds the same guide files with its default theme and plugins (search",
        "  included; its theme puts the whole 1,000-page navigation on every page, hence its larger output), from",
        "  `bench/.work/venv`. Runs of the two alternate. The rebuild is a later `build()` call in the same process and",
        "  into the same folder, after appending a sentence to one guide, a few seconds after the previous build.",
        "- **Times in the browser** come from the page (`performance.now()`, 0 = navigation start): first contentful paint",
        "  from the paint timing entry; live from a MutationObserver (`bench/probe_init.js`) that notes when the first",
        "  calculator form's `data-state` becomes `live`; total blocking time is the sum of (duration − 50 ms) over the",
        "  main thread's long tasks that start before live (guides: before the page went quiet). The probe also notes",
        "  when the page's first Web Worker is created and first posts a message, for the breakdown of the time to live.",
        "- **Recompute** (`bench/probe_edits.js`): 60 edits per session of the compensation field (value set, `input`",
        "  fired), starting as soon as the page is live and no request has come for 0.75 s, each timed until the results",
        "  box has new content and the form is live again.",
        "- **Bytes** are counted by the server: request and response, headers and bodies, for every request made while the",
        "  page loads and until no request has come for 0.75 s, whichever part of the browser made it (page, worker or",
        "  service worker). \"Repeat visit\" is the same URL again in the same browser profile.",
        "- **Lighthouse** runs the npm package from `bench/.work/node_modules` with the system Chromium, performance",
        "  category only, once per page with its default mobile settings (simulated slow 4G, 4× CPU slowdown) and once",
        "  with `--preset=desktop`.",
        "",
    ]
    return "\n".join(out)
