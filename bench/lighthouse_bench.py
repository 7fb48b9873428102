"""Lighthouse (npm package, installed under bench/.work/) with the system Chromium: the four
category scores (performance, accessibility, best practices, SEO) of a guide without calculators,
a calculator page and the year plan, with Lighthouse's default (mobile, simulated slow 4G and 4x CPU
slowdown) and desktop settings."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
AUDITS = {
    "first-contentful-paint": "fcp_ms",
    "largest-contentful-paint": "lcp_ms",
    "total-blocking-time": "tbt_ms",
    "cumulative-layout-shift": "cls",
    "speed-index": "speed_index_ms",
}


def score(cli: Path, url: str, report: Path, desktop: bool, chromium: str) -> dict:
    """One Lighthouse run; the performance score (0-100) and its main metrics."""
    command = [
        "node",
        str(cli),
        url,
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if desktop:
        command.append("--preset=desktop")
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "CHROME_PATH": chromium},
    )
    if done.returncode != 0 or not report.exists():
        raise RuntimeError(
            f"lighthouse failed on {url}: {(done.stderr or done.stdout).strip()[-600:]}"
        )
    data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise RuntimeError(f"lighthouse on {url}: {data['runtimeError'].get('message')}")
    result = {"score": round(100 * data["categories"]["performance"]["score"])}
    result["categories"] = {
        name: round(100 * data["categories"][name]["score"]) for name in CATEGORIES
    }
    result["failed_audits"] = sorted(
        audit_id
        for audit_id, audit in data["audits"].items()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") == "binary"
    )
    for audit, key in AUDITS.items():
        result[key] = data["audits"][audit].get("numericValue")
    return result


def run(cli: Path, pages: dict[str, str], work: Path, chromium: str) -> dict:
    """{page name: {"mobile": {...}, "desktop": {...}}} for each page URL."""
    work.mkdir(parents=True, exist_ok=True)
    results = {}
    for name, url in pages.items():
        results[name] = {
            mode: score(
                cli, url, work / f"lighthouse-{name}-{mode}.json", mode == "desktop", chromium
            )
            for mode in ("mobile", "desktop")
        }
    return results
