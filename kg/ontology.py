"""The one place that knows IRIs, namespaces and where the ontology files live."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from .config import BASE_IRI
from .errors import KgError

__all__ = [
    "RELATION_SIGNATURES",
    "ONTOLOGY_DIR",
    "ONTOLOGY_FILES",
    "builtin_ontology_dir",
    "ontology_file",
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

#: The files of the built-in ontology: ``ontology/`` at the top of the repository, shipped
#: in wheels as the package data ``kg.ontology_files`` (see setup.py).
ONTOLOGY_FILES = ("kg.ttl", "shapes.ttl", "lexicon.tsv", "first_names.txt", "surnames.txt")

#: The ``ontology/`` folder of a source checkout this package was imported from, if any.
_CHECKOUT = Path(__file__).resolve().parent.parent


def builtin_ontology_dir() -> Path:
    """The folder holding the built-in ontology files.

    From a source checkout (an editable install, or ``PYTHONPATH`` pointing at a work
    tree) that is the checkout's own ``ontology/``, so edits there count at once; from a
    wheel, ``pip install .`` or pipx it is the installed package data
    ``kg.ontology_files``, found through :mod:`importlib.resources`.
    """
    checkout = _CHECKOUT / "ontology"
    if (_CHECKOUT / "pyproject.toml").is_file() and (checkout / "kg.ttl").is_file():
        return checkout
    try:
        return Path(str(resources.files("kg.ontology_files").joinpath("kg.ttl"))).parent
    except ModuleNotFoundError:  # a copy of kg/ without its data: reading names the path
        return checkout


def ontology_file(name: str, folder: str | Path = "") -> Path:
    """``name`` (one of :data:`ONTOLOGY_FILES`) from ``folder`` when given and it holds
    one (the ``ontology`` setting: a user's own ontology), else the built-in one."""
    if folder:
        if not Path(folder).is_dir():
            raise KgError(
                f"ontology setting: {folder}: no such folder (give a folder holding your "
                'kg.ttl and/or shapes.ttl, or "" for the built-in ontology)'
            )
        own = Path(folder) / name
        if own.is_file():
            return own
    return builtin_ontology_dir() / name


#: The built-in ontology folder (kg.ttl, shapes.ttl, lexicon.tsv, name lists).
ONTOLOGY_DIR = builtin_ontology_dir()

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


@lru_cache(maxsize=4)
def ontology_graph(folder: str = "") -> Graph:
    """``kg.ttl`` parsed once: the built-in one, or that of ``folder`` (the ``ontology``
    setting) when it has one."""
    graph = Graph()
    graph.parse(ontology_file("kg.ttl", folder), format="turtle")
    return graph


#: Domain and range of each typed relation, checked again after resolution, when
#: an entity's final type (say, from the lexicon) may differ from what NER said.
RELATION_SIGNATURES = {
    "worksFor": ({"Person"}, {"Organization"}),
    "founded": ({"Person"}, {"Organization"}),
    "studiedUnder": ({"Person"}, {"Person"}),
    "affiliatedWith": ({"Person"}, {"Organization"}),
    "created": ({"Person", "Organization"}, {"Product", "Work", "Concept"}),
    "broader": ({"Concept"}, {"Concept"}),
    "partOf": ({"Organization"}, {"Organization"}),
    "basedOn": ({"Product"}, {"Product"}),
    "investedIn": ({"Person", "Organization"}, {"Organization"}),
    "locatedIn": ({"Organization", "Person", "Event", "Place"}, {"Place"}),
}
