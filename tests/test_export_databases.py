"""``kg export`` into real databases: FalkorDB, Kuzu and Virtuoso, started here on free
loopback ports (``tests/servers.py``), plus the Neo4j Cypher script run on FalkorDB.

Each database is asked, in its own query language, the same three questions as the
SPARQL queries below, and must give the answers pyoxigraph gives over the build's
``graph.nq``:

1. people and their organizations (worksFor / founded / affiliatedWith, with roles);
2. the quotes supporting one typed edge (Ilya Sutskever worksFor OpenAI when the build
   has it, else the first typed edge);
3. the ten most connected concepts (distinct entity neighbours).

Tests skip only when a server binary is not installed (the skip says which).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from servers import FalkorServer, ServerMissing, VirtuosoServer, falkordb_server, virtuoso_server

from kg.cli import main
from kg.export.common import build_base_iri
from kg.export.cypher import cypher_literal
from kg.export.property_graph import RELATION_TYPES, relationship_type
from kg.ontology import TYPED_PREDICATES, Iris

PREFIXES = """\
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

PEOPLE_AND_ORGANIZATIONS = (
    PREFIXES
    + """\
SELECT ?person ?relation ?org ?role WHERE {
  VALUES ?p { kg:worksFor kg:founded kg:affiliatedWith }
  ?s ?p ?o .
  ?s a kg:Person ; rdfs:label ?person .
  ?o a kg:Organization ; rdfs:label ?org .
  BIND(STRAFTER(STR(?p), "#") AS ?relation)
  OPTIONAL { ?a rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:role ?role }
}"""
)

EDGE_EVIDENCE = (
    PREFIXES
    + """\
SELECT ?quote ?start WHERE {
  ?a rdf:subject <%(s)s> ; rdf:predicate <%(p)s> ; rdf:object <%(o)s> ; kg:quote ?quote .
  OPTIONAL { ?a kg:startTime ?start }
}"""
)

CONNECTED_CONCEPTS = (
    PREFIXES
    + """\
SELECT ?concept (COUNT(DISTINCT ?n) AS ?degree) WHERE {
  VALUES ?type { kg:Person kg:Organization kg:Place kg:Product kg:Work kg:Concept kg:Event }
  ?c a kg:Concept ; rdfs:label ?concept .
  { ?c ?p ?n } UNION { ?n ?p ?c }
  ?n a ?type .
  FILTER(?n != ?c)
} GROUP BY ?c ?concept ORDER BY DESC(?degree) STR(?c) LIMIT 10"""
)

PEOPLE_TYPES = "|".join(relationship_type(p) for p in ("worksFor", "founded", "affiliatedWith"))

# Cypher for FalkorDB (entities carry their type as a label, as in Neo4j) ...
FALKOR_PEOPLE = f"""
MATCH (s:Person)-[r:{PEOPLE_TYPES}]->(o:Organization)
OPTIONAL MATCH (s)-[:HAS_EVIDENCE]->(e:Evidence) WHERE e.relation = r.id
RETURN s.label, r.predicate, o.label, e.role"""
FALKOR_EVIDENCE = """
MATCH (s:Entity {id: $s})-[r:%s]->(o:Entity {id: $o}), (s)-[:HAS_EVIDENCE]->(e:Evidence)
WHERE e.relation = r.id RETURN e.quote, e.start_time"""
FALKOR_CONCEPTS = """
MATCH (c:Concept)-[]-(n:Entity) WHERE n.id <> c.id
RETURN c.id AS id, c.label AS label, count(DISTINCT n) AS degree ORDER BY degree DESC, id LIMIT 10"""

# ... and for Kuzu (one Entity table with a type column).
KUZU_PEOPLE = f"""
MATCH (s:Entity)-[r:{PEOPLE_TYPES}]->(o:Entity) WHERE s.type = 'Person' AND o.type = 'Organization'
OPTIONAL MATCH (s)-[:HAS_EVIDENCE]->(e:Evidence) WHERE e.relation = r.id
RETURN s.label, r.predicate, o.label, e.role"""
KUZU_EVIDENCE = """
MATCH (s:Entity {id: $s})-[r:%s]->(o:Entity {id: $o}), (s)-[:HAS_EVIDENCE]->(e:Evidence)
WHERE e.relation = r.id RETURN e.quote, e.start_time"""
KUZU_CONCEPTS = """
MATCH (c:Entity)-[]-(n:Entity) WHERE c.type = 'Concept' AND n.id <> c.id
RETURN c.id AS id, c.label AS label, count(DISTINCT n.id) AS degree ORDER BY degree DESC, id LIMIT 10"""


# -- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference(outputs):
    """Run a SPARQL query with pyoxigraph over the build's graph.nq (all graphs as one)."""
    store = ox.Store()
    store.bulk_load(path=str(outputs / "graph.nq"), format=ox.RdfFormat.N_QUADS)

    def run(query: str) -> list[tuple]:
        result = store.query(query, use_default_graph_as_union=True)
        names = [v.value for v in result.variables]
        return [tuple(None if row[n] is None else row[n].value for n in names) for row in result]

    return run


@pytest.fixture(scope="module")
def edge(kg, outputs) -> dict[str, str]:
    """The typed edge whose evidence is compared: Ilya -> OpenAI worksFor, else the first one."""
    typed = sorted(
        (r for r in kg.relations if r.kind == "typed" and r.evidence),
        key=lambda r: (r.subject, r.predicate, r.object),
    )
    assert typed, "the seeds build has no typed relation with evidence"
    preferred = [
        r
        for r in typed
        if (r.subject, r.predicate, r.object) == ("ilya-sutskever", "worksFor", "openai")
    ]
    r = (preferred or typed)[0]
    iris = Iris(build_base_iri(outputs))
    return {
        "subject": r.subject,
        "object": r.object,
        "type": relationship_type(r.predicate),
        "s": str(iris.entity(r.subject)),
        "p": str(iris.predicate(r.predicate)),
        "o": str(iris.entity(r.object)),
    }


def _running(start):
    """The server ``start()`` runs, for a fixture; the test skips where it is not installed."""
    try:
        with start() as server:
            yield server
    except ServerMissing as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def falkor() -> Iterator[FalkorServer]:
    yield from _running(falkordb_server)


@pytest.fixture(scope="module")
def virtuoso() -> Iterator[VirtuosoServer]:
    yield from _running(virtuoso_server)


# -- helpers ----------------------------------------------------------------------------------


def export(outputs: Path, fmt: str, *args: str) -> tuple[int, str, str]:
    """``kg export`` in-process; (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["export", fmt, "--outputs", str(outputs), *args])
    return code, out.getvalue(), err.getvalue()


def roles_by_edge(rows: list[tuple]) -> dict[tuple, frozenset]:
    """(person, relation, org) -> the roles stated for it (rows without a role add none)."""
    grouped: dict[tuple, set] = defaultdict(set)
    for person, relation, org, role in rows:
        grouped[(person, relation, org)].update({role} if role else set())
    return {k: frozenset(v) for k, v in grouped.items()}


def quotes(rows: list[tuple]) -> set[tuple]:
    return {(q, None if t is None else round(float(t), 3)) for q, t in rows}


def concepts(rows: list[tuple]) -> list[tuple]:
    """(label, degree) in rank order; Cypher rows carry the id first."""
    return [(row[-2], int(row[-1])) for row in rows]


def assert_same_answers(reference, edge, people, evidence, top) -> None:
    want_people = roles_by_edge(reference(PEOPLE_AND_ORGANIZATIONS))
    assert want_people, "the reference query found no people with organizations"
    assert roles_by_edge(people) == want_people
    want_quotes = quotes(reference(EDGE_EVIDENCE % edge))
    assert want_quotes, "the reference query found no evidence for the edge"
    assert quotes(evidence) == want_quotes
    want_top = concepts(reference(CONNECTED_CONCEPTS))
    assert want_top, "the reference query found no concepts"
    assert concepts(top) == want_top


# -- FalkorDB -----------------------------------------------------------------------------------


def falkor_graph(server: FalkorServer, name: str):
    import falkordb

    return falkordb.FalkorDB(host=server.host, port=server.port).select_graph(name)


def falkor_rows(graph, query: str, params: dict | None = None) -> list[tuple]:
    return [tuple(row) for row in graph.query(query, params).result_set]


def falkor_counts(graph) -> dict[str, int]:
    """Nodes per label and relationships per type, as the server counts them."""
    counts: dict[str, int] = {}
    for (label,) in falkor_rows(graph, "CALL db.labels()"):
        counts[label] = falkor_rows(graph, f"MATCH (n:`{label}`) RETURN count(n)")[0][0]
    for (rtype,) in falkor_rows(graph, "CALL db.relationshipTypes()"):
        counts[rtype] = falkor_rows(graph, f"MATCH ()-[r:`{rtype}`]->() RETURN count(r)")[0][0]
    return {k: v for k, v in sorted(counts.items()) if v}


def test_falkordb_answers_like_sparql(outputs, falkor, reference, edge, pg):
    code, out, err = export(
        outputs, "falkordb", "--host", falkor.host, "--port", str(falkor.port), "--graph", "seeds"
    )
    assert code == 0, err
    g = falkor_graph(falkor, "seeds")
    assert falkor_counts(g) == pg.counts()
    assert_same_answers(
        reference,
        edge,
        falkor_rows(g, FALKOR_PEOPLE),
        falkor_rows(g, FALKOR_EVIDENCE % edge["type"], {"s": edge["subject"], "o": edge["object"]}),
        falkor_rows(g, FALKOR_CONCEPTS),
    )


def test_falkordb_reexport_adds_nothing_and_replace_drops_stale_nodes(outputs, falkor, pg):
    args = ("--host", falkor.host, "--port", str(falkor.port), "--graph", "twice")
    g = falkor_graph(falkor, "twice")
    for _ in range(2):
        code, out, err = export(outputs, "falkordb", *args)
        assert code == 0, err
        assert falkor_counts(g) == pg.counts()
    g.query("CREATE (:Entity:Concept {id: 'stale-from-an-older-build'})")
    code, out, err = export(outputs, "falkordb", *args)  # MERGE keeps what it does not know
    assert code == 0, err
    assert falkor_rows(g, "MATCH (n {id: 'stale-from-an-older-build'}) RETURN count(n)") == [(1,)]
    code, out, err = export(outputs, "falkordb", *args, "--replace")
    assert code == 0, err
    assert falkor_counts(g) == pg.counts()


def test_cypher_literals_read_back_through_a_real_parser(falkor):
    """Strings that need escaping come back from FalkorDB's parser exactly as written."""
    g = falkor_graph(falkor, "literals")
    values = [
        "it's",
        'say "hi"',
        "back\\slash",
        "two\nlines\tand\rreturn",
        "naïve — 東京 🚀",
        "",
        ["a;b", "c'd"],
        {"k": [1, 2.5, True]},
    ]
    for value in values:
        assert falkor_rows(g, f"RETURN {cypher_literal(value)}")[0][0] == value


# -- the Neo4j Cypher script -------------------------------------------------------------------


def split_cypher(script: str) -> list[str]:
    """Statements of a Cypher script: ``;`` ends one outside strings, names and comments.

    Raises AssertionError on an unterminated string, an unknown escape, unbalanced brackets
    or trailing text without ``;`` (a syntax check that needs no server).
    """
    statements, buf, i, depth = [], [], 0, []
    pairs = {"(": ")", "[": "]", "{": "}"}
    while i < len(script):
        ch = script[i]
        if ch == "/" and script.startswith("//", i):
            i = script.index("\n", i) + 1 if "\n" in script[i:] else len(script)
            continue
        if ch in "'\"`":
            end = i + 1
            while True:
                assert end < len(script), f"unterminated {ch} at offset {i}"
                if script[end] == "\\" and ch != "`":
                    assert re.match(r"\\([\\'\"ntrbf]|u[0-9a-fA-F]{4})", script[end:]), (
                        f"bad escape at {end}"
                    )
                    end += 6 if script[end + 1] == "u" else 2
                    continue
                if script[end] == ch:
                    break
                end += 1
            buf.append(script[i : end + 1])
            i = end + 1
            continue
        if ch in pairs:
            depth.append(pairs[ch])
        elif ch in ")]}":
            assert depth and depth.pop() == ch, f"unbalanced {ch} at offset {i}"
        if ch == ";" and not depth:
            statements.append("".join(buf).strip())
            buf = []
        else:
            buf.append(ch)
        i += 1
    assert not depth, "unclosed bracket at the end of the script"
    assert not "".join(buf).strip(), "text after the last ';'"
    return statements


@pytest.fixture(scope="module")
def cypher_script(outputs, tmp_path_factory) -> list[str]:
    target = tmp_path_factory.mktemp("neo4j-script")
    code, out, err = export(outputs, "neo4j", "--to", str(target))
    assert code == 0, err
    return split_cypher((target / "load.cypher").read_text(encoding="utf-8"))


def test_cypher_script_is_constraints_then_unwind_merge(cypher_script, pg):
    kinds = ["constraint" if s.startswith("CREATE CONSTRAINT") else "data" for s in cypher_script]
    assert kinds == sorted(kinds), "constraints must come before the data"
    assert kinds.count("constraint") == len(pg.nodes)
    for statement in cypher_script:
        if statement.startswith("CREATE CONSTRAINT"):
            assert re.fullmatch(
                r"CREATE CONSTRAINT \w+ IF NOT EXISTS FOR \(n:\w+\) REQUIRE n\.id IS UNIQUE",
                statement,
            ), statement
        else:
            assert (
                statement.startswith("UNWIND [")
                and "] AS row M" in statement
                and " MERGE (" in statement
            )


def test_split_cypher_rejects_broken_scripts():
    with pytest.raises(AssertionError):
        split_cypher("UNWIND ['a] AS row RETURN row;")
    with pytest.raises(AssertionError):
        split_cypher("UNWIND [{a: 1} AS row RETURN row;")
    with pytest.raises(AssertionError):
        split_cypher("RETURN 'x\\q';")
    assert split_cypher("// c\nRETURN 'a;b';\nRETURN [1];\n") == ["RETURN 'a;b'", "RETURN [1]"]


def test_cypher_script_loads_into_falkordb_twice(cypher_script, falkor, pg):
    """The script's data statements run as they are on a real Cypher engine; twice = once."""
    g = falkor_graph(falkor, "script")
    g.query("CREATE INDEX FOR (n:Entity) ON (n.id)")  # FalkorDB's counterpart of the constraints
    for _ in range(2):
        for statement in cypher_script:
            if not statement.startswith("CREATE CONSTRAINT"):
                g.query(statement)
        assert falkor_counts(g) == pg.counts()


# -- Kuzu ------------------------------------------------------------------------------------------


def kuzu_rows(path: Path, query: str, params: dict | None = None) -> list[tuple]:
    import kuzu

    db = kuzu.Database(str(path), read_only=True)
    conn = kuzu.Connection(db)
    try:
        result = conn.execute(query, params or {})
        return [tuple(row) for row in result.get_all()]
    finally:
        conn.close()
        db.close()


def kuzu_counts(path: Path) -> dict[str, int]:
    tables = kuzu_rows(path, "CALL show_tables() RETURN name, type")
    counts = {}
    for name, kind in tables:
        pattern = (
            f"MATCH (n:`{name}`) RETURN count(n)"
            if kind == "NODE"
            else f"MATCH ()-[r:`{name}`]->() RETURN count(r)"
        )
        counts[name] = kuzu_rows(path, pattern)[0][0]
    entity_types = kuzu_rows(path, "MATCH (n:Entity) RETURN n.type, count(n)")
    counts.update({t: n for t, n in entity_types})
    return {k: v for k, v in sorted(counts.items()) if v}


@pytest.fixture(scope="module")
def kuzu_db(outputs, tmp_path_factory) -> Path:
    pytest.importorskip("kuzu", reason="kuzu is not installed (pip install kuzu)")
    path = tmp_path_factory.mktemp("kuzu") / "seeds.kuzu"
    code, out, err = export(outputs, "kuzu", "--to", str(path))
    assert code == 0, err
    return path


def test_kuzu_answers_like_sparql(kuzu_db, reference, edge, pg):
    assert kuzu_counts(kuzu_db) == pg.counts()
    assert_same_answers(
        reference,
        edge,
        kuzu_rows(kuzu_db, KUZU_PEOPLE),
        kuzu_rows(
            kuzu_db, KUZU_EVIDENCE % edge["type"], {"s": edge["subject"], "o": edge["object"]}
        ),
        kuzu_rows(kuzu_db, KUZU_CONCEPTS),
    )


def test_kuzu_has_every_relationship_type_and_reexport_replaces(outputs, kuzu_db, pg):
    import kuzu

    tables = {name for name, _ in kuzu_rows(kuzu_db, "CALL show_tables() RETURN name, type")}
    assert set(RELATION_TYPES) <= tables  # queries may name types this build lacks
    db = kuzu.Database(str(kuzu_db))
    conn = kuzu.Connection(db)
    conn.execute("CREATE (:Entity {id: 'stale-from-an-older-build', type: 'Concept'})")
    conn.close()
    db.close()
    code, out, err = export(outputs, "kuzu", "--to", str(kuzu_db))
    assert code == 0, err
    assert kuzu_counts(kuzu_db) == pg.counts()


def test_kuzu_keeps_other_tables_and_lists(outputs, tmp_path, kg):
    import kuzu

    path = tmp_path / "mixed.kuzu"
    db = kuzu.Database(str(path))
    conn = kuzu.Connection(db)
    conn.execute("CREATE NODE TABLE Mine(id STRING PRIMARY KEY)")
    conn.execute("CREATE (:Mine {id: 'kept'})")
    conn.close()
    db.close()
    for _ in range(2):
        code, out, err = export(outputs, "kuzu", "--to", str(path))
        assert code == 0, err
    assert kuzu_rows(path, "MATCH (m:Mine) RETURN m.id") == [("kept",)]
    aliases = dict(kuzu_rows(path, "MATCH (e:Entity) RETURN e.id, e.aliases"))
    assert aliases == {e.key: (list(e.aliases) or None) for e in kg.entities}


# -- Virtuoso (remote SPARQL store) --------------------------------------------------------------


def virtuoso_select(server: VirtuosoServer, query: str, graph: str) -> list[tuple]:
    params = urllib.parse.urlencode({"query": query, "default-graph-uri": graph})
    request = urllib.request.Request(
        f"{server.sparql}?{params}", headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        data = json.load(response)
    names = data["head"]["vars"]
    return [
        tuple(b[n]["value"] if n in b else None for n in names) for b in data["results"]["bindings"]
    ]


def triples_in(server: VirtuosoServer, graph: str) -> int:
    rows = virtuoso_select(
        server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", graph
    )
    return int(rows[0][0])


STALE = '<https://example.org/stale> <https://example.org/p> "from an older build" .\n'


def add_stale_triple(server: VirtuosoServer, graph: str) -> None:
    """Put a triple the build does not have into ``graph``: an export must remove it."""
    import requests
    from requests.auth import HTTPDigestAuth

    response = requests.post(
        server.graph_store,
        params={"graph": graph},
        data=STALE.encode(),
        headers={"Content-Type": "application/n-triples"},
        auth=HTTPDigestAuth(server.user, server.password),
        timeout=30,
    )
    assert response.status_code in (200, 201, 204), response.text


def nt_lines(outputs: Path) -> int:
    return sum(
        1
        for line in (outputs / "graph.nt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    )


def test_virtuoso_graph_store_answers_like_sparql(outputs, virtuoso, reference, edge):
    graph = "https://w3id.org/kg/graph/build"
    args = (
        "--endpoint",
        virtuoso.graph_store,
        "--user",
        virtuoso.user,
        "--password",
        virtuoso.password,
        "--auth",
        "digest",
    )
    for chunk in ("500", "100000"):  # several PUT/POST requests, then one: same graph both times
        add_stale_triple(virtuoso, graph)
        code, out, err = export(outputs, "sparql", *args, "--chunk", chunk)
        assert code == 0, err
        assert triples_in(virtuoso, graph) == nt_lines(outputs)
    assert_same_answers(
        reference,
        edge,
        virtuoso_select(virtuoso, PEOPLE_AND_ORGANIZATIONS, graph),
        virtuoso_select(virtuoso, EDGE_EVIDENCE % edge, graph),
        virtuoso_select(virtuoso, CONNECTED_CONCEPTS, graph),
    )


def test_virtuoso_sparql_update_replaces_its_graph(outputs, virtuoso, reference):
    graph = "https://example.org/kg/update-test"
    args = (
        "--endpoint",
        virtuoso.update,
        "--protocol",
        "update",
        "--graph",
        graph,
        "--user",
        virtuoso.user,
        "--password",
        virtuoso.password,
        "--auth",
        "digest",
        "--chunk",
        "1000",
    )
    for _ in range(2):
        add_stale_triple(virtuoso, graph)
        code, out, err = export(outputs, "sparql", *args)
        assert code == 0, err
        assert triples_in(virtuoso, graph) == nt_lines(outputs)
    assert concepts(virtuoso_select(virtuoso, CONNECTED_CONCEPTS, graph)) == concepts(
        reference(CONNECTED_CONCEPTS)
    )


def test_virtuoso_refuses_a_wrong_password_in_one_line(outputs, virtuoso):
    for auth in ("digest", "basic"):
        code, out, err = export(
            outputs,
            "sparql",
            "--endpoint",
            virtuoso.graph_store,
            "--user",
            "dba",
            "--password",
            "wrong",
            "--auth",
            auth,
        )
        assert code == 2
        assert err.startswith("error: ") and len(err.strip().splitlines()) == 1 and "401" in err, (
            err
        )


# -- the same graph in every format ----------------------------------------------------------------


def test_node_and_edge_counts_agree_across_formats(outputs, kg, pg, falkor, kuzu_db, tmp_path):
    """Entities and entity-to-entity relations: files read back, CSV rows, database counts."""
    want = (len(kg.entities), len(kg.relations))
    found: dict[str, tuple[int, int]] = {}
    for fmt, reader in (
        ("graphml", nx.read_graphml),
        ("gexf", nx.read_gexf),
        ("json", lambda p: nx.node_link_graph(json.loads(Path(p).read_text()), edges="links")),
    ):
        path = tmp_path / f"g.{fmt}"
        assert export(outputs, fmt, "--to", str(path))[0] == 0
        g = reader(path)
        found[fmt] = (g.number_of_nodes(), g.number_of_edges())
    neo = tmp_path / "neo4j"
    assert export(outputs, "neo4j", "--to", str(neo))[0] == 0
    csv_rows = {
        p.name: len(p.read_text(encoding="utf-8").splitlines()) - 1 for p in neo.glob("*.csv")
    }
    found["neo4j-csv"] = (csv_rows["entities.csv"], csv_rows["relations.csv"])
    kc = kuzu_counts(kuzu_db)
    found["kuzu"] = (kc["Entity"], sum(kc.get(t, 0) for t in RELATION_TYPES))
    assert export(outputs, "falkordb", "--port", str(falkor.port), "--graph", "counts")[0] == 0
    fc = falkor_counts(falkor_graph(falkor, "counts"))
    found["falkordb"] = (fc["Entity"], sum(fc.get(t, 0) for t in RELATION_TYPES))
    assert found == dict.fromkeys(found, want)
    # and the whole property graph (evidence, transcripts, links) in CSV, Kuzu and FalkorDB alike
    csv_total = sum(csv_rows.values())
    assert (
        csv_total
        == pg.node_count + pg.rel_count
        == sum(kc.values()) - len(kg.entities)
        == sum(fc.values()) - len(kg.entities)
    )  # type labels count entities a second time
    assert set(TYPED_PREDICATES) >= {r.predicate for r in kg.relations if r.kind == "typed"}


def test_kuzu_failed_export_leaves_the_previous_graph(kuzu_db, pg, tmp_path):
    """A load that fails half-way (here: a duplicate primary key) is rolled back whole."""
    import shutil
    from dataclasses import replace

    from kg.export.common import ExportError
    from kg.export.kuzu import load_kuzu

    copy = tmp_path / "copy.kuzu"
    shutil.copy(kuzu_db, copy)
    before = kuzu_counts(copy)
    entities = pg.node_table("Entity")
    broken = replace(
        pg, nodes=(replace(entities, rows=entities.rows + entities.rows[:1]), *pg.nodes[1:])
    )
    with pytest.raises(ExportError, match="Kuzu failed"):
        load_kuzu(broken, copy)
    assert kuzu_counts(copy) == before


def test_virtuoso_update_too_large_says_to_use_smaller_chunks(outputs, virtuoso):
    """Virtuoso cannot compile an INSERT DATA of a few thousand triples; the error says what to do."""
    code, out, err = export(
        outputs,
        "sparql",
        "--endpoint",
        virtuoso.update,
        "--protocol",
        "update",
        "--user",
        "dba",
        "--password",
        "dba",
        "--auth",
        "digest",
        "--chunk",
        "100000",
        "--graph",
        "https://example.org/big",
    )
    assert code == 2
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1, err
    assert "--chunk" in err
