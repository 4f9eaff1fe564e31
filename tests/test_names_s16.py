"""Names of the sixteenth round, each from a miss of the study transcripts, each on
invented text:

* a possessive ends no lexicon name, and the name NER reads after a known name's "'s"
  is a name of its own, made by its owner ("Mozilla's IRL Podcast"); a title that holds
  a possessive stays whole ("The Cuckoo's Egg");
* three capitalised words and more in mid-sentence of a cased transcript are a name
  however common the words ("the Internet Health Report");
* a person's role of a thing is a person's ("Solana Larsen is the editor of ..."), not
  the software the same noun names;
* licences, reports and podcasts are texts by their last word ("the MIT License"),
  also after a known firm's name;
* a speaker's quotation of someone else's "I" says nothing of the speaker.

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

_OPENING = (
    "Host: Welcome to the show. Today we talk about the state of the web, and what it "
    "means for people who build things. It has been a long year for everyone, and there "
    "is a lot to cover.\n"
)
_CLOSING = "Host: It was. Let us start with the report then, and talk about the rest.\n"


def _talk(line: str) -> str:
    return f"{_OPENING}Mara Lind: Thanks for having me. {line}\n{_CLOSING}"


def test_a_known_name_and_its_possessive_own_a_name(mentions, typed):
    text = _talk(
        "Bridget Todd is the host of Mozilla's IRL Podcast, and she is great at it. "
        "I also read The Cuckoo's Egg by Cliff Stoll last year."
    )
    found = {(m.surface, m.type) for m in mentions(text)}
    assert ("Mozilla", "Organization") in found and ("Mozilla's", "Organization") not in found
    assert ("IRL Podcast", "Work") in found
    assert ("Cuckoo's Egg", "Work") in found
    assert ("Mozilla", "created", "IRL Podcast") in typed(text)


def test_three_capitalised_words_are_a_name_and_a_role_is_a_persons(mentions):
    text = _talk(
        "Solana Larsen is the editor of the Internet Health Report, and she did a great "
        "job with it. We also talked about the MIT License in an old episode."
    )
    found = {(m.surface, m.type) for m in mentions(text)}
    assert ("Internet Health Report", "Work") in found
    assert ("Solana Larsen", "Person") in found
    assert ("MIT License", "Work") in found


def test_a_quoted_i_is_not_the_speaker(typed):
    found = typed(
        "Host: What stories resonated?\n"
        'Mara Lind: The stories where you hear "Oh, I was an engineer at Google, and I '
        'experienced this." Those stories matter. I worked at Mozilla for years.\n'
    )
    assert ("Mara Lind", "worksFor", "Mozilla") in found
    assert ("Mara Lind", "worksFor", "Google") not in found
