"""Files the pages load: static CSS/JS, the calc archive, the limits JSON, Pyodide's core and
the reduced Python library the calculator worker starts with.

Names carry a content hash (style-1a2b3c4d5e.css), so a browser or service
worker may cache them forever and a new build replaces them cleanly. Pyodide's
files keep their names under a versioned folder (pyodide/314.0.7/).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from calc.limits import Limits, limits_to_dict
from calc.protocol import (
    ASSETS_FOLDER,
    FILE_FOLDERS,
    PYODIDE_FOLDER,
    SNAPSHOT_PREFIX,
    START_PARAMETERS,
    javascript_constants,
    javascript_declarations,
    javascript_module,
)

from .config import SiteConfig
from .problems import BuildFailed, Problem
from .python_stdlib import python_stdlib
from .site_files import ICONS, MANIFEST, manifest

# Pyodide's core. Its full standard library is replaced by the reduced one (python_stdlib.py), and
# its package lock file by the few fields the worker passes itself (no packages are loaded).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# Modules before the scripts that import them: an import names the hashed file (see static_file).
# The generated protocol.mjs comes first of all (calc/protocol.py).
STATIC_FILES = (
    "style.css",
    "protocol-messages.mjs",
    "calc-python.mjs",
    "calculator.js",
    "calc-worker.js",
    "site.js",
)
SERVICE_WORKER = "sw.js"  # fixed name at the site root: its scope is the whole site
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed, so the archive (and its hash) depends only on the code


@dataclass
class Assets:
    """Output path -> bytes or a file to copy, and the URL (under the base path) of each named
    asset."""

    files: dict[str, bytes | Path] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)
    worker_start: dict[str, str | int] = field(default_factory=dict)  # protocol.START_PARAMETERS

    def add_hashed(self, name: str, data: bytes, base_path: str) -> None:
        stem, dot, suffix = name.rpartition(".")
        digest = hashlib.sha256(data).hexdigest()[:10]
        path = f"{ASSETS_FOLDER}{stem}-{digest}.{suffix}"
        self.files[path] = data
        self.urls[name] = base_path + path


# calc/ modules the browser never imports: the command line and the build's declarations.
NOT_IN_THE_BROWSER = ("__main__.py", "cli.py", "protocol.py")


def calc_archive(calc_dir: Path) -> bytes:
    """calc/*.py as one zip for pyodide.unpackArchive, byte-for-byte reproducible."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in calc_dir.glob("*.py") if p.name not in NOT_IN_THE_BROWSER):
            info = zipfile.ZipInfo(f"calc/{path.name}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def gather_assets(root: Path, limits: Limits, config: SiteConfig) -> Assets:
    """Every asset of the site, hashed and ready to write."""
    assets = Assets()
    base_path = config.base_path
    static = root / "templates" / "static"
    assets.add_hashed("protocol.mjs", javascript_module().encode(), base_path)
    for name in STATIC_FILES:
        assets.add_hashed(name, static_file(static / name, assets), base_path)
    archive = calc_archive(root / "calc")
    assets.add_hashed("calc.zip", archive, base_path)
    limits_json = json.dumps(limits_to_dict(limits), sort_keys=True, separators=(",", ":")).encode()
    assets.add_hashed("limits.json", limits_json, base_path)
    assets.files["favicon.svg"] = (static / "favicon.svg").read_bytes()
    assets.urls["favicon.svg"] = base_path + "favicon.svg"
    for name in ICONS:  # the installed app's icons (drawn by bench/make_icons.py), in the manifest
        assets.add_hashed(name, (static / name).read_bytes(), base_path)
    assets.files[MANIFEST] = manifest(config, assets.urls).encode()
    assets.urls[MANIFEST] = base_path + MANIFEST

    pyodide_dir = root / "node_modules" / "pyodide"
    package = pyodide_dir / "package.json"
    version = pyodide_version(package)
    for name in PYODIDE_FILES:
        assets.files[f"{PYODIDE_FOLDER}{version}/{name}"] = pyodide_dir / name
    assets.urls[PYODIDE_FOLDER] = f"{base_path}{PYODIDE_FOLDER}{version}/"
    stdlib = python_stdlib(pyodide_dir, archive, limits_json).read_bytes()
    assets.add_hashed("python-stdlib.zip", stdlib, base_path)
    lock = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    # The worker makes a memory snapshot of Python after its first start and keeps it in Cache
    # Storage under this name (never on the server), so it changes with everything Python holds.
    snapshot_key = hashlib.sha256(
        b"".join(
            hashlib.sha256(part).digest()
            for part in (
                package.read_bytes(),
                stdlib,
                archive,
                static_file(static / "calc-python.mjs", assets),
            )
        )
    ).hexdigest()[:10]
    snapshot = f"{ASSETS_FOLDER}{SNAPSHOT_PREFIX}{snapshot_key}.bin"
    assets.urls["python-snapshot"] = base_path + snapshot
    downloads = [
        *((pyodide_dir / name).stat().st_size for name in PYODIDE_FILES),
        len(stdlib),
        len(archive),
        len(limits_json),
    ]
    lock_info = json.dumps(lock["info"], sort_keys=True)
    assets.worker_start = worker_start(assets.urls, base_path, lock_info, sum(downloads))
    assets.urls[SERVICE_WORKER] = (
        base_path + SERVICE_WORKER
    )  # written last by the build: it lists every page
    return assets


def pyodide_version(package: Path) -> str:
    """The installed Pyodide's version, from its package.json; BuildFailed if it is missing."""
    if not package.exists():
        raise BuildFailed(
            [
                Problem(
                    "package.json", 1, "node_modules/pyodide is missing: run `make setup` (npm ci)"
                )
            ]
        )
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def worker_start(
    urls: dict[str, str], base_path: str, lock_info: str, runtime_bytes: int
) -> dict[str, str | int]:
    """The start parameters (calc/protocol.py) of this build, in their declared order."""
    values = {
        "pyodide": urls[PYODIDE_FOLDER],
        "python_stdlib": urls["python-stdlib.zip"],
        "pyodide_lock": lock_info,
        "calc_archive": urls["calc.zip"],
        "python_snapshot": urls["python-snapshot"],
        "limits": urls["limits.json"],
        "base_path": base_path,
        "runtime_bytes": runtime_bytes,
    }
    if set(values) != set(START_PARAMETERS):
        raise ValueError(
            f"start parameters {sorted(values)} are not calc/protocol.py's "
            f"{sorted(START_PARAMETERS)}"
        )
    return {name: values[name] for name in START_PARAMETERS}


def static_file(path: Path, assets: Assets) -> bytes:
    """A static file as shipped: scripts import their modules by hashed name."""
    data = path.read_bytes()
    if path.suffix not in (".js", ".mjs"):
        return data
    text = data.decode("utf-8")
    for name, url in assets.urls.items():
        if name.endswith(".mjs"):
            text = text.replace(f'"./{name}"', f'"./{url.rsplit("/", 1)[1]}"')
    return text.encode("utf-8")


# The one place a script gets values from the build: the service worker, a classic script that
# cannot import the generated protocol.mjs, has this marker replaced by the same declarations.
CONSTANTS_MARKER = "/*CONSTANTS*/\n"


def service_worker(root: Path, assets: Assets, base_path: str, pages: list[str]) -> bytes:
    """The service worker with the protocol's constants and this build's base path, files and
    pages (paths under it) written in at its marker."""
    files = sorted(
        [base_path + path for path in assets.files if path.startswith(FILE_FOLDERS)]
        + [assets.urls["python-snapshot"]]
    )
    build = {"BASE": base_path, "FILES": files, "SITE_PAGES": [base_path + page for page in pages]}
    text = (root / "templates" / "static" / SERVICE_WORKER).read_text(encoding="utf-8")
    if text.count(CONSTANTS_MARKER) != 1:
        raise ValueError(f"templates/static/{SERVICE_WORKER}: no single {CONSTANTS_MARKER.strip()}")
    constants = javascript_declarations({**javascript_constants(), **build}, export=False)
    return text.replace(CONSTANTS_MARKER, constants).encode()
