"""Typed relations read from the dependency parse, clause by clause.

The between-words patterns of the families see two mentions and the words between
them; this reader sees the clause: a verb with its subject (its own, the noun a
relative clause hangs on, or the subject it shares with the verb it is coordinated
with, never the subject of the clause it is subordinate to), its objects (direct,
through a preposition, through the noun they hang on: "did my PhD *with* X", "lead the
team *at* Y", "a model *called* Z"), and appositions ("X, a professor at Y"; "Y, a lab
in Montreal"). Each clause pairs only its own subject and objects, so a list of
parallel clauses ("A invested in B, and C invested in D") is paired in order, never
crosswise. The trigger words of each relation are small sets below; the types of the
two mentions decide between relations that share a verb ("spent two years at" a
company is worksFor, at a university affiliatedWith).

Frames beyond verb + object: a preposition the parse hangs on a named object is the
verb's ("at Uppsala University *with* X"); a stretch of someone's time is theirs ("my
last year was spent at X"); a "where" relative clause is about the place it hangs on
("X, where I went to school"); "there" and a role said without its organisation ("a
professor there", "she is still the CEO") stand for the one organisation in view (the
finder says which, ``org_at``); an organisation and a place hanging on one word locate
it ("an engineer at X in Oslo", "a firm in Boston called X").

A clause that asserts nothing gives nothing: a question, a hypothetical (modal, "if",
a wish), hearsay ("people say", "I heard that"). A negated clause gives no typed
relation (the open reader keeps it with its flag).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...nlp import tokens
from .. import wordnet
from ..entities import SpanMention
from .derivation import derived, described_as_based, joint_owners
from .frames import (
    EMPLOYER_NOUNS,
    PAST_MARKS,
    as_investor,
    had_employer,
    owned_company,
    person_at,
    person_from,
    person_there,
    personal_tie,
    role_there_contracted,
)
from .open import hypothetical
from .patterns import is_institution, job_at
from .placement import in_order, place_frames
from .reference import _located
from .roles import OFFICE_NOUNS
from .typed import singular_verb_after

__all__ = ["ClauseFact", "clause_facts", "non_asserting", "is_question", "tense_of"]

_PERSON, _ORG, _PLACE = "Person", "Organization", "Place"
_ARTIFACT = ("Product", "Work")

#: nouns that name a course of study: "did my PhD with/at", "my doctorate"
STUDY_NOUNS = frozenset(
    {"phd", "ph.d.", "ph.d", "doctorate", "postdoc", "post-doc", "thesis", "dissertation"}
    | {"master", "masters", "degree", "undergrad", "undergraduate", "studies", "fellowship"}
)
#: nouns that name a job: "was an engineer at", "a professor of computer science at"
ROLE_NOUNS = frozenset(
    {"ceo", "cto", "cfo", "coo", "president", "chair", "chairman", "director", "head"}
    | {"engineer", "scientist", "researcher", "professor", "lecturer", "manager", "lead"}
    | {"employee", "intern", "partner", "officer", "developer", "designer", "analyst"}
    | {"vp", "executive", "member", "staff", "programmer", "consultant", "editor"}
)
#: a job or an office said before or after a name: "its chairman X", "X, the CEO of Y"
TITLE_NOUNS = ROLE_NOUNS | OFFICE_NOUNS
#: nouns that a leader's work hangs on: "lead the robotics team at", "run research at"
UNIT_NOUNS = frozenset(
    {"team", "group", "lab", "laboratory", "department", "division", "research", "unit"}
    | {"marketing", "engineering", "sales", "product", "business", "businesses", "office"}
    | {"effort", "program", "project", "organization"}
)
#: roles held by studying, not employment: "a student at", "a PhD candidate at"
STUDENT_NOUNS = frozenset(
    {"student", "undergraduate", "undergrad", "phd", "candidate", "postdoc", "alumnus"}
    | {"alumna", "alum", "graduate", "fellow", "visitor", "trainee"}
)
#: what makes being somewhere a visit, not a stint: "at Google yesterday", "for a talk"
VISIT_WORDS = frozenset({"yesterday", "today", "tonight", "tomorrow", "week", "weekend"})
VISIT_WORDS |= frozenset({"talk", "meeting", "conference", "visit", "interview", "event"})
VISIT_WORDS |= frozenset({"workshop", "party", "dinner", "lunch", "demo", "panel"})
#: stretches of a life that "spend" takes: "my whole last year was spent at"
TIME_NOUNS = frozenset({"year", "time", "summer", "semester", "month", "career", "days", "life"})
#: what one goes to, to study: "went to school at", "where I went to college"
SCHOOL_NOUNS = frozenset({"school", "college", "university", "grad", "uni"})
FOUNDER_NOUNS = frozenset({"founder", "co-founder", "cofounder", "creator"})
#: works a person makes that "my/his X is/was (called) Y" names: "my thesis was Y"
OWN_WORK_NOUNS = frozenset({"thesis", "dissertation", "book", "paper", "novel", "album"})
OWN_WORK_NOUNS |= frozenset({"film", "documentary", "podcast", "essay", "memoir", "article"})
#: participles that give a thing its name: "a model called X", "a paper titled X"
_NAMING_PARTICIPLES = frozenset({"called", "named", "titled", "entitled"})
#: the one who presents a show: its host makes it
HOST_NOUNS = frozenset({"host", "co-host", "cohost", "presenter", "anchor"})
#: what makes "my X" someone else's work: "my favorite book is Y"
LIKING_WORDS = frozenset({"favorite", "favourite", "fav", "beloved", "preferred"})
ADVISOR_NOUNS = frozenset({"advisor", "adviser", "supervisor", "mentor"})
#: words before "advisor" that keep it a teacher's role ("my PhD advisor", "my former
#: advisor"); any other makes it a counsellor's ("my chief science advisor", "a
#: financial advisor"), who taught nobody
ACADEMIC_MODIFIERS = frozenset(
    {"phd", "ph.d.", "doctoral", "thesis", "graduate", "grad", "postdoc", "postdoctoral"}
    | {"research", "academic", "master", "masters", "dissertation", "former", "old", "first"}
    | {"undergraduate", "undergrad", "faculty"}
)


def academic_advisor(noun) -> bool:
    """An advisor noun whose modifiers (if any) all keep it a teacher's role."""
    return noun.lemma_.lower() in ADVISOR_NOUNS and all(
        c.lower_ in ACADEMIC_MODIFIERS for c in noun.children if c.dep_ in ("amod", "compound")
    )


#: who counsels an organisation without working for it: "an advisor to X"
COUNSEL_NOUNS = frozenset({"advisor", "adviser", "consultant", "counsel", "ambassador"})
KIND_NOUNS = frozenset({"kind", "type", "form", "sort", "class", "variant", "branch"})
KIND_NOUNS |= frozenset({"subfield", "subset", "example", "instance", "family"})
#: nouns that an organisation is, which a place can hang on: "a lab in Montreal"
ORG_NOUNS = frozenset(
    {"lab", "laboratory", "firm", "startup", "company", "institute", "university"}
    | {"school", "college", "fund", "studio", "shop", "business", "nonprofit"}
)
WORK_NOUNS = frozenset({"model", "book", "paper", "system", "product", "tool", "library"})
WORK_NOUNS |= frozenset({"network", "app", "framework", "dataset", "language", "chip"})

#: nouns for what one founds: "founded a charity called X" (not "started a project")
FOUNDED_NOUNS = ORG_NOUNS | frozenset(
    {"organization", "organisation", "foundation", "charity", "agency", "non-profit"}
    | {"venture", "partnership", "association", "society", "bank", "consultancy"}
)
#: nouns for a made thing one starts: "started a project called X"
PROJECT_NOUNS = frozenset({"project", "podcast", "show", "blog", "newsletter", "series"})
FOUND_VERBS = frozenset({"found", "co-found", "cofound", "start", "establish", "launch"})
LEAD_VERBS = frozenset({"lead", "run", "head", "direct", "manage", "co-lead", "colead"})
CREATE_VERBS = frozenset(
    {"build", "create", "develop", "train", "release", "ship", "write", "invent"}
    | {"design", "publish", "launch", "open-source", "make", "author", "co-author"}
    | {"introduce"}
)
#: nouns for a group of people who make things together: "the team that built X"
TEAM_NOUNS = frozenset({"team", "group", "lab", "crew", "squad"})
#: nouns for one form of a made thing: "wrote the first version of X"
DRAFT_NOUNS = frozenset({"version", "prototype", "draft", "implementation", "release"})
#: nouns that head a product's description: "their Alexa voice *assistant*"
PRODUCT_NOUNS = WORK_NOUNS | frozenset(
    {"product", "service", "app", "platform", "assistant", "browser", "engine", "api"}
    | {"device", "phone", "game", "website", "site", "offering", "suite", "software"}
)
#: verbs whose object is an idea its subject originated (not "developed", "discovered":
#: one develops an interest, discovers what was there)
IDEA_VERBS = frozenset({"invent", "coin", "pioneer", "formulate", "devise"})
#: subjects that name nobody in particular, or a group guessed from context
GENERIC_SUBJECTS = frozenset({"you", "we", "they", "one", "us", "them", "y'all", "people"})
#: verbs of one organisation taking another in: "Google bought X", "Alphabet owns X"
ACQUIRE_VERBS = frozenset({"acquire", "buy", "purchase", "own", "absorb"})
JOB_VERBS = frozenset({"work", "spend", "join"})
#: verb forms the small model tags as adjectives, with their lemma: "I was interning at X"
_MISREAD_VERBS = {"interning": "intern", "interned": "intern"}
#: verbs of taking someone on: "X hired me", "I was recruited by X"
HIRE_VERBS = frozenset({"hire", "recruit"})
#: verbs of teaching one person: "X mentored me" (not "advise": "she advised me to go")
MENTOR_VERBS = frozenset({"mentor", "supervise", "co-supervise"})
#: nouns for a stretch of work one "does" or "has" somewhere: "did an internship at X"
STINT_NOUNS = frozenset({"internship", "residency", "apprenticeship", "job", "stint", "placement"})
#: verbs of going somewhere whose "to"-infinitive is the goer's own act: "went to work
#: for X", "came to teach at Y" (not "asked him to work for X": the asker does not)
GOING_VERBS = frozenset({"go", "come", "move", "return", "leave", "head"})
#: passives that say where a person comes from: "was born in", "born and raised in"
ORIGIN_VERBS = frozenset({"bear", "raise"})
#: verbs that put a person in a place to stay: "who lived in Vienna", "settled in",
#: "grew up in", "worked in London"; and those that take them there: "moved to",
#: "returned to his native Philadelphia" (not "flew to", "visited": a trip)
DWELL_VERBS = frozenset({"live", "reside", "settle", "work", "grow", "base"})
MOVE_VERBS = frozenset({"move", "relocate", "return", "emigrate", "immigrate"})
REPORTING_VERBS = frozenset({"hear", "rumor", "rumour", "claim", "allege", "gossip", "speculate"})
_WH = frozenset({"what", "where", "when", "who", "whom", "why", "how", "which", "whose"})
_AUX_OPENERS = frozenset(
    {"do", "does", "did", "were", "was", "are", "is", "have", "has", "had", "can"}
    | {"could", "would", "will", "should", "shall", "may", "might"}
)
_FILLERS = frozenset({"so", "and", "but", "well", "okay", "ok", "now", "oh", "um", "uh"})
_YOU_WE = frozenset({"you", "we", "they", "he", "she", "it", "i"})


@dataclass(frozen=True)
class ClauseFact:
    """A typed relation one clause states between two mentions."""

    subject: SpanMention
    predicate: str
    object: SpanMention
    extractor: str
    confidence: float
    role: str | None = None
    verb: object = None  # the token the tense is read from


_LISTED = ("conj", "cc", "appos")


def listed_apposition(head, noun, end: int) -> bool:
    """Whether ``noun``, set beside ``head`` as an apposition (its phrase ending at token
    ``end``), is an item of a list the parse read as a chain of appositions rather than a
    restatement: "we tried supervised learning, an LSTM, a transformer and reinforcement
    learning"."""
    if head.dep_ in ("appos", "conj") or any(c.dep_ in _LISTED for c in noun.children):
        return True
    if sum(c.dep_ in _LISTED for c in head.children) > 1:
        return True
    return any(t.lower_ in ("and", "or") for t in noun.doc[end : end + 2])


def is_question(doc) -> bool:
    """A unit that asks: ends with "?", or opens (after fillers) with an auxiliary and a
    subject ("did you work at ...", "were you ...") or a wh-word and an auxiliary
    ("where did you train")."""
    words = [t for t in tokens(doc) if not t.is_space]
    if words and words[-1].text == "?":
        return True
    i = 0
    while i < len(words) and words[i].lower_ in _FILLERS:
        i += 1
    if i + 1 >= len(words):
        return False
    first, second = words[i].lower_, words[i + 1].lower_
    if first in _AUX_OPENERS and (second in _YOU_WE or words[i + 1].pos_ in ("PROPN", "DET")):
        return True
    return first in _WH and second in _AUX_OPENERS and words[i].dep_ != "nsubj"


def _inverted_question(verb) -> int | None:
    """Where a question inside a unit begins, if ``verb``'s clause asks one: an
    auxiliary of the opening kind before the verb's subject ("did you ever work at X",
    "and where were you born"); in unpunctuated speech a question runs on inside a
    longer unit, with no "?" to end it. Not an inversion after a negative or
    restrictive adverb ("never have I", "only then did we", "so did I"). None
    otherwise."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    subject = subjects[0]
    aux = [
        c for c in verb.children if c.dep_ == "aux" and c.i < subject.i and c.lower_ in _AUX_OPENERS
    ]
    if not aux:
        return None
    start = aux[0].i
    if any(c.i < start and c.lower_ in _INVERTING_ADVERBS for c in verb.children):
        return None
    wh = [c.i for c in verb.children if c.i < start and c.lower_ in _WH]
    return min([start, *wh])


#: Adverbs after which a statement inverts its subject and auxiliary ("never have I").
_INVERTING_ADVERBS = frozenset(
    {"never", "only", "rarely", "seldom", "so", "nor", "neither", "hardly", "nowhere"}
)


_NON_ASSERTING_KEY = "kg.non_asserting"


def non_asserting(doc) -> frozenset[int]:
    """Token indices inside a clause that asserts nothing: under a hypothetical verb
    (modal, "if", a wish), hearsay ("people say that ...", "I heard that ..."), or a
    denial ("which is simply not true" makes its antecedent's clause denied). Read once
    per Doc (the relation readers, definitions and Hearst patterns all ask)."""
    cached = doc.user_data.get(_NON_ASSERTING_KEY)
    if cached is None:
        cached = doc.user_data[_NON_ASSERTING_KEY] = frozenset(_non_asserting(doc))
    return cached


def _non_asserting(doc) -> set[int]:
    out: set[int] = set()
    supposed: set[int] = set()
    for token in tokens(doc):
        if token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_.lower()
        reported = lemma in REPORTING_VERBS or (
            lemma == "say"
            and not any(c.dep_ in ("nsubj",) and c.lower_ in ("i", "we") for c in token.children)
        )
        if reported:
            for c in token.children:
                if c.dep_ in ("ccomp", "xcomp", "dobj", "advcl"):
                    out.update(t.i for t in c.subtree)
            if token.dep_ == "parataxis":
                # "he said, I'm going to increase the block size": the parse hangs the
                # saying on the words said, which are his, not the speaker's
                own = {t.i for t in token.subtree}
                out.update(t.i for t in token.head.subtree if t.i not in own)
        if token.dep_ != "aux" and hypothetical(token):
            supposed.update(t.i for t in token.subtree)
        asked = _inverted_question(token)
        if asked is not None:  # "... did you ever work at google no i ...": a question
            supposed.update(range(asked, token.right_edge.i + 1))
    for token in tokens(doc):
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "because" for c in token.children
        ):
            # "if we went to the trouble of training them because lstms are recurrent
            # neural networks": the reason is the speaker's claim, not the supposition
            supposed.difference_update(t.i for t in token.subtree)
        if _aside(token):  # "keep X, which was Y's company, afloat": the aside is said,
            # of the name it hangs on
            supposed.difference_update(t.i for t in token.subtree)
            supposed.difference_update(range(token.head.left_edge.i, token.head.i + 1))
    return out | supposed


def _aside(verb) -> bool:
    """A relative clause set off by a comma ("X, which was Y's company, ...") states
    its fact whatever mood the clause it sits in has: "we'd keep X, which was Y's
    company, afloat" supposes the keeping, not whose company X was. Not when it has a
    modal of its own ("X, which would be Y's")."""
    if verb.dep_ != "relcl" or verb.left_edge.lower_ not in ("which", "who"):
        return False
    before = verb.left_edge.i - 1
    if before < 0 or verb.doc[before].text != ",":
        return False
    return not any(c.dep_ == "aux" and c.lower_ in _OWN_MODALS for c in verb.children)


_OWN_MODALS = frozenset({"would", "could", "might", "may", "should", "'d", "must", "will"})


def tense_of(verb) -> str | None:
    """ "past" or "present" from the verb and its auxiliaries, None when unsure."""
    if verb is None:
        return None
    words = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "advmod")]
    if any(w in ("still", "now", "currently", "today") for w in words):
        return "present"
    if any(w in PAST_MARKS for w in words):  # "formerly of X", "who previously ran X"
        return "past"
    if any(w in ("was", "were", "had", "did") for w in words) or verb.tag_ in ("VBD",):
        return "past"
    if verb.tag_ == "VBN" and any(w in ("has", "have", "'ve") for w in words):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(w in ("is", "are", "am", "'m", "'s") for w in words):
        return "present"
    return None


def time_of(verb) -> str | None:
    """A year or duration said in the clause ("in 2019", "for six years", "two years")."""
    if verb is None:
        return None
    heads = [verb, *[c for c in verb.children if c.dep_ in ("dobj", "attr")]]
    for c in (c for h in heads for c in h.children):
        for t in [c, *[g for g in c.children if g.dep_ == "pobj"]]:
            if t.ent_type_ == "DATE":
                ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
                if ent is not None:
                    return ent.text
    return None


def clause_facts(doc, spans: list[SpanMention], org_at=None) -> list[ClauseFact]:
    """The typed relations the clauses of one parsed unit state between ``spans``.
    ``org_at(token)``: the organisation "there" (or a role said without one) stands
    for, as a mention at that token, or None."""
    at: dict[int, SpanMention] = {}
    for s in spans:
        for k in range(s.token_start, s.token_end):
            at.setdefault(k, s)
    reader = _Reader(doc, at, org_at)
    out: list[ClauseFact] = []
    for token in tokens(doc):
        if token.pos_ in ("VERB", "AUX") or token.lower_ in _MISREAD_VERBS:
            out += reader.verb(token)
        if token.dep_ == "appos" or (token.dep_ == "acl" and token.lower_ in ("called", "named")):
            out += reader.apposition(token)
        if token.dep_ == "acl" and token.lower_ in _NAMING_PARTICIPLES:
            out += reader.named_work_by(token)
        if token.dep_ == "poss" and token.lower_ in ("their", "its"):
            out += reader.possessed(token)
        elif token.dep_ == "poss":
            out += owned_company(reader, token)
            out += personal_tie(reader, token)
            out += role_there_contracted(reader, token)
        if token.dep_ in ("attr", "appos") and token.pos_ == "NOUN":
            out += derived(reader, token)
            out += described_as_based(reader, token)
            out += joint_owners(reader, token)
        if token.dep_ == "dobj" and token.lemma_.lower() in EMPLOYER_NOUNS:
            out += had_employer(reader, token)
        if token.dep_ == "prep" and token.lower_ == "as":
            out += as_investor(reader, token)
        elif token.dep_ == "prep":
            out += person_at(reader, token)
            out += person_from(reader, token)
        if token.lower_ == "there":
            out += person_there(reader, token)
    out += reader.located()
    out += place_frames(reader)
    for s in spans:
        if s.mention.type in _ARTIFACT:
            out += reader.own_work(s)
    # an organisation said with a place right after it: "Corvina Research in Toronto"
    for s in spans:
        if s.mention.type != _ORG:
            continue
        root = doc[s.token_start : s.token_end].root
        for p in root.children:
            if p.dep_ == "prep" and p.lower_ in ("in", "out"):
                for o in reader.pobjs(p):
                    if o.mention.type == _PLACE:
                        out.append(ClauseFact(s, "locatedIn", o, "parse:locatedIn:in", 0.6))
    return in_order(doc, out)


class _Reader:
    def __init__(self, doc, at: dict[int, SpanMention], org_at=None):
        self.doc, self.at = doc, at
        self.org_at = org_at or (lambda token, pointed=False: None)

    # -- mentions a token stands for ------------------------------------------------
    def named(self, token) -> bool:
        """The token is part of a name (not of a concept's words)."""
        s = self.at.get(token.i)
        return s is not None and s.mention.type != "Concept"

    def spans(self, token) -> list[SpanMention]:
        """The mentions a noun token stands for: its own, the one it names ("a model
        called Z", "a firm, XLKKR", "the X Foundation, otherwise known as Y") and those
        listed with it ("X and Y")."""
        first = self.at.get(token.i)
        if first is None:
            for c in token.children:
                if c.dep_ == "appos" or (c.dep_ == "acl" and c.lower_ in ("called", "named")):
                    named = c if c.dep_ == "appos" else self._named(c)
                elif c.dep_ == "acl" and c.lemma_.lower() == "know":
                    named = next(
                        (o for p in c.children if p.lower_ == "as" for o in p.children), None
                    )
                else:
                    continue
                if named is not None and named.i in self.at:
                    first = self.at[named.i]
                    token = named
                    break
        if first is None:
            return []
        out = [first]
        for c in token.conjuncts:
            s = self.at.get(c.i)
            if s is None or s.mention.type != first.mention.type or s in out:
                continue
            if c.i > token.i and singular_verb_after(self.doc, s):
                continue  # "the CEO of A and B is part of C": B opens its own clause
            out.append(s)
        return out

    def _named(self, acl):
        for c in acl.children:
            if c.dep_ in ("oprd", "dobj", "attr", "npadvmod", "xcomp", "appos"):
                return c
        return None

    def pobjs(self, prep) -> list[SpanMention]:
        out = []
        for c in prep.children:
            if c.dep_ == "pobj":
                out += self.spans(c)
            elif c.dep_ == "prep":  # "on top of", "over at"
                out += self.pobjs(c)
        return out

    def subjects(self, verb) -> tuple[list[SpanMention], bool]:
        """The verb's subject mentions and whether the clause is passive. A stretch of
        someone's time is theirs: "my last year was spent at X" has "my" as subject. Of
        two subjects the parse gives one verb, the nearer is the clause's own: speech
        puts a topic first ("people like X, who ..., I sat on that board")."""
        found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        for c in found[-1:]:
            passive = c.dep_ == "nsubjpass"
            if c.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return self._antecedents(verb), passive
            if c.i not in self.at and c.lemma_.lower() in TIME_NOUNS:
                owners = [self.at[p.i] for p in c.children if p.dep_ == "poss" and p.i in self.at]
                return owners, passive
            return self._nearest_list(self.spans(c)), passive
        if verb.dep_ == "relcl":
            return self._antecedents(verb), False
        if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
            shared, passive = self.subjects(verb.head)
            # "was born and raised in", "was founded and run by": one passive, two verbs
            return shared, passive and verb.dep_ == "conj" and verb.tag_ == "VBN"
        if _purpose_of_going(verb):  # "I went to work for X": the goer works there
            return self.subjects(verb.head)[0], False
        return [], False

    def _antecedents(self, relative) -> list[SpanMention]:
        """What a relative clause is said of: the noun it hangs on, with the nouns listed
        with it ("Dario and Daniela Amodei, who founded X"), but not when those have a
        relative clause of their own: in "A, who is the founder of X, and B, who is the
        CEO of Y" each clause is its own person's, never paired crosswise."""
        found = self.spans(relative.head)
        own = [c for c in relative.head.conjuncts if any(r.dep_ == "relcl" for r in c.children)]
        if not own:
            return found
        at = self.at.get(relative.head.i)
        return [at] if at is not None else found[:1]

    def _nearest_list(self, found: list[SpanMention]) -> list[SpanMention]:
        """Subjects the parse lists with a verb between them are two clauses read as one
        ("A invested in B, and C backed D" parsed with A and C as the subjects of
        "backed"): only the ones after the last verb are this verb's subjects."""
        ordered = sorted(found, key=lambda s: s.token_start)
        for k in range(len(ordered) - 1, 0, -1):
            between = self.doc[ordered[k - 1].token_end : ordered[k].token_start]
            if any(t.pos_ in ("VERB", "AUX") for t in between):
                return ordered[k:]
        return found

    # -- a verb and its clause ---------------------------------------------------------
    def verb(self, verb) -> list[ClauseFact]:
        if any(c.dep_ == "neg" for c in verb.children):
            return []
        subjects, passive = self.subjects(verb)
        made_by_team = False
        if not subjects and not passive:  # "I was on the team that built X"
            subjects = self._team_members(verb)
            made_by_team = bool(subjects)
        if not subjects:
            return []
        lemma = _MISREAD_VERBS.get(verb.lower_, verb.lemma_.lower())
        particle = " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")
        objects: list[tuple[SpanMention, str | None, str | None]] = []  # (mention, prep, noun)
        for c in verb.children:
            if c.dep_ in ("dobj", "attr", "oprd", "acomp") or _repaired(c):
                found = self.spans(c)
                if c.dep_ == "dobj" and (not found or found[0].mention.type == "Concept"):
                    found = self._product_named(c) or found  # "the Lumen browser": Lumen
                objects += [(o, None, None) for o in found]
                if not found or found[0].mention.type == "Concept":  # "the vision team at"
                    noun = _one_of(c).lemma_.lower()
                    objects += [(o, prep, noun) for prep, o in self._noun_objects(c)]
                    for p in c.children:
                        if p.dep_ == "acl" and p.lower_ in _NAMING_PARTICIPLES:
                            n = self._named(p)
                            if n is not None:
                                objects += [(o, "called", noun) for o in self.spans(n)]
                    for a in c.children:  # "a software, a small software company in Y"
                        if a.dep_ == "appos" and a.pos_ == "NOUN" and not self.named(a):
                            again = a.lemma_.lower()
                            objects += [(o, prep, again) for prep, o in self._noun_objects(a)]
            elif c.dep_ in ("prep", "agent", "dative"):
                objects += [(o, c.lower_, None) for o in self.pobjs(c)]
                if c.lower_ == "as":  # "worked as an engineer at X", "as a researcher in Y"
                    objects += [(o, prep, None) for prep, o in self._as_role(c)]
            elif c.dep_ == "advmod" and c.lower_ == "back":  # "was back in India"
                for p in (p for p in c.children if p.dep_ == "prep"):
                    objects += [(o, p.lower_, None) for o in self.pobjs(p)]
        # "was on the board of Y", "a mentor for me on the board at Y"
        for head in [verb, *(c for c in verb.children if c.dep_ in ("attr", "dobj"))]:
            objects += [(o, "on", "board") for o in self._boards(head)]
        objects += self._stranded(verb, objects)
        objects += self._shared_object(verb)
        objects += self._context_org(verb, lemma)
        objects += self._gap(verb)
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
            # "IIT Madras, where I went to school": the place the clause hangs on
            objects += [(o, "at", None) for o in self.spans(verb.head)]
        out: list[ClauseFact] = []
        nouns = {c.lemma_.lower(): c for c in verb.children if c.dep_ in ("dobj", "attr")}
        for subj in subjects:
            for obj, prep, noun in objects:
                if obj is subj:
                    continue
                fact = self._rule(verb, lemma, particle, passive, subj, obj, prep, noun, nouns)
                if fact is not None:
                    out.append(fact)
        if made_by_team:  # a member made what the team made; the team's other ties
            # (where it worked, whom it hired) are not said of the member
            out = [f for f in out if f.predicate == "created"]
        # "I co-founded B with C": C founded B too
        founded = [f for f in out if f.predicate == "founded" and not passive]
        for f in founded:
            for obj, prep, _ in objects:
                if prep == "with" and obj.mention.type == _PERSON and obj is not f.subject:
                    out.append(
                        ClauseFact(obj, "founded", f.object, "parse:founded:with", 0.75, None, verb)
                    )
        # "founded B in Lagos": B is where it was founded (one organisation, one place)
        places = [o for o, prep, _ in objects if prep == "in" and o.mention.type == _PLACE]
        orgs = {id(f.object): f.object for f in founded}
        if len(places) == 1 and len(orgs) == 1:
            org = next(iter(orgs.values()))
            out.append(ClauseFact(org, "locatedIn", places[0], "parse:locatedIn:founded-in", 0.7))
        return out

    def _shared_object(self, verb) -> list[tuple[SpanMention, str | None, str | None]]:
        """ "I wrote and signed the Clean Air Act": a verb with no object of its own,
        joined by "and" to the next verb, shares that verb's object (said once, after
        both). Only the verb right before "and": "I wrote, and then she signed X" has
        a subject of its own in the second clause."""
        if any(c.dep_ in ("dobj", "attr", "prep", "ccomp", "xcomp") for c in verb.children):
            return []
        if not any(c.dep_ == "cc" and c.i == verb.i + 1 for c in verb.children):
            return []
        out = []
        for nxt in verb.children:
            if nxt.dep_ != "conj" or nxt.pos_ != "VERB" or nxt.i != verb.i + 2:
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in nxt.children):
                continue
            for c in nxt.children:
                if c.dep_ == "dobj":
                    out += [(o, None, None) for o in self.spans(c)]
        return out

    def _team_members(self, verb) -> list[SpanMention]:
        """ "I was on the team that built X", "I led the group that trained X": the
        people a relative clause's team noun is said of (on it, leading it, in it)."""
        team = verb.head
        if verb.dep_ != "relcl" or team.lemma_.lower() not in TEAM_NOUNS:
            return []
        if not any(
            c.dep_ == "nsubj" and c.lower_ in ("that", "which", "who") for c in verb.children
        ):
            return []
        if team.dep_ == "dobj" and team.head.lemma_.lower() in LEAD_VERBS | {"join"}:
            owner = team.head
        elif team.dep_ == "pobj" and team.head.lower_ in ("on", "in", "of"):
            owner = team.head.head
            if owner.lemma_.lower() not in ("be", "work", "serve", "sit"):
                return []
        else:
            return []
        if any(c.dep_ == "neg" for c in owner.children):
            return []
        return [s for s in self.subjects(owner)[0] if s.mention.type == _PERSON]

    def _product_named(self, noun) -> list[SpanMention]:
        """The one product or work a product noun's own modifiers name: "introduced the
        Lumen browser", "shipped the Quill app" (the name a compound of the noun, the
        noun itself no name, at most a concept of its own)."""
        if noun.lemma_.lower() not in PRODUCT_NOUNS or self.named(noun):
            return []
        found = []
        for k in range(noun.left_edge.i, noun.i):
            s = self.at.get(k)
            if s is not None and s.mention.type in _ARTIFACT and s not in found:
                found.append(s)
        return found if len(found) == 1 else []

    def _as_role(self, prep) -> list[tuple[str, SpanMention]]:
        """What hangs on the role a verb's "as" names: "worked as an engineer *at X*"
        is working at X (a role noun only: "as a favour to X" says nothing)."""
        out = []
        roles = ROLE_NOUNS | STUDENT_NOUNS
        for r in prep.children:
            if r.dep_ == "pobj" and not self.named(r) and r.lemma_.lower() in roles:
                out += self._noun_objects(r)
        return out

    def _gap(self, verb) -> list[tuple[SpanMention, str | None, str | None]]:
        """The noun a relative clause with its own subject hangs on fills the clause's
        empty object: "a paper I wrote called X" (X was written), "the lab she worked
        at" (a stranded preposition: at the lab). A clause whose subject is the relative
        pronoun ("X, who founded Y") has its subject there instead (``subjects``)."""
        if verb.dep_ != "relcl":
            return []
        own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not own or own[-1].lower_ in ("who", "that", "which", "whom"):
            return []
        if own[-1].dep_ == "nsubjpass":
            return []
        stranded = [
            p
            for p in verb.children
            if p.dep_ == "prep" and not any(c.dep_ in ("pobj", "pcomp") for c in p.children)
        ]
        head = verb.head
        if not self.spans(head) and head.dep_ == "appos":  # "X, the lab I worked at"
            head = head.head
        if stranded:
            return [(o, stranded[0].lower_, None) for o in self.spans(head)]
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd", "ccomp")]
        if any(c.lower_ not in ("that", "which", "whom") for c in objects):
            return []
        found = self.spans(head)
        if not found and head.pos_ == "NOUN":
            # "a paper I wrote about this called X": the parse hangs "called X" on the
            # pronoun, which no name can name; it names the clause's noun
            for t in verb.subtree:
                if _names(t) and t.head.pos_ == "PRON" and t.head.i > verb.i:
                    named = self._named(t)
                    found = self.spans(named) if named is not None else []
                    break
        return [(o, None, None) for o in found]

    def _context_org(self, verb, lemma) -> list[tuple[SpanMention, str | None, str | None]]:
        """The organisation of the context as an object: "there" after a job ("she was
        a professor there", "I worked there": prep ``"there"``), and a role said without
        its organisation ("she is still the CEO": prep ``"of"``)."""
        out = []
        nouns = [c for c in verb.children if c.dep_ in ("attr", "dobj") and c.i not in self.at]
        for c in [*verb.children, *(c for n in nouns for c in n.children)]:
            if c.dep_ == "advmod" and c.lower_ == "there":
                org = self.org_at(c) or self._there_named(c)
                if org is not None:
                    out.append((org, "there", None))
                    out += [(org, "there", n.lemma_.lower()) for n in nouns]
        if lemma in ("be", "become", "remain") and not out:
            for n in nouns:
                bare = n.lemma_.lower() in ROLE_NOUNS and not self._noun_objects(n)
                definite = any(d.dep_ == "det" and d.lower_ == "the" for d in n.children)
                if bare and definite and not any(p.dep_ == "prep" for p in n.children):
                    org = self.org_at(n)
                    if org is not None:
                        out.append((org, "of", n.lemma_.lower()))
        return out

    def _there_named(self, there) -> SpanMention | None:
        """What "there" points back to when the unit names more than one organisation
        ("the stairwell at X ... you followed Y, but Z was working there"): a place-word
        points to a place said as one, so the one organisation named before it after
        "at"/"in" (where one can be); none when that is two."""
        found: dict[str, SpanMention] = {}
        for s in sorted(set(self.at.values()), key=lambda s: s.token_start):
            if s.token_end > there.i or s.mention.type != _ORG:
                continue
            if _located(self.doc, s):
                found.setdefault(s.mention.surface.lower(), s)
        return next(iter(found.values())) if len(found) == 1 else None

    def _boards(self, head) -> list[SpanMention]:
        """The organisations whose board ``head`` is on: "on the board of/at Y"; "on
        that board" after naming one organisation ("X, the founder of Y, I sat on that
        board": ``org_at``)."""
        out = []
        for p in head.children:
            if p.dep_ != "prep" or p.lower_ != "on":
                continue
            for board in p.children:
                if board.dep_ != "pobj" or board.lemma_.lower() != "board":
                    continue
                named = [o for _, o in self._noun_objects(board)]
                pointed = any(d.lower_ in ("that", "this", "its", "their") for d in board.children)
                if not named and pointed:
                    org = self.org_at(board, True)
                    named = [org] if org is not None else []
                out += named
        return out

    def _stranded(self, verb, objects) -> list[tuple[SpanMention, str | None, None]]:
        """The verb's prepositional phrases the parse hung on one of its named objects:
        a name takes no modifier of its own, so in "did my PhD at Uppsala University
        with Ingrid Solberg" or "co-founded Baobab AI with Chidi Nwosu", "with ..."
        belongs to the verb. A "called"/"of" phrase stays the name's (it names or
        qualifies it)."""
        out = []
        for o, _, noun in objects:
            if noun is not None or o.mention.type not in (_PERSON, _ORG):
                continue
            root = self.doc[o.token_start : o.token_end].root
            if root.head.i != verb.i and root.head.head.i != verb.i:
                continue  # deeper in the clause: not one of the verb's own objects
            for p in root.children:
                if p.dep_ == "prep" and p.lower_ in ("with", "under", "at", "in", "from"):
                    out += [(q, p.lower_, None) for q in self.pobjs(p) if q is not o]
        return out

    def _rule(self, verb, lemma, particle, passive, subj, obj, prep, noun, nouns):
        s, o = subj.mention, obj.mention
        st, ot = s.type, o.type

        def fact(predicate, a, b, name, confidence=0.8, role=None) -> ClauseFact:
            return ClauseFact(a, predicate, b, f"parse:{predicate}:{name}", confidence, role, verb)

        job = job_at(o)
        person_org, person_person = st == _PERSON and ot == _ORG, st == ot == _PERSON
        agent_org = st in (_PERSON, _ORG) and ot == _ORG
        study = noun in STUDY_NOUNS or any(n in STUDY_NOUNS for n in nouns)
        if passive:  # "was founded by X", "was acquired by Y", "is based on W"
            by = prep == "by"
            if by and lemma in FOUND_VERBS and ot == _PERSON and st == _ORG:
                return fact("founded", obj, subj, "by")
            if by and lemma in ACQUIRE_VERBS and st == ot == _ORG:
                return fact("partOf", subj, obj, "by")
            if lemma in ("merge", "fold") and prep == "into" and st == ot == _ORG:
                return fact("partOf", subj, obj, "merge-into", 0.75)  # "was folded into Y"
            if by and lemma in CREATE_VERBS and ot in (_PERSON, _ORG) and st in _ARTIFACT:
                return fact("created", obj, subj, "by")
            if by and lemma in CREATE_VERBS and ot == _PERSON and st == _ORG:
                return fact("founded", obj, subj, "created-by", 0.75)  # "X was created by Y"
            if lemma in ORIGIN_VERBS and prep == "in" and st == _PERSON and ot == _PLACE:
                return fact("locatedIn", subj, obj, "born-in", 0.75)  # "born and raised in"
            if lemma in ("base", "build", "fine-tune", "derive") and prep in ("on", "from"):
                return fact("basedOn", subj, obj, "on", 0.85) if st == ot == "Product" else None
            # "I've been involved in X (for years)": taking part in an organisation's
            # work; "involved in X as an investor" names another tie than a job
            as_what = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
            if lemma == "involve" and prep in ("in", "with") and person_org and not as_what:
                return fact(job, subj, obj, "involved", 0.65)
            if lemma in HIRE_VERBS and prep == "by" and st == _PERSON and ot == _ORG:
                return fact(job_at(o), subj, obj, "hired-by", 0.75)  # "I was hired by X"
            if lemma == "spend" and prep in ("at", "in") and st == _PERSON and ot == _ORG:
                return fact(job_at(o), subj, obj, "spent", 0.75)  # "my year was spent at"
            if lemma in ("base", "headquarter", "locate") and prep in ("in", "out"):
                located = st == _ORG and ot == _PLACE
                return fact("locatedIn", subj, obj, "in", 0.85) if located else None
            return None
        if lemma == "base" and prep == "on" and st == ot == "Product":
            return fact("basedOn", subj, obj, "on", 0.85)
        if person_org and lemma in FOUND_VERBS and prep is None and noun is None:
            # "started a project called X" made a thing, founded no organisation: the
            # object said through a common noun must be an organisation's noun
            if all(self.named(n) or k in FOUNDED_NOUNS for k, n in nouns.items()):
                return fact("founded", subj, obj, lemma)
            return None
        if person_org and lemma in LEAD_VERBS and (prep is None or noun in UNIT_NOUNS):
            return fact(job, subj, obj, lemma, 0.75)
        unit = any(n in UNIT_NOUNS for n in nouns)
        if person_org and lemma in LEAD_VERBS and prep in ("at", "for", "of", "in") and unit:
            return fact(job, subj, obj, lemma, 0.75)
        # "I was leading AI ethics for Lockheed Martin": what one leads for an
        # organisation, one leads as its own
        if person_org and lemma in LEAD_VERBS and prep == "for" and noun is not None:
            return fact(job, subj, obj, f"{lemma}-for", 0.65)
        # "I started many years ago at SAS Institute": where one's working life began
        if person_org and lemma == "start" and prep == "at" and noun is None and not nouns:
            return fact(job, subj, obj, "started-at", 0.65)
        if person_org and lemma == "join" and prep is None:
            return fact(job, subj, obj, "join")
        if person_org and lemma == "join" and "board" in nouns:
            return fact("affiliatedWith", subj, obj, "board", 0.8, "board member")
        if (
            person_org
            and lemma in ("work", "spend", "intern")
            and prep in ("at", "for", "in", "there")
        ):
            return fact(job, subj, obj, lemma, 0.75)
        if person_org and lemma == "end" and particle == "up" and prep == "at":
            return fact(job, subj, obj, "end-up", 0.7)
        if person_org and lemma == "go" and particle == "over" and prep == "to":
            return fact(job, subj, obj, "go-over", 0.6)
        # career moves said of an organisation: "I left X", "then I moved to X" (said
        # by the one who made them: "she left X for Y" may be a customer's switch),
        # "I had hired a team at X" (one who hires at X works there)
        me = self.doc[subj.token_start].lower_ == "i"
        if person_org and me and lemma == "leave" and prep is None and noun is None:
            return fact(job, subj, obj, "left", 0.7)
        if person_org and me and lemma in MOVE_VERBS and prep == "to" and noun is None:
            return fact(job, subj, obj, "moved-to", 0.65)
        if person_org and lemma in HIRE_VERBS and prep == "at":
            return fact(job, subj, obj, "hired-at", 0.65)
        # "X hired me": the one hired works for the organisation that hired
        if st == _ORG and ot == _PERSON and lemma in HIRE_VERBS and prep is None and not noun:
            return fact(job_at(s), obj, subj, "hired", 0.75)
        # "I was with X for a decade" (not "with X yesterday for a talk")
        if person_org and lemma == "be" and prep == "with" and not nouns and not _a_visit(verb):
            return fact(job, subj, obj, "be-with", 0.6)
        # "X mentored me", "X supervised me": the one mentored studied under X
        if person_person and lemma in MENTOR_VERBS and prep is None and noun is None:
            return fact("studiedUnder", obj, subj, lemma, 0.75)
        if person_org and noun == "board" and prep == "on" and lemma in ("be", "sit", "serve"):
            return fact("affiliatedWith", subj, obj, "board", 0.75, "board member")
        if person_org and lemma in ("sit", "serve") and prep in ("on", "of", "at"):
            return fact("affiliatedWith", subj, obj, "board", 0.7, "board member")
        schooled = any(
            p.dep_ == "prep"
            and p.lower_ == "to"
            and any(o.lemma_.lower() in SCHOOL_NOUNS for o in p.children)
            for p in verb.children
        )
        if person_org and lemma == "go" and schooled and prep in ("at", "in"):
            return fact("affiliatedWith", subj, obj, "school", 0.8)  # "went to school at"
        # "I went to Hollis High School": a place of study one went to is one's school
        # (not "went to MIT to give a talk", "went to Yale for a meeting")
        went = lemma == "go" and prep == "to" and not particle and noun is None
        went = went and self.doc[subj.token_start].lower_ not in GENERIC_SUBJECTS
        went = went and not any(c.dep_ in ("xcomp", "advcl") for c in verb.children)
        if person_org and went and is_institution(o) and not _a_visit(verb):
            return fact("affiliatedWith", subj, obj, "went-to", 0.7)
        if person_org and lemma == "attend" and prep is None and noun is None and is_institution(o):
            return fact("affiliatedWith", subj, obj, "attend", 0.8)
        if (
            person_org
            and lemma in ("do", "conduct")
            and "research" in nouns
            and prep in ("at", "in")
        ):
            return fact(job, subj, obj, "research", 0.7)  # "was doing research at X"
        did_stint = lemma in ("do", "have", "get", "take") and noun in STINT_NOUNS
        if person_org and did_stint and prep in ("at", "for", "with"):
            return fact(job, subj, obj, noun, 0.75)  # "did an internship at X"
        stint = lemma == "be" and prep == "at" and noun is None and not nouns
        if person_org and stint and not _a_visit(verb):  # "I was at IIT", not "... for a talk"
            return fact(job, subj, obj, "be-at", 0.65)
        taught = lemma in ("study", "teach", "graduate", "lecture")
        if person_org and taught and prep in ("at", "in", "from", "there"):
            teaches = lemma in ("teach", "lecture")  # teaching is a job
            return fact("worksFor" if teaches else "affiliatedWith", subj, obj, lemma)
        if person_person and lemma == "study" and prep in ("under", "with"):
            return fact("studiedUnder", subj, obj, "study", 0.8)
        if person_person and study and prep in ("with", "under"):
            return fact("studiedUnder", subj, obj, "phd", 0.85)
        if person_org and study and prep in ("at", "in", "from"):
            return fact("affiliatedWith", subj, obj, "phd", 0.8)
        if (
            person_org
            and lemma in ("be", "become", "remain")
            and prep in ("at", "of", "for", "with", "there")
        ):
            if noun in FOUNDER_NOUNS:
                return fact("founded", subj, obj, "founder", 0.85)
            if noun in STUDENT_NOUNS:
                return fact("affiliatedWith", subj, obj, "student", 0.8, noun)
            if noun in ROLE_NOUNS:  # a job, at a university too ("a professor at MIT")
                return fact("worksFor", subj, obj, "role", 0.85, self._role(nouns.get(noun)))
            if noun is not None and prep in ("at", "with") and _staff_noun(noun, prep):
                # a kind of worker (WordNet): "I'm a technical writer with Y"
                return fact(job, subj, obj, "staff", 0.75, self._role(nouns.get(noun)))
        # "Bridget Todd, who is host of Mozilla's IRL Podcast": a show's host makes it
        hosted = lemma in ("be", "become", "remain") and noun in HOST_NOUNS and prep == "of"
        if st == _PERSON and ot == "Work" and hosted:
            return fact("created", subj, obj, "host", 0.7)
        counsel = lemma in ("be", "become", "remain") and noun in COUNSEL_NOUNS
        if person_org and counsel and prep == "to":  # "I'm an advisor to X": a tie, no job
            return fact("affiliatedWith", subj, obj, "advisor", 0.75, noun)
        agent = st in (_PERSON, _ORG)
        # the weaker frames below take a subject said as a name or "I"/"he"/"she", not a
        # generic "you" ("you build a nuclear reactor") or a guessed "we"/"they"
        own = self.doc[subj.token_start].lower_ not in GENERIC_SUBJECTS
        made = agent and ot in _ARTIFACT and lemma in CREATE_VERBS
        if made and prep in (None, "called") and not _one_copy(self.doc, obj):
            return fact("created", subj, obj, lemma)
        # "I started a project called X", "she launched a podcast called X": one starts
        # a made thing by making it (said of a name or "I"/"she", not a guessed "we")
        begun = lemma in FOUND_VERBS and prep in (None, "called") and nouns
        if own and agent and ot in _ARTIFACT and begun and set(nouns) <= PROJECT_NOUNS:
            return fact("created", subj, obj, f"{lemma}-project", 0.7)
        if made and prep == "of" and noun in DRAFT_NOUNS:  # "wrote the first version of X"
            return fact("created", subj, obj, f"{lemma}-{noun}", 0.7)
        # "I called it cold storage": who gives a thing its name made it
        if own and agent and ot in (*_ARTIFACT, "Concept") and _names_it(verb, obj):
            return fact("created", subj, obj, "named-it", 0.65)
        # "I wrote the transform library": a made thing said as a definite described
        # product, its head a product noun, the verb's own object (never "a library")
        described = prep is None and noun is None and _definite_work(verb, obj)
        if own and agent and ot == "Concept" and lemma in CREATE_VERBS and described:
            return fact("created", subj, obj, f"{lemma}-the", 0.7)
        if st == _PERSON and ot == "Concept" and lemma in IDEA_VERBS and prep is None:
            return fact("created", subj, obj, lemma, 0.75)  # "Shannon invented information theory"
        if agent_org and lemma == "invest" and prep in ("in", "into"):
            return fact("investedIn", subj, obj, "invest", 0.85)
        if agent_org and lemma in ("back", "fund", "finance", "bankroll") and prep is None:
            return fact("investedIn", subj, obj, "back", 0.75)
        if agent_org and lemma == "put" and noun in ("money", "capital") and prep in ("in", "into"):
            return fact("investedIn", subj, obj, "put-money", 0.8)
        if st == ot == _ORG and lemma in ACQUIRE_VERBS and prep is None:
            return fact("partOf", obj, subj, lemma, 0.85)
        if st == ot == _ORG and lemma == "sell" and prep in ("to", "into"):
            return fact("partOf", subj, obj, "sell", 0.7)
        if st == ot == _ORG and lemma in ("merge", "fold") and prep == "into":
            return fact("partOf", subj, obj, "merge-into", 0.75)  # "X merged into Y"
        if st == ot == _ORG and lemma == "be" and noun in ("part", "division", "subsidiary", "arm"):
            return fact("partOf", subj, obj, "part", 0.85)
        if st == _ORG and ot == _PLACE and lemma == "be" and prep == "in":
            if noun is None:
                return fact("locatedIn", subj, obj, "be-in", 0.8)
            if noun in ORG_NOUNS:
                return fact("locatedIn", subj, obj, "noun-in", 0.8)
        if st == ot == "Concept" and lemma == "be" and noun in KIND_NOUNS and prep == "of":
            # its own subject: a "be" the parse joins to an earlier verb of a long
            # unpunctuated unit does not share that verb's subject
            own = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            return fact("broader", subj, obj, "kind-of", 0.85) if own else None
        copula = st == ot == "Concept" and lemma == "be" and prep is None and noun is None
        if copula and _defines(self.doc, verb, obj):  # "an AGI is a computer system ..."
            return fact("broader", subj, obj, "is-a", 0.75)
        if st == _PERSON and ot == _PLACE and _dwells(verb, lemma, prep, noun):
            return fact("locatedIn", subj, obj, lemma, 0.75)
        return None

    def _role(self, noun_token) -> str | None:
        if noun_token is None:
            return None
        words = [
            t.lower_ for t in noun_token.lefts if t.dep_ in ("amod", "compound") and t.is_alpha
        ]
        return " ".join([*words, noun_token.lower_])

    # -- an organisation's own products -------------------------------------------------
    def possessed(self, owner) -> list[ClauseFact]:
        """ "Amazon had built ... their Alexa voice assistant": a product named inside a
        phrase that "their"/"its" owns, headed by a product noun, is the organisation's
        (the unit's one organisation, ``org_at``)."""
        head = owner.head
        if head.lemma_.lower() in TITLE_NOUNS:
            return self._possessed_role(owner, head)
        if head.lemma_.lower() not in PRODUCT_NOUNS or self.named(head):
            return []
        names = []
        for k in range(owner.i + 1, head.i):
            s = self.at.get(k)
            if s is not None and s.mention.type in _ARTIFACT and s not in names:
                names.append(s)
        if len(names) != 1:
            return []
        org = self.org_at(owner)
        if org is None:
            return []
        return [ClauseFact(org, "created", names[0], "parse:created:their", 0.7)]

    def _possessed_role(self, owner, role) -> list[ClauseFact]:
        """ "the Manhattan Institute and its chairman Paul Singer", "their CEO, Ada
        Lind": a person named right after a role that "its"/"their" owns holds it at
        the organisation named before (``org_at``, pointing back; never one of two): a
        job or an office there, as when the role is set beside the name."""
        k = role.i + 1
        if k < len(self.doc) and self.doc[k].text == ",":
            k += 1
        person = self.at.get(k)
        if person is None or person.mention.type != _PERSON or person.token_start != k:
            return []
        org = self.org_at(owner, True)
        if org is None or org.mention.type != _ORG:
            return []
        return [
            ClauseFact(person, "worksFor", org, "parse:worksFor:its-role", 0.7, self._role(role))
        ]

    # -- "my thesis was Y" ---------------------------------------------------------------
    def named_work_by(self, acl) -> list[ClauseFact]:
        """ "a paper from AlgorithmWatch called Paper Tigers", "a new book by Nora Lind
        called Deep Habits": a work's noun with its maker after "from" or "by" and its
        name after "called" (or "named", "titled"): the maker created the named work."""
        noun = acl.head
        if noun.lemma_.lower() not in OWN_WORK_NOUNS:
            return []
        named = self._named(acl)
        works = [
            w
            for w in (self.spans(named) if named is not None else [])
            if w.mention.type in _ARTIFACT
        ]
        makers = [
            m
            for p in noun.children
            if p.dep_ == "prep" and p.lower_ in ("from", "by")
            for m in self.pobjs(p)
            if m.mention.type in (_PERSON, _ORG)
        ]
        return [
            ClauseFact(m, "created", w, "parse:created:work-by-called", 0.75)
            for m in makers
            for w in works
        ]

    def own_work(self, work: SpanMention) -> list[ClauseFact]:
        """ "My thesis (title) is Y", "his first book was called Y": the work a person's
        own thesis, book or paper is named as is theirs (created). The noun is the
        clause's subject; a unit whose copula the parse left without one ("my thesis
        title, if I recall it right, is Y") takes the noun said before the copula in its
        clause. Not "my favorite book is Y"."""
        root = self.doc[work.token_start : work.token_end].root
        if root.dep_ in ("attr", "oprd") and root.head.pos_ in ("VERB", "AUX"):
            verb = root.head
        elif any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
            verb = root  # the parse made the name the clause's head
        else:
            return []
        if verb.lemma_.lower() not in ("be", "call", "title", "name") and verb is not root:
            return []
        if any(c.dep_ == "neg" for c in verb.children):
            return []
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            before = [t for t in verb.subtree if t.i < verb.i and t.pos_ == "NOUN"]
            subjects = [t for t in before if t.dep_ in ("npadvmod", "dep", "nsubj")][:1]
        out = []
        for noun in subjects:
            kinds = {noun.lemma_.lower()}
            if noun.lemma_.lower() in ("title", "name"):
                kinds = {c.lemma_.lower() for c in noun.children if c.dep_ == "compound"}
            if not kinds & OWN_WORK_NOUNS:
                continue
            if any(c.lower_ in LIKING_WORDS for c in noun.subtree):
                continue
            for c in noun.subtree:
                owner = self.at.get(c.i) if c.dep_ == "poss" else None
                if owner is not None and owner.mention.type == _PERSON:
                    out.append(ClauseFact(owner, "created", work, "parse:created:own-work", 0.75))
        return out

    # -- an organisation and its place in one phrase -------------------------------------
    def located(self) -> list[ClauseFact]:
        """An organisation and a place that hang on the same word: "an engineer at
        DeepMind in London", "founded a firm in San Francisco called Azure Capital". One
        of each, or nothing (two organisations or two places: which is where is unsaid)."""
        out = []
        for head in tokens(self.doc):
            if self.named(head) or _told_at(head):
                continue
            orgs, places = [], []
            if head.lemma_.lower() in ORG_NOUNS:  # "a firm in Boston called Y"
                orgs += self._called(head, head.children)
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "at":
                    orgs += [o for o in self.pobjs(c) if o.mention.type == _ORG]
                elif c.dep_ == "prep" and c.lower_ == "in":
                    places += [o for o in self.pobjs(c) if o.mention.type == _PLACE]
                elif c.dep_ == "dobj" and not self.named(c) and c.lemma_.lower() in ORG_NOUNS:
                    # "founded a firm up in San Francisco called Y"
                    orgs += self._called(c, [*c.children, *head.children])
            if len(orgs) == 1 and len(places) == 1:
                out.append(
                    ClauseFact(orgs[0], "locatedIn", places[0], "parse:locatedIn:at-in", 0.6)
                )
        return out

    def _called(self, noun, tokens) -> list[SpanMention]:
        """The organisations that ``tokens`` name as ``noun`` ("a firm called Y")."""
        out = []
        for p in tokens:
            n = self._named(p) if _names(p) else None
            if n is not None:
                out += [o for o in self.spans(n) if o.mention.type == _ORG]
        return out

    # -- appositions --------------------------------------------------------------------
    def apposition(self, token) -> list[ClauseFact]:
        """ "X, a professor of computer science at Y"; "Y, a lab in Montreal"; "a firm
        in San Francisco called Y"; "the chief scientist at Y, X"; "my advisor, X"."""
        if token.dep_ == "acl":  # "a firm ... called Y": Y is the named thing
            named = self._named(token)
            noun = token.head
            if named is None:
                return []
            names = self.spans(named)
        elif token.head.i in self.at:  # "X, a professor at Y"
            noun, names = token, self.spans(token.head)
            if token.tag_ not in ("NNS", "NNPS"):
                # one role is one person's: "A, CEO of X and Y, and also B, CEO of Z"
                # (the parse lists A and B; a plural role, "A and B, the chief
                # executives of C and D", is theirs in turn)
                names = names[:1]
        else:  # "the chief scientist at Y, X", "my advisor, X": the name is the apposition
            noun, names = token.head, self.spans(token)
        out: list[ClauseFact] = self._kind_apposition(token)
        if not names or noun.i in self.at:
            return out
        lemma = noun.lemma_.lower()
        for n, prep, o in _in_order(names, self._noun_objects(noun)):
            f = self._noun_rule(noun, lemma, prep, n, o)
            if f is not None:
                out.append(f)
        if academic_advisor(noun):  # "my advisor, Lang Tong"
            for c in noun.children:
                if c.dep_ == "poss" and c.i in self.at:
                    for n in names:
                        if n.mention.type == _PERSON and self.at[c.i].mention.type == _PERSON:
                            out.append(
                                ClauseFact(self.at[c.i], "studiedUnder", n, "parse:advisor", 0.8)
                            )
        return out

    def _kind_apposition(self, token) -> list[ClauseFact]:
        """ "an LSTM, a recurrent neural network, ...": a concept set beside an
        indefinite one is a kind of it (a restatement with "the" or none is not)."""
        narrow, wide = self.at.get(token.head.i), self.at.get(token.i)
        if token.dep_ != "appos" or narrow is None or wide is None or narrow is wide:
            return []
        if narrow.mention.type != "Concept" or wide.mention.type != "Concept":
            return []
        first = self.doc[wide.token_start]
        before = self.doc[wide.token_start - 1] if wide.token_start else None
        article = first if first.lower_ in ("a", "an") else before
        if article is None or article.lower_ not in ("a", "an"):
            return []
        if article.i > 0 and self.doc[article.i - 1].text == "(":
            return []  # "his coat of arms (a caged bird on one side)": what it shows
        if listed_apposition(token.head, token, wide.token_end):
            return []
        return [ClauseFact(narrow, "broader", wide, "parse:broader:appos", 0.7)]

    def _project_of(self, prep) -> list[SpanMention]:
        """ "the founder of the Zentor project": the one organisation or product a
        "project" noun after "of" is named by (its name set right before it). Only a
        founder's: "a member of the X project" is no job at X."""
        out = []
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.lemma_.lower() != "project" or self.named(pobj):
                continue
            names = {id(s): s for c in pobj.children if (s := self.at.get(c.i)) is not None}
            named = [s for s in names.values() if s.mention.type in (_ORG, "Product")]
            if len(named) == 1 and named[0].token_end == pobj.i:
                out += named
        return out

    def _noun_objects(self, noun) -> list[tuple[str, SpanMention]]:
        """Mentions hanging on a noun through a preposition, one noun deep: "professor
        of computer science at Y" gives ("at", Y)."""
        out = []
        for p in noun.children:
            if p.dep_ != "prep":
                continue
            found = self.pobjs(p)
            if not found and p.lower_ == "of" and noun.lemma_.lower() in FOUNDER_NOUNS:
                found = self._project_of(p)  # "the founder of the Zentor project"
            out += [(p.lower_, o) for o in found]
            if not found:
                for pobj in (c for c in p.children if c.dep_ == "pobj"):
                    for q in pobj.children:
                        if q.dep_ == "prep":
                            out += [(q.lower_, o) for o in self.pobjs(q)]
        # "the founder of A, as well as B": the parse may hang B on the noun, not on A;
        # a name of A's type listed there takes A's preposition too
        if out:
            prep, first = out[0]
            for c in noun.children:
                if c.dep_ == "conj" and c.i in self.at and c.i > first.token_start:
                    out += [
                        (prep, o) for o in self.spans(c) if o.mention.type == first.mention.type
                    ]
        return out

    def _noun_rule(self, noun, lemma, prep, name: SpanMention, obj: SpanMention):
        nt, ot = name.mention.type, obj.mention.type

        def fact(predicate, a, b, tag, confidence=0.8, role=None):
            return ClauseFact(a, predicate, b, f"parse:{predicate}:{tag}", confidence, role, None)

        person_org = nt == _PERSON and ot == _ORG and prep in ("at", "of", "for", "with")
        if person_org and lemma in FOUNDER_NOUNS:
            return fact("founded", name, obj, "appos", 0.8)
        if person_org and lemma in STUDENT_NOUNS:
            return fact("affiliatedWith", name, obj, "appos-student", 0.75, lemma)
        if person_org and lemma in TITLE_NOUNS:  # a job, an office
            return fact("worksFor", name, obj, "appos", 0.8, self._role(noun))
        if person_org and prep in ("at", "with") and _staff_noun(lemma, prep):
            # "X, a pediatrician at Y", "my colleague at Y, X": one of Y's people
            return fact(job_at(obj.mention), name, obj, "appos-at", 0.75, self._role(noun))
        if nt == _PERSON and ot == _ORG and prep == "to" and lemma in COUNSEL_NOUNS:
            return fact("affiliatedWith", name, obj, "appos-advisor", 0.75, self._role(noun))
        if nt == _ORG and ot == _PLACE and prep == "in" and lemma in ORG_NOUNS:
            return fact("locatedIn", name, obj, "appos", 0.75)
        return None


def _in_order(names: list[SpanMention], objects: list[tuple[str, SpanMention]]):
    """(name, preposition, object) of an apposition: each name with each object, but two
    lists as long as each other pair in order ("A and B, the heads of C and D": A with
    C, B with D) and lists of unequal length not at all (never crosswise)."""
    if len(names) < 2 or len(objects) < 2:
        return [(n, p, o) for p, o in objects for n in names]
    if len(names) != len(objects):
        return []
    by_place = sorted(names, key=lambda s: s.token_start)
    objects = sorted(objects, key=lambda po: po[1].token_start)
    return [(n, p, o) for n, (p, o) in zip(by_place, objects, strict=True)]


#: person nouns that say someone is *at* an organisation without being one of its people
_VISITOR_NOUNS = frozenset(
    {"guest", "visitor", "customer", "client", "patient", "user", "fan", "speaker"}
    | {"attendee", "participant", "passenger", "tourist", "audience", "host"}
)


#: person nouns of a tie between people: "friends with Y" is no job at Y
_TIE_NOUNS = frozenset({"friend", "buddy", "pal", "neighbor", "neighbour", "rival", "enemy"})


def _staff_noun(lemma: str, prep: str = "at") -> bool:
    """A noun for a person (WordNet's commonest sense) that, said "at" (or "with") an
    organisation, makes them one of its people: "a pediatrician at", "a colleague at",
    "a technical writer with" (not "a guest at", "a customer at", "friends with")."""
    if lemma in _VISITOR_NOUNS or (prep == "with" and lemma in _TIE_NOUNS):
        return False
    return wordnet.first_lexname(lemma) == "noun.person"


def _one_of(noun):
    """The noun "one of the first engineers" counts as: "engineer" (one of a group is
    what the group is); any other noun as itself."""
    if noun.lower_ != "one":
        return noun
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            for o in p.children:
                if o.dep_ == "pobj" and o.pos_ == "NOUN":
                    return o
    return noun


def _definite_work(verb, obj: SpanMention) -> bool:
    """The verb's own object (not a noun it names or lists) is a concept of two or more
    words headed by a product noun and pointed at with "the", "this", "that" or a
    possessive: one particular made thing ("wrote the transform library", "built our
    scheduling app"), not a kind ("a language model")."""
    span = verb.doc[obj.token_start : obj.token_end]
    head = span.root
    if head.dep_ != "dobj" or head.head != verb:
        return False
    if len(span) < 2 or head.lemma_.lower() not in PRODUCT_NOUNS:
        return False
    pointers = ("the", "this", "that", "my", "our", "his", "her", "their")
    return any(c.dep_ in ("det", "poss") and c.lower_ in pointers for c in head.children)


def _one_copy(doc, obj: SpanMention) -> bool:
    """A product's name said with an indefinite article ("to make a Lumen", "built an
    Orbix of our own"): one copy or one like it, not the named product itself."""
    root = doc[obj.token_start : obj.token_end].root
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children)


def _names_it(verb, obj: SpanMention) -> bool:
    """ "(I) called it X", "named it X": an active naming verb in the past tense (the
    naming done: "just call it X" proposes, "we call it X" tells a usage) whose object is "it" and
    whose complement is the mention ``obj``. A concept must be said bare, as a name is
    (no article, no possessive: "called it a mess" describes); a name may hold its own
    article ("The Salt Roads")."""
    if verb.lemma_.lower() not in ("call", "name", "dub", "christen") or verb.tag_ != "VBD":
        return False  # "just call it X", "we call it X": a proposal or a usage, no naming
    if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children):
        return False
    doc = verb.doc
    head = doc[obj.token_start : obj.token_end].root
    if head.dep_ not in ("oprd", "xcomp", "ccomp", "attr") or head.head != verb:
        return False
    if obj.mention.type != "Concept":
        return True
    return not any(c.dep_ in ("det", "poss") for c in head.children)


def _repaired(token) -> bool:
    """A copula's complement said again, corrected, in speech: "X was a research, a
    robotics research company in Y": the parse hangs the second noun as ``dep``."""
    head = token.head
    return (
        token.dep_ == "dep"
        and token.pos_ == "NOUN"
        and head.lemma_.lower() == "be"
        and any(c.dep_ == "attr" and c.pos_ == "NOUN" and c.i < token.i for c in head.children)
    )


def _purpose_of_going(verb) -> bool:
    """A "to"-infinitive without its own subject hung on a said verb of going: "I went
    to work for X", "she came to teach at Y"; its subject is the goer's. Not when the
    going is itself only an infinitive ("for me to go there and be at X would be ...")."""
    going = verb.head
    return (
        verb.dep_ in ("advcl", "xcomp")
        and going.lemma_.lower() in GOING_VERBS
        and verb.lemma_.lower() != "be"
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in going.children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _names(token) -> bool:
    """A participle that names what it hangs on: "called", "named"."""
    return token.dep_ in ("acl", "advcl") and token.lower_ in ("called", "named")


def _defines(doc, verb, obj: SpanMention) -> bool:
    """ "X is a Y": the copula's own subject, its complement the concept itself with an
    indefinite article ("an AGI is a computer system"), not "X is the Y" (one thing
    named twice) or "X is a lot of Y" (the complement is another noun)."""
    root = doc[obj.token_start : obj.token_end].root
    if root.dep_ != "attr" or root.head.i != verb.i:
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    first = doc[obj.token_start]
    before = doc[obj.token_start - 1] if obj.token_start else None
    article = first if first.dep_ == "det" else before
    return article is not None and article.lower_ in ("a", "an") and article.head.i == root.i


def _dwells(verb, lemma: str, prep: str | None, noun: str | None) -> bool:
    """The clause puts its person in the place to live or work, not on a trip: "lived
    in", "grew up in", "worked in", "moved to", "returned to", "was back in India"."""
    if noun is not None or _a_visit(verb):
        return False
    if lemma in DWELL_VERBS and prep == "in":
        return lemma != "grow" or any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    if lemma in MOVE_VERBS and prep in ("to", "in", "back"):
        return True
    back = any(c.dep_ == "advmod" and c.lower_ == "back" for c in verb.children)
    return lemma == "be" and back and prep == "in"


def _told_at(head) -> bool:
    """A verb of speaking or meeting set "at X in Y" says where the talk was ("told me
    about it at a conference in Y"), not where X is: an organisation's place comes from a
    noun ("an engineer at X in Y") or a verb of working, founding or being."""
    return head.pos_ == "VERB" and head.lemma_.lower() in _TALK_VERBS


_TALK_VERBS = frozenset({"tell", "say", "talk", "speak", "mention", "meet", "chat", "ask"})


def _a_visit(verb) -> bool:
    """Being somewhere for a day or an occasion ("was at Google yesterday for a talk")."""
    return any(t.lemma_.lower() in VISIT_WORDS for t in verb.subtree)
