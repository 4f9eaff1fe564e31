"""Bounded resources per query in ``kg serve`` (issue 17, item 3): a memory cap per
worker that ends a runaway query with one line and a 503 (and the server goes on), a cap
on the bytes of an answer that cuts it to whole rows and says so, and fairness between
clients: one address's heavy queries take at most its share of the workers and wait in
its own bounded line, so another address's simple query is answered at once."""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.parse

import pytest
from test_server import SLOW, _running, _stop

import kg.sparql
from kg.server import cap_memory

#: Every triple with every other, sorted: memory grows with the square of the store.
CROSS_SORT = "SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
LABELS = "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?s ?label"


def _get(server, query: str, source: str = "127.0.0.1", headers: dict | None = None):
    """(status, headers, body) of GET /sparql?query=... sent from address ``source``."""
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=120, source_address=(source, 0))
    try:
        conn.request(
            "GET", "/sparql?" + urllib.parse.urlencode({"query": query}), headers=headers or {}
        )
        reply = conn.getresponse()
        return reply.status, dict(reply.getheaders()), reply.read()
    finally:
        conn.close()


def test_a_query_past_its_memory_cap_ends_with_one_line_and_503(seeds_build, capfd):
    # the timeout is far away: before the cap, this query ran (and grew) until then
    server, thread = _running(seeds_build.outputs_dir, query_timeout=120, query_memory=128)
    try:
        status, _, body = _get(server, CROSS_SORT)
        text = body.decode("utf-8")
        assert status == 503, text
        assert text.count("\n") == 1 and "query_memory" in text and "128 MiB" in text
        status, _, body = _get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    finally:
        _stop(server, thread)
    err = capfd.readouterr().err
    assert "memory allocation" not in err and "backtrace" not in err and "Traceback" not in err


def test_cap_memory_sets_the_data_limit_from_what_is_used_now():
    import resource

    before = resource.getrlimit(resource.RLIMIT_DATA)
    try:
        limit = cap_memory(64)
        if limit is None:
            pytest.skip("no /proc or RLIMIT_DATA here")
        assert resource.getrlimit(resource.RLIMIT_DATA)[0] == limit
        with pytest.raises(MemoryError):
            bytearray(128 << 20)
        bytearray(16 << 20)  # well inside the cap
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, before)


def test_answers_are_cut_to_max_result_bytes_in_whole_rows(seeds_build):
    full = kg.sparql.KnowledgeStore(seeds_build.outputs_dir / "store").query(LABELS)
    assert len(full) > 50
    server, thread = _running(seeds_build.outputs_dir, max_result_bytes=4000)
    try:
        for accept, parse in (
            ("application/sparql-results+json", lambda b: json.loads(b)["results"]["bindings"]),
            ("text/csv", lambda b: b.decode().splitlines()[1:]),
        ):
            status, headers, body = _get(server, LABELS, headers={"Accept": accept})
            assert status == 200 and 0 < len(body) <= 4000
            assert headers["X-KG-Truncated"] == "true"
            assert headers["X-KG-Max-Result-Bytes"] == "4000"
            rows = parse(body)  # parses: the cut left a valid document
            assert 0 < len(rows) == int(headers["X-KG-Result-Count"]) < len(full)
            if accept == "text/csv":
                continue
            labels = [row["label"]["value"] for row in rows]
            assert labels == [values[1].value for values in full.solutions[: len(rows)]]
        status, headers, body = _get(server, "SELECT ?s WHERE { ?s a kg:Person } LIMIT 3")
        assert status == 200 and "X-KG-Truncated" not in headers
    finally:
        _stop(server, thread)


def test_one_clients_heavy_queries_do_not_starve_another_client(seeds_build):
    server, thread = _running(seeds_build.outputs_dir, query_timeout=6)
    server.pool.client_waiting = 2
    assert server.pool.per_client == 1  # two workers: one client gets one
    _get(server, "ASK { ?s ?p ?o }")  # both workers up and ready
    _get(server, "ASK { ?s ?p ?o }")
    done: list[tuple[str, float, int, str]] = []

    def heavy() -> None:
        status, _, body = _get(server, SLOW, source="127.0.0.2")
        done.append(("heavy", time.monotonic(), status, body.decode()))

    try:
        crowd = [threading.Thread(target=heavy) for _ in range(4)]
        for t in crowd:
            t.start()
        deadline = time.monotonic() + 5
        while not done and time.monotonic() < deadline:  # the fourth is refused at once
            time.sleep(0.02)
        assert len(done) == 1 and done[0][2] == 503 and "already waiting" in done[0][3]
        status, _, body = _get(server, "SELECT ?s WHERE { ?s a kg:Person } LIMIT 1", "127.0.0.3")
        answered = time.monotonic()
        assert status == 200, body
        for t in crowd:
            t.join(60)
        heavy_ends = [at for kind, at, status, _ in done[1:]]
        assert len(heavy_ends) == 3 and all(s == 503 for _, _, s, _ in done[1:])
        assert answered < min(heavy_ends)  # not behind any of the heavy queries
    finally:
        _stop(server, thread)
