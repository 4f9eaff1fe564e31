"""Merging the nodes one real thing is scattered over: short forms and spelling variants.

Extraction keys every mention by its own words, so a thing said several ways becomes
several nodes: "Willow" (typed a person by NER) beside "Willow Garage", "open source
project" beside "open source", "floppy" beside "floppy disk", "silk worm" beside
"silkworm". Resolution (:mod:`kg.resolve`) asks this module where each key of a
transcript goes. The rules read only what the transcript itself says (which nodes it
has, how often and in what order each is said), never a list of names:

* **spacing** (whole build): two names or terms that differ only by spaces ("silk
  worm", "silkworm") or by British and American spelling ("colour theory", "color
  theory"; :func:`american_spelling`) are one word written two ways; the form said
  more often wins.
* **official name** (per transcript): a place named by its form of state ("the
  Republic of X", "the Kingdom of X") beside the place "X" is X, unless two such forms
  of the transcript end in the same X ("Republic of the Congo", "Democratic Republic
  of the Congo").
* **organisation short name** (per transcript): a single capitalised word that is the
  first word of exactly one multi-word organisation of the transcript, said after it
  and no more often, is that organisation ("Willow", typed a person by NER, after
  "Willow Garage"), unless the transcript gives the word a life of its own: a person
  whose name begins with it, or NER calling the word alone a place ("Boston" after
  "Boston Dynamics" is the city) or an organisation ("Microsoft" beside "Microsoft
  Windows", "Google" beside "Google Brain"; but "Cornell" is "Cornell University":
  the rest of that name only says what kind of body it is).
* **term + general noun** (per transcript): a term used before a general container
  noun ("open source project", "venture capital firm", "machine learning
  conference"; a product's or organisation's name too: "the ROS project") and said
  fewer times than the term alone is a mention of the term; not a person's or a
  place's name ("the Boston community" is not Boston), nor a compound WordNet lists
  as a noun of its own ("labor movement", "oil industry").
  Kinds of artefact ("speech recognition system", "a machine learning model") are not
  container nouns: what was built is a thing of its own.
* **ellipsis** (per transcript): a modifier said alone ("floppy") after its compound
  ("floppy disk"), when the compound is the only one the transcript has with that
  modifier, is said more often, and WordNet lets the word stand for it (no noun of its
  own, or a noun only of the compound's kind: not "germ" beside "germ theory"), is
  the compound said short.
* **reordered name** (per transcript): a name whose words all occur, apart or in
  another order, in exactly one longer name of the same type said before it ("the 1971
  treaty" after "the treaty of 1971") is that name said short.
* **organisation tail** (per transcript): an organisation's name of two words or more
  that ends exactly one longer organisation's name said before it ("Berkeley Lab"
  after "Lawrence Berkeley Lab") is that name without its first words.
* **lowercase work** (per transcript): a lowercase word NER alone called a work, beside
  the same word counted as a term more often, is the term.
* **derived form** (per transcript): a one-word term said fewer times than its
  nominalisation ("ferment" beside "fermentation": the word plus "-ation", "-ion" or
  "-ment", an act or process in one of its WordNet senses) is that act or process; not a
  word WordNet lists as an idea, artefact, person or group of its own ("construct"
  beside "construction").
* **participle** (per transcript): two terms that differ only in a modifier said
  with and without its past-tense ending ("disentangle representation",
  "disentangled representation": lemmatised speech, a dropped "-d") are one term; the
  form said more often wins (ties: the participle). Never the last word, the head noun
  ("fee" is not "feed").
* **lexicon words** (per transcript): a name NER found alone whose words are those of
  a lexicon entity said in the same transcript with the same type ("DevIn" beside
  "Devin") is that entity: the lexicon missed only the spelling.
* **named term** (per transcript, :func:`named_terms`): a term said with the same
  words as a name found in lowercase speech ("deepmind") is a mention of that name,
  unless it is a frequent English word said as a common noun ("a green apple"); so is
  a term written with capitals wherever it is said, beside a name of the same words in
  cased text ("the Red Hat trademark" beside Red Hat the company).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from wordfreq import zipf_frequency

from .extract.entities import is_common_word
from .extract.wordnet import first_lexname, senses
from .model import Mention

__all__ = ["Route", "CONTAINER_NOUNS", "ORGANISATION_NOUNS", "spacing_variants", "short_forms"]

#: General nouns of English that, after a term, name a collection or setting of it, not
#: a new thing ("an open source project", "the AI community", "a venture capital
#: firm"). Closed list; artefacts (system, model, tool, application) stay out, and so
#: do "space" and "field", which make technical terms of their own ("search space",
#: "vector field") as often as settings ("the AI space").
CONTAINER_NOUNS = frozenset(
    {
        "project",
        "community",
        "firm",
        "company",
        "industry",
        "business",
        "conference",
        "movement",
        "world",
        "sector",
        "scene",
        "circle",
    }
)


#: Nouns that after a name say what kind of body it names ("Cornell University",
#: "Acme Corporation"): the name's first word alone is then that body. Closed list.
ORGANISATION_NOUNS = frozenset(
    {
        "university",
        "college",
        "institute",
        "school",
        "academy",
        "corporation",
        "corp",
        "company",
        "co",
        "inc",
        "incorporated",
        "ltd",
        "llc",
        "foundation",
        "group",
        "labs",
        "lab",
        "laboratory",
        "laboratories",
        "society",
        "association",
        "agency",
        "partners",
        "ventures",
        "capital",
        "holdings",
        "technologies",
        "systems",
    }
)


@dataclass(frozen=True, slots=True)
class Route:
    """Where a key goes, the rule that sent it (:data:`kg.model.NAME_RULES`) and why;
    ``type`` retypes the moved mentions (a short name NER typed a person)."""

    target: str
    rule: str
    detail: str
    type: str | None = None


def _text(key: str) -> str:
    return key.split(":", 1)[1]


#: British endings and their American forms, for words of at least
#: :data:`SPELLING_MIN_LETTERS` letters ("behaviour", "organise", "analyse", "centre",
#: "catalogue", "defence", "programme"). Closed list.
_SPELLINGS = (
    ("our", "or"),
    ("ours", "ors"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("isation", "ization"),
    ("isations", "izations"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("ence", "ense"),
    ("amme", "am"),
    ("ammes", "ams"),
)
#: Shorter words keep their letters: "tour" is not "tor", "wise" not "wize".
SPELLING_MIN_LETTERS = 6
#: A doubled "l" before these endings is British ("modelling", "labelled") when at
#: least four letters come before it (not "filled" / "filed").
_DOUBLED_L = ("lled", "lling", "ller", "llers")


def american_spelling(text: str) -> str:
    """``text`` with each word's British ending written the American way: "colour
    theory" -> "color theory", "modelling" -> "modeling". Words that only look British
    are rewritten too, harmlessly: two keys merge only when both forms are said."""
    out = []
    for word in text.split():
        if len(word) >= SPELLING_MIN_LETTERS:
            for british, american in _SPELLINGS:
                if word.endswith(british):
                    word = word[: -len(british)] + american
                    break
            else:
                for ending in _DOUBLED_L:
                    if word.endswith(ending) and len(word) - len(ending) >= 4:
                        word = word[: -len(ending)] + ending[1:]
                        break
        out.append(word)
    return " ".join(out)


def spacing_variants(keys: Iterable[tuple[str, int]]) -> dict[str, Route]:
    """Keys of names or terms (with their mention counts) that differ only by spaces or
    British and American spelling, mapped to the one said most often (ties: the closed
    form, then the first key): "silk worm" -> "silkworm", "colour" -> "color"."""
    by_letters: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for key, count in keys:
        prefix, _, text = key.partition(":")
        if prefix in ("concept", "name") and "@" not in text:
            by_letters[(prefix, american_spelling(text).replace(" ", ""))].append((key, count))
    out: dict[str, Route] = {}
    for variants in by_letters.values():
        if len(variants) < 2:
            continue
        best = sorted(variants, key=lambda kc: (-kc[1], _text(kc[0]).count(" "), kc[0]))[0][0]
        for key, _ in variants:
            if key != best:
                out[key] = Route(best, "spacing", f"'{_text(best)}' written another way")
    return out


@dataclass
class _Node:
    """One key as one transcript says it."""

    count: int = 0
    first: int = -1
    types: Counter | None = None
    sources: set[str] | None = None
    surfaces: set[str] | None = None

    def add(self, m: Mention) -> None:
        if self.types is None:
            self.types, self.sources, self.surfaces = Counter(), set(), set()
        self.count += 1
        self.first = m.char_start if self.first < 0 else min(self.first, m.char_start)
        self.types[m.type] += 1
        self.sources.add(m.source)
        self.surfaces.add(m.surface)

    @property
    def type(self) -> str:
        return sorted(self.types, key=lambda t: (-self.types[t], t))[0]


def _plain(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


def short_forms(
    keyed: Iterable[tuple[Mention, str]], keep: frozenset[str] = frozenset()
) -> dict[tuple[str, str], Route]:
    """(transcript, key) -> where that key's mentions go in that transcript, by the
    per-transcript rules of this module. ``keyed``: each mention with its key; ``keep``:
    keys never moved (speakers)."""
    nodes: dict[str, dict[str, _Node]] = defaultdict(lambda: defaultdict(_Node))
    forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m, key in keyed:
        nodes[m.transcript_id][key].add(m)
        forms[m.transcript_id][_plain(m.surface)].add(key)
        if m.norm and m.source == "concept":
            forms[m.transcript_id][m.norm].add(key)
        if key.startswith("concept:"):
            forms[m.transcript_id][_text(key)].add(key)
    out: dict[tuple[str, str], Route] = {}
    for tid in sorted(nodes):
        found = _transcript_routes(nodes[tid], forms[tid], keep)
        out.update(((tid, key), route) for key, route in found.items())
    return out


def _transcript_routes(
    nodes: dict[str, _Node], forms: dict[str, set[str]], keep: frozenset[str]
) -> dict[str, Route]:
    out: dict[str, Route] = {}
    org_first: dict[str, set[str]] = defaultdict(set)  # first word -> organisation keys
    person_first: set[str] = set()
    compounds: dict[str, set[str]] = defaultdict(set)  # modifier -> keys said with it
    for form, keys in forms.items():
        words = form.split()
        if len(words) >= 2:
            compounds[" ".join(words[:-1])].update(keys)
    lexical: dict[tuple[str, str], set[str]] = defaultdict(set)  # (words, type) -> lex keys
    official: dict[str, set[str]] = defaultdict(set)  # "x" -> keys of "republic of x"
    for key, node in nodes.items():
        short = _official_short(key)
        if short is not None and node.type == "Place":
            official[short].add(key)
    for key, node in nodes.items():
        if key.startswith("lex:"):
            for surface in node.surfaces:
                lexical[(_plain(surface), node.type)].add(key)
        for surface in node.surfaces:
            words = _plain(surface).split()
            if len(words) < 2:
                continue
            if node.type == "Organization":
                org_first[words[0]].add(key)
            elif node.type == "Person":
                person_first.add(words[0])
    for key in sorted(nodes):
        if key in keep:
            continue
        node = nodes[key]
        route = None
        if key.startswith("name:"):
            route = (
                _lexicon_words(key, node, lexical)
                or _organisation_short_name(key, node, nodes, org_first, person_first)
                or _official_name(key, node, nodes, official)
                or _reordered_name(key, node, nodes)
                or _organisation_tail(key, node, nodes)
                or _work_that_is_a_term(key, node, nodes)
            )
        elif key.startswith("concept:"):
            route = (
                _term_in_container(key, node, nodes, forms)
                or _ellipsis(key, node, nodes, compounds)
                or _derived_form(key, node, nodes)
                or _participle(key, node, nodes)
            )
        if route is not None:
            out[key] = route
    for key, route in list(out.items()):  # a target moved too: follow it (counts only grow)
        target = route.target
        while target in out:
            target = out[target].target
        if target != route.target:
            out[key] = Route(target, route.rule, route.detail, route.type)
    return out


#: Forms of state said before "of" in a country's or state's official name ("the
#: Republic of X", "the Kingdom of X", "the Commonwealth of X"). Closed list.
STATE_FORMS = frozenset(
    {
        "republic",
        "kingdom",
        "commonwealth",
        "federation",
        "principality",
        "duchy",
        "emirate",
        "sultanate",
        "state",
        "union",
    }
)


def _official_short(key: str) -> str | None:
    """The place an official name names by its form of state ("republic of the x" ->
    "x"), or None. Words before the form ("people s", "federal") are kept out too."""
    if not key.startswith("name:"):
        return None
    words = _text(key).split()
    if "of" not in words:
        return None
    at = words.index("of")
    if at == 0 or words[at - 1] not in STATE_FORMS:
        return None
    rest = words[at + 1 :]
    if rest[:1] == ["the"]:
        rest = rest[1:]
    return " ".join(rest) or None


def _official_name(
    key: str, node: _Node, nodes: dict[str, _Node], official: dict[str, set[str]]
) -> Route | None:
    """A place named by its form of state beside the place its name ends in ("the
    Republic of Veldonia" beside "Veldonia"), when no other official name of the
    transcript ends in the same place."""
    short = _official_short(key)
    if short is None or node.type != "Place" or len(official.get(short, ())) != 1:
        return None
    target = "name:" + short
    if target not in nodes or nodes[target].type != "Place":
        return None
    return Route(target, "short-form", f"the official name of '{short}'")


def _lexicon_words(key: str, node: _Node, lexical: dict[tuple[str, str], set[str]]) -> Route | None:
    """A name NER alone found, said with the words of exactly one lexicon entity of the
    transcript that has the same type: that entity written another way ("DevIn")."""
    if node.sources != {"ner"}:
        return None
    found = lexical.get((_text(key), node.type), set())
    if len(found) != 1:
        return None
    target = next(iter(found))
    return Route(target, "short-form", f"the words of lexicon entity {_text(target)}")


#: Endings that make a noun of an act or process from a verb ("ferment" ->
#: "fermentation", "develop" -> "development"). Closed list.
NOMINAL_SUFFIXES = ("ation", "ion", "ment")
#: WordNet lexnames of a nominalisation: what "-ation" names is (in one of its senses)
#: an act or a process.
_ACT_KINDS = frozenset({"noun.act", "noun.process"})
#: Lexnames that give a word a life of its own beside its nominalisation: an idea
#: ("construct"), a made thing, a person, a group, an act of its own ("audit" beside
#: "audition") or a text ("digest" beside "digestion").
_OWN_KINDS = frozenset(
    {
        "noun.cognition",
        "noun.artifact",
        "noun.person",
        "noun.group",
        "noun.act",
        "noun.communication",
    }
)


def _derived_form(key: str, node: _Node, nodes: dict[str, _Node]) -> Route | None:
    """A one-word term said fewer times than its nominalisation in the transcript is
    that act or process ("ferment" -> "fermentation")."""
    word = _text(key)
    if " " in word or len(word) < 5:
        return None
    if any(kind in _OWN_KINDS for kind in senses(word)):
        return None
    found = []
    for suffix in NOMINAL_SUFFIXES:
        target = "concept:" + word + suffix
        if (
            target in nodes
            and nodes[target].count > node.count
            and _ACT_KINDS.intersection(senses(_text(target)))
        ):
            found.append(target)
    if len(found) != 1:
        return None
    return Route(found[0], "short-form", f"'{word}', the verb of '{_text(found[0])}'")


def _participle_of(word: str, other: str) -> bool:
    """Whether ``word`` is ``other`` with a past-tense ending: "disentangled" of
    "disentangle" (+d, from five letters) or "labelled"/"labeled" of "label" (+ed)."""
    if len(other) >= 5 and other.endswith("e") and word == other + "d":
        return True
    return len(other) >= 4 and word in (other + "ed", other + other[-1] + "ed")


def _participle(key: str, node: _Node, nodes: dict[str, _Node]) -> Route | None:
    """A term that differs from another of the transcript only by a modifier said with
    or without its past-tense ending: the one said more often (ties: the participle)."""
    words = _text(key).split()
    if len(words) < 2:
        return None
    for i, word in enumerate(words[:-1]):
        variants = [w for w in (word[:-1], word[:-2], word[:-3]) if _participle_of(word, w)]
        variants += [w for w in (word + "d", word + "ed") if _participle_of(w, word)]
        for variant in variants:
            target = "concept:" + " ".join(words[:i] + [variant] + words[i + 1 :])
            if target not in nodes:
                continue
            other = nodes[target].count
            if other > node.count or (other == node.count and len(variant) > len(word)):
                return Route(target, "short-form", f"'{word}' said for '{variant}'")
    return None


def _organisation_short_name(
    key: str,
    node: _Node,
    nodes: dict[str, _Node],
    org_first: dict[str, set[str]],
    person_first: set[str],
) -> Route | None:
    word = _text(key)
    if " " in word or "@" in word or word in person_first:
        return None
    if node.sources != {"ner"} or "Place" in node.types:
        return None
    if not all(s[:1].isupper() and s.isalpha() for s in node.surfaces):
        return None
    owners = org_first.get(word, set()) - {key}
    if len(owners) != 1:
        return None
    owner = next(iter(owners))
    if nodes[owner].first > node.first:
        return None  # said before the full name: not its short form
    label = sorted(s for s in nodes[owner].surfaces if len(_plain(s).split()) > 1)[0]
    if node.types["Organization"] * 2 > node.count:
        # NER calls the word alone an organisation (most of the times it is said): one of
        # its own ("Microsoft" beside "Microsoft Windows"), unless the
        # rest of the full name only says what kind of body it is ("Cornell University")
        if not all(w in ORGANISATION_NOUNS for w in _plain(label).split()[1:]):
            return None
    elif node.count > nodes[owner].count:
        return None  # said more often than the full name: a thing of its own
    return Route(owner, "short-form", f"first word of '{label}', said after it", "Organization")


def _organisation_tail(key: str, node: _Node, nodes: dict[str, _Node]) -> Route | None:
    """An organisation's name of two words or more that ends exactly one longer
    organisation's name of the transcript said before it is that organisation without
    its first words ("Berkeley Lab" after "Lawrence Berkeley Lab", "the Ministry of
    Culture" after "the Soviet Ministry of Culture")."""
    words = _text(key).split()
    if len(words) < 2 or "@" in key or node.type != "Organization":
        return None
    tail = " " + _text(key)
    found = [
        other
        for other, full in nodes.items()
        if other != key
        and other.startswith("name:")
        and full.type == "Organization"
        and "@" not in other
        and (" " + _text(other)).endswith(tail)
    ]
    if len(found) != 1 or nodes[found[0]].first > node.first:
        return None
    return Route(found[0], "short-form", f"the last words of '{_text(found[0])}', said after it")


def _reordered_name(key: str, node: _Node, nodes: dict[str, _Node]) -> Route | None:
    """A name of two words or more whose words all occur, in another order or apart, in
    exactly one longer name of the same type said before it: the longer name said short
    ("the 1971 treaty" after "the treaty of paris of 1971"). Words that follow each
    other in the longer name are left alone: "Harvard University" is not "Harvard
    University Press", a body of its own."""
    words = _text(key).split()
    if len(words) < 2 or "@" in key:
        return None
    found = []
    for other, full in nodes.items():
        if other == key or not other.startswith("name:") or full.type != node.type:
            continue
        long = _text(other).split()
        if len(long) <= len(words) or not set(words) <= set(long):
            continue
        if f" {_text(key)} " in f" {_text(other)} ":
            continue
        found.append(other)
    if len(found) != 1 or nodes[found[0]].first > node.first:
        return None
    return Route(found[0], "short-form", f"the words of '{_text(found[0])}', said short")


def _work_that_is_a_term(key: str, node: _Node, nodes: dict[str, _Node]) -> Route | None:
    """A lowercase word NER alone called a work (spaCy's least reliable label, which it
    gives to everyday nouns of lowercase speech), where the term statistics found the
    same word as a term said more often: that term ("typhoid")."""
    term = "concept:" + _text(key)
    if term not in nodes or node.sources != {"ner"} or set(node.types) != {"Work"}:
        return None
    if not all(s.islower() for s in node.surfaces) or nodes[term].count <= node.count:
        return None
    return Route(term, "short-form", f"the term '{_text(key)}', not a title", "Concept")


def _term_in_container(
    key: str, node: _Node, nodes: dict[str, _Node], forms: dict[str, set[str]]
) -> Route | None:
    words = _text(key).split()
    if len(words) < 2 or words[-1] not in CONTAINER_NOUNS:
        return None
    if senses(_text(key)):
        return None  # an established noun of English: "law firm", "oil industry"
    term = " ".join(words[:-1])
    targets = {
        k for k in forms.get(term, ()) if k != key and nodes[k].type not in ("Person", "Place")
    }
    if len(targets) != 1:
        return None
    target = next(iter(targets))
    if node.count >= nodes[target].count:
        return None  # said as often as the term: a thing of its own
    return Route(target, "short-form", f"'{term}' before the general noun '{words[-1]}'")


def _ellipsis(
    key: str, node: _Node, nodes: dict[str, _Node], compounds: dict[str, set[str]]
) -> Route | None:
    found = {k for k in compounds.get(_text(key), ()) if k != key and nodes[k].type == "Concept"}
    if len(found) != 1:
        return None
    target = next(iter(found))
    compound = nodes[target]
    if compound.count <= node.count or compound.first > node.first:
        return None
    if not may_stand_for(_text(key), _text(target)):
        return None
    return Route(target, "short-form", f"'{_text(key)}' said short for '{_text(target)}'")


def may_stand_for(modifier: str, compound: str) -> bool:
    """Whether ``modifier`` said alone can be ``compound`` said short, by WordNet: a
    common English word that is no noun (an adjective said alone: "a portable"), or a
    noun every sense of which is the compound's kind of thing ("floppy": an artefact,
    as "floppy disk" is); not a noun with senses of its own ("germ" is an organism, an
    idea, a body part: not "germ theory")."""
    own = senses(modifier)
    if not own:
        return all(is_common_word(w) for w in modifier.split())
    kind = first_lexname(compound)
    return kind is not None and all(s == kind for s in own)


#: A term that is an English word at least this frequent (Zipf) and said as a common
#: noun somewhere in the transcript ("the big apple" beside "Apple") keeps its own node
#: beside a name of the same words. Measured: names heard as terms in lowercase speech
#: ("deepmind" 2.2, "kaggle" 1.7) sit far below everyday nouns said after a determiner
#: ("apple" 4.8, "amazon" 4.6, "target" 4.8, "window" 4.8).
COMMON_NOUN_MIN_ZIPF = 4.0
#: Determiners before which a word is read as a common noun (with at most one word,
#: an adjective, between them: "a green apple").
DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "every", "each", "some", "any"}
    | {"my", "your", "our", "their", "his", "her", "its", "no", "another"}
)
_WORD = re.compile(r"[\w']+")
#: The types of a name found in lowercase speech that are carried to a term of the same
#: words: not Work, spaCy's least reliable label, which it gives to lowercase everyday
#: nouns ("typhoid", "genesis"); nor Concept.
CARRIED_TYPES = frozenset({"Person", "Organization", "Place", "Product", "Event"})


@dataclass(frozen=True, slots=True)
class NamedTerm:
    """The named entity a term of the same words is a mention of, in one transcript."""

    key: str
    type: str


def named_terms(
    mentions: Iterable[Mention], key_of: Callable[[Mention], str], text: str
) -> dict[str, NamedTerm]:
    """Term (plain lowercase words) -> the named entity of the transcript said with the
    same words in lowercase ("deepmind" the concept is "deepmind" the lab, found once as
    a name in lowercase speech): a name found once is carried to its other mentions; or
    said with the same words in cased text where every mention of the term is written
    with capitals ("Red Hat" the term is Red Hat the company). Not a term
    that is a frequent English word said in a common-noun use (:func:`common_noun_use`)
    in the transcript. The first name by position wins (deterministic)."""
    mentions = sorted(mentions, key=lambda m: (m.char_start, m.char_end, m.surface))
    capitalised_terms = _capitalised_terms(mentions)
    named: dict[str, NamedTerm] = {}
    for m in mentions:
        if m.type in CARRIED_TYPES and m.source not in ("concept", "speaker"):
            plain = _plain(m.surface)
            if m.surface.islower() or plain in capitalised_terms:
                key = key_of(m)
                if not key.startswith("concept:"):
                    named.setdefault(plain, NamedTerm(key, m.type))
    common = {
        term
        for m in mentions
        if m.source == "concept"
        and (term := m.norm or _plain(m.surface)) in named
        and term not in capitalised_terms
        and common_noun_use(text, m.char_start)
        and zipf_frequency(term, "en") >= COMMON_NOUN_MIN_ZIPF
    }
    return {t: n for t, n in named.items() if t not in common}


def _capitalised_terms(mentions: list[Mention]) -> set[str]:
    """Terms (plain words) every mention of which is written with a capital on each word
    ("Red Hat" in "the Red Hat trademark"): in cased text, a term so written is a name
    the term statistics counted too, and a name of the same words is what it means."""
    written: dict[str, bool] = {}
    for m in mentions:
        if m.source == "concept":
            term = m.norm or _plain(m.surface)
            words = m.surface.split()
            title = bool(words) and all(w[:1].isupper() for w in words)
            written[term] = written.get(term, True) and title
    return {term for term, title in written.items() if title}


def common_noun_use(text: str, start: int) -> bool:
    """Whether the word at ``start`` of ``text`` follows a determiner, directly or past
    one word (an adjective): "an apple", "the big apple"."""
    before = _WORD.findall(text[max(0, start - 40) : start].lower())[-2:]
    return bool(before) and (
        before[-1] in DETERMINERS or (len(before) == 2 and before[0] in DETERMINERS)
    )
