"""``kg render``: re-draw the HTML pages of the last build without re-extracting.

Registered by :mod:`kg.cli`; the command only parses options and calls
:func:`kg.viz.render_outputs`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import add_outputs, add_quiet, settings

__all__ = ["register", "cmd_render"]

_DESCRIPTION = """\
Re-render graph.html, index.html and transcripts/<id>.html from the last build
(outputs/graph.json) without re-extracting anything. Pages open from file://
with no network. Files are written to a temporary folder and moved into place.

Examples:
  kg render                                  # into outputs/
  kg render --max-nodes 500 --types person organization --to /tmp/people
  kg render -o other-outputs --max-nodes 0   # 0: draw every entity
"""


def register(subparsers) -> None:
    """Add the ``render`` command to the ``kg`` parser."""
    p = subparsers.add_parser(
        "render",
        help="re-render the HTML pages from the last build",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_outputs(p, "the last build, holding graph.json")
    p.add_argument(
        "--to",
        metavar="DIR",
        help="folder to write the pages to (default: the outputs folder)",
    )
    p.add_argument(
        "--max-nodes",
        dest="max_nodes",
        type=_count,
        metavar="N",
        help="draw at most N entities, the most central (PageRank) first; 0 draws all "
        "(default: the max_nodes setting)",
    )
    p.add_argument(
        "--types",
        nargs="+",
        metavar="T",
        help="only entities of these types, in any case: Person Organization Place Product "
        "Work Concept Event",
    )
    add_quiet(p)
    p.set_defaults(func=cmd_render)


def cmd_render(args) -> int:
    """Render the pages; print where they went."""
    from ..viz import render_outputs

    written = render_outputs(args.outputs, args.to, settings(args), args.types)
    if not args.quiet:
        target = Path(args.to if args.to is not None else args.outputs)
        print(
            f"wrote {len(written)} page(s) to {target}/ (open {target / 'index.html'})",
            file=sys.stdout,
        )
    return 0


def _count(value: str) -> int:
    """A whole number >= 0, for argparse."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 (no limit) or more")
    return number
