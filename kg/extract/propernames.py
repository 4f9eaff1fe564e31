"""Which lowercase words and phrases general knowledge knows as names, and of what kind.

Lowercase speech has no capitals to tell "galen", "khrushchev" or "the baltic sea"
from words, and a list of a transcript's names would not carry to the next podcast.
WordNet 3.0 (Princeton University; ``ontology/WORDNET-LICENSE``) marks each named
individual it lists, ~14,000 of them (people of history, cities, seas, alliances,
wars), by an *instance* link ("Hippocrates" is an instance of physician).
``ontology/wordnet_names.tsv.gz`` holds those names, derived by
``bench/make_wordnet_names.py``: ``Name<TAB>letter flag``, the name as WordNet writes
it ("NATO", "Baltic Sea"), the letter the
lexicographer file of the name's sense (:data:`.wordnet.LEXNAMES`), the flag ``1``
when the name is its lemma's first sense and no verb, adjective or adverb ("galen",
"nato"; not "snow", "mobile", "tell").

A one-word name must also be rare enough in English (:data:`NAME_MAX_ZIPF`), of four
letters or more, and no countable everyday noun (its plural frequent: "banks",
"burger"), because WordNet's names include surnames that are words. Read once per
process, on first use.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache

from wordfreq import zipf_frequency

from ..lexicon import _word_list
from ..ontology import ONTOLOGY_DIR
from .wordnet import LEXNAMES
from .wordnet import senses as senses_of

__all__ = [
    "DATA_FILE",
    "ELLIPTIC_MAX_ZIPF",
    "NAME_MAX_ZIPF",
    "name_type",
    "longest_name",
    "sea_without_head",
    "PLACE_NAME_MAX_ZIPF",
    "frequent_place_name",
]

#: The data file in ``ontology/``, WordNet 3.0's named instances.
DATA_FILE = "wordnet_names.tsv.gz"
#: A one-word name at most this frequent in English (Zipf): "hippocrates" (3.0),
#: "khrushchev" (2.9), "darwin" (3.8); not "smith" (4.9), "james" (5.1), whose
#: lowercase reading is as often a word or whose owner is one of many.
NAME_MAX_ZIPF = 4.0
#: The same for a person's name whose one noun sense in WordNet is that person (no other
#: person, place or thing of that name, no verb or adjective) and which is no given name
#: or common surname (``first_names.txt``, ``surnames.txt``): "putin" (4.1), "hitler"
#: (4.2) name one man however often the news says them; "smith" (4.9, ten senses),
#: "bush" (a plant first) or "sarah" (WordNet's one Sarah) are words or many people;
#: above 4.3 the one sense hides a verb form or a firm ("drew" 4.5, "disney" 4.4).
ONE_SENSE_NAME_MAX_ZIPF = 4.3
#: The same for an acronym WordNet writes in capitals ("nato": 4.0): a word spelled
#: in capitals is no everyday word unless it is a frequent one ("ok").
ACRONYM_MAX_ZIPF = 4.5
#: A one-word name whose plural is at least this frequent (Zipf) is a countable noun
#: first ("bridges", "burger": WordNet's first sense is a person of that name).
PLURAL_MIN_ZIPF = 3.0
#: A word that, with "sea" or "ocean" after it, names a sea WordNet lists, names that
#: sea after "the" when it is at most this frequent (Zipf): "the pacific" (4.6), "the
#: baltic" (3.6), "the aegean" (2.9); not "the yellow" (4.7), "the dead", "the north".
ELLIPTIC_MAX_ZIPF = 4.6
#: The heads a sea's name drops after "the" ("the Atlantic [Ocean]").
_SEA_HEADS = ("sea", "ocean")
#: The ontology class of a name, by the lexicographer file of its sense.
TYPES = {
    "noun.person": "Person",
    "noun.location": "Place",
    "noun.object": "Place",  # seas, rivers, continents, mountains
    "noun.group": "Organization",  # alliances, parties, bodies
    "noun.event": "Event",
    "noun.act": "Event",  # wars, battles
    "noun.time": "Event",  # ages and eras: "the Industrial Revolution", "the Middle Ages"
    "noun.state": "Event",  # "the Great Depression"
    "noun.communication": "Work",  # texts: "the Fifth Amendment", "the Talmud"
}


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, ...], str]:
    """Name (lowercase word tuple) -> its type, for the names that are their lemma's
    first sense and of a type of :data:`TYPES`."""
    data = gzip.decompress((ONTOLOGY_DIR / DATA_FILE).read_bytes()).decode("utf-8")
    out: dict[tuple[str, ...], str] = {}
    # the words before the last of :data:`_ACADEMIES` names: a person's name that is
    # one ("Stanford", "Johns Hopkins") said alone is the institution
    academy_firsts: set[tuple[str, ...]] = set()
    for line in data.splitlines():
        name, flags = line.split("\t")
        lexname = LEXNAMES[ord(flags[0]) - ord("a")]
        etype = TYPES.get(lexname)
        words = tuple(name.lower().split(" "))
        if lexname == "noun.artifact" and len(words) > 1 and words[-1] in _ACADEMIES:
            etype = "Organization"  # "Stanford University": WordNet's building
            academy_firsts.add(words[:-1])
        if etype is not None and flags[1] == "1":
            out[words] = etype
            if name.isupper():
                _acronyms().add(name.lower())
    for founder in academy_firsts:
        if out.get(founder) == "Person":
            out[founder] = "Organization"  # "stanford" said alone is the university
    return out


#: Last words of the names of institutions of learning, which WordNet files as
#: buildings (noun.artifact): "Stanford University", "Boston College".
_ACADEMIES = frozenset({"university", "college", "institute", "school", "academy"})


@lru_cache(maxsize=1)
def _acronyms() -> set[str]:
    """The one-word names WordNet writes in capitals, lowercase (filled by :func:`_table`)."""
    return set()


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first words of the names: most words of a text begin none, and are passed
    over with one look-up."""
    return frozenset(k[0] for k in _table())


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(len(k) for k in _table())


@lru_cache(maxsize=65536)
def _rare_word_name(word: str) -> bool:
    """A one-word name that is no frequent or countable English word."""
    if word in _acronyms():
        # three letters are as often a word or a syllable ("doe", "ins", "ida")
        return len(word) >= 4 and zipf_frequency(word, "en") <= ACRONYM_MAX_ZIPF
    one_man = (
        len(senses_of(word)) == 1
        and _table().get((word,)) == "Person"
        and word not in _personal_names()
    )
    limit = ONE_SENSE_NAME_MAX_ZIPF if one_man else NAME_MAX_ZIPF
    return (
        len(word) >= 4
        and word.isalpha()
        and zipf_frequency(word, "en") <= limit
        and (zipf_frequency(word + "s", "en") < PLURAL_MIN_ZIPF or _only_a_place(word))
        and not (word.endswith("s") and zipf_frequency(word[:-1], "en") >= PLURAL_MIN_ZIPF)
    )


def name_type(words: tuple[str, ...]) -> str | None:
    """The type of the name ``words`` (lowercase) if WordNet lists it as a named
    individual and, for one word, it is no everyday word; else None."""
    etype = _table().get(words)  # fills _acronyms() on first use
    if etype is None:
        return None
    if len(words) == 1 and not (_rare_word_name(words[0]) or frequent_place_name(words[0])):
        return None
    return etype


#: A one-word place WordNet lists as a name first (flag 1: no verb, adjective or adverb
#: sense) is a name up to this frequency (Zipf): a place name is no surname that is a
#: word, so :data:`NAME_MAX_ZIPF` is too strict for "england" (5.1), "scotland" (4.7),
#: "wales" (4.6). Measured: WordNet's one-word places between 4.0 and 5.3 that are no
#: countable noun are all countries, regions, states and cities.
PLACE_NAME_MAX_ZIPF = 5.3


@lru_cache(maxsize=1)
def _personal_names() -> frozenset[str]:
    """The given names and surnames of ``ontology/first_names.txt`` and
    ``surnames.txt``, lowercase: a frequent place that is one ("jordan", "austin",
    "washington") is as often a person."""
    return frozenset(
        w.lower() for name in ("first_names.txt", "surnames.txt") for w in _word_list(name)
    )


@lru_cache(maxsize=65536)
def frequent_place_name(word: str) -> bool:
    """``word`` is a one-word place WordNet lists as a name first and no countable
    English noun, more frequent than :data:`NAME_MAX_ZIPF` (rarer ones are
    :func:`name_type`'s) and rarer than :data:`PLACE_NAME_MAX_ZIPF` ("england",
    "yorkshire")."""
    return (
        _table().get((word,)) == "Place"
        and len(word) >= 4
        and word.isalpha()
        and NAME_MAX_ZIPF < zipf_frequency(word, "en") <= PLACE_NAME_MAX_ZIPF
        and (zipf_frequency(word + "s", "en") < PLURAL_MIN_ZIPF or _only_a_place(word))
        and not (word.endswith("s") and zipf_frequency(word[:-1], "en") >= PLURAL_MIN_ZIPF)
        and word not in _personal_names()
    )


def _only_a_place(word: str) -> bool:
    """Every noun sense WordNet gives ``word`` is a place's: no countable noun whatever
    its plural's frequency, which is a name's ("america": "the Americas")."""
    senses = senses_of(word)
    return bool(senses) and set(senses) <= _PLACE_SENSES


#: Lexnames of WordNet's senses of places: regions and towns, continents and rivers.
_PLACE_SENSES = frozenset({"noun.location", "noun.object"})


def longest_name(words: list[str], i: int) -> tuple[int, str] | None:
    """The longest name of :func:`name_type` that starts at ``words[i]``, as (number of
    words, type), or None."""
    table = _table()
    if words[i] not in _first_words():
        return None
    for size in range(min(_longest(), len(words) - i), 0, -1):
        key = tuple(words[i : i + size])
        if key in table:
            etype = name_type(key)
            return (size, etype) if etype else None
    return None


@lru_cache(maxsize=1)
def _sea_words() -> frozenset[str]:
    """The words that name a sea or an ocean with its head dropped ("the pacific"):
    the first word of a two-word name of :data:`_SEA_HEADS` that is no name of its own
    ("bering" is a person), no frequent word (:data:`ELLIPTIC_MAX_ZIPF`), no countable
    noun ("the coral") and no language or people ("the irish", "the japanese"); a
    place's one-word name may be one ("caribbean": too frequent for :func:`name_type`)."""
    table = _table()
    out = set()
    for words, etype in table.items():
        if len(words) != 2 or words[1] not in _SEA_HEADS or etype != "Place":
            continue
        word = words[0]
        if (
            table.get((word,), "Place") == "Place"
            and word.isalpha()
            and not word.endswith(("ish", "ese"))
            and zipf_frequency(word, "en") <= ELLIPTIC_MAX_ZIPF
            and zipf_frequency(word + "s", "en") < PLURAL_MIN_ZIPF
        ):
            out.add(word)
    return frozenset(out)


def sea_without_head(words: list[str], i: int) -> bool:
    """``words[i]`` after "the" names a sea whose head the speaker dropped ("across the
    atlantic", "the baltic"): English names seas and oceans so, and the word alone is
    an adjective WordNet does not list as a name. The caller checks that no noun
    follows ("the atlantic alliance", "the arctic tundra": the word modifies it)."""
    return i > 0 and words[i - 1] == "the" and words[i] in _sea_words()


#: The nouns that end the names of streets and squares, in English and in the
#: languages whose street names English speakers say as they are: a name that ends in
#: one is a place, whoever it honours ("george street", "alexander platz").
STREET_HEADS = frozenset(
    {
        "street",
        "avenue",
        "boulevard",
        "square",
        "plaza",
        "platz",
        "strasse",
        "straße",
        "piazza",
        "rue",
        "calle",
    }
)


def street_name(words: tuple[str, ...]) -> bool:
    """A name of several words whose last is a street's or square's noun
    (:data:`STREET_HEADS`)."""
    last = words[-1] if words else ""
    return len(words) > 1 and last in STREET_HEADS


#: Words that join a person's name to the years of a life: "X who lived from 1632",
#: "X was born in 1813", "X died in 1878".
_LIFE_VERBS = frozenset({"lived", "born", "died"})
#: The most words a name told by its life span runs to, given name included.
LIFE_SPAN_NAME_WORDS = 4
#: A year as speech says it in digits ("1632", "2019").
YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}")


def life_span_name(
    words: list[str], i: int, given_names: frozenset[str], stop_words: frozenset[str]
) -> int | None:
    """The end of a person's name that begins with the given name ``words[i]`` and is
    followed by the years of a life: "anton von levan who lived from 1632 to 1723".
    A lecture tells who someone was so; the words between are the surname as heard
    (ASR garbles it, so it need not be rare), none a function word."""
    if words[i] not in given_names:
        return None
    end = i + 1
    while end < len(words) and end - i < LIFE_SPAN_NAME_WORDS:
        word = words[end]
        if word == "who" or word in _LIFE_VERBS:
            break
        if not word.isalpha() or word in stop_words:  # particles ("von", "de") are none
            return None
        end += 1
    if end == i + 1:
        return None  # a given name alone: "john who lived ..." says no more than "john"
    k = end + (words[end : end + 1] == ["who"])
    k += words[k : k + 1] == ["was"]
    lived = words[k : k + 1] and words[k] in _LIFE_VERBS
    if lived and words[k + 1 : k + 2] in (["from"], ["in"]) and k + 2 < len(words):
        return end if YEAR.fullmatch(words[k + 2]) else None
    return None
