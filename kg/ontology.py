"""The one place that knows IRIs, namespaces and where the ontology files live."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from .config import BASE_IRI

__all__ = [
    "ONTOLOGY_DIR",
    "KG",
    "KGR",
    "SCHEMA",
    "PREFIXES",
    "Iris",
    "slugify",
    "stable_hash",
    "ontology_graph",
    "TYPED_PREDICATES",
]

#: ``ontology/`` at the top of the repository (kg.ttl, shapes.ttl, lexicon.tsv).
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"

KG = Namespace(BASE_IRI + "ontology#")
KGR = Namespace(BASE_IRI + "relation/")
SCHEMA = Namespace("https://schema.org/")

#: Prefixes bound in every serialisation and available in every query without declaring them.
PREFIXES = {
    "kg": str(KG),
    "kgr": str(KGR),
    "id": BASE_IRI + "id/",
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "schema": str(SCHEMA),
}

#: Typed relation names (Relation.predicate) and the ontology term each becomes.
TYPED_PREDICATES = {
    "worksFor": KG.worksFor,
    "founded": KG.founded,
    "studiedUnder": KG.studiedUnder,
    "affiliatedWith": KG.affiliatedWith,
    "created": KG.created,
    "partOf": KG.partOf,
    "basedOn": KG.basedOn,
    "investedIn": KG.investedIn,
    "locatedIn": KG.locatedIn,
    "broader": SKOS.broader,
    "relatedTo": KG.relatedTo,
    "discusses": KG.discusses,
}


def slugify(text: str) -> str:
    """A readable, stable IRI segment: ASCII, lowercase, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x" + stable_hash(text)[:8]


def stable_hash(*parts: object) -> str:
    """A short hex digest of the parts; the same in every run and on every machine."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


class Iris:
    """Mints every IRI of a build from stable keys, so IRIs never change between runs."""

    def __init__(self, base: str = BASE_IRI):
        self.base = Namespace(base)

    def entity(self, key: str):
        return self.base[f"id/{key}"]

    def transcript(self, transcript_id: str):
        return self.base[f"transcript/{transcript_id}"]

    def segment(self, transcript_id: str, index: int):
        return self.base[f"transcript/{transcript_id}/segment/{index}"]

    def graph(self, transcript_id: str):
        return self.base[f"graph/{transcript_id}"]

    def evidence(self, *parts: object):
        return self.base[f"evidence/{stable_hash(*parts)}"]

    def mention(self, *parts: object):
        return self.base[f"mention/{stable_hash(*parts)}"]

    def weight(self, *parts: object):
        return self.base[f"weight/{stable_hash(*parts)}"]

    def predicate(self, name: str):
        """The property IRI for a relation name: a declared one, or an open verb phrase."""
        if name in TYPED_PREDICATES:
            return TYPED_PREDICATES[name]
        return KGR[slugify(name).replace("-", "_")]


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """``ontology/kg.ttl`` parsed once."""
    graph = Graph()
    graph.parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")
    return graph
