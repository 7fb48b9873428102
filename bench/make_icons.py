"""The web app manifest's PNG icons, drawn by Chromium from templates/static/favicon.svg.

    .venv/bin/python bench/make_icons.py

Writes templates/static/icon-192.png, icon-512.png (the favicon itself, scaled) and
icon-maskable-512.png (the favicon's mark inside the maskable safe zone, the central circle of
80% of the width, on a full-bleed square of its background colour). The PNGs are committed: run
this again only when the favicon changes.
"""

from __future__ import annotations

import base64
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
STATIC = REPO / "templates" / "static"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def page_html(svg: str, size: int, maskable: bool) -> str:
    """A page of exactly size x size pixels showing the icon."""
    data = base64.b64encode(svg.encode()).decode()
    background = re.search(r'<rect[^>]*fill="(#[0-9a-fA-F]{6})"', svg).group(1)
    # Maskable: at 62% of the side even the mark's rounded corners (6/32 of it) stay inside the safe
    # circle (radius 40%): 0.194 * sqrt(2) + 0.116 = 0.39.
    mark = round(size * 0.62) if maskable else size
    return (
        f"<!doctype html><html><body style='margin:0;width:{size}px;height:{size}px;display:grid;"
        f"place-items:center;background:{background if maskable else 'transparent'}'>"
        f"<img src='data:image/svg+xml;base64,{data}' width='{mark}' height='{mark}'></body></html>"
    )


def main() -> int:
    svg = (STATIC / "favicon.svg").read_text(encoding="utf-8")
    icons = {
        "icon-192.png": (192, False),
        "icon-512.png": (512, False),
        "icon-maskable-512.png": (512, True),
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for name, (size, maskable) in icons.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(page_html(svg, size, maskable))
            page.screenshot(path=str(STATIC / name), omit_background=not maskable)
            page.close()
            print(f"templates/static/{name}: {size}x{size}{' maskable' if maskable else ''}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
