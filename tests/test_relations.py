"""Typed relation patterns on short invented dialogues, through the real build (real
spaCy model, real store). Each expectation follows from the dialogue text; the
dialogues are written for these tests and share no wording with the seeds or corpus.
"""

from __future__ import annotations

import json

import pytest

import kg
from kg.build import build
from kg.config import Settings
from kg.graph import load_graph

DIALOGUES = {
    # "we" stands for the organisation the speaker said they are at
    "we_org.txt": (
        "Host: Welcome to the show, Dario Amodei.\n"
        "Dario Amodei: Thanks for having me. At Anthropic we built Claude over several years.\n"
        "Host: And what came after that?\n"
        "Dario Amodei: We released Claude Code in February, and our CEO Daniela Amodei "
        "spoke about it.\n"
    ),
    # "we" with no organisation stated stays nobody: no created edge
    "we_generic.txt": (
        "Host: Who made the first chatbot people loved?\n"
        "Guest: Honestly we built ChatGPT wrappers for fun at home, nothing more.\n"
        "Host: Fair enough.\n"
        "Guest: We all did.\n"
    ),
    "typed.txt": (
        "Host: Tell me about your background.\n"
        "Demis Hassabis: I did my PhD with Eleanor Maguire at University College London.\n"
        "Host: And DeepMind?\n"
        "Demis Hassabis: I founded DeepMind with Shane Legg, and DeepMind built AlphaGo.\n"
        "Host: Where is Mustafa Suleyman these days?\n"
        "Demis Hassabis: Mustafa Suleyman now leads Microsoft AI.\n"
        "Host: And you today?\n"
        "Demis Hassabis: I'm a principal scientist at Google DeepMind, and Yann LeCun is "
        "the chief AI scientist at Meta.\n"
    ),
    # a person called by name, then "you"; a board seat
    "panel.txt": (
        "Moderator: Our first panelist is Helen Toner, who was on the board of OpenAI.\n"
        "Helen Toner: Thanks for having me.\n"
        "Jack Clark: Glad to be here too.\n"
        "Moderator: Helen, you worked at Georgetown University before that.\n"
        "Helen Toner: I did, for a few years.\n"
    ),
    # advisors, said by the student
    "advisor.txt": (
        "Host: Where did you do your doctorate?\n"
        "Chelsea Finn: In Berkeley. My PhD advisor was Sergey Levine, and Pieter Abbeel "
        "co-supervised me.\n"
        "Host: And your postdoc?\n"
        "Chelsea Finn: I went straight to Stanford as faculty.\n"
    ),
    # founders listed together, a founder far from the verb, authors, acquisitions
    "founders.txt": (
        "Host: Who built these companies?\n"
        "Guest: Larry Page and Sergey Brin founded Google. Mustafa Suleyman, who grew up "
        "in London and later spent years in policy work, started Inflection AI.\n"
        "Host: And the research?\n"
        "Guest: Ashish Vaswani, one of the authors of the Transformer paper, later started "
        "Essential Robotics. Google acquired DeepMind after a long negotiation.\n"
    ),
    # lowercase speech: famous names that are frequent words, a run-on sentence
    "asr.txt": (
        "yeah so microsoft invested like ten billion dollars in open ai and greg brockman "
        "co-founded it with sam and later he moved to london for a while\n"
    ),
    # two diarized recordings: each one's SPEAKER_00 is a different person
    "ep1.json": (
        '{"segments": [{"start": 0, "end": 3, "speaker": "SPEAKER_00",'
        ' "text": "I have worked at Google for ten years."},'
        ' {"start": 3, "end": 6, "speaker": "SPEAKER_01", "text": "What do you do there?"}]}'
    ),
    "ep2.json": (
        '{"segments": [{"start": 0, "end": 3, "speaker": "SPEAKER_00",'
        ' "text": "I have worked at Mistral AI since it started."},'
        ' {"start": 3, "end": 6, "speaker": "SPEAKER_01", "text": "How is it?"}]}'
    ),
}


def _facts(store, predicate: str) -> set[tuple[str, str]]:
    rows = store.query(
        f"""SELECT DISTINCT ?s ?o WHERE {{
              ?a a kg:Assertion ; rdf:subject ?si ; rdf:predicate kg:{predicate} ;
                 rdf:object ?oi .
              ?si rdfs:label ?s . ?oi rdfs:label ?o }}"""
    )
    return {(str(r["s"]), str(r["o"])) for r in rows}


@pytest.fixture(scope="module")
def dialogue_outputs(tmp_path_factory):
    inputs = tmp_path_factory.mktemp("dialogues")
    for name, text in DIALOGUES.items():
        (inputs / name).write_text(text, encoding="utf-8")
    outputs = tmp_path_factory.mktemp("dialogue-outputs")
    result = build([inputs], outputs, Settings(cache=False))
    assert result.ok, result.errors
    return outputs


@pytest.fixture(scope="module")
def dialogue_store(dialogue_outputs):
    return kg.load(dialogue_outputs)


def test_we_is_the_speakers_organisation(dialogue_store):
    created = _facts(dialogue_store, "created")
    assert ("Anthropic", "Claude") in created
    assert ("Anthropic", "Claude Code") in created  # "We released Claude Code"
    works = _facts(dialogue_store, "worksFor")
    assert ("Dario Amodei", "Anthropic") in works
    assert ("Daniela Amodei", "Anthropic") in works  # "our CEO Daniela Amodei"


def test_we_without_an_organisation_creates_nothing(dialogue_store):
    assert not {s for s, o in _facts(dialogue_store, "created") if o == "ChatGPT"}


def test_first_person_patterns(dialogue_store):
    assert ("Demis Hassabis", "Eleanor Maguire") in _facts(dialogue_store, "studiedUnder")
    assert ("Demis Hassabis", "DeepMind") in _facts(dialogue_store, "founded")
    assert ("DeepMind", "AlphaGo") in _facts(dialogue_store, "created")
    works = _facts(dialogue_store, "worksFor")
    assert ("Demis Hassabis", "Google DeepMind") in works  # "I'm a principal scientist at"
    assert ("Yann LeCun", "Meta") in works  # "the chief AI scientist at Meta"
    leads = {o for s, o in works if s == "Mustafa Suleyman"}
    assert leads and all(o.startswith("Microsoft") for o in leads)


def test_diarization_labels_of_two_recordings_are_two_people(dialogue_store):
    works = _facts(dialogue_store, "worksFor")
    google = {s for s, o in works if o == "Google"}
    mistral = {s for s, o in works if o == "Mistral AI"}
    assert len(google) == 1 and len(mistral) == 1
    assert google != mistral
    assert all(name.startswith("SPEAKER_00 (") for name in google | mistral)


def test_a_person_called_by_name_is_the_you_that_follows(dialogue_store):
    works = _facts(dialogue_store, "worksFor")
    assert ("Helen Toner", "Georgetown University") in works
    assert ("Jack Clark", "Georgetown University") not in works  # the last speaker


def test_board_members_are_affiliated(dialogue_store):
    assert ("Helen Toner", "OpenAI") in _facts(dialogue_store, "affiliatedWith")


def test_advisors_named_by_their_student(dialogue_store):
    studied = _facts(dialogue_store, "studiedUnder")
    assert ("Chelsea Finn", "Sergey Levine") in studied  # "My PhD advisor was ..."
    assert ("Chelsea Finn", "Pieter Abbeel") in studied  # "... co-supervised me"


def test_founders_listed_together_far_from_the_verb_and_by_the_parse(dialogue_store):
    founded = _facts(dialogue_store, "founded")
    assert {("Larry Page", "Google"), ("Sergey Brin", "Google")} <= founded  # "X and Y founded"
    assert ("Mustafa Suleyman", "Inflection AI") in founded  # subject far from "started"
    # "Essential Robotics" is a company whatever NER says about its first word
    assert ("Ashish Vaswani", "Essential Robotics") in founded
    assert ("Ashish Vaswani", "Attention Is All You Need") in _facts(dialogue_store, "created")
    assert ("DeepMind", "Google") in _facts(dialogue_store, "partOf")  # "Google acquired"


def test_lowercase_speech_reads_proper_nouns_and_not_run_on_lists(dialogue_store):
    assert ("Microsoft", "OpenAI") in _facts(dialogue_store, "investedIn")
    rows = dialogue_store.query(
        """SELECT ?p WHERE { ?s rdfs:label "Microsoft" . ?o rdfs:label "Greg Brockman" .
                             ?s ?p ?o }"""
    ).rows()
    assert rows == []  # "in open ai and greg brockman co-founded": no list of two investees


def _assertion_values(store, predicate: str, prop: str) -> set[tuple[str, str, str]]:
    rows = store.query(
        f"""SELECT DISTINCT ?s ?o ?v WHERE {{
              ?a a kg:Assertion ; rdf:subject ?si ; rdf:predicate kg:{predicate} ;
                 rdf:object ?oi ; kg:{prop} ?v .
              ?si rdfs:label ?s . ?oi rdfs:label ?o }}"""
    )
    return {(str(r["s"]), str(r["o"]), str(r["v"])) for r in rows}


CLAUSES = {
    # parallel clauses pair in order; a question, a hypothetical and hearsay give nothing
    "clauses.txt": (
        "Host: Who funds the labs you know?\n"
        "Ada Quist: Northwind Capital invested in Corvina Labs, and Maple Partners "
        "invested in Alpine Robotics.\n"
        "Host: Did Maple Partners ever invest in Corvina Labs?\n"
        "Ada Quist: If Corvina Labs moved to Berlin, Maple Partners would back it. "
        "People say that Microsoft invested in Alpine Robotics, but it is not true.\n"
        "Host: And you?\n"
        "Ada Quist: I was an engineer at Siemens for six years, and I now lead the "
        "vision team at Corvina Labs. Corvina Labs is based in Toronto.\n"
    ),
    # no labels and two people in the sidecar: "I" is nobody, so nothing is asserted
    "unlabelled.txt": ("I did my PhD with Geoffrey Hinton at the University of Toronto.\n"),
    "unlabelled.meta.json": (
        '{"speakers": [{"name": "Rita Vance", "role": "host"},'
        ' {"name": "Omar Haddad", "role": "guest"}]}'
    ),
}


@pytest.fixture(scope="module")
def clause_outputs(tmp_path_factory):
    inputs = tmp_path_factory.mktemp("clauses")
    for name, text in CLAUSES.items():
        (inputs / name).write_text(text, encoding="utf-8")
    outputs = tmp_path_factory.mktemp("clause-outputs")
    result = build([inputs], outputs, Settings(cache=False))
    assert result.ok, result.errors
    return outputs


@pytest.fixture(scope="module")
def clause_store(clause_outputs):
    return kg.load(clause_outputs)


def test_parallel_clauses_pair_in_order_never_crosswise(clause_store):
    invested = _facts(clause_store, "investedIn")
    assert ("Northwind Capital", "Corvina Labs") in invested
    assert ("Maple Partners", "Alpine Robotics") in invested
    assert ("Northwind Capital", "Alpine Robotics") not in invested
    assert ("Northwind Capital", "Maple Partners") not in invested
    assert ("Maple Partners", "Corvina Labs") not in invested  # asked, not said


def test_questions_hypotheticals_and_hearsay_assert_nothing(clause_store):
    assert ("Microsoft", "Alpine Robotics") not in _facts(clause_store, "investedIn")
    assert not {o for _, o in _facts(clause_store, "locatedIn") if o == "Berlin"}


def test_first_person_clauses_with_tense_and_time(clause_store):
    works = _facts(clause_store, "worksFor")
    assert ("Ada Quist", "Siemens") in works  # "I was an engineer at"
    assert ("Ada Quist", "Corvina Labs") in works  # "I now lead the vision team at"
    assert ("Corvina Labs", "Toronto") in _facts(clause_store, "locatedIn")
    tenses = _assertion_values(clause_store, "worksFor", "tense")
    assert ("Ada Quist", "Siemens", "past") in tenses
    assert ("Ada Quist", "Corvina Labs", "present") in tenses
    assert ("Ada Quist", "Siemens", "six years") in _assertion_values(
        clause_store, "worksFor", "time"
    )


def test_an_ungrounded_first_person_asserts_nothing(clause_store):
    studied = _facts(clause_store, "studiedUnder")
    assert not {s for s, o in studied if o == "Geoffrey Hinton"}


def test_an_ungrounded_first_person_is_kept_as_an_unresolved_candidate(clause_outputs):
    data = json.loads((clause_outputs / "graph.json").read_text(encoding="utf-8"))
    text = "I did my PhD with Geoffrey Hinton at the University of Toronto."
    mine = [u for u in data["unresolved"] if u["evidence"]["transcript_id"] == "unlabelled"]
    studied = [u for u in mine if u["predicate"] == "studiedUnder"]
    assert len(studied) == 1, mine
    (u,) = studied
    assert (u["unresolved_end"], u["word"], u["entity"]) == ("subject", "I", "geoffrey-hinton")
    assert (u["word_start"], u["word_end"]) == (0, 1)
    assert u["evidence"]["quote"] == text
    assert (u["evidence"]["char_start"], u["evidence"]["char_end"]) == (0, len(text))
    assert u["evidence"]["segment_index"] == 0
    # no edge has the speaker's end: not in graph.json's relations, so not in the RDF,
    # the viewer or the exports (which are written from them)
    edges = [
        (r["subject"], r["predicate"], r["object"])
        for r in data["relations"]
        if r["kind"] in ("typed", "open")
        and any(e["transcript_id"] == "unlabelled" for e in r["evidence"])
    ]
    assert not [
        e for e in edges if e[1] == "studiedUnder" or {"rita-vance", "omar-haddad"} & {e[0], e[2]}
    ]
    # a grounded first person of the same build is an edge, not a candidate
    assert not [u for u in data["unresolved"] if u["evidence"]["transcript_id"] == "clauses"]
    # reloaded (kg render, kg export) and written again, byte for byte
    saved = (clause_outputs / "graph.json").read_text(encoding="utf-8")
    assert load_graph(clause_outputs).to_json() == saved


REFERENCE = {
    # "it", names said again, a first name, a misparsed list, a finished stint
    "reference.txt": (
        "Host: Tell us about the company.\n"
        "Noor Haddad: Quillfeather Systems is based in Porto. Bruno Salgado founded it "
        "in 2015.\n"
        "Host: And the product?\n"
        "Noor Haddad: Quillfeather Systems trained a vision model called Osprey. Osprey is "
        "built on Llama 2, and Quillfeather Systems released it in May.\n"
        "Host: Who pays for it?\n"
        "Noor Haddad: Redwood Ventures invested in Quillfeather Systems, and Harbor Fund "
        "backed Tidewater Robotics.\n"
        "Host: And before all this?\n"
        "Noor Haddad: Before that I spent three years at Siemens. We shipped a camera "
        "called Kittiwake there. Bruno had run marketing at Siemens too.\n"
    ),
}


@pytest.fixture(scope="module")
def reference_store(tmp_path_factory):
    inputs = tmp_path_factory.mktemp("reference")
    for name, text in REFERENCE.items():
        (inputs / name).write_text(text, encoding="utf-8")
    outputs = tmp_path_factory.mktemp("reference-outputs")
    result = build([inputs], outputs, Settings(cache=False))
    assert result.ok, result.errors
    return kg.load(outputs)


@pytest.fixture(scope="module")
def reference_candidates(tmp_path_factory):
    """The typed relation candidates the relation stage states (before resolution,
    which checks them against the entities' final types)."""
    from kg.config import Settings as S
    from kg.distributed import process_transcript
    from kg.ingest import read_transcript
    from kg.lexicon import load_lexicon

    inputs = tmp_path_factory.mktemp("reference-candidates")
    path = inputs / "reference.txt"
    path.write_text(REFERENCE["reference.txt"], encoding="utf-8")
    extraction = process_transcript(read_transcript(path), load_lexicon(), S(cache=False))
    return {
        (r.subject.surface, r.predicate, r.object.surface, r.evidence.quote)
        for r in extraction.relations
        if r.kind == "typed"
    }


def test_it_is_the_thing_last_named_a_subject_first(reference_store, reference_candidates):
    # "X is based in Porto. Bruno Salgado founded it": the previous unit's subject
    assert ("Bruno Salgado", "Quillfeather Systems") in _facts(reference_store, "founded")
    # "Osprey is built on Llama 2, and X released it": the subject before, not Llama 2,
    # nor X itself; "Osprey" said again where NER typed it a person is the model
    said = {(s, p, o) for s, p, o, quote in reference_candidates if "released it" in quote}
    assert ("Quillfeather Systems", "created", "Osprey") in said
    assert ("Osprey", "basedOn", "Llama 2") in said
    assert not {(s, p, o) for s, p, o in said if o in ("Llama 2", "Quillfeather Systems")} - {
        ("Osprey", "basedOn", "Llama 2")
    }


def test_a_list_the_parse_makes_of_two_clauses_is_not_paired(reference_store):
    invested = _facts(reference_store, "investedIn")
    assert ("Redwood Ventures", "Quillfeather Systems") in invested
    assert ("Redwood Ventures", "Tidewater Robotics") not in invested


def test_a_first_name_is_the_person_named_in_full_and_we_is_not_a_past_employer(
    reference_store,
):
    assert ("Bruno Salgado", "Siemens") in _facts(reference_store, "worksFor")
    # "Before that I spent three years at Siemens. We shipped ...": not Siemens's "we"
    assert not {s for s, o in _facts(reference_store, "created") if o == "Kittiwake"}


CONCEPTS = {
    "concepts.txt": (
        "Host: So what changed in the field?\n"
        "Guest: Transformers replaced LSTMs almost overnight. Transformers, which replaced "
        "recurrent neural networks, use self-attention. Most labs now train transformers "
        "based on self-attention. Chatbots trained with reinforcement learning from human "
        "feedback answer better.\n"
        "Host: And the open problems?\n"
        "Guest: The alignment of superintelligence matters, and we studied scaling laws for "
        "next-word prediction. The transformer that we trained on speech recognition "
        "works. We trained a language model called Wren.\n"
    ),
}


@pytest.fixture(scope="module")
def concept_relations(tmp_path_factory):
    inputs = tmp_path_factory.mktemp("concepts")
    for name, text in CONCEPTS.items():
        (inputs / name).write_text(text, encoding="utf-8")
    outputs = tmp_path_factory.mktemp("concept-outputs")
    assert build([inputs], outputs, Settings(cache=False)).ok
    data = json.loads((outputs / "graph.json").read_text(encoding="utf-8"))
    return {
        (r["subject"], r["predicate"], r["object"])
        for r in data["relations"]
        if r["kind"] == "open"
    }


def test_concepts_are_related_through_their_verb(concept_relations):
    assert ("transformer", "replace", "lstm") in concept_relations  # subject - verb - object
    # a relative clause on its noun, and that noun's own verb
    assert ("transformer", "replace", "recurrent-neural-network") in concept_relations
    assert ("transformer", "use", "self-attention") in concept_relations
    # a participle keeps its form and its preposition
    assert ("transformer", "based on", "self-attention") in concept_relations
    assert ("chatbot", "trained with", "rlhf") in concept_relations


def test_bare_prepositions_and_names_relate_no_concepts(concept_relations):
    ends = {frozenset((s, o)) for s, _, o in concept_relations}
    words = {p for _, p, _ in concept_relations}
    assert not words & {"of", "for", "called", "call"}, concept_relations
    # "the transformer that we trained on ...": the relative clause has its own subject
    assert not [e for e in ends if "speech-recognition" in e]
    assert not [e for e in ends if {"alignment", "superintelligence"} <= e]
