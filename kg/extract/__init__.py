"""Extraction: from parsed units of one transcript to mentions and relation candidates.

Works one transcript at a time, so memory follows the largest transcript, not the
corpus, and so per-transcript results can be cached and distributed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..config import Settings
from ..lexicon import Lexicon, name_key, name_part
from ..model import Mention, RelationCandidate, Sentence, Transcript
from ..nlp import tokens, unit_evidence
from .aliases import with_aliases
from .appositives import appositive_kinds
from .casing import CasingProfile, casing_profile
from .concepts import select_terms
from .designations import designation_kinds
from .entities import (
    ACRONYM_PLURAL,
    SpanMention,
    acronym_of_a_person,
    acts_as_person,
    after_title,
    brand_cased,
    brand_word,
    called_on,
    common_noun_acronyms,
    common_noun_in_wordnet,
    context_type,
    coordinated_type,
    find_mentions,
    gazetteer_vouches,
    introduced_by_name,
    introduced_type,
    is_common_word,
    leads_a_government,
    listed_before_others,
    listed_with_people,
    mid_sentence,
    name_part_mentions,
    name_parts,
    named_firm,
    owns_an_idea,
    person_reading,
    place_among_places,
    speaks_as_person,
    unsupported_lexicon_names,
    works_at,
)
from .headterms import HeadTermSentence, head_term_broader
from .institutions import institution_name, with_institution_names
from .learned_terms import TermCues, rescued_terms, term_model
from .ner_repairs import SentenceCaseWords
from .propernames import name_type, sea_without_head
from .relations import RelationFinder
from .relations.definitions import defined_kinds
from .relations.hearst import listed_kinds
from .term_precision import without_fragments
from .terms import TermCandidate, TermStatistics, choose_terms, phrase_candidates
from .titled import known_given_name

__all__ = ["Extraction", "extract_transcript"]


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one transcript, before cross-transcript resolution."""

    transcript_id: str
    sentence_count: int
    mentions: tuple[Mention, ...]
    relations: tuple[RelationCandidate, ...]
    concept_terms: tuple[str, ...]  # discovered (non-lexicon) terms kept in this transcript


def extract_transcript(
    transcript: Transcript,
    parsed: Iterable[tuple[Sentence, object]],
    lexicon: Lexicon,
    settings: Settings,
    profile: CasingProfile | None = None,
) -> Extraction:
    """Mentions and relations from ``parsed`` (unit, spaCy Doc) pairs of one transcript.
    ``profile``: the transcript's casing, if the caller measured it already."""
    units: list[tuple[Sentence, object, list[SpanMention], list[tuple[TermCandidate, ...]]]] = []
    statistics = TermStatistics()
    profile = profile or casing_profile(transcript.text)
    trust_case, lowercase = profile.reliable, not profile.cased
    sentence_case = SentenceCaseWords(transcript.text) if trust_case else None
    for sentence, doc in parsed:
        statistics.count_words(doc)
        spans = find_mentions(
            doc, transcript, sentence, lexicon, trust_case, lowercase, sentence_case
        )
        if lowercase:  # "the council of foreign ministers", "ambassadors harriman and pauley"
            spans = with_institution_names(doc, transcript, sentence, spans)
        taken = {k for s in spans for k in range(s.token_start, s.token_end)}
        phrases = phrase_candidates(doc, transcript, sentence, taken, spans)
        for phrase in phrases:
            statistics.add(phrase, len(units), sentence.speaker)
        units.append((sentence, doc, spans, phrases))

    docs = [doc for _, doc, _, _ in units]  # by unit index, as statistics.places has them
    units = _without_common_noun_acronyms(units, lexicon)
    unsupported = unsupported_lexicon_names([(d, spans) for _, d, spans, _ in units], lexicon)
    if unsupported:  # "claude" in a lecture on medicine is no assistant
        units = [
            (s, d, _person_readings(transcript, s, d, spans, unsupported), c)
            for s, d, spans, c in units
        ]
    term_counts = statistics.independent_counts()
    total_words = sum(statistics.words.values())
    cues = TermCues(statistics.defined(), statistics.owned(), statistics.adjectival())
    terms = select_terms(
        term_counts,
        settings.concept_min_count,
        settings.concept_min_termhood,
        statistics.compounds,
        statistics.words,
        total_words,
        cues.defined,
        statistics.coordinated(),
        statistics.holds_concept,
        cues.owned,
        cues.adjectival,
    )
    model = term_model(settings)
    if model is not None:  # a learned second look at what the rules refused
        names = {
            s.mention.surface.lower()
            for _, _, spans, _ in units
            for s in spans
            if s.mention.type != "Concept"
        }
        terms |= rescued_terms(
            model, term_counts, terms, statistics, cues, docs, total_words, names
        )
    terms = without_fragments(terms, statistics)
    introduced = name_parts(_full_person_names(transcript, units, lexicon))
    # distinctive first names of the field's people ("Demis") count as introduced,
    # unless the transcript introduced someone else with that name
    parts = {**lexicon.first_names, **introduced}
    if parts:
        units = [
            (s, d, name_part_mentions(d, transcript, s, parts, spans, lexicon.given_names), c)
            for s, d, spans, c in units
        ]
    short_names = _organisation_first_words(units, lexicon)
    units = _types_from_context(units, parts, lexicon.given_names)
    units = _drop_unsupported_names(
        units, parts, short_names, trust_case, lexicon.surnames, lexicon.given_names
    )
    units = _short_organisation_names(units, short_names)
    units = with_aliases(units)  # "X, also known as Y": one thing
    units = _types_of_introduced_names(units)
    units = _given_names_as_people(units, lexicon.given_names)
    finder = RelationFinder(transcript, settings.comention_window, lexicon)
    finder.learn([(sentence, doc, spans) for sentence, doc, spans, _ in units])
    mentions: list[Mention] = []
    relations: list[RelationCandidate] = []
    said: list[HeadTermSentence] = []
    for sentence, doc, spans, candidates in units:
        spans, narrower = _with_terms(spans, candidates, terms, lexicon, term_counts)
        mentions.extend(s.mention for s in spans)
        relations.extend(_broader_than_heads(transcript, sentence, narrower))
        relations.extend(finder.find(doc, sentence, spans))
        kinds, kind_of = appositive_kinds(doc, transcript, sentence, spans)
        models, model_of = designation_kinds(doc, transcript, sentence, spans)
        kinds += models
        kind_of += model_of
        defined, defined_of = defined_kinds(doc, transcript, sentence, [*spans, *kinds])
        kinds += defined
        kind_of += defined_of
        listed, listed_of = listed_kinds(doc, transcript, sentence, [*spans, *kinds])
        kinds += listed
        kind_of += listed_of
        mentions.extend(s.mention for s in kinds)
        relations.extend(kind_of)
        concepts = tuple(s.mention for s in [*spans, *kinds] if s.mention.type == "Concept")
        said.append(HeadTermSentence(sentence, concepts))
    relations.extend(head_term_broader(transcript, said))
    return Extraction(
        transcript.id, len(units), tuple(mentions), tuple(relations), tuple(sorted(terms))
    )


def _person_readings(transcript, sentence, doc, spans, unsupported: set[str]):
    """``spans`` without the matches of ``unsupported`` lexicon entries, each replaced
    by the person's name NER read there, if any (:func:`.entities.person_reading`)."""
    out = []
    for span in spans:
        if span.mention.lexicon_id not in unsupported:
            out.append(span)
            continue
        person = person_reading(doc, transcript, sentence, span, spans)
        if person is not None:
            out.append(person)
    return out


#: A phrase this close (rapidfuzz ratio) to a name of the lexicon concept inside it is
#: that concept written another way ("artificial neural nets" for "artificial neural
#: network"), not a narrower term.
VARIANT_RATIO = 90.0


def _with_terms(
    spans: list[SpanMention],
    phrases: list[tuple[TermCandidate, ...]],
    terms: set[str],
    lexicon: Lexicon,
    counts: Counter | None = None,
):
    """The unit's mentions with its kept concept terms added (in each noun phrase the
    longest kept term, then the longest in what is left; see ``terms.choose_terms``); a kept term replaces the
    lexicon concepts inside it. Also (term, head concept) pairs: "graph neural network"
    and the "neural network" it ends with."""
    from rapidfuzz import fuzz

    def accept(c: TermCandidate) -> bool:
        m = c.span
        if any(
            fuzz.ratio(c.key, name.lower()) >= VARIANT_RATIO
            for s in c.inner
            if s.mention.lexicon_id
            for name in lexicon.names(s.mention.lexicon_id)
        ):
            return False  # the lexicon concept written another way
        return not any(
            s not in c.inner and s.token_start < m.token_end and m.token_start < s.token_end
            for s in spans
        )

    kept: list[SpanMention] = []
    replaced: set[SpanMention] = set()
    narrower: list[tuple[SpanMention, SpanMention]] = []
    for phrase in phrases:
        for c in choose_terms(phrase, terms, accept, counts):
            kept.append(c.span)
            replaced.update(c.inner)
            narrower.extend((c.span, s) for s in c.inner if s.token_end == c.span.token_end)
    spans = [s for s in spans if s not in replaced] + kept
    return sorted(spans, key=lambda s: s.token_start), narrower


def _broader_than_heads(transcript: Transcript, sentence: Sentence, pairs):
    """``skos:broader`` from a specific term to the lexicon concept it is a kind of."""
    evidence = unit_evidence(transcript, sentence, "term:head", 0.9)
    for term, head in pairs:
        yield RelationCandidate(term.mention, "broader", head.mention, "typed", evidence)


def _full_person_names(transcript: Transcript, units, lexicon: Lexicon) -> dict[str, str]:
    """People introduced with a full name (in the text, the speaker labels or the sidecar):
    each written form mapped to the person it names."""
    names = {}
    for name in sorted(transcript.speaker_names()):
        entry = lexicon.lookup(name)
        names[name] = entry.label if entry else name
    for _, _, spans, _ in units:
        for s in spans:
            m = s.mention
            if m.type != "Person":
                continue
            if m.lexicon_id:
                label = lexicon.entries[m.lexicon_id].label
                names[label] = label
                names[m.surface] = label
            elif len(m.surface.split()) >= 2:
                names.setdefault(m.surface, m.surface)
    return names


def _organisation_first_words(units, lexicon: Lexicon) -> dict[str, str]:
    """First words of the multi-word organisation names of a transcript that name only
    one of them and are no common word, given name, place or acronym, mapped to that
    name ("Lumen" -> "Lumen Robotics"; not "IIT" -> "IIT Bombay", a branch of an
    organisation named by its acronym); so are the words before "of" of one such name
    ("Paris School" -> "Paris School of Medicine")."""
    owners: dict[str, set[str]] = {}
    for _, _, spans, _ in units:
        for s in spans:
            m = s.mention
            words = m.surface.split()
            if m.type != "Organization" or len(words) < 2:
                continue
            if " of " in m.surface and len(m.surface.split(" of ")[0].split()) >= 2:
                # "Paris School" after "Paris School of Medicine"
                owners.setdefault(m.surface.split(" of ")[0], set()).add(m.surface)
            first = words[0]
            if (
                first[:1].isupper()
                and not first.isupper()
                and first.isalpha()
                and first.lower() not in lexicon.given_names
                and not is_common_word(first)
            ):
                owners.setdefault(first, set()).add(m.surface)
    return {w: next(iter(names)) for w, names in owners.items() if len(names) == 1}


def _short_organisation_names(units, short: dict[str, str]):
    """An organisation introduced by a multi-word name is often then called by its first
    word ("Lumen Robotics" ... "we started Lumen"), which NER types at random: such a
    one-word name is that organisation, and its ``norm`` is the full name the resolver
    keys it by."""
    if not short:
        return units

    def retyped(s: SpanMention) -> SpanMention:
        m = s.mention
        if m.source == "ner" and m.surface in short and m.type in _RETYPABLE:
            mention = replace(m, type="Organization", norm=short[m.surface])
            return SpanMention(mention, s.token_start, s.token_end)
        return s

    return [(sent, doc, [retyped(s) for s in spans], c) for sent, doc, spans, c in units]


_RETYPABLE = frozenset({"Person", "Product", "Work", "Organization"})


def _types_of_introduced_names(units):
    """A name the speaker introduced as a kind of thing ("a model called Lark") is that
    kind wherever it is said in the transcript, whatever NER made of it elsewhere."""
    introduced: dict[str, str] = {}
    for _, doc, spans, _ in units:
        for s in spans:
            etype = introduced_type(doc, s.token_start) if s.mention.source == "ner" else None
            if etype is not None:
                introduced.setdefault(name_key(s.mention.surface), etype)
    if not introduced:
        return units

    def retyped(s: SpanMention) -> SpanMention:
        m = s.mention
        if m.source != "ner":
            return s
        # the name itself, or a longer name it begins ("Lark Mini" after "Lark")
        etype = introduced.get(name_key(m.surface)) or introduced.get(
            name_key(m.surface.split()[0])
        )
        if etype is None or etype == m.type:
            return s
        return SpanMention(replace(m, type=etype), s.token_start, s.token_end)

    return [(sent, doc, [retyped(s) for s in spans], c) for sent, doc, spans, c in units]


def _types_from_context(units, parts: dict[str, str], given_names: frozenset[str]):
    """The type the words around a statistical name's mentions give it (see
    :func:`.entities.context_type`: "the CEO of X", "their X file management product",
    "companies like X") or the lexicon's names it is listed with ("Google and X"), for
    all its mentions in the transcript, when one type has more
    such mentions than any other. NER's type of a name it never saw is close to a
    guess; people named (given name first, or a part of a full name) keep theirs."""
    votes: dict[str, Counter] = {}
    # the words of every statistical name, by first word: where NER did not tag a
    # name it tagged elsewhere ("we launched X as ..."), the context still counts
    names: dict[str, set[tuple[str, ...]]] = {}
    organizations = set()  # names NER calls an organisation somewhere
    for _, _, spans, _ in units:
        for s in spans:
            if s.mention.source == "ner":
                words = tuple(s.mention.surface.lower().split())
                names.setdefault(words[0], set()).add(words)
                if s.mention.type == "Organization":
                    organizations.add(_vote_key(s.mention.surface))
    for _, doc, spans, _ in units:
        found = {(s.token_start, s.token_end) for s in spans if s.mention.source == "ner"}
        taken = {k for s in spans for k in range(s.token_start, s.token_end)}
        toks = tokens(doc)  # the Doc's token list, made once per Doc
        for token in toks:
            if token.i in taken or token.lower_ not in names or not token.text[:1].isupper():
                continue
            for words in sorted(names[token.lower_]):
                end = token.i + len(words)
                if tuple(t.lower_ for t in toks[token.i : end]) == words and not any(
                    k in taken for k in range(token.i, end)
                ):
                    found.add((token.i, end))
        known = {
            k: s.mention.type
            for s in spans
            if s.mention.source == "lexicon" and s.mention.type != "Concept"
            for k in range(s.token_start, s.token_end)
        }
        for start, end in sorted(found):
            key = _vote_key(doc[start:end].text)
            etype = context_type(doc, start, end, key in organizations) or coordinated_type(
                doc, start, end, known
            )
            if etype is not None:
                votes.setdefault(key, Counter())[etype] += 1
    # a name its head noun typed ("the helsinki conference") keeps that type
    headed = {
        _vote_key(s.mention.surface)
        for _, doc, spans, _ in units
        for s in spans
        if institution_name(doc, s.token_start, s.token_end)
    }
    decided = {}
    for key, counts in votes.items():
        if key in headed:
            continue
        ranked = counts.most_common()
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            decided[key] = ranked[0][0]
    if not decided:
        return units

    def retyped(s: SpanMention) -> SpanMention:
        m = s.mention
        etype = decided.get(_vote_key(m.surface)) if m.source == "ner" else None
        if etype is None or etype == m.type:
            return s
        words = m.surface.split()
        if m.type == "Person" and (
            words[0].lower() in given_names or name_part(parts, m.surface) is not None
        ):
            return s
        return SpanMention(replace(m, type=etype), s.token_start, s.token_end)

    return [(sent, doc, [retyped(s) for s in spans], c) for sent, doc, spans, c in units]


#: Types NER gives a given name it reads as a person elsewhere in the transcript: a
#: place keeps its type ("Austin" the city beside Austin the man).
_NOT_PEOPLE_TYPES = frozenset({"Organization", "Product", "Work"})


def _given_names_as_people(units, given_names: frozenset[str]):
    """A given name said alone that NER calls a person somewhere in the transcript is a
    person wherever it calls it an organisation, a product or a work ("when kamala and
    i came to office" a person, "kamala and i are making sure" an organisation): one
    word, one person, one type."""
    people = {
        s.mention.surface.lower()
        for _, _, spans, _ in units
        for s in spans
        if s.mention.type == "Person" and " " not in s.mention.surface
    } & given_names
    if not people:
        return units

    def retyped(s: SpanMention) -> SpanMention:
        m = s.mention
        if m.source != "ner" or m.type not in _NOT_PEOPLE_TYPES or m.surface.lower() not in people:
            return s
        return SpanMention(replace(m, type="Person"), s.token_start, s.token_end)

    return [(sent, doc, [retyped(s) for s in spans], c) for sent, doc, spans, c in units]


def _called_on_by_name(s: SpanMention, doc, given_names: frozenset[str]) -> bool:
    """A given name NER found that makes up its sentence alone ("Walt.", "Helen?"): a
    person given the floor (:func:`.entities.called_on`), whatever NER's type (it calls
    "Helen" a place)."""
    return known_given_name(s.mention.surface, given_names) and called_on(
        doc, s.token_start, s.token_end
    )


def _vote_key(surface: str) -> str:
    """The key a name's context votes are pooled under: its :func:`name_key` without a
    leading "the" ("a TV called The Frame" and "buy the Frame" are one name; NER tags
    the article in one mention and not in the next, and the votes of both must count
    together, or the untagged form keeps NER's guess)."""
    words = surface.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return name_key(words)


def _known_person(s: SpanMention, parts: dict[str, str]) -> bool:
    """A person's mention that needs no support: a lexicon person, a name of several
    words, or a part of a full name the transcript introduced."""
    m = s.mention
    return m.type == "Person" and (
        m.lexicon_id is not None
        or len(m.surface.split()) > 1
        or name_part(parts, m.surface) is not None
    )


#: One-word names NER types reliably enough, in a cased transcript, to keep when said
#: once ("Bangalore", "Autodesk", "GitHub"); a one-word person said once is typed at
#: random by the small model (corpus judgement: "AdSense", "Helion" as people): it must
#: recur; so must a work or event of one word ("PhD" as a work).
def _without_common_noun_acronyms(units, lexicon: Lexicon):
    """The units without NER's organisations that are acronyms the transcript uses as
    common nouns ("an RPC", "my SPA", "RFCs"; see :func:`.entities.common_noun_acronyms`)
    or WordNet lists as common nouns of the trade ("CPU", "HTML"; see
    :func:`.entities.common_noun_in_wordnet`), or plurals of either ("HTLCs"):
    words of the trade in capitals, left to the concept statistics; and their spelled
    out forms ("Remote Procedure Call"), common nouns too."""
    suspects = {
        s.mention.surface
        for _, _, spans, _ in units
        for s in spans
        if s.mention.source == "ner"
        and s.mention.type == "Organization"
        and s.token_end - s.token_start == 1
        and (s.mention.surface.isupper() or _plural_acronym(s.mention.surface))
    }
    if not suspects:
        return units
    common = common_noun_acronyms((d for _, d, _, _ in units), lexicon)
    # a plural acronym ("HTLCs", "RFCs") is a common noun's plural: no one organisation;
    # one WordNet lists as a thing of the trade ("CPU", "HTML") is a common noun anywhere
    common = {
        a
        for a in suspects
        if a in common
        or _plural_acronym(a) in common
        or common_noun_in_wordnet(_plural_acronym(a) or a, lexicon)
    }
    if not common:
        return units
    return [
        (
            sent,
            doc,
            [
                s
                for s in spans
                if not (
                    s.mention.source == "ner"
                    and s.mention.type == "Organization"
                    and (s.mention.surface in common or _initials(s.mention.surface) in common)
                )
            ],
            cands,
        )
        for sent, doc, spans, cands in units
    ]


def _plural_acronym(surface: str) -> str:
    """The acronym ``surface`` is the plural of ("HTLCs": "HTLC"), or ""."""
    found = ACRONYM_PLURAL.fullmatch(surface)
    return found.group(1) if found is not None else ""


def _initials(surface: str) -> str:
    """The capitals a name of several words makes ("Remote Procedure Call": "RPC");
    "" for one word."""
    words = surface.split()
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


ONCE_TRUSTED_TYPES = frozenset({"Place", "Organization", "Product"})


def _drop_unsupported_names(
    units,
    parts: dict[str, str],
    short_names: dict[str, str],
    trust_case: bool = False,
    surnames: frozenset[str] = frozenset(),
    given_names: frozenset[str] = frozenset(),
):
    """Statistical NER on speech invents one-off names from single words; a one-word
    name that neither the lexicon nor a full name supports must recur to be kept,
    unless the transcript is cased and the name is capitalised in mid-sentence, where
    a capital is evidence enough ("Turing", "Fukuyama" said once; a given name NER
    calls a person: "Valentina and I")."""
    counts: Counter = Counter()
    for _, _, spans, _ in units:
        counts.update(name_key(s.mention.surface) for s in spans if s.mention.source == "ner")

    def supported(s: SpanMention, doc, spans: list[SpanMention]) -> bool:
        m = s.mention
        if m.source != "ner" or len(m.surface.split()) > 1:
            return True
        if introduced_by_name(doc, s.token_start):
            return True  # "a model called Kestrel"
        if institution_name(doc, s.token_start, s.token_end):
            return True  # "ambassadors harriman davies and pauley": a title says who
        if (
            trust_case
            and m.type in ONCE_TRUSTED_TYPES
            # an acronym NER calls a product is as often a field's abbreviation
            and not (m.type == "Product" and m.surface.isupper())
            and m.surface[:1].isupper()
            and mid_sentence(doc, s.token_start)
        ):
            return True
        if m.type == "Person" and name_part(parts, m.surface) is not None:
            return True
        if trust_case and _brand_said_once(s, doc):
            return True  # "on SourceForge", "why AdSense": a brand's name, said once
        if trust_case and m.type in ONCE_TRUSTED_TYPES and brand_cased(m.surface):
            return True  # "a tool for thought on iPad": no English word is spelt so
        if m.type == "Place" and gazetteer_vouches(doc, s.token_start, s.token_end):
            return True  # "lived in vienna", "in geneva": a place of GeoNames, said once
        if m.type == "Person" and after_title(doc, s.token_start, surnames):
            return True  # "chancellor kohl", "President Okafor": a title says who
        if (
            m.type == "Person"
            and trust_case
            and m.surface.lower() in given_names
            and m.surface[:1].isupper()
            and mid_sentence(doc, s.token_start)
        ):
            return True  # "Valentina and I": a given name, capitalised, NER's person
        if trust_case and _called_on_by_name(s, doc, given_names):
            return True  # "Helen.": a reporter called on, said once
        if m.type == "Person" and trust_case and acts_as_person(doc, s.token_start):
            return True  # "Fukuyama argued", "the mathematician Turing"
        if (
            m.type == "Person"
            and trust_case
            and m.surface[:1].isupper()
            and leads_a_government(doc, s.token_start)
        ):
            return True  # "the Zelenskyy administration"
        if (
            m.type == "Person"
            and trust_case
            and mid_sentence(doc, s.token_start)
            and listed_with_people(doc, s, [x for x in spans if _known_person(x, parts)])
        ):
            return True  # "in the style of Cormac McCarthy or X"
        if name_type((m.surface.lower(),)) == m.type:
            # "galen", "khrushchev", "Mozart is a name that springs to mind": a named
            # individual of WordNet, of the type NER gives, said once
            return True
        if m.type == "Person" and m.surface.isupper() and acronym_of_a_person(m.surface.lower()):
            return True  # "like JFK": a person WordNet knows by the acronym, said once
        if m.type in ("Place", "Work") and s.token_start > 0:
            before = doc[s.token_start - 1].lower_
            if sea_without_head([before, m.surface.lower()], 1):
                # "across the atlantic": a sea, said once; "an article in the atlantic":
                # the magazine of that name (see entities._written_in)
                return True
        if m.type == "Place" and place_among_places(doc, s.token_start, s.token_end, given_names):
            return True  # "the danube the rhine": a river in a list of places, said once
        if m.type == "Person" and owns_an_idea(doc, s.token_start):
            return True  # "darwin's theory"
        if m.type == "Person" and m.surface.islower() and speaks_as_person(doc, s.token_start):
            return True  # "galen taught", "according to vesalius"
        if m.type == "Organization" and m.surface.islower() and works_at(doc, s.token_start):
            return True  # "an engineer at deepmind"
        if m.type == "Organization" and m.surface.islower() and named_firm(doc, s.token_start):
            return True  # "the krupp company"
        if m.surface in short_names:
            return True  # "Halcyon" after "Halcyon Robotics"
        if listed_before_others(doc, s.token_start, s.token_end) == m.type:
            return True  # "okafor lindqvist and other leaders"
        if (
            trust_case
            and m.surface[:1].isupper()
            and mid_sentence(doc, s.token_start)
            and context_type(doc, s.token_start, s.token_end) == m.type
        ):
            return True  # "their WorkDocs file management product", "the CEO of Autodesk"
        return counts[name_key(m.surface)] >= 2

    def typed(s: SpanMention, doc) -> SpanMention:
        """A brand's name NER called a person, typed as the product it is."""
        if trust_case and counts[name_key(s.mention.surface)] < 2 and _brand_said_once(s, doc):
            return SpanMention(replace(s.mention, type="Product"), s.token_start, s.token_end)
        if s.mention.type != "Person" and trust_case and _called_on_by_name(s, doc, given_names):
            return SpanMention(replace(s.mention, type="Person"), s.token_start, s.token_end)
        return s

    return [
        (sent, doc, [typed(s, doc) for s in spans if supported(s, doc, spans)], cands)
        for sent, doc, spans, cands in units
    ]


def _brand_said_once(s: SpanMention, doc) -> bool:
    """NER's one-word person in mid-sentence of a cased transcript that is written as a
    brand: capitalised words run together ("SourceForge", "AdSense"; see
    :func:`.entities.brand_word`). A person's name has that shape only after a
    surname prefix ("McCarthy", "LeCun"), which :func:`brand_word` leaves out, so the
    word names a product or a service, said once or not."""
    m = s.mention
    return (
        m.type == "Person"
        and m.source == "ner"
        and brand_word(m.surface)
        and mid_sentence(doc, s.token_start)
    )
