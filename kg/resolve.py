"""Resolution: one node per real-world thing, within and across transcripts.

Mentions are mapped to canonical keys in this order: a lexicon entry (matched at
extraction); the lexicon again by exact normalised name (speaker names, NER spans);
a fuzzy match of an ASR variant against the lexicon's names of the same kind
(``Settings.fuzzy_threshold``, measured in ``bench/fuzzy_threshold.py``); a first name or
surname alone to the one full name introduced in the same transcript (in the text,
the speaker labels or the sidecar); acronyms to the multi-word term they abbreviate;
and otherwise a normalised form of the name. The canonical label is the lexicon's,
else the most frequent written form. Every surface form becomes an alias.

Each name of an entity records the rule that attached it and what it matched
(:class:`~kg.model.NameOrigin`: the lexicon entry, the fuzzy score, the full name a first
name stands for...), and each entity why it has its type (lexicon, the votes of its
mentions, being a speaker), so ``kg explain`` can say why "Jeff" is Geoffrey Hinton. The
user's corrections (:mod:`kg.curation`) are applied here, to the keys of the mentions,
never to the cached extractions.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

import jellyfish
from rapidfuzz import fuzz, process

from .config import Settings
from .curation import Curation
from .extract import Extraction
from .labels import written_form
from .lexicon import (
    Lexicon,
    given_name_short_forms,
    name_part,
    phonetic_key,
    plural_of_entry,
    same_given_name,
)
from .model import (
    ENTITY_TYPES,
    NAME_RULES,
    Correction,
    Entity,
    Evidence,
    Mention,
    NameOrigin,
    Relation,
    RelationCandidate,
    Transcript,
    UnresolvedRelation,
)
from .ontology import RELATION_SIGNATURES, slugify
from .splits import NamedTerm, Route, named_terms, short_forms, spacing_variants

__all__ = ["resolve", "Resolution", "RELATION_SIGNATURES"]

TEXTUAL_SOURCES = ("lexicon", "ner", "concept")


_FAMILIES = {
    "Person": "person",
    "Organization": "org",
    "Product": "org",
    "Place": "place",
    "Work": "work",
    "Event": "event",
    "Concept": "concept",
}


def _plain(surface: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", surface.casefold()).split())


def fuzzy_compatible(a: str, b: str) -> bool:
    """Two names may be fuzzy variants only if they carry the same numbers
    ("Claude Sonnet 4" is not "Claude Sonnet", GPT-3 is not GPT-4)."""
    return re.findall(r"\d+", a) == re.findall(r"\d+", b)


#: Names shorter than this (letters) are not matched by sound: too many collide.
PHONETIC_MIN_LETTERS = 6
#: A one-word name is matched by sound only from this length ("Sutskiver"): shorter
#: ones are first names and surnames the transcript's own people resolve first.
PHONETIC_MIN_SINGLE = 8
#: Jaro-Winkler similarity two names that sound alike must also reach (measured on the
#: ASR variants of tests/test_resolve_sounds.py: true pairs >= 0.86, "Hinton"/"Hanson" 0.80).
PHONETIC_MIN_SIMILARITY = 0.85


def _metaphone(word: str) -> str:
    return jellyfish.metaphone(word)


def _first_sound(plain: str) -> str:
    return _metaphone(plain.split()[-1])[:1]


def sounds_like(a: str, b: str) -> bool:
    """Two names (lowercase, same number of words) are ASR variants of one name: every
    pair of words sounds the same by Metaphone, or differs by one sound in one word
    ("satsgever"/"sutskever"), and the names are close as strings (Jaro-Winkler)."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or a == b:
        return a == b
    if fuzzy_compatible(a, b) is False:
        return False
    edits = 0
    for x, y in zip(wa, wb, strict=True):
        kx, ky = _metaphone(x), _metaphone(y)
        if kx != ky:
            if (
                min(len(x), len(y)) < PHONETIC_MIN_SINGLE - 1
                or jellyfish.levenshtein_distance(kx, ky) > 1
                or jellyfish.jaro_winkler_similarity(x, y) < PHONETIC_MIN_SIMILARITY
            ):
                return False  # one sound of slack only in a long word ("satsgever")
            edits += 1
    return edits <= 1 and jellyfish.jaro_winkler_similarity(a, b) >= PHONETIC_MIN_SIMILARITY


#: Two names of one transcript are one person's only if at least this long (letters):
#: short names collide ("Dan"/"Don").
SAME_SOUND_MIN_LETTERS = 6


def _same_sound(a: str, b: str) -> bool:
    """Two people's names of one transcript are one name heard two ways: long enough,
    the same first word if they have several (a surname heard wrong, not two people
    who share it), and sounding alike (:func:`sounds_like`)."""
    if min(len(a.replace(" ", "")), len(b.replace(" ", ""))) < SAME_SOUND_MIN_LETTERS:
        return False
    wa, wb = a.split(), b.split()
    if len(wa) > 1 and wa[0] != wb[0]:
        return False
    return sounds_like(a, b)


def _short_given_name(a: str, b: str) -> bool:
    """Two people's names of one transcript are one person's, once with a short form of
    the given name: the same surname and middle words, and given names of which one is
    a short form of the other ("greg kurtzer", "gregory kurtzer";
    :func:`~kg.lexicon.same_given_name`)."""
    wa, wb = a.split(), b.split()
    return (
        len(wa) == len(wb) >= 2
        and wa[1:] == wb[1:]
        and wa[0] != wb[0]
        and (same_given_name(wa[0], wb[0]) or _given_name_spelt_two_ways(wa[0], wb[0]))
    )


def _given_name_spelt_two_ways(x: str, y: str) -> bool:
    """One given name written two ways by a transcriber ("sandi"/"sandy", "jon"/"john",
    "katharine"/"catherine"): the same Metaphone key and close as strings; "dan"/"don"
    sound alike but are two names (Jaro-Winkler 0.82)."""
    return (
        x.isalpha()
        and y.isalpha()
        and _metaphone(x) == _metaphone(y)
        and jellyfish.jaro_winkler_similarity(x, y) >= PHONETIC_MIN_SIMILARITY
    )


def _sound_index(lexicon: Lexicon) -> dict[tuple[int, str], list[tuple[str, str]]]:
    """Lexicon names of people, organisations and products by (word count, first sound
    of the last word), for :meth:`_Resolver.phonetic_match`."""
    index: dict[tuple[int, str], list[tuple[str, str]]] = defaultdict(list)
    for entry in sorted(lexicon.entries.values(), key=lambda e: e.id):
        if entry.type not in ("Person", "Organization", "Product"):
            continue
        for name in lexicon.names(entry.id):
            plain = _plain(name)
            if len(plain.replace(" ", "")) >= PHONETIC_MIN_LETTERS and plain.isascii():
                index[(len(plain.split()), _first_sound(plain))].append((plain, entry.id))
    return index


@dataclass(frozen=True)
class Resolution:
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    #: the user's corrections that changed this build, and one line per entry that could not
    corrections: tuple[Correction, ...] = ()
    problems: tuple[str, ...] = ()
    #: typed candidates with an ungrounded pronoun at one end (not edges)
    unresolved: tuple[UnresolvedRelation, ...] = ()


class _Resolver:
    def __init__(self, lexicon: Lexicon, settings: Settings):
        self.lexicon = lexicon
        self.settings = settings
        self.cache: dict[tuple, str] = {}
        self.choices: dict[str, dict[str, str]] = defaultdict(dict)
        for entry in lexicon.entries.values():
            for name in lexicon.names(entry.id):
                if len(name) >= 5:
                    self.choices[_FAMILIES[entry.type]].setdefault(_plain(name), entry.id)
        self.first_names: dict[str, dict[str, str]] = {}  # transcript -> token -> key
        self.full_labels: dict[str, str] = {}  # key -> the full name that introduced it
        self.scopes: dict[str, str] = {}  # transcript -> its show (sidecar source) or itself
        self.sounds: dict[tuple[int, str], list[tuple[str, str]]] | None = None
        #: transcript -> person key -> the key of the person of that transcript it
        #: sounds like ("doug leonio" -> "doug leone"), said more often
        self.same_person: dict[str, dict[str, str]] = {}
        #: transcript -> word -> key of the person said as that bare lowercase word
        self.people_words: dict[str, dict[str, str]] = {}
        #: transcript -> term -> the named entity said with the same words (:mod:`.splits`)
        self.named_terms: dict[str, dict[str, NamedTerm]] = {}

    def base_key(self, m: Mention) -> str:
        return self.base_rule(m)[0]

    def base_rule(self, m: Mention) -> tuple[str, str, str]:
        """The key of a mention before first names are looked up, with the rule that
        found it and its detail (see :data:`kg.model.NAME_RULES`)."""
        if m.lexicon_id:
            return "lex:" + m.lexicon_id, "lexicon", f"a name of lexicon entry {m.lexicon_id}"
        if m.source == "concept":
            entry = self.lexicon.lookup(m.norm or m.surface)
            if entry and not plural_of_entry(m.surface, entry):
                return "lex:" + entry.id, "lexicon", f"a name of lexicon entry {entry.id}"
            term = m.norm or _plain(m.surface)
            return "concept:" + term, "concept", f"the term '{term}'"
        name = m.norm or m.surface  # a short name's norm is the full one ("Lumen Robotics")
        cache_key = (name, m.type)
        found = self.cache.get(cache_key)
        if found is None:
            found = self.cache[cache_key] = self._name_rule(name, m.type)
        return found

    def _name_key(self, surface: str, etype: str) -> str:
        return self._name_rule(surface, etype)[0]

    def _name_rule(self, surface: str, etype: str) -> tuple[str, str, str]:
        entry = self.lexicon.lookup(surface)
        if entry is not None:
            return "lex:" + entry.id, "lexicon", f"a name of lexicon entry {entry.id}"
        plain = _plain(surface)
        family = _FAMILIES.get(etype, "concept")
        phonetic = self._phonetic(plain, etype)
        if phonetic is not None:
            entry_id, name = phonetic
            return "lex:" + entry_id, "sound-alike", f"sounds like '{name}' (lexicon {entry_id})"
        if len(plain) >= 6 and " " in plain or len(plain) >= 8:
            best = process.extractOne(
                plain,
                [c for c in self.choices[family] if fuzzy_compatible(plain, c)],
                scorer=fuzz.ratio,
                score_cutoff=self.settings.fuzzy_threshold,
            )
            if best is not None:
                entry_id = self.choices[family][best[0]]
                return (
                    "lex:" + entry_id,
                    "fuzzy",
                    f"ratio {best[1]:.1f} to '{best[0]}' (lexicon {entry_id}; "
                    f"threshold {self.settings.fuzzy_threshold:g})",
                )
        return "name:" + plain, "name", f"the name '{plain}'"

    def phonetic_match(self, plain: str, etype: str) -> str | None:
        """The lexicon entry (id) a name of a person, organisation or product sounds
        like, whatever type NER gave it ("Sutskiver" tagged ORG is Ilya Sutskever's
        surname heard wrong): see :func:`sounds_like`."""
        found = self._phonetic(plain, etype)
        return found[0] if found else None

    def _phonetic(self, plain: str, etype: str) -> tuple[str, str] | None:
        """:meth:`phonetic_match` with the lexicon name it sounds like."""
        if etype == "Concept" or len(plain.replace(" ", "")) < PHONETIC_MIN_LETTERS:
            return None
        if " " not in plain and len(plain) < PHONETIC_MIN_SINGLE:
            return None  # "Cormac" is someone's first name, not Carmack heard wrong
        if self.sounds is None:
            self.sounds = _sound_index(self.lexicon)
        words = plain.split()
        found: dict[str, str] = {}
        for name, entry_id in self.sounds.get((len(words), _first_sound(plain)), ()):
            if entry_id not in found and sounds_like(plain, name):
                found[entry_id] = name
        return next(iter(found.items())) if len(found) == 1 else None

    def key(self, m: Mention) -> str:
        return self.key_rule(m)[0]

    def key_rule(self, m: Mention) -> tuple[str, str, str]:
        """The mention's key with the rule that attached it and the rule's detail."""
        key, rule, detail = self._key_rule(m)
        tid = m.transcript_id
        if m.type == "Person" and key in self.same_person.get(tid, {}):
            target = self.same_person[tid][key]
            return target, "sound-alike", f"sounds like '{target[5:]}', said in {tid}"
        if m.source == "concept" and key.startswith("concept:"):
            person = self.people_words.get(tid, {}).get(key[8:])
            if person is not None:
                return person, "name", f"the person '{key[8:]}' said in {tid}"
            named = self.named_terms.get(tid, {}).get(key[8:])
            if named is not None:
                return named.key, "name", f"the {named.type} '{key[8:]}' named in {tid}"
        return key, rule, detail

    def learn_transcript_people(
        self, transcript_id: str, mentions: Iterable[Mention], speakers: Iterable[str] = ()
    ) -> None:
        """Index the people of one transcript by their own names, for :meth:`key_rule`:
        a person's name that sounds like another person's name of the same transcript
        is that person heard another way (the one said more often keeps the name; ASR
        spells one name several ways: "leonio", "leone"), and so is the name said with
        a short form of the given name ("Greg Kurtzer" beside "Gregory Kurtzer", or
        beside the speaker labelled so); and a bare lowercase word said as a person
        ("pastor wrote") is that person where the term statistics counted the same word
        as a concept (lowercase speech does not tell them apart)."""
        counts: Counter = Counter()
        for m in mentions:
            if m.type == "Person" and m.source != "speaker":
                key = self._key_rule(m)[0]
                if key.startswith("name:") and "@" not in key:
                    counts[key] += 1
        ranked = sorted(counts, key=lambda k: (-counts[k], k))
        same: dict[str, str] = {}
        labels = sorted({self._name_key(name, "Person") for name in speakers})
        for key in ranked:  # "Greg Kurtzer" said by the speaker labelled "Gregory Kurtzer"
            labelled = [
                k for k in labels if k.startswith("name:") and _short_given_name(k[5:], key[5:])
            ]
            if len(labelled) == 1:
                same[key] = labelled[0]
        for i, key in enumerate(ranked):
            if key in same:
                continue
            for other in ranked[i + 1 :]:
                if other not in same and (
                    _same_sound(key[5:], other[5:]) or _short_given_name(key[5:], other[5:])
                ):
                    same[other] = key
        self.same_person[transcript_id] = same
        words: dict[str, str] = {}
        for m in mentions:
            plain = _plain(m.surface)
            if m.type == "Person" and m.surface.islower() and plain.isalpha():
                key = self._key_rule(m)[0]
                words.setdefault(plain, same.get(key, key))
        self.people_words[transcript_id] = words

    def _key_rule(self, m: Mention) -> tuple[str, str, str]:
        key, rule, detail = self.base_rule(m)
        # a word written in capitals ("SEP", "CMC") is an abbreviation, never the first
        # name of someone introduced or of the lexicon ("Sepp"), however it sounds
        written_as_acronym = len(m.surface) > 1 and m.surface.isupper()
        if (
            m.type == "Person"
            and key.startswith("name:")
            and " " not in key[5:]
            and not written_as_acronym
        ):
            sound = phonetic_key(key[5:])
            known = self.first_names.get(m.transcript_id, {}).get(sound)
            if known:
                full = self.full_labels.get(known, known)
                return (
                    known,
                    "first-name",
                    f"first name or surname of '{full}', introduced in {m.transcript_id}",
                )
            person = name_part(self.lexicon.first_names, key[5:])
            if person and _place_not_spelt_as(self.lexicon.first_names, key[5:]):
                person = None  # "Lyon" sounds like Llion (Jones) but is a city
            entry = self.lexicon.lookup(person) if person else None
            if entry is not None:
                return (
                    "lex:" + entry.id,
                    "field-first-name",
                    f"the one person of the lexicon called '{key[5:]}' ({entry.id})",
                )
            if key[5:] in self.lexicon.given_names:
                # a first name alone that names no one introduced: the "Adam" of one
                # show is not the "Adam" of another (a show: the sidecar's source)
                scope = self.scopes.get(m.transcript_id, m.transcript_id)
                return f"{key}@{scope}", "given-name", f"said alone: one person per show ({scope})"
        return key, rule, detail

    def learn_full_names(
        self, transcript_id: str, keys_and_labels: Iterable[tuple[str, str]]
    ) -> None:
        """Index the full person names of a transcript by first name and surname; a
        token shared by two different people is ambiguous and maps to neither. A short
        form of a first name ("Greg" for "Gregory Kurtzer") maps to its person too, where
        no one's own first name or surname is that word and only one person's first
        name has it."""
        index: dict[str, set[str]] = defaultdict(set)
        short: dict[str, set[str]] = defaultdict(set)
        for key, label in keys_and_labels:
            words = label.split()
            if len(words) < 2:
                continue
            for token in (words[0], words[-1]):
                index[phonetic_key(token)].add(key)
            for form in given_name_short_forms(words[0]):
                short[phonetic_key(form)].add(key)
            if len(label) > len(self.full_labels.get(key, "")):
                self.full_labels[key] = label
        for sound, keys in short.items():
            if sound not in index:
                index[sound] = keys
        self.first_names[transcript_id] = {
            t: next(iter(ks)) for t, ks in index.items() if len(ks) == 1
        }


def resolve(
    transcripts: Iterable[Transcript],
    extractions: Iterable[Extraction],
    lexicon: Lexicon,
    settings: Settings,
    curation: Curation | None = None,
) -> Resolution:
    """Entities and relations of the whole build from per-transcript extractions, with
    the user's corrections (``curation``, :mod:`kg.curation`) applied."""
    transcripts = {t.id: t for t in transcripts}
    extractions = sorted(extractions, key=lambda e: e.transcript_id)
    r = _Resolver(lexicon, settings)
    r.scopes = {tid: t.meta.source or tid for tid, t in transcripts.items()}

    # full names introduced per transcript: persons named in the text, labels and sidecar
    speakers_of: dict[str, frozenset[str]] = {}
    for ex in extractions:
        t = transcripts[ex.transcript_id]
        names = [m for m in ex.mentions if m.type == "Person"]
        speakers = speakers_of[t.id] = t.speaker_names()
        pairs = []
        for m in names:
            key = r.base_key(m)
            label = lexicon.entries[key[4:]].label if key.startswith("lex:") else m.surface
            pairs.append((key, label))
            pairs.append((key, m.surface))
        for name in sorted(speakers):
            key = r._name_key(name, "Person")
            pairs.append((key, lexicon.entries[key[4:]].label if key.startswith("lex:") else name))
        r.learn_full_names(t.id, sorted(set(pairs)))

    for ex in extractions:
        r.learn_transcript_people(
            ex.transcript_id, ex.mentions, speakers_of.get(ex.transcript_id, ())
        )
        r.named_terms[ex.transcript_id] = named_terms(
            ex.mentions, r.key, transcripts[ex.transcript_id].text
        )

    keyed = []  # (mention, key, rule, detail)
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for ex in extractions:
        for m in ex.mentions:
            found = r.key_rule(m)
            if m.type == "Concept" and not found[0].startswith("concept:"):
                named = r.named_terms.get(m.transcript_id, {}).get(m.norm or _plain(m.surface))
                if named is not None and named.key == found[0]:
                    m = replace(m, type=named.type)  # a term that is a name of the transcript
                elif found[0].startswith("name:"):
                    m = replace(m, type="Person")  # a term that is a person's bare name
            keyed.append((m, *found))
            grouped[found[0]].append(m)
    speakers = []  # (name, transcript id, pseudo-mention, key, rule, detail)
    for t in sorted(transcripts.values(), key=lambda t: t.id):
        names = t.speaker_names()
        for name in sorted(names):
            pseudo = Mention(t.id, 0, 0, 0, 0, name, "Person", "speaker")
            key, rule, detail = r.key_rule(pseudo)
            how = f"speaks in {t.id}" + (f"; {rule}: {detail}" if rule != "name" else "")
            speakers.append((name, t.id, pseudo, key, "speaker", how))
            grouped.setdefault(key, [])

    merges = _Merges.of(keyed, speakers, grouped)
    plan = None
    if curation is not None and curation.entries:
        # the corrections name entities of the graph as it would be without them
        first = _group(keyed, speakers, merges, None)
        entities0, slug_of0 = _entities(*first, lexicon)
        plan = curation.plan(entities0, slug_of0, first[0], transcripts)
    grouping = _group(keyed, speakers, merges, plan)
    entities, slug_of = _entities(*grouping, lexicon, plan.fixed if plan else {})
    if plan is not None:
        entities = plan.apply_to_entities(entities, slug_of)

    def slug(m: Mention) -> str | None:
        key = r.key(m)
        route = merges.route(m.transcript_id, key)
        key = route.target if route is not None else key
        if plan is not None:
            key = plan.route(m, key)[0]
        return slug_of.get(key) if key is not None else None

    types = {e.key: e.type for e in entities}
    groups: dict[tuple, list] = defaultdict(list)
    unresolved: dict[tuple, UnresolvedRelation] = {}
    for ex in extractions:
        for cand in ex.relations:
            if cand.kind == "unresolved":
                u = _unresolved(cand, slug, types)
                if u is not None:  # "I did my PhD with X": one candidate, at "I"
                    key = (ex.transcript_id, u.evidence.char_start, u.predicate, u.entity)
                    key += (u.unresolved_end,)
                    if key not in unresolved or u.word_start < unresolved[key].word_start:
                        unresolved[key] = u
                continue
            s, o = slug(cand.subject), slug(cand.object)
            if s is None or o is None or s == o:
                continue
            if cand.kind == "typed":
                domain, range_ = RELATION_SIGNATURES.get(cand.predicate, (None, None))
                if domain and (types[s] not in domain or types[o] not in range_):
                    continue
            if cand.kind == "comention" and o < s:
                s, o = o, s
            groups[(s, cand.predicate, o, cand.kind, cand.negated)].append(cand)
    relations = [_relation(key, cands, settings) for key, cands in sorted(groups.items())]
    pending = tuple(u for _, u in sorted(unresolved.items()))
    if plan is not None:
        relations = plan.apply_to_relations(entities, relations)
        return Resolution(
            tuple(entities), tuple(relations), plan.corrections(), tuple(plan.problems), pending
        )
    problems = tuple(curation.problems) if curation is not None else ()
    return Resolution(tuple(entities), tuple(relations), (), problems, pending)


def _unresolved(cand: RelationCandidate, slug, types: dict[str, str]) -> UnresolvedRelation | None:
    """The unresolved candidate of ``cand`` (one end an ungrounded pronoun), with its
    other end resolved to an entity that the relation's signature allows there; None
    when that end is no entity of the graph, or is a pronoun too."""
    end = "subject" if cand.subject.source == "unresolved" else "object"
    word, other = (cand.subject, cand.object) if end == "subject" else (cand.object, cand.subject)
    if other.source == "unresolved":
        return None
    key = slug(other)
    if key is None:
        return None
    domain, range_ = RELATION_SIGNATURES.get(cand.predicate, (None, None))
    allowed = range_ if end == "subject" else domain
    if allowed and types[key] not in allowed:
        return None
    return UnresolvedRelation(
        cand.predicate,
        end,
        word.surface,
        word.char_start,
        word.char_end,
        key,
        cand.evidence,
        cand.role,
    )


@dataclass(frozen=True)
class _Merges:
    """Where a key goes before the user's corrections: acronyms and spacing variants for
    the whole build, short forms per transcript (:mod:`kg.splits`)."""

    build: dict[str, Route]
    local: dict[tuple[str, str], Route]

    @classmethod
    def of(cls, keyed, speakers, grouped: dict[str, list[Mention]]) -> _Merges:
        build = {
            key: Route(target, "acronym", f"the initials of '{target.split(':', 1)[1]}'")
            for key, target in _acronyms(grouped).items()
        }
        counts = [(k, len(ms)) for k, ms in sorted(grouped.items()) if k not in build]
        for key, route in spacing_variants(counts).items():
            build.setdefault(key, route)
        final = [(m, build[k].target if k in build else k) for m, k, _, _ in keyed]
        keep = frozenset(build.get(s[3], Route(s[3], "", "")).target for s in speakers)
        return cls(build, short_forms(final, keep))

    def route(self, transcript_id: str, key: str) -> Route | None:
        route = self.build.get(key)
        local = self.local.get((transcript_id, route.target if route else key))
        return local or route


def _group(keyed, speakers, merges: _Merges, plan):
    """Mentions by final key (after acronyms, spacing variants, short forms and the
    user's corrections), the votes for how each name was attached, speaker names by key
    and the transcripts each speaks in."""
    merged: dict[str, list[Mention]] = defaultdict(list)
    votes: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    speaker_keys: dict[str, str] = {}
    speaks_in: dict[str, set[str]] = defaultdict(set)

    def final(m: Mention, key: str, rule: str, detail: str):
        target = key
        route = merges.route(m.transcript_id, key)
        if route is not None:
            target, rule, detail = route.target, route.rule, route.detail
        if plan is not None:
            target, entry = plan.route(m, target)
            if entry is not None:
                rule, detail = "correction", entry.explain()
        return target, rule, detail

    for m, key, rule, detail in keyed:
        route = merges.route(m.transcript_id, key)
        if route is not None and route.type is not None:
            m = replace(m, type=route.type)  # a short name NER typed a person
        target, rule, detail = final(m, key, rule, detail)
        if target is not None:
            merged[target].append(m)
            votes[target][m.surface][(rule, detail)] += 1
    for name, tid, pseudo, key, rule, detail in speakers:
        target, rule, detail = final(pseudo, key, rule, detail)
        if target is None:
            continue
        speaker_keys[name] = target
        speaks_in[target].add(tid)
        merged.setdefault(target, [])
        votes[target][name][(rule, detail)] += 1
    return merged, speaker_keys, speaks_in, votes


#: Words an acronym leaves out ("IIT": Indian Institute of Technology).
_INITIAL_SKIPPED = frozenset({"of", "the", "and", "for", "in", "on", "at", "de"})


def _acronyms(grouped: dict[str, list[Mention]]) -> dict[str, str]:
    """Map an acronym's key to the multi-word term it abbreviates, when exactly one
    term of the build has those initials and some transcript says both."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key in grouped:
        if key.startswith(("concept:", "name:")):
            words = key.split(":", 1)[1].split()
            if len(words) >= 2:
                by_initials["".join(w[0] for w in words)].add(key)
                content = [w for w in words if w not in _INITIAL_SKIPPED]
                if len(content) >= 2 and len(content) < len(words):  # "institute of technology"
                    by_initials["".join(w[0] for w in content)].add(key)
    out = {}
    for key, mentions in grouped.items():
        if not key.startswith(("concept:", "name:")):
            continue
        word = key.split(":", 1)[1]
        if " " in word or not (2 <= len(word) <= 6):
            continue
        if not any(m.surface.isupper() for m in mentions):
            continue
        targets = by_initials.get(word, set())
        if len(targets) == 1:
            target = next(iter(targets))
            # the initials and the name said in one transcript: "LA" in one talk is no
            # "Latin America" of another (nor, in a talk of New York or LA, of its own)
            said_in = {m.transcript_id for m in mentions}
            if said_in & {m.transcript_id for m in grouped[target]}:
                out[key] = target
    return out


def _type_votes(mentions: list[Mention]) -> Counter:
    """The types an entity's mentions give it. Initials the term statistics counted as
    a concept ("OSRF") vote for nothing when the entity's name is said too: the
    initials stand for the name, and have its type (three "OSRF" against two "Open
    Source Robotics Foundation" is still a foundation)."""
    named = any(m.type != "Concept" for m in mentions)
    return Counter(
        m.type for m in mentions if not (named and m.type == "Concept" and _initials(m.surface))
    )


def _initials(surface: str) -> bool:
    """A word of two or more capitals and nothing else ("OSRF", "NASA")."""
    return len(surface) >= 2 and surface.isalpha() and surface.isupper()


def _entities(
    merged: dict[str, list[Mention]],
    speaker_keys: dict[str, str],
    speaks_in: dict[str, set[str]],
    votes: dict[str, dict[str, Counter]],
    lexicon: Lexicon,
    fixed: dict[str, tuple[str | None, str | None, str]] | None = None,
):
    """One Entity per key, with its label, type, IRI slug and the reasons for its names
    and type. ``fixed`` gives the label and type a correction set for a key (a split)."""
    fixed = fixed or {}
    entities = []
    slug_of: dict[str, str] = {}
    used: set[str] = set()
    speaker_names = defaultdict(list)
    for name, key in speaker_keys.items():
        speaker_names[key].append(name)
    for key in sorted(merged):
        mentions = sorted(merged[key], key=lambda m: (m.transcript_id, m.char_start))
        entry = lexicon.entries.get(key[4:]) if key.startswith("lex:") else None
        surfaces = Counter(m.surface for m in mentions) + Counter(speaker_names.get(key, []))
        type_counts = _type_votes(mentions)
        if entry is not None:
            etype, label = entry.type, entry.label
            reason = f"lexicon: entry {entry.id} is a {etype}"
        else:
            type_counts = type_counts or Counter({"Person": 1})
            etype = sorted(type_counts, key=lambda t: (-type_counts[t], ENTITY_TYPES.index(t)))[0]
            reason = "mentions: " + ", ".join(
                f"{t} {n}" for t, n in sorted(type_counts.items(), key=lambda x: (-x[1], x[0]))
            )
            if key in speaker_names:
                etype = "Person"  # a speaker (label or sidecar) is a person, whatever NER said
                reason = "speaker: a speaker is a Person"
            if etype == "Concept":
                label = key.split(":", 1)[1]
            else:
                # a person's full name over the first name said more often; a name over
                # its short forms ("Cornell University" over "Cornell")
                full = etype == "Person"
                short = _short_only(votes.get(key, {}))
                label = sorted(
                    surfaces,
                    key=lambda s: (
                        s in short,
                        full and len(s.split()) < 2,
                        -surfaces[s],
                        not s[:1].isupper(),
                        -len(s),
                        s,
                    ),
                )[0]
                if label.islower():  # a name heard only in lowercase speech: "sarah hooker"
                    label = written_form(label, lexicon, person=etype == "Person")
        label_origin = None
        if key in fixed:
            new_label, new_type, why = fixed[key]
            if new_label:
                label, label_origin = new_label, ("correction", why)
            if new_type:
                etype, reason = new_type, f"correction: {why}"
        slug = entry.id if entry else slugify(label)
        if slug in used:
            slug = f"{slug}-{etype.lower()}"
        if slug in used:
            slug = f"{slug}-{slugify(key)}"
        used.add(slug)
        slug_of[key] = slug
        aliases = tuple(sorted({s for s in surfaces if s != label}))
        entities.append(
            Entity(
                slug,
                label,
                etype,
                aliases,
                entry.id if entry else None,
                entry.description if entry else None,
                tuple(mentions),
                tuple(sorted(speaks_in.get(key, ()))),
                _origins(label, aliases, votes.get(key, {}), entry, label_origin),
                reason,
            )
        )
    entities.sort(key=lambda e: e.key)
    return entities, slug_of


def _short_only(votes: dict[str, Counter]) -> set[str]:
    """The names of an entity attached only as a short form of another (:mod:`kg.splits`)."""
    return {s for s, c in votes.items() if c and all(rule == "short-form" for rule, _ in c)}


def _origins(label, aliases, votes, entry, label_origin) -> tuple[NameOrigin, ...]:
    """How each name of an entity was attached: the rule most of its mentions went by
    (ties: the first rule of NAME_RULES); the label of a lexicon entry is the entry's."""
    out = []
    for name in sorted({label, *aliases}):
        counts = votes.get(name)
        if name == label and label_origin is not None:
            rule, detail = label_origin
        elif counts:
            rule, detail = sorted(
                counts, key=lambda rd: (-counts[rd], NAME_RULES.index(rd[0]), rd[1])
            )[0]
        elif entry is not None and name == label:
            rule, detail = "lexicon", f"the label of lexicon entry {entry.id}"
        else:
            rule, detail = "name", "the most frequent written form"
        out.append(NameOrigin(name, rule, detail))
    return tuple(out)


def _relation(key: tuple, candidates: list, settings: Settings) -> Relation:
    s, predicate, o, kind, negated = key
    seen: set[tuple] = set()
    evidence: list[Evidence] = []
    per_transcript: Counter = Counter()
    for cand in sorted(
        candidates,
        key=lambda c: (c.evidence.transcript_id, c.evidence.char_start, c.evidence.extractor),
    ):
        ev = cand.evidence
        ident = (ev.transcript_id, ev.char_start, ev.char_end, ev.extractor)
        if ident in seen:
            continue
        seen.add(ident)
        per_transcript[ev.transcript_id] += 1
        if (
            kind in ("comention", "discusses")
            and per_transcript[ev.transcript_id] > settings.comention_max_evidence
        ):
            continue
        evidence.append(ev)
    roles = tuple(sorted({c.role.lower() for c in candidates if c.role}))
    return Relation(
        s,
        predicate,
        o,
        kind,
        tuple(evidence),
        roles,
        negated,
        sum(per_transcript.values()),
        tuple(sorted(per_transcript.items())),
    )


def _place_not_spelt_as(first_names: dict[str, str], word: str) -> bool:
    """``word`` only sounds like a first name of the lexicon (no person of it is spelt
    so) and is a place general knowledge lists ("Lyon" for Llion Jones): a lone word
    that names a place is no one's first name by sound alone."""
    if "=" + word.lower() in first_names:
        return False
    from .extract.propernames import _table as wordnet_names
    from .extract.truecase import gazetteer_place

    return gazetteer_place(word) or wordnet_names().get((word.lower(),)) == "Place"
