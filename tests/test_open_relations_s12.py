"""Open relations through the verb's object noun (``relations/open.py``): "had offices
in Y", "made peace with Y", "got a call from Y", where the entity hangs on the noun the
verb takes, not on the verb; light verbs ("have", "get", "make") say something only
with such a noun. On short texts written for these tests, with sentences that must NOT
yield the edge (a noun of quantity, a hypothetical, a light verb alone).

Extraction runs on the real spaCy model, one transcript at a time (no build).
"""

from __future__ import annotations


def _pairs(found, subject):
    return {(p, o) for s, p, o, _ in found if s == subject}


def test_a_light_verb_relates_through_its_object_noun(open_rel):
    found = open_rel(
        "Host: Where was the team?\n"
        "Rosa Diaz: Helena Varga had offices in Lisbon and she got a call from Quentar "
        "Labs in May.\n"
    )
    pairs = _pairs(found, "Helena Varga")
    assert ("have office in", "Lisbon") in pairs, found
    assert ("get call from", "Quentar Labs") in pairs, found


def test_a_verb_relates_through_its_object_noun(open_rel):
    found = open_rel(
        "Host: And then?\nRosa Diaz: Tomas Berg made his peace with Helena Varga last year.\n"
    )
    assert ("make peace with", "Helena Varga") in _pairs(found, "Tomas Berg"), found


def test_no_edge_through_a_vague_noun_a_wish_or_a_bare_light_verb(open_rel):
    found = open_rel(
        "Host: So?\n"
        "Rosa Diaz: Helena Varga had a lot of fun in Lisbon.\n"
        "Host: And?\n"
        "Rosa Diaz: Tomas Berg would have offices in Vienna.\n"
        "Host: And?\n"
        "Rosa Diaz: Helena Varga has Tomas Berg.\n"
    )
    assert not {t for t in found if t[2] in ("Lisbon", "Vienna", "Tomas Berg")}, found


def test_no_edge_under_an_adjective_of_necessity(open_rel):
    found = open_rel(
        "Host: And the board?\n"
        "Rosa Diaz: I believe that it is important that Helena Varga have offices in "
        "Vienna.\n"
        "Host: And?\n"
        "Rosa Diaz: Tomas Berg has offices in Vienna.\n"
    )
    assert not _pairs(found, "Helena Varga"), found
    assert ("have office in", "Vienna") in _pairs(found, "Tomas Berg"), found


def test_a_noun_of_kind_or_quantity_passes_to_its_of(open_rel):
    found = open_rel(
        "Host: How did it work?\n"
        "Rosa Diaz: Helena Varga used the concept of reinforcement learning for years.\n"
    )
    assert ("use", "reinforcement learning") in _pairs(found, "Helena Varga"), found


def test_an_appositive_right_after_its_noun_takes_its_place(open_rel):
    found = open_rel(
        "Host: Where?\n"
        "Rosa Diaz: Helena Varga visited a small city, Lisbon, in 2010.\n"
        "Host: And?\n"
        "Rosa Diaz: Tomas Berg fixed a bug in the database of a client, Halvorsen Robotics.\n"
    )
    assert ("visit", "Lisbon") in _pairs(found, "Helena Varga"), found
    assert "Halvorsen Robotics" not in {o for _, o in _pairs(found, "Tomas Berg")}, found


def test_an_appositive_after_another_nouns_phrase_renames_nothing_sure():
    """The parse of a run-on ("a bug in a piece of software, the bash shell") may hang
    the appositive on the first noun; with a phrase between them it is not taken."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from kg.extract.relations.open import _renames

    words = ["I", "found", "a", "bug", "in", "the", "code", ",", "the", "parser"]
    heads = [1, 1, 3, 1, 3, 6, 4, 3, 9, 3]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct", "det", "appos"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert not _renames(doc[9])
    close = Doc(
        Vocab(),
        words=["I", "found", "a", "bug", ",", "the", "crash"],
        heads=[1, 1, 3, 1, 3, 6, 3],
        deps=["nsubj", "ROOT", "det", "dobj", "punct", "det", "appos"],
    )
    assert _renames(close[6])
