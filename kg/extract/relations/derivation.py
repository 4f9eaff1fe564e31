"""What one thing is to others, said through a noun without a verb of its own: a
copy, fork or later form of another (basedOn), a company others own together:

* "X, which is a Y clone", "X is a fork of Y", "X, a rip-off of Y": X basedOn Y;
* "X, which was the predecessor to Y": Y basedOn X; "X is the successor of Y": X
  basedOn Y;
* "X was a joint venture between A and B": A and B investedIn X (its owners);
* "X was a graphical web browser based on Y", "X, a library built on top of Y": the
  noun that says what X is carries the participle, X basedOn Y.

Both ends must be made things (a product or a work): "Jane is a clone of her
mother" says nothing of the kind. Read from the parse of one unit through the clause
reader (``clauses._Reader``), from the noun a copula takes ("attr") or an apposition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .clauses import ClauseFact, _Reader

__all__ = ["COPY_NOUNS", "derived", "described_as_based", "joint_owners", "said_of"]

#: nouns for a thing made after another: "a Y clone", "a fork of Y"
COPY_NOUNS = frozenset(
    {"clone", "copy", "fork", "port", "rip-off", "ripoff", "knockoff", "knock-off"}
    | {"derivative", "rebuild", "remake", "spinoff", "spin-off", "offshoot", "rewrite"}
)
#: nouns for the thing that came before (reversed: the later one is based on it)
BEFORE_NOUNS = frozenset({"predecessor", "precursor", "forerunner", "ancestor"})
#: nouns for the thing that came after
AFTER_NOUNS = frozenset({"successor", "descendant"})
_DERIVED_NOUNS = COPY_NOUNS | BEFORE_NOUNS | AFTER_NOUNS
_MADE = frozenset({"Product", "Work"})
_ORG = "Organization"


def derived(reader: _Reader, noun) -> list[ClauseFact]:
    """``noun`` a copula's complement ("X is a fork of Y", "X, which was the
    predecessor to Y") or an apposition ("X, a Y clone"): the basedOn it states
    between the made thing it is said of and the one it names (through "of"/"to" or
    as a name set before the noun). A denied copula says none of it."""
    from .clauses import ClauseFact

    word = _hyphenated(reader, noun)
    if word not in _DERIVED_NOUNS or reader.named(noun):
        return []
    described = said_of(reader, noun)
    if described is None:
        return []
    verb, things = described
    others = [o for p, o in reader._noun_objects(noun) if p in ("of", "to", "from")]
    for k in range(noun.left_edge.i, noun.i):  # "a Y clone": the name set before it
        s = reader.at.get(k)
        if s is not None and s not in others and s.token_end <= noun.i:
            others.append(s)
    out = []
    for x in things:
        for y in others:
            if {x.mention.type, y.mention.type} - _MADE:
                continue
            if x.mention is y.mention or x.mention.surface.lower() == y.mention.surface.lower():
                continue  # "Windows 95 was the predecessor to Windows 98" cut to one name
            a, b = (y, x) if word in BEFORE_NOUNS else (x, y)
            out.append(ClauseFact(a, "basedOn", b, f"parse:basedOn:{word}", 0.7, None, verb))
    return out


#: participles whose "on" names what a thing is made on: "based on", "built on (top of)"
_BASED = frozenset({"base", "build"})


def described_as_based(reader: _Reader, noun) -> list[ClauseFact]:
    """``noun`` a copula's complement or an apposition that says what a made thing is,
    with a participle of making on something: "X was a graphical web browser based on
    Y", "X, a small library built on top of Y". The thing it is said of is basedOn
    what the participle names. A denied copula says none of it."""
    from .clauses import ClauseFact

    if reader.named(noun):
        return []
    participles = [
        c
        for c in noun.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _BASED
    ]
    if not participles:
        return []
    described = said_of(reader, noun)
    if described is None:
        return []
    verb, things = described
    ons = [p for c in participles for p in c.children if p.dep_ == "prep" and p.lower_ == "on"]
    # "built on top of Y": the preposition's noun is "top", its "of" names the base
    ons += [
        of
        for p in ons
        for top in p.children
        if top.dep_ == "pobj" and top.lower_ == "top"
        for of in top.children
        if of.dep_ == "prep" and of.lower_ == "of"
    ]
    bases = [o for p in ons for o in reader.pobjs(p)]
    return [
        ClauseFact(x, "basedOn", y, "parse:basedOn:described", 0.7, None, verb)
        for x in things
        for y in bases
        if {x.mention.type, y.mention.type} <= _MADE and x.mention is not y.mention
    ]


def said_of(reader: _Reader, noun):
    """What ``noun`` is said of: (the copula, its subjects) for "X is/became a <noun>",
    (None, the named head) for an apposition "X, a <noun>"; None when the copula is
    denied or the noun is neither."""
    if noun.dep_ == "attr" and noun.head.lemma_.lower() in ("be", "become"):
        verb = noun.head
        if any(c.dep_ == "neg" for c in verb.children):
            return None
        return verb, reader.subjects(verb)[0]
    if noun.dep_ == "appos" and noun.head.i in reader.at:
        return None, reader.spans(noun.head)
    return None


def _hyphenated(reader: _Reader, noun) -> str:
    """The noun's word, with the pieces the tokenizer split at a hyphen joined back:
    "rip - off" is "rip-off"."""
    doc = reader.doc
    k = noun.i
    while k >= 2 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_:
        k -= 2
    return doc[k : noun.i + 1].text.lower().replace(" ", "")


#: nouns for a company some others own together: "a joint venture between A and B"
SHARED_NOUNS = frozenset({"venture", "company", "partnership", "firm", "business"})


def joint_owners(reader: _Reader, noun) -> list[ClauseFact]:
    """ "X was a joint venture between A and B", "X, a 50/50 company between A and B":
    each owner (a person or an organisation named after "between") invested in the
    organisation X. A denied copula says none of it."""
    from .clauses import ClauseFact

    if noun.lemma_.lower() not in SHARED_NOUNS or reader.named(noun):
        return []
    described = said_of(reader, noun)
    if described is None:
        return []
    verb, companies = described
    owners = [
        o
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "between"
        for o in reader.pobjs(p)
        if o.mention.type in (_ORG, "Person")
    ]
    if len(owners) < 2:  # "between" names two sides or more
        return []
    return [
        ClauseFact(o, "investedIn", x, "parse:investedIn:joint", 0.7, None, verb)
        for x in companies
        if x.mention.type == _ORG
        for o in owners
        if o.mention is not x.mention
    ]
