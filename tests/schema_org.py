"""The part of the schema.org vocabulary our JSON-LD uses, written out from schema.org's own
definitions (https://schema.org/WebApplication, /Article, /Offer, /Organization), to check our
structured data the way a validator would: every type is known, every property belongs to the
type (or one of its parents) and every value is of a type the property expects."""

from __future__ import annotations

import datetime
import re

# type -> parent type (schema.org's class hierarchy, up to Thing)
PARENTS = {
    "Thing": None,
    "CreativeWork": "Thing",
    "SoftwareApplication": "CreativeWork",
    "WebApplication": "SoftwareApplication",
    "Article": "CreativeWork",
    "Intangible": "Thing",
    "Offer": "Intangible",
    "Organization": "Thing",
}

# property -> (the type that declares it, the value types it expects)
PROPERTIES = {
    "name": ("Thing", {"Text"}),
    "description": ("Thing", {"Text"}),
    "url": ("Thing", {"URL"}),
    "mainEntityOfPage": ("Thing", {"URL", "CreativeWork"}),
    "headline": ("CreativeWork", {"Text"}),
    "dateModified": ("CreativeWork", {"Date", "DateTime"}),
    "inLanguage": ("CreativeWork", {"Text"}),
    "isAccessibleForFree": ("CreativeWork", {"Boolean"}),
    "author": ("CreativeWork", {"Organization", "Person"}),
    "publisher": ("CreativeWork", {"Organization", "Person"}),
    "offers": ("CreativeWork", {"Offer"}),
    "applicationCategory": ("SoftwareApplication", {"Text", "URL"}),
    "operatingSystem": ("SoftwareApplication", {"Text"}),
    "price": ("Offer", {"Number", "Text"}),
    "priceCurrency": ("Offer", {"Text"}),
}


def ancestors(type_name: str) -> list[str]:
    chain = []
    while type_name:
        chain.append(type_name)
        type_name = PARENTS[type_name]
    return chain


def value_types(value: object) -> set[str]:
    """The schema.org data types a JSON value can be read as."""
    if isinstance(value, bool):
        return {"Boolean"}
    if isinstance(value, (int, float)):
        return {"Number"}
    if isinstance(value, dict):
        return (
            set(ancestors(value.get("@type", "Thing"))) if value.get("@type") in PARENTS else {"?"}
        )
    types = {"Text"}
    if re.fullmatch(r"https?://[^\s]+", value):
        types.add("URL")
    try:
        datetime.date.fromisoformat(value)
        types.add("Date")
    except ValueError:
        pass
    return types


def check_json_ld(node: dict, path: str = "$") -> list[str]:
    """What a validator would object to in one JSON-LD node and the nodes inside it ([] when
    none)."""
    problems = []
    type_name = node.get("@type")
    if type_name not in PARENTS:
        return [f"{path}: unknown @type {type_name!r}"]
    if path == "$" and node.get("@context") != "https://schema.org":
        problems.append(f"{path}: @context must be https://schema.org")
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in PROPERTIES:
            problems.append(f"{path}.{key}: not a property we know on schema.org")
            continue
        domain, expected = PROPERTIES[key]
        if domain not in ancestors(type_name):
            problems.append(f"{path}.{key}: not a property of {type_name}")
        if not value_types(value) & expected:
            problems.append(f"{path}.{key}: expected {sorted(expected)}, got {value!r}")
        if isinstance(value, str) and not value.strip():
            problems.append(f"{path}.{key}: empty")
        if isinstance(value, dict):
            problems.extend(check_json_ld(value, f"{path}.{key}"))
    return problems
