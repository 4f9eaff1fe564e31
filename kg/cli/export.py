"""``kg export FORMAT``: the last build to a graph database, a triple store or a graph file.

Each format is its own sub-command with its own options and ``--help``; all of them
call :func:`kg.export.export`. As in every command, ``-o/--outputs`` is the folder of
the build to read; ``--to`` is where the export goes (a file, a folder to put it in, or
``-`` for stdout).
"""

from __future__ import annotations

import argparse
import os
import sys

from .common import add_outputs, add_quiet, choice, whole_number

__all__ = ["register", "cmd_export"]

_EPILOG = """\
formats:
  neo4j     CSV files for neo4j-admin import + load.cypher; --uri pushes to a running server
  falkordb  load into a running FalkorDB server (--host/--port/--graph)
  kuzu      bulk-load into a Kuzu database file (COPY FROM CSV)
  sparql    replace a named graph of a remote SPARQL store (Graph Store Protocol or Update)
  graphml   GraphML for yEd, Cytoscape, Gephi
  gexf      GEXF for Gephi
  json      node-link JSON (d3, networkx) with each edge's evidence
  jsonld    JSON-LD with a @context
  nt, trig, nquads   the build's RDF as N-Triples, TriG, N-Quads

--to PATH: a file; an existing folder or one written with a trailing / (made if
needed) gets the format's usual file name inside it; - is stdout for text formats.

examples:
  kg export graphml --to graph.graphml
  kg export graphml --to exports/             # exports/graph.graphml
  kg export neo4j --to neo4j-import/          # then: sh neo4j-import/import.sh
  kg export neo4j --uri bolt://localhost:7687 --user neo4j --password secret
  kg export falkordb --host localhost --port 6379 --graph podcasts
  kg export kuzu --to podcasts.kuzu -o other-build/
  kg export sparql --endpoint http://localhost:8890/sparql-graph-crud-auth \\
      --user dba --password dba --auth digest
"""

_FILE_HELP = {
    "graphml": "GraphML (entities and relations, flat attributes)",
    "gexf": "GEXF 1.2 for Gephi",
    "json": "node-link JSON with every edge's evidence",
    "jsonld": "JSON-LD of every named graph, with a @context",
    "nt": "the build's N-Triples (graph.nt)",
    "trig": "the build's TriG (graph.trig)",
    "nquads": "the build's N-Quads (graph.nq)",
}


_positive = whole_number(1)

#: What to do with each export once written: the end of the success line.
NEXT = {
    "neo4j": "then: sh {to}/import.sh neo4j, or cypher-shell -f {to}/load.cypher",
    "falkordb": 'query it: redis-cli GRAPH.QUERY <graph> "MATCH (n) RETURN count(n)"',
    "kuzu": "open it: kuzu.Database('{to}', read_only=True)",
    "sparql": "query it at the endpoint",
    "graphml": "open it in yEd, Cytoscape or Gephi",
    "gexf": "open it in Gephi",
    "json": "load it: networkx.node_link_graph(json.load(open('{to}')), edges='links')",
    "jsonld": "load it into any JSON-LD processor",
    "nt": "load it into any RDF store",
    "trig": "load it into any RDF store",
    "nquads": "load it into any RDF store",
}


def _password(args: argparse.Namespace) -> str | None:
    return args.password if args.password is not None else os.environ.get("KG_EXPORT_PASSWORD")


def _options(args: argparse.Namespace) -> dict:
    """The library options of the chosen format, from its parsed arguments."""
    fmt = args.format
    if fmt == "neo4j":
        opts: dict = {"batch": args.batch_size}
        if args.uri:
            opts.update(
                uri=args.uri, user=args.user, password=_password(args), database=args.database
            )
        return opts
    if fmt == "falkordb":
        return {
            "host": args.host,
            "port": args.port,
            "graph": args.graph,
            "username": args.user,
            "password": _password(args),
            "replace": args.replace,
            "batch": args.batch_size,
        }
    if fmt == "sparql":
        return {
            "endpoint": args.endpoint,
            "graph": args.graph,
            "protocol": args.protocol,
            "user": args.user,
            "password": _password(args),
            "auth": args.auth,
            "chunk": args.chunk,
        }
    return {}


def cmd_export(args: argparse.Namespace) -> int:
    """Run the export and print its one-line summary (on stderr when the data goes to stdout)."""
    from ..export import export

    output = getattr(args, "to", None)
    _check_outputs(args.outputs)
    result = export(args.format, args.outputs, output, **_options(args))
    if not args.quiet:
        hint = NEXT[args.format].format(to=result.destination)
        print(f"{result.summary()} ({hint})", file=sys.stderr if output == "-" else sys.stdout)
    return 0


def _check_outputs(outputs: str) -> None:
    """``-o`` names the build to read; say so when it looks like an export target (it
    was the target in earlier versions: ``kg export graphml -o graph.graphml``)."""
    from pathlib import Path

    from ..errors import KgError

    if not Path(outputs).is_dir():
        raise KgError(
            f"{outputs}: no build found (run kg build first; -o/--outputs names the build "
            f"to read, --to where the export goes: --to {outputs})"
        )


def _common(parser: argparse.ArgumentParser) -> None:
    add_outputs(parser, "the build to export")
    add_quiet(parser)
    parser.set_defaults(func=cmd_export)


def _batch_size(parser: argparse.ArgumentParser) -> None:
    from ..export.cypher import DEFAULT_BATCH

    parser.add_argument(
        "--batch-size",
        type=_positive,
        default=DEFAULT_BATCH,
        help=f"rows per UNWIND (default: {DEFAULT_BATCH})",
    )


def _login(parser: argparse.ArgumentParser, user_default: str | None) -> None:
    parser.add_argument(
        "--user", default=user_default, help=f"user name (default: {user_default or 'none'})"
    )
    parser.add_argument("--password", help="password (default: $KG_EXPORT_PASSWORD)")


def _add_file_format(sub, name: str, help_text: str, file_name: str) -> None:
    p = sub.add_parser(
        name,
        help=help_text,
        description=f"{help_text}. Example: kg export {name} --to {file_name}",
    )
    p.add_argument(
        "--to",
        metavar="PATH",
        help=f"file to write; a folder (existing, or ending in /) gets {file_name} inside "
        f"it; - for stdout (default: <outputs>/export/{file_name})",
    )
    _common(p)


def register(subparsers) -> None:
    """Add ``kg export`` and its per-format sub-commands to the ``kg`` parser."""
    from ..export import FILE_NAMES
    from ..export.falkordb import DEFAULT_GRAPH as FALKOR_GRAPH
    from ..export.falkordb import DEFAULT_PORT
    from ..export.sparql import AUTH_SCHEMES, PROTOCOLS
    from ..export.sparql import DEFAULT_GRAPH as SPARQL_GRAPH

    parser = subparsers.add_parser(
        "export",
        help="export the last build to Neo4j, FalkorDB, Kuzu, a SPARQL store or a graph file",
        description="Export the last build. Example: kg export graphml -o graph.graphml",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="format", metavar="FORMAT", required=True)

    p = sub.add_parser(
        "neo4j",
        help="neo4j-admin CSV files + Cypher script, or push with --uri",
        description="Write CSV files for `neo4j-admin database import` and load.cypher "
        "(for cypher-shell), or with --uri load a running server through the neo4j driver. "
        "Example: kg export neo4j --to neo4j-import/",
    )
    p.add_argument(
        "--to",
        metavar="DIR",
        help="folder for the files (default: <outputs>/export/neo4j)",
    )
    p.add_argument(
        "--uri",
        help="bolt:// or neo4j:// URI of a running server: load it instead of writing files",
    )
    _login(p, "neo4j")
    p.add_argument("--database", help="database name (default: the server's default)")
    _batch_size(p)
    _common(p)

    p = sub.add_parser(
        "falkordb",
        help="load into a running FalkorDB server",
        description="Load the graph into FalkorDB (MERGE: running it again adds nothing). "
        "Example: kg export falkordb --port 6379 --graph podcasts",
    )
    p.add_argument("--host", default="127.0.0.1", help="server host (default: 127.0.0.1)")
    p.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"server port (default: {DEFAULT_PORT})"
    )
    p.add_argument("--graph", default=FALKOR_GRAPH, help=f"graph name (default: {FALKOR_GRAPH})")
    _login(p, None)
    p.add_argument(
        "--replace", action="store_true", help="delete the graph first (after a rebuild)"
    )
    _batch_size(p)
    _common(p)

    p = sub.add_parser(
        "kuzu",
        help="bulk-load into a Kuzu database",
        description="Create (or replace) the kg tables of a Kuzu database and COPY the graph in. "
        "Example: kg export kuzu --to podcasts.kuzu",
    )
    p.add_argument(
        "--to",
        metavar="PATH",
        help="Kuzu database file; a folder (existing, or ending in /) gets graph.kuzu inside "
        "it (default: <outputs>/export/graph.kuzu)",
    )
    _common(p)

    p = sub.add_parser(
        "sparql",
        help="replace a named graph of a remote SPARQL store",
        description="Send the build's triples to a SPARQL store, replacing one named graph. "
        "Example: kg export sparql --endpoint http://localhost:8890/sparql-graph-crud-auth "
        "--user dba --password dba --auth digest",
    )
    p.add_argument(
        "--endpoint",
        required=True,
        metavar="URL",
        help="Graph Store Protocol URL (--protocol gsp) or SPARQL Update URL (--protocol update)",
    )
    p.add_argument(
        "--graph",
        default=SPARQL_GRAPH,
        metavar="IRI",
        help=f"named graph (default: {SPARQL_GRAPH})",
    )
    p.add_argument(
        "--protocol",
        type=choice(PROTOCOLS, "protocol"),
        metavar="|".join(PROTOCOLS),
        default="gsp",
        help="gsp: PUT/POST N-Triples (default); update: DROP GRAPH + INSERT DATA",
    )
    _login(p, None)
    p.add_argument(
        "--auth",
        type=choice(AUTH_SCHEMES, "scheme"),
        metavar="|".join(AUTH_SCHEMES),
        default="basic",
        help="HTTP authentication (default: basic)",
    )
    p.add_argument(
        "--chunk",
        type=_positive,
        help="triples per request (default: 100000 for gsp, 1000 for update)",
    )
    _common(p)

    for name, help_text in _FILE_HELP.items():
        _add_file_format(sub, name, help_text, FILE_NAMES[name])
