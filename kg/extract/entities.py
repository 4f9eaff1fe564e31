"""Entity mentions in one parsed unit: lexicon names and filtered statistical NER
(candidate concept terms are :mod:`kg.extract.terms`).

spaCy's small English model, run on lowercase unpunctuated speech, tags common words
("Steel", "Signal") as organisations and "AI" as a place. So: a lexicon match always
wins; an NER span survives only if it looks like a name (capitalised, not a filler,
not a single common English word) and its label maps to one of our types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from wordfreq import zipf_frequency

from ..lexicon import Lexicon, LexiconEntry, name_key, name_part, phonetic_key, plural_of_entry
from ..model import Mention, Sentence, Transcript
from ..nlp import doc_text, tokens
from . import wordnet
from .kinds import name_head_type, show_attended
from .ner_repairs import (
    SentenceCaseWords,
    joined_names,
    split_after_company,
    split_people,
    town_of_region,
)
from .propernames import YEAR as _YEAR
from .propernames import _table as _wordnet_names
from .propernames import life_span_name, longest_name, name_type, sea_without_head, street_name
from .titled import cut_title, known_given_name, titled_person
from .truecase import (
    COMPASS_WORDS,
    INSTITUTION_WORDS,
    TITLES,
    compass_place,
    gazetteer_place,
    known_place,
    places_in_a_row,
)

__all__ = [
    "SpanMention",
    "brand_cased",
    "acronym_of_a_person",
    "find_mentions",
    "name_parts",
    "name_part_mentions",
    "NER_TYPES",
    "is_common_word",
    "mid_sentence",
    "introduced_by_name",
    "introduced_type",
    "listed_before_others",
    "acts_as_person",
    "after_title",
    "context_type",
    "coordinated_type",
    "listed_with_people",
    "owns_an_idea",
    "speaks_as_person",
    "named_firm",
    "works_at",
    "gazetteer_vouches",
    "unsupported_lexicon_names",
    "person_reading",
]

#: spaCy NER labels we keep, and the ontology class each becomes.
NER_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "PRODUCT": "Product",
    "WORK_OF_ART": "Work",
    "LAW": "Work",
    "EVENT": "Event",
}

_STRIP_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "my",
        "your",
        "our",
        "his",
        "her",
        "their",
        "its",
        "um",
        "uh",
        "like",
        "so",
        "and",
        "or",
        "of",
        "aka",  # "Olaoluwa, AKA 'Roasbeef'": the nickname, not "AKA 'Roasbeef"
    }
)
_NOT_NAMES = frozenset(
    {
        "applause",
        "laughter",
        "music",
        "inaudible",
        "crosstalk",
        "okay",
        "yeah",
        "hey",
        "hi",
        "hello",
        "thanks",
        "thank",
        "god",
        "lord",
        "sir",
        "guys",
        "dude",
        "mr",
        "mrs",
        "ms",
        "dr",
    }
)

#: Zipf frequency above which a single word is "common English" and needs more than NER's word.
COMMON_ZIPF = 3.3
#: The same for a one-word person name: surnames of the famous are frequent words.
PERSON_COMMON_ZIPF = 4.3


@lru_cache(maxsize=65536)
def is_common_word(word: str, threshold: float = COMMON_ZIPF) -> bool:
    return zipf_frequency(word.lower(), "en") >= threshold


@dataclass(frozen=True, slots=True)
class SpanMention:
    """A mention together with its token span in the unit's Doc (for relation patterns)."""

    mention: Mention
    token_start: int
    token_end: int


def _make_mention(
    doc,
    start,
    end,
    transcript: Transcript,
    sentence: Sentence,
    etype: str,
    source: str,
    lexicon_id: str | None = None,
) -> SpanMention:
    if end > start:  # the span's offsets, read off the Doc's token list (no Span made)
        toks = tokens(doc)
        first, last = toks[start], toks[end - 1]
        span_start, span_end = first.idx, last.idx + len(last.text)
    else:
        span = doc[start:end]
        span_start, span_end = span.start_char, span.end_char
    char_start = sentence.char_start + span_start
    char_end = sentence.char_start + span_end
    t0, t1 = transcript.time_span(char_start, char_end)
    segment = transcript.segment_at(char_start)
    mention = Mention(
        transcript_id=transcript.id,
        sentence_index=sentence.index,
        segment_index=segment.index,
        char_start=char_start,
        char_end=char_end,
        surface=transcript.text[char_start:char_end].replace("\n", " "),
        type=etype,
        source=source,
        lexicon_id=lexicon_id,
        start=t0,
        end=t1,
        speaker=segment.speaker,
    )
    return SpanMention(mention, start, end)


def _lexicon_matches(doc, lexicon: Lexicon) -> list[tuple[int, int, LexiconEntry]]:
    """Longest-first lexicon matches over token n-grams; no overlaps.

    Token attributes are read once into lists, and an n-gram is looked up only when
    its key could name an entry (``Lexicon.all_keys``, a plural of one, or a token the
    tagger calls plural): most n-grams of speech are no name, and building their
    spans cost more than the parse of a sentence's entities."""
    matches = []
    n_tokens = len(doc)
    if not n_tokens:
        return matches
    texts, punct, space, plural = [], [], [], []
    for token in tokens(doc):
        texts.append(token.text)
        # a possessive "'s" ends no name: "OpenAI's GPT-4" is OpenAI, then its product
        # (read as a plural "openais" it would swallow the "'s")
        punct.append(token.is_punct or token.tag_ == "POS")
        space.append(token.is_space)
        plural.append(token.tag_ in _PLURAL_TAGS)
    word_keys = [_word_key(text) for text in texts]
    max_n = lexicon.max_words + 2  # hyphens split into extra tokens
    prefixes, all_keys, keys = lexicon.key_prefixes, lexicon.all_keys, lexicon.keys
    i = 0
    while i < n_tokens:
        found = None
        # only n-grams whose first n-1 words can still begin a lexicon name are tried
        # (the last word may be a plural or a variant, so it is not checked here)
        candidate_keys, key = [], ""
        for n in range(1, min(max_n, n_tokens - i) + 1):
            if key not in prefixes:
                break
            key += _first_word_key(texts[i]) if n == 1 else word_keys[i + n - 1]
            candidate_keys.append(key)
        for n in range(len(candidate_keys), 0, -1):
            key = candidate_keys[n - 1]
            last = i + n - 1
            if punct[i] or space[i] or punct[last]:
                continue
            if not (key in all_keys or plural[last] or (key.endswith("s") and key[:-1] in keys)):
                continue
            span = doc[i : i + n]
            entry = _lookup(lexicon, span, span.text)
            if entry is not None:
                found = (i, i + n, entry)
                break
        if found:
            matches.append(found)
            i = found[1]
        else:
            i += 1
    return matches


_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


@lru_cache(maxsize=65536)
def _first_word_key(word: str) -> str:
    """``name_key`` of a word that begins a name."""
    return name_key([word])


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    """``name_key`` of a word that is not the first of a name (number words read as digits)."""
    return name_key(["x", word])[1:]


def _lookup(lexicon: Lexicon, tokens, surface: str) -> LexiconEntry | None:
    exact = lexicon.exact.get(" ".join(surface.split()))
    if exact and len(surface) > 1:
        return lexicon.entries[exact]
    words = [t.text for t in tokens]
    key = name_key(words)
    entry_id = lexicon.keys.get(key)
    if entry_id is None and tokens[-1].tag_ in _PLURAL_TAGS:
        # plural of a lexicon name: "neural networks", "transformers"
        entry_id = lexicon.keys.get(name_key([*words[:-1], tokens[-1].lemma_]))
    if entry_id is None and len(key) > 4 and key.endswith("s") and not words[-1].endswith("ss"):
        # plurals the tagger misses ("lstms", "GPTs")
        entry_id = lexicon.keys.get(key[:-1])
    if entry_id is None or len(key) < 2:
        return None
    names = {n.lower() for n in lexicon.names(entry_id)}
    if len(tokens) > 1 and len(key) <= 4 and surface.lower() not in names:
        return None  # "as I" is not ASI: short names only match as written
    if len(tokens) == 1:
        word = tokens[0].text
        # a lowercase common word is a word, not a name ("cursor", "gemini", "go"),
        # unless the tagger reads it as a proper noun ("microsoft invested", "to london");
        # a word with a sign in it is no everyday word ("c++", which wordfreq reads as "c")
        if (
            word.islower()
            and word.isalpha()
            and is_common_word(word)
            and lexicon.entries[entry_id].type != "Concept"
            and tokens[0].pos_ != "PROPN"
        ):
            return None
        if len(key) <= 2 and word.islower():
            return None
    return lexicon.entries[entry_id]


#: Lowercase words that may stand inside a name ("University of Michigan").
NAME_CONNECTORS = frozenset({"of", "the", "and", "on", "de", "van", "von", "for", "la", "le", "du"})
#: In a cased transcript, a capitalised mid-sentence word at most this frequent in
#: English (Zipf) is taken as the name NER says it is ("Yahoo", "Bash", "Turing");
#: the very commonest words ("New", "Good") still need more.
TRUSTED_NAME_MAX_ZIPF = 5.5


def mid_sentence(doc, start: int) -> bool:
    """True if the token at ``start`` does not begin a sentence of the unit (so its
    capital, in a cased transcript, is the writer's choice, not the sentence's)."""
    if start == 0:
        return False
    before = doc[start - 1]
    return not (before.is_space or before.text in (".", "?", "!", ":", '"', "“", "-", "—"))


def _looks_like_name(
    span,
    etype: str,
    lexicon: Lexicon | None = None,
    trusted: bool = False,
) -> bool:
    """Whether an NER span can be a name. ``trusted``: the transcript is cased and
    punctuated and the span stands in mid-sentence, so its capitals are evidence.
    A place GeoNames vouches for is one in any casing ("geneva", "west Germany": words
    the truecaser left lowercase)."""
    words = [t for t in span if not t.is_punct]
    if not words:
        return False
    if etype == "Place" and gazetteer_vouches(span.doc, span.start, span.end):
        return True  # "Vienna", "geneva", "West Germany": frequent words, but GeoNames vouches
    inner = {t.i for t in words[1:-1]}
    if any(
        not (t.text[:1].isupper() or t.text[:1].isdigit() or brand_cased(t.text))
        for t in words
        if t.is_alpha
        and t.lower_ not in NAME_CONNECTORS
        # a surname's particles inside a person's name: "Walther von der Vogelweide"
        and not (etype == "Person" and t.i in inner and t.lower_ in _PARTICLES)
    ):
        return False
    if any(t.lower_ in _NOT_NAMES for t in words):
        return False
    # a web address is a name's word too ("Globex.com"), and so is a model number
    # of capitals and digits ("R2", "XT9")
    alpha = [
        t
        for t in words
        if t.is_alpha or (t.text[:1].isalpha() and (t.like_url or _model_number(t.text)))
    ]
    if not alpha:
        return False
    if etype == "Organization" and _place_institution(words):
        return True  # "Paris School of Medicine", "University of Vienna": common words
    if trusted and etype != "Person" and len(alpha) >= 3:
        # three words and more, each capitalised in mid-sentence of a cased transcript:
        # a title or an institution however common its words ("the Internet Health
        # Report", "the Council on Wage and Price Stability"); two may be a phrase said
        # with capitals for emphasis ("Steel Signal")
        return True
    if (
        trusted
        and not all(is_common_word(t.text, TRUSTED_NAME_MAX_ZIPF) for t in alpha)
        and not _surname_is_a_word(alpha, etype, lexicon)
    ):
        return not (
            len(alpha) == 1
            and alpha[0].text.isupper()
            and etype == "Person"
            and not acronym_of_a_person(alpha[0].lower_)
        )
    if len(alpha) == 1:
        word = alpha[0].text
        if brand_cased(word):
            return True  # "iPad", "eBay": the spelling is a brand's, however common
        if word.isupper() and len(word) >= 2:
            return not is_common_word(word, 4.5)  # acronyms: keep "FAIR"-like names, not "OK"
        if etype == "Person" and lexicon is not None and word.lower() in lexicon.given_names:
            return True  # "Adam", "Josh": given names that are no English word
        # famous surnames are frequent words too ("Shakespeare"); other one-word names must be rare
        return not is_common_word(word, PERSON_COMMON_ZIPF if etype == "Person" else COMMON_ZIPF)
    # a multi-word name made only of common words ("Steel Signal") is not trusted either,
    # unless it is a person's that starts with a given name ("James Bond")
    if etype == "Person" and lexicon is not None and alpha[0].lower_ in lexicon.given_names:
        return True
    if _surname_is_a_word(alpha, etype, lexicon):
        return False
    return not all(is_common_word(t.text, 4.0) for t in alpha)


#: NER labels of names of organisations and places, which a lowercase name of several
#: words keeps (see :func:`_lowercase_group_name`).
_GROUP_NAME_TYPES = frozenset({"Organization", "Place"})


def _lowercase_group_name(span, etype: str) -> bool:
    """In lowercase speech, an organisation or place NER finds with no capital to go by
    and of two or more words none of them a function word alone ("the soviet union",
    "united nations", "the brandenburg gate"): the model read the words together as
    one name, which it does not do for a run of everyday words; one word alone ("swan"
    as a place) or a person's or a title's span is as often a guess."""
    if etype not in _GROUP_NAME_TYPES:
        return False
    words = [t for t in span if t.is_alpha and t.lower_ not in NAME_CONNECTORS]
    if len(words) < 2 or any(len(t.text) <= 2 for t in words):
        return False
    # the truecaser capitalises a place in an institution's name ("the university of
    # Toronto"): its other words are still lowercase, one an institution's noun
    return all(t.text.islower() for t in words) or any(
        t.text.islower() and t.lower_ in _INSTITUTION_WORDS for t in words
    )


def _model_number(text: str) -> bool:
    """Capitals then digits, and nothing else ("R2", "XT9"): a model's name, where a
    word with digits in lowercase ("mp3") is a format's."""
    letters = text.rstrip("0123456789")
    return letters != text and letters.isalpha() and letters.isupper()


def gazetteer_vouches(doc, start: int, end: int) -> bool:
    """GeoNames knows the place NER read at ``doc[start:end]``: a large city (see
    :func:`.truecase.known_place`), or any town that is no frequent word, or a
    direction and such a place ("geneva", "east berlin"), unless a noun or adjective
    before it makes it a word modified ("an efficiency Delta")."""
    name = doc[start:end].text
    if known_place(name):
        return True
    if not (gazetteer_place(name) or compass_place(name)):
        return False
    return start == 0 or doc[start - 1].pos_ not in ("NOUN", "ADJ")


def _wider_place(doc, start: int, end: int, etype: str, inside: list[SpanMention]) -> bool:
    """NER's place holds only lexicon places and is itself a place GeoNames vouches
    for, or one WordNet lists as a named place: the longer name is the place meant
    ("North America" around "America", "West Germany" around "Germany", "Latin
    America" around "America")."""
    return (
        etype == "Place"
        and bool(inside)
        and all(m.mention.type == "Place" for m in inside)
        and (
            gazetteer_vouches(doc, start, end)
            or (
                all(m.token_end - m.token_start < end - start for m in inside)
                and name_type(tuple(t.lower_ for t in doc[start:end])) == "Place"
            )
        )
    )


def _company_of_name(
    doc, start: int, end: int, etype: str, inside: list[SpanMention], taken: list[bool]
) -> bool:
    """NER's organisation is a known name and a company word after it, all
    capitalised ("Mozilla Corporation", "Acme Labs" around "Acme"): the company's full
    name is the one said, as a place's longer name is (:func:`_wider_place`)."""
    if etype != "Organization" or not inside or doc[end - 1].lower_ not in _COMPANY_WORDS:
        return False
    if any(m.mention.type not in ("Organization", "Product") for m in inside):
        return False
    covered = {k for m in inside for k in range(m.token_start, m.token_end)}
    if any(taken[k] and k not in covered for k in range(start, end)) or end - 1 in covered:
        return False
    return all(t.text[:1].isupper() for t in doc[start:end] if t.is_alpha)


def _words_beside(
    doc, start: int, end: int, inside: list[SpanMention], taken: list[bool]
) -> list | None:
    """The tokens of NER's span ``doc[start:end]`` outside the known names ``inside``,
    or None if there are none or one of them is taken by another match."""
    covered = {k for m in inside for k in range(m.token_start, m.token_end)}
    extra = [doc[k] for k in range(start, end) if k not in covered]
    if not extra or any(taken[k] for k in range(start, end) if k not in covered):
        return None
    return extra


def _name_around_names(
    doc, start: int, end: int, etype: str, inside: list[SpanMention], taken: list[bool]
) -> bool:
    """NER's organisation, in capitals, is a known name with a name-like word of its own
    before or after it ("VA Linux" around the product "Linux", "Acme Robotics" is
    :func:`_company_of_name`'s): an acronym or a rare capitalised word is no common noun
    that NER swept in, so the organisation's longer name is the one said, and the known
    name is only a part of it."""
    if etype != "Organization" or not inside:
        return False
    if any(
        m.mention.source != "lexicon" or m.mention.type not in ("Organization", "Product", "Place")
        for m in inside
    ):
        return False
    extra = _words_beside(doc, start, end, inside, taken)
    if extra is None:
        return False
    return all(
        t.is_alpha
        and t.text[:1].isupper()
        and ((t.text.isupper() and len(t.text) >= 2) or not is_common_word(t.text))
        for t in extra
    ) and all(t.text[:1].isupper() for t in doc[start:end] if t.is_alpha)


#: Prefixes of family names written with a capital inside ("McCarthy", "LeCun",
#: "DiCaprio", "VanDerBeek", "O'Brien" is no single run of letters).
_SURNAME_PREFIXES = frozenset({"mc", "mac", "de", "di", "da", "du", "le", "la", "van", "von"})
_BRAND_WORD = re.compile(r"([A-Z][a-z]+)(?:[A-Z][a-z]+)+")


def brand_word(word: str) -> bool:
    """Whether ``word`` is capitalised words run together, as brands are written
    ("SourceForge", "AdSense", "PayPal"), and not a family name after a prefix
    ("McCarthy", "LeCun")."""
    match = _BRAND_WORD.fullmatch(word)
    return match is not None and match.group(1).lower() not in _SURNAME_PREFIXES


#: NER's types of a name whose last words may be a known product or organisation.
_HEADED_NAME_TYPES = frozenset({"Organization", "Product", "Person"})


def _known_name_as_head(
    doc, start: int, end: int, etype: str, inside: list[SpanMention], taken: list[bool]
) -> str | None:
    """The type of NER's name, in a cased transcript, that ends with a known product or
    organisation and adds capitalised words of its own before it ("Red Hat Enterprise
    Linux", "Rocky Linux" around the product "Linux"): in mid-sentence those capitals
    are the writer's, so the longer name is the one said, a variant or edition of the
    known one, and of its type (NER often calls "Rocky Linux" a person). ``None``: NER's
    span is no such name. Unlike :func:`_name_around_names` the added words may be
    common ones when there are several ("Red Hat"): the capitals of a run of words in
    mid-sentence are the evidence; one common word ("Desktop Linux") may be a
    descriptor the writer capitalised."""
    if etype not in _HEADED_NAME_TYPES or not inside or not mid_sentence(doc, start):
        return None
    if any(
        m.mention.source != "lexicon" or m.mention.type not in ("Organization", "Product")
        for m in inside
    ):
        return None
    head = max(inside, key=lambda m: m.token_end)
    if head.token_end != end:
        return None  # the known name ends the longer one
    if end < len(doc) and doc[end].lower_ in _COMPANY_WORDS:
        return None  # "Progeny Linux systems": a firm's name goes on past NER's span
    extra = _words_beside(doc, start, end, inside, taken)
    if extra is None:
        return None
    if not all(
        t.is_alpha
        and t.text[:1].isupper()
        and t.lower_ not in NAME_CONNECTORS
        and t.lower_ not in _NOT_NAMES
        and not is_common_word(t.text, TRUSTED_NAME_MAX_ZIPF)
        for t in extra
    ):
        return None
    if len(extra) == 1 and is_common_word(extra[0].text):
        return None  # "Desktop Linux": one common word, a descriptor written capitalised
    return head.mention.type


#: Last words by which a known firm's name followed by more names a part of the firm
#: ("Google Research", "Microsoft AI", "Intel Labs"), not one of its products.
_FIRM_UNIT_WORDS = frozenset(
    {"research", "brain", "ai", "labs", "lab", "foundation", "team", "group", "division"}
    | {"ventures", "capital", "studios", "health", "university", "institute", "academy"}
)


def _product_of_known_firm(
    doc, start: int, end: int, inside: list[SpanMention], taken: list[bool]
) -> str | None:
    """ "Product" for NER's name, in a cased transcript, that opens with a known
    organisation and goes on with capitalised words of its own in mid-sentence ("Amazon
    RDS", "Facebook Messenger", "Microsoft Teams"): a firm's name before a name of its
    own names the firm's product. ``None`` when the words after the firm name one of
    its parts ("Google Research", :data:`_FIRM_UNIT_WORDS`), a place ("Google
    Zurich"), or when NER's span holds anything but the one known firm at its start."""
    if not mid_sentence(doc, start) or len(inside) != 1:
        return None
    firm = inside[0]
    if (
        firm.mention.source != "lexicon"
        or firm.mention.type != "Organization"
        or firm.token_start != start
        or firm.token_end >= end
        or any(taken[firm.token_end : end])
    ):
        return None
    extra = doc[firm.token_end : end]
    if not all(t.text[:1].isupper() and (t.is_alpha or t.text.isalnum()) for t in extra):
        return None
    said = firm.mention.surface
    if said.endswith("s") and not said[:-1].endswith("s") and extra[-1].text.endswith("s"):
        return None  # "the Twitters Facebooks": firms said in the plural, kinds listed
    if extra[-1].lower_ in _FIRM_UNIT_WORDS | _COMPANY_WORDS | _INSTITUTION_WORDS:
        return None
    if gazetteer_vouches(doc, firm.token_end, end):
        return None
    # its last word may say what it is: "the MIT License" is a text, "Chrome OS" a system
    return name_head_type(tuple(t.text for t in doc[start:end])) or "Product"


def _place_institution(words) -> bool:
    """An institution named after a place GeoNames knows: the place, then an
    institution word ("Leiden University", "Paris School of Medicine"), or the
    institution word, "of" and the place ("University of Vienna")."""
    texts = [t.text for t in words]
    lowers = [t.lower_ for t in words]
    k = next((i for i, w in enumerate(lowers) if w in _INSTITUTION_WORDS), None)
    if k is None:
        return False
    if k > 0 and known_place(" ".join(texts[:k])):
        return True
    return k + 2 < len(texts) and lowers[k + 1] == "of" and known_place(" ".join(texts[k + 2 :]))


def _surname_is_a_word(alpha, etype: str, lexicon: Lexicon | None) -> bool:
    """A person's name of several words without a given name whose last word is a
    common word and no surname: "Atlas Arm", "Echo Show" (products NER calls people)."""
    return (
        etype == "Person"
        and lexicon is not None
        and len(alpha) > 1
        and alpha[0].lower_ not in lexicon.given_names
        and is_common_word(alpha[-1].text, 4.5)
        and alpha[-1].lower_ not in lexicon.surnames
    )


def _kind_first(doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """A name of several words begins with a kind noun of :data:`_KIND_TYPES` that is
    no given name, and a proper noun follows it ("Encyclopedia Galactica")."""
    first = doc[start].lower_
    return (
        end - start > 1
        and first in _KIND_TYPES
        and first not in lexicon.given_names
        and doc[start].text[:1].isupper()
        and doc[start + 1].pos_ == "PROPN"
    )


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """NER's span without the function words and punctuation at its edges, and with the
    rest of a hyphenated word it cut ("Port-au-" + "Prince")."""
    while (
        start < end < len(doc)
        and doc[end - 1].text == "-"
        and not doc[end - 1].whitespace_
        and doc[end].is_alpha
    ):
        end += 1
    while start < end and (doc[start].lower_ in _STRIP_WORDS or doc[start].is_punct):
        start += 1
    if end - start > 1 and doc[start].lower_ in _OPENING_ADVERBS and not mid_sentence(doc, start):
        start += 1  # "Later Luma Labs grew": the sentence's adverb, capitalised by place
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].lower_ in {"'s", "’s", "s"}
        or doc[end - 1].lower_ in _STRIP_WORDS
    ):
        end -= 1
    return start, end


#: Adverbs that open a sentence and so take a capital NER may read into the name after
#: them ("Later Luma Labs grew", "Then Acme Corp hired me").
_OPENING_ADVERBS = frozenset(
    {"later", "then", "now", "today", "yesterday", "tomorrow", "also", "so", "meanwhile"}
    | {"eventually", "finally", "recently", "actually", "basically", "still", "again"}
    | {"afterwards", "afterward", "anyway", "obviously", "luckily", "sadly", "ultimately"}
)

_ARTICLES = frozenset({"a", "an"})


def _used_as_common_noun(doc, start: int, end: int, entry: LexiconEntry) -> bool:
    """A one-word lexicon name that is also an English word, used as a word: "an
    Oracle", "an Apple", "the Oracle at the time" (concepts are words anyway)."""
    if entry.type == "Concept" or end - start != 1:
        return False
    word = doc[start].text
    if start == 0 or not is_common_word(word):
        return False
    before = doc[start - 1].lower_
    if before in _ARTICLES:
        return True
    # "you don't get the Oracle at the time": a company is not "the X" as a noun of
    # its own (though "the Google team" is Google)
    following = doc[end] if end < len(doc) else None
    return (
        before == "the"
        and entry.type == "Organization"
        and (
            following is None
            or following.text in (".", "?", "!")
            or following.pos_ in ("ADP", "AUX", "VERB", "PART", "CCONJ", "SCONJ", "ADV")
        )
    )


def acronym_of_a_person(word: str) -> bool:
    """WordNet lists the acronym ``word`` (lowercase) as a named person first ("jfk",
    "fdr", "lbj"): written in capitals, it is that person, not an all-capitals word NER
    misread as one ("TUI")."""
    return _wordnet_names().get((word,)) == "Person"


def _not_a_name_here(doc, start: int, end: int, etype: str) -> bool:
    """Context that shows an NER span is no name: "a Zoomer"; an all-capitals word as a
    person ("TUI"); an acronym modifying the noun after it ("SOP reason"); a person or
    organisation that is a plural description ("Black Founding Fathers")."""
    if start > 0 and doc[start - 1].lower_ in _ARTICLES and end - start == 1:
        return True
    words = [t for t in doc[start:end] if t.is_alpha]
    if etype == "Person" and any(t.text.isupper() and len(t.text) > 1 for t in words):
        # unless general knowledge has a person of that acronym ("JFK", "FDR")
        return not (len(words) == 1 and acronym_of_a_person(words[0].lower_))
    if (
        end - start == 1
        and doc[start].text.isupper()
        and end < len(doc)
        and doc[end].pos_ == "NOUN"
        and not doc[end].text[:1].isupper()
    ):
        return True
    return (
        etype in ("Person", "Organization")
        and doc[end - 1].tag_ in ("NNS", "NNPS")
        and end - start > 1
        and not (etype == "Organization" and doc[end - 1].lower_ in _COMPANY_PLURALS)
        and _plural_of_a_word(doc[end - 1])
    )


def _plural_of_a_word(token) -> bool:
    """A word the tagger calls plural is the plural of an English word ("Fathers"),
    not a name that ends in "s" ("Madras", "Hopkins"): its singular is a common word."""
    lemma = token.lemma_.lower()
    singular = lemma if lemma != token.lower_ else token.lower_[:-1]
    return is_common_word(singular)


#: Particles that begin a surname ("van", "von", "de"), never end a name.
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "al"})

#: Last words that make a name a company's, whatever NER says.
_COMPANY_WORDS = frozenset(
    {"inc", "corp", "corporation", "llc", "ltd", "gmbh", "lab", "labs", "ventures", "capital"}
    | {"robotics", "technologies", "systems", "industries", "studios", "institute"}
)

#: Head words of institutions, whose names are often all common words.
_INSTITUTION_WORDS = INSTITUTION_WORDS

#: Plural last words of company names ("Halcyon Robotics", "Lumen Technologies").
_COMPANY_PLURALS = frozenset(
    {
        "robotics",
        "dynamics",
        "systems",
        "industries",
        "technologies",
        "labs",
        "laboratories",
        "partners",
        "ventures",
        "networks",
        "solutions",
        "analytics",
        "games",
        "studios",
        "motors",
        "airlines",
        "therapeutics",
        "sciences",
        "semiconductors",
        "devices",
        "communications",
        "holdings",
        "investments",
        "associates",
        "works",
        "brothers",
        "foods",
        "pharmaceuticals",
        "electronics",
        "graphics",
        "instruments",
        "machines",
        "media",
        "news",
        "records",
        "services",
    }
)


def find_mentions(
    doc,
    transcript: Transcript,
    sentence: Sentence,
    lexicon: Lexicon,
    trust_case: bool = False,
    lowercase: bool = False,
    sentence_case: SentenceCaseWords | None = None,
) -> list[SpanMention]:
    """Lexicon and NER mentions in one unit, without overlaps, in text order.
    ``trust_case``: the transcript's capitals mark names; ``lowercase``: it has none
    of its own, and the parser read a truecased copy (see :mod:`.casing`);
    ``sentence_case``: the transcript's common words, capitalised only where a
    sentence begins (NER's one-word name there is no name)."""
    taken = [False] * len(doc)
    found: list[SpanMention] = []

    def add(start: int, end: int, etype: str, source: str = "ner", entry_id=None) -> None:
        """Keep the mention at ``doc[start:end]`` and mark its tokens taken."""
        if (
            source != "lexicon"
            and end - start == 2
            and doc[start].lower_ == doc[start + 1].lower_
            and doc[start].is_alpha
            and not gazetteer_place(doc[start:end].text)  # "Walla Walla", "Pago Pago"
            and _wordnet_names().get((doc[start].lower_, doc[start].lower_)) is None
        ):
            # "a model called corvid corvid is based on": the name ends one clause and
            # opens the next, two mentions run together in unpunctuated speech; a common
            # word so doubled ("a company called book book was") is no name at all
            if is_common_word(doc[start].text):
                for k in range(start, end):
                    taken[k] = True
                return
            found.append(
                _make_mention(doc, start, start + 1, transcript, sentence, etype, source, entry_id)
            )
            taken[start] = True
            start += 1
        found.append(_make_mention(doc, start, end, transcript, sentence, etype, source, entry_id))
        for k in range(start, end):
            taken[k] = True

    def absorb(start: int, end: int, etype: str) -> None:
        """:func:`add`, dropping the mentions the new one holds."""
        nonlocal found
        found = [m for m in found if not (start <= m.token_start and m.token_end <= end)]
        add(start, end, etype)

    for start, end, entry in _lexicon_matches(doc, lexicon):
        if doc[end - 1].tag_ in ("NNS", "NNPS") and plural_of_entry(doc[start:end].text, entry):
            for k in range(start, end):
                taken[k] = True  # kinds, not the one named: NER's name there is none either
            continue
        if _used_as_common_noun(doc, start, end, entry):
            continue
        add(start, end, entry.type, "lexicon", entry.id)
    for start, end, etype in _called_names(doc, taken, lowercase):
        add(start, end, etype)
    ner_spans = _owned_by_known(doc, _ner_spans(doc), taken)
    # "at luma labs ana silva a professor": a firm and the person after it
    ner_spans = split_after_company(doc, ner_spans, lexicon.given_names, _COMPANY_WORDS)
    if trust_case:  # "Lockheed" + "Martin": one name the parse joins
        ner_spans = joined_names(doc, ner_spans, taken)
        # "Tyler Tringas of the Calm Fund", "Gloria and Fanquake": more than one name
        ner_spans = split_people(doc, ner_spans, lexicon.given_names)
    for ent_start, ent_end, etype in ner_spans:
        start, end = _trim(doc, ent_start, ent_end)
        if start >= end:
            continue
        if (
            sentence_case is not None
            and end - start == 1
            and not mid_sentence(doc, start)
            and not taken[start]
            and sentence_case.common(doc[start].text)
        ):
            continue  # "Taurine is ...", when the transcript says "taurine" too
        while etype == "Person" and end - start > 1 and doc[end - 1].lower_ in _PARTICLES:
            end -= 1  # "anton von [living hope]": the particle begins a surname not heard
        start, etype = cut_title(doc, start, end, etype, lexicon.given_names, trust_case)
        if not etype:  # a group's label on a word the parse calls a name
            etype = _group_as_name(doc, start, end) if trust_case else None
            if etype is None:
                continue
        if lowercase and street_name(tuple(t.lower_ for t in doc[start:end])):
            etype = "Place"  # "alexander platz": a street or square, whoever it honours
        elif etype == "Person" and end - start > 1 and doc[end - 1].lower_ in _COMPANY_WORDS:
            etype = "Organization"  # "Eureka Labs", "Acme Inc": a company, not a person
        elif etype == "Person" and _kind_first(doc, start, end, lexicon):
            # "Encyclopedia Galactica", "Festival Kelpfest": no one's given name is a
            # kind noun; the word says what the name is
            etype = _KIND_TYPES[doc[start].lower_]
        elif (
            etype in ("Place", "Organization")
            and end - start in (2, 3)
            and doc[start].lower_ in lexicon.given_names
            and all(t.is_alpha for t in doc[start:end])
            and doc[end - 1].lower_ not in _COMPANY_WORDS
            and doc[end - 1].lower_ not in _INSTITUTION_WORDS
        ):
            etype = "Person"  # "Marguerite Okonkwo" read as a place: a given name first
        elif etype != "Place" and trust_case and town_of_region(doc, start, end):
            etype = "Place"  # "flew to Lyon, France": a town, whatever NER says
        elif etype == "Place" and end - start == 1 and acts_as_person(doc, start):
            etype = "Person"  # "Fukuyama argued": a place does not argue
        elif etype == "Person" and place_among_places(doc, start, end, lexicon.given_names):
            etype = "Place"  # "frankfurt and darmstadt": a town in a list of places
        elif etype in ("Organization", "Product", "Place") and _event_head(
            _last_word(doc, start, end)
        ):
            etype = "Event"  # "the Acme IPO", "the Dotcom Crash": things that happened
        elif etype in ("Work", "Person") and _event_name(doc, start, end):
            etype = "Event"  # "the Aldmere Revolution" read as a law: it happened
        elif (head_type := name_head_type(tuple(t.text for t in doc[start:end]))) is not None:
            # "the Potsdam Declaration", "Kali Linux": the last word says what it is
            etype = head_type
        elif etype in ("Organization", "Product", "Place") and show_attended(doc, start, end):
            etype = "Event"  # "at the Motor Show": one is at an event, on a TV show
        overlaps = any(taken[start:end])
        inside = (
            [m for m in found if start <= m.token_start and m.token_end <= end] if overlaps else []
        )
        # a name made with a concept's word ("Lumen Robotics", "Scale AI") is the name
        if (
            overlaps
            and not _name_around_concepts(doc, start, end, etype, inside, taken)
            and not _wider_place(doc, start, end, etype, inside)
            and not _company_of_name(doc, start, end, etype, inside, taken)
            and not (trust_case and _name_around_names(doc, start, end, etype, inside, taken))
        ):
            wider = (
                (
                    _known_name_as_head(doc, start, end, etype, inside, taken)
                    or _product_of_known_firm(doc, start, end, inside, taken)
                )
                if trust_case
                else None
            )
            if wider is None:
                continue
            etype = wider
        span = doc[start:end]
        trusted = trust_case and mid_sentence(doc, start)
        if lowercase and not overlaps and _person_beside_people(doc, start, end):
            etype = "Person"  # "other scientists kazimir de vein": no capitals to go by
        elif not (
            _looks_like_name(span, etype, lexicon, trusted)
            or (lowercase and not overlaps and _lowercase_group_name(span, etype))
        ) or _not_a_name_here(doc, start, end, etype):
            continue
        if overlaps:
            found = [m for m in found if m not in inside]
        add(start, end, etype)
    if trust_case:
        for start, end, etype in _listed_names(doc, taken):
            if not _looks_like_name(doc[start:end], etype, lexicon, True) or _not_a_name_here(
                doc, start, end, etype
            ):
                continue
            add(start, end, etype)
        if sentence_case is not None:
            for start, end in _unlabelled_names(doc, taken, lexicon, sentence_case):
                add(start, end, context_type(doc, start, end) or "Organization")
        for start, end in _member_of_names(doc, taken):
            add(start, end, "Organization")
        for start, end in _domain_names(doc, taken):
            add(start, end, context_type(doc, start, end) or "Organization")
        for start, end in _affiliations(doc, taken):
            if _looks_like_name(doc[start:end], "Organization", lexicon, True):
                add(start, end, "Organization")
        for start, end in _institution_names(doc, found):
            # the name holds the concepts it is made of ("Open Source Robotics Foundation")
            absorb(start, end, "Organization")
        for start, end in _designated_firms(doc, found):
            # the firm's name holds the names it is made of ("Acme Capital" + "group")
            absorb(start, end, "Organization")
        for start, end in _quoted_titles(doc, found):
            # the title holds the concepts it is made of ("statistical inference")
            absorb(start, end, "Work")
        for start, end in _titles_of_pieces(doc, found):
            # "Alice in Wonderland": one title, not a person and a place
            absorb(start, end, "Work")
    for start, end, etype in _items_before_others(doc, taken, lowercase):
        if lowercase or (
            _looks_like_name(doc[start:end], etype, lexicon, True)
            and not _not_a_name_here(doc, start, end, etype)
        ):
            add(start, end, etype)
    spoken = _spoken_names(doc, taken, lexicon.given_names, lowercase)
    if lowercase:
        spoken += _authors(doc, taken)
        spoken += _titled_spoken_names(doc, taken, lexicon.given_names, lexicon.surnames)
    for start, end in spoken:
        add(start, end, "Person")
    if lowercase:
        for start, end in _life_span_names(doc, lexicon.given_names):
            # the name as heard holds the part of it NER read ("anton [von living hope]")
            if all(
                m.token_end <= start
                or end <= m.token_start
                or (start <= m.token_start and m.token_end <= end and m.mention.type == "Person")
                for m in found
            ):
                absorb(start, end, "Person")
        named = (
            _dated_events(doc, taken)
            + _named_acts(doc, taken)
            + _known_names(doc, taken)
            + _lowercase_firms(doc)
        )
        for start, end, etype in named:
            if any(taken[start:end]):
                continue
            if etype == "Person" and place_among_places(doc, start, end, lexicon.given_names):
                etype = "Place"  # "the danube the rhine": the river, not the man
            add(start, end, etype)
    if lowercase:
        for start, end in _firms(doc, taken):
            add(start, end, "Organization")
    found = [_with_direction(doc, m, transcript, sentence, taken) for m in found]
    found.sort(key=lambda m: m.token_start)
    return found


def _unlabelled_names(
    doc, taken: list[bool], lexicon: Lexicon, sentence_case: SentenceCaseWords
) -> list[tuple[int, int]]:
    """In cased text, names NER never tagged: a run of proper nouns capitalised in
    mid-sentence, with no NER label on any word (NER's own reading, a nationality's
    too, stands), not all common English words or WordNet nouns ("Uzbek"), not an
    acronym alone (a common noun's
    as often: "CRM") and not opening with a given name (a person's, which other readers
    settle), that the transcript writes so again and again, seldom in lowercase
    (:meth:`.ner_repairs.SentenceCaseWords.recurring_name`:
    "CentOS", said 23 times in a talk about it, never tagged). Its type is the one its
    context gives (:func:`context_type`), else an organisation's, which the votes of
    its other mentions may settle (:func:`kg.extract._types_from_context`)."""
    toks = tokens(doc)
    out = []
    i = 0
    while i < len(toks):
        if taken[i] or toks[i].pos_ != "PROPN" or not mid_sentence(doc, i):
            i += 1
            continue
        end = i
        while end < len(toks) and not taken[end] and toks[end].pos_ == "PROPN":
            end += 1
        words = toks[i:end]
        if (
            all(t.text[:1].isupper() and (t.is_alpha or t.text.isalnum()) for t in words)
            and not any(t.ent_type_ for t in words)
            and not all(is_common_word(t.text) or wordnet.senses(t.lower_) for t in words)
            and not all(t.text.isupper() for t in words)
            and words[0].lower_ not in lexicon.given_names
            and sentence_case.recurring_name(doc[i:end].text)
        ):
            out.append((i, end))
        i = end
    return out


def _life_span_names(doc, given_names) -> list[tuple[int, int]]:
    """In lowercase speech, people told by the years of their life ("anton von levan
    who lived from 1632 to 1723": :func:`.propernames.life_span_name`)."""
    toks = tokens(doc)
    words = [t.lower_ for t in toks]
    stops = frozenset(w for w in words if doc.vocab[w].is_stop)
    out = []
    for i in range(len(toks)):
        end = life_span_name(words, i, given_names, stops)
        if end is not None:
            out.append((i, end))
    return out


def _known_names(doc, taken: list[bool]) -> list[tuple[int, int, str]]:
    """In lowercase speech, the named individuals general knowledge lists that no
    other reading took ("since hippocrates", "khrushchev predicted", "the baltic
    sea": :mod:`.propernames`), typed as WordNet types them: NER does not see a name
    without its capital, and these are names before they are words."""
    toks = tokens(doc)
    words = [t.lower_ for t in toks]
    out = []
    i = 0
    while i < len(toks):
        named = None if taken[i] or not toks[i].is_alpha else longest_name(words, i)
        if named is None and not taken[i] and sea_without_head(words, i):
            # "across the atlantic"; not "the arctic tundra", the word modifying a noun
            if (
                i + 1 == len(toks)
                or toks[i + 1].pos_ not in ("NOUN", "PROPN")
                or toks[i].dep_ not in _MODIFIER_DEPS | {"nmod"}
            ):
                # "an article in the atlantic": the magazine, not the ocean
                out.append((i, i + 1, "Work" if _written_in(words, i) else "Place"))
            i += 1
            continue
        if (
            named is None
            or any(taken[i : i + named[0]])
            or _modifies_a_noun(doc, i + named[0], named[0] > 1)
        ):
            i += 1
            continue
        out.append((i, i + named[0], named[1]))
        i += named[0]
    return out


#: Nouns of agreements between parties: with a year, the name of a treaty, a Work.
_AGREEMENT_HEADS = frozenset({"agreement", "treaty", "accord", "accords", "pact", "convention"})
#: Nouns of things that happen, besides :data:`_EVENT_HEADS`, that a year makes one
#: named event ("the 1988 olympics").
_DATED_EVENT_HEADS = frozenset({"olympics", "games", "blockade", "airlift"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nummod"})


#: Nouns of a piece of writing: "an article in the atlantic" names a magazine.
_WRITING_NOUNS = frozenset(
    {"article", "articles", "piece", "pieces", "essay", "essays", "column", "columns"}
    | {"op-ed", "story", "stories", "interview", "review", "letter", "editorial"}
)


def _written_in(words: list[str], i: int) -> bool:
    """The name at ``words[i]`` (after "the") follows "<a piece of writing> in the", up
    to two words after the noun ("an article together in the atlantic"): a publication,
    not the sea."""
    if i < 3 or words[i - 1] != "the" or words[i - 2] != "in":
        return False
    return any(w in _WRITING_NOUNS for w in words[max(0, i - 5) : i - 2])


#: Most words a law's name runs before "act" ("the chips and science act").
_ACT_NAME_WORDS = 5


def _named_acts(doc, taken: list[bool]) -> list[tuple[int, int, str]]:
    """In lowercase speech, a law named by what it does: "the inflation reduction act",
    "the chips and science act", "the buy american act". "The" opens it and two or more
    words that are no function word ("and" between them aside) run up to "act"; one word
    is a common noun's modifier as often ("the balancing act", "the final act"). A law
    is a Work, its text."""
    out = []
    toks = tokens(doc)
    for head in toks:
        if head.lower_ != "act" or head.pos_ not in ("NOUN", "PROPN") or taken[head.i]:
            continue
        start = head.i
        while (
            start > 0
            and head.i - start < _ACT_NAME_WORDS
            and not taken[start - 1]
            and toks[start - 1].is_alpha
            and (toks[start - 1].lower_ == "and" or not toks[start - 1].is_stop)
        ):
            start -= 1
        words = [t for t in toks[start : head.i] if t.lower_ != "and"]
        if (
            start == 0
            or toks[start - 1].lower_ != "the"
            or len(words) < 2
            or toks[start].lower_ == "and"
            or all(t.pos_ == "ADJ" for t in words)
        ):
            continue
        out.append((start, head.i + 1, "Work"))
    return out


#: A name written as a web domain: "BNH.ai", "H2O.ai", "Globex.com" (a label of
#: letters, digits and hyphens opening with a letter or digit, then a top-level domain
#: companies name themselves by).
_DOMAIN_NAME = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9-]*\.(?:ai|io|com|org|net|co|app|dev|so|xyz|tech|tv|me|fm|ly)"
)


def _domain_names(doc, taken: list[bool]) -> list[tuple[int, int]]:
    """In cased text, a word NER left unlabelled that is written as a web domain whose
    name has a capital or a digit ("BNH.ai", "H2O.ai"): firms and products name
    themselves so, and no English word is spelt like it. A lowercase domain ("example.com")
    is as often an address read out."""
    out = []
    for token in tokens(doc):
        text = token.text
        if taken[token.i] or token.ent_type_ or not _DOMAIN_NAME.fullmatch(text):
            continue
        label = text.rsplit(".", 1)[0]
        if any(c.isupper() or c.isdigit() for c in label):
            out.append((token.i, token.i + 1))
    return out


def _dated_events(doc, taken: list[bool]) -> list[tuple[int, int, str]]:
    """In lowercase speech, a noun of a thing that happens or of an agreement that a
    year makes one of its kind: "the 1988 olympics", "the 1917 revolution", "the four
    power agreement of 1971" (an event; an agreement is a Work, its text). The span is
    the noun, its modifiers before it and the "of <year>" after it. Without the year,
    "the agreement" or "a revolution" is a common noun."""
    out = []
    for head in tokens(doc):
        if taken[head.i] or head.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = head.lemma_.lower()
        if lemma in _AGREEMENT_HEADS or head.lower_ in _AGREEMENT_HEADS:
            etype = "Work"
        elif head.lower_ in _DATED_EVENT_WORDS or lemma in _DATED_EVENT_WORDS:
            etype = "Event"
        else:
            continue
        start = head.i
        while (
            start > 0
            and doc[start - 1].dep_ in _MODIFIER_DEPS
            and start <= doc[start - 1].head.i <= head.i
        ):
            start -= 1  # "the [harbour rights treaty]": modifiers of modifiers too
        end = head.i + 1
        dated = any(_YEAR.fullmatch(t.text) for t in doc[start : head.i])
        if (
            end + 1 < len(doc)
            and doc[end].lower_ == "of"
            and doc[end].head == head
            and _YEAR.fullmatch(doc[end + 1].text)
        ):
            end += 2
            dated = True
        if dated and not any(taken[start:end]):
            out.append((start, end, etype))
    return out


#: The last words of firms' names in lowercase speech ("tidewater labs", "sequoia
#: capital"): nouns no field or topic ends in, unlike "systems" or "robotics".
_FIRM_NAME_ENDS = frozenset(
    {"labs", "capital", "ventures", "inc", "corp", "corporation", "llc", "ltd", "gmbh"}
)
#: Each word before a firm's last word is at most this frequent in English (Zipf):
#: "tidewater" (2.6), "sequoia" (2.8); not "venture capital", "human capital".
FIRM_WORD_MAX_ZIPF = 3.0
#: A word said where an employer stands ("an engineer at X", "worked at X") that is no
#: noun of WordNet and at most this frequent (Zipf) names the employer: "deepmind"
#: (2.2), "microsoft" (4.4); not "home", "night", nouns of WordNet.
EMPLOYER_MAX_ZIPF = 4.5
_WORK_VERBS = frozenset({"work", "intern", "teach", "consult"})
#: Verbs of deals between firms, whose subject and object are firms.
_DEAL_VERBS = frozenset({"acquire", "buy", "fund", "invest", "merge", "sue"})


def _lowercase_firms(doc) -> list[tuple[int, int, str]]:
    """In lowercase speech, firms named by the parse: rare words before a noun that
    ends firms' names ("tidewater labs"), and a word no dictionary lists where an
    employer stands (:func:`works_at`)."""
    out = []
    for t in tokens(doc):
        if t.lower_ in _FIRM_NAME_ENDS and t.i > 0:
            start = t.i
            while (
                start > 0
                and doc[start - 1].is_alpha
                and not doc[start - 1].is_stop
                and not is_common_word(doc[start - 1].text, FIRM_WORD_MAX_ZIPF)
            ):
                start -= 1
            if start < t.i:
                out.append((start, t.i + 1, "Organization"))
        elif works_at(doc, t.i):
            out.append((t.i, t.i + 1, "Organization"))
    return out


def works_at(doc, i: int) -> bool:
    """The word at ``i`` stands where an employer does ("an engineer at X", "worked at
    X", "interned for X") or a party to a deal ("X acquired Y") and is no noun of
    WordNet and not frequent in English: a firm's name ("deepmind", "microsoft"; not
    "at home", "bought apples")."""
    t = tokens(doc)[i]
    if (
        t.dep_ not in ("nsubj", "dobj", "pobj")
        or not t.is_alpha
        or t.is_stop
        or len(t.text) < 4
        or t.pos_ in ("ADV", "ADJ", "ADP", "AUX", "PRON", "DET", "NUM", "CCONJ", "SCONJ")
        or wordnet.senses(t.lower_)
        or is_common_word(t.text, EMPLOYER_MAX_ZIPF)
    ):
        return False
    if t.dep_ in ("nsubj", "dobj"):
        return t.head.lemma_.lower() in _DEAL_VERBS  # "google acquired kaggle"
    if t.dep_ != "pobj" or t.head.lower_ not in ("at", "for"):
        return False
    governor = t.head.head
    return governor.lemma_.lower() in _WORK_VERBS or (
        governor.pos_ == "NOUN" and wordnet.first_lexname(governor.lemma_.lower()) == "noun.person"
    )


def _modifies_a_noun(doc, end: int, several: bool = False) -> bool:
    """The word before ``end`` is not a noun standing for itself: an inflected other word
    ("a fuller life") or a one-word name modifying a noun after it, part of a longer
    name or phrase ("the nobel prize", "the brandenburg gate"); a name before a noun for
    people is theirs ("nato ministers"), and a name of ``several`` words is one
    wherever it stands ("central america democracy")."""
    last = doc[end - 1]
    if last.pos_ not in ("PROPN", "NOUN") or last.tag_ in ("JJR", "JJS", "RBR"):
        return True
    return (
        not several
        and last.dep_ in ("compound", "amod", "nmod")
        and last.head.i >= end
        and wordnet.first_lexname(last.head.lemma_.lower()) != "noun.person"
    )


def _with_direction(doc, span: SpanMention, transcript, sentence, taken: list[bool]):
    """A place with a direction word before it is the part of the place the speaker
    names ("western Europe", "central america"): the span grows to hold the word, and
    it is a name of its own, no longer the lexicon's place."""
    start = span.token_start
    if span.mention.type != "Place" or start == 0 or taken[start - 1]:
        return span
    word = doc[start - 1]
    if word.lower_ not in COMPASS_WORDS or word.pos_ not in ("ADJ", "PROPN", "NOUN"):
        return span
    if (
        start >= 3
        and doc[start - 2].lower_ in ("and", "or")
        and doc[start - 3].lower_ in COMPASS_WORDS
    ):
        return span  # "north and south Korea": two places, not one
    taken[start - 1] = True
    return _make_mention(doc, start - 1, span.token_end, transcript, sentence, "Place", "ner")


#: Lexicon types whose names say a transcript is about the lexicon's field (places and
#: concepts are everyone's: a lecture on medicine says "Paris" and "biology" too).
_FIELD_TYPES = frozenset({"Person", "Organization", "Product", "Event", "Work"})


def _ambiguous_match(span: SpanMention, lexicon: Lexicon) -> bool:
    """A lexicon match of a thing (not a person) on one word that is also a given name
    of people ("Claude" the assistant, "Julia" the language)."""
    m = span.mention
    return (
        m.lexicon_id is not None
        and m.type in _FIELD_TYPES - {"Person"}
        and span.token_end - span.token_start == 1
        and m.surface.lower() in lexicon.given_names
    )


def unsupported_lexicon_names(units: list[tuple[object, list[SpanMention]]], lexicon: Lexicon):
    """The lexicon entries of a transcript matched only by a name that is also a given
    name, with nothing else in the transcript to support the lexicon's reading: no
    other name of the lexicon's field (a person, organisation, product, event or work)
    and no context that gives it its type ("an assistant called X", "released X").
    A lecture on medicine that names a physician "claude ..." is not about the
    assistant; a talk that also names its maker, or other models, is."""
    ambiguous: dict[str, list[tuple[object, SpanMention]]] = {}
    plain: set[str] = set()
    for doc, spans in units:
        for span in spans:
            entry_id = span.mention.lexicon_id
            if entry_id is None or span.mention.type not in _FIELD_TYPES:
                continue
            if _ambiguous_match(span, lexicon):
                ambiguous.setdefault(entry_id, []).append((doc, span))
            else:
                plain.add(entry_id)
    out = set()
    for entry_id, found in sorted(ambiguous.items()):
        if plain - {entry_id}:
            continue  # the transcript names other things of the field
        if entry_id in plain or any(
            context_type(doc, s.token_start, s.token_end) == s.mention.type for doc, s in found
        ):
            continue
        out.add(entry_id)
    return out


def person_reading(
    doc, transcript: Transcript, sentence: Sentence, span: SpanMention, spans: list[SpanMention]
) -> SpanMention | None:
    """The person a dropped given-name lexicon match begins, when NER read a person's
    name of several words there ("claude marvaux") that no other mention overlaps."""
    for ent in doc.ents:
        if (
            ent.label_ == "PERSON"
            and ent.start == span.token_start
            and ent.end > span.token_end
            and not any(
                s is not span and s.token_start < ent.end and ent.start < s.token_end for s in spans
            )
        ):
            return _make_mention(doc, ent.start, ent.end, transcript, sentence, "Person", "ner")
    return None


#: NER labels of names that a list of several may be run together in ("X, Y, and Z").
_LISTED_TYPES = frozenset({"Person", "Organization", "Place", "Product"})


#: NER's label for nationalities and groups, which it also puts on unseen names.
_GROUP_LABEL = "NORP"


def _group_as_name(doc, start: int, end: int) -> str | None:
    """The type of a span NER calls a nationality or group ("Globex.com" in "companies
    like Globex.com") when the parse reads it as a proper noun in mid-sentence and its
    context says what it is (:func:`context_type`); "American" and "Buddhist" are
    adjectives or have no such context."""
    if not mid_sentence(doc, start) or any(
        t.pos_ != "PROPN" or t.dep_ == "amod" for t in doc[start:end]
    ):
        return None
    etype = context_type(doc, start, end)
    if etype is None and all(
        t.is_alpha and not wordnet.senses(t.lower_) and not is_common_word(t.text)
        for t in doc[start:end]
    ):
        # nationalities and faiths are WordNet nouns ("French", "Sikh"); a rare word
        # no dictionary knows is a name NER never saw ("Zorbix"): an organisation's,
        # the type :func:`_types_from_context` may settle from its other mentions
        return "Organization"
    return etype


def _owned_by_known(doc, spans: list[tuple[int, int, str]], taken: list[bool]):
    """NER's spans, each that opens with a known name and its possessive "'s" cut to
    the name it owns ("Mozilla's IRL Podcast": Mozilla is the lexicon's, "IRL Podcast"
    a name of its own) when that is capitalised; a title that holds a possessive
    ("The Cuckoo's Egg", "Ender's Game") opens with no known name and stays whole."""
    out = []
    for start, end, etype in spans:
        cut = next(
            (
                t.i
                for t in doc[start + 1 : end - 1]
                if t.tag_ == "POS" and all(taken[start : t.i]) and not taken[t.i]
            ),
            None,
        )
        owned = doc[cut + 1 : end] if cut is not None else ()
        if cut is not None and all(w.text[:1].isupper() for w in owned if w.is_alpha):
            out.append((cut + 1, end, etype))
        else:
            out.append((start, end, etype))
    return out


def _ner_spans(doc) -> list[tuple[int, int, str]]:
    """NER's spans with a type of ours (a group's, "NORP", with none yet), a span of several comma-separated names ("Acme,
    Globex, and Initech" tagged as one) split into one per name: a name of a person,
    organisation, place or product has no comma inside (titles of works may); and a
    place or organisation span that is several gazetteer places in a row ("Italy France
    Belgium" in unpunctuated speech, which NER may call an ORG) one place per place."""
    out = []
    for ent in doc.ents:
        etype = NER_TYPES.get(ent.label_)
        if ent.label_ == _GROUP_LABEL:
            out.append((ent.start, ent.end, ""))
            continue
        if etype is None:
            continue
        commas = [t.i for t in ent if t.text == ","]
        if etype in ("Place", "Organization") and not commas and len(ent) >= 2:
            row = places_in_a_row(tuple(t.lower_ for t in ent))
            if row is not None:  # "Italy France Belgium" (even as an ORG): three places
                out.extend((ent.start + i, ent.start + j, "Place") for i, j in row)
                continue
        if etype not in _LISTED_TYPES or not commas:
            out.append((ent.start, ent.end, etype))
            continue
        start = ent.start
        for cut in [*commas, ent.end]:
            first = start
            while first < cut and doc[first].lower_ in _LIST_JOINERS:
                first += 1  # ", and Initech"
            if first < cut:
                out.append((first, cut, etype))
            start = cut + 1
    return out


#: What kind of thing "a <noun> called X" names, by the noun.
_KIND_TYPES = {
    **dict.fromkeys(
        [
            "company",
            "startup",
            "firm",
            "lab",
            "laboratory",
            "organization",
            "organisation",
            "nonprofit",
            "fund",
            "agency",
            "institute",
            "university",
            "college",
            "school",
            "foundation",
            "club",
            "team",
            "band",
        ],
        "Organization",
    ),
    **dict.fromkeys(
        [
            "model",
            "system",
            "product",
            "app",
            "application",
            "tool",
            "library",
            "framework",
            "language",
            "robot",
            "device",
            "platform",
            "software",
            "chip",
            "engine",
            "program",
            "bot",
            "assistant",
            "algorithm",
            "dataset",
            "benchmark",
            "service",
            "game",
            "browser",
            "editor",
            "agent",
            "compiler",
            "database",
            "site",
            "website",
            "kernel",
            "distribution",
            "project",
            "technology",
            "protocol",
            # devices one buys and uses ("a TV called X", "phones like X")
            "tv",
            "television",
            "phone",
            "smartphone",
            "laptop",
            "computer",
            "camera",
            "console",
            "drone",
            "printer",
            "headset",
        ],
        "Product",
    ),
    **dict.fromkeys(
        [
            "book",
            "paper",
            "film",
            "movie",
            "documentary",
            "article",
            "essay",
            "novel",
            "album",
            "song",
            "series",
            "podcast",
            "show",
            "newsletter",
            "blog",
            "thesis",
            "dissertation",
            "report",
            "memoir",
            "encyclopedia",
            "dictionary",
            "magazine",
            "journal",
            "newspaper",
            "license",
            "licence",
        ],
        "Work",
    ),
    **dict.fromkeys(
        [
            "conference",
            "competition",
            "workshop",
            "festival",
            "fest",
            "summit",
            "hackathon",
            "expo",
            "convention",
            "tournament",
            "championship",
            "olympiad",
        ],
        "Event",
    ),
    **dict.fromkeys(
        ["town", "city", "village", "country", "island", "region", "neighborhood"], "Place"
    ),
}
_NAMING_VERBS = frozenset({"called", "named", "titled", "entitled", "dubbed"})

#: Nouns of things that happen, which end the name of an event NER may call an
#: organisation ("the Acme IPO", "the Dotcom Crash"): the event kinds of "a <kind>
#: called X" and events of business, politics and history.
_EVENT_HEADS = frozenset(k for k, v in _KIND_TYPES.items() if v == "Event") | frozenset(
    {
        "ipo", "election", "war", "crash", "crisis", "revolution", "recession", "scandal",
        "pandemic", "epidemic", "massacre", "uprising", "hearing", "testimony", "trial",
        "conf",
    }
)  # fmt: skip
#: Nouns of things that happen that a year makes one named event (:func:`_dated_events`).
_DATED_EVENT_WORDS = _EVENT_HEADS | _DATED_EVENT_HEADS


def _event_head(token) -> bool:
    """The word ends an event's name: a noun of something that happens."""
    return token.lower_ in _EVENT_HEADS or (
        token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in _EVENT_HEADS
    )


def _last_word(doc, start: int, end: int):
    """The last token of a name, before a year that ends it ("Kelvar Summit 2018")."""
    if end - start >= 2 and _YEAR.fullmatch(doc[end - 1].text):
        return doc[end - 2]
    return doc[end - 1]


def _event_name(doc, start: int, end: int) -> bool:
    """A name of several words that ends in the very word of something that happens
    and holds no preposition ("the Aldmere Revolution"), which NER reads as a law or
    a person. Not a plural ("Star Wars") nor a phrase ("The Art of War"): titles."""
    return (
        end - start >= 2
        and doc[end - 1].lower_ in _EVENT_HEADS
        and not any(t.pos_ == "ADP" for t in doc[start : end - 1])
    )


#: Lowercase words a title may hold between capitalised ones ("Learning to See").
_TITLE_WORDS = frozenset({"to", "a", "an", "is", "are", "with", "as", "not"})


#: A work's title in lowercase speech is at least this many words long (shorter
#: phrases after "a book called" are as often a topic as a title) and at most the max.
SPOKEN_TITLE_MIN_WORDS = 3
SPOKEN_TITLE_MAX_WORDS = 12
#: Parts of speech a title's noun phrase is made of (no verb, pronoun or clause).
_TITLE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "ADP", "CCONJ", "NUM"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})


def _spoken_title(doc, verb, taken: list[bool]) -> tuple[int, int] | None:
    """In lowercase speech, the title of a work after "a book called": the noun phrase
    the naming verb governs, up to where a clause or a verb begins ("a book called an
    introduction to the study of medicine where he ..."), without its article."""
    objects = [c for c in verb.children if c.dep_ in ("oprd", "dobj", "attr") and c.i > verb.i]
    if not objects:
        return None
    phrase = objects[0]
    start = end = verb.i + 1
    while end < len(doc) and end - start < SPOKEN_TITLE_MAX_WORDS:
        word = doc[end]
        if taken[end] or word.pos_ not in _TITLE_POS or not _inside(word, phrase):
            break
        end += 1
    while start < end and doc[start].lower_ in _ARTICLES | {"the"}:
        start += 1
    while end > start and doc[end - 1].pos_ in ("ADP", "CCONJ", "DET"):
        end -= 1
    if sum(t.is_alpha for t in doc[start:end]) < SPOKEN_TITLE_MIN_WORDS:
        return None
    return start, end


def _inside(token, phrase) -> bool:
    """``token`` is in the subtree of ``phrase`` and not in a clause inside it."""
    t = token
    while t.i != phrase.i:
        if t.dep_ in _CLAUSE_DEPS or t.head.i == t.i:
            return False
        t = t.head
    return True


def _called_names(doc, taken: list[bool], lowercase: bool) -> list[tuple[int, int, str]]:
    """Things introduced by name: "a speech model called Kestrel", "a book titled Deep
    Work", "a startup named Halvard". The noun before the naming verb says the type;
    the name is the capitalised words after it (in lowercase speech, one rare word)."""
    out = []
    for token in tokens(doc):
        if token.lower_ not in _NAMING_VERBS or token.i == 0 or token.i + 1 >= len(doc):
            continue
        kind = _kind_before_naming(doc, token.i)
        if kind is None:
            continue
        start = end = token.i + 1
        if lowercase and kind == "Work":
            title = _spoken_title(doc, token, taken)
            if title is not None:
                out.append((*title, kind))
                continue
        while end < len(doc) and end - start < 5:
            word = doc[end]
            if word.is_punct or taken[end]:
                break
            if lowercase:
                compound = _spoken_compound_name(doc, start, taken)
                if compound and kind in ("Organization", "Product"):
                    end = compound  # "a company called field book": the noun phrase
                elif (
                    end == start
                    and word.is_alpha
                    and not word.is_stop
                    and not is_common_word(word.text, LOWERCASE_CALLED_MAX_ZIPF)
                ):
                    end += 1
                break
            inner = NAME_CONNECTORS | (_TITLE_WORDS if kind == "Work" else frozenset())
            possessive = (
                word.lower_ in ("'s", "’s")
                and end > start
                and end + 1 < len(doc)
                and doc[end + 1].text[:1].isupper()
            )  # "a game called Rocky's Boots": the title goes on
            if not (word.text[:1].isupper() or word.like_num or possessive) and not (
                word.lower_ in inner and end > start
            ):
                break
            end += 1
        while end > start and doc[end - 1].lower_ in NAME_CONNECTORS | _TITLE_WORDS:
            end -= 1
        if end > start and not any(taken[start:end]):
            out.append((start, end, kind))
    return out


def _spoken_compound_name(doc, start: int, taken: list[bool]) -> int | None:
    """The end of a name of two or three nouns said right after "called" in lowercase
    speech ("a company called field book", "an app called notion pad"): nouns the parse
    reads as one phrase (each word but the last a compound), none a function word, the
    phrase once when the speaker says it twice in a row ("field book field book"); the
    speaker's "called" makes the common words a name. None if there is no such phrase."""
    end = start
    while end < len(doc) and end - start < 6:
        t = doc[end]
        if taken[end] or not t.is_alpha or t.is_stop or t.pos_ not in ("NOUN", "PROPN"):
            break
        end += 1
    words = [t.lower_ for t in doc[start:end]]
    half = len(words) // 2
    if len(words) % 2 == 0 and half >= 2 and words[:half] == words[half:]:
        end = start + half  # said twice in a row
    if not 2 <= end - start <= 3:
        return None
    if not all(doc[k].dep_ == "compound" for k in range(start, end - 1)):
        return None
    return end


def introduced_by_name(doc, start: int) -> bool:
    """True if the name at ``start`` follows "a <kind> called/named" (said once, it
    is still a name: the speaker introduced it as one)."""
    return introduced_type(doc, start) is not None


def introduced_type(doc, start: int) -> str | None:
    """The type of the kind of thing the name at ``start`` was introduced as ("a model
    called Lark": Product), or None."""
    if start < 2 or doc[start - 1].lower_ not in _NAMING_VERBS:
        return None
    return _kind_before_naming(doc, start - 1) or _kind_naming_clause(doc[start - 1])


#: How far a relative clause's naming verb may stand from its kind noun ("an app that
#: was called X": three words between).
_NAMING_CLAUSE_REACH = 5


def _kind_naming_clause(verb) -> str | None:
    """The kind noun a relative clause of naming hangs on: "an app that was called X",
    "a company which is now named X" (the verb's subject is the relative pronoun, the
    kind noun the clause's antecedent, a few words before)."""
    noun = verb.head
    if verb.dep_ != "relcl" or not 0 < verb.i - noun.i <= _NAMING_CLAUSE_REACH:
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _RELATIVES for c in verb.children):
        return None
    return _called_kind(noun)


def _kind_before_naming(doc, verb: int) -> str | None:
    """The type of the kind noun before the naming verb at ``verb``, past one adverb
    ("a project actually called X", "a company originally named X")."""
    kind = _called_kind(doc[verb - 1])
    if kind is None and verb > 1 and doc[verb - 1].pos_ == "ADV":
        kind = _called_kind(doc[verb - 2])
    head = doc[verb].head
    if (
        kind is None
        and doc[verb].dep_ == "acl"
        and 0 < verb - head.i <= _NAMED_KIND_REACH
        and head.tag_ in ("NN", "NNP")
        and any(c.dep_ in ("det", "poss") for c in head.children)
    ):
        # "a paper from AlgorithmWatch called Paper Tigers": the one thing the naming
        # hangs on (not a kind's plural: "big frameworks, usually called Ethical AI")
        kind = _called_kind(head)
    return kind


#: How far before the naming verb the kind noun it hangs on may stand ("a paper from
#: the Berlin nonprofit AlgorithmWatch called X").
_NAMED_KIND_REACH = 6


def _called_kind(token) -> str | None:
    """The type of the kind noun before a naming verb: the word as said ("fest", which
    the tagger may call an adjective) or, for a noun, its lemma ("companies")."""
    kind = _KIND_TYPES.get(token.lower_)
    if kind is None and token.pos_ in ("NOUN", "PROPN"):
        kind = _KIND_TYPES.get(token.lemma_.lower())
    return kind or ("Person" if _person_kind_noun(token) else None)


def _person_kind_noun(token) -> bool:
    """A noun for a person before a naming verb ("a famous inventor named X", "a guy
    called X", "my aunt named X"): what is introduced is a person, at every mention.
    Only a bare person noun: "a package manager called X" (a compound) is software."""
    return (
        token.pos_ == "NOUN"
        and token.lemma_.lower() in _PERSON_KINDS | _KIN
        and not any(c.dep_ == "compound" for c in token.children)
    )


#: Verbs whose subject is a person (saying, thinking, writing, proving).
_PERSON_VERBS = frozenset(
    {
        "say", "argue", "write", "think", "believe", "claim", "suggest", "propose", "prove",
        "show", "tell", "ask", "explain", "predict", "warn", "insist", "famously", "invent",
        "discover", "describe", "coin", "publish", "theorize", "theorise", "die", "bear",
    }
)  # fmt: skip
#: Nouns that stand before a person's name as what they are ("the mathematician Turing").
_PERSON_ROLES = frozenset(
    {
        "mathematician", "physicist", "philosopher", "economist", "scientist", "professor",
        "author", "writer", "poet", "novelist", "historian", "chemist", "biologist",
        "psychologist", "engineer", "inventor", "president", "senator", "general", "king",
        "queen", "emperor", "composer", "painter", "artist", "journalist", "researcher",
    }
)  # fmt: skip


def after_title(doc, start: int, surnames: frozenset[str] = frozenset()) -> bool:
    """The word at ``start`` is a surname after a title or a role noun ("chancellor
    kohl", "President Okafor", "the mathematician Turing"), in any casing: a family
    name of the list or a rare word, no particle ("president von") nor everyday word
    ("Mr. Ego")."""
    if start == 0:
        return False
    before, word = doc[start - 1], doc[start].lower_
    if before.lower_.rstrip(".") not in TITLES and before.lemma_.lower() not in _PERSON_ROLES:
        return False
    return word not in _PARTICLES and (word in surnames or not is_common_word(word))


#: NER labels of places, and the dependencies that join the items of a list.
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LIST_DEPS = frozenset({"conj", "appos"})
#: WordNet lexnames of a place: a region or town, a river, a mountain.
_PLACE_LEXNAMES = frozenset({"noun.location", "noun.object"})


def place_among_places(doc, start: int, end: int, given_names=frozenset()) -> bool:
    """The name NER reads as a person at ``doc[start:end]`` is a place in a list of
    places: general knowledge has a place of that name (a town of the gazetteer,
    "darmstadt"; a river or region WordNet lists, "the rhine") and the parse joins it
    as an item of a list ("and", side by side) to a place ("frankfurt and darmstadt",
    "the danube the rhine the kiel canal"). The items of a list are of one kind; a
    person's name said among towns and rivers, with no given name before it, is the
    place. Without capitals NER guesses a lone rare word to be a person; a name
    opening with one of ``given_names`` is left to be a person's."""
    name = doc[start:end].text.lower()
    if doc[start].lower_ in given_names:
        return False  # "lincoln and washington" may be two people
    if not (
        gazetteer_place(name)
        or known_place(name)
        or _PLACE_LEXNAMES.intersection(wordnet.senses(name))
    ):
        return False
    root = doc[start:end].root
    joined = [t for t in root.children if t.dep_ in _LIST_DEPS]
    if root.dep_ in _LIST_DEPS:
        joined.append(root.head)
    return any(
        (t.ent_type_ in _PLACE_LABELS and not start <= t.i < end)
        or (not t.ent_type_ and _place_word(t.lower_))
        for t in joined
    )


def _place_word(word: str) -> bool:
    """A word WordNet names only as a place (its senses all regions, towns, rivers)."""
    found = wordnet.senses(word)
    return bool(found) and set(found) <= _PLACE_LEXNAMES


def acts_as_person(doc, start: int) -> bool:
    """The parse shows the word at ``start`` is a person: the subject of a verb of
    saying, thinking, writing or proving ("Fukuyama argued"), or named after a role
    noun ("the mathematician Turing")."""
    token = doc[start]
    if start > 0 and doc[start - 1].lemma_.lower() in _PERSON_ROLES:
        return True
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in _PERSON_VERBS


#: Nouns for a government named after the person who leads it ("the Putin
#: administration", "Okafor's cabinet"): a word that names one is a person's name.
_LEADER_BODIES = frozenset(
    {"administration", "government", "regime", "presidency", "cabinet", "reign", "dynasty"}
)


def leads_a_government(doc, start: int) -> bool:
    """The word at ``start`` names a government after its leader: the compound or the
    possessive before a noun of :data:`_LEADER_BODIES` ("the Zelenskyy
    administration", "Marvani's regime"). Said once, a capitalised word NER calls a
    person there is one; an organisation is no administration's modifier in speech
    ("the Google administration" is not said)."""
    token = doc[start]
    if token.dep_ not in ("compound", "poss"):
        return False
    head = token.head
    return head.i > start and head.lemma_.lower() in _LEADER_BODIES


#: Nouns of a place in an organisation: "the CEO of X", "investors at X" make X one.
_MEMBER_ROLES = frozenset(
    {
        "ceo", "cto", "cfo", "coo", "founder", "cofounder", "co-founder", "chairman",
        "chairwoman", "board", "investor", "employee", "staff", "team", "partner",
        "shareholder", "intern", "colleague", "coworker",
    }
)  # fmt: skip
#: Verbs whose object is an organisation ("joined X", "co-founded X") or, with "at"
#: or "for", whose place of work it is ("worked at X").
_JOIN_VERBS = frozenset({"join", "found", "cofound", "co-found"})
_WORK_VERBS = frozenset({"work", "intern"})
#: Verbs whose object is a piece of software or hardware ("released X", "installed X",
#: "was using X", "upgraded X", "we built X"): firms are joined and worked at, people
#: met; what is used, built, booted or upgraded is a thing. Not "run": one runs a
#: company as well (one builds one too, but says "built a company", not its name).
_PRODUCT_VERBS = frozenset(
    {
        "release",
        "ship",
        "download",
        "install",
        "deploy",
        "open-source",
        "use",
        "boot",
        "upgrade",
        "build",
    }
)
#: Words that join the items of a list ("X, Y, and Z").
_LIST_JOINERS = frozenset({",", "and", "or", "&"})


def context_type(doc, start: int, end: int, organization: bool = False) -> str | None:
    """The type the parse around a name at ``doc[start:end]`` gives it, or None (see
    :func:`_context_type`); never a person for a name that ends in a company word
    ("Halcyon Capital, fantastic mentors": the name says what it is)."""
    etype = _context_type(doc, start, end, organization)
    if etype == "Person" and doc[end - 1].lower_ in _COMPANY_WORDS:
        return None
    return etype


def _context_type(doc, start: int, end: int, organization: bool) -> str | None:
    """The type the parse around a name at ``doc[start:end]`` gives it, or None: the
    kind noun it is introduced as, stands in apposition to or is said to be ("a model
    called X", "X, a startup", "X was the site"), the kind of a list it is in
    ("companies like X, Y and Z", "X, Y and other leaders"), the kind noun a description of it ends with ("their
    X file management product"), what it was launched as ("launched X as a platform"),
    or what people are or do there ("the CEO of X", "worked at X", "joined X",
    "released X"). NER types a name it has not seen at random; these words do not.
    ``organization``: NER calls the name an organisation, which a name used as a
    service or software is not (see :func:`_used_as_software`)."""
    introduced = introduced_type(doc, start)
    if introduced is not None:
        return introduced
    if town_of_region(doc, start, end):
        return "Place"  # "to Lyon, France"
    if _epithet_name(doc, start, end) or _addressed(doc, start, end):
        return "Person"
    kind = _kind_before_colon(doc, start)
    if kind is not None:
        return kind
    head = _span_head(doc, start, end)
    kind = _kind_of_phrase(doc, head, end)
    if kind == "Person" and _known_as_other(doc, start, end):
        return None  # "during the great depression who fought world wars": run-on speech
    if kind is not None:
        return kind
    kind = _kind_of_list(doc, start) or listed_before_others(doc, start, end)
    if kind is not None:
        return kind
    parent = head.head
    if head.dep_ == "pobj" and _member_place(parent):
        return "Organization"
    if head.dep_ == "dobj" and parent.pos_ == "VERB":
        lemma = parent.lemma_.lower()
        if lemma in _JOIN_VERBS:
            return "Organization"
        if lemma in _PRODUCT_VERBS:
            return "Product"
    kind = _work_or_event_said(head) or _kind_just_before(doc, start, end)
    if kind is not None:
        return kind
    if organization and _used_as_software(doc, start, end, head):
        return "Product"
    if _code_written_in(doc, start, end, head):
        return "Product"  # "I wrote my first compiler in Pascal": a language
    if organization and _on_stage_at(doc, end, head):
        return "Event"
    if _gathering_at(doc, end, head):
        return "Event"
    if _affiliation_of_person(doc, start, end):
        return "Organization"
    if _unknown_place(doc, start, end):
        return "Organization"
    return None


#: Verbs whose object is a work: one reads, publishes or watches a book, paper or film
#: ("I read X", "they published X"). Not "write" (one writes software too) nor "listen
#: to" (one listens to people).
_WORK_OBJECT_VERBS = frozenset({"read", "reread", "publish", "watch", "rewatch"})
#: Nouns of a part, maker or version of a work: "the author of X", "an episode of X".
_WORK_PART_NOUNS = frozenset(
    {"author", "episode", "chapter", "sequel", "prequel", "edition", "translation", "coauthor"}
)
#: Verbs said of an event as the subject: "X broke out", "X took place".
_EVENT_SUBJECT_VERBS = {"break": "out", "take": "place"}


def _work_or_event_said(head) -> str | None:
    """Work or Event, as the words a name is said with make it: the object of a verb
    of works ("read X", "X was published"), the owner of a part of a work ("the
    author of X", "an episode of X"), a work by someone ("X by Jane Doe"), what one
    does "during" ("during X", not "during my X"), where one is "at X <year>", or
    what "broke out" or "took place". Each is a strong, specific cue; a name read, or
    fought in, is seldom a firm or a person."""
    parent = head.head
    lemma = parent.lemma_.lower()
    if head.dep_ == "dobj" and parent.pos_ == "VERB" and lemma in _WORK_OBJECT_VERBS:
        return "Work"
    if head.dep_ == "nsubjpass" and lemma == "publish":
        return "Work"
    if (
        head.dep_ == "pobj"
        and parent.lower_ == "of"
        and parent.head.i < parent.i
        and parent.head.lemma_.lower() in _WORK_PART_NOUNS
    ):
        return "Work"
    if (
        head.dep_ == "pobj"
        and parent.lower_ == "during"
        and not any(c.dep_ == "poss" for c in head.children)
    ):
        return "Event"  # not "during my PhD": one's own stage of life is no event
    for child in head.children:
        if (
            child.dep_ == "prep"
            and child.lower_ == "by"
            and child.i == head.i + 1
            and any(o.dep_ == "pobj" and o.ent_type_ == "PERSON" for o in child.children)
        ):
            return "Work"
    if (
        head.dep_ == "pobj"
        and parent.lower_ in ("at", "to")
        and any(c.dep_ == "nummod" and _YEAR.fullmatch(c.text) for c in head.children)
    ):
        return "Event"  # "at Tessellate 2016", "went to Orvanta 2022": this year's meeting
    if _welcomed_to(head):
        return "Work"
    if head.dep_ == "nsubj" and lemma in _EVENT_SUBJECT_VERBS:
        word = _EVENT_SUBJECT_VERBS[lemma]
        if any(c.lower_ == word and c.dep_ in ("prt", "dobj") for c in parent.children):
            return "Event"
    return None


def _welcomed_to(head) -> bool:
    """A name one is welcomed to, not a place by NER: "Hello and welcome to X",
    "welcome back to X" is how a show opens, and X is the show (a work), not a firm."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "to" or head.ent_type_ in _PLACE_LABELS:
        return False
    governor = prep.head
    if governor.lower_ == "back":
        governor = governor.head  # "welcome back to X"
    return governor.lower_ == "welcome" and governor.i < prep.i


#: Words before a kind noun that make it the name's ("the podcast X", "his paper X").
_KIND_DETERMINERS = frozenset({"DET", "PRON"})


def _kind_just_before(doc, start: int, end: int) -> str | None:
    """The kind of a kind noun said right before a name, after an article or a
    possessive, and read as a modifier of it: "the podcast Silver Tannery", "his
    paper X" (NER calls the title an organisation or a person)."""
    if start < 2:
        return None
    kind_word, before = doc[start - 1], doc[start - 2]
    if (
        kind_word.dep_ not in ("compound", "amod", "nmod")
        or not start <= kind_word.head.i < end
        or before.pos_ not in _KIND_DETERMINERS
        or before.head.i != kind_word.head.i
    ):
        return None
    # the parse may tag the kind noun an adjective ("the podcast X": amod)
    return _kind(kind_word) or _KIND_TYPES.get(kind_word.lower_)


def _epithet_name(doc, start: int, end: int) -> bool:
    """A name and its epithet: "Alfred the Great", "Ivan the Terrible", a character's
    "Gandalf the Grey". Capitalised name, "the", capitalised word: a person's style
    (NER reads it as a title of a work)."""
    if end - start != 3 or doc[start + 1].lower_ != "the":
        return False
    first, last = doc[start], doc[end - 1]
    return (
        first.is_alpha
        and not first.is_stop
        and first.text[:1].isupper()
        and last.text[:1].isupper()
        and last.is_alpha
        and last.pos_ in ("ADJ", "PROPN", "NOUN")
    )


#: Words of greeting and thanks a speaker says before addressing someone by name
#: ("Hi, X", "Thanks, X", "What's up, X?"): the one addressed is a person.
_GREETINGS = frozenset(
    {"hi", "hey", "hello", "thanks", "bye", "goodbye", "cheers", "congrats", "congratulations"}
)


def _addressed(doc, start: int, end: int) -> bool:
    """The name at ``doc[start:end]`` is a person addressed: it follows a greeting
    (":data:`_GREETINGS`, with or without a comma, or "what's up,") and ends its clause
    ("Hey, X.", "What's up, X?"). One greets and thanks people, not firms or places."""
    if end < len(doc) and not doc[end].is_punct:
        return False
    i = start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0:
        return False
    word = doc[i].lower_
    if word == "up":  # "what's up, X"
        return i > 0 and doc[i - 1].lower_ in ("'s", "is")
    return word in _GREETINGS


def called_on(doc, start: int, end: int) -> bool:
    """The one-word, capitalised name at ``doc[start:end]`` makes up its sentence alone
    ("Helen.", "Walt?"): a host, chair or moderator giving someone the floor, as in
    press conferences, panels and call-in shows. One calls on people, not firms or
    places; the caller checks that the word is a given name."""
    if end - start != 1 or not doc[start].text[:1].isupper():
        return False
    sent = doc[start].sent
    return sent.end - sent.start > 1 and all(t.is_punct for t in sent if t.i != start)


def _unknown_place(doc, start: int, end: int) -> bool:
    """NER reads the one-word name at ``doc[start:end]`` as a place, but no gazetteer
    knows it (GeoNames, WordNet's named places): the small model calls an unseen
    capitalised word a place ("ran on Zorvexa", "at Qentrix"); places people speak of
    are in GeoNames, an unseen coined word is more often a firm or its service. A
    weak cue: not said of a verb's object ("learned X"), where a thing used is as
    likely and a stronger cue elsewhere must not be tied."""
    if end - start != 1 or doc[start].ent_type_ not in ("GPE", "LOC"):
        return False
    word = doc[start]
    if not word.is_alpha or not word.text[:1].isupper() or word.dep_ == "dobj":
        return False
    return not gazetteer_vouches(doc, start, end) and wordnet.senses(word.lower_) == ()


#: Verbs whose object is software one writes or changes ("wrote X", "forked X"), or a
#: product one installs or uses ("installed X", "we use X"): one works at an
#: organisation, one does not install it ("run" is left out: one runs a company too).
_SOFTWARE_VERBS = frozenset(
    {"write", "code", "fork", "port", "compile", "rewrite"}
    | {"install", "download", "deploy", "upgrade", "use", "configure", "uninstall"}
)
#: Verbs and nouns of code, whose "in X" names the language it is written in.
_CODE_VERBS = frozenset({"write", "code", "program", "implement", "rewrite", "port", "script"})
_CODE_NOUNS = frozenset(
    {"code", "callback", "compiler", "program", "script", "library", "implementation"}
    | {"interpreter", "function", "module", "codebase", "prototype"}
)


def _code_written_in(doc, start: int, end: int, head) -> bool:
    """The name is what code is written in ("I wrote my first compiler in Pascal",
    "callbacks in C++", "we rewrote it in Rust"): a programming language, whatever NER
    calls it. A place one writes in is a town GeoNames knows ("wrote it in Paris"); what
    one writes a text in is a publication ("wrote an article in the Atlantic")."""
    parent = head.head
    if head.dep_ != "pobj" or parent.lower_ != "in" or gazetteer_vouches(doc, start, end):
        return False
    gov = parent.head
    lemma = gov.lemma_.lower()
    if gov.pos_ == "NOUN":
        return lemma in _CODE_NOUNS
    if gov.pos_ != "VERB" or lemma not in _CODE_VERBS:
        return False
    # "wrote an article in the Atlantic": what one writes in a publication is no code
    objects = [c.lemma_.lower() for c in gov.children if c.dep_ == "dobj"]
    return lemma != "write" or any(o in _CODE_NOUNS for o in objects)


#: Verbs that take "on" for a subject, a ground or a bet, not a service ("based on X",
#: "focused on X", "depend on X", "bet on X").
_ON_NOT_A_SERVICE = frozenset(
    {"base", "focus", "depend", "rely", "bet", "comment", "report", "agree", "decide"}
)


#: Possessive pronouns: one says "our X" or "my X" of a workspace, an account or a
#: device one has, not of a firm (one is at or with a firm).
_OWNERS = frozenset({"my", "our", "your", "his", "her", "their"})


#: Words that count what follows them ("a few Xs", "several Xs").
_QUANTITY_WORDS = frozenset({"few", "several", "many", "couple"})


def _counted(head) -> bool:
    """The name is counted out ("two Xs", "a couple Xs", "a few Xs"): one counts
    devices and copies one has; a firm is not counted (a year before a name, "2004
    X", is no count)."""
    return any(
        (
            c.dep_ == "nummod"
            and (c.lower_ == "couple" or (c.like_num and not _YEAR.fullmatch(c.text)))
        )
        or (c.dep_ == "amod" and c.lower_ in _QUANTITY_WORDS)
        for c in head.children
    )


def _used_as_software(doc, start: int, end: int, head) -> bool:
    """A name NER calls an organisation is used as a service or software: something
    one is "on" ("saw it on X", "the site was on X", "developers on X"), writes
    ("I wrote X"), has ("our X", :data:`_OWNERS`) or counts ("two Xs"). Organisations are worked at or for, joined and founded; people are
    on a site, a network or a program. Initials ("on AWS", "on NPR") are left to NER:
    a firm's initials are said as often as a service's."""
    if all(t.text.isupper() for t in doc[start:end] if t.is_alpha):
        return False
    if start > 0 and doc[start - 1].lower_ in _OWNERS and doc[start - 1].head.i == head.i:
        return True  # "coming into our X", "my X account"
    if _counted(head):
        return True  # "a couple of Xs", "two Xs": firms are not counted out
    parent = head.head
    if head.dep_ == "pobj" and parent.lower_ == "on" and parent.head.i != parent.i:
        verb = parent.head
        return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in _ON_NOT_A_SERVICE
    return (
        head.dep_ == "dobj" and parent.pos_ == "VERB" and parent.lemma_.lower() in _SOFTWARE_VERBS
    )


#: Where a speaker stands at an event ("on stage at X", "at the booth at X").
_STAGE_WORDS = frozenset({"stage", "podium", "booth", "keynote"})


def _on_stage_at(doc, end: int, head) -> bool:
    """A name NER calls an organisation is where one goes on stage: "got on stage at
    X", "the keynote at X". One is on stage at a show, a conference or an expo; at a
    firm one works. A name ending in a common word ("Carnegie Hall", "Madison Square
    Garden") is the venue, not the event."""
    parent = head.head
    if head.dep_ != "pobj" or parent.lower_ != "at" or is_common_word(doc[end - 1].text):
        return False
    gov = parent.head
    near = [gov] + [
        c for p in gov.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pobj"
    ]
    return any(t.lemma_.lower() in _STAGE_WORDS for t in near)


#: NER labels of a town or region a gathering is held in ("at X in Anchorage").
_TOWN_LABELS = frozenset({"GPE", "LOC"})
#: Tokens after the sentence of "at X in <town>" a year may be said in ("... in Lyon.
#: I forget which one it was; 2004, 2005").
YEAR_REACH = 20
#: Verbs of being or staying somewhere ("was at X", "started at X", "spent a year at
#: X"): said of a firm or a school one belongs to as much as of a meeting.
_STAYING_VERBS = frozenset(
    {"be", "start", "stay", "spend", "remain", "study", "teach", "work", "intern", "end"}
)


def _gathering_at(doc, end: int, head) -> bool:
    """The name is where something happened, in a town, in a year: "he told me about it
    at X in Anchorage, in 2013", "we demoed it at X in Lyon; 2004, I think". A
    conference or a fair is held in one town one year, and a speaker placing it in
    both says which meeting it was. Being, working, studying or starting at X
    (:data:`_STAYING_VERBS`) is said of a firm or a school as often, and is left out;
    a year must be said in the sentence or within :data:`YEAR_REACH` tokens after it."""
    if head.dep_ != "pobj" or head.head.lower_ != "at" or end + 1 >= len(doc):
        return False
    if head.head.head.lemma_.lower() in _STAYING_VERBS:
        return False  # "I was at X in Austin in 1998": a job as often as a meeting
    if doc[end].lower_ != "in" or doc[end + 1].ent_type_ not in _TOWN_LABELS:
        return False
    sent = doc[end].sent
    stop = min(len(doc), sent.end + YEAR_REACH)
    return any(_YEAR.fullmatch(t.text) for t in doc[sent.start : stop])


def _span_head(doc, start: int, end: int):
    """The token of ``doc[start:end]`` the rest of the span hangs from."""
    for t in doc[start:end]:
        if t.head.i < start or t.head.i >= end:
            return t
    return doc[end - 1]


def coordinated_type(doc, start: int, end: int, types_at: dict[int, str]) -> str | None:
    """The type of the names a name is coordinated with ("Google and X", "X, Y and
    Google"), when ``types_at`` (token -> type of a name known there, e.g. from the
    lexicon) gives them one type: the items of a list are of a kind."""
    head = _span_head(doc, start, end)
    siblings = [c for c in head.children if c.dep_ == "conj"]
    if head.dep_ == "conj":
        siblings.append(head.head)
    types = {types_at[t.i] for t in siblings if t.i in types_at}
    return types.pop() if len(types) == 1 else None


def listed_with_people(doc, span: SpanMention, people: list[SpanMention]) -> bool:
    """The name of ``span`` is coordinated with the name of one of ``people`` (people
    known otherwise: "Cormac McCarthy or X", "X and Ada Lovelace"): the items of a list
    are of a kind, so a capitalised word NER calls a person there is one, though said
    once."""
    people = {
        k: "Person" for s in people if s is not span for k in range(s.token_start, s.token_end)
    }
    return coordinated_type(doc, span.token_start, span.token_end, people) == "Person"


def _kind(token, people: bool = False) -> str | None:
    """The type a kind noun names ("company": Organization), if it is one; with
    ``people``, a noun for people names a Person ("X, a physicist"; "founders such as
    X"), which a description ending in it does not ("the X physicist")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = token.lemma_.lower()
    if people and lemma in _PERSON_KINDS:
        return "Person"
    if (
        people
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
        and "noun.person" in wordnet.senses(lemma)
    ):
        # "the editor of the report", "the host of the show": a person's role in a
        # thing, not a kind of software (an editor, a host)
        return "Person"
    for child in token.children:
        if child.dep_ == "compound" and (child.lower_, lemma) in _COMPOUND_KINDS:
            return _COMPOUND_KINDS[child.lower_, lemma]
    return _KIND_TYPES.get(lemma)


#: Kind nouns whose modifier changes their kind: a trade show is held, a TV show
#: is watched ("trade shows like X": events; "shows like X": works).
_COMPOUND_KINDS = {
    ("trade", "show"): "Event",
    ("air", "show"): "Event",
    ("car", "show"): "Event",
    ("road", "show"): "Event",
    ("trade", "fair"): "Event",
    ("book", "fair"): "Event",
}


#: Nouns for people: a name beside one, or in a list of them, is a person's.
_PERSON_KINDS = _PERSON_ROLES | frozenset(
    {
        "founder", "cofounder", "co-founder", "people", "person", "guy", "friend",
        "colleague", "mentor", "advisor", "adviser", "student", "ceo", "cto", "cfo",
        "entrepreneur", "leader", "doctor", "physician", "surgeon", "lawyer", "manager",
        "executive", "designer", "developer", "programmer", "man", "woman",
    }
)  # fmt: skip
#: Relative pronouns of people: "X, who built the company" is a person.
_WHO = frozenset({"who", "whom", "whose"})


def _known_as_other(doc, start: int, end: int) -> bool:
    """WordNet lists the name at ``doc[start:end]`` (an article left out) as a named
    individual of another type than a person: a kind noun or a relative "who" beside it
    does not make "the great depression" a person (in unpunctuated speech a "who" after
    a name is as often the clause of the people named before it)."""
    words = [t.lower_ for t in doc[start:end]]
    if words[:1] == ["the"]:
        words = words[1:]
    etype = name_type(tuple(words)) if words else None
    return etype is not None and etype != "Person"


def _kind_of_phrase(doc, head, end: int) -> str | None:
    """The kind noun a name is put beside: its appositive ("X, a startup"; "a company,
    X"), the complement of "X is/was a <kind>", what a verb's object X is launched
    "as", or the noun a description of it ends with ("their X file management
    product"; the noun must come after other words, or "an Apple product" would
    make Apple one)."""
    # a noun for people only when close by: a long appositive is often misattached
    if head.dep_ == "appos" and _kind(head.head, abs(head.i - head.head.i) <= 3):
        return _kind(head.head, abs(head.i - head.head.i) <= 3)
    for child in head.children:
        if child.dep_ == "appos" and _kind(child, abs(head.i - child.i) <= 3):
            return _kind(child, abs(head.i - child.i) <= 3)
        if child.dep_ == "relcl" and child.i > head.i:
            kind = _kind_stated(child, relative=True)
            if kind is not None:
                return kind  # "X, which in fact is a book about cities"
        if child.dep_ == "relcl" and any(c.lower_ in _WHO for c in child.children):
            return "Person"  # "X, who built the company"
    parent = head.head
    if head.dep_ in ("nsubj", "nsubjpass") and parent.i > head.i:
        kind = _kind_stated(parent)
        if kind is not None:
            return kind  # "X is a startup", "X was one of those technologies"
    if head.dep_ in ("attr", "nsubj") and parent.lemma_ == "be":
        # "the distribution everybody used was X": the kind noun is said first (the
        # parse makes either of the two the subject)
        for child in parent.children:
            if child.dep_ in ("nsubj", "attr") and child.i < head.i and _kind(child):
                return _kind(child)
    if head.dep_ == "dobj":
        for child in parent.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                for obj in child.children:
                    if obj.dep_ == "pobj" and _kind(obj):
                        return _kind(obj)
    t = head
    while t.dep_ in ("compound", "amod") and t.head.i > t.i:
        t = t.head
    if t.i != head.i and (t.i > end or t.lemma_.lower() in _CATEGORY_KINDS) and _kind(t):
        return _kind(t)
    return None


#: Relative pronouns that open a clause saying what its antecedent is.
_RELATIVES = frozenset({"which", "that", "who"})
#: Nouns of a sort, through which "a kind of <kind noun>" names the kind.
_SORT_NOUNS = frozenset({"kind", "type", "sort", "form", "one"})


def _kind_stated(verb, relative: bool = False) -> str | None:
    """The kind a copula ``verb`` states of its subject: "is a startup", "was one of
    those technologies", "is a kind of protocol", past adverbs ("which in fact is a
    book"). Not denied ("is not a company"); asked ("is X a book?") the copula comes
    before the subject, which the caller excludes. With ``relative``, the clause's
    subject must be a relative pronoun ("X, which is a book")."""
    if verb.lemma_ != "be" or any(c.dep_ == "neg" for c in verb.children):
        return None
    if relative and not any(
        c.dep_ == "nsubj" and c.lower_ in _RELATIVES and c.i < verb.i for c in verb.children
    ):
        return None
    for child in verb.children:
        if child.dep_ == "attr" and child.i > verb.i:
            return _kind(_sorted_noun(child), people=True)
    return None


def _sorted_noun(noun):
    """The kind noun behind "one of those <kinds>" or "a kind of <kind>": the object of
    "of" after a noun of a sort, else the noun itself."""
    if noun.lower_ not in _SORT_NOUNS and noun.lemma_.lower() not in _SORT_NOUNS:
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
    return noun


#: Kind nouns of a category of software, which the name right before one is a member
#: of ("the Quill browser", "the Tarn library"), where a general kind noun after a
#: name is as often its maker's ("an Apple product", "a Google app").
_CATEGORY_KINDS = frozenset(
    {"browser", "editor", "compiler", "library", "framework", "database", "kernel", "distribution"}
)


#: How far back from a name "<kinds> like" may stand for it to be in their list.
_LIST_REACH = 12


def _kind_of_list(doc, start: int) -> str | None:
    """The kind of a list a name is an item of: "companies like X, Y, and Z", "tools
    such as X". Only capitalised words and list joiners may stand between."""
    i = start - 1
    while i >= 0 and start - i <= _LIST_REACH:
        t = doc[i]
        if _opens_a_list(doc, i):
            return _list_kind(doc, i)
        if not (t.lower_ in _LIST_JOINERS or t.text[:1].isupper()):
            return None
        i -= 1
    return None


def _kind_before_colon(doc, start: int) -> str | None:
    """The kind of a list a colon opens after a kind noun, the name an item of it:
    "a bunch of different companies: X, Y, and Z". The parse hangs such a list on
    any noun before (the apposition of "sold the rights to companies: X" is
    "rights"); the colon says the names are what the noun before it is. Only
    capitalised words and list joiners may stand between."""
    i = start - 1
    while i > 0 and start - i <= _LIST_REACH:
        t = doc[i]
        if t.text in (":", "-", "–", "—") and (t.text == ":" or doc[i - 1].tag_ in ("NNS", "NNPS")):
            # "a bunch of different companies: X, Y", "four systems - SVN, Perforce and
            # Git" (a dash opens a list after a plural kind noun)
            return _kind(doc[i - 1], people=True)
        if not (t.lower_ in _LIST_JOINERS or t.text[:1].isupper()):
            return None
        i -= 1
    return None


def _opens_a_list(doc, i: int) -> bool:
    """The token at ``i`` is the "like" or the "as" of "such as" that opens a list."""
    toks = tokens(doc)
    word = toks[i].lower_
    return word == "like" or (word == "as" and i > 0 and toks[i - 1].lower_ == "such")


def _list_kind(doc, i: int) -> str | None:
    """The type the kind noun before a list's opener at ``i`` gives its items
    ("companies like", "founders there, such as"), or None."""
    before = i - 1 if doc[i].lower_ == "like" else i - 2
    while before > 0 and before >= i - 4 and (doc[before].is_punct or doc[before].pos_ == "ADV"):
        before -= 1  # "founders there, such as X"
    return _kind(doc[before], people=True) if before >= 0 else None


def _listed_names(doc, taken: list[bool]) -> list[tuple[int, int, str]]:
    """In a cased transcript, the capitalised items of a list after a kind noun that
    no other rule took: "companies like Acme, Spring, and Initech", "founders there,
    such as Quill". NER leaves unseen names untagged, or tags a name that is also a
    word as something else (a season as a date); the speaker's list says what they
    are. An item is a run of capitalised words (with connectors such as "of" inside);
    the list ends at the first word that is neither an item's nor a list joiner."""
    out = []
    n = len(doc)
    for opener in range(n - 1):
        if not _opens_a_list(doc, opener):
            continue
        kind = _list_kind(doc, opener)
        if kind is None:
            continue
        i = opener + 1
        while i < n and i - opener <= _LIST_REACH:
            if doc[i].lower_ in _LIST_JOINERS:
                i += 1
                continue
            end = i
            while end < n and (
                _capitalised_word(doc[end])
                or (
                    end > i
                    and doc[end].lower_ in NAME_CONNECTORS
                    and end + 1 < n
                    and _capitalised_word(doc[end + 1])
                )
            ):
                end += 1
            if end == i:
                break
            if not any(taken[i:end]):
                out.append((i, end, kind))
            i = end
    return out


#: How many names "and other <kind>" may close ("a, b, c and other leaders").
_OTHERS_MAX_ITEMS = 6


def _items_before_others(doc, taken: list[bool], lowercase: bool) -> list[tuple[int, int, str]]:
    """The names a list closes with "and other <kinds>" or "or other <kinds>" (the
    Hearst pattern: "Okafor, Lindqvist and other leaders", "lowercase run-on speech:
    "okafor lindqvist and other leaders"), of the type the kind noun gives. In cased
    text an item is a run of capitalised words; in lowercase speech, where no comma or
    capital marks the items, a rare word (at most :data:`SURNAME_MAX_ZIPF`, for a
    person; :data:`COMMON_ZIPF` otherwise) not after an article ("the wirtschaftswunder"
    is a word, not a name)."""
    if not _AND_OTHER.search(doc_text(doc)):
        return []
    out = []
    for i in range(1, len(doc) - 2):
        if doc[i].lower_ not in ("and", "or") or doc[i + 1].lower_ != "other":
            continue
        noun = doc[i + 2]
        if noun.pos_ == "ADJ" and i + 3 < len(doc):
            noun = doc[i + 3]  # "and other great leaders"
        kind = _kind(noun, people=True) if noun.tag_ in ("NNS", "NNPS") else None
        if kind is None:
            continue
        items: list[tuple[int, int, str]] = []
        k = i - 1
        while k >= 0 and len(items) < _OTHERS_MAX_ITEMS:
            if doc[k].text == "," or (items and doc[k].lower_ in ("and", "or")):
                k -= 1
                continue
            start = k
            if lowercase:
                word = doc[k]
                limit = SURNAME_MAX_ZIPF if kind == "Person" else COMMON_ZIPF
                if not (
                    word.is_alpha
                    and len(word.text) > 2
                    and not is_common_word(word.text, limit)
                    and (k == 0 or doc[k - 1].pos_ != "DET")
                ):
                    break
            else:
                while start >= 0 and _capitalised_word(doc[start]):
                    start -= 1
                start += 1
                if start > k or not mid_sentence(doc, start):
                    break
            if not any(taken[start : k + 1]):
                items.append((start, k + 1, kind))
            k = start - 1
        out.extend(reversed(items))
    return out


def listed_before_others(doc, start: int, end: int) -> str | None:
    """The type the list closed by "and other <kinds>" gives the name at
    ``doc[start:end]`` (see :func:`_items_before_others`), or None: the speaker's own
    word for what it is, evidence enough for a name said once."""
    if not _AND_OTHER.search(doc_text(doc)):
        return None
    lowercase = not doc[start].text[:1].isupper()
    for i, j, kind in _items_before_others(doc, [False] * len(doc), lowercase):
        if (i, j) == (start, end):
            return kind
    return None


def _capitalised_word(token) -> bool:
    """A word written with a capital that can be part of a name (no pronoun "I", no
    function word written at a sentence's start)."""
    return (
        token.text[:1].isupper()
        and any(c.isalpha() for c in token.text)
        and not token.is_stop
        and token.pos_ != "PRON"
    )


def _affiliation_of_person(doc, start: int, end: int) -> bool:
    """The name at ``doc[start:end]`` follows a person's name and "of" ("Dana
    Whitcombe of X") and is no place GeoNames knows: where the person works."""
    if start < 2 or doc[start - 1].lower_ != "of" or doc[start - 2].ent_type_ != "PERSON":
        return False
    name = doc[start:end].text
    return not (known_place(name) or gazetteer_place(name) or compass_place(name))


def _member_place(prep) -> bool:
    """The preposition ``prep`` says what its object is a place in: after a place in an
    organisation ("the CEO of X", "investors over at X") or a verb of working or joining
    with "at"/"for" ("worked at X")."""
    if prep.lower_ not in ("of", "at", "for"):
        return False
    owner = prep.head
    if owner.lower_ == "over" and owner.head.i != owner.i:
        owner = owner.head  # "the investors over at X"
    lemma = owner.lemma_.lower()
    return lemma in _MEMBER_ROLES or (prep.lower_ != "of" and lemma in _WORK_VERBS | _JOIN_VERBS)


def _member_of_names(doc, taken: list[bool]) -> list[tuple[int, int]]:
    """In cased text, the capitalised name NER left untagged after a place in an
    organisation and "of"/"at" ("co-founder of Blockstream", "the CEO at Quillpath",
    "worked at Tidewell"): what one founds, leads or works at is an organisation. Not
    a run of common words only ("CEO of Big Data"), which may be a field."""
    out = []
    toks = tokens(doc)
    for i, token in enumerate(toks):
        if i < 2 or taken[i] or token.ent_type_ or not _capitalised_word(token):
            continue
        prep = toks[i - 1]
        if _capitalised_word(toks[i - 2]) or not _member_place(prep):
            continue
        end = i
        while end < len(toks) and not taken[end] and _capitalised_word(toks[end]):
            end += 1
        words = toks[i:end]
        if any(t.ent_type_ for t in words) or not mid_sentence(doc, i):
            continue
        if all(t.is_alpha and is_common_word(t.text) for t in words):
            continue
        if any(_head_within(t, i, end) and t.head.i == prep.i for t in words):
            out.append((i, end))
    return out


def _head_within(token, start: int, end: int) -> bool:
    """``token`` is the head of the run ``start:end`` (its own head lies outside it)."""
    return not start <= token.head.i < end


def _affiliations(doc, taken: list[bool]) -> list[tuple[int, int]]:
    """In cased text, the capitalised name after a person's and "of" that NER left
    untagged ("Dana Whitcombe of Quillpath"): where a person is introduced as "of"
    something, it is where they work, or a place, which GeoNames tells apart."""
    out = []
    for ent in doc.ents:
        i = ent.end + 1
        if ent.label_ != "PERSON" or i >= len(doc) or doc[ent.end].lower_ != "of":
            continue
        end = i
        while end < len(doc) and _capitalised_word(doc[end]):
            end += 1
        if end == i or any(taken[i:end]) or doc[i].ent_type_ or doc[end - 1].ent_type_:
            continue
        if _affiliation_of_person(doc, i, end):
            out.append((i, end))
    return out


#: A capitalised institution word anywhere in a unit's text (a quick test first).
_INSTITUTION_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(w.capitalize() for w in _INSTITUTION_WORDS)) + r")\b"
)
#: "and other" / "or other" anywhere in a unit's text.
_AND_OTHER = re.compile(r"\b(?:and|or) other\b", re.IGNORECASE)


def _institution_names(doc, found: list[SpanMention]) -> list[tuple[int, int]]:
    """In cased text, capitalised words in mid-sentence that end in a capitalised
    institution word ("the Open Source Robotics Foundation", "the Harbor Science
    Museum"): an institution's name, though made of common words or concepts NER did
    not join. A name or title found there already (not a concept) keeps its span."""
    if not _INSTITUTION_WORD.search(doc_text(doc)):
        return []
    named = [False] * len(doc)
    for m in found:
        if m.mention.type != "Concept":
            for k in range(m.token_start, m.token_end):
                named[k] = True
    out = []
    for i, token in enumerate(tokens(doc)):
        if token.lower_ not in _INSTITUTION_WORDS or not token.text[:1].isupper() or named[i]:
            continue
        start = i
        while start > 0 and _capitalised_word(doc[start - 1]) and not named[start - 1]:
            start -= 1
        if start < i and mid_sentence(doc, start):
            out.append((start, i + 1))
    return out


#: Lowercase words that end a firm's name after its capitalised words ("the Acme
#: Capital group", "Halvard Linux systems"): nouns that name a business, never a topic.
_FIRM_DESIGNATORS = frozenset(
    {"group", "systems", "partners", "holdings", "associates", "ventures", "labs", "inc"}
    | {"corp", "corporation", "industries", "technologies", "studios"}
)
_FIRM_DESIGNATOR = re.compile(r"\b(?:" + "|".join(sorted(_FIRM_DESIGNATORS)) + r")\b")
#: Types of names a firm's name may hold or extend (a product it sells, a concept, a
#: founder's name NER read alone: "the Dana Whitfield group").
_FIRM_PARTS = frozenset({"Organization", "Product", "Concept", "Person"})


def _designated_firms(doc, found: list[SpanMention]) -> list[tuple[int, int]]:
    """In cased text, a firm named with a lowercase business noun after its capitalised
    words ("the Acme Capital group", "kept Halvard Linux systems afloat"): an
    organisation found just before the noun, or two or more capitalised words in
    mid-sentence, at least one no name found there or a person's, none a place's,
    event's or work's. One capitalised word ("Unix systems") is a product's use, not a
    firm; a noun that modifies another ("group leader") names none."""
    if not _FIRM_DESIGNATOR.search(doc_text(doc)):
        return []
    kind: list[str | None] = [None] * len(doc)
    ends: dict[int, str] = {}
    for m in found:
        ends[m.token_end] = m.mention.type
        for k in range(m.token_start, m.token_end):
            kind[k] = m.mention.type
    out = []
    for i, token in enumerate(tokens(doc)):
        if (
            i < 2
            or token.lower_ not in _FIRM_DESIGNATORS
            or not token.text.islower()
            or token.dep_ == "compound"
        ):
            continue
        start = i
        while start > 0 and _capitalised_word(doc[start - 1]):
            start -= 1
        if i - start < 2 or not mid_sentence(doc, start):
            continue
        if any(kind[k] is not None and kind[k] not in _FIRM_PARTS for k in range(start, i)):
            continue
        if ends.get(i) == "Organization" or any(
            kind[k] in (None, "Concept", "Person") for k in range(start, i)
        ):
            out.append((start, i + 1))
    return out


_QUOTES = frozenset({'"', "“", "”"})
#: A title in quotes is at most this many words, after a work's kind noun at most this
#: many tokens before it ("my thesis title ... is "Distributed inference"").
QUOTED_TITLE_MAX_WORDS = 8
QUOTED_TITLE_REACH = 20
#: Tags a quoted sentence has and a title seldom does (finite verbs, personal pronouns).
_CLAUSE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD", "PRP"})


def _quoted_titles(doc, found: list[SpanMention]) -> list[tuple[int, int]]:
    """Titles of works said in quotes in a cased transcript: a phrase in quotation
    marks that begins with a capital, has no finite verb or personal pronoun (so is no
    quoted sentence), and follows a kind noun of works ("thesis", "book", "paper"). It
    may hold concepts of ``found``, but no other name, nor part of one."""
    out = []
    toks = tokens(doc)
    i, n = 0, len(toks)
    while i < n:
        if toks[i].text not in _QUOTES:
            i += 1
            continue
        close = next((k for k in range(i + 1, min(n, i + QUOTED_TITLE_MAX_WORDS + 3))
                      if toks[k].text in _QUOTES), None)  # fmt: skip
        if close is None:
            i += 1
            continue
        start, end = i + 1, close
        while end > start and toks[end - 1].is_punct:
            end -= 1
        words = [t for t in toks[start:end] if t.is_alpha]
        if (
            words
            and toks[start].text[:1].isupper()
            and len(words) <= QUOTED_TITLE_MAX_WORDS
            and not any(t.tag_ in _CLAUSE_TAGS for t in toks[start:end])
            and not any(
                m.token_start < end
                and start < m.token_end
                and (m.mention.type != "Concept" or m.token_start < start or m.token_end > end)
                for m in found
            )
            and any(_kind(t) == "Work" for t in toks[max(0, i - QUOTED_TITLE_REACH) : i])
        ):
            out.append((start, end))
        i = close + 1
    return out


#: Words that join the capitalised words of a title ("Alice in Wonderland", "Lord of
#: the Rings"): "in", or "of the". "of" alone is left out: it joins an organisation's
#: name ("University of Michigan") or a role and its firm ("CEO of Acme").
_TITLE_JOINERS = (("in",), ("in", "the"), ("of", "the"))


def _capital_words(toks, i: int) -> int:
    """The end of the run of capitalised words at ``toks[i]`` (``i`` if none)."""
    while i < len(toks) and toks[i].is_alpha and toks[i].text[:1].isupper() and toks[i].text != "I":
        i += 1
    return i


def _word_piece(doc, m: SpanMention) -> bool:
    """A one-word name NER read that is a common noun WordNet lists (in the singular
    too: "Rings") and no place GeoNames knows: a title's word, not a name."""
    if m.token_end - m.token_start != 1 or m.mention.source != "ner":
        return False
    word = doc[m.token_start].lower_
    nouns = wordnet.senses(word) or (word.endswith("s") and wordnet.senses(word[:-1]))
    return bool(nouns) and not gazetteer_vouches(doc, m.token_start, m.token_end)


def _titles_of_pieces(doc, found: list[SpanMention]) -> list[tuple[int, int]]:
    """Titles of works NER cut into pieces, in a cased transcript: capitalised words in
    mid-sentence joined by "in" or "of the" ("Alice in Wonderland", "Lord of the
    Rings"), where NER read names inside but not the whole, and one of those names is
    a common noun that is no known place ("Wonderland", "Rings"). A person in a place
    ("Alice in Paris") keeps its two names: the place is no common noun, or GeoNames
    vouches for it."""
    out = []
    toks = tokens(doc)
    i, n = 0, len(toks)
    while i < n:
        end = _capital_words(toks, i)
        if end == i or not mid_sentence(doc, i):
            i += 1  # a sentence's first capital is no evidence ("Not Alice in Wonderland")
            continue
        joined = end
        while True:
            joiner = next(
                (j for j in _TITLE_JOINERS
                 if tuple(t.lower_ for t in toks[joined : joined + len(j)]) == j
                 and _capital_words(toks, joined + len(j)) > joined + len(j)),
                None,
            )  # fmt: skip
            if joiner is None:
                break
            joined = _capital_words(toks, joined + len(joiner))
        pieces = [m for m in found if m.token_start < joined and i < m.token_end]
        if (
            joined > end
            and pieces
            and all(i <= m.token_start and m.token_end <= joined for m in pieces)
            and not any(m.token_start == i and m.token_end == joined for m in pieces)
            and any(_word_piece(doc, m) for m in pieces)
            and not titled_person(doc, i, joined, pieces)
        ):
            out.append((i, joined))
        i = joined
    return out


#: What a person's name owns in "<name>'s <noun>": ideas named after their author.
_AUTHORED_IDEAS = frozenset(
    {
        "theory", "law", "theorem", "principle", "hypothesis", "conjecture", "equation",
        "paradox", "experiment", "postulate", "doctrine", "discovery", "dilemma", "razor",
    }
)  # fmt: skip
#: A word before "'s theory" is a name only if it is at most this frequent (Zipf):
#: "darwin's theory", not "the market's law".
AUTHOR_MAX_ZIPF = 4.0


def owns_an_idea(doc, start: int) -> bool:
    """The word at ``start`` is a rare word that owns an idea named after its author:
    "darwin's theory", "fermat's last theorem" (in lowercase speech the one sign that
    a rare word is a person's name)."""
    token = doc[start]
    if start + 2 >= len(doc) or doc[start + 1].lower_ not in ("'s", "’s", "'", "’"):
        return False
    if not token.is_alpha or len(token.text) < 3 or token.is_stop:
        return False
    if is_common_word(token.text, AUTHOR_MAX_ZIPF):
        return False
    k = start + 2
    while k < len(doc) - 1 and doc[k].pos_ == "ADJ":
        k += 1  # "fermat's last theorem"
    return doc[k].lemma_.lower() in _AUTHORED_IDEAS


#: Verbs whose subject, a bare rare word in lowercase speech, is a person: saying,
#: thinking, writing, teaching.
#: (Not "show", "suggest", "predict", "prove": "photosynthesis shows" has no speaker.)
_SAYING_VERBS = frozenset(
    {
        "say", "argue", "write", "think", "believe", "claim", "insist", "tell", "ask",
        "explain", "warn", "coin", "publish", "theorize", "theorise", "teach", "deny",
        "invent", "discover", "propose",
    }
)  # fmt: skip
#: Endings of rare nouns for what people do or are, or of abstract nouns.
_NOT_NAME_ENDINGS = ("ist", "ists", "sis", "ian", "ians")
#: A bare word at most this frequent (Zipf) in a person's place is a name: "galen
#: taught", "according to vesalius" (famous names are frequent words: "hitler").
SAYER_MAX_ZIPF = PERSON_COMMON_ZIPF
#: Nouns for family members, said without an article as names are ("grandma said").
_KIN = frozenset(
    {
        "mom", "mum", "dad", "mommy", "mummy", "daddy", "mama", "papa", "grandma",
        "grandpa", "granny", "grandmother", "grandfather", "nana", "auntie", "aunt",
        "uncle", "sis", "bro",
    }
)  # fmt: skip


def speaks_as_person(doc, start: int) -> bool:
    """The word at ``start`` is a rare bare word where a person stands: the subject of
    a verb of saying, thinking, writing or teaching ("galen taught that ..."), or what
    something is "according to" ("according to vesalius"). In lowercase speech a
    name has no capital; a bare singular word, no article, no modifier, no ending of
    an abstract noun, that rare, and in that place, is one."""
    token = doc[start]
    if not (token.is_alpha and len(token.text) >= 4 and not token.is_stop):
        return False
    lower = token.lower_
    if (
        token.tag_ not in ("NN", "NNP")
        or lower in _KIN
        or lower in _PERSON_KINDS
        or lower.endswith(_NOT_SURNAME_ENDINGS + _NOT_NAME_ENDINGS)
        or is_common_word(token.text, SAYER_MAX_ZIPF)
        or any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in token.children)
    ):
        return False
    head = token.head
    if token.dep_ == "nsubj" and head.pos_ == "VERB":
        return head.lemma_.lower() in _SAYING_VERBS
    return (
        token.dep_ == "pobj"
        and head.lower_ == "to"
        and head.i > 0
        and doc[head.i - 1].lower_ == "according"
    )


def _person_beside_people(doc, start: int, end: int) -> bool:
    """In lowercase speech, an NER span of several lowercase words the truecaser left
    alone, which begins with a word no English word (Zipf <= 3.0) and is put beside a
    noun for people ("other physicians anton ter vellen and ..."): a person, whatever
    NER's label."""
    words = [t for t in doc[start:end] if t.is_alpha]
    return (
        len(words) >= 2
        and all(t.text.islower() for t in words)
        and not is_common_word(words[0].text, LOWERCASE_CALLED_MAX_ZIPF)
        and context_type(doc, start, end) == "Person"
    )


#: Nouns of a firm that a lowercase name stands before ("the krupp company").
_FIRM_NOUNS = frozenset({"company", "firm", "corporation"})
#: A word before "company" is its name in lowercase speech only if this rare (Zipf):
#: the names of firms are no words ("zeiss"), the trades of firms are ("steel",
#: "biotech", "fintech").
FIRM_NAME_MAX_ZIPF = 2.8


def named_firm(doc, start: int) -> bool:
    """The word at ``start`` names the firm it modifies in lowercase speech: "the
    krupp company", a rare word between "the" and a noun of firms."""
    token = doc[start]
    return (
        start > 0
        and doc[start - 1].lower_ == "the"
        and start + 1 < len(doc)
        and doc[start + 1].lemma_.lower() in _FIRM_NOUNS
        and token.head.i == start + 1
        and token.is_alpha
        and len(token.text) >= 4
        and not token.is_stop
        and not is_common_word(token.text, FIRM_NAME_MAX_ZIPF)
    )


def _firms(doc, taken: list[bool]) -> list[tuple[int, int]]:
    """Rare words in lowercase speech that name a firm (:func:`named_firm`)."""
    return [
        (t.i, t.i + 1)
        for t in tokens(doc)
        if not taken[t.i] and t.text.islower() and named_firm(doc, t.i)
    ]


def _authors(doc, taken: list[bool]) -> list[tuple[int, int]]:
    """Rare words in lowercase speech that own an idea (:func:`owns_an_idea`) or stand
    where a person does (:func:`speaks_as_person`)."""
    return [
        (t.i, t.i + 1)
        for t in tokens(doc)
        if not taken[t.i]
        and t.text.islower()
        and (owns_an_idea(doc, t.i) or speaks_as_person(doc, t.i))
    ]


#: In lowercase speech, "a model called X" takes X as a name only if X is this rare.
LOWERCASE_CALLED_MAX_ZIPF = 3.0


def _name_around_concepts(
    doc, start: int, end: int, etype: str, inside: list[SpanMention], taken: list[bool]
) -> bool:
    """An organisation or product name written in capitals whose overlap with the
    lexicon is only concept words inside it ("Lumen Robotics", "Mistral Compute"), or
    the place an institution is named after ("Leiden University")."""
    if etype not in ("Organization", "Product", "Work", "Event") or not inside:
        return False
    # an institution named after its place holds the place ("Paris School of Medicine")
    institution = etype == "Organization" and any(
        t.lower_ in _INSTITUTION_WORDS for t in doc[start:end]
    )
    if any(
        m.mention.type != "Concept" and not (institution and m.mention.type == "Place")
        for m in inside
    ):
        return False
    covered = {k for m in inside for k in range(m.token_start, m.token_end)}
    if any(taken[k] and k not in covered for k in range(start, end)):
        return False  # overlaps a match that reaches outside the span
    if len(covered) >= end - start:
        return False  # the concept is the whole span
    return (
        all(
            t.text[:1].isupper() or not t.is_alpha or t.lower_ in NAME_CONNECTORS
            for t in doc[start:end]
        )
        and doc[start].text[:1].isupper()
    )


#: A surname is a rare word: at most this frequent in English (wordfreq Zipf).
SURNAME_MAX_ZIPF = 4.2
#: Endings of words that name things, not families ("max pooling", "jan activation").
_NOT_SURNAME_ENDINGS = ("ing", "tion", "sion", "ment", "ness", "ity", "ism", "ogy", "ics")
_BEFORE_NO_NAME = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "my", "your", "our", "their", "its"}
)


def _spoken_names(
    doc, taken: list[bool], given_names: frozenset[str], lowercase: bool = False
) -> list[tuple[int, int]]:
    """People named in lowercase speech, which statistical NER does not see: a given
    name followed by a rare word that can be a surname ("sarah hooker", "timnit gebru").
    Names that are also English words are not in ``given_names``, and the surname must
    be rare, not a function word and not shaped like a term ("-ing", "-tion")."""
    out = []
    toks = tokens(doc)
    i, n = 0, len(toks)
    while i < n - 1:
        first, last = toks[i], toks[i + 1]
        if (
            taken[i]
            or taken[i + 1]
            or first.lower_ not in given_names
            or not (lowercase or first.text.islower())
            or not last.is_alpha
            or len(last.text) < 3
            or last.is_stop
            or last.pos_ not in ("PROPN", "NOUN", "ADJ", "X")
            or last.lower_ in given_names
            or last.lower_.endswith(_NOT_SURNAME_ENDINGS)
            or is_common_word(last.text, SURNAME_MAX_ZIPF)
            or (i > 0 and toks[i - 1].lower_ in _BEFORE_NO_NAME)
        ):
            i += 1
            continue
        out.append((i, i + 2))
        i += 2
    return out


#: Parts of speech a word of a name takes in lowercase speech.
_NAME_POS = frozenset({"PROPN", "NOUN", "X"})


def _titled_spoken_names(
    doc, taken: list[bool], given_names: frozenset[str], surnames: frozenset[str]
) -> list[tuple[int, int]]:
    """People named after a title or a role in lowercase speech, whose names are also
    words, which :func:`_spoken_names` leaves alone: "senator bill nelson", "commissioner
    ray kelly", "my wife laura bush". After a title of :data:`TITLES` or a noun whose
    commonest sense is a person, a given name or a nickname's ("bill", "ray") and then a
    family name of the list or a rare word make one person; the title says a person
    follows, so the words need not be rare."""
    out = []
    toks = tokens(doc)
    for i in range(1, len(toks) - 1):
        title, first, last = toks[i - 1], toks[i], toks[i + 1]
        if taken[i] or taken[i + 1] or not (first.is_alpha and last.is_alpha):
            continue
        if not known_given_name(first.lower_, given_names) or len(last.text) < 3:
            continue
        if not (title.lower_ in TITLES or wordnet.first_lexname(title.lower_) == "noun.person"):
            continue
        if last.is_stop or last.lower_.endswith(_NOT_SURNAME_ENDINGS):
            continue
        if first.pos_ not in _NAME_POS or last.pos_ not in _NAME_POS:
            continue  # "the dancer will shine": a verb is no name
        if (
            last.lower_ in surnames
            or last.lower_ in given_names
            or not is_common_word(last.text, SURNAME_MAX_ZIPF)
        ):
            out.append((i, i + 2))
    return out


_CONCEPT_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_VAGUE_MODIFIERS = frozenset(
    {
        "little",
        "big",
        "good",
        "great",
        "lot",
        "lots",
        "kind",
        "sort",
        "whole",
        "same",
        "other",
        "new",
        "different",
        "real",
        "certain",
        "many",
        "much",
        "more",
        "most",
        "few",
        "such",
        "very",
        "really",
        "bad",
        "best",
        "better",
        "last",
        "first",
        "next",
        "previous",
        "own",
        "huge",
        "small",
        "large",
        "high",
        "low",
        "long",
        "short",
        "simple",
        "hard",
        "easy",
        "important",
        "interesting",
        "amazing",
        "incredible",
        "crazy",
        "cool",
        "nice",
        "specific",
        "particular",
        "entire",
        "various",
        "several",
        "main",
        "old",
        "young",
        "early",
        "late",
        "actual",
        "general",
        "basic",
        "major",
        "key",
        "single",
        "possible",
        "able",
        "sure",
        "true",
        "right",
        "wrong",
        "whatever",
        "everything",
        "thing",
        "things",
        "stuff",
        "way",
        "ways",
        "time",
        "times",
        "people",
        "guy",
        "guys",
        "bit",
        "point",
        "part",
        "idea",
        "question",
        "questions",
        "answer",
        "number",
        "years",
        "year",
        "day",
        "days",
        "one",
        "ones",
        "something",
        "anything",
        "nothing",
        "someone",
        "everyone",
        "fact",
        "sense",
        "case",
        "kinds",
        "current",
        "core",
        "difficult",
        "modern",
        "existing",
        "present",
        "recent",
        "future",
        "typical",
        "usual",
    }
)


def _inner_hyphen(doc, i: int, start: int, end: int) -> bool:
    """A hyphen joining two words of a phrase ("meta-learning", "zero-shot")."""
    toks = tokens(doc)
    return (
        toks[i].text == "-"
        and start < i < end - 1
        and toks[i - 1].is_alpha
        and toks[i + 1].is_alpha
        and toks[i - 1].idx + len(toks[i - 1].text) == toks[i].idx
        and toks[i].idx + 1 == toks[i + 1].idx
    )


#: A brand's spelling: one or two lowercase letters, then a capitalised word ("iPad",
#: "eBay", "iTunes"); not a unit or a molecule ("mRNA", "kWh", "pH").
_BRAND_CASED = re.compile(r"[a-z]{1,2}[A-Z][a-z]{2,}[A-Za-z0-9]*")


def brand_cased(word: str) -> bool:
    """``word`` is spelt as a brand is ("iPad", "eBay"): a name in any sentence position."""
    return bool(_BRAND_CASED.fullmatch(word))


def _written_as_name(doc, start: int, end: int) -> bool:
    """Words capitalised mid-sentence ("welcome to Founders Unfiltered") or spelt as a
    brand anywhere ("iPad") are a name the NER missed, not a concept (a sentence's first
    word is capitalised anyway)."""
    toks = tokens(doc)
    if all(brand_cased(t.text) for t in toks[start:end]):
        return True  # "the iPad"; not "an iPad app", a kind of app
    if start == 0 or toks[start - 1].is_punct or toks[start - 1].is_space:
        return False
    return all(t.text[:1].isupper() and not t.text.isupper() for t in toks[start:end])


def name_parts(full_names: dict[str, str]) -> dict[str, str]:
    """First names and surnames of the people introduced in a transcript (written form ->
    person), by sound-alike key; a part shared by two people is ambiguous and left out."""
    owners: dict[str, set[str]] = {}
    for name, person in full_names.items():
        words = name.split()
        if len(words) < 2:
            continue
        for word in (words[0], words[-1]):
            if len(word) >= 3:
                owners.setdefault(phonetic_key(word), set()).add(person)
    return {k: next(iter(v)) for k, v in owners.items() if len(v) == 1}


def name_part_mentions(
    doc,
    transcript: Transcript,
    sentence: Sentence,
    parts: dict[str, str],
    spans: list[SpanMention],
    given_names: frozenset[str] = frozenset(),
) -> list[SpanMention]:
    """Re-read a unit for people named by first name or surname alone ("Ilya", misheard
    "Ilia"), which statistical NER misses or mistypes on speech. Capitalised words, and
    in lowercase speech given names that are no English word ("so sarah thanks")."""
    by_start = {s.token_start: s for s in spans}
    taken = {k for s in spans for k in range(s.token_start, s.token_end)}
    speakers = _speaker_first_names(transcript)
    out = []
    for token in tokens(doc):
        existing = by_start.get(token.i)
        if (
            existing is not None
            and existing.token_end == token.i + 1
            and existing.mention.source == "ner"
            and name_part(parts, token.text) is not None
            and existing.mention.type != "Person"
            # "the lab is in Austin, Texas": a town before its region, whoever shares
            # its name
            and not (existing.mention.type == "Place" and town_of_region(doc, token.i, token.i + 1))
        ):
            out.append(SpanMention(replace(existing.mention, type="Person"), token.i, token.i + 1))
            continue
        if existing is not None:
            out.append(existing)
            continue
        if token.i in taken or not token.is_alpha or len(token.text) < 3:
            continue
        spoken = token.text.islower() and token.lower_ in given_names
        if not (spoken or token.text[:1].isupper()):
            continue
        if name_part(parts, token.text) is not None and (
            spoken
            or token.lower_ in given_names
            or not is_common_word(token.text, 4.0)
            # a speaker's first name, capitalised where no sentence begins, though it is
            # a word too ("Christian wants to send me", "And you, Christian, ...")
            or (token.text in speakers and mid_sentence(doc, token.i))
        ):
            out.append(
                _make_mention(doc, token.i, token.i + 1, transcript, sentence, "Person", "ner")
            )
    return out


def _speaker_first_names(transcript: Transcript) -> frozenset[str]:
    """The first words of the full names of the transcript's speakers (its sidecar's and
    its labels'), as written: "Christian" of "Christian Decker"."""
    return frozenset(
        n.split()[0] for n in transcript.speaker_names() if len(n.split()) >= 2 and n[:1].isupper()
    )


#: Words before a noun that make it a common noun when it heads its phrase: "an RPC",
#: "my SPA", "some SQL". Not "the", which names institutions ("the FBI"), nor "that",
#: as often a conjunction ("said that NASA ...").
_COMMON_DETERMINERS = frozenset(
    {"a", "an", "some", "my", "your", "our", "their", "this", "these", "those"}
    | {"every", "each", "any", "another", "no", "much", "more", "less"}
)
#: An acronym: two to five capitals, and its plural ("RFCs").
_ACRONYM = re.compile(r"[A-Z]{2,5}")
ACRONYM_PLURAL = re.compile(r"([A-Z]{2,5})s")
#: Verbs whose object, or whose "at"/"for" object, is an organisation ("joined NASA",
#: "worked at IBM").
_EMPLOYER_VERBS = frozenset({"work", "intern", "join", "leave", "found", "acquire", "sue"})
#: How far after an acronym "stands for" / "short for" may follow ("RPC - I think it
#: stands for ...").
_EXPANSION_WINDOW = 6


def _acronym_as_common_noun(doc, i: int) -> bool:
    """The acronym at ``i`` is used as a common noun: after a determiner, or an
    adjective after one, as the head of its phrase ("an RPC", "a simple SPA", "some
    SQL"), or spelled out after it ("RPC stands for", "X is short for")."""
    following = doc[i + 1] if i + 1 < len(doc) else None
    head = following is None or following.pos_ not in ("NOUN", "PROPN", "NUM")
    before = i - 1
    if before >= 0 and doc[before].pos_ == "ADJ" and not doc[before].text[:1].isupper():
        before -= 1  # "a simple SPA"
    if head and before >= 0 and doc[before].lower_ in _COMMON_DETERMINERS:
        return True
    window = doc[i + 1 : min(len(doc), i + 1 + _EXPANSION_WINDOW)]
    return any(
        t.lower_ in ("stands", "stand", "short", "acronym", "abbreviation")
        and t.i + 1 < len(doc)
        and doc[t.i + 1].lower_ == "for"
        for t in window
    )


def _acronym_as_organisation(doc, i: int) -> bool:
    """The acronym at ``i`` stands where an organisation does: it owns something
    ("IBM's"), or one works at, joins or leaves it ("at IBM", "joined NASA")."""
    following = doc[i + 1] if i + 1 < len(doc) else None
    if following is not None and following.lower_ in ("'s", "\u2019s"):
        return True
    t = doc[i]
    if t.dep_ == "pobj" and t.head.lower_ in ("at", "for"):
        return t.head.head.lemma_.lower() in _EMPLOYER_VERBS
    return t.dep_ == "dobj" and t.head.lemma_.lower() in _EMPLOYER_VERBS


def common_noun_acronyms(docs, lexicon: Lexicon) -> frozenset[str]:
    """The acronyms (as written) a transcript uses as common nouns, which are no
    organisation's name wherever NER calls them one: NER tags initialisms of the
    trade ("RPC", "SPA", "SQL") ORG. An acronym counts when some use of it is a common
    noun's (:func:`_acronym_as_common_noun`, or a plural: "RFCs"), no use stands where
    an organisation does (:func:`_acronym_as_organisation`), and neither the lexicon
    nor WordNet's named instances know it as an organisation ("NASA", "NATO")."""
    common: set[str] = set()
    organisations: set[str] = set()
    for doc in docs:
        for t in doc:
            text = t.text
            if not text[:1].isupper() or len(text) > 6:
                continue
            plural = ACRONYM_PLURAL.fullmatch(text)
            if plural is not None:
                common.add(plural.group(1))
            elif _ACRONYM.fullmatch(text):
                if _acronym_as_organisation(doc, t.i):
                    organisations.add(text)
                elif _acronym_as_common_noun(doc, t.i):
                    common.add(text)
    return frozenset(
        a
        for a in common - organisations
        if _wordnet_names().get((a.lower(),)) != "Organization"
        and not _known_organisation(lexicon, a)
    )


#: WordNet lexnames of the common nouns of made things, messages, acts and fields: an
#: acronym WordNet lists with such a sense ("cpu", "html", "ipo") is a word of the
#: trade, unless it also names a group or a place ("nasa", "who").
_TRADE_LEXNAMES = frozenset({"noun.artifact", "noun.communication", "noun.act", "noun.cognition"})
_NAMING_LEXNAMES = frozenset({"noun.group", "noun.location"})


def common_noun_in_wordnet(acronym: str, lexicon: Lexicon) -> bool:
    """WordNet lists ``acronym`` (as written, in capitals) as a common noun of a made
    thing, a message, an act or a field ("CPU", "HTML", "IPO") and not as a group's
    or a place's name, and the lexicon knows no organisation by it."""
    found = set(wordnet.senses(acronym.lower()))
    return (
        bool(found & _TRADE_LEXNAMES)
        and not found & _NAMING_LEXNAMES
        and _wordnet_names().get((acronym.lower(),)) is None
        and not _known_organisation(lexicon, acronym)
    )


def _known_organisation(lexicon: Lexicon, acronym: str) -> bool:
    """The lexicon has an organisation named ``acronym``."""
    entry_id = lexicon.exact.get(acronym) or lexicon.keys.get(name_key([acronym]))
    return entry_id is not None and lexicon.entries[entry_id].type == "Organization"
