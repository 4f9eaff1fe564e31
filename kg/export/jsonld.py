"""JSON-LD of the build: every named graph of ``graph.nq`` as one document whose
``@context`` declares the prefixes ``graph.ttl`` uses (``kg:``, ``id:``, ``tr:``, ``skos:`` ...).

Written here straight from the N-Quads (parsed by pyoxigraph) rather than through
rdflib's JSON-LD serializer, which took 14 s for 38k quads. The form is simple and
lossless: one node object per subject and graph, IRIs compacted with the context's
prefixes, ``rdf:type`` as ``@type``, plain strings as JSON strings, every other literal
as ``{"@value": lexical form, "@type": datatype}`` or ``{"@value", "@language"}`` (no
conversion to JSON numbers, so ``"0.50"^^xsd:decimal`` stays exactly that). Node
objects, keys and values are sorted, so the same build gives the same bytes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..config import Settings
from ..rdf import prefixes
from .common import ExportResult, build_base_iri, build_file, open_text_output, stopwatch

__all__ = ["write_jsonld", "jsonld_document", "jsonld_context"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def jsonld_context(outputs_dir: str | Path) -> dict[str, str]:
    """The ``@context``: prefix -> namespace, as bound in the build's Turtle and TriG."""
    return dict(sorted(prefixes(Settings(base_iri=build_base_iri(outputs_dir))).items()))


class _Compactor:
    """Shortens IRIs with the context's prefixes (the longest namespace that matches)."""

    def __init__(self, context: dict[str, str]):
        self._prefixes = sorted(context.items(), key=lambda kv: -len(kv[1]))
        self._seen: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        found = self._seen.get(iri)
        if found is None:
            found = self._seen[iri] = self._compact(iri)
        return found

    def _compact(self, iri: str) -> str:
        for prefix, namespace in self._prefixes:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                local = iri[len(namespace) :]
                if not local.startswith("//"):
                    return f"{prefix}:{local}"
        return iri


def _node_id(term: Any, compact: _Compactor) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else compact(term.value)


def _value(term: Any, compact: _Compactor) -> Any:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == _XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": compact(term.datatype.value)}
    return {"@id": _node_id(term, compact)}


def _sort_key(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _node_objects(subjects: dict[str, dict[str, list]]) -> list[dict[str, Any]]:
    nodes = []
    for node_id in sorted(subjects):
        node: dict[str, Any] = {"@id": node_id}
        for key in sorted(subjects[node_id]):
            node[key] = sorted(subjects[node_id][key], key=_sort_key)
        nodes.append(node)
    return nodes


def jsonld_document(outputs_dir: str | Path) -> dict[str, Any]:
    """The build's dataset as one JSON-LD document: ``@context`` and a ``@graph`` that holds
    the default graph's nodes and one ``{"@id": graph, "@graph": [...]}`` per named graph."""
    context = jsonld_context(outputs_dir)
    compact = _Compactor(context)
    graphs: dict[str | None, dict[str, dict[str, list]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    path = build_file(outputs_dir, "graph.nq")
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        graph = (
            None
            if isinstance(quad.graph_name, ox.DefaultGraph)
            else _node_id(quad.graph_name, compact)
        )
        node = graphs[graph][_node_id(quad.subject, compact)]
        if quad.predicate.value == _RDF_TYPE and not isinstance(quad.object, ox.Literal):
            node["@type"].append(_node_id(quad.object, compact))
        else:
            node[compact(quad.predicate.value)].append(_value(quad.object, compact))
    top = {n["@id"]: n for n in _node_objects(graphs.pop(None, {}))}
    for graph in sorted(g for g in graphs if g is not None):
        top.setdefault(graph, {"@id": graph})["@graph"] = _node_objects(graphs[graph])
    return {"@context": context, "@graph": [top[k] for k in sorted(top)]}


def write_jsonld(outputs_dir: str | Path, path: str | Path) -> ExportResult:
    """Write the JSON-LD document of the build in ``outputs_dir`` to ``path`` (``-``: stdout)."""
    result = ExportResult("jsonld", str(path))
    with stopwatch(result):
        doc = jsonld_document(outputs_dir)
        result.counts = {"graphs": sum(1 for node in doc["@graph"] if "@graph" in node)}
        with open_text_output(path) as out:
            json.dump(doc, out, ensure_ascii=False, indent=1)
            out.write("\n")
    return result
