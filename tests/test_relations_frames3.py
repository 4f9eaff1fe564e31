"""Typed relations read from the parse in frames added after the entity stage grew
(more organisations are now nodes when the relation stage runs), on short texts
written for these tests (no wording from the seeds, the held-out transcripts or the
dialogues). Each frame has sentences that must NOT yield the relation (a question, a
negation, a hypothetical, another kind of tie).

Extraction runs on the real spaCy model, one transcript at a time (no build).
"""

from __future__ import annotations


# -- "I've been involved in X": taking part in an organisation's work ------------------
def test_involved_in_an_organisation_is_working_there(typed):
    found = typed(
        "Host: Tell us about yourself.\n"
        "Piet Varga: I was involved with Corvid Labs for six years.\n"
        "Host: And then?\n"
        "Piet Varga: Then I got involved in Orbis Systems, on the robotics side.\n"
    )
    assert ("Piet Varga", "worksFor", "Corvid Labs") in found
    assert ("Piet Varga", "worksFor", "Orbis Systems") in found


def test_involved_asked_denied_supposed_or_as_another_tie_is_no_job(typed):
    found = typed(
        "Host: Were you involved in Halden Works?\n"
        "Piet Varga: No, I was never involved in Halden Works.\n"
        "Host: And Brightline?\n"
        "Piet Varga: If I were involved in Brightline Labs, I would say so.\n"
        "Host: And Tessell?\n"
        "Piet Varga: I've been involved in Tessell Group as an investor.\n"
    )
    jobs = {(s, o) for s, p, o in found if p in ("worksFor", "affiliatedWith")}
    assert not jobs & {
        ("Piet Varga", "Halden Works"),
        ("Piet Varga", "Brightline Labs"),
        ("Piet Varga", "Tessell Group"),
    }


# -- "he"/"she": a person named before the pronoun, never after, never the speaker -----
def test_he_is_no_person_the_unit_names_after_it(typed):
    found = typed(
        "Host: Who ran the place back then?\n"
        "Guest: He spent ten years at Orbis Systems before Marta Quell arrived.\n"
    )
    assert ("Marta Quell", "worksFor", "Orbis Systems") not in found


def test_she_is_no_sole_speaker_of_a_talk(typed, tmp_path):
    (tmp_path / "talk.meta.json").write_text(
        '{"title": "A talk", "speakers": [{"name": "Lena Brandt", "role": "speaker"}]}',
        encoding="utf-8",
    )
    found = typed(
        "Hello, my name is Lena Brandt and I build maps for a living.\n"
        "She is a professor at Corvid University, and Tomas Erdy joined later.\n",
        name="talk.txt",
    )
    assert ("Lena Brandt", "worksFor", "Corvid University") not in found
    assert ("Tomas Erdy", "worksFor", "Corvid University") not in found


def test_he_still_takes_the_person_named_just_before(typed):
    found = typed(
        "Host: Who ran the place back then?\n"
        "Guest: Marta Quell did. Later he spent ten years at Orbis Systems.\n"
    )
    assert ("Marta Quell", "worksFor", "Orbis Systems") in found


# -- "introduced the Lumen browser": a product named as a product noun's modifier -------
def test_introducing_a_product_named_before_its_noun_is_creating_it(typed):
    found = typed(
        "Host: What happened next?\n"
        "Guest: Then Pavel Orlic got on stage at Brightcon and introduced the Lumen browser.\n"
    )
    assert ("Pavel Orlic", "created", "Lumen") in found


def test_praising_asking_or_denying_a_named_product_is_no_creation(typed):
    found = typed(
        "Host: What happened next?\n"
        "Guest: Then Pavel Orlic went on stage at Brightcon and praised the Lumen browser.\n"
        "Host: And then?\n"
        "Guest: Did Pavel Orlic introduce the Lumen browser? No. Pavel Orlic never "
        "introduced the Lumen browser.\n"
    )
    assert ("Pavel Orlic", "created", "Lumen") not in found


def test_introducing_a_product_its_noun_said_again_is_creating_it(typed):
    found = typed(
        "Host: Which browser?\n"
        "Guest: A fast browser. Pavel Orlic got on stage and introduced the Lumen browser.\n"
        "Host: A browser?\n"
        "Guest: A browser, yes.\n"
    )
    assert ("Pavel Orlic", "created", "Lumen") in found


# -- "told me about it at X in Y": where a talk was, not where X is ---------------------
def test_a_talk_at_an_organisation_in_a_place_does_not_locate_it(typed):
    found = typed(
        "Host: When did you hear of it?\n"
        "Guest: I remember Pavel Orlic telling me about it at IBM in Lisbon, which I think "
        "was in May.\n"
    )
    assert ("IBM", "locatedIn", "Lisbon") not in found


def test_a_job_at_an_organisation_in_a_place_still_locates_it(typed):
    found = typed(
        "Host: Where were you then?\n"
        "Guest: I was an engineer at Corvid Labs in Lisbon for two years.\n"
    )
    assert ("Corvid Labs", "locatedIn", "Lisbon") in found


# -- "A and B is ...": a singular verb after a coordination has only B as subject ----
def test_singular_verb_after_and_takes_only_the_last_name(typed):
    found = typed(
        "Host: Who runs it now?\n"
        "Guest: Mara Lind is now the CEO of Corvid Labs and Orbis Systems is part of "
        "Halden Works.\n"
        "Host: And the others?\n"
        "Guest: Tessell Labs and Brightline Systems are part of Halden Works.\n"
    )
    assert ("Orbis Systems", "partOf", "Halden Works") in found
    assert ("Corvid Labs", "partOf", "Halden Works") not in found
    assert ("Mara Lind", "worksFor", "Corvid Labs") in found
    assert ("Mara Lind", "worksFor", "Orbis Systems") not in found
    # a plural verb: the list is the subject, every item of it
    assert ("Tessell Labs", "partOf", "Halden Works") in found
    assert ("Brightline Systems", "partOf", "Halden Works") in found


# -- "I called it X": who names a thing they made created it -------------------------
def test_naming_a_thing_one_made_is_creating_it(typed):
    found = typed(
        "Host: And the index?\n"
        "Nell Ardent: Later I wrote an index for the archive and I called it cold ledger. "
        "Then cold ledger grew into a business.\n"
    )
    assert ("Nell Ardent", "created", "cold ledger") in found


def test_describing_asking_or_hearing_a_name_is_no_creation(typed):
    found = typed(
        "Host: Did you call it cold ledger?\n"
        "Nell Ardent: No. I read the Quarry Report and I called it a mess.\n"
        "Host: And the index?\n"
        "Nell Ardent: People called it cold ledger, and they called it cold ledger for "
        "years. I never called it cold ledger.\n"
    )
    assert not {(s, o) for s, p, o in found if p == "created"} & {
        ("Nell Ardent", "cold ledger"),
        ("Nell Ardent", "Quarry Report"),
    }


# -- "I wrote the transform library": one particular described product ----------------
def test_making_the_described_product_is_creating_it(typed):
    found = typed(
        "Host: What did you do first?\n"
        "Nell Ardent: So what I did was I wrote the packet scheduling library as a test. "
        "The packet scheduling library is still used.\n"
    )
    assert ("Nell Ardent", "created", "packet scheduling library") in found


def test_a_kind_a_generic_you_or_a_question_is_no_described_product(typed):
    found = typed(
        "Host: What did others do?\n"
        "Nell Ardent: Sarah Jensen built a packet scheduling library too. If you build "
        "the route caching library, you learn a lot.\n"
        "Host: Did Sarah Jensen write the route caching library?\n"
    )
    made = {(s, o) for s, p, o in found if p == "created"}
    assert ("Sarah Jensen", "packet scheduling library") not in made
    assert ("Sarah Jensen", "route caching library") not in made
    assert ("Nell Ardent", "route caching library") not in made


def test_a_generic_you_makes_nothing_but_the_guests_i_does(typed):
    found = typed(
        "So how does the work go?\n\n"
        "It is like plumbing. You write the route caching library, and then you keep "
        "it running. The route caching library matters.\n\n"
        "And what did you make?\n\n"
        "You know, I called it cold ledger. Cold ledger was a small index.\n",
        name="interview.txt",
        speakers=[{"name": "Chris Dale", "role": "host"}, {"name": "Mina Arora", "role": "guest"}],
    )
    assert ("Mina Arora", "created", "route caching library") not in found
    assert ("Mina Arora", "created", "cold ledger") in found
