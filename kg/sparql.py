"""SPARQL over a build: the read-only store, named queries, parameters and result formats.

>>> import kg.sparql
>>> store = kg.sparql.load("outputs")                        # doctest: +SKIP
>>> for row in store.query("SELECT ?p ?o WHERE { ?p kg:worksFor ?o }"):   # doctest: +SKIP
...     print(row["p"], row["o"])
>>> store.query_named("about_entity", {"label": "Hinton"}).rows()         # doctest: +SKIP

What you get back (:class:`QueryResult`):

* SELECT: iterating gives one ``dict`` per solution, variable name -> Python value:
  IRIs as ``str`` (the full IRI), ``xsd:integer`` (and its subtypes) as ``int``,
  ``xsd:decimal`` as ``Decimal``, ``xsd:double``/``xsd:float`` as ``float``,
  ``xsd:boolean`` as ``bool``, every other literal as its lexical ``str``, blank nodes
  as ``"_:id"``, unbound variables as ``None``. :meth:`QueryResult.terms` gives the
  same solutions as dicts of pyoxigraph terms (``NamedNode``, ``Literal``, ...), for
  when the kind of term matters. ``pandas.DataFrame(result.rows())`` makes a frame.
* ASK: ``bool(result)`` (also ``result.boolean``).
* CONSTRUCT/DESCRIBE: iterating gives ``(subject, predicate, object)`` tuples of Python
  values; :meth:`QueryResult.terms` gives ``pyoxigraph.Triple`` objects.

The project's prefixes (:data:`QUERY_PREFIXES`: ``kg:``, ``kgr:``, ``id:``, ``tr:``,
``rdfs:``, ``skos:``, ``schema:``...) are available without declaring them; a PREFIX the
query declares wins. The default graph is the union of all named graphs (each
transcript's statements are in its own named graph). Parameters bind variables with a
``VALUES`` clause put first in the WHERE group, so FILTERs see them and named queries
can test ``BOUND(?x)`` to make a parameter optional.

Results are read in full (or up to ``max_results``); the store is opened read-only,
so queries never block or change a build. pyoxigraph cannot cancel a running query:
the server (:mod:`kg.server`) enforces its timeout by running queries in worker
processes that it kills.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from .config import BASE_IRI
from .csv_safety import spreadsheet_cell
from .errors import QueryError, printable
from .ontology import PREFIXES
from .query_guard import NetworkAccessRefused, refuse_network_access
from .store import STORE_DIR, open_store, store_signature

__all__ = [
    "load",
    "KnowledgeStore",
    "QueryResult",
    "NamedQuery",
    "named_queries",
    "named_query",
    "QUERIES_DIR",
    "QUERY_PREFIXES",
    "RESULT_FORMATS",
    "GRAPH_FORMATS",
    "FORMATS",
    "QuerySyntaxError",
    "QueryRefused",
    "QueryTimeout",
    "query_form",
    "check_read_only",
    "bind_params",
    "parse_param",
    "parse_param_value",
    "to_python",
    "serialize",
    "shorten",
]

#: Prefixes every query may use without declaring them: the project's
#: (:data:`kg.ontology.PREFIXES`) and ``tr:`` for transcripts, as graph.ttl binds them
#: (:func:`kg.rdf.prefixes`).
QUERY_PREFIXES = {**PREFIXES, "tr": BASE_IRI + "transcript/"}

#: Named queries shipped with kg: ``kg/queries/NAME.rq``.
QUERIES_DIR = Path(__file__).resolve().parent / "queries"

#: Formats of SELECT/ASK results: name -> media type.
RESULT_FORMATS = {
    "table": "text/plain",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
}

#: Formats of CONSTRUCT/DESCRIBE results: name -> media type.
GRAPH_FORMATS = {
    "table": "text/plain",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
    "n3": "text/n3",
}

#: Every format name :func:`serialize` knows.
FORMATS = tuple(dict.fromkeys([*RESULT_FORMATS, *GRAPH_FORMATS]))

_RDF_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
    "rdfxml": pyoxigraph.RdfFormat.RDF_XML,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "n3": pyoxigraph.RdfFormat.N3,
}

_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
_INTEGER_TYPES = {
    _XSD + name
    for name in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
        "unsignedShort", "unsignedByte",
    )
}  # fmt: skip
_UPDATE_KEYWORDS = {
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "DROP",
    "CREATE",
    "ADD",
    "MOVE",
    "COPY",
    "WITH",
}
_QUERY_FORMS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class QuerySyntaxError(QueryError):
    """A query that does not parse; ``str()`` is ``source:line:column: reason``."""

    code = "KG401"

    def __init__(self, source: str, line: int, column: int, reason: str):
        self.source, self.line, self.column, self.reason = source, line, column, reason
        super().__init__(f"{source}:{line}:{column}: {reason}")


class QueryRefused(QueryError):
    """A request the read-only store or endpoint does not run (updates, SERVICE)."""

    code = "KG402"


class QueryTimeout(QueryError):
    """A query that ran longer than the allowed time and was stopped."""

    code = "KG403"


# -- lexing just enough SPARQL -------------------------------------------------------

_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\n]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
    | (?P<word>[A-Za-z_][A-Za-z0-9_\-.:]*)
    | (?P<brace>[{}])
    | (?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)


def _tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, text, offset) of the significant tokens; comments are dropped."""
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind != "comment":
            yield kind, m.group(), m.start()


def _form_token(sparql: str) -> tuple[str | None, int, str]:
    """The first keyword after the prologue (PREFIX/BASE lines) upper-cased if it is a
    query form or update keyword (else None), with its offset and text."""
    expect_iri = False
    for kind, text, offset in _tokens(sparql):
        if kind == "word":
            upper = text.upper()
            if upper in ("PREFIX", "BASE"):
                expect_iri = True
                continue
            if expect_iri and text.endswith(":"):
                continue
            if upper in _QUERY_FORMS or upper in _UPDATE_KEYWORDS:
                return upper, offset, text
            return None, offset, text
        if kind == "iri" and expect_iri:
            expect_iri = False
            continue
        if kind == "other" and text == ":" and expect_iri:
            continue  # the empty prefix "PREFIX : <...>"
        return None, offset, text
    return None, len(sparql), ""


def query_form(sparql: str) -> str | None:
    """The form of a request: SELECT, CONSTRUCT, ASK, DESCRIBE, or the update keyword
    (INSERT, DELETE, LOAD, ...) it starts with; None if it has neither."""
    return _form_token(sparql)[0]


def check_read_only(sparql: str, allow_service: bool = True) -> None:
    """Raise :class:`QueryRefused` for SPARQL Update (and, unless allowed, SERVICE)."""
    form = query_form(sparql)
    if form in _UPDATE_KEYWORDS:
        raise QueryRefused(
            f"SPARQL Update ({form}) refused: the store is read-only; `kg build` is the only writer"
        )
    if not allow_service:
        try:
            refuse_network_access(sparql)
        except NetworkAccessRefused as refusal:
            raise QueryRefused(str(refusal)) from None


def _where_brace(sparql: str) -> int | None:
    """Offset just after the ``{`` that opens the query's WHERE group, if it has one."""
    tokens = [(k, t, o) for k, t, o in _tokens(sparql) if k in ("word", "brace")]
    form_at = next(
        (i for i, (k, t, _) in enumerate(tokens) if k == "word" and t.upper() in _QUERY_FORMS), None
    )
    if form_at is None:
        return None
    i = form_at + 1
    if tokens[form_at][1].upper() == "CONSTRUCT" and i < len(tokens) and tokens[i][1] == "{":
        depth = 0
        while i < len(tokens):  # skip the template
            if tokens[i][1] == "{":
                depth += 1
            elif tokens[i][1] == "}":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        i += 1
    for _, text, offset in tokens[i:]:
        if text == "{":
            return offset + 1
    return None


@dataclass(frozen=True)
class _Shift:
    """Text inserted into a query (by parameter binding), to map error columns back."""

    line: int
    column: int
    length: int


def bind_params(sparql: str, params: Mapping[str, Any]) -> tuple[str, _Shift | None]:
    """``sparql`` with ``VALUES`` binding each parameter put first in its WHERE group.

    The clause goes on the line of the ``{``, so line numbers of errors stay right;
    the returned shift lets column numbers on that line be mapped back.
    """
    if not params:
        return sparql, None
    names = []
    values = []
    for name, value in params.items():
        name = name.lstrip("?$")
        if not _NAME.match(name):
            raise QueryError(f"parameter {name!r}: not a valid variable name")
        if not re.search(rf"[?$]{re.escape(name)}(?![A-Za-z0-9_])", sparql):
            raise QueryError(f"parameter {name!r}: the query has no variable ?{name}")
        names.append(f"?{name}")
        values.append(_sparql_term(_to_term(value)))
    at = _where_brace(sparql)
    if at is None:
        raise QueryError("cannot bind parameters: the query has no WHERE clause")
    clause = f" VALUES ({' '.join(names)}) {{ ({' '.join(values)}) }} "
    line = sparql.count("\n", 0, at) + 1
    column = at - (sparql.rfind("\n", 0, at) + 1) + 1
    return sparql[:at] + clause + sparql[at:], _Shift(line, column, len(clause))


_INT = re.compile(r"^[+-]?\d+$")
_DEC = re.compile(r"^[+-]?\d*\.\d+$")
_DBL = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$")
_PNAME = re.compile(r"^([A-Za-z][A-Za-z0-9_\-.]*)?:([A-Za-z0-9_\-.%]*)$")


def parse_param(text: str) -> tuple[str, pyoxigraph.NamedNode | pyoxigraph.Literal]:
    """``name=value`` from the command line -> (name, term); see :func:`parse_param_value`."""
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not _NAME.match(name):
        raise QueryError(f"--param {text!r}: expected name=value (for example label=Hinton)")
    return name, parse_param_value(value)


def parse_param_value(text: str) -> pyoxigraph.NamedNode | pyoxigraph.Literal:
    """A term from text: ``<iri>`` or a known ``prefix:name`` -> IRI; an integer,
    decimal or double -> a number; ``"quoted"`` -> the string inside; else a string."""
    if text.startswith("<") and text.endswith(">") and len(text) > 2:
        return _named_node(text[1:-1])
    pname = _PNAME.match(text)
    if pname and (pname.group(1) or "") in QUERY_PREFIXES:
        return _named_node(QUERY_PREFIXES[pname.group(1) or ""] + pname.group(2))
    if _INT.match(text):
        return Literal(text, datatype=NamedNode(_XSD + "integer"))
    if _DEC.match(text):
        return Literal(text, datatype=NamedNode(_XSD + "decimal"))
    if _DBL.match(text):
        return Literal(text, datatype=NamedNode(_XSD + "double"))
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return Literal(text[1:-1])
    return Literal(text)


def _named_node(iri: str) -> NamedNode:
    """A NamedNode, or a QueryError naming the bad IRI."""
    try:
        return NamedNode(iri)
    except ValueError as exc:
        raise QueryError(f"parameter value <{iri}>: not a valid IRI ({_one_line(exc)})") from None


def _to_term(value: Any):
    """A Python value as an RDF term: terms as is; bool, int, Decimal, float typed;
    ``str`` as :func:`parse_param_value` reads it except that numbers stay strings."""
    if isinstance(value, NamedNode | Literal | BlankNode):
        return value
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=NamedNode(_XSD + "boolean"))
    if isinstance(value, int):
        return Literal(str(value), datatype=NamedNode(_XSD + "integer"))
    if isinstance(value, Decimal):
        return Literal(str(value), datatype=NamedNode(_XSD + "decimal"))
    if isinstance(value, float):
        return Literal(repr(value), datatype=NamedNode(_XSD + "double"))
    text = str(value)
    term = parse_param_value(text)
    if isinstance(term, Literal) and term.datatype.value != _XSD_STRING:
        return Literal(text)
    return term


def _sparql_term(term) -> str:
    """A term in SPARQL syntax (N-Triples form), for a VALUES clause."""
    if isinstance(term, BlankNode):
        raise QueryError("a blank node cannot be a parameter value")
    return str(term)  # N-Triples syntax, which SPARQL reads


# -- values --------------------------------------------------------------------------


def to_python(term) -> Any:
    """A pyoxigraph term as a plain Python value (see the module docs); None stays None."""
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGER_TYPES:
                return int(term.value)
            if datatype == _XSD + "decimal":
                return Decimal(term.value)
            if datatype in (_XSD + "double", _XSD + "float"):
                return float(term.value)
            if datatype == _XSD + "boolean":
                return term.value in ("true", "1")
        except (ValueError, InvalidOperation):
            return term.value
        return term.value
    return str(term)


def shorten(iri: str, prefixes: Mapping[str, str] = QUERY_PREFIXES) -> str:
    """``prefix:local`` for an IRI under a known prefix (longest namespace wins), else ``<iri>``."""
    best = ""
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace) and len(namespace) > len(prefixes.get(best, "")):
            local = iri[len(namespace) :]
            if re.fullmatch(r"[A-Za-z0-9_]([A-Za-z0-9_\-.]*[A-Za-z0-9_\-])?|", local):
                best = prefix
    if best:
        return f"{best}:{iri[len(prefixes[best]) :]}"
    return f"<{iri}>"


def _display(term) -> str:
    """A term as shown in a table cell."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return shorten(term.value)
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return str(term)


# -- results -------------------------------------------------------------------------


class QueryResult:
    """The materialised answer to one query (see the module docs for what iterating gives).

    ``kind`` is ``"select"``, ``"ask"`` or ``"graph"``; ``truncated`` says that more
    results existed than ``max_results`` allowed.
    """

    def __init__(
        self,
        kind: str,
        variables: tuple[str, ...] = (),
        solutions: list[tuple] | None = None,
        boolean: bool | None = None,
        triples: list[Triple] | None = None,
        truncated: bool = False,
    ):
        self.kind = kind
        self.variables = variables
        self.solutions = solutions or []
        self.boolean = boolean
        self.triples = triples or []
        self.truncated = truncated

    def __iter__(self) -> Iterator:
        if self.kind == "select":
            for values in self.solutions:
                yield {v: to_python(t) for v, t in zip(self.variables, values, strict=True)}
        elif self.kind == "graph":
            for t in self.triples:
                yield (to_python(t.subject), to_python(t.predicate), to_python(t.object))

    def __len__(self) -> int:
        if self.kind == "ask":
            return 1
        return len(self.solutions) if self.kind == "select" else len(self.triples)

    def __bool__(self) -> bool:
        if self.kind == "ask":
            return bool(self.boolean)
        return len(self) > 0

    def __repr__(self) -> str:
        if self.kind == "ask":
            return f"<QueryResult ask {self.boolean}>"
        more = ", truncated" if self.truncated else ""
        what = (
            f"{len(self)} rows of {', '.join(self.variables)}"
            if self.kind == "select"
            else f"{len(self)} triples"
        )
        return f"<QueryResult {self.kind}: {what}{more}>"

    def rows(self) -> list:
        """Every solution (or triple) as Python values, in order."""
        return list(self)

    def terms(self) -> Iterator:
        """Solutions as dicts of pyoxigraph terms (unbound variables left out), or triples."""
        if self.kind == "select":
            for values in self.solutions:
                yield {v: t for v, t in zip(self.variables, values, strict=True) if t is not None}
        elif self.kind == "graph":
            yield from self.triples

    def serialize(self, fmt: str = "table", **options) -> str:
        """This result as text in ``fmt`` (see :func:`serialize`)."""
        return serialize(self, fmt, **options)


def _materialize(raw, max_results: int | None) -> QueryResult:
    """Read a pyoxigraph result (up to ``max_results``) into a QueryResult."""
    if isinstance(raw, pyoxigraph.QueryBoolean):
        return QueryResult("ask", boolean=bool(raw))
    limit = None if max_results is None else max(0, max_results)
    truncated = False
    if isinstance(raw, pyoxigraph.QuerySolutions):
        variables = tuple(v.value for v in raw.variables)
        solutions = []
        for solution in raw:
            if limit is not None and len(solutions) >= limit:
                truncated = True
                break
            solutions.append(tuple(solution[v] for v in variables))
        return QueryResult("select", variables, solutions, truncated=truncated)
    triples = []
    for triple in raw:
        if limit is not None and len(triples) >= limit:
            truncated = True
            break
        triples.append(triple)
    return QueryResult(
        "graph", ("subject", "predicate", "object"), triples=triples, truncated=truncated
    )


# -- serialisation -------------------------------------------------------------------


def serialize(
    result: QueryResult, fmt: str = "table", *, max_width: int = 60, spreadsheet: bool = False
) -> str:
    """``result`` as text: table, csv, tsv, json, xml for SELECT/ASK; table, turtle,
    ntriples, rdfxml, jsonld, n3 for CONSTRUCT/DESCRIBE. ``max_width`` cuts table cells
    (0: never); table cells show control characters as escapes (``kg.errors.printable``).
    ``spreadsheet`` makes CSV cells that start like a formula text (``kg.csv_safety``);
    by default CSV holds the exact data. Raises ``QueryError`` for a format that does
    not fit the result."""
    allowed = GRAPH_FORMATS if result.kind == "graph" else RESULT_FORMATS
    if fmt not in allowed:
        what = "CONSTRUCT/DESCRIBE" if result.kind == "graph" else "SELECT/ASK"
        raise QueryError(
            f"format {fmt!r} does not fit a {what} result; use one of: {', '.join(allowed)}"
        )
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
        if fmt == "xml":
            return (
                f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head></head><boolean>{'true' if result.boolean else 'false'}</boolean></sparql>\n"
            )
        return ("true" if result.boolean else "false") + "\n"
    if result.kind == "graph":
        if fmt == "table":
            return _table(
                result.variables,
                [(t.subject, t.predicate, t.object) for t in result.triples],
                max_width,
            )
        triples = sorted(
            result.triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object))
        )
        if fmt == "ntriples":
            return "".join(f"{t} .\n" for t in triples)
        prefixes = _used_prefixes(triples) if fmt in ("turtle", "n3", "rdfxml") else None
        data = pyoxigraph.serialize(triples, format=_RDF_FORMATS[fmt], prefixes=prefixes)
        return data.decode("utf-8")
    if fmt == "table":
        return _table(result.variables, result.solutions, max_width)
    if fmt == "csv":
        return _csv(result, spreadsheet)
    return {"tsv": _tsv, "json": _json, "xml": _xml}[fmt](result)


def _used_prefixes(triples: list[Triple]) -> dict[str, str]:
    """The project prefixes whose namespace some IRI of ``triples`` starts with."""
    iris = {
        t.value
        for triple in triples
        for t in (triple.subject, triple.predicate, triple.object)
        if isinstance(t, NamedNode)
    }
    iris |= {
        triple.object.datatype.value for triple in triples if isinstance(triple.object, Literal)
    }
    return {p: ns for p, ns in QUERY_PREFIXES.items() if any(i.startswith(ns) for i in iris)}


def _table(variables: tuple[str, ...], rows: list[tuple], max_width: int) -> str:
    """Aligned columns for people: prefixed IRIs, cut cells, a row count."""

    def cell(term) -> str:
        text = printable(" ".join(_display(term).split()))
        if max_width and len(text) > max_width:
            text = text[: max_width - 1] + "\u2026"
        return text

    cells = [[cell(t) for t in row] for row in rows]
    widths = [max([len(v), *(len(r[i]) for r in cells)]) for i, v in enumerate(variables)]
    lines = [" | ".join(v.ljust(w) for v, w in zip(variables, widths, strict=True)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [
        " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells
    ]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _csv(result: QueryResult, spreadsheet: bool = False) -> str:
    """SPARQL 1.1 CSV results: lexical forms only, CRLF line ends. ``spreadsheet``
    prefixes cells a spreadsheet would run as formulas with ``'`` (kg.csv_safety)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    cell = spreadsheet_cell if spreadsheet else str
    writer.writerow(result.variables)
    for row in result.solutions:
        writer.writerow([cell(value) for value in _csv_values(row)])
    return out.getvalue()


def _csv_values(row: tuple) -> list[str]:
    """The lexical forms of one CSV row."""
    return [
        ""
        if t is None
        else (
            f"_:{t.value}"
            if isinstance(t, BlankNode)
            else t.value
            if isinstance(t, NamedNode | Literal)
            else str(t)
        )
        for t in row
    ]


def _tsv_term(term) -> str:
    """A term as SPARQL TSV writes it (numbers and booleans bare)."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        datatype = term.datatype.value
        if (
            (datatype == _XSD + "integer" and _INT.match(term.value))
            or (datatype == _XSD + "decimal" and _DEC.match(term.value))
            or (datatype == _XSD + "boolean" and term.value in ("true", "false"))
        ):
            return term.value
    return str(term)


def _tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV results: terms in Turtle/N-Triples syntax."""
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.solutions]
    return "\n".join(lines) + "\n"


def _json_term(term) -> dict:
    """One RDF term in SPARQL 1.1 JSON results form."""
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def _json(result: QueryResult) -> str:
    """SPARQL 1.1 JSON results."""
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.solutions
    ]
    data = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _xml_term(term) -> str:
    """One RDF term in SPARQL XML results form."""
    if isinstance(term, NamedNode):
        return f"<uri>{xml_escape(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    if isinstance(term, Literal):
        if term.language:
            attr = f" xml:lang={quoteattr(term.language)}"
        elif term.datatype.value != _XSD_STRING:
            attr = f" datatype={quoteattr(term.datatype.value)}"
        else:
            attr = ""
        return f"<literal{attr}>{xml_escape(_xml_text(term.value))}</literal>"
    return (
        f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
        f"</predicate><object>{_xml_term(term.object)}</object></triple>"
    )


def _xml_text(text: str) -> str:
    """Drop the control characters XML 1.0 cannot carry."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)


def _xml(result: QueryResult) -> str:
    """SPARQL XML results."""
    parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
    parts += [f"<variable name={quoteattr(v)}/>" for v in result.variables]
    parts.append("</head><results>")
    for row in result.solutions:
        parts.append("<result>")
        parts += [
            f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
            for v, t in zip(result.variables, row, strict=True)
            if t is not None
        ]
        parts.append("</result>")
    parts.append("</results></sparql>\n")
    return "".join(parts)


# -- errors --------------------------------------------------------------------------


def _one_line(exc: BaseException) -> str:
    """An exception's message on one line, for one-line errors."""
    return " ".join(str(exc).split()) or type(exc).__name__


def _syntax_error(
    exc: SyntaxError, text: str, source: str, shift: _Shift | None
) -> QuerySyntaxError:
    """pyoxigraph's "error at L:C: expected ..." as one short line about the user's text."""
    message = str(exc)
    m = re.match(r"error at (\d+):(\d+):\s*(.*)", message, re.DOTALL)
    if not m:
        return QuerySyntaxError(source, 1, 1, _one_line(exc))
    line, column, reason = int(m.group(1)), int(m.group(2)), m.group(3)
    form, offset, found_text = _form_token(text)
    if form is None:  # the parser's furthest-failure position would point past the culprit
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        found_text = found_text[:30]
        where = f"found {found_text!r}" if found_text else "found nothing"
        return QuerySyntaxError(
            source,
            line,
            column,
            f"expected SELECT, CONSTRUCT, ASK or DESCRIBE (after any PREFIX/BASE lines), {where}",
        )
    undeclared = _undeclared_prefix(text)
    if undeclared is not None:  # pyoxigraph reports these only in some positions
        offset, name = undeclared
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        if shift and line == shift.line and column > shift.column:
            column = max(shift.column, column - shift.length)
        return QuerySyntaxError(
            source,
            line,
            column,
            f"undeclared prefix '{name}:' (known without declaring: {', '.join(QUERY_PREFIXES)})",
        )
    lines = text.split("\n")
    line_text = lines[line - 1] if 0 < line <= len(lines) else ""
    if "Prefix not found" in reason:
        before = line_text[: column - 1]
        found = re.search(r"([A-Za-z][A-Za-z0-9_\-.]*)?:[A-Za-z0-9_\-.%]*$", before)
        if found:
            column = found.start() + 1
            reason = f"undeclared prefix '{found.group(1) or ''}:' (known without declaring: {', '.join(QUERY_PREFIXES)})"
        else:
            reason = "undeclared prefix"
    else:
        reason = _short_expected(reason)
        token = (
            re.match(r"\S{1,30}", line_text[column - 1 :]) if column - 1 < len(line_text) else None
        )
        at_end = line >= len(lines) and column > len(line_text.rstrip())
        where = (
            "at end of query"
            if at_end
            else (f"at {token.group()!r}" if token else "at end of line")
        )
        reason = f"syntax error {where}: {reason}"
    if shift and line == shift.line and column > shift.column:
        column = max(shift.column, column - shift.length)
    return QuerySyntaxError(source, line, column, reason)


def _undeclared_prefix(text: str) -> tuple[int, str] | None:
    """Offset and prefix of the first prefixed name whose prefix is neither declared in
    the query nor one of the project's; None if there is none."""
    declared = set(QUERY_PREFIXES)
    tokens = list(_tokens(text))
    for i, (kind, word, _) in enumerate(tokens):
        if kind == "word" and word.upper() == "PREFIX" and i + 1 < len(tokens):
            declared.add(tokens[i + 1][1].rstrip(":") if tokens[i + 1][1] != ":" else "")
    for i, (kind, word, offset) in enumerate(tokens):
        if kind != "word" or ":" not in word or word.startswith("_"):
            continue
        if i > 0 and tokens[i - 1][0] == "word" and tokens[i - 1][1].upper() == "PREFIX":
            continue
        prefix = word.split(":", 1)[0]
        if prefix not in declared:
            return offset, prefix
    return None


def _short_expected(reason: str) -> str:
    """Keep the keyword alternatives of a parser message and drop character classes."""
    reason = " ".join(reason.split())
    if not reason.startswith("expected one of "):
        return reason[:200]
    body = re.sub(r"\[[^\]]*\]", "", reason[len("expected one of ") :])
    items = [i.strip() for i in body.split(",") if i.strip() and i.strip() not in ("|", "..=")]
    items = [i for i in items if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_ ]*|'[^']*'|\"[^\"]*\"", i)]
    if not items:
        return "unexpected text"
    shown = ", ".join(items[:12]) + (", ..." if len(items) > 12 else "")
    return f"expected one of {shown}"


# -- named queries -------------------------------------------------------------------


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in ``kg/queries/NAME.rq``: its leading ``# `` comment lines say
    what it answers (the first line) and which parameters it takes (``# Params:``)."""

    name: str
    description: str
    params: tuple[str, ...]
    comment: str
    text: str
    path: Path


def _read_named(path: Path) -> NamedQuery:
    """A NamedQuery from its file: description and params from the leading comments."""
    text = path.read_text(encoding="utf-8")
    comment_lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comment_lines.append(line[1:].strip())
    description = comment_lines[0] if comment_lines else ""
    params: list[str] = []
    for line in comment_lines:
        if line.lower().startswith("params:"):
            params += re.findall(r"\?([A-Za-z_][A-Za-z0-9_]*)", line)
    params = list(dict.fromkeys(params))
    return NamedQuery(path.stem, description, tuple(params), "\n".join(comment_lines), text, path)


def named_queries(directory: str | Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Every named query in ``directory``, by name, sorted."""
    return {p.stem: _read_named(p) for p in sorted(Path(directory).glob("*.rq"))}


def named_query(name: str, directory: str | Path = QUERIES_DIR) -> NamedQuery:
    """One named query; ``QueryError`` naming the known ones if there is no such query."""
    queries = named_queries(directory)
    if name not in queries:
        raise QueryError(f"no named query {name!r}; known: {', '.join(queries)} (kg query --list)")
    return queries[name]


# -- the store -----------------------------------------------------------------------


class KnowledgeStore:
    """A build's SPARQL store, opened read-only; reopens by itself after a rebuild.

    ``in_memory=True`` loads the build's N-Quads into memory instead of reading the
    on-disk store (see :func:`kg.store.open_store`): slower to open, faster to query.
    """

    def __init__(
        self,
        store_dir: str | Path,
        prefixes: Mapping[str, str] = QUERY_PREFIXES,
        in_memory: bool = False,
    ):
        self.path = Path(store_dir)
        self.prefixes = dict(prefixes)
        self.in_memory = in_memory
        self._signature = store_signature(self.path)
        self._store = open_store(self.path, in_memory)

    def __enter__(self) -> KnowledgeStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __len__(self) -> int:
        self.refresh()
        return len(self._store)

    def __repr__(self) -> str:
        return f"<KnowledgeStore {self.path}>"

    @property
    def pyoxigraph_store(self) -> pyoxigraph.Store:
        """The underlying read-only ``pyoxigraph.Store`` (current build), for what this
        class does not wrap."""
        self.refresh()
        return self._store

    def close(self) -> None:
        """Release the store's files (also done when the object is garbage collected)."""
        self._store = None

    def refresh(self) -> bool:
        """Reopen the store if a build replaced it since it was opened; True if reopened."""
        signature = store_signature(self.path)
        for _ in range(20):  # a rebuild swaps folders; the path is missing for an instant
            if signature is not None:
                break
            time.sleep(0.05)
            signature = store_signature(self.path)
        if self._store is not None and (signature is None or signature == self._signature):
            return False
        self._store = open_store(self.path, self.in_memory)
        self._signature = signature
        return True

    def query(
        self,
        sparql: str,
        params: Mapping[str, Any] | None = None,
        *,
        max_results: int | None = None,
        source: str = "query",
        allow_service: bool = True,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> QueryResult:
        """Run a SPARQL query and read its results (at most ``max_results`` of them).

        ``params`` binds variables (``{"label": "Hinton"}``); ``source`` names the query
        in error messages (``source:line:column: reason``). ``default_graph`` and
        ``named_graphs`` (IRIs) restrict the dataset as in the SPARQL protocol; by
        default the default graph is the union of all graphs.
        Raises ``QuerySyntaxError``, ``QueryRefused`` (updates; SERVICE unless allowed)
        or ``QueryError``.
        """
        check_read_only(sparql, allow_service)
        text, shift = bind_params(sparql, params or {})
        if shift is not None:  # what runs is the bound text: it must pass too
            check_read_only(text, allow_service)
        self.refresh()
        options: dict[str, Any] = {"prefixes": self.prefixes}
        if default_graph:
            options["default_graph"] = [_named_node(g) for g in default_graph]
        else:
            options["use_default_graph_as_union"] = True
        if named_graphs:
            options["named_graphs"] = [_named_node(g) for g in named_graphs]
        try:
            return _materialize(self._store.query(text, **options), max_results)
        except SyntaxError as exc:
            raise _syntax_error(exc, text, source, shift) from None
        except (OSError, RuntimeError, ValueError, TypeError) as exc:
            raise QueryError(f"{source}: {_one_line(exc)}") from None

    def query_named(
        self, name: str, params: Mapping[str, Any] | None = None, **options
    ) -> QueryResult:
        """Run the named query ``kg/queries/NAME.rq`` with ``params``."""
        q = named_query(name)
        return self.query(q.text, params, source=f"queries/{name}.rq", **options)

    def serialize(self, results: QueryResult, fmt: str = "table", **options) -> str:
        """``results`` as text in ``fmt`` (see :func:`serialize`)."""
        return serialize(results, fmt, **options)


def load(outputs_dir: str | Path = "outputs", in_memory: bool = False) -> KnowledgeStore:
    """The SPARQL store of the build in ``outputs_dir``, opened read-only (or, with
    ``in_memory``, its N-Quads loaded into memory for faster queries).

    Raises ``OutputsMissingError`` when there is no build there yet.
    """
    return KnowledgeStore(Path(outputs_dir) / STORE_DIR, in_memory=in_memory)
