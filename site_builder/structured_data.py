"""JSON-LD for search engines (schema.org): each calculator page is a free WebApplication, each
guide an Article dated by its last review. Data only: the page's CSP runs no inline script."""

from __future__ import annotations

import json

from .config import SiteConfig
from .sources import Source


def web_application(config: SiteConfig, url: str, name: str, description: str) -> dict:
    """A calculator page: a free finance web application that runs in any browser."""
    return {
        "@context": "https://schema.org",
        "@type": "WebApplication",
        "name": name,
        "description": description,
        "url": config.site_url + config.base_path + url,
        "applicationCategory": "FinanceApplication",
        "operatingSystem": "Any (runs in a web browser)",
        "isAccessibleForFree": True,
        "offers": {"@type": "Offer", "price": "0", "priceCurrency": "USD"},
        "publisher": {
            "@type": "Organization",
            "name": config.title,
            "url": config.site_url + config.base_path,
        },
    }


def article(config: SiteConfig, source: Source) -> dict:
    """A guide: its headline, description and the day it was last checked against the rules."""
    return {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": source.title,
        "description": source.description,
        "url": config.site_url + config.base_path + source.url,
        "mainEntityOfPage": config.site_url + config.base_path + source.url,
        "dateModified": source.last_reviewed.isoformat(),
        "inLanguage": "en-US",
        "isAccessibleForFree": True,
        "author": {
            "@type": "Organization",
            "name": config.title,
            "url": config.site_url + config.base_path,
        },
        "publisher": {
            "@type": "Organization",
            "name": config.title,
            "url": config.site_url + config.base_path,
        },
    }


def json_ld(data: dict) -> str:
    """The JSON for a <script type="application/ld+json"> element: no "<" at all, so no text in it
    (a guide's title, say) can close the element or open a comment."""
    return (
        json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
