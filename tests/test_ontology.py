"""The ontology files: kg.ttl (OWL), shapes.ttl (SHACL) and lexicon.tsv (the AI-domain lexicon).

These files are a contract for the rest of the pipeline (rdf, sparql, resolve), so the
tests check their structure, the lexicon's consistency, and that the SHACL shapes
accept a small hand-built valid graph and reject each kind of broken one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS

from kg.lexicon import name_key

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
KG_TTL = ONTOLOGY_DIR / "kg.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
LEXICON_TSV = ONTOLOGY_DIR / "lexicon.tsv"

KG = Namespace("https://w3id.org/kg/ontology#")
KGR = Namespace("https://w3id.org/kg/relation/")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")
# A plain Namespace: rdflib's closed XSD namespace warns when pytest probes module globals.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
ID = Namespace("https://w3id.org/kg/id/")
BASE = "https://w3id.org/kg/"

ENTITY_TYPES = ("Person", "Organization", "Place", "Product", "Work", "Concept", "Event")

#: Entity class -> the external classes it must be declared a subclass of.
ENTITY_PARENTS = {
    "Person": {SCHEMA.Person, FOAF.Person},
    "Organization": {SCHEMA.Organization, FOAF.Organization},
    "Place": {SCHEMA.Place},
    "Product": {SCHEMA.Product},
    "Work": {SCHEMA.CreativeWork},
    "Concept": {SKOS.Concept},
    "Event": {SCHEMA.Event},
}

#: Typed relation -> (domain classes, range classes, extra parent property or None).
TYPED_RELATIONS = {
    "worksFor": ({"Person"}, {"Organization"}, SCHEMA.worksFor),
    "founded": ({"Person"}, {"Organization"}, None),
    "studiedUnder": ({"Person"}, {"Person"}, None),
    "affiliatedWith": ({"Person"}, {"Organization"}, SCHEMA.affiliation),
    "created": ({"Person", "Organization"}, {"Product", "Work", "Concept"}, None),
    "partOf": ({"Organization"}, {"Organization"}, None),
    "basedOn": ({"Product"}, {"Product"}, None),
    "investedIn": ({"Organization", "Person"}, {"Organization"}, None),
    "locatedIn": ({"Organization", "Person", "Event", "Place"}, {"Place"}, None),
}

EVIDENCE_PROPERTIES = {
    # property -> expected rdfs:range
    "transcript": KG.Transcript,
    "segment": KG.Segment,
    "startTime": XSD.decimal,
    "endTime": XSD.decimal,
    "charStart": XSD.integer,
    "charEnd": XSD.integer,
    "quote": XSD.string,
    "speaker": KG.Person,
    "extractor": XSD.string,
    "confidence": XSD.decimal,
    "role": XSD.string,
    "negated": XSD.boolean,
    "kind": XSD.string,
    "count": XSD.integer,
    "mentionOf": KG.Entity,
    "surface": XSD.string,
    "mentionCount": XSD.integer,
    "mentionedIn": KG.Transcript,
    "lexiconId": XSD.string,
    "index": XSD.integer,
    "text": XSD.string,
    "format": XSD.string,
    "sha256": XSD.string,
    "wordCount": XSD.integer,
}


@cache
def ontology() -> Graph:
    return Graph().parse(KG_TTL, format="turtle")


@cache
def shapes() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


def _classes(graph: Graph, node) -> set:
    """A class node, or the members of an owl:unionOf class expression."""
    union = graph.value(node, OWL.unionOf)
    if union is not None:
        return set(Collection(graph, union))
    return {node}


# ---------------------------------------------------------------------------
# kg.ttl
# ---------------------------------------------------------------------------


def test_ontology_parses_and_has_a_header():
    g = ontology()
    header = URIRef(BASE + "ontology")
    assert (header, RDF.type, OWL.Ontology) in g
    for prop in (RDFS.label, RDFS.comment, OWL.versionInfo):
        assert g.value(header, prop) is not None, f"ontology header lacks {prop}"


def test_shapes_parse():
    g = shapes()
    assert len(g) > 50
    assert any(g.subjects(RDF.type, SH.NodeShape))


@pytest.mark.parametrize("name", ENTITY_TYPES)
def test_entity_class(name):
    g = ontology()
    cls = KG[name]
    assert (cls, RDF.type, OWL.Class) in g
    parents = set(g.objects(cls, RDFS.subClassOf))
    assert KG.Entity in parents
    missing = ENTITY_PARENTS[name] - parents
    assert not missing, f"kg:{name} is not rdfs:subClassOf {missing}"
    assert g.value(cls, RDFS.label), f"kg:{name} has no rdfs:label"
    assert g.value(cls, RDFS.comment), f"kg:{name} has no rdfs:comment"


def test_transcript_and_evidence_classes():
    g = ontology()
    expected = {
        "Entity": set(),
        "Transcript": {SCHEMA.CreativeWork, PROV.Entity},
        "Segment": set(),
        "Mention": set(),
        "Assertion": {RDF.Statement, PROV.Entity},
        "EdgeWeight": set(),
    }
    for name, parents in expected.items():
        cls = KG[name]
        assert (cls, RDF.type, OWL.Class) in g, f"kg:{name} is not declared"
        assert parents <= set(g.objects(cls, RDFS.subClassOf)), f"kg:{name} parents"


def test_every_kg_term_has_label_and_comment():
    g = ontology()
    terms = {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(str(KG))}
    assert len(terms) > 50
    for term in sorted(terms):
        assert g.value(term, RDFS.label), f"{term} has no rdfs:label"
        assert g.value(term, RDFS.comment), f"{term} has no rdfs:comment"
        kinds = set(g.objects(term, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, f"{term} has no type"


def test_relation_hierarchy():
    g = ontology()
    assert (KG.relation, RDF.type, OWL.ObjectProperty) in g
    assert g.value(KG.relation, RDFS.domain) == KG.Entity
    assert g.value(KG.relation, RDFS.range) == KG.Entity
    for name in ("typedRelation", "openRelation", "relatedTo", "discusses"):
        assert (KG[name], RDFS.subPropertyOf, KG.relation) in g, name
    assert (KG.relatedTo, RDF.type, OWL.SymmetricProperty) in g
    assert g.value(KG.discusses, RDFS.domain) == KG.Person
    assert g.value(KG.discusses, RDFS.range) == KG.Entity
    assert (SKOS.broader, RDFS.subPropertyOf, KG.typedRelation) in g
    assert "kgr:" in str(g.value(KG.openRelation, RDFS.comment)) or str(KGR) in str(
        g.value(KG.openRelation, RDFS.comment)
    )


@pytest.mark.parametrize("name", sorted(TYPED_RELATIONS))
def test_typed_relation(name):
    g = ontology()
    prop = KG[name]
    domains, ranges, extra_parent = TYPED_RELATIONS[name]
    assert (prop, RDF.type, OWL.ObjectProperty) in g
    assert (prop, RDFS.subPropertyOf, KG.typedRelation) in g
    if extra_parent is not None:
        assert (prop, RDFS.subPropertyOf, extra_parent) in g
    assert g.value(prop, RDFS.label) and g.value(prop, RDFS.comment)
    domain = g.value(prop, RDFS.domain)
    range_ = g.value(prop, RDFS.range)
    assert domain is not None and range_ is not None
    assert _classes(g, domain) == {KG[c] for c in domains}
    assert _classes(g, range_) == {KG[c] for c in ranges}


@pytest.mark.parametrize("name", sorted(EVIDENCE_PROPERTIES))
def test_evidence_property(name):
    g = ontology()
    prop = KG[name]
    kinds = set(g.objects(prop, RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, f"kg:{name} is not declared"
    assert g.value(prop, RDFS.range) == EVIDENCE_PROPERTIES[name]
    expected_kind = (
        OWL.DatatypeProperty
        if str(EVIDENCE_PROPERTIES[name]).startswith(str(XSD))
        else OWL.ObjectProperty
    )
    assert expected_kind in kinds, f"kg:{name} should be an {expected_kind}"


def test_predicates_used_by_the_code_are_declared():
    """Every property kg/ontology.py maps relation names to exists in kg.ttl."""
    from kg.ontology import TYPED_PREDICATES

    g = ontology()
    for name, iri in TYPED_PREDICATES.items():
        assert (iri, RDFS.subPropertyOf, None) in g, f"{name} -> {iri} is not declared in kg.ttl"


# ---------------------------------------------------------------------------
# lexicon.tsv
# ---------------------------------------------------------------------------

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
COMMON_WORD_ZIPF = 4.5
SINGLE_WORD = re.compile(r"[^\W\d_]+")  # letters only: no spaces, hyphens, digits


@dataclass(frozen=True)
class Row:
    line: int
    id: str
    type: str
    label: str
    aliases: tuple[str, ...]  # as written, "=" prefix kept
    broader: str
    description: str

    @property
    def plain(self) -> tuple[str, ...]:
        return tuple(a for a in self.aliases if not a.startswith("="))

    @property
    def exact(self) -> tuple[str, ...]:
        return tuple(a[1:] for a in self.aliases if a.startswith("="))


@cache
def lexicon_rows() -> tuple[Row, ...]:
    rows = []
    header_seen = False
    text = LEXICON_TSV.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            assert cells == ["id", "type", "label", "aliases", "broader", "description"], cells
            header_seen = True
            continue
        assert len(cells) == 6, f"line {number}: expected 6 tab-separated cells, got {len(cells)}"
        entry_id, etype, label, aliases, broader, description = cells
        alias_list = tuple(a.strip() for a in aliases.split("|")) if aliases else ()
        rows.append(Row(number, entry_id, etype, label, alias_list, broader, description))
    assert header_seen, "lexicon has no header line"
    return tuple(rows)


def test_lexicon_size_and_types():
    rows = lexicon_rows()
    assert len(rows) >= 400
    counts = defaultdict(int)
    for row in rows:
        counts[row.type] += 1
    for etype in ENTITY_TYPES:
        assert counts[etype] >= 10, f"only {counts[etype]} {etype} entries"


def test_lexicon_cells_are_well_formed():
    problems = []
    seen = {}
    for row in lexicon_rows():
        where = f"line {row.line} ({row.id})"
        if not ID_RE.match(row.id):
            problems.append(f"{where}: id is not a slug [a-z0-9-]+")
        if row.id in seen:
            problems.append(f"{where}: duplicate id (also line {seen[row.id]})")
        seen[row.id] = row.line
        if row.type not in ENTITY_TYPES:
            problems.append(f"{where}: unknown type {row.type!r}")
        if not row.label.strip() or row.label != row.label.strip():
            problems.append(f"{where}: empty label or surrounding spaces")
        if not name_key(row.label):
            problems.append(f"{where}: label {row.label!r} has no letters or digits")
        if not row.description.strip() or not row.description.endswith("."):
            problems.append(f"{where}: description should be one sentence ending in '.'")
        for alias in row.aliases:
            name = alias.removeprefix("=")
            if not name.strip() or name != name.strip() or not name_key(name):
                problems.append(f"{where}: empty or badly spaced alias {alias!r}")
        if len(set(row.aliases)) != len(row.aliases):
            problems.append(f"{where}: repeated alias")
    assert not problems, "\n".join(problems)


def test_lexicon_broader_links():
    rows = {row.id: row for row in lexicon_rows()}
    problems = []
    for row in rows.values():
        if not row.broader:
            continue
        if row.type != "Concept":
            problems.append(f"{row.id}: only concepts have a broader concept")
        target = rows.get(row.broader)
        if target is None:
            problems.append(f"{row.id}: broader {row.broader!r} is not an id")
        elif target.type != "Concept":
            problems.append(f"{row.id}: broader {row.broader!r} is a {target.type}, not a Concept")
    assert not problems, "\n".join(problems)
    # no cycles
    for row in rows.values():
        seen = [row.id]
        current = row
        while current.broader:
            current = rows[current.broader]
            assert current.id not in seen, f"broader cycle: {' -> '.join([*seen, current.id])}"
            seen.append(current.id)


def test_lexicon_names_do_not_clash():
    """A name (label or plain alias) normalises to one entry only; an exact-case
    alias (=Name) belongs to one entry only."""
    keys = defaultdict(set)
    exact = defaultdict(set)
    for row in lexicon_rows():
        for name in (row.label, *row.plain):
            keys[name_key(name)].add(row.id)
        for name in row.exact:
            exact[" ".join(name.split())].add(row.id)
    clashes = [f"{k!r}: {sorted(ids)}" for k, ids in sorted(keys.items()) if len(ids) > 1]
    clashes += [f"={k!r}: {sorted(ids)}" for k, ids in sorted(exact.items()) if len(ids) > 1]
    assert not clashes, "names shared by several entries:\n" + "\n".join(clashes)


def test_lexicon_aliases_are_not_redundant():
    """Pure case/spacing/hyphen variants are matched automatically and are not listed.
    An =alias equal to the label is allowed: it marks a label that is a common word."""
    problems = []
    for row in lexicon_rows():
        seen = {name_key(row.label): row.label}
        for alias in row.plain:
            key = name_key(alias)
            if key in seen:
                problems.append(f"{row.id}: alias {alias!r} is a variant of {seen[key]!r}")
            seen[key] = alias
        for alias in row.exact:
            if alias != row.label and name_key(alias) in seen:
                problems.append(
                    f"{row.id}: ={alias} is a variant of the case-insensitive {seen[name_key(alias)]!r}"
                )
    assert not problems, "\n".join(problems)


def test_lexicon_aliases_are_not_common_words():
    wordfreq = pytest.importorskip("wordfreq")
    problems = []
    for row in lexicon_rows():
        for alias in row.plain:
            if not SINGLE_WORD.fullmatch(alias):
                continue
            zipf = wordfreq.zipf_frequency(alias.lower(), "en")
            if zipf >= COMMON_WORD_ZIPF:
                problems.append(
                    f"{row.id}: alias {alias!r} is a common word (zipf {zipf}); write ={alias}"
                )
    assert not problems, "\n".join(problems)


def test_lexicon_person_aliases_are_not_first_names():
    rows = lexicon_rows()
    first_names = {
        row.label.split()[0].lower() for row in rows if row.type == "Person" and " " in row.label
    }
    problems = []
    for row in rows:
        for alias in row.plain:
            if " " not in alias and alias.lower() in first_names:
                problems.append(f"{row.id}: alias {alias!r} is a first name")
    assert not problems, "\n".join(problems)


def test_lexicon_required_entries():
    """Spot checks of entries other modules and the docs rely on."""
    rows = {row.id: row for row in lexicon_rows()}
    expect = {
        "openai": "Organization",
        "anthropic": "Organization",
        "google-deepmind": "Organization",
        "geoffrey-hinton": "Person",
        "ilya-sutskever": "Person",
        "gpt-4": "Product",
        "chatgpt": "Product",
        "attention-is-all-you-need": "Work",
        "neurips": "Event",
        "san-francisco": "Place",
        "rlhf": "Concept",
        "deep-learning": "Concept",
    }
    for entry_id, etype in expect.items():
        assert entry_id in rows and rows[entry_id].type == etype, entry_id
    assert rows["rlhf"].broader == "reinforcement-learning"
    assert rows["lstm"].broader == "recurrent-neural-network"
    assert rows["recurrent-neural-network"].broader == "neural-network"
    assert "RLHF" in rows["rlhf"].aliases
    assert {"Geoff Hinton", "Jeff Hinton"} <= set(rows["geoffrey-hinton"].aliases)
    assert "=Cloud" in rows["claude"].aliases


def test_lexicon_loads_and_every_name_resolves():
    """The pipeline's loader reads the file and maps every name back to its entry."""
    from kg.lexicon import load_lexicon

    lexicon = load_lexicon(LEXICON_TSV)
    rows = lexicon_rows()
    assert set(lexicon.entries) == {row.id for row in rows}
    wrong = []
    for row in rows:
        for name in (row.label, *row.plain, *row.exact):
            entry = lexicon.lookup(name)
            if entry is None or entry.id != row.id:
                wrong.append(f"{name!r} -> {entry.id if entry else None}, expected {row.id}")
    assert not wrong, "\n".join(wrong)


# ---------------------------------------------------------------------------
# shapes.ttl: SHACL validation of hand-built graphs
# ---------------------------------------------------------------------------

TRANSCRIPT = URIRef(BASE + "transcript/t1")
SEGMENT = URIRef(BASE + "transcript/t1/segment/0")
EVIDENCE = URIRef(BASE + "evidence/0001")
ILYA, OPENAI = ID["ilya-sutskever"], ID["openai"]


def _entity(g: Graph, node, cls, label: str) -> None:
    g.add((node, RDF.type, cls))
    g.add((node, RDFS.label, Literal(label)))
    g.add((node, SKOS.prefLabel, Literal(label)))


def _evidence(g: Graph, node, subject, predicate, obj, **overrides) -> None:
    values = {
        KG.transcript: TRANSCRIPT,
        KG.segment: SEGMENT,
        KG.quote: Literal("Ilya Sutskever, the chief scientist at OpenAI, said"),
        KG.extractor: Literal("pattern:worksFor"),
        KG.confidence: Literal(Decimal("0.9")),
        KG.charStart: Literal(120),
        KG.charEnd: Literal(171),
        KG.startTime: Literal(Decimal("12.5")),
        KG.endTime: Literal(Decimal("15.25")),
        KG.kind: Literal("typed"),
        KG.role: Literal("chief scientist"),
        KG.negated: Literal(False),
        KG.speaker: ID["lex-fridman"],
        PROV.wasDerivedFrom: TRANSCRIPT,
    }
    values.update(overrides)
    g.add((node, RDF.type, KG.Assertion))
    g.add((node, RDF.subject, subject))
    g.add((node, RDF.predicate, predicate))
    g.add((node, RDF.object, obj))
    for prop, value in values.items():
        if value is not None:
            g.add((node, prop, value))


def valid_graph() -> Graph:
    """One person, one organization, one worksFor edge with its evidence, the transcript,
    a segment, a mention and an edge weight; the ontology merged in."""
    g = Graph()
    g += ontology()
    _entity(g, ILYA, KG.Person, "Ilya Sutskever")
    g.add((ILYA, SKOS.altLabel, Literal("Ilia Sutskever")))
    g.add((ILYA, KG.lexiconId, Literal("ilya-sutskever")))
    g.add((ILYA, KG.mentionCount, Literal(1)))
    g.add((ILYA, KG.mentionedIn, TRANSCRIPT))
    _entity(g, OPENAI, KG.Organization, "OpenAI")
    _entity(g, ID["lex-fridman"], KG.Person, "Lex Fridman")
    g.add((ILYA, KG.worksFor, OPENAI))
    _evidence(g, EVIDENCE, ILYA, KG.worksFor, OPENAI)

    g.add((TRANSCRIPT, RDF.type, KG.Transcript))
    g.add((TRANSCRIPT, DCTERMS.title, Literal("Ilya Sutskever: Deep Learning")))
    g.add((TRANSCRIPT, DCTERMS.date, Literal("2020-05-08", datatype=XSD.date)))
    g.add((TRANSCRIPT, SCHEMA.url, URIRef("https://example.org/episode")))
    g.add((TRANSCRIPT, KG["format"], Literal("srt")))
    g.add((TRANSCRIPT, KG.sha256, Literal("0" * 64)))
    g.add((TRANSCRIPT, KG.wordCount, Literal(1000)))
    g.add((TRANSCRIPT, KG.speaker, ID["lex-fridman"]))

    g.add((SEGMENT, RDF.type, KG.Segment))
    g.add((SEGMENT, KG.transcript, TRANSCRIPT))
    g.add((SEGMENT, KG["index"], Literal(0)))
    g.add((SEGMENT, KG.charStart, Literal(100)))
    g.add((SEGMENT, KG.charEnd, Literal(200)))
    g.add((SEGMENT, KG.startTime, Literal(Decimal("12.0"))))
    g.add((SEGMENT, KG.endTime, Literal(Decimal("16.0"))))
    g.add((SEGMENT, KG.text, Literal("Ilya Sutskever, the chief scientist at OpenAI, said")))

    mention = URIRef(BASE + "mention/0001")
    g.add((mention, RDF.type, KG.Mention))
    g.add((mention, KG.mentionOf, ILYA))
    g.add((mention, KG.transcript, TRANSCRIPT))
    g.add((mention, KG.segment, SEGMENT))
    g.add((mention, KG.surface, Literal("Ilya Sutskever")))
    g.add((mention, KG.charStart, Literal(120)))
    g.add((mention, KG.charEnd, Literal(134)))

    weight = URIRef(BASE + "weight/0001")
    g.add((weight, RDF.type, KG.EdgeWeight))
    g.add((weight, RDF.subject, ILYA))
    g.add((weight, RDF.predicate, KG.worksFor))
    g.add((weight, RDF.object, OPENAI))
    g.add((weight, KG.transcript, TRANSCRIPT))
    g.add((weight, KG["count"], Literal(1)))
    return g


def validate(data: Graph, **kwargs) -> tuple[bool, str]:
    pyshacl = pytest.importorskip("pyshacl")
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=shapes(), inference="none", advanced=True, **kwargs
    )
    return conforms, text


def test_valid_graph_conforms():
    conforms, text = validate(valid_graph())
    assert conforms, text


def test_valid_graph_conforms_with_ont_graph_argument():
    data = Graph()
    for triple in valid_graph() - ontology():
        data.add(triple)
    conforms, text = validate(data, ont_graph=ontology())
    assert conforms, text


def _without_evidence(g: Graph) -> None:
    g.remove((EVIDENCE, None, None))


def _second_label(g: Graph) -> None:
    g.add((ILYA, RDFS.label, Literal("Ilya")))


def _time_reversed(g: Graph) -> None:
    g.set((EVIDENCE, KG.startTime, Literal(Decimal("20.0"))))


def _negative_char_start(g: Graph) -> None:
    g.set((EVIDENCE, KG.charStart, Literal(-5)))


def _char_span_reversed(g: Graph) -> None:
    g.set((EVIDENCE, KG.charStart, Literal(500)))


def _confidence_too_high(g: Graph) -> None:
    g.set((EVIDENCE, KG.confidence, Literal(Decimal("1.5"))))


def _empty_quote(g: Graph) -> None:
    g.set((EVIDENCE, KG.quote, Literal("")))


def _no_transcript(g: Graph) -> None:
    g.remove((EVIDENCE, KG.transcript, None))


def _two_entity_types(g: Graph) -> None:
    g.add((ILYA, RDF.type, KG.Organization))


def _no_pref_label(g: Graph) -> None:
    g.remove((OPENAI, SKOS.prefLabel, None))


def _segment_time_reversed(g: Graph) -> None:
    g.set((SEGMENT, KG.endTime, Literal(Decimal("1.0"))))


def _mention_without_entity(g: Graph) -> None:
    g.remove((None, KG.mentionOf, None))


def _zero_count(g: Graph) -> None:
    g.set((URIRef(BASE + "weight/0001"), KG["count"], Literal(0)))


BREAKAGES = [
    (_without_evidence, ["relation without evidence", "ilya-sutskever", "worksFor", "openai"]),
    (_second_label, ["exactly one rdfs:label", "ilya-sutskever"]),
    (_time_reversed, ["kg:startTime", "not after kg:endTime", "evidence/0001"]),
    (_negative_char_start, ["kg:charStart", "non-negative", "evidence/0001"]),
    (_char_span_reversed, ["kg:charStart", "not greater than kg:charEnd"]),
    (_confidence_too_high, ["kg:confidence", "between 0 and 1"]),
    (_empty_quote, ["kg:quote", "non-empty"]),
    (_no_transcript, ["exactly one kg:transcript"]),
    (_two_entity_types, ["exactly one rdf:type among"]),
    (_no_pref_label, ["skos:prefLabel", "openai"]),
    (_segment_time_reversed, ["kg:startTime", "segment/0"]),
    (_mention_without_entity, ["kg:mentionOf"]),
    (_zero_count, ["kg:count"]),
]


@pytest.mark.parametrize(
    "breakage, expected", BREAKAGES, ids=[b.__name__.strip("_") for b, _ in BREAKAGES]
)
def test_broken_graph_does_not_conform(breakage, expected):
    g = valid_graph()
    breakage(g)
    conforms, text = validate(g)
    assert not conforms, f"{breakage.__name__} was accepted"
    for fragment in expected:
        assert fragment in text, f"{fragment!r} not in the report:\n{text}"


def test_open_relations_and_broader_need_evidence():
    g = valid_graph()
    train_on = KGR.train_on
    g.add((train_on, RDF.type, OWL.ObjectProperty))
    g.add((train_on, RDFS.subPropertyOf, KG.openRelation))
    g.add((train_on, RDFS.label, Literal("train on")))
    lstm, rnn = ID["lstm"], ID["recurrent-neural-network"]
    _entity(g, lstm, KG.Concept, "long short-term memory")
    _entity(g, rnn, KG.Concept, "recurrent neural network")
    g.add((OPENAI, train_on, rnn))
    g.add((lstm, SKOS.broader, rnn))
    conforms, text = validate(g)
    assert not conforms
    assert "relation without evidence" in text
    assert "train_on" in text and "broader" in text

    _evidence(
        g, URIRef(BASE + "evidence/0002"), OPENAI, train_on, rnn, **{KG.kind: Literal("open")}
    )
    _evidence(g, URIRef(BASE + "evidence/0003"), lstm, SKOS.broader, rnn)
    conforms, text = validate(g)
    assert conforms, text


def test_symmetric_relation_evidence_counts_in_either_direction():
    g = valid_graph()
    g.add((OPENAI, KG.relatedTo, ILYA))
    conforms, text = validate(g)
    assert not conforms and "relatedTo" in text
    _evidence(
        g,
        URIRef(BASE + "evidence/0004"),
        ILYA,
        KG.relatedTo,
        OPENAI,
        **{KG.kind: Literal("comention")},
    )
    conforms, text = validate(g)
    assert conforms, text


def test_literal_and_non_entity_objects_are_not_relations():
    g = valid_graph()
    g.add((ILYA, KG.mentionedIn, TRANSCRIPT))  # an entity -> transcript link, not a relation
    bnode = BNode()
    g.add((ILYA, KG.relatedTo, bnode))  # not an entity IRI: ignored by the evidence rule
    conforms, text = validate(g)
    assert conforms, text
