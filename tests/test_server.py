"""``kg serve``: the SPARQL 1.1 Protocol endpoint and the web UI, on a real loopback port.

Clients are real: SPARQLWrapper for the protocol, urllib for raw HTTP, Playwright driving
Debian's Chromium for the UI. Answers are compared with the library's answers for the
same query (``kg.sparql``), parsed back with rdflib, or checked against the transcript.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, N3, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper

import kg.sparql
from kg.config import Settings
from kg.ontology import PREFIXES
from kg.server import make_server

ID = PREFIXES["id"]
SELECT = "SELECT ?person ?label WHERE { ?person a kg:Person ; rdfs:label ?label } ORDER BY ?label"
CONSTRUCT = "CONSTRUCT { ?s kg:studiedUnder ?o . ?s rdfs:label ?l } WHERE { ?s kg:studiedUnder ?o ; rdfs:label ?l }"
#: A cross join of every triple with itself three times: far beyond any timeout here.
SLOW = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . FILTER(STR(?c) != STR(?i)) }"
)

RECORDING = "https://www.youtube.com/watch?v=kgserve01"
HINTON_SEGMENT = (
    6.0,
    14.5,
    "Ilya Sutskever",
    "I did my PhD with Geoffrey Hinton in Toronto. Deep learning changed everything.",
)


def _running(outputs: Path, cors: tuple[str, ...] = (), **settings) -> tuple:
    server = make_server(outputs, port=0, settings=Settings(**settings), workers=2, cors=cors)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
    )
    thread.start()
    return server, thread


def _stop(server, thread) -> None:
    server.shutdown()
    server.server_close()
    thread.join(10)


@pytest.fixture(scope="module")
def server(seeds_build):
    server, thread = _running(seeds_build.outputs_dir, query_timeout=60.0, max_results=1000)
    yield server
    _stop(server, thread)


@pytest.fixture(scope="module")
def strict_server(seeds_build):
    """Small limits: a one-second timeout and three results at most."""
    server, thread = _running(seeds_build.outputs_dir, query_timeout=1.0, max_results=3)
    yield server
    _stop(server, thread)


@pytest.fixture(scope="module")
def interview_server(tmp_path_factory):
    """A build of a speaker-labelled, timed transcript with a recording URL."""
    from kg.build import build

    folder = tmp_path_factory.mktemp("serve-in")
    start, end, who, text = HINTON_SEGMENT
    segments = [
        {
            "start": 0.0,
            "end": 6.0,
            "speaker": "Lex Fridman",
            "text": "Welcome Ilya Sutskever of OpenAI.",
        },
        {"start": start, "end": end, "speaker": who, "text": text},
    ]
    (folder / "talk.json").write_text(json.dumps({"segments": segments}))
    (folder / "talk.meta.json").write_text(
        json.dumps(
            {
                "title": "Talk",
                "url": RECORDING,
                "speakers": [{"name": "Lex Fridman"}, {"name": who}],
            }
        )
    )
    out = tmp_path_factory.mktemp("serve-out")
    build([str(folder)], out)
    server, thread = _running(out, query_timeout=60.0, max_results=1000)
    yield server
    _stop(server, thread)


@pytest.fixture(scope="module")
def library(seeds_build):
    return kg.sparql.load(seeds_build.outputs_dir)


def http(method: str, url: str, body: bytes | None = None, headers: dict | None = None):
    """(status, headers, body) of one real HTTP request; errors are answers too."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def _wrapper(server, fmt, query) -> SPARQLWrapper:
    sparql = SPARQLWrapper(server.url + "sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def _library_rows(library, query) -> list[dict]:
    return [{k: str(v) for k, v in row.items()} for row in library.query(query)]


# -- protocol ----------------------------------------------------------------------------


def test_binds_to_loopback_by_default(server):
    assert server.server_address[0] == "127.0.0.1"


def test_sparqlwrapper_json(server, library):
    data = _wrapper(server, JSON, SELECT).query().convert()
    assert data["head"]["vars"] == ["person", "label"]
    rows = [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]
    assert rows == _library_rows(library, SELECT)
    assert {"person": ID + "geoffrey-hinton", "label": "Geoffrey Hinton"} in rows


def test_sparqlwrapper_xml(server, library):
    doc = _wrapper(server, XML, SELECT).query().convert()
    results = doc.getElementsByTagName("result")
    labels = [r.getElementsByTagName("literal")[0].firstChild.data for r in results]
    assert labels == [row["label"] for row in _library_rows(library, SELECT)]


def test_sparqlwrapper_csv_and_tsv(server, library):
    expected = _library_rows(library, SELECT)
    csv_text = _wrapper(server, CSV, SELECT).query().convert().decode()
    lines = csv_text.split("\r\n")
    assert lines[0] == "person,label" and len([line for line in lines if line]) == len(expected) + 1
    tsv_text = _wrapper(server, TSV, SELECT).query().convert().decode()
    tsv = [line.split("\t") for line in tsv_text.splitlines()]
    assert tsv[0] == ["?person", "?label"]
    assert [(p.strip("<>"), json.loads(label)) for p, label in tsv[1:]] == [
        (r["person"], r["label"]) for r in expected
    ]


def test_sparqlwrapper_ask(server):
    assert (
        _wrapper(server, JSON, "ASK { ?s kg:studiedUnder ?o }").query().convert()["boolean"] is True
    )


@pytest.mark.parametrize("fmt,accept", [(TURTLE, None), (N3, "application/n-triples")])
def test_construct_in_turtle_and_ntriples(server, library, fmt, accept):
    sparql = _wrapper(server, fmt, CONSTRUCT)
    if accept:
        sparql.setOnlyConneg(True)
        sparql.addCustomHttpHeader("Accept", accept)
    response = sparql.query()
    media = response.info()["content-type"]
    assert media.startswith("text/turtle" if fmt == TURTLE else "application/n-triples")
    body = response.convert().decode()
    graph = Graph().parse(data=body, format="turtle" if fmt == TURTLE else "nt")
    expected = {
        (str(t.subject), str(t.predicate), str(t.object)) for t in library.query(CONSTRUCT).terms()
    }
    assert {(s.n3(), p.n3(), o.n3()) for s, p, o in graph} == expected and expected


def test_post_form_and_direct_body(server, library):
    expected = _library_rows(library, SELECT)
    for method in ("form", "direct"):
        sparql = _wrapper(server, JSON, SELECT)
        sparql.setMethod(POST)
        if method == "direct":
            sparql.setRequestMethod(POSTDIRECTLY)
        data = sparql.query().convert()
        assert [
            {k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]
        ] == expected, method
    status, headers, body = http(
        "POST",
        server.url + "sparql",
        SELECT.encode(),
        {"Content-Type": "application/sparql-query; charset=utf-8", "Accept": "text/csv"},
    )
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode().count("\r\n") == len(expected) + 1


def test_negotiation_defaults_and_format_parameter(server):
    url = server.url + "sparql?" + urllib.parse.urlencode({"query": SELECT})
    status, headers, _ = http("GET", url)
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    status, headers, _ = http(
        "GET", server.url + "sparql?" + urllib.parse.urlencode({"query": CONSTRUCT})
    )
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    status, headers, _ = http(
        "GET", url + "&format=tsv", headers={"Accept": "application/sparql-results+xml"}
    )
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    status, headers, _ = http(
        "GET", url, headers={"Accept": "text/html;q=0.9, application/sparql-results+xml"}
    )
    assert headers["Content-Type"] == "application/sparql-results+xml"
    status, _, body = http("GET", url, headers={"Accept": "image/png"})
    assert status == 406 and b"available" in body


def test_syntax_error_is_400_with_line_and_column(server):
    query = "SELECT ?s\nWHERE {\n  ?s nope:thing ?o }"
    status, headers, body = http(
        "GET", server.url + "sparql?" + urllib.parse.urlencode({"query": query})
    )
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert body.decode().startswith(
        f"query:3:{query.splitlines()[2].index('nope') + 1}: undeclared prefix"
    )
    status, _, body = http("GET", server.url + "sparql")
    assert status == 400 and b"query" in body


@pytest.mark.parametrize(
    "request_kind",
    [
        "update-param",
        "update-body",
        "insert-as-query",
        "load",
        "clear",
        "drop",
        "create",
        "service",
    ],
)
def test_updates_load_and_service_are_refused(server, library, request_kind):
    before = len(library)
    url = server.url + "sparql"
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    requests = {
        "update-param": (
            "POST",
            urllib.parse.urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}),
            form,
        ),
        "update-body": (
            "POST",
            "DELETE WHERE { ?s ?p ?o }",
            {"Content-Type": "application/sparql-update"},
        ),
        "insert-as-query": (
            "POST",
            urllib.parse.urlencode({"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}),
            form,
        ),
        "load": (
            "POST",
            urllib.parse.urlencode({"query": "LOAD <http://example.org/data.ttl>"}),
            form,
        ),
        "clear": ("POST", urllib.parse.urlencode({"query": "CLEAR ALL"}), form),
        "drop": ("POST", urllib.parse.urlencode({"query": "DROP ALL"}), form),
        "create": ("POST", urllib.parse.urlencode({"query": "CREATE GRAPH <urn:g>"}), form),
        "service": ("GET", None, {}),
    }
    method, body, headers = requests[request_kind]
    if request_kind == "service":
        query = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
        url += "?" + urllib.parse.urlencode({"query": query})
    status, _, answer = http(method, url, body.encode() if body else None, headers)
    assert status == 403
    assert re.search(rb"refused", answer) and answer.count(b"\n") == 1
    assert len(library) == before


def test_timeout_stops_a_slow_query_and_the_server_keeps_answering(strict_server):
    started = time.monotonic()
    status, _, body = http(
        "POST",
        strict_server.url + "sparql",
        SLOW.encode(),
        {"Content-Type": "application/sparql-query"},
    )
    assert status == 503 and b"timeout" in body
    assert time.monotonic() - started < 30  # stopped, not run to the end (which would take hours)
    status, _, body = http(
        "GET",
        strict_server.url
        + "sparql?"
        + urllib.parse.urlencode({"query": "ASK { ?s kg:studiedUnder ?o }"}),
    )
    assert status == 200 and json.loads(body)["boolean"] is True


def test_result_cap_truncates_and_says_so(strict_server, library):
    total = len(library.query(SELECT))
    assert total > 3
    status, headers, body = http(
        "GET", strict_server.url + "sparql?" + urllib.parse.urlencode({"query": SELECT})
    )
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == 3
    assert headers["X-KG-Truncated"] == "true" and headers["X-KG-Max-Results"] == "3"
    small = "SELECT ?s WHERE { ?s kg:studiedUnder ?o } LIMIT 1"
    status, headers, _ = http(
        "GET", strict_server.url + "sparql?" + urllib.parse.urlencode({"query": small})
    )
    assert status == 200 and headers["X-KG-Truncated"] is None


CROSS_SITE_FORM = {
    "Origin": "http://attacker.example",
    "Sec-Fetch-Site": "cross-site",
    "Content-Type": "application/x-www-form-urlencoded",
}


def test_no_cross_origin_access_unless_named(server):
    """By default another site's page can neither read answers nor post a form."""
    query = urllib.parse.urlencode({"query": SELECT})
    status, headers, body = http(
        "GET", server.url + "sparql?" + query, headers={"Origin": "http://attacker.example"}
    )
    assert status == 403 and b"kg serve --cors" in body
    assert headers["Access-Control-Allow-Origin"] is None
    status, _, body = http("POST", server.url + "sparql", query.encode(), CROSS_SITE_FORM)
    assert status == 403 and b"attacker.example" in body
    # A form from a sandboxed page (Origin: null) or with only Sec-Fetch-Site is refused too.
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    for headers in ({"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"}):
        status, _, _ = http("POST", server.url + "sparql", query.encode(), {**form, **headers})
        assert status == 403
    status, _, _ = http(
        "OPTIONS",
        server.url + "sparql",
        headers={"Origin": "http://attacker.example", "Access-Control-Request-Method": "POST"},
    )
    assert status == 403
    # The server's own page (same origin), curl and scripts (no Origin) are served.
    own = urllib.parse.urlsplit(server.url).netloc
    status, headers, _ = http(
        "POST",
        server.url + "sparql",
        query.encode(),
        {**CROSS_SITE_FORM, "Origin": f"http://{own}", "Sec-Fetch-Site": "same-origin"},
    )
    assert status == 200 and headers["Access-Control-Allow-Origin"] is None
    assert http("GET", server.url + "sparql?" + query)[0] == 200


def test_host_headers_other_than_the_address_are_refused(server):
    """DNS rebinding: a page on evil.example whose name now points at 127.0.0.1."""
    port = urllib.parse.urlsplit(server.url).port
    query = server.url + "sparql?" + urllib.parse.urlencode({"query": SELECT})
    status, _, body = http("GET", query, headers={"Host": f"evil.example:{port}"})
    assert status == 403 and b"DNS rebinding" in body
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", "localhost", f"app.localhost:{port}"):
        assert http("GET", query, headers={"Host": host})[0] == 200, host


def test_cors_for_named_origins(seeds_build):
    server, thread = _running(
        seeds_build.outputs_dir, cors=("http://example.org",), query_timeout=60.0
    )
    try:
        status, headers, _ = http(
            "GET",
            server.url + "sparql?" + urllib.parse.urlencode({"query": SELECT}),
            headers={"Origin": "http://example.org"},
        )
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "http://example.org"
        assert "X-KG-Truncated" in headers["Access-Control-Expose-Headers"]
        assert "Origin" in headers["Vary"]
        status, headers, _ = http(
            "OPTIONS",
            server.url + "sparql",
            headers={
                "Origin": "http://example.org",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        assert status == 204 and headers["Access-Control-Allow-Origin"] == "http://example.org"
        assert "POST" in headers["Access-Control-Allow-Methods"]
        assert "content-type" in headers["Access-Control-Allow-Headers"].lower()
        status, _, _ = http(
            "GET",
            server.url + "sparql?" + urllib.parse.urlencode({"query": SELECT}),
            headers={"Origin": "http://other.example"},
        )
        assert status == 403
    finally:
        _stop(server, thread)


def test_unsupported_content_type(server):
    status, _, body = http(
        "POST", server.url + "sparql", b"<x/>", {"Content-Type": "application/xml"}
    )
    assert status == 415 and b"application/sparql-query" in body


# -- pages -------------------------------------------------------------------------------


class _Page(HTMLParser):
    """Texts of <h1>, <q> and <a class="time"> elements, and every href."""

    def __init__(self):
        super().__init__()
        self.texts: dict[str, list[str]] = {"h1": [], "q": [], "time": []}
        self.links: list[str] = []
        self.time_links: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "href" in attrs:
            self.links.append(attrs["href"])
        key = "time" if tag == "a" and attrs.get("class") == "time" else tag
        if key == "time":
            self.time_links.append(attrs["href"])
        if key in self.texts:
            self.texts[key].append("")
            self._open.append(key)

    def handle_endtag(self, tag):
        if self._open and (tag == self._open[-1] or (tag == "a" and self._open[-1] == "time")):
            self._open.pop()

    def handle_data(self, data):
        if self._open:
            self.texts[self._open[-1]][-1] += data


def _parse(body: bytes) -> _Page:
    page = _Page()
    page.feed(body.decode())
    return page


def test_entity_page_shows_what_the_graph_says(server, library):
    status, headers, body = http("GET", server.url + "entity/geoffrey-hinton")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    page = _parse(body)
    assert page.texts["h1"] == ["Geoffrey Hinton"]
    rows = library.query_named("about_entity", {"label": "Geoffrey Hinton"}).rows()
    assert set(page.texts["q"]) == {r["quote"] for r in rows}
    others = {"/entity/" + r["other"].removeprefix(ID) for r in rows}
    assert others <= set(page.links)
    text = body.decode()
    for alias in library.query(
        f"SELECT ?a WHERE {{ <{ID}geoffrey-hinton> skos:altLabel ?a }}"
    ).rows():
        assert alias["a"] in text


def test_entity_page_links_the_recording_moment(interview_server):
    status, _, body = http("GET", interview_server.url + "entity/geoffrey-hinton")
    assert status == 200
    page = _parse(body)
    start, end, who, text = HINTON_SEGMENT
    assert f"{RECORDING}&t={int(start)}" in page.time_links
    assert any(q in text for q in page.texts["q"])
    assert f"0:{int(start):02d}\u20130:{int(end):02d}" in " ".join(page.texts["time"])
    assert who in body.decode()


def test_unknown_entity_and_paths(server):
    assert http("GET", server.url + "entity/no-such-thing")[0] == 404
    assert http("GET", server.url + "entity/%3Cscript%3E")[0] == 404
    assert http("GET", server.url + "nowhere")[0] == 404


def test_graph_page_and_site_files(server, seeds_build):
    status, headers, body = http("GET", server.url + "graph")  # urllib follows the redirect
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert body == (seeds_build.outputs_dir / "graph.html").read_bytes()
    for path in (
        "site/../build.json",
        "site/store/CURRENT",
        "site/graph.json",
        "site/%2e%2e/conftest.py",
    ):
        assert http("GET", server.url + path)[0] == 404, path


def test_ui_page_is_self_contained(server):
    status, headers, body = http("GET", server.url)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    text = body.decode()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)  # no CDN, nothing remote
    data = json.loads(
        re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', text, re.S).group(
            1
        )
    )
    expected = [(q.name, q.description, q.text) for q in kg.sparql.named_queries().values()]
    assert [(q["name"], q["description"], q["text"]) for q in data["queries"]] == expected
    assert data["entityBase"] == ID


@pytest.mark.browser
def test_ui_runs_a_named_query_and_links_entities(server, browser, artifacts_dir):
    page = browser.new_page()
    requested, problems = [], []
    page.on("request", lambda r: requested.append(r.url))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(server.url)
    page.select_option("#examples", "studied_under")
    assert page.input_value("#query") == kg.sparql.named_query("studied_under").text
    page.click("#run")
    page.wait_for_selector("#results tbody tr")
    headers = page.locator("#results thead th").all_inner_texts()
    rows = page.locator("#results tbody tr").all_inner_texts()
    assert headers[:4] == ["studentEntity", "studentLabel", "teacherEntity", "teacherLabel"]
    assert any("Geoffrey Hinton" in row for row in rows)
    assert re.match(r"\d+ rows? in", page.inner_text("#status"))
    page.screenshot(path=str(artifacts_dir / "sparql_ui.png"), full_page=True)
    page.locator("#results a.entity", has_text="id:geoffrey-hinton").first.click()
    page.wait_for_url("**/entity/geoffrey-hinton")
    assert page.inner_text("h1") == "Geoffrey Hinton"
    assert any("Hinton" in q for q in page.locator("q").all_inner_texts())
    assert all(url.startswith(server.url) for url in requested), requested
    assert not problems, problems
    page.close()


@pytest.mark.browser
def test_ui_binds_named_query_parameters(server, browser, library):
    page = browser.new_page()
    page.goto(server.url)
    page.select_option("#examples", "about_entity")
    page.fill("#param-label", "Hinton")
    page.click("#run")
    page.wait_for_selector("#results tbody tr")
    expected = library.query_named("about_entity", {"label": "Hinton"}).rows()
    assert page.locator("#results tbody tr").count() == len(expected)
    entities = set(page.locator("#results tbody td:first-child").all_inner_texts())
    assert entities == {"id:geoffrey-hinton"}
    page.close()


def test_param_fields_bind_variables_over_http(server, library):
    query = kg.sparql.named_query("about_entity").text
    body = urllib.parse.urlencode({"query": query, "param.label": "Hinton"}).encode()
    status, _, answer = http(
        "POST", server.url + "sparql", body, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 200
    rows = [
        {k: v["value"] for k, v in b.items()} for b in json.loads(answer)["results"]["bindings"]
    ]
    expected = library.query_named("about_entity", {"label": "Hinton"}).rows()
    assert len(rows) == len(expected) and {r["entity"] for r in rows} == {ID + "geoffrey-hinton"}
    body = urllib.parse.urlencode(
        {"query": "SELECT * WHERE { ?s ?p ?o }", "param.nothere": "x"}
    ).encode()
    status, _, answer = http(
        "POST", server.url + "sparql", body, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 400 and b"no variable ?nothere" in answer


@pytest.mark.browser
def test_ui_shows_data_as_text_never_as_markup(server, browser):
    page = browser.new_page()
    page.goto(server.url)
    payload = '<img src=x onerror="window.__pwned=1">'
    literal = payload.replace('"', '\\"')
    page.fill("#query", f'SELECT ?x WHERE {{ BIND("{literal}" AS ?x) }}')
    page.click("#run")
    page.wait_for_selector("#results tbody td")
    assert page.inner_text("#results tbody td") == payload
    assert page.locator("#results img").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.fill("#query", "SELECT ?x WHERE { ?x nope:y ?z }")
    page.click("#run")
    page.wait_for_selector("#status.error")
    assert "HTTP 400" in page.inner_text("#status") and "undeclared prefix" in page.inner_text(
        "#status"
    )
    page.close()


def test_kg_serve_command(seeds_build):
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kg",
            "serve",
            "--port",
            "0",
            "-q",
            "-o",
            str(seeds_build.outputs_dir),
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stderr.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/)sparql", line)
        assert match, line
        status, _, body = http(
            "GET",
            match.group(1)
            + "sparql?"
            + urllib.parse.urlencode({"query": "ASK { ?s kg:studiedUnder ?o }"}),
        )
        assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        proc.send_signal(signal.SIGINT)
        rest = proc.communicate(timeout=30)[1]
    assert proc.returncode == 0 and "Traceback" not in rest
