"""Kinds stated by a copular definition: "keyword spotting is a kind of speech
recognition", "caffeine is an alkaloid", "X is one of the Ys", "X, which is a Y".

:meth:`kg.extract.relations.clauses.Clauses` links two concepts that are both mentions
already; a definition is also strong evidence that the phrase it defines (or the kind it
names) is a term, so this module makes the missing end a concept of its own when the
other end is one. Read from the dependency parse of one unit:

* the clause is a "be" with a subject of its own (a noun, or the noun a "which"/"that"
  clause hangs on), not negated, not asked and not under a hypothetical or hearsay verb;
* the complement is "a/an Y", "a kind (type, form, ...) of Y" or "one of the Ys";
* neither end is a named entity or a pronoun ("that's a mental model" says nothing
  of which concept), and the kind's head is a kind noun: shell nouns ("thing", "way",
  "problem"), people, times and quantities are no kinds;
* the kind is the head noun with its classifying modifiers: evaluative adjectives are
  dropped ("a great tool" -> "tool").
"""

from __future__ import annotations

from dataclasses import replace

from ...model import RelationCandidate, Sentence, Transcript
from ...nlp import tokens, unit_evidence
from .. import wordnet
from ..entities import SpanMention, _make_mention
from ..terms import POSSESSIVE_PRONOUNS, _key
from .clauses import KIND_NOUNS, is_question, non_asserting

__all__ = ["defined_kinds"]

#: Nouns too vague to be a kind: "X is a thing", "a way to ...", "a big problem".
SHELL_NOUNS = frozenset(
    {"thing", "way", "part", "lot", "problem", "question", "point", "idea", "issue"}
    | {"matter", "case", "fact", "reason", "result", "step", "piece", "bit", "deal"}
    | {"story", "situation", "something", "stuff", "place", "time", "area", "aspect"}
    | {"factor", "element", "feature", "one", "word", "term", "name", "topic", "number"}
    | {"concept", "notion", "example", "instance", "version", "kind", "type", "sort"}
    | {"form", "class", "set", "group", "list", "series", "couple", "bunch", "amount"}
    | {"level", "sense", "moment", "challenge", "opportunity", "option", "answer"}
    | {"difference", "change", "start", "end", "side", "use", "job", "role", "goal"}
    | {"key", "success", "failure", "mistake", "disaster", "joke", "game", "gift"}
)
#: Adjectives that judge or size rather than classify: dropped from the kind.
EVALUATIVE = frozenset(
    {"good", "great", "bad", "big", "small", "huge", "little", "nice", "important"}
    | {"interesting", "amazing", "powerful", "simple", "new", "old", "real", "whole"}
    | {"fantastic", "incredible", "wonderful", "beautiful", "major", "main", "key"}
    | {"particular", "certain", "specific", "different", "other", "same", "basic"}
    | {"common", "typical", "classic", "perfect", "useful", "cool", "fancy", "weird"}
    | {"strange", "crazy", "famous", "popular", "serious", "true", "actual", "special"}
    | {"awesome", "excellent", "terrible", "horrible", "brilliant", "clever", "smart"}
    | {"obvious", "clear", "fascinating", "exciting", "difficult", "hard", "easy"}
    | {"tiny", "large", "massive", "giant", "modern", "typical", "early", "late"}
    | {"abundant", "favorite", "favourite", "own", "single", "first", "last", "only"}
    | {"few", "many", "several", "numerous", "various", "countless", "multiple", "most"}
)
#: WordNet lexicographer classes of head nouns that name no kind of concept.
_NOT_KINDS = frozenset(
    {"noun.person", "noun.time", "noun.quantity", "noun.location", "noun.feeling"} | {"noun.motive"}
)
#: ... and of a one-word new kind: a deed or an event is said of a thing, not its kind
#: ("AI is a big leap", "that was a move").
_NOT_ONE_WORD_KINDS = frozenset({"noun.act", "noun.event"})
_ARTICLES = ("a", "an")
_RELATIVES = ("which", "that")
_DEICTIC = frozenset({"this", "that", "these", "those", "my", "our", "your", "his", "her"})
_DEICTIC |= frozenset({"their", "its"})


def _subject(verb):
    """The noun the copula ``verb`` says something of, or None: its own nominal subject,
    or the noun a "which is"/"that is" clause hangs on."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if not subjects and verb.i > 0:
        # unpunctuated speech runs clauses on: "... a long time ago keyword spotting is
        # a kind of ...": the parse hangs the noun said right before "is" elsewhere
        before = verb.doc[verb.i - 1]
        if before.pos_ == "NOUN" and before.dep_ in ("npadvmod", "dep"):
            subjects = [before]
    if len(subjects) != 1:
        return None
    subj = subjects[0]
    if subj.lower_ in _RELATIVES and verb.dep_ == "relcl":
        subj = verb.head
    if subj.pos_ in ("NOUN", "PROPN"):
        return subj
    return subj if subj.tag_ == "VBG" else None  # a gerund names a process: "keyword spotting"


def _bare(noun) -> bool:
    """Whether ``noun`` is said generically with nothing but modifiers: no "the"/"this",
    owner, number, object or prepositional phrase ("the use of X" is not X)."""
    for c in noun.children:
        if c.dep_ == "det" and c.lower_ not in _ARTICLES:
            return False
        if c.dep_ in ("poss", "nummod", "prep", "dobj", "nsubj", "aux", "neg", "acl"):
            return False
    return True


def _noun_read_as_adjective(token) -> bool:
    """A plural noun the tagger read as an adjective ("they are also alkaloids"): English
    adjectives take no plural "-s", so a word tagged one that ends in "-s" (not "-ss",
    "-us", "-is", "-ous": "useless", "bogus", "serious") whose singular WordNet lists as
    a noun is that noun in the plural."""
    word = token.lower_
    return (
        token.tag_ == "JJ"
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and wordnet.is_noun_lemma(word[:-1])
    )


def _lemma(noun) -> str:
    """The noun's lemma, the singular of a plural noun read as an adjective."""
    if _noun_read_as_adjective(noun):
        return noun.lower_[:-1]
    return noun.lemma_.lower()


def _kind(verb):
    """(kind noun, how it was said) of the copula's complement, or None."""
    attrs = [c for c in verb.children if c.dep_ == "attr"]
    if not attrs and _plural(verb):
        misread = [c for c in verb.children if c.dep_ == "acomp" and _noun_read_as_adjective(c)]
        if len(misread) == 1 and not any(c.dep_ == "det" for c in misread[0].children):
            return misread[0], "are"  # "morphine and nicotine are also alkaloids"
    if len(attrs) != 1:
        return None
    attr = attrs[0]
    dets = [c.lower_ for c in attr.children if c.dep_ == "det"]
    pobjs = [
        p
        for c in attr.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj" and p.pos_ == "NOUN"
    ]
    if attr.lower_ == "one" and len(pobjs) == 1 and pobjs[0].tag_ == "NNS":
        return pobjs[0], "one-of"
    if attr.lemma_.lower() in KIND_NOUNS and len(pobjs) == 1 and set(dets) <= {"a", "an"}:
        return pobjs[0], "kind-of"
    if attr.pos_ == "NOUN" and dets and dets[0] in _ARTICLES and not pobjs:
        if any(c.dep_ == "prep" and c.lower_ in ("to", "against") for c in attr.children):
            return None  # "a reaction to Y", "an answer to Y": a relation, not a kind
        return attr, "is-a"
    if attr.pos_ == "NOUN" and attr.tag_ == "NNS" and not dets and not pobjs and _plural(verb):
        if _progressive(verb):
            return None  # "which IP addresses are broadcasting transactions": a verb
        return attr, "are"  # "morphine and nicotine are alkaloids": a kind said in the plural
    return None


def _embedded_question(verb) -> bool:
    """The copula's clause asks rather than states: a "which"/"what" hangs on it through
    a preposition ("for which X are Y") or determines its subject ("what models are
    Ys")."""
    for c in verb.children:
        if c.dep_ == "prep" and any(p.tag_ in ("WDT", "WP") for p in c.children):
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and any(
            d.tag_ in ("WDT", "WP") and d.lower_ != "that" for d in c.children
        ):
            return True
    return False


def _progressive(verb) -> bool:
    """The copula is an auxiliary of a verb in "-ing" the parse read as a modifier of the
    noun after it ("are broadcasting transactions"): the word after the copula, past
    any adverbs, is a gerund or participle."""
    k = verb.i + 1
    while k < len(verb.doc) and verb.doc[k].pos_ == "ADV":
        k += 1
    return k < len(verb.doc) and verb.doc[k].tag_ in ("VBG", "VBN")


def _plural(verb) -> bool:
    """Whether the copula is "are" with a subject of several things: a plural noun or
    nouns joined by "and" ("Xs are Ys", "X and Y are Ys")."""
    if verb.lower_ not in ("are", "'re", "’re"):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return len(subjects) == 1 and (
        subjects[0].tag_ == "NNS" or any(c.dep_ == "conj" for c in subjects[0].children)
    )


def _subjects(subj) -> list:
    """The subject and the nouns joined to it by "and" ("morphine and nicotine"): each
    is of the kind the copula names."""
    return [subj, *(c for c in subj.conjuncts if c.pos_ in ("NOUN", "PROPN") and c.i > subj.i)]


def _phrase(noun) -> tuple[int, int] | None:
    """(start, end) of the classifying phrase ``noun`` heads: its adjacent noun and
    adjective modifiers, evaluative adjectives (and what is before them) left out; None
    when the phrase cannot be cut there (a hyphenated or punctuated modifier:
    "a share-and-share-alike license" is no "alike license")."""
    toks = tokens(noun.doc)
    start = noun.i
    while start > 0:
        t = toks[start - 1]
        if t.head.i != noun.i and t.head.i not in range(start, noun.i + 1):
            break
        if t.dep_ not in ("amod", "compound") or not t.is_alpha:
            break
        if t.lower_ in EVALUATIVE or t.tag_ in ("JJR", "JJS"):
            break
        start -= 1
    if start > 0:
        t = toks[start - 1]
        inside = t.head.i in range(start, noun.i + 1)
        if inside and t.dep_ not in ("det", "poss") and t.lower_ not in EVALUATIVE:
            return None
    return start, noun.i + 1


def _norm(doc, start: int, end: int) -> str:
    """The term's key; a gerund keeps its "-ing" ("keyword spotting", not "spot")."""
    toks = tokens(doc)
    if toks[end - 1].tag_ == "VBG":
        return " ".join(t.lower_ for t in toks[start:end])
    if _noun_read_as_adjective(toks[end - 1]):
        return " ".join([*(t.lower_ for t in toks[start : end - 1]), _lemma(toks[end - 1])])
    return _key(doc, start, end)


def _span_of(noun, at: dict[int, SpanMention]) -> SpanMention | None:
    """The mention ending with ``noun`` (its head), if any."""
    s = at.get(noun.i)
    return s if s is not None and s.token_end == noun.i + 1 else None


def pair_ends(doc, ends, bounds, transcript, sentence, at, new) -> list[SpanMention]:
    """The two ends of a taxonomy pair: the mention already at each end (``ends``), or
    a Concept made for the phrase at its ``bounds``, added to ``new`` and indexed in
    ``at`` (token -> mention) so that no later pair makes it twice."""
    made: list[SpanMention] = []
    for end_, b in zip(ends, bounds, strict=True):
        if end_ is not None:
            made.append(end_)
            continue
        m = _make_mention(doc, *b, transcript, sentence, "Concept", "concept")
        span = SpanMention(replace(m.mention, norm=_norm(doc, *b)), *b)
        new.append(span)
        at.update({i: span for i in range(*b)})
        made.append(span)
    return made


def _is_kind_noun(noun) -> bool:
    lemma = _lemma(noun)
    if lemma in SHELL_NOUNS or not noun.is_alpha or len(lemma) < 3:
        return False
    return wordnet.first_lexname(lemma) not in _NOT_KINDS


def defined_kinds(
    doc, transcript: Transcript, sentence: Sentence, spans: list[SpanMention]
) -> tuple[list[SpanMention], list[RelationCandidate]]:
    """New concept mentions a definition of the unit makes and its ``broader``
    candidates (one end a concept already, the other made here if it is none)."""
    toks = tokens(doc)
    verbs = [
        t for t in toks if t.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in t.children)
    ]
    if not verbs or is_question(doc):
        return [], []
    at = {i: s for s in spans for i in range(s.token_start, s.token_end)}
    denied = non_asserting(doc)
    new: list[SpanMention] = []
    out: list[RelationCandidate] = []
    for verb in verbs:
        if verb.i in denied or any(c.dep_ == "neg" for c in verb.children):
            continue
        if verb.tag_ not in ("VBZ", "VBP"):
            continue  # a definition holds now: "which was an awesome conversation" tells
        if _embedded_question(verb):
            continue  # "looking for which addresses are broadcasting transactions"
        first, kind = _subject(verb), _kind(verb)
        if first is None or kind is None:
            continue
        obj, how = kind
        # a listed subject that is a mention already goes first: the kind it makes a
        # concept then ends the others' pairs too ("morphine and nicotine are alkaloids"
        # with only "nicotine" a term so far)
        for subj in sorted(_subjects(first), key=lambda noun: noun.i not in at):
            found = _definition(doc, transcript, sentence, subj, obj, how, at, new)
            if found is not None:
                out.append(found)
    return new, out


def _definition(doc, transcript, sentence, subj, obj, how, at, new) -> RelationCandidate | None:
    """The ``broader`` pair a copula states between ``subj`` and the kind ``obj``, its
    missing end made a concept (added to ``new``); None when it states none."""
    if any(c.dep_ in ("neg", "predet") or c.lower_ == "no" for c in obj.children):
        return None  # "not a Y", "no Y", "such a black box"
    if any(c.dep_ in ("det", "poss") and c.lower_ in _DEICTIC for c in subj.children):
        return None  # "this LLM is a ...": one thing at hand, not the kind
    if subj.lower_ in POSSESSIVE_PRONOUNS:
        return None  # "mine is a very fun memory": a thing said before, no kind
    ends: list[SpanMention | None] = []
    for noun in (subj, obj):
        s = _span_of(noun, at)
        if s is None and noun.i in at:
            s = at[noun.i]  # a mention the noun is inside, not at the end of: no end
            ends.append(None if s.mention.type == "Concept" else s)
            continue
        ends.append(s)
    if any(e is not None and e.mention.type != "Concept" for e in ends):
        return None  # a named entity is an instance, not a kind
    if all(e is None for e in ends):
        return None  # a definition between two new phrases is too weak alone
    if not _is_kind_noun(obj):
        return None
    if ends[0] is None and (subj.pos_ == "PROPN" or not _bare(subj)):
        return None  # a new term is a common noun said generically
    bounds = [None if e is not None else _phrase(n) for e, n in zip(ends, (subj, obj), strict=True)]
    if any(e is None and b is None for e, b in zip(ends, bounds, strict=True)):
        return None
    if any(
        b is not None and (any(i in at for i in range(*b)) or n.ent_type_)
        for b, n in zip(bounds, (subj, obj), strict=True)
    ):
        return None
    one_word = bounds[1] is not None and bounds[1][1] - bounds[1][0] == 1
    if one_word and wordnet.first_lexname(_lemma(obj)) in _NOT_ONE_WORD_KINDS:
        return None
    made = pair_ends(doc, ends, bounds, transcript, sentence, at, new)
    if made[0] is made[1] or made[0].mention.norm == made[1].mention.norm:
        return None  # "pathogens are everywhere, pathogens": a word said again
    evidence = unit_evidence(transcript, sentence, f"parse:broader:define-{how}", 0.75)
    return RelationCandidate(made[0].mention, "broader", made[1].mention, "typed", evidence)
