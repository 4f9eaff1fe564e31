"""``kg clean``: remove a build's outputs and its extraction cache."""

from __future__ import annotations

import argparse

__all__ = ["register", "cmd_clean"]


def cmd_clean(args: argparse.Namespace) -> int:
    """Remove the outputs of ``args.outputs`` but README.md and .gitignore."""
    from .build import clean

    removed = clean(args.outputs)
    if not args.quiet:
        if removed:
            print(f"removed {len(removed)} item(s) from {args.outputs}/: {', '.join(removed)}")
        else:
            print(f"{args.outputs}/ is already clean")
    return 0


def register(subparsers) -> None:
    """Add ``kg clean`` to the CLI."""
    p = subparsers.add_parser(
        "clean",
        help="remove the outputs of the last build and the extraction cache",
        description=(
            "Remove everything builds wrote into the outputs folder, the extraction "
            "cache (.cache/) included; README.md and .gitignore stay. The next build "
            "starts from scratch. Example: kg clean -o outputs/"
        ),
    )
    p.add_argument("-o", "--outputs", default="outputs", help="output folder (default: outputs/)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(func=cmd_clean)
