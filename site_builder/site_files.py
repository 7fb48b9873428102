"""The files a host, search engines and an installing browser look for: sitemap.xml, robots.txt,
.nojekyll, and the web app manifest (an asset, since pages link to it)."""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

from .config import SiteConfig


def sitemap(config: SiteConfig, urls: list[str]) -> str:
    """sitemap.xml with the absolute URL of every page (not the 404 and offline pages)."""
    entries = "".join(
        f"  <url><loc>{escape(config.site_url + config.base_path + url)}</loc></url>\n"
        for url in urls
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset '
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</urlset>\n'
    )


def robots(config: SiteConfig) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {config.site_url}{config.base_path}sitemap.xml\n"


# The manifest's colours: the light theme's page background, and the favicon's own blue; the
# browser's bar takes the header's colour of each theme (style.css --soft).
BACKGROUND_COLOR = "#ffffff"
THEME_COLOR = "#1f5f8b"
THEME_COLORS = {"light": "#f3f6f8", "dark": "#1c2026"}
MANIFEST = "manifest.webmanifest"
# Icon asset name -> (size, purpose); assets.py ships these files (PNGs drawn from favicon.svg).
ICONS = {
    "icon-192.png": ("192x192", "any"),
    "icon-512.png": ("512x512", "any"),
    "icon-maskable-512.png": ("512x512", "maskable"),
}


def manifest(config: SiteConfig, asset_urls: dict[str, str]) -> str:
    """The web app manifest: the site installs as a standalone app scoped to its base path."""
    return (
        json.dumps(
            {
                "id": config.base_path,
                "name": config.title,
                "short_name": config.short_title,
                "description": config.description,
                "start_url": config.base_path,
                "scope": config.base_path,
                "display": "standalone",
                "background_color": BACKGROUND_COLOR,
                "theme_color": THEME_COLOR,
                "icons": [
                    {
                        "src": asset_urls[name],
                        "sizes": size,
                        "type": "image/png",
                        "purpose": purpose,
                    }
                    for name, (size, purpose) in ICONS.items()
                ],
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )


def host_files(config: SiteConfig, page_urls: list[str]) -> dict[str, str]:
    """Output path -> text. .nojekyll stops GitHub Pages from hiding files that start with '_'."""
    return {
        "sitemap.xml": sitemap(config, [u for u in page_urls if u not in ("404.html", "offline/")]),
        "robots.txt": robots(config),
        ".nojekyll": "",
    }
