"""The files a host and search engines look for: sitemap.xml, robots.txt, .nojekyll."""

from __future__ import annotations

from xml.sax.saxutils import escape

from .config import SiteConfig


def sitemap(config: SiteConfig, urls: list[str]) -> str:
    """sitemap.xml with the absolute URL of every page (not the 404 and offline pages)."""
    entries = "".join(
        f"  <url><loc>{escape(config.site_url + config.base_path + url)}</loc></url>\n" for url in urls
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</urlset>\n'


def robots(config: SiteConfig) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {config.site_url}{config.base_path}sitemap.xml\n"


def host_files(config: SiteConfig, page_urls: list[str]) -> dict[str, str]:
    """Output path -> text. .nojekyll stops GitHub Pages from hiding files that start with '_'."""
    return {
        "sitemap.xml": sitemap(config, [u for u in page_urls if u not in ("404.html", "offline/")]),
        "robots.txt": robots(config),
        ".nojekyll": "",
    }
