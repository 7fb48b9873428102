"""python -m site_builder build | check | serve | limits new-year YYYY"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from calc.limits_file import LimitsFileError

from .build import build, check, gather
from .limits_new_year import NewYearError, add_new_year
from .limits_review import review_lines
from .problems import BuildFailed

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m site_builder",
        description="Build, check and preview the mega backdoor Roth site.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="build the site into dist/")
    build_cmd.add_argument(
        "--out", type=Path, default=ROOT / "dist", help="output folder (default: dist/)"
    )
    build_cmd.add_argument(
        "--base-path",
        help="URL path the site is served under, e.g. /megabackdoor/ (default: content/site.yaml)",
    )
    build_cmd.add_argument(
        "--site-url", help="public origin, e.g. https://user.github.io (default: content/site.yaml)"
    )
    commands.add_parser("check", help="run every check of a build without writing anything")
    serve_cmd = commands.add_parser(
        "serve", help="build, serve at http://127.0.0.1:PORT/, rebuild and reload on changes"
    )
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument("--out", type=Path, default=ROOT / "dist")
    limits_cmd = commands.add_parser("limits", help="work on content/limits.yaml")
    limits_sub = limits_cmd.add_subparsers(dest="limits_command", required=True)
    new_year = limits_sub.add_parser(
        "new-year", help="append an empty block for a new tax year to fill in"
    )
    new_year.add_argument("year", type=int)
    new_year.add_argument("--file", type=Path, default=ROOT / "content" / "limits.yaml")
    limits_sub.add_parser(
        "review",
        help="list each changed limit, and every limit quoted by pages checked against an older "
        "year",
    )
    args = parser.parse_args(argv)

    if args.command == "build":
        return _run(
            lambda: build(ROOT, args.out, site_url=args.site_url, base_path=args.base_path),
            lambda r: f"built {len(r.pages)} pages into {args.out} in {r.seconds:.2f} s",
            f"{args.out} was not changed",
        )
    if args.command == "check":
        return _run(
            lambda: check(ROOT),
            lambda r: f"checked {len(r.pages)} pages in {r.seconds:.2f} s: no problems",
            "",
        )
    if args.command == "serve":
        from .serve import serve

        return serve(ROOT, args.out, args.port)
    if args.command == "limits" and args.limits_command == "review":
        return _review()
    if args.command == "limits":
        return _new_year(args.file, args.year)
    return 2


def _run(action, success, kept: str) -> int:
    try:
        report = action()
    except BuildFailed as failure:
        for problem in failure.problems:
            print(problem, file=sys.stderr)
        print(
            f"failed: {len(failure.problems)} problem(s){'; ' + kept if kept else ''}",
            file=sys.stderr,
        )
        return 1
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for note in report.notes:
        print(f"note: {note}", file=sys.stderr)
    print(success(report))
    return 0


def _review() -> int:
    try:
        site = gather(ROOT, None, None, datetime.date.today())
    except BuildFailed as failure:
        for problem in failure.problems:
            print(problem, file=sys.stderr)
        return 1
    print("\n".join(review_lines(site.markdown_sources, site.limits)))
    return 0


def _new_year(path: Path, year: int) -> int:
    try:
        add_new_year(path, year)
    except LimitsFileError as error:
        print(f"{error}\nfix the limits file before adding a year", file=sys.stderr)
        return 1
    except NewYearError as error:
        print(f"{path}: {error}", file=sys.stderr)
        return 1
    print(
        f"added an empty {year} block to {path}; fill in every value from the IRS notice, then "
        "`make build`"
    )
    return 0
