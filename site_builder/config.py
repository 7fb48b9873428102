"""content/site.yaml: the site's title (and the short one of the installed app), description, public
URL and base path."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from calc.problems import ProblemsFound, read_text_file

from .problems import BuildFailed, Problem

KEYS = ("title", "short_title", "description", "site_url", "base_path")
SHORT_TITLE_MAX = 12  # a phone shows about this much under an installed app's icon


@dataclass(frozen=True)
class SiteConfig:
    title: str
    short_title: str  # the installed app's name under its icon
    description: str
    site_url: str  # e.g. https://user.github.io (no trailing slash)
    base_path: str  # always starts and ends with "/"

    def with_overrides(self, site_url: str | None, base_path: str | None) -> SiteConfig:
        """Apply --site-url / --base-path from the command line."""
        return replace(
            self,
            site_url=normalize_site_url(site_url) if site_url else self.site_url,
            base_path=normalize_base_path(base_path) if base_path is not None else self.base_path,
        )


def normalize_base_path(value: str) -> str:
    """'/x', 'x/', '' -> '/x/', '/'."""
    parts = [p for p in str(value).split("/") if p]
    return "/" + "".join(f"{p}/" for p in parts)


def normalize_site_url(value: str) -> str:
    return str(value).rstrip("/")


def read_site_config(path: Path, display: str) -> SiteConfig:
    """Read and check site.yaml; unknown or missing keys fail with the line."""
    try:
        root = yaml.compose(read_text_file(path, display))
    except ProblemsFound as found:
        raise BuildFailed(found.problems) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise BuildFailed(
            [Problem(display, mark.line + 1 if mark else 1, f"cannot read site config: {error}")]
        ) from None
    if not isinstance(root, yaml.MappingNode):
        raise BuildFailed([Problem(display, 1, f"expected a mapping of {', '.join(KEYS)}")])
    problems = []
    values: dict[str, str] = {}
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1
        if key_node.value not in KEYS:
            problems.append(
                Problem(
                    display,
                    line,
                    f"{key_node.value}: unknown key; expected one of [{', '.join(KEYS)}]",
                )
            )
        elif not isinstance(value_node, yaml.ScalarNode) or not value_node.value.strip():
            problems.append(Problem(display, line, f"{key_node.value}: expected text"))
        else:
            values[key_node.value] = value_node.value.strip()
    for key in KEYS:
        if key not in values and not any(p.message.startswith(f"{key}:") for p in problems):
            problems.append(Problem(display, 1, f"{key}: missing"))
    if "site_url" in values and not values["site_url"].startswith(("https://", "http://")):
        problems.append(
            Problem(
                display, 1, f"site_url: expected an http(s):// address, got '{values['site_url']}'"
            )
        )
    if len(values.get("short_title", "")) > SHORT_TITLE_MAX:
        problems.append(
            Problem(
                display,
                1,
                f"short_title: at most {SHORT_TITLE_MAX} characters, got '{values['short_title']}'",
            )
        )
    if problems:
        raise BuildFailed(problems)
    return SiteConfig(
        title=values["title"],
        short_title=values["short_title"],
        description=values["description"],
        site_url=normalize_site_url(values["site_url"]),
        base_path=normalize_base_path(values["base_path"]),
    )
