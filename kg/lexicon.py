"""The AI-domain lexicon (``ontology/lexicon.tsv``) and its matcher.

The lexicon is a tab-separated file of canonical entries (id, type, label, aliases,
broader, description). Matching ignores case, spacing, hyphens and punctuation and
reads number words as digits, so "open AI", "OpenAI" and "Open-AI" are one key, and
"GPT four", "gpt4" and "GPT-4" another. An alias written ``=Meta`` matches only with
that exact casing, for names that are also common words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import InputError
from .model import ENTITY_TYPES
from .ontology import ONTOLOGY_DIR

__all__ = [
    "LexiconEntry",
    "Lexicon",
    "name_key",
    "phonetic_key",
    "name_part",
    "plural_of_entry",
    "load_lexicon",
    "NUMBER_WORDS",
]

NUMBER_WORDS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def name_key(words: list[str] | tuple[str, ...] | str) -> str:
    """Normalised matching key: lowercase alphanumerics only, number words after the
    first word read as digits ("GPT four" -> "gpt4"), a plus sign read as the word
    ("C++" -> "cplusplus", as "C plus plus")."""
    if isinstance(words, str):
        words = words.split()
    parts = []
    for i, word in enumerate(words):
        lower = word.lower()
        if i > 0 and lower in NUMBER_WORDS:
            lower = NUMBER_WORDS[lower]
        # "C++" is "C plus plus", "Disney+" "Disney Plus": the sign is said as a word
        parts.append(_NON_ALNUM.sub("", lower.replace("+", "plus")))
    return "".join(parts)


_NON_ALPHA = re.compile(r"[^a-z]")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def phonetic_key(name: str) -> str:
    """A crude sound-alike key for names heard by ASR ("Ilia" and "Ilya", "Jeff" and "Geoff")."""
    s = _NON_ALPHA.sub("", name.lower())
    if s.startswith("geo"):
        s = "je" + s[3:]
    for a, b in (
        ("ph", "f"),
        ("ck", "k"),
        ("gh", "g"),
        ("y", "i"),
        ("c", "k"),
        ("z", "s"),
        ("q", "k"),
    ):
        s = s.replace(a, b)
    return _REPEATS.sub(r"\1", s)


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    id: str
    type: str
    label: str
    aliases: tuple[str, ...]
    broader: str | None
    description: str | None
    case_sensitive: tuple[str, ...] = ()  # aliases that match only with this exact casing


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, LexiconEntry]
    keys: dict[str, str]  # name_key -> entry id (case-insensitive names)
    exact: dict[str, str]  # exact surface (single-spaced) -> entry id (case-sensitive names)
    max_words: int
    #: sound-alike key of a distinctive first name -> the one lexicon person who has it
    #: ("Ilya", "Demis", "Dario"); common first names ("Sam") are not here
    first_names: dict[str, str] = field(default_factory=dict)
    #: every prefix of every name key (and of the exact names' keys), "" included:
    #: lets the matcher stop extending an n-gram that can no longer become a name
    key_prefixes: frozenset[str] = frozenset()
    #: every key a match can have: the name keys, and the exact names' keys both as
    #: written and as the tokenizer splits them ("GPT-four" -> "gpt4"); an n-gram whose
    #: key is not here (nor a plural of one) cannot match and is not looked up
    all_keys: frozenset[str] = frozenset()
    #: lowercase given names (``ontology/first_names.txt`` and the lexicon's people) that
    #: are not also English words: "sarah hooker" in lowercase speech is a person
    given_names: frozenset[str] = frozenset()
    #: common family names (``ontology/surnames.txt``), many of them English words too
    surnames: frozenset[str] = frozenset()

    def lookup(self, surface: str) -> LexiconEntry | None:
        """The entry whose name the surface text is, under the matching rules."""
        normalised = " ".join(surface.split())
        if normalised in self.exact:
            return self.entries[self.exact[normalised]]
        entry_id = self.keys.get(name_key(normalised))
        return self.entries[entry_id] if entry_id else None

    def names(self, entry_id: str) -> tuple[str, ...]:
        entry = self.entries[entry_id]
        return (entry.label, *entry.aliases, *entry.case_sensitive)


#: The ``lexicon`` setting that switches the lexicon off (the general machinery alone:
#: NER, parses, term statistics, name lists), for ablations and other domains.
LEXICON_OFF = "off"


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Parse the lexicon TSV (the built-in one by default; ``"off"`` gives an empty
    lexicon); a malformed line is an InputError naming file and line."""
    if str(path) == LEXICON_OFF:
        return _load(LEXICON_OFF)
    path = Path(path) if path else ONTOLOGY_DIR / "lexicon.tsv"
    return _load(str(path))


@lru_cache(maxsize=4)
def _load(path: str) -> Lexicon:
    entries: dict[str, LexiconEntry] = {}
    keys: dict[str, str] = {}
    exact: dict[str, str] = {}
    max_words = 1
    try:
        lines = [] if path == LEXICON_OFF else Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(path, f"cannot read the lexicon: {exc.strerror}") from None
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen and cells[0] == "id":
            header_seen = True
            continue
        if len(cells) < 3:
            raise InputError(path, "expected at least id, type and label separated by tabs", number)
        cells += [""] * (6 - len(cells))
        entry_id, etype, label, aliases, broader, description = (c.strip() for c in cells[:6])
        if etype not in ENTITY_TYPES:
            raise InputError(
                path, f"unknown type {etype!r}; use one of {', '.join(ENTITY_TYPES)}", number
            )
        plain, sensitive = [], []
        for alias in (a.strip() for a in aliases.split("|")):
            if not alias:
                continue
            (sensitive if alias.startswith("=") else plain).append(alias.lstrip("="))
        entry = LexiconEntry(
            entry_id,
            etype,
            label,
            tuple(plain),
            broader or None,
            description or None,
            tuple(sensitive),
        )
        entries[entry_id] = entry
        # a label also written "=Label" is an ordinary word too ("Cursor"): exact casing only
        for name in (*([] if label in sensitive else [label]), *plain):
            keys.setdefault(name_key(name), entry_id)
            max_words = max(max_words, len(name.split()) + name.count("-"))
        for name in sensitive:
            exact.setdefault(" ".join(name.split()), entry_id)
            max_words = max(max_words, len(name.split()))
    keys.pop("", None)
    all_keys = set(keys)
    for name in exact:
        all_keys.add(name_key(name))
        all_keys.add(name_key(_TOKEN_LIKE.findall(name)))
    prefixes = frozenset(k[:i] for k in all_keys for i in range(len(k) + 1))
    return Lexicon(
        entries,
        keys,
        exact,
        max_words,
        _distinctive_first_names(entries),
        prefixes,
        frozenset(all_keys),
        _given_names(entries),
        _word_list("surnames.txt"),
    )


#: A lexicon person's first name at least this frequent as an English word (Zipf) is
#: not taken as a given name ("Mark", "Grace"): it would turn words into people.
GIVEN_NAME_MAX_ZIPF = 4.0


def _given_names(entries: dict[str, LexiconEntry]) -> frozenset[str]:
    """The given names of ``ontology/first_names.txt`` and of the lexicon's people."""
    from wordfreq import zipf_frequency

    names = set(_word_list("first_names.txt"))
    for entry in entries.values():
        if entry.type != "Person":
            continue
        first = entry.label.split()[0].lower()
        if (
            first.isalpha()
            and len(first) >= 3
            and zipf_frequency(first, "en") < GIVEN_NAME_MAX_ZIPF
        ):
            names.add(first)
    return frozenset(names)


#: Roughly how the tokenizer splits a name: runs of letters and digits, single marks.
_TOKEN_LIKE = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9]")


@lru_cache(maxsize=1)
def nickname_pairs() -> frozenset[tuple[str, str]]:
    """(formal, short) pairs of English given names, both ways round in meaning: "greg"
    is a short form of "gregory", "bill" of "william" (``ontology/nicknames.tsv``,
    derived by ``bench/make_nicknames.py`` from carltonnorthern/nicknames, Apache 2.0)."""
    path = ONTOLOGY_DIR / "nicknames.tsv"
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            formal, short = line.split("\t")
            out.add((formal, short))
    return frozenset(out)


@lru_cache(maxsize=1)
def nickname_names() -> frozenset[str]:
    """Every given name of ``ontology/nicknames.tsv``, formal or short ("walt", "lou"),
    lowercase: a wider list than :data:`Lexicon.given_names`, for cues that already say
    a person is meant (a name alone as a sentence, calling someone)."""
    return frozenset(name for pair in nickname_pairs() for name in pair)


@lru_cache(maxsize=4096)
def given_name_short_forms(given_name: str) -> frozenset[str]:
    """The short forms of a given name ("gregory" -> "greg", "gory"), lowercase."""
    return frozenset(b for a, b in nickname_pairs() if a == given_name.lower())


def same_given_name(a: str, b: str) -> bool:
    """Two given names are one person's: equal, or one a short form of the other
    ("Greg" and "Gregory", "Bill" and "William")."""
    x, y = a.lower(), b.lower()
    return x == y or (x, y) in nickname_pairs() or (y, x) in nickname_pairs()


def _word_list(name: str) -> frozenset[str]:
    """The words of a list file in ``ontology/`` (whitespace-separated, ``#`` comments)."""
    path = ONTOLOGY_DIR / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the word list: {exc.strerror}") from None
    return frozenset(w for line in text.splitlines() for w in line.split("#", 1)[0].split())


#: A first name rarer than this (wordfreq Zipf) is distinctive enough to name one person.
DISTINCTIVE_FIRST_NAME_ZIPF = 3.5


def _distinctive_first_names(entries: dict[str, LexiconEntry]) -> dict[str, str]:
    """Rare first names that name one person of the lexicon, keyed both as written
    (``=ilya``) and by sound (``ilia``); a sound shared by two people ("Ilya"
    Sutskever, "Illia" Polosukhin) keeps only the exact spellings."""
    from wordfreq import zipf_frequency

    by_sound: dict[str, set[str]] = {}
    by_spelling: dict[str, set[str]] = {}
    for entry in entries.values():
        words = entry.label.split()
        if entry.type != "Person" or len(words) < 2 or len(words[0]) < 3:
            continue
        if zipf_frequency(words[0], "en") >= DISTINCTIVE_FIRST_NAME_ZIPF:
            continue
        by_sound.setdefault(phonetic_key(words[0]), set()).add(entry.label)
        by_spelling.setdefault("=" + words[0].lower(), set()).add(entry.label)
    out = {k: next(iter(v)) for k, v in sorted(by_spelling.items()) if len(v) == 1}
    out.update({k: next(iter(v)) for k, v in sorted(by_sound.items()) if len(v) == 1})
    return out


def plural_of_entry(said: str, entry: LexiconEntry) -> bool:
    """``said`` (a phrase that matched ``entry``) is a lexicon event or work in a plural its
    name never has ("four industrial revolutions", "world wars"): kinds of the thing, not
    the one named. Firms, products and places said so are still theirs ("the Googles of
    this world" names Google, "two Macs" are Macs, "the Americas" a place)."""
    if entry.type not in ("Event", "Work"):
        return False
    last, label = said.lower().split()[-1], entry.label.lower().split()[-1]
    return last == label + "s" and not label.endswith("s")


def name_part(parts: dict[str, str], word: str) -> str | None:
    """The person a lone first name or surname stands for, by spelling, then by sound."""
    return parts.get("=" + word.lower()) or parts.get(phonetic_key(word))
