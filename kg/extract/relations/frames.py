"""Noun frames that tie a person to an organisation without a verb of their own:

* a person's company named as an organisation: "Y, which was X's company", "Y is X's
  startup", "X's company, Y" (founded: a company called someone's is the one they
  started, as speech says it);
* a role set beside a person with no organisation of its own: "There was X, the CEO"
  (worksFor the one organisation the unit, or the one just before, is about; never
  guessed when two are in view, ``org_at``).

Both read the parse of one unit through the clause reader (``clauses._Reader``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .clauses import ClauseFact, _Reader

__all__ = ["owned_company", "bare_role"]

_PERSON, _ORG = "Person", "Organization"


def owned_company(reader: _Reader, poss) -> list[ClauseFact]:
    """``poss`` a person's name owning an organisation noun ("X's company") that is
    said to be, or set beside, one named organisation: that person founded it."""
    from .clauses import ORG_NOUNS, ClauseFact

    owner = reader.at.get(poss.i)
    noun = poss.head
    if owner is None or owner.mention.type != _PERSON or owner.mention.source == "speaker":
        return []
    if noun.lemma_.lower() not in ORG_NOUNS or reader.named(noun):
        return []
    orgs = []
    if noun.dep_ == "attr" and noun.head.lemma_.lower() == "be":
        verb = noun.head
        if any(c.dep_ == "neg" for c in verb.children):
            return []
        orgs = reader.subjects(verb)[0]
    elif noun.dep_ == "appos" and noun.head.i in reader.at:  # "Y, X's company"
        orgs = reader.spans(noun.head)
    else:  # "X's company, Y"
        orgs = [o for c in noun.children if c.dep_ == "appos" for o in reader.spans(c)]
    return [
        ClauseFact(owner, "founded", o, "parse:founded:possessive", 0.7)
        for o in orgs
        if o.mention.type == _ORG and o is not owner
    ]


def bare_role(reader: _Reader, appos) -> list[ClauseFact]:
    """ "X, the CEO": a definite role noun set beside a person's name, with no
    organisation of its own, is a job at the organisation in view."""
    from .clauses import FOUNDER_NOUNS, ROLE_NOUNS, ClauseFact

    person = reader.at.get(appos.head.i)
    lemma = appos.lemma_.lower()
    if person is None or person.mention.type != _PERSON or reader.named(appos):
        return []
    if lemma not in ROLE_NOUNS and lemma not in FOUNDER_NOUNS:
        return []
    if not any(d.dep_ == "det" and d.lower_ == "the" for d in appos.children):
        return []
    if any(c.dep_ in ("prep", "poss", "relcl", "acl") for c in appos.children):
        return []  # "the CEO of Y" has its own; "the CEO who ..." is another frame
    org = reader.org_at(appos)
    if org is None:
        return []
    if lemma in FOUNDER_NOUNS:
        return [ClauseFact(person, "founded", org, "parse:founded:bare-appos", 0.7)]
    role = reader._role(appos)
    return [ClauseFact(person, "worksFor", org, "parse:worksFor:bare-appos", 0.7, role)]
