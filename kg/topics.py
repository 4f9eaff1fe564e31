"""Topics: communities of the entity graph, each named by its most central members.

What people come back to a graph for is "what is this about": the clusters of
entities that are talked about together. :func:`find_topics` builds the undirected
entity graph (typed, open and co-mention relations, summed weights; ``discusses``
left out, because a speaker is joined to everything they talk about and would pull
every topic into one), splits it with networkx's Louvain method under a fixed seed,
and names each community by its two or three most central members (weighted degree
inside the community). The same graph gives the same topics, ids and names in every
run: nodes and edges are added in sorted order and the seed is fixed.

Topics are drawn by the viewer (colour by topic, a list that focuses the graph on
one) and written to RDF as ``kg:Topic`` nodes with ``skos:member`` links.

>>> from kg.graph import load_graph
>>> for topic in find_topics(load_graph("outputs")):   # doctest: +SKIP
...     print(topic.label, len(topic.members))
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from .graph import KnowledgeGraph

__all__ = ["Topic", "find_topics", "topic_graph", "TOPIC_SEED", "MIN_TOPIC_SIZE"]

#: Seed of the Louvain method: the same input gives the same topics.
TOPIC_SEED = 7

#: Communities smaller than this are not topics (a pair is a relation, not a topic).
MIN_TOPIC_SIZE = 3

#: How many of the most central members name a topic.
NAME_MEMBERS = 3

#: Relation kinds that join entities into topics.
TOPIC_KINDS = ("typed", "open", "comention")


@dataclass(frozen=True, slots=True)
class Topic:
    """One community: an id stable across builds, a name, members most central first."""

    id: str  # "topic-<key of its most central member>"
    label: str  # the labels of its most central members, joined by " · "
    members: tuple[str, ...]  # entity keys, most central first


def topic_graph(kg: KnowledgeGraph) -> nx.Graph:
    """The undirected, weighted entity graph topics are found in (sorted insertion)."""
    weights: Counter = Counter()
    keys = {e.key for e in kg.entities}
    for r in kg.relations:
        if r.kind not in TOPIC_KINDS or r.subject == r.object:
            continue
        if r.subject in keys and r.object in keys:
            weights[tuple(sorted((r.subject, r.object)))] += r.weight
    g = nx.Graph()
    g.add_nodes_from(sorted(keys))
    g.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    return g


def find_topics(kg: KnowledgeGraph, seed: int = TOPIC_SEED) -> list[Topic]:
    """The topics of ``kg``, largest first (ties by id).

    Entities joined to nothing, and communities under ``MIN_TOPIC_SIZE`` members,
    belong to no topic.
    """
    g = topic_graph(kg)
    if g.number_of_edges() == 0:
        return []
    labels = {e.key: e.label for e in kg.entities}
    communities = nx.community.louvain_communities(g, weight="weight", seed=seed)
    topics = []
    for members in communities:
        if len(members) < MIN_TOPIC_SIZE:
            continue
        inner = g.subgraph(members)
        strength = dict(inner.degree(weight="weight"))
        ranked = tuple(sorted(members, key=lambda k: (-strength[k], labels[k].lower(), k)))
        label = " · ".join(labels[k] for k in ranked[:NAME_MEMBERS])
        topics.append(Topic(f"topic-{ranked[0]}", label, ranked))
    topics.sort(key=lambda t: (-len(t.members), t.id))
    return topics
