"""Screenshots of every page at 375 px (a phone) and 1366 px (a laptop), light and dark, to look at.

    .venv/bin/python bench/screenshots.py [page-path ...]

Builds the site, serves it on localhost, and writes full-page PNGs to bench/.work/screenshots/
(<page>-<width>-<theme>.png). Calculators are shown live (guides after a tap on their first
calculator), with "Show the working" open. With page paths (e.g. calculators/year-plan/), only
those.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from site_builder.serve import Handler  # noqa: E402

OUT = BENCH / ".work" / "screenshots"
SIZES = {375: 812, 1366: 800}
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def build(work: Path) -> Path:
    site = work / "site"
    subprocess.run(
        [sys.executable, "-m", "site_builder", "build", "--out", str(site)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    return site


def page_paths(site: Path) -> list[str]:
    paths = []
    for html in sorted(site.rglob("index.html")):
        relative = html.parent.relative_to(site).as_posix()
        paths.append("" if relative == "." else relative + "/")
    return paths


def main(only: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    site = build(BENCH / ".work" / "screenshot-site")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None,
            args=FLAGS,
        )
        for width, height in SIZES.items():
            for theme in ("light", "dark"):
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    color_scheme=theme,
                    is_mobile=width < 500,
                    has_touch=width < 500,
                )
                page = context.new_page()
                for path in only or page_paths(site):
                    page.goto(origin + path)
                    if page.locator("form[data-calculator]").count():
                        page.locator("form[data-calculator] :is(input, select)").first.focus()
                        page.wait_for_function(
                            "() => Array.from(document.querySelectorAll('form[data-calculator]'))"
                            ".every(f => ['live', 'invalid', 'error'].includes(f.dataset.state))",
                            timeout=90000,
                        )
                        page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
                    page.eval_on_selector_all("details", "all => all.forEach(d => d.open = true)")
                    name = (path.strip("/").replace("/", "-") or "home") + f"-{width}-{theme}.png"
                    page.screenshot(path=str(OUT / name), full_page=True)
                context.close()
        browser.close()
    server.shutdown()
    print(f"wrote {len(list(OUT.glob('*.png')))} screenshots to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
