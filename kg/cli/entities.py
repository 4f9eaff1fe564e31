"""``kg entities`` (list what the last build found) and ``kg validate`` (SHACL check)."""

from __future__ import annotations

import argparse

from .common import add_outputs, choice, settings

__all__ = ["register", "cmd_entities", "cmd_validate"]


def register(subparsers) -> None:
    """Add ``kg entities`` and ``kg validate``."""
    from ..model import ENTITY_TYPES

    p = subparsers.add_parser(
        "entities",
        help="list the entities of the last build",
        description="List the entities of the last build, most mentioned first. "
        "Examples: kg entities --type person; kg entities --format csv > entities.csv",
    )
    add_outputs(p)
    p.add_argument(
        "--type",
        type=choice(ENTITY_TYPES, "type"),
        metavar="TYPE",
        help=f"only this type, in any case: {', '.join(ENTITY_TYPES)}",
    )
    p.add_argument(
        "--format",
        default="table",
        type=choice(("table", "csv", "json"), "format"),
        metavar="table|csv|json",
        help="table for reading (long cells end in …), csv or json for programs (default: table)",
    )
    p.add_argument(
        "--exact-csv",
        action="store_true",
        help="CSV cells exactly as stored (for programs); by default a cell starting with "
        "= + - @ gets a ' so a spreadsheet shows it as text, not a formula",
    )
    p.set_defaults(func=cmd_entities)

    p = subparsers.add_parser(
        "validate",
        help="check the last build against ontology/shapes.ttl (SHACL)",
        description="Check the last build against the SHACL shapes (the ontology setting "
        "may name your own). Prints each violation with its node; exit 1 on any. "
        "Example: kg validate -o outputs/",
    )
    add_outputs(p)
    p.set_defaults(func=cmd_validate)


def cmd_entities(args: argparse.Namespace) -> int:
    from ..entities_report import entities_table

    print(entities_table(args.outputs, args.type, args.format, not args.exact_csv), end="")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from ..validate import validate_outputs

    report = validate_outputs(args.outputs, settings(args).ontology)
    print(report.text, end="")
    return 0 if report.conforms else 1
