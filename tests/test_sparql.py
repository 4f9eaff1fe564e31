"""SPARQL over a real build: the read-only pyoxigraph store, the named queries, parameters,
result formats and errors, through the library (``kg.sparql``) and the real CLI.

Answers are checked against the transcripts (the texts the build read), against the
build's own graph.json, or against pyoxigraph's and rdflib's parsers, never against
output copied from a previous run.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph

import kg.sparql
from kg.cli import main
from kg.errors import OutputsMissingError, QueryError
from kg.graph import load_graph
from kg.ontology import PREFIXES
from kg.sparql import (
    QUERIES_DIR,
    KnowledgeStore,
    QueryRefused,
    QuerySyntaxError,
    named_queries,
    parse_param_value,
)

ID = PREFIXES["id"]
KG = PREFIXES["kg"]

#: A speaker-labelled interview with times and a recording URL (the seeds have neither
#: speaker turns nor a URL). Every expectation below is counted from this text.
INTERVIEW_URL = "https://www.youtube.com/watch?v=kgtest01"
INTERVIEW = [
    (0.0, 6.0, "Lex Fridman", "Today I talk with Ilya Sutskever about deep learning and OpenAI."),
    (
        6.0,
        14.5,
        "Ilya Sutskever",
        "I did my PhD with Geoffrey Hinton in Toronto. Deep learning changed everything for us.",
    ),
    (
        14.5,
        21.0,
        "Ilya Sutskever",
        "At OpenAI we train large neural networks, and deep learning keeps working.",
    ),
    (21.0, 26.0, "Lex Fridman", "Do scaling laws still hold at OpenAI?"),
    (26.0, 33.0, "Ilya Sutskever", "Scaling laws hold so far. OpenAI keeps scaling its models."),
]


def write_interview(folder: Path) -> Path:
    """The interview as a Whisper JSON file with a metadata sidecar; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    segments = [
        {"start": s, "end": e, "speaker": who, "text": text} for s, e, who, text in INTERVIEW
    ]
    (folder / "interview.json").write_text(json.dumps({"segments": segments}), encoding="utf-8")
    meta = {
        "title": "Test interview",
        "date": "2024-01-01",
        "url": INTERVIEW_URL,
        "speakers": [
            {"name": "Lex Fridman", "role": "host"},
            {"name": "Ilya Sutskever", "role": "guest"},
        ],
    }
    (folder / "interview.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def store(seeds_build) -> KnowledgeStore:
    return kg.sparql.load(seeds_build.outputs_dir)


@pytest.fixture(scope="module")
def interview(tmp_path_factory):
    from kg.build import build

    folder = write_interview(tmp_path_factory.mktemp("interview-in"))
    out = tmp_path_factory.mktemp("interview-out")
    build([str(folder)], out)
    return kg.sparql.load(out)


@pytest.fixture(scope="module")
def seed_texts(seeds_build) -> dict[str, str]:
    """Transcript id -> its text, lower-cased with whitespace collapsed."""
    graph = load_graph(seeds_build.outputs_dir)
    return {t.id: " ".join(t.text.lower().split()) for t in graph.transcripts}


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _names(store: KnowledgeStore, iri: str) -> set[str]:
    rows = store.query(f"SELECT ?n WHERE {{ <{iri}> skos:prefLabel|skos:altLabel ?n }}")
    return {r["n"].lower() for r in rows}


# -- the store -------------------------------------------------------------------------


def test_store_holds_exactly_the_nquads(seeds_build, store):
    lines = [
        line
        for line in (seeds_build.outputs_dir / "graph.nq").read_text().splitlines()
        if line.strip()
    ]
    assert len(store) == len(lines)
    assert seeds_build.report["counts"]["quads_in_store"] == len(lines)


def test_load_without_a_build_says_what_to_do(tmp_path):
    with pytest.raises(OutputsMissingError, match="kg build"):
        kg.sparql.load(tmp_path)


def test_store_is_read_only_and_shared(seeds_build, store):
    with pytest.raises(QueryRefused, match="read-only"):
        store.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    other = kg.sparql.load(seeds_build.outputs_dir)  # a second reader at the same time
    assert len(other) == len(store)
    with pytest.raises(
        RuntimeError, match="read-write"
    ):  # the pyoxigraph handle refuses writes too
        store.pyoxigraph_store.add(
            pyoxigraph.Quad(
                pyoxigraph.NamedNode("urn:a"),
                pyoxigraph.NamedNode("urn:b"),
                pyoxigraph.NamedNode("urn:c"),
            )
        )


def test_a_rebuild_while_a_reader_is_open_succeeds_and_is_seen(tmp_path):
    from kg.build import build

    first, second, out = tmp_path / "first", tmp_path / "second", tmp_path / "out"
    first.mkdir(), second.mkdir()
    (first / "a.txt").write_text("Demis Hassabis founded DeepMind in London.\n")
    (second / "b.txt").write_text("Yann LeCun works for Meta as chief AI scientist.\n")
    build([str(first)], out)
    reader = kg.sparql.load(out)
    ask = "ASK { ?e skos:prefLabel|skos:altLabel ?n FILTER(LCASE(STR(?n)) = LCASE(STR(?name))) }"
    assert reader.query(ask, {"name": "DeepMind"}).boolean
    build([str(second)], out)  # the reader keeps its store open meanwhile
    assert reader.query(ask, {"name": "Meta"}).boolean
    assert not reader.query(ask, {"name": "DeepMind"}).boolean


def test_in_memory_store_gives_the_same_answers(seeds_build, store):
    memory = kg.sparql.load(seeds_build.outputs_dir, in_memory=True)
    assert len(memory) == len(store)
    for name in named_queries():
        # in the same order: every named query orders its rows completely
        assert memory.query_named(name).rows() == store.query_named(name).rows(), name


# -- library API -------------------------------------------------------------------------


def test_rows_are_python_values_and_terms_are_pyoxigraph(store):
    result = store.query(
        "SELECT ?e ?label ?n WHERE { ?e kg:worksFor ?o ; rdfs:label ?label ; kg:mentionCount ?n }"
    )
    assert result.kind == "select" and result.variables == ("e", "label", "n")
    rows = result.rows()
    assert rows and all(isinstance(r["e"], str) and r["e"].startswith(ID) for r in rows)
    assert all(isinstance(r["n"], int) and r["n"] >= 0 for r in rows)
    terms = list(result.terms())
    assert isinstance(terms[0]["e"], pyoxigraph.NamedNode) and isinstance(
        terms[0]["n"], pyoxigraph.Literal
    )
    assert [t["e"].value for t in terms] == [r["e"] for r in rows]


def test_ask_construct_and_unbound_values(store):
    assert store.query("ASK { ?s kg:worksFor ?o }")
    assert not store.query("ASK { ?s kg:worksFor ?s }")
    triples = store.query("CONSTRUCT WHERE { ?s kg:worksFor ?o }")
    assert triples.kind == "graph" and len(triples) >= 1
    assert all(p == KG + "worksFor" for _, p, _ in triples)
    rows = store.query(
        "SELECT ?s ?missing WHERE { ?s kg:worksFor ?o OPTIONAL { ?s kg:nothing ?missing } }"
    ).rows()
    assert rows and all(r["missing"] is None for r in rows)
    times = store.query("SELECT ?t WHERE { ?a kg:startTime ?t } LIMIT 3").rows()
    assert times and all(isinstance(r["t"], Decimal) for r in times)


def test_max_results_truncates_and_says_so(store):
    total = len(store.query("SELECT ?e WHERE { ?e skos:prefLabel ?l }"))
    assert total > 5
    cut = store.query("SELECT ?e WHERE { ?e skos:prefLabel ?l }", max_results=5)
    assert len(cut) == 5 and cut.truncated
    assert not store.query("SELECT ?e WHERE { ?e skos:prefLabel ?l }", max_results=total).truncated


def test_project_prefixes_need_no_declaration_and_declared_ones_win(store):
    implicit = store.query("SELECT ?p WHERE { ?p kg:studiedUnder ?t }")
    explicit = store.query(
        "PREFIX kg: <https://w3id.org/kg/ontology#>\nSELECT ?p WHERE { ?p kg:studiedUnder ?t }"
    )
    assert implicit.rows() and implicit.rows() == explicit.rows()
    redeclared = store.query(
        "PREFIX kg: <http://example.org/other#>\nSELECT ?p WHERE { ?p kg:studiedUnder ?t }"
    )
    assert redeclared.rows() == []


def test_query_prefixes_are_those_the_turtle_output_binds(store, seeds_build):
    from kg.rdf import prefixes

    assert prefixes() == kg.sparql.QUERY_PREFIXES
    first = json.loads((seeds_build.outputs_dir / "build.json").read_text())["inputs"][0]["id"]
    assert store.query(f"ASK {{ tr:{first} a kg:Transcript }}")


def test_params_bind_iris_prefixed_names_numbers_and_strings(store):
    q = "SELECT ?p WHERE { ?p kg:worksFor ?org }"
    by_pname = store.query(q, {"org": parse_param_value("id:openai")}).rows()
    by_iri = store.query(q, {"org": parse_param_value(f"<{ID}openai>")}).rows()
    unbound = store.query("SELECT ?p ?org WHERE { ?p kg:worksFor ?org }").rows()
    expected = [{"p": r["p"]} for r in unbound if r["org"] == ID + "openai"]
    assert by_pname == by_iri == expected and {"p": ID + "ilya-sutskever"} in expected
    assert len(expected) < len(unbound) or len({r["org"] for r in unbound}) == 1
    label = store.query(
        "SELECT ?e WHERE { ?e rdfs:label ?l }", {"l": parse_param_value("OpenAI")}
    ).rows()
    assert label == [{"e": ID + "openai"}]
    count = store.query(f"SELECT ?n WHERE {{ <{ID}openai> kg:mentionCount ?n }}").rows()[0]["n"]
    same = store.query(
        "SELECT ?e WHERE { ?e kg:mentionCount ?n }", {"n": parse_param_value(str(count))}
    ).rows()
    assert {"e": ID + "openai"} in same
    assert all(store.query(f"ASK {{ <{r['e']}> kg:mentionCount {count} }}") for r in same)
    # Python values from a notebook: str -> string literal (numbers stay strings), int -> integer
    assert store.query("SELECT ?e WHERE { ?e kg:mentionCount ?n }", {"n": count}).rows() == same
    assert store.query("SELECT ?e WHERE { ?e kg:mentionCount ?n }", {"n": str(count)}).rows() == []


def test_param_values_parse_as_documented():
    assert parse_param_value("<https://x.org/a>") == pyoxigraph.NamedNode("https://x.org/a")
    assert parse_param_value("kg:worksFor") == pyoxigraph.NamedNode(KG + "worksFor")
    assert parse_param_value("42").datatype.value.endswith("#integer")
    assert parse_param_value("0.5").datatype.value.endswith("#decimal")
    assert parse_param_value("1e3").datatype.value.endswith("#double")
    assert parse_param_value('"42"') == pyoxigraph.Literal("42")
    assert parse_param_value("nope:thing") == pyoxigraph.Literal("nope:thing")
    assert parse_param_value("Geoffrey Hinton") == pyoxigraph.Literal("Geoffrey Hinton")


def test_param_errors(store):
    with pytest.raises(QueryError, match=r"no variable \?nothere"):
        store.query("SELECT ?s WHERE { ?s ?p ?o }", {"nothere": "x"})
    with pytest.raises(QueryError, match="WHERE"):
        store.query("DESCRIBE ?x", {"x": "y"})


def test_syntax_error_is_one_line_with_line_and_column(store):
    query = "SELECT ?s\nWHERE {\n  ?s nope:thing ?o }"
    with pytest.raises(QuerySyntaxError) as info:
        store.query(query)
    error = info.value
    assert (error.line, error.column) == (3, query.splitlines()[2].index("nope") + 1)
    assert str(error).startswith("query:3:") and "nope:" in str(error) and "\n" not in str(error)


def test_binding_params_keeps_error_positions(store):
    query = "SELECT ?s WHERE { ?s ?p ?o . FILTER(?o = nope:x) }"
    with pytest.raises(QuerySyntaxError) as plain:
        store.query(query)
    with pytest.raises(QuerySyntaxError) as bound:
        store.query(query, {"o": "x"})
    assert (
        (plain.value.line, plain.value.column)
        == (bound.value.line, bound.value.column)
        == (1, query.index("nope") + 1)
    )


def test_garbage_names_the_first_token(store):
    with pytest.raises(QuerySyntaxError) as info:
        store.query("PREFIX ex: <http://ex.org/>\n  SELEC * WHERE { ?s ?p ?o }")
    assert (info.value.line, info.value.column) == (2, 3) and "SELEC" in str(info.value)


# -- named queries -------------------------------------------------------------------------


def test_every_named_query_documents_itself_and_runs(store, interview):
    queries = named_queries()
    assert {p.stem for p in QUERIES_DIR.glob("*.rq")} == set(queries)
    assert {
        "people_organizations",
        "studied_under",
        "speaker_topics",
        "about_entity",
        "top_concepts",
        "shared_entities",
        "edge_evidence",
    } <= set(queries)
    for name, q in queries.items():
        assert q.text.startswith("# ") and q.description, name
        assert "Params:" in q.comment, name
        body = "\n".join(line for line in q.text.splitlines() if not line.startswith("#"))
        for param in q.params:
            assert re.search(rf"\?{param}\b", body), (name, param)
        assert set(re.findall(r"FILTER\(\s*!?BOUND\(\?(\w+)\)", body)) <= set(q.params), name
        declared = re.search(r"SELECT(.*?)\bWHERE\b", body, re.DOTALL).group(1)
        for s in (store, interview):
            result = s.query_named(name)
            assert result.kind == "select" and result.variables, name
            assert all(f"?{v}" in declared for v in result.variables), name


def test_people_organizations_ilya_works_for_openai_as_chief_scientist(store, seed_texts):
    rows = store.query_named("people_organizations", {"person": "Ilya Sutskever"}).rows()
    works = [
        r for r in rows if r["relation"] == "worksFor" and r["organizationEntity"] == ID + "openai"
    ]
    assert works, rows
    assert "chief scientist" in works[0]["roles"].lower()
    assert any("chief scientist" in text for text in seed_texts.values())
    assert works[0]["evidence"] >= 1
    assert all(r["personEntity"] == ID + "ilya-sutskever" for r in rows)
    everyone = store.query_named("people_organizations").rows()
    assert all(r["relation"] in ("worksFor", "founded", "affiliatedWith") for r in everyone)
    assert works[0] in everyone


def test_studied_under_hinton(store, seed_texts):
    rows = store.query_named("studied_under", {"student": "ilya"}).rows()
    assert any(r["teacherEntity"] == ID + "geoffrey-hinton" for r in rows), rows
    hinton = next(r for r in rows if r["teacherEntity"] == ID + "geoffrey-hinton")
    assert _norm(hinton["quote"]) in "\n".join(seed_texts.values())
    assert any(name in hinton["quote"].lower() for name in _names(store, ID + "geoffrey-hinton"))


def test_about_entity_hinton_quotes_hinton(store, seed_texts):
    rows = store.query_named("about_entity", {"label": "Hinton"}).rows()
    assert rows and {r["entity"] for r in rows} == {ID + "geoffrey-hinton"}
    assert any("hinton" in r["quote"].lower() for r in rows)
    corpus = "\n".join(seed_texts.values())
    for r in rows:
        assert _norm(r["quote"]) in corpus
        assert r["direction"] in ("in", "out")
    # the same answer by exact alias, whatever the case
    assert store.query_named("about_entity", {"label": "jeff hinton"}).rows() == rows


def test_about_entity_prefers_an_exact_name_over_a_word(store):
    rows = store.query_named("about_entity", {"label": "OpenAI"}).rows()
    assert rows and {r["entity"] for r in rows} == {ID + "openai"}  # not "OpenAI Charter"


def test_edge_evidence_quotes_name_the_object(store):
    rows = store.query_named(
        "edge_evidence", {"subject": "Ilya Sutskever", "object": "OpenAI", "predicate": "worksFor"}
    ).rows()
    assert rows and all(r["relation"] == KG + "worksFor" for r in rows)
    names = _names(store, ID + "openai")
    for r in rows:
        assert any(n in r["quote"].lower() for n in names), r["quote"]
        assert r["extractor"] and 0 < r["confidence"] <= 1
    by_iri = store.query_named(
        "edge_evidence",
        {
            "subject": "Ilya Sutskever",
            "object": "OpenAI",
            "predicate": parse_param_value("kg:worksFor"),
        },
    ).rows()
    assert by_iri == rows


def test_edge_evidence_matches_comentions_in_either_order(store):
    forward = store.query_named(
        "edge_evidence", {"subject": "Ilya Sutskever", "object": "OpenAI", "predicate": "relatedTo"}
    ).rows()
    backward = store.query_named(
        "edge_evidence", {"subject": "OpenAI", "object": "Ilya Sutskever", "predicate": "relatedTo"}
    ).rows()
    assert forward and forward == backward


def test_shared_entities_of_the_two_seeds_include_scaling_laws(store, seed_texts):
    a, b = sorted(seed_texts)
    tr = {t: parse_param_value(f"tr:{t}") for t in (a, b)}
    rows = store.query_named("shared_entities", {"a": tr[a], "b": tr[b]}).rows()
    labels = {r["label"] for r in rows}
    assert "scaling laws" in labels
    assert all("scaling laws" in text for text in seed_texts.values())
    assert {(r["transcriptA"], r["transcriptB"]) for r in rows} == {(a, b)}
    assert store.query_named("shared_entities").rows() == rows  # all pairs: here the only pair
    swapped = store.query_named("shared_entities", {"a": tr[b], "b": tr[a]}).rows()
    assert {r["entity"] for r in swapped} == {r["entity"] for r in rows}
    graph = load_graph(store.path.parent)
    both = {e.key for e in graph.entities if {a, b} <= set(e.transcripts)}
    assert {r["entity"].removeprefix(ID) for r in rows} == both
    one = store.query_named("shared_entities", {"a": tr[a]}).rows()
    assert {(r["transcriptA"], r["transcriptB"]) for r in one} == {(a, b)}


def test_top_concepts_counts_distinct_neighbours(store):
    rows = store.query_named("top_concepts").rows()
    graph = load_graph(store.path.parent)
    types = {e.key: e.type for e in graph.entities}
    neighbours: dict[str, set[str]] = {}
    for r in graph.relations:
        if r.subject != r.object:
            neighbours.setdefault(r.subject, set()).add(r.object)
            neighbours.setdefault(r.object, set()).add(r.subject)
    expected = sorted(
        ((len(n), k) for k, n in neighbours.items() if types[k] == "Concept"), reverse=True
    )
    assert rows and rows[0]["neighbours"] == expected[0][0]
    for r in rows:
        key = r["concept"].removeprefix(ID)
        assert types[key] == "Concept" and r["neighbours"] == len(neighbours[key])
    assert [r["neighbours"] for r in rows] == sorted((r["neighbours"] for r in rows), reverse=True)
    people = store.query_named("top_concepts", {"type": parse_param_value("kg:Person")}).rows()
    assert people and all(types[r["concept"].removeprefix(ID)] == "Person" for r in people)


def test_relations_by_kind_adds_up_to_the_build(seeds_build, store):
    rows = store.query_named("relations_by_kind").rows()
    counts = seeds_build.report["counts"]
    assert sum(r["evidence"] for r in rows) == counts["evidence"]
    kinds = {r["relationKind"] for r in rows}
    assert kinds == set(counts["relations_by_kind"])
    typed = store.query_named("relations_by_kind", {"kind": "typed"}).rows()
    assert typed == [r for r in rows if r["relationKind"] == "typed"]


def test_transcript_overview_matches_the_inputs(seeds_build, store):
    rows = store.query_named("transcript_overview").rows()
    inputs = {i["id"]: i for i in seeds_build.report["inputs"]}
    assert [r["transcriptId"] for r in rows] == sorted(inputs)
    for r in rows:
        assert r["words"] == inputs[r["transcriptId"]]["words"]
        meta = json.loads(
            Path(inputs[r["transcriptId"]]["path"]).with_suffix(".meta.json").read_text()
        )
        assert r["title"] == meta["title"]
        assert set(r["speakers"].split(", ")) == {s["name"] for s in meta["speakers"]}


def test_speaker_topics_counts_what_each_speaker_said(interview):
    rows = interview.query_named("speaker_topics", {"speaker": "Ilya"}).rows()
    assert rows and {r["speakerLabel"] for r in rows} == {"Ilya Sutskever"}
    said = " ".join(text for _, _, who, text in INTERVIEW if who == "Ilya Sutskever").lower()
    by_topic = {r["topicLabel"]: r for r in rows}
    for topic in ("OpenAI", "deep learning", "Geoffrey Hinton"):
        assert by_topic[topic]["count"] == said.count(topic.lower()), topic
    assert by_topic["OpenAI"]["topicType"] == "Organization"
    assert [r["count"] for r in rows] == sorted((r["count"] for r in rows), reverse=True)
    lex = interview.query_named("speaker_topics", {"speaker": "lex fridman"}).rows()
    lex_said = " ".join(text for _, _, who, text in INTERVIEW if who == "Lex Fridman").lower()
    assert {r["topicLabel"]: r["count"] for r in lex}["OpenAI"] == lex_said.count("openai")
    assert len(interview.query_named("speaker_topics").rows()) == len(rows) + len(lex)


def test_about_entity_gives_times_speakers_and_recording_links(interview):
    rows = interview.query_named("about_entity", {"label": "Geoffrey Hinton"}).rows()
    assert rows
    start, end, who, text = next(seg for seg in INTERVIEW if "Hinton" in seg[3])
    for r in rows:
        assert r["quote"] in text
        assert r["speakerLabel"] == who
        assert (float(r["start"]), float(r["end"])) == (start, end)
        assert r["url"] == f"{INTERVIEW_URL}&t={int(start)}"


# -- formats -------------------------------------------------------------------------------


SELECT = "SELECT ?person ?label ?n WHERE { ?person a kg:Person ; rdfs:label ?label ; kg:mentionCount ?n } ORDER BY ?label"


def _solutions(parsed) -> list[dict]:
    return [{v.value: s[v] for v in parsed.variables if s[v] is not None} for s in parsed]


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_result_formats_match_pyoxigraph(store, fmt):
    """Our serialisations (they can be cut at max_results) read back like pyoxigraph's own."""
    result = store.query(SELECT)
    ours = result.serialize(fmt).encode()
    kind = getattr(pyoxigraph.QueryResultsFormat, fmt.upper())
    raw = store.pyoxigraph_store.query(SELECT, prefixes=PREFIXES, use_default_graph_as_union=True)
    reference = raw.serialize(format=kind)
    if fmt == "csv":  # lossy: pyoxigraph cannot read it back; compare the tables
        assert list(csv.reader(io.StringIO(ours.decode()))) == list(
            csv.reader(io.StringIO(reference.decode()))
        )
        return
    mine = _solutions(pyoxigraph.parse_query_results(ours, kind))
    theirs = _solutions(pyoxigraph.parse_query_results(reference, kind))
    assert mine == theirs and len(mine) == len(result)


def test_csv_tsv_json_xml_are_well_formed_by_other_parsers(store):
    result = store.query(SELECT)
    rows = list(csv.reader(io.StringIO(result.serialize("csv"))))
    assert rows[0] == ["person", "label", "n"] and len(rows) == len(result) + 1
    tsv = result.serialize("tsv").splitlines()
    assert tsv[0] == "?person\t?label\t?n" and len(tsv) == len(result) + 1
    data = json.loads(result.serialize("json"))
    assert data["head"]["vars"] == ["person", "label", "n"]
    assert len(data["results"]["bindings"]) == len(result)
    tree = ET.fromstring(result.serialize("xml"))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert len(tree.findall(f"{ns}results/{ns}result")) == len(result)


def test_table_format(store):
    result = store.query(SELECT)
    lines = result.serialize("table").splitlines()
    assert lines[0].split(" | ")[0].strip() == "person"
    assert lines[-1] == f"({len(result)} rows)"
    assert any(line.startswith("id:ilya-sutskever") for line in lines)
    assert store.query("ASK { ?s kg:worksFor ?o }").serialize("table") == "true\n"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # inside rdflib's JSON-LD and N3 parsers
@pytest.mark.parametrize(
    "fmt,rdflib_format",
    [
        ("turtle", "turtle"),
        ("ntriples", "nt"),
        ("rdfxml", "xml"),
        ("jsonld", "json-ld"),
        ("n3", "n3"),
    ],
)
def test_graph_formats_parse_back_to_the_same_triples(store, fmt, rdflib_format):
    result = store.query("CONSTRUCT WHERE { ?s kg:studiedUnder ?o . ?s rdfs:label ?l }")
    expected = {(str(t.subject), str(t.predicate), str(t.object)) for t in result.terms()}
    graph = Graph().parse(data=result.serialize(fmt), format=rdflib_format)
    assert {(s.n3(), p.n3(), o.n3()) for s, p, o in graph} == expected


def test_format_must_fit_the_result(store):
    with pytest.raises(QueryError, match="turtle"):
        store.query(SELECT).serialize("turtle")
    with pytest.raises(QueryError, match="csv"):
        store.query("CONSTRUCT WHERE { ?s kg:worksFor ?o }").serialize("csv")


# -- the CLI -------------------------------------------------------------------------------


def test_cli_inline_query_every_select_format(seeds_build, capsys):
    out = str(seeds_build.outputs_dir)
    query = "SELECT ?p ?o WHERE { ?p kg:worksFor ?o }"
    for fmt in ("table", "csv", "tsv", "json", "xml"):
        assert main(["query", query, "-o", out, "--format", fmt]) == 0
        text = capsys.readouterr().out
        assert "ilya-sutskever" in text and "openai" in text, fmt
    assert main(["query", query, "-o", out, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    library = kg.sparql.load(out).query(query).rows()
    assert [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]] == library


def test_cli_construct_formats(seeds_build, capsys):
    out = str(seeds_build.outputs_dir)
    query = "CONSTRUCT WHERE { ?p kg:worksFor ?o }"
    assert main(["query", query, "-o", out]) == 0  # turtle by default
    turtle = capsys.readouterr().out
    assert "@prefix kg:" in turtle and "id:ilya-sutskever kg:worksFor id:openai" in turtle
    assert main(["query", query, "-o", out, "--format", "ntriples"]) == 0
    lines = capsys.readouterr().out.splitlines()
    expected = kg.sparql.load(out).query(query).terms()
    assert lines == sorted(f"{t} ." for t in expected)
    assert f"<{ID}ilya-sutskever> <{KG}worksFor> <{ID}openai> ." in lines
    assert main(["query", query, "-o", out, "--format", "csv"]) == 2
    assert "does not fit" in capsys.readouterr().err


def test_cli_named_query_list_file_and_params(seeds_build, tmp_path, capsys):
    out = str(seeds_build.outputs_dir)
    assert main(["query", "--list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    queries = named_queries()
    assert [line.split()[0] for line in listing] == list(queries)
    for line, q in zip(listing, queries.values(), strict=True):
        assert q.description in line
    assert (
        main(
            [
                "query",
                "studied_under",
                "-o",
                out,
                "--format",
                "csv",
                "--param",
                "teacher=Geoffrey Hinton",
            ]
        )
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["studentEntity"] for r in rows] == [ID + "ilya-sutskever"]
    rq = tmp_path / "mine.rq"
    rq.write_text("SELECT ?o WHERE { ?p kg:worksFor ?o }\n")
    assert (
        main(
            ["query", "-f", str(rq), "-o", out, "--format", "tsv", "--param", "p=id:ilya-sutskever"]
        )
        == 0
    )
    assert capsys.readouterr().out == f"?o\n<{ID}openai>\n"
    assert main(["query", "no_such_query", "-o", out]) == 2
    assert "kg query --list" in capsys.readouterr().err


def test_cli_syntax_error_line_and_column(seeds_build, tmp_path, capsys):
    out = str(seeds_build.outputs_dir)
    query = "SELECT ?s\nWHERE {\n  ?s kg:worksFor ?o .\n  FILTER(?o = nope:x) }"
    assert main(["query", query, "-o", out]) == 2
    err = capsys.readouterr().err
    column = query.splitlines()[3].index("nope") + 1
    assert err.strip().splitlines() == [err.strip()]
    assert f"query:4:{column}:" in err and "Traceback" not in err
    rq = tmp_path / "broken.rq"
    rq.write_text(query)
    assert main(["query", "-f", str(rq), "-o", out]) == 2
    assert f"{rq}:4:{column}:" in capsys.readouterr().err


def test_real_cli_process_exit_code_and_no_traceback(seeds_build):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "query",
            "SELECT * WHERE {\n ?s ?p ?o .\n FILTER(?o = ) }",
            "-o",
            str(seeds_build.outputs_dir),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert re.fullmatch(r"error: query:3:\d+: syntax error [^\n]+\n", proc.stderr), proc.stderr
    ok = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "query",
            "ASK { ?s kg:studiedUnder ?o }",
            "-o",
            str(seeds_build.outputs_dir),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (ok.returncode, ok.stdout) == (0, "true\n")


def test_cli_update_and_missing_outputs(tmp_path, seeds_build, capsys):
    assert main(["query", "DELETE WHERE { ?s ?p ?o }", "-o", str(seeds_build.outputs_dir)]) == 2
    assert "read-only" in capsys.readouterr().err
    assert main(["query", "ASK {}", "-o", str(tmp_path)]) == 2
    assert "kg build" in capsys.readouterr().err


def test_dates_are_typed_so_queries_can_compare_them(store, interview):
    # the seeds' sidecars give a year, the interview's a full date
    years = store.query(
        "SELECT ?d WHERE { ?t dcterms:date ?d FILTER(datatype(?d) = xsd:gYear) }"
    ).rows()
    assert len(years) == 2
    later = interview.query(
        'SELECT ?t WHERE { ?t dcterms:date ?d FILTER(?d > "2023-12-31"^^xsd:date) }'
    ).rows()
    assert len(later) == 1
