import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import BASE, LIMITS, SITE_URL  # noqa: E402


@dataclass(frozen=True)
class RealSite:
    """The project's own site, built once per test session under BASE for SITE_URL."""

    served: Path  # the folder served at / (the site is at served/BASE)
    out: Path  # the site itself
    report: object  # the build's BuildReport


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> RealSite:
    """Built once for every test that only reads it: build, guides, HTML, publishing, browser."""
    from site_builder.build import build

    served = tmp_path_factory.mktemp("served")
    out = served / BASE.strip("/")
    # On a fixed day of the newest limits' year, before the IRS usually publishes the next year's
    # (November), so neither notice of newer limits comes and goes with the calendar.
    today = datetime.date(LIMITS.newest.year, 6, 15)
    report = build(ROOT, out, base_path=BASE, site_url=SITE_URL, today=today)
    return RealSite(served, out, report)
