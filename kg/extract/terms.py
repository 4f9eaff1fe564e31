"""Candidate concept terms of a transcript and how often each is really said.

A term is often said inside a longer noun phrase: "signal processing" in "the
signal processing community", "anthrax" in "the anthrax bacillus". Counting only
whole noun phrases misses those; counting every sub-phrase credits fragments that
only ever occur inside one longer term ("neck flask experiment" inside "swan neck
flask experiment"). The C-value method of terminology extraction (Frantzi, Ananiadou
and Mima, 2000) settles both: a candidate's frequency counts its nested occurrences,
minus the mean frequency of the longer candidates it is nested in, so a fragment
that never stands on its own scores zero::

    independent(a) = f(a) - (1 / |T_a|) * sum(f(b) for b in T_a)

where ``T_a`` is the set of longer candidates containing ``a``. That count then goes
through the termhood test of :mod:`kg.extract.concepts`; among the kept terms of one
noun phrase the longest wins (:func:`choose_terms`).

Candidates are the noun phrases of the parse (trimmed of determiners, numbers and
vague modifiers) and their sub-phrases that end in a noun: English noun phrases are
head-final, so every such sub-phrase is itself a well-formed noun phrase. A past
participle before the noun counts as an adjective ("distributed system", which the parse
tags a verb), and a phrase "X of Y" that WordNet lists ("freedom of speech") is a
candidate too. A sub-phrase WordNet lists ("call center" inside "call center product")
is no fragment: the dictionary says it stands on its own, so its C-value count is its
plain count.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..model import Sentence, Transcript
from ..nlp import FILLERS
from ..nlp import tokens as doc_tokens
from . import wordnet
from .concepts import _zipf
from .entities import (
    _CONCEPT_POS,
    _VAGUE_MODIFIERS,
    SpanMention,
    _inner_hyphen,
    _make_mention,
    _written_as_name,
)
from .term_precision import crosses_commoner_term

__all__ = [
    "POSSESSIVE_PRONOUNS",
    "TermCandidate",
    "TermStatistics",
    "phrase_candidates",
    "choose_terms",
]

#: The longest candidate, in words ("swan neck flask experiment").
MAX_TERM_WORDS = 4


#: Adjectives of the speaker's attitude or of sheer size ("a crucial figure", "an
#: enormous implication", "a fantastic investor"): never part of a term's name, so
#: dropped from the front of a phrase like the vague modifiers.
EVALUATIVE = frozenset(
    {
        "crucial", "enormous", "fantastic", "tremendous", "wonderful", "terrible", "awful",
        "excellent", "brilliant", "remarkable", "fascinating", "beautiful", "gorgeous",
        "horrible", "awesome", "terrific", "fabulous", "lovely", "stupid", "silly",
        "ridiculous", "weird", "strange", "funny", "exciting", "extraordinary",
        "phenomenal", "unbelievable", "outstanding", "superb", "nasty", "dumb", "obvious",
        "gigantic", "immense", "famous", "notorious", "favorite", "favourite", "beloved",
        "dear", "poor", "lucky", "unfortunate", "fortunate", "massive", "tiny", "giant",
    }
)  # fmt: skip


def _vague(token) -> bool:
    """A vague or evaluative modifier, dropped from a phrase: unless it is the first word
    of a compound modifier (:func:`_modifier_compound`)."""
    return (
        token.lower_ in _VAGUE_MODIFIERS or token.lower_ in EVALUATIVE
    ) and not _modifier_compound(token)


def _modifier_compound(token) -> bool:
    """An adjective that qualifies the noun right after it, itself a modifier of a later
    noun ("early stage companies", "high density servers", "long term memory"): together
    they name a kind, so the adjective is part of the term, not the speaker's comment on
    the thing (which qualifies the head: "a huge company")."""
    head = token.head
    return (
        token.dep_ == "amod"
        and head.i == token.i + 1
        and head.dep_ == "compound"
        and head.pos_ == "NOUN"
        and head.head.i > head.i
    )


@dataclass(frozen=True)
class TermCandidate:
    """One candidate term said at one place: its key (lowercase, head lemmatised:
    "scaling laws" -> "scaling law"), whether it is a compound of nouns only, its
    mention and the lexicon concepts inside it."""

    key: str
    compound: bool
    span: SpanMention
    inner: tuple[SpanMention, ...]
    #: what the words around this occurrence say of it (see :func:`context_cues`)
    cues: frozenset[str] = frozenset()

    @property
    def length(self) -> int:
        return self.span.token_end - self.span.token_start


def _lexicon_concepts(spans: Sequence[SpanMention]) -> dict[int, SpanMention]:
    return {
        k: s
        for s in spans
        if s.mention.type == "Concept" and s.mention.source == "lexicon"
        for k in range(s.token_start, s.token_end)
    }


def _squeezed(word: str) -> str:
    """``word`` with each run of one letter cut to one letter ("mmm" -> "m", "ummm" ->
    "um", "uhhh" -> "uh")."""
    return "".join(c for k, c in enumerate(word) if k == 0 or c != word[k - 1])


#: Hesitation sounds, spelt with any length ("mmm", "hmmm", "ummm"): a recogniser writes
#: them as words and the parse may take one for a noun ("independent of language mmm").
HESITATIONS = frozenset(_squeezed(w) for w in FILLERS)


@lru_cache(maxsize=8192)
def _hesitation(word: str) -> bool:
    """A filler of :data:`kg.nlp.FILLERS`, or one spelt longer ("mmm", "ummm"; not "m").
    Cached: asked for every content word of every phrase candidate."""
    if word in FILLERS:
        return True
    squeezed = _squeezed(word)
    return len(squeezed) < len(word) and squeezed in HESITATIONS


def _content(token) -> bool:
    """A word that can be part of a term: a noun, a proper noun, an adjective, or a
    participle modifying a noun, which the parse tags a verb ("a distributed system",
    "embedded systems", "chlorinated lime", "sunk cost"); never a hesitation sound."""
    content = token.pos_ in _CONCEPT_POS or (
        token.dep_ == "amod" and token.tag_ == "VBN" and token.head.i > token.i
    )
    return content and not _hesitation(token.lower_) and token.lower_ not in POSSESSIVE_PRONOUNS


#: Possessive pronouns the tagger may read as nouns ("mine is a very fun memory"):
#: they stand for a thing said before, never name one.
POSSESSIVE_PRONOUNS = frozenset({"mine", "yours", "hers", "ours", "theirs"})


def _trimmed(doc, chunk_start: int, end: int) -> tuple[int, int]:
    """A noun phrase without its leading determiners, numbers and vague modifiers
    (a dropped word takes what it is hyphened to: "large-scale"), without the word a
    preposition before it governs in a modifier said unhyphened (:func:`_after_article_preposition`)
    and without an ASR stutter ("generalization power generalization power")."""
    toks = doc_tokens(doc)
    start = chunk_start
    if _after_article_preposition(toks, chunk_start):
        start += 1  # "a for profit company": "profit" is the modifier's, not the head's
    while start < end and (
        not _content(toks[start])
        or (_vague(toks[start]) and not _opens_listed(doc, start, end))
        or toks[start].like_num
        or (start > chunk_start and _inner_hyphen(doc, start - 1, chunk_start, end))
    ):
        start += 1
    if (
        end - start > 1
        and toks[start].lower_ in TERM_NOUNS
        and start > 0
        and toks[start - 1].lower_ in ("the", "this", "that")
    ):
        start += 1  # "coined the term machine teaching": the term is what follows
    half = (end - start) // 2
    if (
        half
        and (end - start) % 2 == 0
        and [t.lower_ for t in toks[start : start + half]]
        == [t.lower_ for t in toks[start + half : end]]
    ):
        end = start + half
    return start, end


#: Nouns for a word or phrase itself: after "the" or "this" and before more words of
#: the noun phrase, they introduce the term said next ("coined the term machine
#: teaching", "this phrase attention economy"), unpunctuated in speech. ("word" is left
#: out: "the word embeddings", "the word processor" are terms of their own.)
TERM_NOUNS = frozenset({"term", "phrase", "expression", "buzzword", "catchphrase"})


#: Articles: one right before a preposition opens a modifier said without hyphens.
ARTICLES = frozenset({"a", "an", "the"})


def _after_article_preposition(toks, chunk_start: int) -> bool:
    """Whether the noun phrase at ``chunk_start`` follows an article and a preposition
    ("a for profit company", "an over the counter drug", "an in house tool"): an article
    never governs a preposition, so article, preposition and the phrase's first word are
    one modifier written without its hyphens ("for-profit"), which the parse splits off;
    the first word is no word of a term ("profit company")."""
    return (
        chunk_start >= 2
        and toks[chunk_start - 1].pos_ == "ADP"
        and toks[chunk_start - 2].lower_ in ARTICLES
    )


#: A lemma this much rarer in English (Zipf) than the word it was made from is not how
#: anyone says the word: "specie" from "species", "datum" from "data".
LEMMA_RARER = 1.5


@lru_cache(maxsize=8192)
def singular_of_es_plural(written: str, lemma: str) -> str:
    """The singular of a plural in "-es" that the lemmatizer read as a Greek or Latin
    "-is" noun ("crises" -> "crisis"), unless a commoner English noun spells that plural
    too: "taxes" is the plural of "tax" far more often than of "taxis", "bases" of
    "base" than of "basis" ("military bases"). Both forms are nouns WordNet lists, the
    commoner in English (wordfreq) wins; a form WordNet does not list ("analyse",
    "crise") never does."""
    if not (written.endswith("es") and lemma.endswith("is") and lemma != written):
        return lemma
    best = lemma
    for other in (written[:-1], written[:-2]):
        if wordnet.is_noun_lemma(other) and _zipf(other) > _zipf(best):
            best = other
    return best


def _key(doc, start: int, end: int) -> str:
    toks = doc_tokens(doc)
    tokens = toks[start:end]  # the Doc's token list, not a Span: no Token made again
    written = tokens[-1].lower_
    head = singular_of_es_plural(written, tokens[-1].lemma_.lower())
    if head != written and _zipf(head) < _zipf(written) - LEMMA_RARER:
        head = written
    return (
        "".join(
            t.lower_
            + ("" if t.text == "-" or (t.i + 1 < end and toks[t.i + 1].text == "-") else " ")
            for t in tokens[:-1]
        )
        + head
    )


#: Nouns of number ("thousands of people", "dozens of labs"): a count, never a term's
#: word; the parse tags them nouns, so ``like_num`` misses them in the plural.
NUMBER_NOUNS = frozenset(
    w + s
    for w in ("hundred", "thousand", "million", "billion", "trillion", "dozen")
    for s in ("", "s")
)


def _listed(doc, start: int, end: int) -> bool:
    """Whether words ``start:end`` (two or more) make a noun WordNet lists: then a vague
    noun among them (:func:`_vague_noun`) is a word of that noun, not the speaker's
    vagueness ("an imaginary number", "number systems", "a time series")."""
    return end - start >= 2 and wordnet.is_noun_lemma(_key(doc, start, end))


def _opens_listed(doc, start: int, end: int) -> bool:
    """Whether a vague noun at ``start`` opens a noun WordNet lists that ends by ``end``."""
    return _vague_noun(doc_tokens(doc)[start]) and any(
        _listed(doc, start, k) for k in range(start + 2, end + 1)
    )


def _vague_noun(token) -> bool:
    """A vague word that is a noun here ("number", "time", "point"): inside a noun WordNet
    lists it names ("number system"); a vague adjective ("basic", "good", "early") is the
    speaker's comment even there ("basic principle", "good morning")."""
    return token.pos_ == "NOUN" and token.is_alpha and _vague(token)


def _word_ok(doc, i: int, start: int, end: int) -> bool:
    t = doc_tokens(doc)[i]
    return (_content(t) and t.is_alpha and not _vague(t) and t.lower_ not in NUMBER_NOUNS) or (
        _inner_hyphen(doc, i, start, end)
    )


def phrase_candidates(
    doc,
    transcript: Transcript,
    sentence: Sentence,
    taken: set[int],
    spans: Sequence[SpanMention] = (),
    all_cues: bool = False,
) -> list[tuple[TermCandidate, ...]]:
    """For each noun phrase of ``doc``: its candidate terms, longest first.

    A candidate is a run of content words ending in a noun, not overlapping a name
    (``taken`` holds the tokens of the unit's other mentions), holding any lexicon
    concept whole, at most :data:`MAX_TERM_WORDS` long and not written as a name.
    ``all_cues``: read every cue of :func:`context_cues` (the termhood fit does), not
    only those term selection uses."""
    concept_at = _lexicon_concepts(spans)
    out = []
    for chunk in doc.noun_chunks:
        start, end = _trimmed(doc, chunk.start, chunk.end)
        if end <= start:
            continue
        found: list[TermCandidate] = []
        for length in range(min(MAX_TERM_WORDS, end - start), 0, -1):
            for i in range(start, end - length + 1):
                j = i + length
                candidate = _candidate(
                    doc,
                    i,
                    j,
                    (chunk.start, start, end),
                    transcript,
                    sentence,
                    taken,
                    concept_at,
                    all_cues,
                )
                if candidate:
                    found.append(candidate)
        linked = _of_candidate(doc, start, end, transcript, sentence, taken, concept_at)
        if linked is not None:
            found.insert(0, linked)
        if found:
            out.append(tuple(found))
    return out


#: WordNet lexnames of a listed "X of Y" that is a name: a place, a natural body, a
#: person ("republic of korea", "gulf of mexico", "duke of wellington").
NAMED_LEXNAMES = frozenset({"noun.location", "noun.object", "noun.person"})


def _of_candidate(doc, start, end, transcript, sentence, taken, concept_at):
    """The noun phrase "X of Y" made of the end of the phrase ``doc[start:end]``, "of" and
    the one or two words after it, when WordNet lists it as a noun ("freedom of speech",
    "standard of living", "doctor of philosophy"): one name in the language, which the
    parse splits in two (and whose last word it may read as a verb: "of living"). None
    otherwise. Only a phrase followed by "of" is looked at: one dictionary look-up."""
    toks = doc_tokens(doc)
    if end + 1 >= len(toks) or toks[end].lower_ != "of":
        return None
    y = end + 1 + (toks[end + 1].lower_ == "the")
    the = " the" if y > end + 1 else ""
    for y_end in range(min(y + 2, len(toks)), y, -1):
        if not all(toks[k].is_alpha and toks[k].pos_ != "PRON" for k in range(y, y_end)):
            continue
        tail = {" ".join(t.lower_ for t in toks[y:y_end]), _key(doc, y, y_end)}
        for i in range(max(start, end - 2), end):
            words = (*range(i, end), *range(y, y_end))
            if any(k in taken and k not in concept_at for k in words):
                continue
            head = " ".join(t.lower_ for t in toks[i:end]) + " of" + the
            key = next(
                (f"{head} {w}" for w in sorted(tail) if wordnet.is_noun_lemma(f"{head} {w}")), None
            )
            if key is None or _written_as_name(doc, i, y_end):
                continue
            if wordnet.first_lexname(key) in NAMED_LEXNAMES:
                return None  # a place or a person ("republic of korea"), not a concept
            mention = _make_mention(doc, i, y_end, transcript, sentence, "Concept", "concept")
            return TermCandidate(
                key, False, SpanMention(replace(mention.mention, norm=key), i, y_end), ()
            )
    return None


def _candidate(doc, i, j, chunk, transcript, sentence, taken, concept_at, all_cues=False):
    chunk_start, start, end = chunk
    toks = doc_tokens(doc)
    words = toks[i:j]
    if words[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    if toks[i].text == "-" or toks[j - 1].text == "-":
        return None
    if not (_word_ok(doc, i, start, end) and all(_word_ok(doc, k, i, j) for k in range(i, j))):
        # a vague word is a word of a noun WordNet lists ("imaginary number")
        vague_only = all(_word_ok(doc, k, i, j) or _vague_noun(toks[k]) for k in range(i, j))
        if not (vague_only and _listed(doc, i, j)):
            return None
    if any(k in taken and k not in concept_at for k in range(i, j)):
        return None
    inner = tuple(dict.fromkeys(concept_at[k] for k in range(i, j) if k in concept_at))
    if any(s.token_start < i or s.token_end > j for s in inner):
        return None  # cuts a lexicon concept in two
    if inner and sum(s.token_end - s.token_start for s in inner) == j - i:
        return None  # the lexicon concept itself
    if _written_as_name(doc, i, j):
        return None
    key = _key(doc, i, j)
    # a compound of common nouns ("signal processing"); not names ("hippocrates galen")
    # nor a plural before the head ("microorganisms bacteria"), which in unpunctuated
    # speech is two items of a list run together
    compound = (
        j - i > 1
        and all(t.pos_ == "NOUN" for t in words)
        and not any(t.tag_ == "NNS" for t in words[:-1])
    )
    mention = _make_mention(doc, i, j, transcript, sentence, "Concept", "concept")
    cues = context_cues(doc, i, j, concept_at, chunk, all_cues)
    if j - i > 1 and _adjective(words[0]):
        cues |= {"adjective"}
    return TermCandidate(
        key, compound, SpanMention(replace(mention.mention, norm=key), i, j), inner, cues
    )


def _adjective(token) -> bool:
    """An adjective or a participle modifying a noun ("amicable", "heightened"): the
    first word of a phrase that describes its head rather than naming a kind of it."""
    return token.pos_ == "ADJ" or (token.dep_ == "amod" and token.tag_ in ("VBN", "VBG"))


#: Verbs that give a thing its name ("a method called X", "what is known as X").
_NAMING = frozenset({"called", "named", "termed", "dubbed", "coined"})
#: Nouns whose "of" introduces a field, idea or term ("the concept of X", "the field of X").
_TOPIC_NOUNS = frozenset(
    {
        "concept", "notion", "idea", "theory", "field", "study", "term", "area", "science",
        "principle", "problem", "process", "method", "technique", "discipline", "practice",
    }
)  # fmt: skip
#: Words after "X is" that open a definition ("X is a ...", "X is when ...").
_DEFINING = frozenset({"a", "an", "basically", "essentially", "when", "where", "the"})
#: Verbs whose subject is a person (a role noun, not a concept: "the researcher said").
_PERSON_VERBS = frozenset(
    {"say", "tell", "ask", "think", "believe", "argue", "want", "know", "feel", "decide"}
)
#: Relative pronouns of people.
_WHO = frozenset({"who", "whom", "whose"})


def context_cues(
    doc,
    i: int,
    j: int,
    concept_at: dict[int, SpanMention],
    chunk: tuple[int, int, int] | None = None,
    all_cues: bool = True,
) -> frozenset[str]:
    """Cues in the parse around the phrase ``doc[i:j]`` about whether it is a term;
    ``chunk``: the start of its noun phrase, and that phrase's start and end once
    trimmed (:func:`_trimmed`), so that "the theory of the contagion" still reads
    "of" before "contagion". Cues of the context:

    * ``defined``: named or defined there ("called X", "known as X", "the theory of X",
      "X is a ...", "X, which ...");
    * ``coordinated``: in a list with another noun ("X and Y"), and ``with_concept``
      when that is a lexicon concept: the items of a list are of a kind;
    * ``agent``: a person ("the X who ...", "the X said"): a kind of people;
    * ``subject``, ``prepositional``: the grammatical role of its head;
    * ``determiner``, ``possessive``: after an article or a possessive ("my X": the
      speaker's own story);

    and of its words:

    * ``name_last``: the last word is tagged a proper noun while the others are not, as
      in unpunctuated speech that ran a noun into a name;
    * ``straddle``: a word hangs on a word outside the phrase rather than on one inside:
      two phrases of a run-on sentence, not one term;
    * ``adjective``, ``plural_modifier``: an adjective, or a plural, before the head;
    * ``plural``: the head is plural; ``has_concept``: it holds a lexicon concept;
    * ``capitalised``: every word begins with a capital (a name, when defined).

    Without ``all_cues`` only ``defined``, ``coordinated``, ``with_concept``,
    ``possessive`` and ``capitalised`` are read: the ones term selection uses (the rest describe a
    candidate for ``bench/fit_termhood.py``; reading them for every candidate of a
    build cost a tenth of extraction).
    """
    toks = doc_tokens(doc)
    head = toks[j - 1]
    cues = set()
    chunk_start, start, _ = chunk if chunk is not None else (i, i, j)
    opening = chunk_start if i == start else i  # the words before it, past "the"
    before = toks[opening - 1] if opening > 0 else None
    after = toks[j] if j < len(doc) else None
    after2 = toks[j + 1] if j + 1 < len(doc) else None
    if before is not None and (
        before.lower_ in _NAMING
        or (before.lower_ == "as" and opening > 1 and toks[opening - 2].lower_ == "known")
        or (
            before.lower_ == "of"
            and opening > 1
            and toks[opening - 2].lemma_.lower() in _TOPIC_NOUNS
        )
    ):
        cues.add("defined")
    if after is not None and after2 is not None:
        if after.lemma_ == "be" and after2.lower_ in _DEFINING and head.dep_ in ("nsubj",):
            cues.add("defined")
        if after.text == "," and after2.lower_ == "which":
            cues.add("defined")
    others = [t for t in (head.head,) if head.dep_ == "conj"] + [
        t for t in head.children if t.dep_ == "conj"
    ]
    others = [t for t in others if t.pos_ in ("NOUN", "PROPN") and not i <= t.i < j]
    if others:
        cues.add("coordinated")
        if any(t.i in concept_at for t in others):
            cues.add("with_concept")
    if any(toks[k].tag_ == "PRP$" for k in range(chunk_start, i)):
        cues.add("possessive")
    modifiers = toks[i : j - 1]
    if head.text[:1].isupper() and all(t.text[:1].isupper() for t in modifiers):
        cues.add("capitalised")
    if not all_cues:
        return frozenset(cues)
    head_dep = head.dep_
    if (after is not None and after.lower_ in _WHO) or (
        head_dep == "nsubj" and head.head.lemma_.lower() in _PERSON_VERBS
    ):
        cues.add("agent")
    pos = {t.pos_ for t in modifiers}
    if modifiers and head.pos_ == "PROPN" and "PROPN" not in pos:
        cues.add("name_last")
    if any(not i <= t.head.i < j for t in modifiers):
        cues.add("straddle")
    if "ADJ" in pos:
        cues.add("adjective")
    if any(t.tag_ == "NNS" for t in modifiers):
        cues.add("plural_modifier")
    if concept_at and any(k in concept_at for k in range(i, j)):
        cues.add("has_concept")
    for k in range(chunk_start, i):
        if toks[k].pos_ == "DET":
            cues.add("determiner")
    if head.tag_ in ("NNS", "NNPS"):
        cues.add("plural")
    if head_dep in ("nsubj", "nsubjpass"):
        cues.add("subject")
    elif head_dep == "pobj":
        cues.add("prepositional")
    return frozenset(cues)


class TermStatistics:
    """Frequencies of a transcript's candidate terms, nested occurrences included."""

    def __init__(self) -> None:
        self.frequency: Counter = Counter()
        self.containers: dict[str, set[str]] = defaultdict(set)
        self.compounds: set[str] = set()
        #: key -> who said it
        self.speakers: dict[str, set[str]] = defaultdict(set)
        #: key -> times it was the whole noun phrase, not part of a longer one
        self.whole: Counter = Counter()
        #: key -> cue -> occurrences with that cue (see :func:`context_cues`)
        self.cues: dict[str, Counter] = defaultdict(Counter)
        self.unit_count = 0
        #: word (lowercase) -> occurrences, and occurrences tagged a noun
        self.words: Counter = Counter()
        self.nouns: Counter = Counter()
        #: keys that hold a lexicon concept somewhere ("ordinary creativity")
        self.holds_concept: set[str] = set()
        #: key -> where it is said: (unit index, first token, end token)
        self.places: dict[str, list[tuple[int, int, int]]] = defaultdict(list)

    def units_of(self, key: str) -> list[int]:
        """The units (by index) ``key`` is said in, once per occurrence."""
        return [unit for unit, _, _ in self.places.get(key, ())]

    def count_words(self, doc) -> None:
        """Count the words of one unit (``words``, the transcript's word counts for
        keyness) and how often each is a noun there: a word that is mostly a verb or an
        adjective in the transcript ("help") is seldom the head of a term when the parse
        makes it a noun once."""
        for t in doc_tokens(doc):
            if t.is_alpha:
                self.words[t.lower_] += 1
                self.nouns[t.lower_] += t.pos_ in ("NOUN", "PROPN")

    def noun_share(self, word: str) -> float:
        """The share of the occurrences of ``word`` tagged a noun (1 if never counted)."""
        n = self.words[word]
        return self.nouns[word] / n if n else 1.0

    def add(
        self, phrase: Sequence[TermCandidate], unit: int = 0, speaker: str | None = None
    ) -> None:
        """Count one noun phrase's candidates (each key once per phrase), said in the
        ``unit``-th unit of the transcript by ``speaker``."""
        self.unit_count = max(self.unit_count, unit + 1)
        self.frequency.update({c.key for c in phrase})
        self.compounds.update(c.key for c in phrase if c.compound)
        first = phrase[0].span if phrase else None
        for c in phrase:
            self.places[c.key].append((unit, c.span.token_start, c.span.token_end))
            if speaker:
                self.speakers[c.key].add(speaker)
            if c.span.token_start == first.token_start and c.span.token_end == first.token_end:
                self.whole[c.key] += 1
            self.cues[c.key].update(c.cues)
            if c.inner:
                self.holds_concept.add(c.key)
        for a in phrase:
            for b in phrase:
                if (
                    b.length > a.length
                    and b.key != a.key
                    and b.span.token_start <= a.span.token_start
                    and a.span.token_end <= b.span.token_end
                ):
                    self.containers[a.key].add(b.key)

    def defined(self) -> set[str]:
        """The keys said in a naming or defining context (see :func:`context_cues`),
        never written with capitals: "Alpine Vision is a startup" introduces a name."""
        return {k for k, c in self.cues.items() if c["defined"] and not c["capitalised"]}

    def owned(self) -> set[str]:
        """The keys said only after a possessive ("my undergrad school", "our hobby
        project"): someone's own thing in a story, not a term, when said once."""
        return {k for k, c in self.cues.items() if c["possessive"] >= self.frequency[k]}

    def adjectival(self) -> set[str]:
        """The phrases whose first word is an adjective wherever they are said
        ("theatrical nature"), as opposed to a noun or a name ("revision control", "CRM
        space")."""
        return {k for k, c in self.cues.items() if c["adjective"] >= self.frequency[k]}

    def coordinated(self) -> set[str]:
        """The keys said somewhere in a list with another noun ("X and Y")."""
        return {k for k, c in self.cues.items() if c["coordinated"]}

    def independent_counts(self) -> Counter:
        """Each candidate's C-value frequency: its occurrences minus the mean frequency
        of the longer candidates it occurs inside."""
        out: Counter = Counter()
        for key, f in self.frequency.items():
            longer = self.containers.get(key)
            if longer and not (" " in key and wordnet.is_noun_lemma(key)):
                f = f - sum(self.frequency[b] for b in longer) / len(longer)
            if f > 0:
                out[key] = f
        return out


def choose_terms(
    phrase: Sequence[TermCandidate], terms: set[str], accept, counts: Counter | None = None
) -> list[TermCandidate]:
    """The kept terms of one noun phrase, longest first, never overlapping: the specific
    term the speaker said ("swan neck flask experiment") rather than a term inside it.
    ``accept(candidate)`` may refuse one for reasons outside the phrase; with ``counts``
    (each key's independent count) a term said once that cuts across a commoner one is
    refused (:func:`.term_precision.crosses_commoner_term`)."""
    chosen: list[TermCandidate] = []
    for c in phrase:  # longest first
        if c.key not in terms or not accept(c):
            continue
        if counts is not None and crosses_commoner_term(c, phrase, terms, counts, accept):
            continue
        if any(
            c.span.token_start < o.span.token_end and o.span.token_start < c.span.token_end
            for o in chosen
        ):
            continue
        chosen.append(c)
    return chosen
