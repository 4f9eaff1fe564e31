"""``kg query`` and ``kg serve``: SPARQL over the last build, from the shell or HTTP."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import QueryError
from .common import add_outputs, choice, whole_number

__all__ = ["register", "cmd_query", "cmd_serve"]

_QUERY_HELP = """\
Run a SPARQL query against the store of the last build (outputs/store).
The project's prefixes (kg:, kgr:, id:, tr:, rdfs:, skos:, schema:, prov:, dcterms:, ...)
need no PREFIX lines; the default graph is the union of every transcript's graph.

examples:
  kg query "SELECT ?p ?o WHERE { ?p kg:worksFor ?o }"
  kg query -f my.rq --format csv
  kg query --list
  kg query about_entity --param label=Hinton
  kg query speaker_topics --param speaker="Lex Fridman" --format json
  kg query "CONSTRUCT WHERE { ?s kg:founded ?o }" --format turtle

--param name=value binds ?name: <iri> or prefix:name give an IRI, 42 or 0.5 a
number, anything else a string.
"""

_SERVE_HELP = """\
Serve the last build: the SPARQL 1.1 Protocol at /sparql (GET ?query=, POST form or
application/sparql-query; read-only; param.NAME=value binds ?NAME like --param), a
query page at /, entity pages at /entity/KEY and the interactive graph at /graph.
Queries past --timeout are stopped (503); results past --max-results are cut
(header X-KG-Truncated: true).

example:
  kg serve --port 7878 -o outputs/
  curl -G -H 'Accept: text/csv' --data-urlencode 'query=SELECT ?s ?o WHERE { ?s kg:worksFor ?o }' http://127.0.0.1:7878/sparql
"""


def register(subparsers) -> None:
    """Add the ``query`` and ``serve`` commands."""
    from ..sparql import FORMATS

    p = subparsers.add_parser(
        "query",
        help="run a SPARQL query or a named query",
        description=_QUERY_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "query", nargs="?", help="SPARQL text, or the NAME of a named query (see --list)"
    )
    p.add_argument(
        "-f", "--file", metavar="FILE", help="read the query from this file ('-' for stdin)"
    )
    p.add_argument(
        "--list", action="store_true", help="list the named queries and what they answer"
    )
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind a variable (repeatable)",
    )
    p.add_argument(
        "--format",
        type=choice(FORMATS, "format"),
        metavar="FORMAT",
        help="table (default), csv, tsv, json, xml for SELECT/ASK; turtle (default), ntriples, "
        "rdfxml, jsonld, n3, table for CONSTRUCT/DESCRIBE",
    )
    p.add_argument(
        "--exact-csv",
        action="store_true",
        help="CSV cells exactly as stored (for programs); by default a cell starting with "
        "= + - @ gets a ' so a spreadsheet shows it as text, not a formula",
    )
    p.add_argument(
        "--max-width",
        type=whole_number(0),
        metavar="N",
        default=60,
        help="cut table cells to this many characters (0: never)",
    )
    add_outputs(p)
    p.set_defaults(func=cmd_query)

    p = subparsers.add_parser(
        "serve",
        help="SPARQL endpoint and web UI over the last build",
        description=_SERVE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only)",
    )
    p.add_argument(
        "--port", type=int, default=7878, help="port (default: 7878; 0 picks a free one)"
    )
    add_outputs(p, "the build to serve")
    p.add_argument(
        "--timeout", type=float, help="seconds a query may run (default: setting query_timeout)"
    )
    p.add_argument(
        "--max-results", type=int, help="rows returned at most (default: setting max_results)"
    )
    p.add_argument(
        "--query-memory",
        type=int,
        metavar="MIB",
        help="memory one query may take, in MiB; 0 for no cap (default: setting query_memory)",
    )
    p.add_argument(
        "--max-result-bytes",
        type=int,
        metavar="BYTES",
        help="largest answer sent; longer ones are cut to whole rows "
        "(default: setting max_result_bytes)",
    )
    p.add_argument(
        "--client-queries",
        type=int,
        metavar="N",
        help="queries one client address may run at once (default: setting client_queries)",
    )
    p.add_argument("--workers", type=int, default=2, help="query worker processes (default: 2)")
    p.add_argument(
        "--in-memory",
        action="store_true",
        help="each worker loads the graph into memory: faster queries, more RAM, slower start",
    )
    p.add_argument(
        "--cors",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="let pages of ORIGIN (e.g. https://example.org; * for any) query the endpoint "
        "from a browser; repeatable (default: none, only this server's own pages)",
    )
    p.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also answer requests whose Host is NAME (default: IP addresses, localhost "
        "names and --host); repeatable",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="do not log requests")
    p.set_defaults(func=cmd_serve)


def _list_queries() -> str:
    """One line per named query: name, what it answers, its parameters."""
    from ..sparql import named_queries

    queries = named_queries()
    width = max((len(n) for n in queries), default=0)
    lines = []
    for name, q in queries.items():
        params = " ".join(f"?{p}" for p in q.params)
        lines.append(
            f"{name.ljust(width)}  {q.description}" + (f"  [params: {params}]" if params else "")
        )
    return "\n".join(lines) + "\n"


def _query_text(args) -> tuple[str, str]:
    """(query text, its name in error messages) from the arguments."""
    from ..sparql import QUERIES_DIR, named_queries

    if args.file and args.query:
        raise QueryError("give either a query or -f FILE, not both")
    if args.file:
        if args.file == "-":
            return sys.stdin.read(), "stdin"
        path = Path(args.file)
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(
                f"{path}: cannot read the query ({getattr(exc, 'strerror', None) or exc})"
            ) from None
    if not args.query:
        raise QueryError("give a query, -f FILE or a named query (kg query --list)")
    text = args.query.strip()
    if text.replace("_", "").replace("-", "").isalnum():
        queries = named_queries()
        if text in queries:
            return queries[text].text, f"{QUERIES_DIR.name}/{text}.rq"
        raise QueryError(f"no named query {text!r}; known: {', '.join(queries)} (kg query --list)")
    return args.query, "query"


def cmd_query(args) -> int:
    """Run one query and print its results."""
    if args.list:
        print(_list_queries(), end="")
        return 0
    from ..sparql import load, parse_param

    text, source = _query_text(args)
    params = dict(parse_param(p) for p in args.param)
    store = load(args.outputs)
    result = store.query(text, params, source=source)
    fmt = args.format or ("turtle" if result.kind == "graph" else "table")
    spreadsheet = not args.exact_csv
    sys.stdout.write(
        store.serialize(result, fmt, max_width=args.max_width, spreadsheet=spreadsheet)
    )
    return 0


def serve_settings(args):
    """The settings ``kg serve`` runs with: the settings file and environment, then the
    command line's limits where given."""
    from ..config import Settings

    return Settings.load(getattr(args, "config", None)).replace(
        query_timeout=args.timeout,
        max_results=args.max_results,
        query_memory=args.query_memory,
        max_result_bytes=args.max_result_bytes,
        client_queries=args.client_queries,
    )


def cmd_serve(args) -> int:
    """Serve the SPARQL endpoint and web UI until interrupted."""
    from ..server import serve

    settings = serve_settings(args)
    serve(
        args.outputs,
        host=args.host,
        port=args.port,
        settings=settings,
        workers=args.workers,
        quiet=args.quiet,
        in_memory=args.in_memory,
        cors=tuple(args.cors),
        allowed_hosts=tuple(args.allow_host),
    )
    return 0
