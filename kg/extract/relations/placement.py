"""Where an organisation is and what it is part of, from frames of the parse that the
verb rules of ``clauses.py`` do not read:

* a verb of lying or keeping a site: "X sits / lies / stands in Y", "X has / opened /
  keeps an office (a lab, its headquarters) in Y" (locatedIn);
* a possessive: "Finland's X" (an organisation owned by a place is located there),
  "Y's X" with both organisations ("Google's DeepMind": partOf);
* a unit at an organisation: "the X Lab at Y", "the X Institute at Y" (partOf), the
  first name ending in a noun for a part of a larger body;
* a part's noun said of an organisation: "X, the research arm of Y", "X is a wholly
  owned subsidiary of Y", "the robotics division of Y, X"; "X belongs to Y" (partOf);
* lists said in parallel: "A and B are based in C and D" pairs A with C and B with D,
  never crosswise (``in_order``).

* an event or a place with its place hung on the name: "the X Conference in / at Y",
  "Silicon Valley in California" (a place GeoNames knows only in a region it confirms);
* a place said right beside the region that holds it: "Phoenix, Arizona", "lyon
  france" (GeoNames confirms it, ``regions.py``; "Paris, Berlin" is a list);
* (a person said to be from a place, "I'm originally from Holland", is
  :func:`.frames.person_from`'s, with a person from an organisation);
* an organisation's noun with its place, said to be an organisation: "my company in
  Japan was X", "a lab in Oslo called X".

Types follow the ontology's signature: locatedIn is an organisation, person, event or
place in a place, partOf an organisation in an organisation. A person's dwelling is
otherwise left to the verbs of ``clauses.py`` (travel and visits are not a location).
Negated clauses give nothing; questions, hypotheticals and hearsay are dropped by the
finder for every clause fact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...nlp import tokens
from .regions import is_region, lies_in, regions_of

if TYPE_CHECKING:  # pragma: no cover
    from .clauses import ClauseFact, _Reader

__all__ = ["place_frames", "in_order", "LIE_VERBS", "SITE_NOUNS", "PART_HEADS", "PART_NOUNS"]

_ORG, _PLACE, _EVENT, _PERSON = "Organization", "Place", "Event", "Person"

#: verbs that say where a thing lies: "sits in", "lies in", "stands in"
LIE_VERBS = frozenset({"sit", "lie", "stand", "reside", "operate"})
#: verbs that keep a site somewhere: "has an office in", "opened a lab in"
SITE_VERBS = frozenset({"have", "open", "keep", "run", "maintain", "establish"})
#: what an organisation keeps in a place
SITE_NOUNS = frozenset(
    {"office", "offices", "headquarters", "hq", "lab", "labs", "campus", "branch"}
    | {"factory", "plant", "hub", "site", "base", "studio", "center", "centre"}
)
#: last words of a name that make it a part of a larger body: "the Ondira Lab at Y"
PART_HEADS = frozenset(
    {"lab", "labs", "laboratory", "institute", "center", "centre", "school", "department"}
    | {"division", "group", "team", "unit", "program", "programme", "initiative"}
)

#: nouns that say one body is a piece of another: "the research arm of Y"
PART_NOUNS = frozenset(
    {"part", "division", "subsidiary", "arm", "unit", "branch", "wing", "affiliate"}
    | {"offshoot", "spinoff", "spin-off", "daughter", "chapter", "department"}
)


def place_frames(reader: _Reader) -> list[ClauseFact]:
    """The located-in and part-of facts of one unit's parse read by the frames above.
    The frames of events and places (:func:`_held_in`, :func:`_beside`) need a place in
    the unit; the others an organisation, and a unit that names neither is not read. A
    person from a place is :func:`.frames.person_from`'s."""
    spans = sorted(
        {id(s): s for s in reader.at.values()}.values(), key=lambda s: (s.token_start, s.token_end)
    )
    out: list[ClauseFact] = []
    if any(s.mention.type == _PLACE for s in spans):
        out += _beside(reader, spans)
        for s in spans:
            if s.mention.type in (_EVENT, _PLACE):
                out += _held_in(reader, s)
    if not any(s.mention.type == _ORG for s in spans):
        return out
    for token in tokens(reader.doc):
        if token.pos_ in ("VERB", "AUX"):
            out += _site_verb(reader, token)
        elif token.dep_ == "poss":
            out += _possessive(reader, token)
        if token.dep_ == "prep" and token.lower_ == "at":
            out += _unit_at(reader, token)
        if token.lemma_.lower() in PART_NOUNS and not reader.named(token):
            out += _part_noun(reader, token)
        if token.pos_ == "NOUN" and not reader.named(token):
            out += _kind_in(reader, token)
            out += _based_kind(reader, token)
    return out


def _hung_on(reader: _Reader, noun, preposition: str, etype: str) -> list:
    """The mentions of type ``etype`` that ``preposition`` hangs on ``noun`` ("the arm
    *of Y*", "a lab *in Oslo*"), or on a verb ("belongs *to Y*")."""
    return [
        o
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == preposition
        for o in reader.pobjs(p)
        if o.mention.type == etype
    ]


def _part_noun(reader: _Reader, noun) -> list[ClauseFact]:
    """ "X, the nonprofit arm of Y" (apposition), "X is a subsidiary of Y" (a copula's
    attribute, not negated), "the research arm of Y, X" (the name set beside it)."""
    from .clauses import ClauseFact

    wholes = _hung_on(reader, noun, "of", _ORG)
    if not wholes:
        return []
    parts = []
    if noun.dep_ == "appos" and noun.head.i in reader.at:
        parts = reader.spans(noun.head)
    elif noun.dep_ == "attr" and noun.head.lemma_.lower() in ("be", "become", "remain"):
        if any(c.dep_ == "neg" for c in noun.head.children):
            return []
        parts = reader.subjects(noun.head)[0]
    parts += [o for c in noun.children if c.dep_ == "appos" for o in reader.spans(c)]
    return [
        ClauseFact(p, "partOf", w, "parse:partOf:part-noun", 0.75)
        for p in parts
        for w in wholes
        if p.mention.type == _ORG and p.mention is not w.mention
    ]


def _site_verb(reader: _Reader, verb) -> list[ClauseFact]:
    """ "X sits in Y", "X has an office in Y", "X opened its headquarters in Y"."""
    from .clauses import ClauseFact

    lemma = verb.lemma_.lower()
    if lemma not in LIE_VERBS and lemma not in SITE_VERBS and lemma != "belong":
        return []
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    if lemma == "belong":  # "X belongs to Y": both organisations
        wholes = _hung_on(reader, verb, "to", _ORG)
        return [
            ClauseFact(s, "partOf", w, "parse:partOf:belong", 0.75, None, verb)
            for s in reader.subjects(verb)[0]
            for w in wholes
            if s.mention.type == _ORG and s.mention is not w.mention
        ]
    holders = [c for c in verb.children if c.dep_ in ("prep",) and c.lower_ == "in"]
    if lemma in SITE_VERBS:
        sites = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in SITE_NOUNS]
        if not sites or any(reader.named(s) for s in sites):
            return []
        # "an office in Y" may hang "in" on the noun or on the verb
        holders += [p for s in sites for p in s.children if p.dep_ == "prep" and p.lower_ == "in"]
    subjects = [s for s in reader.subjects(verb)[0] if s.mention.type == _ORG]
    places = [o for p in holders for o in reader.pobjs(p) if o.mention.type == _PLACE]
    tag = "lies-in" if lemma in LIE_VERBS else "site-in"
    return [
        ClauseFact(s, "locatedIn", o, f"parse:locatedIn:{tag}", 0.75, None, verb)
        for s in subjects
        for o in places
    ]


def _possessive(reader: _Reader, poss) -> list[ClauseFact]:
    """ "Finland's X": X located in Finland; "Y's X", both organisations: X part of Y.
    Only when the possessed word is the root of a named organisation (not "Google's
    investment in X", not "Y's CEO")."""
    from .clauses import ClauseFact

    owner, owned = reader.at.get(poss.i), reader.at.get(poss.head.i)
    if owner is None or owned is None or owner is owned:
        return []
    if owned.mention.type != _ORG:
        return []
    if reader.doc[owned.token_start : owned.token_end].root.i != poss.head.i:
        return []
    if owner.mention.type == _PLACE:
        return [ClauseFact(owned, "locatedIn", owner, "parse:locatedIn:possessive", 0.7)]
    if owner.mention.type == _ORG:
        return [ClauseFact(owned, "partOf", owner, "parse:partOf:possessive", 0.7)]
    return []


def _unit_at(reader: _Reader, prep) -> list[ClauseFact]:
    """ "the Ondira Lab at Stanford": a name ending in a part's noun, with "at" and an
    organisation hung on it, is part of that organisation."""
    from .clauses import ClauseFact

    unit = reader.at.get(prep.head.i)
    if unit is None or unit.mention.type != _ORG:
        return []
    last = reader.doc[unit.token_end - 1]
    if last.lower_ not in PART_HEADS or unit.token_end - unit.token_start < 2:
        return []
    return [
        ClauseFact(unit, "partOf", o, "parse:partOf:unit-at", 0.7)
        for o in reader.pobjs(prep)
        if o.mention.type == _ORG and o.mention is not unit.mention
    ]


def in_order(doc, facts: list[ClauseFact]) -> list[ClauseFact]:
    """Drop the crosswise pairs of a parallel list: when a subject is the k-th of a
    list the parse coordinates and its place the j-th of a list as long, only k == j
    is said ("A and B are based in C and D")."""
    out = []
    for f in facts:
        if f.predicate != "locatedIn":
            out.append(f)
            continue
        k, n = _position(doc, f.subject)
        j, m = _position(doc, f.object)
        if n >= 2 and n == m and k != j:
            continue
        out.append(f)
    return out


def _position(doc, span) -> tuple[int, int]:
    """The place of a mention's root in the list the parse coordinates it in, and the
    length of that list (1 when it is not listed)."""
    root = doc[span.token_start : span.token_end].root
    items = sorted([root, *root.conjuncts], key=lambda t: t.i)
    return items.index(root), len(items)


def _held_in(reader: _Reader, span) -> list[ClauseFact]:
    """ "the Consumer Electronics Show in Las Vegas", "the conference at San Francisco",
    "Silicon Valley in California": an event, or a place, with "in" (an event also
    "at") and a place hung on its name is held, or lies, there. A place the gazetteer
    knows is put only in a region the gazetteer confirms ("the US in Vietnam" is an
    engagement, not a location)."""
    from .clauses import ClauseFact

    root = reader.doc[span.token_start : span.token_end].root
    preps = ("in", "at") if span.mention.type == _EVENT else ("in",)
    out = []
    for p in root.children:
        if p.dep_ != "prep" or p.lower_ not in preps:
            continue
        for o in reader.pobjs(p):
            if o.mention.type != _PLACE or o.mention is span.mention:
                continue
            known = span.mention.type == _PLACE and regions_of(span.mention.surface)
            if known and not lies_in(span.mention.surface, o.mention.surface):
                continue
            out.append(ClauseFact(span, "locatedIn", o, f"parse:locatedIn:held-{p.lower_}", 0.7))
    return out


#: A place named with its region states where it lies whatever the clause around it
#: does: "if we opened an office in Lyon, France" supposes the office, not where Lyon is.
BESIDE_EXTRACTOR = "parse:locatedIn:beside"


#: A town's name is a few words and joins none ("east peoria", not "Legal Network and
#: Free Software Foundation" run into "Europe").
_TOWN_WORDS = 3
_CONNECTIVES = frozenset({"and", "of", "for", "the"})


def _beside(reader: _Reader, spans) -> list[ClauseFact]:
    """ "Phoenix, Arizona", "lyon france": a place named right after another (nothing
    or one comma between) holds it when the gazetteer says so (:func:`lies_in`). A town
    the gazetteer does not know, set beside a region it does ("east peoria illinois"),
    lies in that region, unless the two stand in a longer run of places ("rumania
    bulgaria hungary": a list) or one names the other ("korea south korea"); a region
    beside a region ("asia europe", "ohio arizona") is read only through the gazetteer."""
    from .clauses import ClauseFact

    out = []
    for k, (a, b) in enumerate(zip(spans, spans[1:], strict=False)):
        if a.mention.type != _PLACE or b.mention.type != _PLACE or not _adjacent(reader, a, b):
            continue
        place, region = a.mention.surface, b.mention.surface
        if lies_in(place, region) or (
            _unknown_town(place, region)
            and not (k > 0 and _adjacent_places(reader, spans[k - 1], a))
            and not (k + 2 < len(spans) and _adjacent_places(reader, b, spans[k + 2]))
        ):
            out.append(ClauseFact(a, "locatedIn", b, BESIDE_EXTRACTOR, 0.75))
    return out


def _adjacent(reader: _Reader, a, b) -> bool:
    gap = reader.doc[a.token_end : b.token_start]
    return len(gap) == 0 or (len(gap) == 1 and gap[0].text == ",")


def _adjacent_places(reader: _Reader, a, b) -> bool:
    return a.mention.type == b.mention.type == _PLACE and _adjacent(reader, a, b)


def _unknown_town(place: str, region: str) -> bool:
    words = place.lower().split()
    return (
        len(words) <= _TOWN_WORDS
        and not _CONNECTIVES.intersection(words)
        and not set(words) <= set(region.lower().split())
        and not regions_of(place)
        and not is_region(place)
        and is_region(region)
    )


def _kind_in(reader: _Reader, noun) -> list[ClauseFact]:
    """ "my company in Japan was X", "the name of my startup in Kenya is X", "a lab in
    Oslo called X": an organisation's noun (``clauses.ORG_NOUNS``) with "in" and a place
    hung on it, said to be (or named, or set beside) an organisation, puts it there."""
    from .clauses import ORG_NOUNS, ClauseFact

    if noun.lemma_.lower() not in ORG_NOUNS:
        return []
    places = _hung_on(reader, noun, "in", _PLACE)
    if not places:
        return []
    orgs = list(reader.spans(noun))  # "a lab in Oslo, X", "a lab in Oslo called X"
    subject = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_ == "name":
        subject = noun.head.head  # "the name of my company in Japan was X"
    verb = subject.head
    if subject.dep_ == "nsubj" and verb.lemma_.lower() == "be":
        if any(c.dep_ == "neg" for c in verb.children):
            return []
        orgs += [o for c in verb.children if c.dep_ == "attr" for o in reader.spans(c)]
    return [
        ClauseFact(org, "locatedIn", place, "parse:locatedIn:kind-in", 0.7)
        for org in orgs
        if org.mention.type == _ORG
        for place in places
    ]


#: Participles that put what they describe somewhere: "a startup based in Berlin".
_SITED = frozenset({"base", "locate", "headquarter", "headquartere"})


def _based_kind(reader: _Reader, noun) -> list[ClauseFact]:
    """ "Acme is a startup based in Berlin", "BNH.ai, which is a boutique law firm based
    in Washington DC", "Acme, a lab located in Oslo": what an organisation is said to
    be, with a participle of siting and a place ("in", "out of"), puts it there. The
    noun is the copula's complement or an apposition; a denied copula says nothing."""
    from .clauses import ClauseFact
    from .derivation import said_of

    places = [
        o
        for c in noun.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _SITED
        for p in c.children
        if p.dep_ == "prep" and p.lower_ in ("in", "out")
        for o in (
            reader.pobjs(p)
            if p.lower_ == "in"
            else [x for q in p.children if q.dep_ == "prep" for x in reader.pobjs(q)]
        )
        if o.mention.type == _PLACE
    ]
    if not places:
        return []
    described = said_of(reader, noun)
    if described is None:
        return []
    _, things = described
    return [
        ClauseFact(org, "locatedIn", place, "parse:locatedIn:based-kind", 0.75)
        for org in things
        if org.mention.type == _ORG
        for place in places
    ]
