"""SERVICE can never make the endpoint open a connection, however it is spelled.

A local listener stands in for a server on the user's network. Each spelling in the
corpus is first run on a bare pyoxigraph store, unguarded, to show that it really does
reach the listener (so the corpus tests something); then through ``check_read_only``
and through a real ``kg serve``, where it must be refused and the listener must see
nothing. A hypothesis run mixes the pieces that fooled or could fool a lexer (escaped
``#``, comments, long strings, ``<`` comparisons, codepoint escapes) and checks the
same invariant: whatever pyoxigraph would send, the guard refuses.
"""

from __future__ import annotations

import socket
import threading
import urllib.parse

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_server import http, server  # noqa: F401 - the server fixture

from kg.query_guard import NetworkAccessRefused, refuse_network_access
from kg.sparql import QueryRefused, check_read_only


class Listener:
    """A loopback TCP server that counts connections and answers each with an error page."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            with conn:
                conn.settimeout(2)
                try:
                    conn.recv(65536)
                    conn.sendall(b"HTTP/1.1 500 Oops\r\ncontent-length: 6\r\n\r\nsecret")
                except OSError:
                    pass

    def close(self) -> None:
        self._stop = True
        self.sock.close()


@pytest.fixture(scope="module")
def listener():
    local = Listener()
    yield local
    local.close()


def one_triple_store() -> pyoxigraph.Store:
    """An in-memory store with one triple, so that patterns beside SERVICE match and
    pyoxigraph goes on to call the service."""
    store = pyoxigraph.Store()
    store.add(
        pyoxigraph.Quad(
            pyoxigraph.NamedNode("http://k/a"),
            pyoxigraph.NamedNode("http://k/b"),
            pyoxigraph.Literal("c"),
        )
    )
    return store


def reaches(query: str, listener: Listener) -> bool:
    """True if running ``query`` unguarded on a bare store makes a connection."""
    before = listener.connections
    store = one_triple_store()
    try:
        result = store.query(query)
        if not isinstance(result, bool | pyoxigraph.QueryBoolean):
            list(result)
    except (SyntaxError, OSError, RuntimeError, ValueError):
        pass
    return listener.connections > before


#: Spellings of a federated query; ``{url}`` is the listener.
SPELLINGS = {
    "plain": "SELECT * WHERE { SERVICE <{url}> { ?a ?b ?c } }",
    "lowercase": "select * where { service <{url}> { ?a ?b ?c } }",
    "mixed case": "SELECT * WHERE { SeRvIcE <{url}> { ?a ?b ?c } }",
    "silent": "SELECT * WHERE { SERVICE SILENT <{url}> { ?a ?b ?c } }",
    "escaped hash in a local name (the reported bypass)": (
        "PREFIX ex: <http://k/> SELECT * WHERE { BIND(ex:x\\# AS ?z) SERVICE <{url}> { ?a ?b ?c } }"
    ),
    "escaped hash, read by rdflib as a comment but still valid to it": (
        "PREFIX ex: <http://k/> SELECT * WHERE { ?s ?p ?o "
        "OPTIONAL { ?s ?p ex:x\\# } SERVICE <{url}> { ?a ?b ?c } OPTIONAL { #\n}\n}"
    ),
    "comment before and after": (
        "# SERVICE in a comment\nSELECT * WHERE { #x\nSERVICE#y\n<{url}>#z\n{ ?a ?b ?c } }"
    ),
    "codepoint-escaped keyword": "SELECT * WHERE { \\u0053ERVICE <{url}> { ?a ?b ?c } }",
    "long codepoint escape": "SELECT * WHERE { \\U00000053ERVICE <{url}> { ?a ?b ?c } }",
    "inside FILTER EXISTS": (
        "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <{url}> { ?a ?b ?c } } }"
    ),
    "inside FILTER NOT EXISTS": (
        "SELECT * WHERE { ?s ?p ?o FILTER NOT EXISTS { SERVICE <{url}> { ?a ?b ?c } } }"
    ),
    "in a subquery": "SELECT * WHERE { { SELECT * WHERE { SERVICE <{url}> { ?a ?b ?c } } } }",
    "nested in OPTIONAL and UNION": (
        "SELECT * WHERE { { ?s ?p ?o } UNION { OPTIONAL { SERVICE <{url}> { ?a ?b ?c } } } }"
    ),
    "IRI from a variable": ('SELECT * WHERE { BIND(IRI("{url}") AS ?u) SERVICE ?u { ?a ?b ?c } }'),
    "prefixed-name endpoint": "PREFIX e: <{url}> SELECT * WHERE { SERVICE e: { ?a ?b ?c } }",
    "ASK": "ASK { SERVICE <{url}> { ?a ?b ?c } }",
    "CONSTRUCT": "CONSTRUCT { ?a ?b ?c } WHERE { SERVICE <{url}> { ?a ?b ?c } }",
    "DESCRIBE": "DESCRIBE ?a WHERE { SERVICE <{url}> { ?a ?b ?c } }",
    "a comparison read as an IRI, comment after": (
        "SELECT * WHERE { FILTER(1<2)SERVICE#>\n<{url}> { ?a ?b ?c } }"
    ),
    "a comparison read as an IRI, variable endpoint": (
        'SELECT * WHERE { BIND(IRI("{url}") AS ?v) FILTER(1<2)SERVICE ?v #>\n{ ?a ?b ?c } }'
    ),
    "a comparison read as an IRI, long string after": (
        'SELECT * WHERE { FILTER(1<2)#>"""\nSERVICE <{url}> { ?a ?b ?c } #"""\n}'
    ),
    "no whitespace": "SELECT*WHERE{SERVICE<{url}>{?a ?b ?c}}",
    "tabs and CR": "SELECT\t*\rWHERE\t{\rSERVICE\t<{url}>\r{ ?a ?b ?c }\r}",
}


def _query(template: str, listener: Listener) -> str:
    return template.replace("{url}", f"http://127.0.0.1:{listener.port}/sparql")


@pytest.mark.parametrize("name", sorted(SPELLINGS))
def test_every_spelling_is_refused_and_nothing_is_sent(name, listener):
    query = _query(SPELLINGS[name], listener)
    before = listener.connections
    with pytest.raises(QueryRefused, match="SERVICE"):
        check_read_only(query, allow_service=False)
    assert listener.connections == before


def test_the_corpus_is_live_unguarded_pyoxigraph_connects(listener):
    """Most spellings do reach the network when run unguarded: the refusals matter."""
    live = [
        name
        for name, template in SPELLINGS.items()
        if reaches(_query(template, listener), listener)
    ]
    assert "escaped hash in a local name (the reported bypass)" in live
    assert "escaped hash, read by rdflib as a comment but still valid to it" in live
    assert "a comparison read as an IRI, comment after" in live
    assert "a comparison read as an IRI, long string after" in live
    assert len(live) >= 18, live


def _service_from_isolated_process(port: int, conn) -> None:
    from kg.query_guard import isolate_from_network

    conn.send(isolate_from_network())
    store = one_triple_store()
    try:
        list(
            store.query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?a ?b ?c }} }}")
        )
        conn.send("answered")
    except OSError as error:
        conn.send(f"failed: {error}")


def test_a_query_worker_has_no_network_even_unguarded(listener):
    """The second wall: in the worker's own network namespace, pyoxigraph cannot connect."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    process = ctx.Process(target=_service_from_isolated_process, args=(listener.port, child))
    before = listener.connections
    process.start()
    assert parent.poll(60)
    not_isolated = parent.recv()
    if not_isolated is not None:
        pytest.skip(f"no network namespace here: {not_isolated}")
    assert parent.poll(60)
    outcome = parent.recv()
    process.join(10)
    assert outcome.startswith("failed"), outcome
    assert listener.connections == before


@pytest.mark.parametrize(
    "query",
    [
        'SELECT ?service WHERE { ?service ?p "customer service" }',
        "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:service ?o }",
        "SELECT * WHERE { ?s <http://example.org/ns#service> ?o }",
        "SELECT * WHERE { ?s ?p ?o FILTER(CONTAINS(LCASE(STR(?o)), 'service')) }",
        'SELECT * WHERE { ?s ?p """a long\nservice string""" }',
        "SELECT * WHERE { ?s ?p ?o }",
    ],
)
def test_queries_that_only_mention_the_word_as_data_still_run(query):
    check_read_only(query, allow_service=False)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { ?s ?p ?o } # no service here",
        "SELECT * WHERE { ?s ?p <http://x/a_(service)> }",
    ],
)
def test_ambiguous_mentions_are_refused_with_the_reason(query):
    with pytest.raises(NetworkAccessRefused, match="refused: .* and .*; remove SERVICE"):
        refuse_network_access(query)


def test_each_reading_alone_can_be_fooled_so_both_are_required(listener):
    """The lexer cannot tell a ``<`` comparison from an IRI; rdflib's grammar can. rdflib
    cannot read ``ex:x\\#``; the lexer can. Each spelling is caught by the other."""
    from kg.query_guard import _lexer_objection, _parser_objection

    comparison = _query(SPELLINGS["a comparison read as an IRI, long string after"], listener)
    assert _lexer_objection(comparison) is None
    assert _parser_objection(comparison) == "it uses the SERVICE keyword"
    escaped = _query(SPELLINGS["escaped hash in a local name (the reported bypass)"], listener)
    assert _lexer_objection(escaped) == "it uses the SERVICE keyword"
    assert _parser_objection(escaped).startswith("it could not be parsed")


def test_the_library_still_allows_service_when_asked():
    check_read_only("SELECT * WHERE { SERVICE <http://example.org/> { ?a ?b ?c } }")


#: Fragments a query may be made of: each is legal SPARQL between two patterns, and
#: several are the ones that fool a lexer.
_FRAGMENTS = [
    "?s ?p ?o .",
    "BIND(ex:x\\# AS ?z)",
    "BIND(ex:a\\?b AS ?y)",
    "FILTER(1<2)",
    "FILTER(?o != 'service')",
    '?s ?p """multi\nline""" .',
    "# a comment\n",
    "#>\n",
    '#"""\n',
    "\\u0023 x\n",
    "{ ?s ?p ?o } UNION { ?s ?p ?o }",
    "OPTIONAL { ?s ?p ?o }",
    "FILTER EXISTS { ?s ?p ?o }",
    "\n",
]
_KEYWORDS = ["SERVICE", "service", "\\u0053ERVICE", "SerVice SILENT"]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    before=st.lists(st.sampled_from(_FRAGMENTS), max_size=4),
    after=st.lists(st.sampled_from(_FRAGMENTS), max_size=3),
    keyword=st.sampled_from(_KEYWORDS),
    gap=st.sampled_from([" ", "\n", "\t", "#c\n", ""]),
)
def test_whatever_pyoxigraph_would_send_the_guard_refuses(listener, before, after, keyword, gap):
    query = (
        "PREFIX ex: <http://k/> SELECT * WHERE { "
        + " ".join(before)
        + f" {keyword}{gap}<http://127.0.0.1:{listener.port}/h> {{ ?a ?b ?c }} "
        + " ".join(after)
        + "\n}"
    )
    try:
        check_read_only(query, allow_service=False)
        cleared = True
    except QueryRefused:
        cleared = False
    if cleared:
        assert not reaches(query, listener), query


def test_the_endpoint_refuses_the_reported_bypass_and_sends_nothing(server, listener):  # noqa: F811
    query = _query(SPELLINGS["escaped hash in a local name (the reported bypass)"], listener)
    before = listener.connections
    for method, body, headers, suffix in [
        ("GET", None, {}, "?" + urllib.parse.urlencode({"query": query})),
        (
            "POST",
            urllib.parse.urlencode({"query": query}).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
            "",
        ),
        ("POST", query.encode(), {"Content-Type": "application/sparql-query"}, ""),
    ]:
        status, _, answer = http(method, server.url + "sparql" + suffix, body, headers)
        assert status == 403, answer
        assert b"secret" not in answer
    assert listener.connections == before
    status, _, _ = http("GET", server.url + "sparql?" + urllib.parse.urlencode({"query": "ASK {}"}))
    assert status == 200
    assert server.pool.network == "none" or "refused" in server.pool.network
