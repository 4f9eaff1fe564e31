"""Every relation in a build is traceable: checked with SPARQL over the real build of
the seeds and of the shared corpus (timestamped formats must carry times)."""

from __future__ import annotations

import pyoxigraph
import pytest

from kg.ontology import ONTOLOGY_DIR, PREFIXES

PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

RELATIONS_WITHOUT_QUOTED_EVIDENCE = (
    PROLOGUE
    + """
SELECT ?s ?p ?o WHERE {
  GRAPH ?g { ?s ?p ?o }
  ?p rdfs:subPropertyOf* ?top .
  FILTER(?top IN (kg:relation, skos:broader))
  FILTER NOT EXISTS {
    GRAPH ?g2 { ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:quote ?q }
    FILTER(STRLEN(?q) > 0)
  }
}"""
)

TIMED_ASSERTIONS_WITHOUT_TIME = (
    PROLOGUE
    + """
SELECT ?a ?format WHERE {
 {
  GRAPH ?g { ?a a kg:Assertion ; kg:transcript ?t }
  GRAPH ?h { ?t kg:format ?format }
  FILTER(?format IN ("whisper", "srt", "vtt", "speaker", "whisper-json"))
  FILTER NOT EXISTS { GRAPH ?g { ?a kg:startTime ?start } }
} UNION {
  # an end time, where known (a speaker-labelled page has none for its last turn), follows the start
  GRAPH ?g { ?a a kg:Assertion ; kg:startTime ?start ; kg:endTime ?end ; kg:transcript ?t }
  GRAPH ?h { ?t kg:format ?format }
  FILTER(?end < ?start)
 }
}"""
)

QUOTE_IS_IN_TRANSCRIPT = (
    PROLOGUE
    + """
SELECT ?a ?quote ?start ?end ?t WHERE {
  GRAPH ?g { ?a a kg:Assertion ; kg:quote ?quote ; kg:charStart ?start ; kg:charEnd ?end ; kg:transcript ?t }
}"""
)


def _store(outputs_dir) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    with open(outputs_dir / "graph.nq", "rb") as f:
        store.load(f, pyoxigraph.RdfFormat.N_QUADS)
    with open(ONTOLOGY_DIR / "kg.ttl", "rb") as f:
        store.load(f, pyoxigraph.RdfFormat.TURTLE, to_graph=pyoxigraph.NamedNode("urn:ontology"))
    return store


def _query(store: pyoxigraph.Store, sparql: str):
    """Queries see every named graph as the default graph (ontology included)."""
    return store.query(sparql, use_default_graph_as_union=True)


@pytest.mark.parametrize("which", ["seeds_build", "corpus_build"])
def test_every_relation_has_quoted_evidence_and_times(request, which):
    result = request.getfixturevalue(which)
    store = _store(result.outputs_dir)
    relation_count = len(
        list(
            _query(
                store,
                PROLOGUE
                + """
        SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } ?p rdfs:subPropertyOf* ?top
        FILTER(?top IN (kg:relation, skos:broader)) }""",
            )
        )
    )
    asserted = [r for r in result.graph.relations if not r.negated]
    assert relation_count >= len(asserted) > 0
    missing = list(_query(store, RELATIONS_WITHOUT_QUOTED_EVIDENCE))
    assert missing == [], missing[:5]
    untimed = list(_query(store, TIMED_ASSERTIONS_WITHOUT_TIME))
    assert untimed == [], untimed[:5]


def test_quotes_are_the_transcript_text_at_their_offsets(seeds_build):
    store = _store(seeds_build.outputs_dir)
    texts = {
        f"https://w3id.org/kg/transcript/{t.id}": t.text for t in seeds_build.graph.transcripts
    }
    rows = list(_query(store, QUOTE_IS_IN_TRANSCRIPT))
    assert rows
    for row in rows:
        text = texts[row["t"].value]
        start, end = int(row["start"].value), int(row["end"].value)
        assert text[start:end].replace("\n", " ") == row["quote"].value


NEGATED = (
    PROLOGUE
    + """
SELECT ?s ?p ?o (EXISTS { ?s ?p ?o } AS ?asserted) WHERE {
  ?a a kg:Assertion ; kg:negated true ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
}"""
)


def test_negated_relations_are_evidence_but_not_facts(corpus_build):
    store = _store(corpus_build.outputs_dir)
    negated = [r for r in corpus_build.graph.relations if r.negated]
    assert negated, 'the corpus has negated statements ("I\'ve never witnessed a silly Ilya")'
    rows = list(_query(store, NEGATED))
    assert len({(r["s"], r["p"], r["o"]) for r in rows}) == len(negated)
    assert all(row["asserted"].value == "false" for row in rows)
