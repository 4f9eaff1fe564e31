"""Topics (kg.topics): seeded Louvain communities named by their most central members,
in the viewer (colour by topic, a list that focuses the graph on one) and in RDF
(``kg:Topic`` with ``skos:member``, the named query ``topics``)."""

from __future__ import annotations

import pytest
from rdflib import Namespace
from rdflib.namespace import RDF, SKOS
from test_viz import _evidence, _mentions, _transcript

from kg.graph import KnowledgeGraph
from kg.model import Entity, Relation
from kg.rdf import to_dataset, union_graph
from kg.topics import find_topics
from kg.viz import TOPIC_COLORS, render_site

KG = Namespace("https://w3id.org/kg/ontology#")


def two_cliques() -> KnowledgeGraph:
    """Two groups of four entities, each joined all round, one weak link between them,
    a speaker who discusses everyone, and one entity joined to nothing. In each group
    the first entity has an extra heavy edge, so it is the most central."""
    t = _transcript("t1", "Cliques", None)
    groups = {"a": ["a0", "a1", "a2", "a3"], "b": ["b0", "b1", "b2", "b3"]}
    keys = [k for g in groups.values() for k in g] + ["host", "alone"]
    entities = tuple(
        Entity(
            k,
            k.upper(),
            "Person" if k == "host" else "Concept",
            mentions=_mentions("t1", k, "Concept", 1),
        )
        for k in keys
    )
    relations = []
    for members in groups.values():
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                n = 5 if x.endswith("0") else 1
                relations.append(
                    Relation(x, "relatedTo", y, "comention", (_evidence("t1", "q", 1.0),), count=n)
                )
    relations.append(
        Relation("a3", "relatedTo", "b3", "comention", (_evidence("t1", "q", 1.0),), count=1)
    )
    for k in keys[:8]:
        relations.append(
            Relation("host", "discusses", k, "discusses", (_evidence("t1", "q", 1.0),), count=9)
        )
    return KnowledgeGraph((t,), entities, tuple(relations))


def test_topics_are_the_communities_named_by_their_centres():
    kg = two_cliques()
    topics = find_topics(kg)
    assert sorted(sorted(t.members) for t in topics) == [
        ["a0", "a1", "a2", "a3"],
        ["b0", "b1", "b2", "b3"],
    ]
    for t in topics:
        assert t.members[0] in ("a0", "b0")  # the most central member comes first
        assert t.id == f"topic-{t.members[0]}"
        assert t.label.startswith(t.members[0].upper() + " · ")
    assert find_topics(kg) == topics  # same input, same topics


def test_topics_in_rdf_and_the_named_query(outputs):
    import kg as kg_api
    from kg.graph import load_graph

    graph = load_graph(outputs)
    topics = find_topics(graph)
    assert topics, "the seeds have topics"
    g = union_graph(to_dataset(graph))
    nodes = sorted(g.subjects(RDF.type, KG.Topic))
    assert len(nodes) == len(topics)
    members = {
        str(n): sorted(str(m).rsplit("/", 1)[1] for m in g.objects(n, SKOS.member)) for n in nodes
    }
    assert sorted(members.values()) == sorted(sorted(t.members) for t in topics)
    rows = kg_api.load(outputs).query_named("topics").rows()
    assert [(r["label"], r["size"]) for r in rows] == [(t.label, len(t.members)) for t in topics]
    one = topics[0].members[-1]
    label = graph.entity(one).label
    rows = kg_api.load(outputs).query_named("topics", {"member": label}).rows()
    assert [r["label"] for r in rows] == [topics[0].label]


@pytest.mark.browser
def test_topics_colour_toggle_and_focus(tmp_path, opened):
    kg = two_cliques()
    topics = find_topics(kg)
    render_site(kg, tmp_path)
    page = opened(tmp_path / "graph.html").ready()
    names = page.js(
        "[...document.querySelectorAll('#kg-topics .kg-topic-name')].map(s => s.textContent)"
    )
    assert names == [t.label for t in topics]
    colour = "id => window.kg.nodes.get(id).color && window.kg.nodes.get(id).color.background"
    page.page.check("#kg-colour-topic")
    for i, t in enumerate(topics):
        assert {page.js(colour, k) for k in t.members} == {TOPIC_COLORS[i]}
    assert page.js(colour, "host") not in TOPIC_COLORS
    page.page.click(f"#kg-topics button[data-topic='{topics[1].id}']")
    assert page.js("window.kg.visibleNodes()") == sorted(topics[1].members)
    page.page.click(f"#kg-topics button[data-topic='{topics[1].id}']")  # again: every entity
    assert "host" in page.js("window.kg.visibleNodes()")
    page.check_clean()
