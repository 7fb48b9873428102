"""The benchmark's own tools, installed under bench/.work/ (never into the project):
a venv with MkDocs from PyPI, and the npm package lighthouse."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
WORK = BENCH / ".work"
VENV = WORK / "venv"
MKDOCS_SPEC = "mkdocs==1.6.1"
# Lighthouse 13 needs Node 22.19+; 12.x is the newest line that runs on Node 18.16+.
LIGHTHOUSE_FOR_NODE = ((22, 19), "lighthouse@13", "lighthouse@12")


def venv_python() -> Path:
    return VENV / "bin" / "python"


def ensure_mkdocs() -> Path:
    """bench/.work/venv with MkDocs; returns its python."""
    marker = VENV / f".installed-{MKDOCS_SPEC}"
    if not marker.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
        done = subprocess.run(
            [
                str(venv_python()),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                MKDOCS_SPEC,
            ],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"pip install {MKDOCS_SPEC} failed: {(done.stderr or done.stdout).strip()[-600:]}"
            )
        marker.touch()
    return venv_python()


def mkdocs_version() -> str:
    out = subprocess.run(
        [str(venv_python()), "-c", "import mkdocs; print(mkdocs.__version__)"],
        capture_output=True,
        text=True,
    )
    return out.stdout.strip()


def node_version() -> tuple[int, int] | None:
    try:
        out = subprocess.run(
            ["node", "--version"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    major, minor, *_ = out.strip().lstrip("v").split(".")
    return int(major), int(minor)


def ensure_lighthouse() -> Path:
    """npm install --prefix bench/.work lighthouse (the line this Node supports); returns its CLI.

    Raises RuntimeError with the reason when it cannot be installed."""
    cli = WORK / "node_modules" / "lighthouse" / "cli" / "index.js"
    if cli.exists():
        return cli
    node = node_version()
    if node is None:
        raise RuntimeError("node is not installed")
    needs, newest, older = LIGHTHOUSE_FOR_NODE
    spec = newest if node >= needs else older
    WORK.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["npm", "install", "--prefix", str(WORK), "--no-audit", "--no-fund", "--no-save", spec],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not cli.exists():
        raise RuntimeError(
            f"npm install {spec} failed: {(done.stderr or done.stdout).strip()[-400:]}"
        )
    return cli


def lighthouse_version() -> str:
    package = WORK / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text())["version"] if package.exists() else ""


if __name__ == "__main__":
    print(ensure_mkdocs(), mkdocs_version())
    print(ensure_lighthouse(), lighthouse_version())
