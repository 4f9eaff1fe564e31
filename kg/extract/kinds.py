"""The type a name's own last word gives it.

Many names end in a noun that says what they name: "the Potsdam Declaration" is a
text, "Chrome OS" an operating system, "the Auto Show" an event one goes to.
Statistical NER types such names by their first words ("Potsdam" a place, "Chrome" a
firm); the head noun of a name outranks it. Only nouns that, ending a name, are
seldom anything else are listed: not "Project" (a product or an organisation), not
"Show" alone (a TV show is a work; see :func:`show_attended`).
"""

from __future__ import annotations

__all__ = ["name_head_type", "show_attended"]

#: Last words of names of texts: charters, declarations, treaties, acts and regulations
#: are written and signed ("the United Nations Charter", "the Berlin Declarations", "the
#: Clean Water Act", "the General Data Protection Regulation", which NER calls an
#: organisation); licences, reports and podcasts are published
#: ("the MIT License", "the Internet Health Report", "the IRL Podcast").
_TEXT_HEADS = frozenset(
    {
        "act",
        "charter",
        "declaration",
        "declarations",
        "treaty",
        "constitution",
        "manifesto",
        "agreement",
        "accord",
        "accords",
        "pact",
        "regulation",
        "regulations",
        "directive",
        "amendment",
        "statute",
        "ordinance",
        "license",
        "licence",
        "report",
        "podcast",
        "newsletter",
        "handbook",
    }
)
#: Last word of names of operating systems ("Chrome OS"); not "Linux", which ends
#: firms' names as often as systems' ("VA Linux" the company, "Red Hat Linux").
_SYSTEM_HEADS = frozenset({"os"})


def name_head_type(words: tuple[str, ...]) -> str | None:
    """The type the last word of a name of several words gives it ("Yalta Agreement":
    Work; "Chrome OS": Product), or None. A one-word name is no head with a modifier:
    "Linux" alone is left to its other evidence."""
    if len(words) < 2:
        return None
    last = words[-1].lower()
    if last in _TEXT_HEADS:
        return "Work"
    if last in _SYSTEM_HEADS:
        return "Product"
    return None


#: Last words of names of shows and fairs one attends ("the Motor Show", "the Book Fair").
_SHOW_HEADS = frozenset({"show", "fair", "expo"})


def show_attended(doc, start: int, end: int) -> bool:
    """A name of several words ending in "Show", "Fair" or "Expo" said as where one is
    ("at the Consumer Electronics Show"): one is at an event, and on a TV show."""
    if end - start < 2 or doc[end - 1].lower_ not in _SHOW_HEADS:
        return False
    head = doc[end - 1]
    return head.dep_ == "pobj" and head.head.lower_ == "at"
