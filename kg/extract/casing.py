"""How far a transcript's capitals and punctuation can be trusted, measured per transcript.

Statistical NER leans on capitals. In a punctuated, cased transcript (a human
transcript, Whisper) a word capitalised in mid-sentence is nearly always a name, and
spaCy's PERSON/ORG/GPE on it is usually right even when the name is said once. In
lowercase auto-captions or a run-on ASR line there are no capitals to lean on, and
NER invents names from common words. So extraction asks this module which kind of
text it has, instead of treating every transcript alike.

The measures are simple and robust to topic:

* ``pronoun_upper``: the share of the pronoun *I* written as a capital (``i``, ``i'm``,
  ``i've`` in lowercase text);
* ``capitalised``: the share of words after the first of a sentence that start with a
  capital (names, titles): around 5-15 % in cased English, ~0 in lowercase captions,
  near 100 % in ALL-CAPS or Title Case text;
* ``sentence_marks``: sentence-final punctuation marks per 100 words (a run-on ASR line
  has almost none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CasingProfile", "casing_profile"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_PRONOUN = re.compile(r"(?<![A-Za-z'’])([iI])(?:['’](?:m|ve|ll|d))?(?![A-Za-z'’])")
_SENTENCE_END = re.compile(r"[.?!]+(?=\s|$)")

#: At least this share of pronoun I capitalised: the text's case is deliberate.
MIN_PRONOUN_UPPER = 0.9
#: Mid-sentence capitalised words between these shares: names stand out from words.
CAPITALISED_RANGE = (0.01, 0.35)
#: Sentence marks per 100 words for a punctuated transcript (speech runs ~10-20 words
#: a sentence, so 5+; a run-on line has ~0).
MIN_SENTENCE_MARKS = 2.0


@dataclass(frozen=True)
class CasingProfile:
    """The casing and punctuation of one transcript, and what they allow."""

    words: int
    pronoun_upper: float | None  # None: no pronoun I in the text
    capitalised: float
    sentence_marks: float

    @property
    def cased(self) -> bool:
        """Capitals mark names: NER on a capitalised word can be trusted."""
        low, high = CAPITALISED_RANGE
        if not low <= self.capitalised <= high:
            return False
        return self.pronoun_upper is None or self.pronoun_upper >= MIN_PRONOUN_UPPER

    @property
    def punctuated(self) -> bool:
        """Sentences end with marks: the first word of a unit is a sentence start."""
        return self.sentence_marks >= MIN_SENTENCE_MARKS

    @property
    def reliable(self) -> bool:
        """Cased and punctuated, as a human transcript or Whisper writes."""
        return self.cased and self.punctuated

    def as_dict(self) -> dict:
        """The measures and verdicts, for build.json and reports."""
        return {
            "words": self.words,
            "pronoun_upper": self.pronoun_upper,
            "capitalised": round(self.capitalised, 4),
            "sentence_marks_per_100_words": round(self.sentence_marks, 2),
            "cased": self.cased,
            "punctuated": self.punctuated,
        }


def casing_profile(text: str) -> CasingProfile:
    """Measure ``text`` (a transcript's whole normalised text)."""
    words = 0
    mid = 0
    mid_upper = 0
    sentence_start = True
    for match in re.finditer(r"[.?!]+(?=\s|$)|[A-Za-z][A-Za-z'’]*", text):
        token = match.group()
        if token[0] in ".?!":
            sentence_start = True
            continue
        words += 1
        if not sentence_start and token.lower() not in ("i", "i'm", "i've", "i'll", "i'd"):
            mid += 1
            mid_upper += token[0].isupper()
        sentence_start = False
    pronouns = [m.group(1) for m in _PRONOUN.finditer(text)]
    upper = sum(p == "I" for p in pronouns)
    marks = len(_SENTENCE_END.findall(text))
    return CasingProfile(
        words=words,
        pronoun_upper=upper / len(pronouns) if pronouns else None,
        capitalised=mid_upper / mid if mid else 0.0,
        sentence_marks=100.0 * marks / words if words else 0.0,
    )
