"""A person's name after a title of office, in cased text.

Speech names officials with their office first: "Secretary of the Treasury Donald
Regan", "Defence Minister Maria Okonkwo", "Secretary of Agriculture John Block". NER
may run the title and the name into one span and give it the office's type ("Agriculture
John Block", an ORG), and capitalised words joined by "of the" look like a title of a
work. The person is the name at the end; the title only says what they are.

English builds such a title from a role noun, a word whose commonest WordNet sense is a
person (secretary, minister, senator, general, ambassador ...) or an honorific of
:data:`~.truecase.TITLES`, with capitalised words before it ("Prime Minister") and an
optional "of (the) Office" after it. The name after it is two or three capitalised
words, the first a given name (the lexicon's and the nickname list's,
``ontology/nicknames.tsv``) or the start of a person NER read. Lowercase speech is
handled by :mod:`.institutions` and :func:`.entities.after_title`.
"""

from __future__ import annotations

from ..lexicon import nickname_names
from . import wordnet
from .truecase import TITLES

__all__ = ["role_noun", "known_given_name", "title_before", "cut_title", "titled_person"]

#: Words a title of office is joined by ("Secretary of the Treasury").
_TITLE_JOINERS = frozenset({"of", "the", "for"})
#: How many words a title may run before the name ("Under Secretary of the Treasury").
_MAX_TITLE_WORDS = 6


def known_given_name(word: str, given_names: frozenset[str] = frozenset()) -> bool:
    """``word`` (any case) is a given name: of ``given_names`` or the nickname list."""
    lower = word.lower()
    return lower in given_names or lower in nickname_names()


def role_noun(token) -> bool:
    """A capitalised word of a title: an honorific or a noun whose commonest WordNet
    sense is a person ("Secretary", "Minister", "Ambassador")."""
    if not (token.is_alpha and token.text[:1].isupper()):
        return False
    lower = token.lower_
    return lower in TITLES or wordnet.first_lexname(lower) == "noun.person"


def _title_word(token) -> bool:
    return token.lower_ in _TITLE_JOINERS or (token.is_alpha and token.text[:1].isupper())


def title_before(doc, name_start: int, span_start: int) -> bool:
    """The words right before ``doc[name_start]`` are a title of office: a role noun
    and then only capitalised words and "of"/"the"/"for" up to the name, the words
    before ``span_start`` (outside the span) joiners or capitalised words too."""
    lo = max(0, min(span_start, name_start) - _MAX_TITLE_WORDS)
    for r in range(name_start - 1, lo - 1, -1):
        token = doc[r]
        if not _title_word(token):
            return False
        if role_noun(token) and not known_given_name(token.text):
            # the title does not end in a joiner ("Secretary of John Block")
            return doc[name_start - 1].lower_ not in _TITLE_JOINERS
    return False


def _name_words(doc, start: int, end: int) -> bool:
    return 2 <= end - start <= 3 and all(
        t.is_alpha and t.text[:1].isupper() for t in doc[start:end]
    )


def cut_title(
    doc,
    start: int,
    end: int,
    etype: str,
    given_names: frozenset[str] = frozenset(),
    cased: bool = True,
) -> tuple[int, str]:
    """NER's span ``doc[start:end]`` cut to the person's name it ends in when the words
    before the name are a title of office (:func:`title_before`) and the name begins
    with a given name: ("Secretary of the Treasury Donald Regan", "Agriculture John
    Block" after "Secretary of") -> the name, a Person. Otherwise the span as it is.
    Only in ``cased`` text, whose capitals mark the title's words."""
    if not cased:
        return start, etype
    for p in range(start + 1, end - 1):
        if (
            known_given_name(doc[p].text, given_names)
            and _name_words(doc, p, end)
            and title_before(doc, p, start)
        ):
            return p, "Person"
    return start, etype


def titled_person(doc, start: int, end: int, pieces) -> bool:
    """``doc[start:end]`` is a title of office and a person's name: it ends in one of
    the mentions ``pieces`` that is a Person, with a title before it."""
    return any(
        m.mention.type == "Person"
        and start < m.token_start
        and m.token_end == end
        and _name_words(doc, m.token_start, end)
        and title_before(doc, m.token_start, start)
        for m in pieces
    )
