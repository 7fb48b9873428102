"""python -m site_builder build | serve | check"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import build
from .problems import BuildFailed

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m site_builder", description="Build and serve the mega backdoor Roth site.")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="build the site into dist/")
    build_cmd.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    build_cmd.add_argument("--base-path", help="URL path the site is served under, e.g. /megabackdoor/")
    build_cmd.add_argument("--site-url", help="public origin, e.g. https://user.github.io")
    serve_cmd = commands.add_parser("serve", help="build, then serve dist/ locally")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)

    if args.command == "build":
        return _build(args.out, args.site_url, args.base_path)
    if args.command == "serve":
        status = _build(args.out, None, "/")
        if status:
            return status
        from .serve import serve

        return serve(args.out, args.port)
    return 2


def _build(out: Path, site_url: str | None, base_path: str | None) -> int:
    try:
        report = build(ROOT, out, site_url=site_url, base_path=base_path)
    except BuildFailed as failure:
        for problem in failure.problems:
            print(problem, file=sys.stderr)
        print(f"build failed: {len(failure.problems)} problem(s); {out} was not changed", file=sys.stderr)
        return 1
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"built {len(report.pages)} pages into {out} in {report.seconds:.2f} s")
    return 0
