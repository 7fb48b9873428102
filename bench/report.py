"""BENCHMARKS.md from the results of one run: a table per group (figure, target, measured,
pass/fail), the baseline ratios, the machine, the command and the date."""

from __future__ import annotations

from dataclasses import dataclass

KB = 1000  # bytes; the stricter reading of "40 KB"
CALCULATOR_GUIDE_NAME = "how-much-fits"


@dataclass(frozen=True)
class Row:
    figure: str
    target: str  # "" when the figure is for information
    measured: str
    passed: bool | None  # None: no target, or not measured


# Why the bench leaves out a run with the CPU throttled when the throttling misses the worker.
SKIPPED_THROTTLED = ", so a 4×-slower-CPU run would measure the wrong thing and is not included"


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
    real, synthetic, library = build["real"], build["synthetic"], build["library"]
    rebuild = synthetic["rebuild"]
    return [
        Row(
            f"Real site, clean build ({real['pages']} pages; median of {len(real['runs'])})",
            "< 1 s",
            with_runs(seconds(real["median"]), real["runs"]),
            real["median"] < 1.0,
        ),
        Row(
            f"Real site, next `make build` after one guide changes ({real['changed']}; a new "
            "process, the build cache "
            f"of the last build; median of {len(real['next_runs'])}; the clean build in the same "
            "run: "
            f"{seconds(real['median'])})",
            "below the clean build",
            with_runs(seconds(real["next_median"]), real["next_runs"]),
            real["next_median"] < real["median"],
        ),
        Row(
            f"Synthetic site, our builder ({synthetic['guides']:,} guides of "
            f"~{synthetic['words_per_guide']:,} words, "
            f"{synthetic['ours_pages']:,} pages, {synthetic['ours_html_bytes'] / 1e6:,.0f} MB of "
            "HTML; "
            f"median of {len(synthetic['ours_runs'])})",
            "",
            with_runs(seconds(synthetic["ours_median"]), synthetic["ours_runs"]),
            None,
        ),
        Row(
            f"Synthetic site, MkDocs (same Markdown, {synthetic['mkdocs_pages']:,} pages, "
            f"{synthetic['mkdocs_html_bytes'] / 1e6:,.0f} MB of HTML; median of "
            f"{len(synthetic['mkdocs_runs'])})",
            "",
            with_runs(seconds(synthetic["mkdocs_median"]), synthetic["mkdocs_runs"]),
            None,
        ),
        Row(
            "Our time / MkDocs' time",
            "≤ 0.25",
            f"{synthetic['ratio']:.2f}",
            synthetic["ratio"] <= 0.25,
        ),
        Row(
            f"Rebuild after one guide changes ({rebuild['changed']}; median of "
            f"{len(rebuild['runs'])})",
            "≤ 0.3 s",
            with_runs(seconds(rebuild["median"]), rebuild["runs"]),
            rebuild["median"] <= 0.3,
        ),
        Row(
            "Reduced Python library for the worker, worked out and checked only when calc/ or "
            "Pyodide changes, "
            f"else cached ({library['megabytes']:.2f} MB; median of {len(library['runs'])})",
            "",
            with_runs(seconds(library["median"]), library["runs"]),
            None,
        ),
    ]


def profile_runs(figures: dict, side: str, part: str, key: str) -> list:
    return [session[part][key] for session in figures["sessions"][side]]


def megabytes(value: float | None) -> str:
    return "—" if value is None else f"{value / 1e6:,.2f} MB" if value >= 1e6 else size(value)


def target_rows(browser: dict, lighthouse: dict | None) -> list[Row]:
    """The issue's targets: each figure on the profile it names."""
    profiles = browser["profiles"]
    local, four_g, slow = profiles["localhost"], profiles["4G"], profiles["slow 4G"]
    guide_4g = four_g["calculator_guide"]
    edits = local["ours"]["edits"]
    shown = local["prerendered"]["visible"] and local["prerendered"]["outputs"] > 0

    def timed(figures: dict, part: str) -> str:
        return with_runs(
            ms(figures["ours"][part]["live_ms"]),
            profile_runs(figures, "ours", part, "live_ms"),
            lambda v: f"{v:,.0f}",
        )

    guide_runs = [s["untouched_bytes"] for s in four_g["sessions"]["calculator_guide"]]
    touch_runs = [s["touch_to_live_ms"] for s in four_g["sessions"]["calculator_guide"]]
    rows = [
        Row(
            f'Guide with a calculator ({CALCULATOR_GUIDE_NAME}), untouched for 10 s, "4G": bytes '
            "on the wire",
            "≤ 150 KB",
            with_runs(size(guide_4g["untouched_bytes"]), guide_runs, lambda v: f"{v / KB:,.1f} KB"),
            check(guide_4g["untouched_bytes"], 150 * KB),
        ),
        Row(
            'Guide, "4G": first touch → live (progress shown: '
            + ("yes" if guide_4g["progress_shown"] else "**no**")
            + ")",
            "≤ 5.0 s",
            with_runs(ms(guide_4g["touch_to_live_ms"]), touch_runs, lambda v: f"{v:,.0f}"),
            check(guide_4g["touch_to_live_ms"], 5000) if guide_4g["progress_shown"] else False,
        ),
        Row(
            'Calculator page, empty cache, "4G": live',
            "≤ 5.0 s",
            timed(four_g, "first"),
            check(four_g["ours"]["first"]["live_ms"], 5000),
        ),
        Row(
            "Calculator page, empty cache: bytes on the wire (gzip)",
            "≤ 5.0 MB",
            megabytes(four_g["ours"]["first"]["bytes"]),
            check(four_g["ours"]["first"]["bytes"], 5_000_000),
        ),
        Row(
            'Second calculator page, "4G", warm cache: live',
            "≤ 1.0 s",
            timed(four_g, "second"),
            check(four_g["ours"]["second"]["live_ms"], 1000),
        ),
        Row(
            'Calculator page, empty cache, "slow 4G": live',
            "≤ 30 s",
            timed(slow, "first"),
            check(slow["ours"]["first"]["live_ms"], 30_000),
        ),
        Row(
            "Results visible at first paint (in the HTML: outputs with a value, JavaScript off)",
            "yes",
            f"{'yes' if shown else 'no'} ({local['prerendered']['outputs']} outputs)",
            shown,
        ),
        Row(
            "Total blocking time, navigation → live, empty cache (localhost)",
            "≤ 50 ms",
            ms(local["ours"]["first"]["tbt_ms"]),
            check(local["ours"]["first"]["tbt_ms"], 50),
        ),
        Row(
            f"Recompute p95, input event → outputs updated ({edits['count']} edits, "
            f"{edits['unanswered']} unanswered; localhost)",
            "≤ 16 ms",
            ms(edits["p95_ms"]),
            check(edits["p95_ms"], 16) if not edits["unanswered"] else False,
        ),
    ]
    plan = local.get("year_plan")
    if plan:
        rows.append(
            Row(
                f"Year plan, weekly (52 paychecks): recompute p95 ({plan['count']} edits, "
                f"{plan['unanswered']} unanswered; localhost)",
                "≤ 16 ms",
                ms(plan["p95_ms"]),
                check(plan["p95_ms"], 16) if not plan["unanswered"] else False,
            )
        )
        rows.append(
            Row(
                "Year plan page before Pyodide: bytes on the wire (HTML, CSS, site scripts, gzip)",
                "≤ 60 KB",
                size(plan["page_bytes"]),
                check(plan["page_bytes"], 60 * KB),
            )
        )
    if lighthouse:
        scores = [found["score"] for modes in lighthouse.values() for found in modes.values()]
        rows.append(
            Row(
                "Lighthouse performance, lowest of the guide, calculator and year plan pages, "
                "mobile and desktop",
                "≥ 98",
                str(min(scores)),
                min(scores) >= 98,
            )
        )
        for category, label in (
            ("accessibility", "accessibility"),
            ("best-practices", "best practices"),
            ("seo", "SEO"),
        ):
            found = [
                modes[mode].get("categories", {}).get(category)
                for modes in lighthouse.values()
                for mode in modes
            ]
            if all(score is not None for score in found):
                rows.append(
                    Row(
                        f"Lighthouse {label}, lowest of those pages",
                        "100",
                        str(min(found)),
                        min(found) == 100,
                    )
                )
    return rows


def profiles_table(browser: dict) -> list[str]:
    """Every profile's main figures, ours beside the baseline's, measured in the same run."""
    lines = [
        "| Profile | Calculator page, empty cache: live (ours / baseline) | Bytes, empty cache "
        "(ours / baseline) | "
        "Second page: live (ours / baseline) | Guide untouched 10 s: bytes | Guide: touch → live |",
        "|---|---|---|---|---|---|",
    ]
    for name, figures in browser["profiles"].items():
        ours, plain, guide = figures["ours"], figures["baseline"], figures["calculator_guide"]
        lines.append(
            f"| {name} ({figures['profile']}) | {ms(ours['first']['live_ms'])} / "
            f"{ms(plain['first']['live_ms'])} "
            f"= {ratio(ours['first']['live_ms'], plain['first']['live_ms'])} | "
            f"{megabytes(ours['first']['bytes'])} / "
            f"{megabytes(plain['first']['bytes'])} | {ms(ours['second']['live_ms'])} / "
            f"{ms(plain['second']['live_ms'])} | "
            f"{size(guide['untouched_bytes'])} | {ms(guide['touch_to_live_ms'])} |"
        )
    return lines


def localhost_rows(figures: dict) -> list[Row]:
    ours, guide = figures["ours"], figures["guide"]
    pyodide_requests = max(
        s[part]["pyodide_requests"]
        for s in figures["sessions"]["guide"]
        for part in ("first", "repeat")
    )

    def timed(part: str, key: str) -> str:
        return with_runs(
            ms(ours[part][key]), profile_runs(figures, "ours", part, key), lambda v: f"{v:,.0f}"
        )

    return [
        Row(
            "Calculator page, empty cache: first contentful paint",
            "",
            timed("first", "fcp_ms"),
            None,
        ),
        Row("Calculator page, empty cache: live", "", timed("first", "live_ms"), None),
        Row(
            "Second calculator page, same session: live",
            "≤ 1.0 s",
            timed("second", "live_ms"),
            check(ours["second"]["live_ms"], 1000),
        ),
        Row(
            "Same calculator page again (repeat visit): live", "", timed("repeat", "live_ms"), None
        ),
        Row(
            f"Recompute p50 ({ours['edits']['count']} edits)", "", ms(ours["edits"]["p50_ms"]), None
        ),
        Row(
            "Total blocking time, navigation → live, second page",
            "≤ 50 ms",
            timed("second", "tbt_ms"),
            check(ours["second"]["tbt_ms"], 50),
        ),
        Row(
            "Guide without calculators, first visit: bytes transferred",
            "≤ 40 KB",
            size(guide["first"]["bytes"]),
            check(guide["first"]["bytes"], 40 * KB),
        ),
        Row(
            "Guide without calculators: Pyodide requests (most in any session)",
            "0",
            str(pyodide_requests),
            pyodide_requests == 0,
        ),
        Row(
            "Second calculator page, same session: bytes transferred",
            "",
            size(ours["second"]["bytes"]),
            None,
        ),
        Row(
            "Calculator page, repeat visit: bytes transferred",
            "",
            size(ours["repeat"]["bytes"]),
            None,
        ),
    ]


def baseline_table(figures: dict) -> list[str]:
    ours, plain = figures["ours"], figures["baseline"]
    same = ours["outputs"] == plain["outputs"] and bool(ours["outputs"])
    lines = ["| Figure (localhost) | Ours | Baseline | Ours / baseline |", "|---|---|---|---|"]
    rows = [
        (
            "Outputs once live, same inputs",
            f"{len(ours['outputs'])} values",
            f"{len(plain['outputs'])} values, "
            f"{'all equal to ours' if same else 'NOT equal to ours'}",
            "—",
        ),
        (
            "Results in the HTML (outputs with a value, JavaScript off)",
            str(figures["prerendered"]["outputs"]),
            str(figures["baseline_prerendered"]["outputs"]),
            "—",
        ),
        (
            "Total blocking time to live, empty cache",
            ms(ours["first"]["tbt_ms"]),
            ms(plain["first"]["tbt_ms"]),
            "—",
        ),
        (
            "Recompute p95",
            ms(ours["edits"]["p95_ms"]),
            ms(plain["edits"]["p95_ms"]),
            ratio(ours["edits"]["p95_ms"], plain["edits"]["p95_ms"]),
        ),
        (
            "Live, repeat visit",
            ms(ours["repeat"]["live_ms"]),
            ms(plain["repeat"]["live_ms"]),
            ratio(ours["repeat"]["live_ms"], plain["repeat"]["live_ms"]),
        ),
    ]
    return lines + [f"| {' | '.join(row)} |" for row in rows]


def timeline_table(browser: dict) -> list[str]:
    """Where our time to live goes on each profile's empty-cache and second page."""
    lines = [
        "| Profile, load | Worker created | Worker's first message | Live | Python started from |",
        "|---|---|---|---|---|",
    ]
    for name, figures in browser["profiles"].items():
        for part, label in (("first", "empty cache"), ("second", "second page")):
            load = figures["ours"][part]
            started = profile_runs(figures, "ours", part, "python_from")
            started_from = ", ".join(
                f"{how} ({started.count(how)} of {len(started)})"
                for how in sorted(set(map(str, started)))
            )
            lines.append(
                f"| {name}, {label} | {ms(load.get('worker_created_ms'))} | "
                f"{ms(load.get('worker_answered_ms'))} | "
                f"{ms(load['live_ms'])} | {started_from} |"
            )
    return lines


def throttling_note(throttling: dict) -> str:
    reaches = throttling["reaches_worker"]
    return (
        "Chromium's CPU throttling (DevTools' `Emulation.setCPUThrottlingRate`, 4×) made a fixed "
        "loop "
        f"{throttling['main_slowdown']:.2f}× slower on the page's main thread and "
        f"{throttling['worker_slowdown']:.2f}× "
        "slower in a Web Worker, measured in this run: it "
        f"{'reaches' if reaches else 'does **not** reach'} the worker, "
        "where all of our Python "
        f"runs{'' if reaches else SKIPPED_THROTTLED}."
    )


def lighthouse_rows(lighthouse: dict) -> list[Row]:
    rows = []
    for page, modes in lighthouse.items():
        for mode, found in modes.items():
            detail = (
                f"{found['score']} (FCP {ms(found['fcp_ms'])}, LCP {ms(found['lcp_ms'])}, "
                f"TBT {ms(found['tbt_ms'])}, CLS {found['cls']:.3f})"
            )
            rows.append(
                Row(f"Performance score, {page} page, {mode}", "≥ 98", detail, found["score"] >= 98)
            )
            others = found.get("categories", {})
            if others:
                failed = (
                    f"; failed audits: {', '.join(found['failed_audits'])}"
                    if found.get("failed_audits")
                    else ""
                )
                rows.append(
                    Row(
                        f"Accessibility / best practices / SEO, {page} page, {mode}",
                        "100 / 100 / 100",
                        f"{others['accessibility']} / {others['best-practices']} / "
                        f"{others['seo']}{failed}",
                        all(others[c] == 100 for c in ("accessibility", "best-practices", "seo")),
                    )
                )
    return rows


def table(rows: list[Row]) -> list[str]:
    verdict = {True: "pass", False: "**FAIL**", None: "—"}
    lines = ["| Figure | Target | Measured | Result |", "|---|---|---|---|"]
    return lines + [
        f"| {r.figure} | {r.target or '—'} | {r.measured} | {verdict[r.passed]} |" for r in rows
    ]


def render(
    results: dict, machine: dict, problems: dict[str, str], command: str, date: str, minutes: float
) -> str:
    """The whole of BENCHMARKS.md."""
    out = [
        "# Benchmarks",
        "",
        f"Written by `{command}` on {date}; bench/run.py took {minutes:.1f} minutes. Every figure "
        "below comes from that one run,",
        "and every ratio compares two things measured in it. Speed is measured here, never "
        "asserted in the test suite.",
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
        browser = results["browser"]
        out += [
            "## Targets",
            "",
            "The site built with `--base-path /mbr/`, served by `bench/shaped_server.py`, opened "
            "in Chromium",
            "through Playwright; medians of 3 sessions, each in a new, empty browser profile.",
            "",
            *table(target_rows(browser, results.get("lighthouse"))),
            "",
            "## Network profiles",
            "",
            "One shared link per profile: every byte of every response queues for it at the "
            "profile's bandwidth, each",
            'request waits one round trip, text and `.wasm` are gzipped (except in the "wasm '
            'uncompressed" profile, since',
            "GitHub Pages does not document what it does for `application/wasm`), and caching is "
            "what GitHub Pages sends",
            "(max-age=600, ETag). The baseline is `bench/baseline/index.html`: the same Pyodide "
            "loaded the plain way (whole",
            "standard library, on the main thread, nothing prerendered, no service worker), "
            "measured in the same sessions,",
            "alternating with ours.",
            "",
            *profiles_table(browser),
            "",
            throttling_note(browser["throttling"]),
            "",
            "Where the time to live goes (medians, from navigation start; the worker's first "
            "message is normally a",
            "progress report):",
            "",
            *timeline_table(browser),
            "",
            "## Localhost detail",
            "",
            *table(localhost_rows(browser["profiles"]["localhost"])),
            "",
            *baseline_table(browser["profiles"]["localhost"]),
            "",
        ]
    if "lighthouse" in results:
        out += ["## Lighthouse", "", *table(lighthouse_rows(results["lighthouse"])), ""]
    if problems:
        out += ["## What did not run", ""]
        out += [f"- **{group}**: {message}" for group, message in problems.items()]
        out += [""]
    out += [
        "## How each figure is measured",
        "",
        "- **Builds** (`bench/build_bench.py`): each full build is a clean build, timed as the "
        "wall time of a new process",
        "  (start-up and imports included) writing into a new, empty folder, so no build cache "
        "helps. The real site is",
        "  `python -m site_builder build --out NEW`. The synthetic site (`bench/synthetic.py`, "
        "fixed seed) has 1,000",
        "  guides with headings, a table, bullet and numbered lists and a link each, and a small "
        "glossary that every",
        "  page's navigation needs; MkDocs builds the same guide files with its default theme and "
        "plugins (search",
        "  included; its theme puts the whole 1,000-page navigation on every page, hence its "
        "larger output), from",
        "  `bench/.work/venv`. Runs of the two alternate. The rebuild is a later `build()` call in "
        "the same process and",
        "  into the same folder, after appending a sentence to one guide, a few seconds after the "
        "previous build.",
        "- **Network** (`bench/shaped_server.py`): one link shared by every connection (each 16 KB "
        "chunk of every",
        "  response queues for it at the profile's bandwidth), one round trip before each "
        "response's first byte, gzip",
        '  (level 6) for HTML, CSS, JavaScript, JSON, SVG and, except in the "wasm uncompressed" '
        "profile, `.wasm`;",
        "  `Cache-Control: max-age=600` and an ETag, as GitHub Pages sends.",
        "- **Times in the browser** come from the page (`performance.now()`, 0 = navigation "
        "start): first contentful paint",
        "  from the paint timing entry; live from a MutationObserver (`bench/probe_init.js`) that "
        "notes when the first",
        "  calculator form's `data-state` becomes `live`; total blocking time is the sum of "
        "(duration − 50 ms) over the",
        "  main thread's long tasks that start before live. The probe also notes when the page's "
        "first Web Worker is",
        "  created and first posts a message. Each session is a new, empty browser profile: the "
        "first calculator page",
        "  (empty cache), then a second calculator page, then the first again (repeat visit).",
        "- **Guide with calculators**: a new profile opens the guide and reads it for 10 s without "
        "touching a calculator",
        "  (bytes counted by the server over those 10 s, service worker included); then the first "
        "field of its first",
        "  calculator takes focus, and the time from that moment to `live` is noted, with whether "
        "the progress bar showed.",
        "- **Recompute** (`bench/probe_edits.js`, localhost only): 60 edits per session of the "
        "compensation field (value",
        "  set, `input` fired), starting once the page is live and no request has come for 0.75 s, "
        "each timed until the",
        "  results box has new content and the form is live again.",
        "- **Bytes** are counted by the server, after gzip: request and response, headers and "
        "bodies, for every request",
        "  made while the page loads and until no request has come for 0.75 s, whichever part of "
        "the browser made it.",
        "- **Lighthouse** runs the npm package from `bench/.work/node_modules` with the system "
        "Chromium, all four",
        "  categories, once per page with its default mobile settings (simulated slow 4G, 4× CPU "
        "slowdown) and once",
        "  with `--preset=desktop`.",
        "",
    ]
    return "\n".join(out)
