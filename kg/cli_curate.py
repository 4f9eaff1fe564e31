"""``kg curate`` (write and list the user's corrections) and ``kg explain`` (why an
entity is what it is).

Registered by ``kg.cli``; each command parses options and calls one function of
:mod:`kg.curation` or :mod:`kg.explain`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["register", "cmd_curate", "cmd_explain", "curation_path"]

_CURATE = """\
Write a correction into the curation file the build applies on every run
(kg-curation.toml beside the transcripts). Entities are named by label, alias or id.

Examples:
  kg curate merge "Jeff" "Geoffrey Hinton"
  kg curate type "Mila" Organization
  kg curate rename "Ilya" "Ilya Sutskever"
  kg curate split "Geoffrey Hinton" --alias "Jeff" --label "Jeff Dean"
  kg curate drop "Costco EAJA"
  kg curate drop-relation "Sam Altman" worksFor "OpenAI" --quote "our CEO Sam Altman"
  kg curate alias "Geoffrey Hinton" "the godfather of AI"
  kg curate relate "Geoffrey Hinton" worksFor "Google" --note "stated in the intro"
  kg curate list

The file: --file, else the setting `curation`, else the file the last build used
(-o outputs/), else kg-curation.toml in the folder of the last build's inputs, else
./kg-curation.toml.
"""

_EXPLAIN = """\
Why an entity is what it is: the rule that attached each of its names (lexicon,
fuzzy match with its score, sound-alike, first name introduced in the transcript,
acronym, speaker label, correction...), why it has its type, and the corrections
that changed it. Reads the last build (-o outputs/).

Examples:
  kg explain "Geoffrey Hinton"
  kg explain Hinton --format json
"""

#: `kg curate` subcommands: (kind of entry, positional fields, optional fields)
_COMMANDS = {
    "merge": ("merge", ("from", "into"), ()),
    "split": ("split", ("entity",), ("alias", "transcript", "label", "type")),
    "rename": ("rename", ("entity", "label"), ()),
    "type": ("type", ("entity", "type"), ()),
    "drop": ("drop", ("entity",), ()),
    "drop-relation": ("drop_relation", ("subject", "predicate", "object"), ("quote", "transcript")),
    "alias": ("alias", ("entity", "alias"), ()),
    "relate": ("relation", ("subject", "predicate", "object"), ("quote", "note", "transcript")),
}


def register(subparsers) -> None:
    """Add ``curate`` and ``explain`` to the ``kg`` parser."""
    p = subparsers.add_parser(
        "curate",
        help="write or list the corrections every build applies",
        description=_CURATE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, (kind, positional, optional) in _COMMANDS.items():
        c = sub.add_parser(name, help=f"add a [[{kind}]] entry")
        for field in positional:
            c.add_argument(field.replace("from", "from_"), metavar=field.upper())
        for field in optional:
            c.add_argument(f"--{field}")
        _common(c)
        c.set_defaults(func=cmd_curate, kind=kind)
    c = sub.add_parser("list", help="list the entries of the curation file")
    _common(c)
    c.set_defaults(func=cmd_list)

    p = subparsers.add_parser(
        "explain",
        help="why an entity has its names and its type",
        description=_EXPLAIN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("name", help="a label, alias or id (or one word of a name)")
    p.add_argument("-o", "--outputs", default="outputs", help="the last build (default: outputs/)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_explain)


def _common(p) -> None:
    p.add_argument("--file", help="the curation file (default: see `kg curate --help`)")
    p.add_argument("-o", "--outputs", default="outputs", help="the last build (default: outputs/)")


def curation_path(args) -> Path:
    """The curation file a ``kg curate`` command writes or reads (see the help)."""
    from .config import Settings
    from .curation import CURATION_FILE

    if getattr(args, "file", None):
        return Path(args.file)
    setting = Settings.load(getattr(args, "config", None)).curation
    if setting and setting != "off":
        return Path(setting)
    report = Path(args.outputs) / "build.json"
    if report.is_file():
        data = json.loads(report.read_text(encoding="utf-8"))
        files = data.get("curation", {}).get("files") or []
        if files:
            return Path(files[0])
        inputs = data.get("inputs") or []
        if inputs:
            return Path(inputs[0]["path"]).parent / CURATION_FILE
    return Path(CURATION_FILE)


def cmd_curate(args) -> int:
    from .curation import append_entry

    _, positional, optional = _COMMANDS[args.action]
    fields = {}
    for name in (*positional, *optional):
        value = getattr(args, name.replace("from", "from_"), None)
        if value is not None and not (name == "predicate" and value == "*"):
            fields[name] = value
    path = curation_path(args)
    try:
        entry = append_entry(path, args.kind, fields)
    except ValueError as exc:
        print(f"error: {path}: {exc}; nothing written", file=sys.stderr)
        return 2
    for name in _unknown_names(args.outputs, entry, path):
        print(
            f"warning: no entity called {name!r} in the last build ({args.outputs})",
            file=sys.stderr,
        )
    print(f"{entry.where}: {entry.summary()} (applied by the next kg build)")
    return 0


def _unknown_names(outputs: str, entry, path: Path) -> list[str]:
    """Names of the entry that no entity of the last build has and no earlier entry of
    the file makes (a split's or a rename's label, an alias); none without a build."""
    from .curation import read_curation
    from .explain import find_entities
    from .graph import GRAPH_FILE, load_graph

    if not (Path(outputs) / GRAPH_FILE).is_file():
        return []
    kg = load_graph(outputs)
    keys = ("from", "into", "entity", "subject", "object")
    names = [entry.fields[k] for k in keys if k in entry.fields]
    if entry.kind == "merge":
        names = [entry.fields["from"], entry.fields["into"]]
    made = {
        e.fields[k].casefold()
        for e in read_curation(path).entries
        if e.line < entry.line
        for k in ("label", "alias")
        if k in e.fields and e.kind in ("split", "rename", "alias")
    }
    return [n for n in names if not find_entities(kg, n) and n.casefold() not in made]


def cmd_list(args) -> int:
    from .curation import read_curation

    path = curation_path(args)
    if not path.is_file():
        print(f"{path}: no corrections yet (kg curate merge|split|rename|type|drop ... adds one)")
        return 0
    curation = read_curation(path)
    for entry in curation.entries:
        print(f"{entry.where}: {entry.summary()}")
    for problem in curation.problems:
        print(f"problem: {problem}")
    report = Path(args.outputs) / "build.json"
    if report.is_file():
        data = json.loads(report.read_text(encoding="utf-8")).get("curation", {})
        for problem in data.get("problems", ()):
            if problem not in curation.problems:
                print(f"not applied by the last build: {problem}")
    return 0


def cmd_explain(args) -> int:
    from .explain import explain, find_entities
    from .graph import load_graph, plain

    kg = load_graph(args.outputs)
    if args.format == "json":
        found = find_entities(kg, args.name)
        if not found:
            explain(kg, args.name)  # raises the one-line error
        rows = [
            {
                "key": e.key,
                "label": e.label,
                "type": e.type,
                "type_reason": e.type_reason,
                "names": plain(e.origins),
                "corrections": [plain(c) for c in kg.corrections if e.key in c.entities],
            }
            for e in found
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    print(explain(kg, args.name), end="")
    return 0
