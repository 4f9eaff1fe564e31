"""Noun frames that tie a person to an organisation without a verb of their own:

* a person's company named as an organisation: "Y, which was X's company", "Y is X's
  startup", "X's company, Y" (founded: a company called someone's is the one they
  started, as speech says it);
* money put in "as an investor" (investedIn the organisation named with the investor,
  else the one in view);
* a person "(over) there" ("Y, X over there built ..."): worksFor that organisation;
* a person said to be "from" a place (locatedIn: "I'm originally from Holland") or an
  organisation (one of its people: "they're both from BNH.ai");
* a role "there" after a contracted "is" ("Andrew's a managing partner there").

All read the parse of one unit through the clause reader (``clauses._Reader``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .patterns import job_at

if TYPE_CHECKING:  # pragma: no cover
    from .clauses import ClauseFact, _Reader

__all__ = ["INVESTOR_NOUNS", "as_investor", "owned_company", "person_from", "role_there_contracted"]

_PERSON, _ORG, _PLACE = "Person", "Organization", "Place"


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


#: nouns for one who puts money into an organisation: "came in as an investor"
INVESTOR_NOUNS = frozenset({"investor", "backer", "funder", "shareholder", "stakeholder"})


def as_investor(reader: _Reader, prep) -> list[ClauseFact]:
    """ "put a little money (in) as an investor", "came in as an investor in Y": the
    verb's subject invested in Y, or, said without one, in the one organisation in
    view (``org_at``; never guessed when two are)."""
    from .clauses import ClauseFact

    verb = prep.head
    if prep.lower_ != "as" or verb.pos_ not in ("VERB", "AUX"):
        return []
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    nouns = [c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in INVESTOR_NOUNS]
    if not nouns or reader.named(nouns[0]):
        return []
    investees = [o for p, o in reader._noun_objects(nouns[0]) if p in ("in", "into", "at")]
    if not investees and not any(c.dep_ == "prep" for c in nouns[0].children):
        org = reader.org_at(nouns[0])
        investees = [org] if org is not None else []
    investors = [s for s in reader.subjects(verb)[0] if s.mention.type in (_PERSON, _ORG)]
    return [
        ClauseFact(s, "investedIn", o, "parse:investedIn:as-investor", 0.7, None, verb)
        for s in investors
        for o in investees
        if o.mention.type == _ORG and o.mention is not s.mention
    ]


def person_there(reader: _Reader, there) -> list[ClauseFact]:
    """ "Y, X over there built ...", "X there was a great partner": "there" said right
    after a person's name and hung by the parse on a noun (not on a verb: "I met X
    there" is where the meeting was) places the person at the one organisation in
    view (``org_at``), or at the organisation the parse hangs "there" on: a job there."""
    from .clauses import ClauseFact

    if there.lower_ != "there" or there.dep_ != "advmod" or there.head.pos_ not in _NOMINAL:
        return []
    k = there.i - 1
    if k >= 0 and reader.doc[k].lower_ == "over":
        k -= 1
    person = reader.at.get(k) if k >= 0 else None
    if person is None or person.mention.type != _PERSON or person.token_end != k + 1:
        return []
    if person.mention.source == "speaker":
        return []
    org = reader.at.get(there.head.i)  # "Y, X over there": the parse may hang it on Y
    if org is None or org.mention.type != _ORG:
        org = reader.org_at(there)
    if org is None or org.mention is person.mention:
        return []
    return [ClauseFact(person, "worksFor", org, "parse:worksFor:there", 0.6)]


_NOMINAL = frozenset({"PROPN", "NOUN"})


def role_there_contracted(reader: _Reader, poss) -> list[ClauseFact]:
    """ "Andrew's a managing partner there": the parse reads "'s" as a possessive, but
    a possessive takes no article after it ("Andrew's the partner" is no phrase), so
    ``poss`` followed by "'s" and an article before its role noun is "Andrew is". With
    "there" on the role, the person holds it at the one organisation in view
    (``org_at``; never one of two)."""
    from ..terms import ARTICLES
    from .clauses import TITLE_NOUNS, ClauseFact

    role = poss.head
    person = reader.at.get(poss.i)
    if person is None or person.mention.type != _PERSON or person.mention.source == "speaker":
        return []
    if role.lemma_.lower() not in TITLE_NOUNS:
        return []
    contracted = any(c.dep_ == "case" and c.lower_ in ("'s", "’s") for c in poss.children)
    article = any(c.dep_ == "det" and c.i > poss.i and c.lower_ in ARTICLES for c in role.children)
    there = [c for c in role.children if c.dep_ == "advmod" and c.lower_ == "there"]
    if not (contracted and article and there):
        return []
    org = reader.org_at(there[0])
    if org is None or org.mention is person.mention:
        return []
    return [
        ClauseFact(
            person, "worksFor", org, "parse:worksFor:is-role-there", 0.65, role.lemma_.lower()
        )
    ]


#: nouns for the organisation that pays one: "X, my employer"
EMPLOYER_NOUNS = frozenset({"employer", "workplace"})
#: nouns for one's own young company: "my startup X" (one's "company" may be an employer)
STARTUP_NOUNS = frozenset({"startup", "start-up"})
#: nouns for one who studies under a person: "I was X's student"
PUPIL_NOUNS = frozenset({"student", "postdoc", "advisee", "mentee", "protege", "apprentice"})


def personal_tie(reader: _Reader, poss) -> list[ClauseFact]:
    """A person's noun that ties them to a named person or organisation, said through a
    possessive ("my", "his", a name's "'s"), as a copula's complement or subject ("X
    was my advisor", "my PhD advisor at Y was X", "I was X's student") or set beside the name ("X, my employer", "my
    startup, X", "my team at X"):

    * an advisor, mentor or supervisor: the owner studiedUnder the person it is;
    * a student, postdoc, mentee: the person it is studiedUnder the owner;
    * an employer, the speaker's company: the owner worksFor it; a startup, one's
      "own" company or lab: the owner founded it;
    * a team, lab or group at an organisation: the owner works there (``job_at``).

    A denied copula ("X was never my advisor") or a liking ("my favorite company")
    says none of it."""
    from .clauses import (
        FOUND_VERBS,
        LIKING_WORDS,
        ORG_NOUNS,
        UNIT_NOUNS,
        ClauseFact,
        academic_advisor,
    )

    owner = reader.at.get(poss.i)
    noun = poss.head
    if owner is None or owner.mention.type != _PERSON or reader.named(noun):
        return []
    lemma = noun.lemma_.lower()
    if any(c.lower_ in LIKING_WORDS for c in noun.children):  # "my favorite company"
        return []
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in FOUND_VERBS:
        return []  # "I started my own company, X": the verb says it (founded)
    if any(c.lower_ == "own" for c in noun.children) and lemma in ORG_NOUNS:
        lemma = "startup"  # "my own company, X", "my own lab X": one's own making
    if noun.dep_ == "attr" and noun.head.lemma_.lower() == "be":
        verb = noun.head
        if any(c.dep_ == "neg" for c in verb.children):
            return []
        others = [s for s in reader.subjects(verb)[0] if s is not owner]
    elif (name := _name_of(noun)) is not None or (
        noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "be"
    ):  # "the name of my company was X", "my advisor was X"
        verb = (noun if name is None else name).head
        if any(c.dep_ == "neg" for c in verb.children):
            return []
        others = [o for c in verb.children if c.dep_ == "attr" for o in reader.spans(c)]
    elif noun.dep_ == "appos" and noun.head.i in reader.at:  # "X, my employer"
        verb, others = None, reader.spans(noun.head)
    else:  # "my startup, X", "my employer X"
        verb = None
        others = [o for c in noun.children if c.dep_ in ("appos",) for o in reader.spans(c)]
    people = [o for o in others if o.mention.type == _PERSON and o.mention is not owner.mention]
    orgs = [o for o in others if o.mention.type == _ORG]
    # a name's "company" is the one they founded (``owned_company``); "my company" may
    # be one's employer, which a founder works for too
    mine = owner.mention.source == "speaker"
    out: list[ClauseFact] = []
    if academic_advisor(noun):
        out += [
            ClauseFact(owner, "studiedUnder", p, "parse:studiedUnder:my-advisor", 0.8, None, verb)
            for p in people
        ]
    elif lemma in PUPIL_NOUNS and owner.mention.source != "speaker":
        out += [
            ClauseFact(p, "studiedUnder", owner, "parse:studiedUnder:x-student", 0.8, None, verb)
            for p in people
        ]
    elif lemma in EMPLOYER_NOUNS or (lemma == "company" and mine):
        out += [
            ClauseFact(owner, "worksFor", o, "parse:worksFor:my-employer", 0.7, None, verb)
            for o in orgs
        ]
    elif lemma in STARTUP_NOUNS:
        out += [
            ClauseFact(owner, "founded", o, "parse:founded:my-startup", 0.75, None, verb)
            for o in orgs
        ]
    elif lemma in UNIT_NOUNS and verb is None:
        for p, o in reader._noun_objects(noun):
            if p in ("at", "in") and o.mention.type == _ORG:
                out.append(ClauseFact(owner, job_at(o.mention), o, "parse:job:my-team", 0.65))
    # "the name of my company in Japan was X", "my startup in Lagos, X": the company
    # named is where its noun is placed (one organisation, one place)
    if out and len(orgs) == 1 and lemma in ORG_NOUNS | STARTUP_NOUNS | EMPLOYER_NOUNS:
        places = [
            o for p, o in reader._noun_objects(noun) if p == "in" and o.mention.type == "Place"
        ]
        if len(places) == 1:
            out.append(
                ClauseFact(orgs[0], "locatedIn", places[0], "parse:locatedIn:my-company-in", 0.65)
            )
    return out


def _name_of(noun):
    """The subject "name" of a copula that ``noun`` is said through ("the name of my
    company (in Japan) was X"): the name said is the noun's own, as in "my company,
    X"; else None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() != "name":
        return None
    name = prep.head
    if name.dep_ != "nsubj" or name.head.lemma_.lower() != "be":
        return None
    return name


def had_employer(reader: _Reader, noun) -> list[ClauseFact]:
    """ "I had an employer, X (at the time)", "she has an employer, X": the employer
    noun a verb "have" takes, set beside one named organisation, is the subject's
    employer (worksFor). A denied "have" says none of it."""
    from .clauses import ClauseFact

    verb = noun.head
    if verb.lemma_.lower() != "have" or any(c.dep_ == "neg" for c in verb.children):
        return []
    if reader.named(noun):
        return []
    orgs = [o for c in noun.children if c.dep_ == "appos" for o in reader.spans(c)]
    orgs = [o for o in orgs if o.mention.type == _ORG]
    people = [s for s in reader.subjects(verb)[0] if s.mention.type == _PERSON]
    return [
        ClauseFact(p, "worksFor", o, "parse:worksFor:had-employer", 0.7, None, verb)
        for p in people
        for o in orgs
        if o.mention is not p.mention
    ]


#: words that set a past or shared stint on "at/of/from Y" after a name: "X, formerly
#: of Y", "X and Z, both at Y"
PAST_MARKS = frozenset({"formerly", "previously"})
_STINT_MARKS = PAST_MARKS | {"both"}


def person_from(reader: _Reader, prep) -> list[ClauseFact]:
    """ "I'm originally from Holland", "Andrew is from BNH.ai", "they're both from Acme":
    a person said by a copula (not negated) to be from a place comes from, and so is
    located in, it; from an organisation, as guests are introduced, is one of its people
    (``job_at``). Travel ("I just flew in from Oslo", "just back from IBM") has no copula
    and is not read."""
    from .clauses import ClauseFact

    verb = prep.head
    if prep.lower_ != "from" or verb.lemma_.lower() != "be":
        return []
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    ends = [o for o in reader.pobjs(prep) if o.mention.type in (_PLACE, _ORG)]
    if not ends:
        return []
    people = [s for s in reader.subjects(verb)[0] if s.mention.type == _PERSON]
    out = []
    for p in people:
        for o in ends:
            if o.mention.type == _PLACE:
                out.append(ClauseFact(p, "locatedIn", o, "parse:locatedIn:from", 0.7, None, verb))
            elif verb.pos_ == "AUX" and o.mention is not p.mention:
                out.append(ClauseFact(p, job_at(o.mention), o, "parse:job:from", 0.65, None, verb))
    return out


def person_at(reader: _Reader, prep) -> list[ClauseFact]:
    """ "X, formerly of Y", "X and Z, both at Y", "X, with Y": a preposition the parse
    hangs on a person's name, marked by "formerly"/"previously" (a past stint), "both"
    (the names listed before it, each in order) or a comma before "with" (an aside
    naming someone's employer, as introductions do), places each at the organisation
    (``job_at``: affiliatedWith a place of study, else worksFor). The bare "X at Y" is
    the between-words pattern's."""
    from .clauses import ClauseFact

    if prep.lower_ not in ("at", "of", "from", "with") or prep.head.i not in reader.at:
        return []
    marks = {c.lower_ for c in prep.children if c.dep_ in ("advmod", "preconj")}
    if prep.i > 0 and reader.doc[prep.i - 1].lower_ in _STINT_MARKS:
        marks.add(reader.doc[prep.i - 1].lower_)
    # "my co-host, X, with Y": "with" set off by a comma after a name is an apposition
    # naming where they work (never the bare "with X with Y's help")
    aside = prep.lower_ == "with" and prep.i > 0 and reader.doc[prep.i - 1].text == ","
    if not marks & _STINT_MARKS and not aside:
        return []
    people = [p for p in reader.spans(prep.head) if p.mention.type == _PERSON]
    if "both" in marks and len(people) < 2:
        return []
    people = [p for p in people if p.mention.source != "speaker"]
    orgs = [o for o in reader.pobjs(prep) if o.mention.type == _ORG]
    past = bool(marks & PAST_MARKS)
    return [
        ClauseFact(
            p, job_at(o.mention), o, "parse:job:person-at", 0.65, None, prep if past else None
        )
        for p in people
        for o in orgs
        if o.mention is not p.mention
    ]
