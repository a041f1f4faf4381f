"""The command line: thin commands over library calls.

Exit status: 0 success, 1 problems in the content, 2 a usage error. A user's
mistake is always a message, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TextIO

from . import __version__, pipeline, schema
from .diagnostics import ContentError, UsageError
from .targets import TARGETS

COMMANDS = ("build", "check", "schema")


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=Path("."),
                        help="project folder holding content/ and scenarios/ (default: current folder)")
    common.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    parser = argparse.ArgumentParser(prog="casebook", description="Build conduct-training scenarios "
                                     "into SCORM packages, a web quiz and PDF briefing packs.")
    parser.add_argument("--version", action="version", version=f"casebook {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = sub.add_parser("build", parents=[common], help="validate, then build every course (default)")
    build.add_argument("--out", type=Path, help="output folder (default: ROOT/output)")
    build.add_argument("--force", action="append", metavar="ID",
                       help="force profile id; repeat for several, or 'all' (default: default)")
    build.add_argument("--target", action="append", metavar="NAME",
                       help=f"build only this target: {', '.join(TARGETS)}; repeatable (default: all)")
    build.add_argument("--rebuild", action="store_true",
                       help="rebuild every course, even one whose output is up to date")
    sub.add_parser("check", parents=[common], help="validate and lint only; writes nothing")
    sch = sub.add_parser("schema", parents=[common], help="print the JSON Schema of the content files")
    sch.add_argument("kind", nargs="?", choices=sorted(schema.KINDS),
                     help="one kind of file (default: all, keyed by kind)")
    return parser


def main(argv: list[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run one command; returns the exit status."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    args_in = list(sys.argv[1:] if argv is None else argv)
    if not args_in or (args_in[0] not in COMMANDS and args_in[0] not in ("-h", "--help", "--version")):
        args_in.insert(0, "build")
    try:
        args = _parser().parse_args(args_in)
    except SystemExit as exc:
        return int(exc.code or 0)
    handler = _logging(stderr, args.quiet)
    try:
        return _run(args, stdout)
    except ContentError as exc:
        print(exc.report(), file=stderr)
        return 1
    except UsageError as exc:
        print(f"casebook: error: {exc}", file=stderr)
        return 2
    except OSError as exc:  # a full disk or a read-only folder: nothing was published
        print(f"casebook: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=stderr)
        return 1
    finally:
        logging.getLogger("casebook").removeHandler(handler)


def _run(args: argparse.Namespace, stdout: TextIO) -> int:
    root = args.root.resolve()
    if not root.is_dir():
        raise UsageError(f"--root {args.root}: no such folder")
    if args.command == "schema":
        stdout.write(schema.render(args.kind))
        return 0
    log = logging.getLogger("casebook")
    if args.command == "check":
        library = pipeline.check(root)
        log.info("ok: %s, %s, %s", _count(library.scenarios, "scenario"), _count(library.courses, "course"),
                 _count(library.forces, "force profile"))
        return 0
    request = pipeline.BuildRequest(root=root, out=(args.out or root / "output").resolve(),
                                    forces=tuple(args.force or ["default"]),
                                    targets=tuple(args.target or ()), rebuild=args.rebuild)
    pipeline.build(request)
    return 0


def _count(items: dict[str, object], noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


def _logging(stream: TextIO, quiet: bool) -> logging.Handler:
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("casebook")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
    return handler
