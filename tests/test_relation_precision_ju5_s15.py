"""Precision of relations found by judging every relation of a build of unseen text
(``tests/data/judged_unseen_5``):

* a copula in an embedded question defines nothing ("looking for which addresses are
  broadcasting transactions");
* a quantifier is no part of a kind ("one of the few Ys" is of the kind Y);
* an adjective with a preposition of place or time sets a scene, it relates nothing
  ("the curriculum was very general in Vienna");
* naming proposed or habitual is no making ("just call it X", "we call it X"), only a
  naming done ("I called it X").

Extraction runs on the real spaCy model (no build); texts are invented.
"""

from __future__ import annotations

_TALK = (
    "Host: Bitcoin nodes relay transactions all day, and transactions move fast. "
    "Citations matter in papers, citations.\n"
    "Guest: {line}\n"
)


def _broader(typed, line: str) -> set[tuple[str, str]]:
    return {(s.lower(), o.lower()) for s, p, o in typed(_TALK.format(line=line)) if p == "broader"}


def test_an_embedded_question_defines_nothing(typed):
    found = _broader(typed, "We were looking for which IP addresses are broadcasting transactions.")
    assert not found, found


def test_a_quantifier_is_no_part_of_a_kind(typed):
    found = typed(
        "Host: Tell me about hashcash.\n"
        "Guest: Hashcash was clever, hashcash was early, and hashcash is one of the few "
        "citations in the paper.\n"
    )
    kinds = {o.lower() for s, p, o in found if p == "broader" and s.lower() == "hashcash"}
    assert kinds and all("few" not in o for o in kinds), found


def test_a_proposed_name_is_no_making(typed):
    found = typed(
        "Host: And the index?\n"
        "Nell Ardent: Later I wrote an index for the archive, and I said just call it "
        "cold ledger. Then cold ledger grew into a business.\n"
    )
    assert ("Nell Ardent", "created", "cold ledger") not in found


def test_an_adjective_with_a_place_relates_nothing(open_rel):
    found = open_rel(
        "Host: Tell me about your studies.\n"
        "Guest: I have a major in computer science and back then the computer science "
        "curriculum was very, very general in Vienna. Computer science in Vienna was "
        "theory, mostly. Computer science was fun.\n"
    )
    assert ("Guest (o)", "have major in", "computer science", False) in found
    assert not {p for s, p, o, _ in found if o == "Vienna"}, found
