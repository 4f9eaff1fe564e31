"""Open relations through a subject the parse shares (``relations/open.py``): verbs
coordinated after it or its open complement, and a named person's "who" clause; on
short texts written for these tests, each with sentences that must NOT yield the edge
(a bare comma, a passive read into an active clause, a naming verb, a topic).

Extraction runs on the real spaCy model, one transcript at a time (no build).
"""

from __future__ import annotations


def _pairs(found, subject):
    return {(p, o) for s, p, o, _ in found if s == subject}


def test_a_coordinated_verb_takes_the_subject_of_the_first(open_rel):
    found = open_rel(
        "Host: What did she do after that?\n"
        "Rosa Diaz: Helena Varga wrote two novels and then studied machine learning for a "
        "decade.\n"
    )
    assert ("study", "machine learning") in _pairs(found, "Helena Varga"), found


def test_an_open_complement_takes_the_subject_of_its_verb(open_rel):
    found = open_rel(
        "Host: And then?\nRosa Diaz: Then Helena Varga began working on reinforcement learning.\n"
    )
    assert ("work on", "reinforcement learning") in _pairs(found, "Helena Varga"), found


def test_a_named_persons_who_clause_is_theirs(open_rel):
    found = open_rel(
        "Host: Who came first?\n"
        "Rosa Diaz: Well, Tomas Berg, who introduced reinforcement learning to robotics, "
        "taught in Vienna.\n"
    )
    assert ("introduce", "reinforcement learning") in _pairs(found, "Tomas Berg"), found


def test_no_shared_subject_for_a_topic_or_a_naming_verb(open_rel):
    found = open_rel(
        "Host: So.\n"
        "Rosa Diaz: Let us talk about Quentar Labs growing and partnering with Halvorsen "
        "Robotics.\n"
        "Host: And?\n"
        "Rosa Diaz: Helena Varga founded a lab and then named it Orbis Capital.\n"
    )
    assert not {t for t in found if t[2] == "Halvorsen Robotics"}, found
    assert "Orbis Capital" not in {o for _, o in _pairs(found, "Helena Varga")}, found


def test_no_shared_subject_into_a_passive_after_an_active(open_rel):
    found = open_rel(
        "Host: And?\n"
        "Rosa Diaz: Helena Varga built a parser called Tarn and Tarn is based on Kestrel Labs.\n"
    )
    assert "Kestrel Labs" not in {o for _, o in _pairs(found, "Helena Varga")}, found


# -- a noun after a copula with its preposition: "X is the cause of Y" -------------------
def test_a_predicate_noun_with_its_preposition_relates(open_rel):
    found = open_rel(
        "Host: And?\n"
        "Rosa Diaz: Honestly, transformers were the successor of recurrent neural networks. "
        "Tomas Berg was the leading expert in reinforcement learning.\n"
    )
    assert ("transformers", "be successor of", "recurrent neural networks", False) in found
    assert ("be expert in", "reinforcement learning") in _pairs(found, "Tomas Berg"), found


def test_a_vague_predicate_noun_relates_nothing(open_rel):
    found = open_rel(
        "Host: And?\nRosa Diaz: Well, deep learning is the thing about neural networks.\n"
    )
    assert not {t for t in found if t[0] == "deep learning"}, found


# -- a grounded "we" shares its verb's tense with the verb it governs ---------------------
def test_we_of_the_speakers_organisation_takes_the_tense_of_the_governing_verb(open_rel):
    found = open_rel(
        "Host: Where do you work?\n"
        "Rosa Diaz: I joined DeepMind in 2019, and at DeepMind we got to work on speech "
        "recognition.\n",
        name="a.txt",
    )
    assert ("DeepMind", "work on", "speech recognition", False) in found
    found = open_rel(
        "Host: Where do you work?\n"
        "Rosa Diaz: I joined DeepMind in 2019, and at DeepMind we ended up contributing to "
        "speech recognition.\n",
        name="b.txt",
    )
    assert ("DeepMind", "contribute to", "speech recognition", False) in found
    found = open_rel(
        "Host: Where do you work?\n"
        "Rosa Diaz: I joined DeepMind in 2019, and at DeepMind we get to work on speech "
        "recognition.\n",
        name="c.txt",
    )
    assert not {t for t in found if t[0] == "DeepMind"}, found


def test_a_bare_ing_form_after_a_plain_verb_is_a_run_on_not_a_shared_subject(open_rel):
    found = open_rel(
        "Rosa Diaz: Helena Varga studied reinforcement learning and then taught "
        "computer vision.\n"
        "Rosa Diaz: so I think the picture of robots and you know Helena Varga lose and "
        "killing people and machine learning that's gonna destroy us\n"
    )
    assert ("teach", "computer vision") in _pairs(found, "Helena Varga"), found
    assert not {p for p, o in _pairs(found, "Helena Varga") if o == "machine learning"}, found


def test_a_clause_under_a_negated_verb_states_nothing(open_rel):
    found = open_rel(
        "Rosa Diaz: Helena Varga doesn't think that transformers replaced recurrent "
        "neural networks.\n"
        "Rosa Diaz: Helena Varga doesn't know what to expect from reinforcement learning.\n"
        "Rosa Diaz: Helena Varga thinks that transformers replaced recurrent neural "
        "networks.\n"
    )
    assert not _pairs(found, "Helena Varga"), found
    replaced = {(s, o) for s, p, o, _ in found if p == "replace"}
    assert len(replaced) == 1, found
