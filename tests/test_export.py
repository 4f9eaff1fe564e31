"""``kg export`` to files: Neo4j CSV, GraphML, GEXF, node-link JSON, JSON-LD, N-Triples,
TriG, N-Quads; the property-graph model they share; the CLI and its one-line errors.

Expected values come from the build itself (``graph.json`` through ``kg.graph``, the
RDF through pyoxigraph), never from the exporter under test; files are read back with
independent readers (csv, networkx, rdflib, pyoxigraph).
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.cli import main
from kg.export import FORMATS
from kg.export.cypher import cypher_literal, cypher_name
from kg.export.entity_graph import entity_graph
from kg.export.property_graph import OPEN_RELATION, RELATION_TYPES, relationship_type
from kg.model import ENTITY_TYPES
from kg.ontology import TYPED_PREDICATES

ROOT = Path(__file__).resolve().parent.parent
KG_NS = "https://w3id.org/kg/ontology#"


@pytest.fixture(scope="module")
def rdf_store(outputs) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(outputs / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    return store


def _count(store: ox.Store, where: str) -> int:
    query = f"PREFIX kg: <{KG_NS}> SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {where} }}"
    return int(next(iter(store.query(query, use_default_graph_as_union=True)))["n"].value)


def _export(outputs: Path, fmt: str, *args: str) -> tuple[int, str, str]:
    """Run ``kg export`` in-process; returns (exit code, stdout, stderr)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["export", fmt, "--outputs", str(outputs), *args])
    return code, out.getvalue(), err.getvalue()


# -- the property-graph model ----------------------------------------------------------


def test_seeds_have_what_the_export_tests_need(kg):
    kinds = Counter(r.kind for r in kg.relations)
    assert kinds["typed"] > 0 and sum(len(r.evidence) for r in kg.relations) > 0
    assert {e.type for e in kg.entities} >= {"Person", "Organization", "Concept"}


def test_property_graph_counts_come_from_the_build(kg, pg, rdf_store):
    counts = pg.counts()
    assert counts["Entity"] == len(kg.entities)
    for etype in ENTITY_TYPES:
        assert counts.get(etype, 0) == sum(1 for e in kg.entities if e.type == etype)
    assert counts["Transcript"] == len(kg.transcripts)
    # one Evidence node per kg:Assertion of the RDF, linked to its subject and its transcript
    assertions = _count(rdf_store, "?x a kg:Assertion")
    assert counts["Evidence"] == counts["HAS_EVIDENCE"] == counts["QUOTED_IN"] == assertions
    entity_relations = sum(counts.get(t, 0) for t in RELATION_TYPES)
    assert entity_relations == len(kg.relations)
    mentioned_in = "{ SELECT (CONCAT(STR(?e), STR(?t)) AS ?x) WHERE { ?e kg:mentionedIn ?t } }"
    assert counts["MENTIONED_IN"] == _count(rdf_store, mentioned_in)


def test_evidence_nodes_are_the_rdf_assertions(pg, rdf_store):
    """Evidence ids are the RDF assertions' IRIs, with the same quote, transcript and link."""
    query = f"""PREFIX kg: <{KG_NS}> PREFIX schema: <https://schema.org/>
        SELECT ?a ?quote ?transcript ?url WHERE {{
          ?a a kg:Assertion ; kg:quote ?quote ; kg:transcript ?transcript .
          OPTIONAL {{ ?a schema:url ?url }} }}"""
    rdf = {
        row["a"].value: (
            row["quote"].value,
            row["transcript"].value.rsplit("/", 1)[1],
            row["url"].value if row["url"] else None,
        )
        for row in rdf_store.query(query, use_default_graph_as_union=True)
    }
    exported = {
        r["iri"]: (r["quote"], r["transcript"], r["url"]) for r in pg.node_table("Evidence").rows
    }
    assert exported == rdf


def test_property_graph_ids_are_unique_and_every_endpoint_exists(pg):
    ids = {}
    for table in pg.nodes:
        table_ids = [row["id"] for row in table.rows]
        assert len(table_ids) == len(set(table_ids)), table.name
        ids[table.name] = set(table_ids)
    for rtable in pg.rels:
        for rel in rtable.rows:
            assert rel.start in ids[rtable.start] and rel.end in ids[rtable.end], (rtable.name, rel)


def test_relationship_types_follow_neo4j_conventions():
    assert relationship_type("worksFor") == "WORKS_FOR"
    assert relationship_type("studiedUnder") == "STUDIED_UNDER"
    assert relationship_type("broader") == "BROADER"
    assert relationship_type("train on") == OPEN_RELATION
    assert relationship_type("predict") == OPEN_RELATION
    for predicate in TYPED_PREDICATES:
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*", relationship_type(predicate))


def test_open_relations_keep_their_phrase_in_predicate(kg, pg):
    open_relations = sorted(
        r.predicate for r in kg.relations if r.predicate not in TYPED_PREDICATES
    )
    exported = sorted(
        r.props["predicate"] for r in pg.rel_table("relations").rows if r.type == OPEN_RELATION
    )
    assert exported == open_relations


# -- Cypher literals -------------------------------------------------------------------


def test_cypher_literal_escapes_quotes_backslashes_and_control_characters():
    assert cypher_literal("it's") == r"'it\'s'"
    assert cypher_literal("a\\b") == r"'a\\b'"
    assert cypher_literal("line\nnext\ttab\r") == r"'line\nnext\ttab\r'"
    assert cypher_literal("bell\x07") == r"'bell\u0007'"
    assert cypher_literal('say "hi" — é') == "'say \"hi\" — é'"
    assert cypher_literal([1, 2.5, True, None, "x"]) == "[1, 2.5, true, null, 'x']"
    assert cypher_literal({"a b": 1, "ok": False}) == "{`a b`: 1, ok: false}"
    assert cypher_name("Person") == "Person" and cypher_name("has space") == "`has space`"
    with pytest.raises(ValueError):
        cypher_literal(float("nan"))


# -- Neo4j CSV files -----------------------------------------------------------------------

ID_HEADER = re.compile(r"id:ID\((\w+)\)")
START_END = re.compile(r":(START|END)_ID\((\w+)\)")
TYPED_HEADER = re.compile(r"[a-z_]+(:(int|float|boolean|string\[\]))?")


@pytest.fixture(scope="module")
def neo4j_dir(outputs, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("neo4j") / "import"
    code, out, err = _export(outputs, "neo4j", "--to", str(target))
    assert code == 0, err
    assert "neo4j:" in out and str(target) in out
    return target


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def _parse_value(value: str, kind: str):
    if value == "":
        return None
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "boolean":
        assert value in ("true", "false"), value
        return value == "true"
    if kind == "string[]":
        return value.split(";")
    return value


def test_neo4j_csv_headers_ids_and_values(neo4j_dir, kg):
    files = sorted(p.name for p in neo4j_dir.glob("*.csv"))
    assert files, "no CSV files written"
    id_spaces: dict[str, set[str]] = {}
    node_files, rel_files = [], []
    for name in files:
        header, rows = _read_csv(neo4j_dir / name)
        assert all(len(row) == len(header) for row in rows), name
        (node_files if any(ID_HEADER.fullmatch(h) for h in header) else rel_files).append(
            (name, header, rows)
        )
    for name, header, rows in node_files:
        space = ID_HEADER.fullmatch(header[0]).group(1)
        assert header[-1] == ":LABEL", name
        for h in header[1:-1]:
            assert TYPED_HEADER.fullmatch(h), (name, h)
        ids = [row[0] for row in rows]
        assert len(ids) == len(set(ids)), f"duplicate ids in {name}"
        id_spaces[space] = set(ids)
        for row in rows:
            labels = row[-1].split(";")
            assert labels[0] == space
            if space == "Entity":
                assert len(labels) == 2 and labels[1] in ENTITY_TYPES
            for h, value in zip(header[1:-1], row[1:-1], strict=True):
                _parse_value(value, h.split(":", 1)[1] if ":" in h else "string")
    assert set(id_spaces) == {"Entity", "Evidence", "Transcript"}
    assert id_spaces["Entity"] == {e.key for e in kg.entities}
    for name, header, rows in rel_files:
        (s_kind, s_space), (e_kind, e_space) = (START_END.fullmatch(h).groups() for h in header[:2])
        assert (s_kind, e_kind) == ("START", "END") and header[2] == ":TYPE", name
        for row in rows:
            assert row[0] in id_spaces[s_space], f"{name}: start {row[0]} is no {s_space}"
            assert row[1] in id_spaces[e_space], f"{name}: end {row[1]} is no {e_space}"
            assert re.fullmatch(r"[A-Z][A-Z0-9_]*", row[2]), row[2]


def test_neo4j_csv_carries_the_build_values(neo4j_dir, kg):
    header, rows = _read_csv(neo4j_dir / "entities.csv")
    col = {h.split(":")[0]: i for i, h in enumerate(header)}
    by_id = {row[0]: row for row in rows}
    for e in kg.entities:
        row = by_id[e.key]
        assert row[col["label"]] == e.label and row[col["type"]] == e.type
        assert int(row[col["mentions"]]) == len(e.mentions)
        aliases = _parse_value(row[col["aliases"]], "string[]") or []
        assert aliases == [a.replace(";", ",") for a in e.aliases]
    header, rows = _read_csv(neo4j_dir / "relations.csv")
    col = {h.split(":")[0]: i for i, h in enumerate(header)}
    got = Counter((row[0], row[col["predicate"]], row[1], int(row[col["weight"]])) for row in rows)
    assert got == Counter((r.subject, r.predicate, r.object, r.weight) for r in kg.relations)


def test_neo4j_import_script_names_every_file_and_is_valid_sh(neo4j_dir):
    script = (neo4j_dir / "import.sh").read_text()
    assert "neo4j-admin database import full" in script
    for path in neo4j_dir.glob("*.csv"):
        assert f"={path.name}" in script, path.name
    subprocess.run(["sh", "-n", str(neo4j_dir / "import.sh")], check=True)


# -- GraphML / GEXF / node-link JSON ------------------------------------------------------


def _same_graph(
    read: nx.MultiDiGraph, expected: nx.MultiDiGraph, float_keys: tuple[str, ...] = ()
) -> None:
    """Nodes, edges (with keys) and every attribute equal; ``float_keys`` compared as numbers."""

    def norm(attrs: dict) -> dict:
        return {
            k: (float(v) if k in float_keys else v) for k, v in attrs.items() if k != "networkx_key"
        }

    assert read.is_directed() and read.is_multigraph()
    assert dict(read.nodes(data=True)) == dict(expected.nodes(data=True))
    got = {(u, v, k): norm(d) for u, v, k, d in read.edges(keys=True, data=True)}
    want = {(u, v, k): norm(d) for u, v, k, d in expected.edges(keys=True, data=True)}
    assert got == want


def _check_semantics(g: nx.MultiDiGraph, kg, joined: bool) -> None:
    """Every entity and relation of the build, with its main attributes, is in ``g``."""
    assert g.number_of_nodes() == len(kg.entities) and g.number_of_edges() == len(kg.relations)
    for e in kg.entities:
        attrs = g.nodes[e.key]
        assert (
            attrs["label"] == e.label
            and attrs["type"] == e.type
            and attrs["mentions"] == len(e.mentions)
        )
        assert attrs["aliases"] == (";".join(e.aliases) if joined else list(e.aliases))
    edges = Counter(
        (u, d["predicate"], v, float(d["weight"]), d["negated"]) for u, v, d in g.edges(data=True)
    )
    assert edges == Counter(
        (r.subject, r.predicate, r.object, float(r.weight), r.negated) for r in kg.relations
    )


def _flat_attributes_only(g: nx.MultiDiGraph) -> None:
    types: dict[str, set[type]] = {}
    for _, attrs in g.nodes(data=True):
        for k, v in attrs.items():
            types.setdefault(f"node:{k}", set()).add(type(v))
    for *_, attrs in g.edges(data=True):
        for k, v in attrs.items():
            types.setdefault(f"edge:{k}", set()).add(type(v))
    for key, found in types.items():
        assert len(found) == 1, f"{key} has several types: {found}"
        assert found <= {str, int, float, bool}, f"{key}: {found}"


def test_graphml_reads_back_as_the_same_graph(outputs, pg, kg, tmp_path):
    path = tmp_path / "g.graphml"
    code, out, err = _export(outputs, "graphml", "--to", str(path))
    assert code == 0, err
    read = nx.read_graphml(path)
    _same_graph(read, entity_graph(pg, flat=True))
    _check_semantics(read, kg, joined=True)
    _flat_attributes_only(read)
    # one <key> per (domain, name), unique ids, no None/list leaked as text
    keys = ET.parse(path).getroot().findall("{http://graphml.graphdrawing.org/xmlns}key")
    assert len({k.get("id") for k in keys}) == len(keys)
    assert len({(k.get("for"), k.get("attr.name")) for k in keys}) == len(keys)
    text = path.read_text()
    assert ">None<" not in text and "['" not in text


def test_gexf_reads_back_as_the_same_graph(outputs, pg, kg, tmp_path):
    path = tmp_path / "g.gexf"
    code, out, err = _export(outputs, "gexf", "--to", str(path))
    assert code == 0, err
    read = nx.read_gexf(path)
    _same_graph(
        read, entity_graph(pg, flat=True), float_keys=("weight",)
    )  # GEXF weights are floats
    _check_semantics(read, kg, joined=True)
    assert "lastmodifieddate" not in path.read_text()


def test_nodelink_json_reads_back_with_evidence(outputs, pg, kg, tmp_path):
    path = tmp_path / "g.json"
    code, out, err = _export(outputs, "json", "--to", str(path))
    assert code == 0, err
    read = nx.node_link_graph(json.loads(path.read_text()), edges="links")
    _same_graph(read, entity_graph(pg, flat=False))
    _check_semantics(read, kg, joined=False)
    by_edge = {
        (u, d["predicate"], d["kind"], v, d["negated"]): d for u, v, d in read.edges(data=True)
    }
    for r in kg.relations:
        evidence = by_edge[(r.subject, r.predicate, r.kind, r.object, r.negated)]["evidence"]
        unique = {
            (ev.transcript_id, ev.char_start, ev.char_end, ev.extractor): ev for ev in r.evidence
        }
        assert sorted((q["transcript"], q["char_start"], q["quote"]) for q in evidence) == sorted(
            (ev.transcript_id, ev.char_start, ev.quote) for ev in unique.values()
        )


# -- RDF files ---------------------------------------------------------------------------------


def _rdflib_quads(path: Path, fmt: str) -> set[tuple]:
    ds = Dataset()
    ds.parse(path, format=fmt)
    return {(s, p, o, str(g)) for s, p, o, g in ds.quads((None, None, None, None))}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own use of its old API
def test_jsonld_has_a_context_and_the_same_quads(outputs, tmp_path):
    path = tmp_path / "g.jsonld"
    code, out, err = _export(outputs, "jsonld", "--to", str(path))
    assert code == 0, err
    doc = json.loads(path.read_text())
    assert doc["@context"]["kg"] == KG_NS and doc["@context"]["skos"].startswith(
        "http://www.w3.org/2004/02/skos"
    )
    assert "kg:quote" in path.read_text()  # compacted with the context, not full IRIs
    assert _rdflib_quads(path, "json-ld") == _rdflib_quads(outputs / "graph.nq", "nquads")


def _oxigraph_quads(path: Path, rdf_format) -> set[tuple]:
    return {
        (q.subject, q.predicate, q.object, q.graph_name)
        for q in ox.parse(path=str(path), format=rdf_format)
    }


@pytest.mark.parametrize(
    ("fmt", "source", "rdf_format", "what"),
    [
        ("nt", "graph.nt", ox.RdfFormat.N_TRIPLES, "triples"),
        ("trig", "graph.trig", ox.RdfFormat.TRIG, "quads"),
        ("nquads", "graph.nq", ox.RdfFormat.N_QUADS, "quads"),
    ],
)
def test_rdf_exports_are_the_build_files(outputs, tmp_path, fmt, source, rdf_format, what):
    path = tmp_path / f"g.{fmt}"
    code, out, err = _export(outputs, fmt, "--to", str(path))
    assert code == 0, err
    assert path.read_bytes() == (outputs / source).read_bytes()
    quads = _oxigraph_quads(path, rdf_format)
    reference = _oxigraph_quads(outputs / "graph.nq", ox.RdfFormat.N_QUADS)
    if fmt == "nt":
        assert {q[:3] for q in quads} == {q[:3] for q in reference}
    else:
        assert quads == reference
    assert f"{len(quads):,} {what}" in out


def test_stdout_output_keeps_the_summary_off_the_data(outputs):
    code, out, err = _export(outputs, "nt", "--to", "-")
    assert code == 0
    assert out == (outputs / "graph.nt").read_text()
    assert err.startswith("nt: ")


# -- determinism ---------------------------------------------------------------------------------

_EXPORT_ALL = """
import sys
from kg.export import export
out, dest = sys.argv[1], sys.argv[2]
for fmt, name in [("graphml", "g.graphml"), ("gexf", "g.gexf"), ("json", "g.json"),
                  ("jsonld", "g.jsonld"), ("neo4j", "neo4j")]:
    export(fmt, out, f"{dest}/{name}")
"""


def test_file_exports_are_byte_identical_across_runs(outputs, tmp_path):
    """Two processes with different hash seeds write the same bytes."""
    digests = []
    for seed in ("1", "2"):
        dest = tmp_path / f"run{seed}"
        dest.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", _EXPORT_ALL, str(outputs), str(dest)],
            check=True,
            env=env,
            cwd=ROOT,
        )
        digests.append(
            {
                p.relative_to(dest).as_posix(): p.read_bytes()
                for p in sorted(dest.rglob("*"))
                if p.is_file()
            }
        )
    assert sorted(digests[0]) == sorted(digests[1]) and len(digests[0]) > 5
    for name in digests[0]:
        assert digests[0][name] == digests[1][name], f"{name} differs between runs"


# -- CLI and errors ---------------------------------------------------------------------------------


def _one_line_error(err: str, *words: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err
    for word in words:
        assert word.lower() in lines[0].lower(), (word, lines[0])


def test_help_lists_every_format(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["export", "--help"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    for fmt in FORMATS:
        assert re.search(rf"^\s+{fmt}\s", text, re.M), fmt


def test_missing_build_is_a_one_line_error(tmp_path):
    for fmt in ("graphml", "nt", "kuzu"):
        code, out, err = _export(tmp_path / "nothing", fmt, "--to", str(tmp_path / "x"))
        assert code == 2
        _one_line_error(err, "no build found", "kg build")


def test_unwritable_destination_is_a_one_line_error(outputs, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, out, err = _export(outputs, "graphml", "--to", str(blocker / "sub" / "g.graphml"))
    assert code == 2
    _one_line_error(err, "cannot write")


def test_unreachable_servers_are_one_line_errors(outputs):
    from servers import free_port

    port = str(free_port())
    code, _, err = _export(outputs, "falkordb", "--port", port)
    assert code == 2
    _one_line_error(err, "cannot connect to FalkorDB", "refused")
    code, _, err = _export(
        outputs, "sparql", "--endpoint", f"http://127.0.0.1:{port}/sparql-graph-crud-auth"
    )
    assert code == 2
    _one_line_error(err, "cannot reach the SPARQL store", "refused")
    code, _, err = _export(
        outputs, "sparql", "--endpoint", "http://127.0.0.1:1/x", "--graph", "not an iri"
    )
    assert code == 2
    _one_line_error(err, "not an absolute IRI")


def test_neo4j_push_without_a_server_is_a_clear_error(outputs):
    import importlib.util

    from servers import free_port

    uri = f"bolt://127.0.0.1:{free_port()}"
    code, out, err = _export(outputs, "neo4j", "--uri", uri, "--password", "secret")
    assert code == 2
    if importlib.util.find_spec("neo4j") is None:
        _one_line_error(err, "pip install neo4j")
    else:
        _one_line_error(err, f"cannot connect to Neo4j at {uri}", "refused")


def test_neo4j_push_wants_a_bolt_uri(outputs):
    code, out, err = _export(outputs, "neo4j", "--uri", "http://127.0.0.1:7474")
    assert code == 2
    _one_line_error(err, "bolt://")
    code, out, err = _export(outputs, "neo4j", "--uri", "bolt://127.0.0.1:1", "--to", "x")
    assert code == 2
    _one_line_error(err, "not both")


def test_neo4j_push_names_the_missing_driver(outputs, monkeypatch):
    monkeypatch.setitem(sys.modules, "neo4j", None)  # makes `import neo4j` fail as if not installed
    code, out, err = _export(outputs, "neo4j", "--uri", "bolt://127.0.0.1:1")
    assert code == 2
    _one_line_error(err, "pip install neo4j")
