"""In unpunctuated speech a name can end one clause and open the next ("a model called
corvid corvid is based on llama"): two mentions of one name, not a name of two words,
so what the second clause says of it holds. A place whose name is a word said twice
("Walla Walla", "Pago Pago") stays one name. And a firm run into the person named after
it ("at luma labs ana silva a professor") ends at its company word.

Extraction runs on the real spaCy model (no build); the texts are invented and
lowercased, as auto-captions are.
"""

from __future__ import annotations

_TALK = (
    "thanks for having me it is great to be here at luma labs we trained a language "
    "model called corvid corvid is based on llama and we released it last year\n"
)


def test_a_name_said_twice_across_clauses_is_two_mentions(extract):
    result = extract(_TALK)
    surfaces = {m.surface for m in result.mentions if m.type != "Concept"}
    assert "corvid" in surfaces and "corvid corvid" not in surfaces
    typed = {(r.subject.surface, r.predicate, r.object.surface) for r in result.relations}
    assert ("corvid", "basedOn", "llama") in typed


def test_a_place_named_by_a_doubled_word_stays_one_name(extract):
    text = "thanks for having me we flew to pago pago last year and it was lovely there\n"
    surfaces = {m.surface for m in extract(text).mentions}
    assert "pago pago" in surfaces


def test_a_firm_run_into_the_person_named_after_it(extract):
    text = (
        "thanks for having me it is great to be here petra holm is the chief scientist at "
        "luma labs ana silva a professor of physics at uppsala university advised us\n"
    )
    result = extract(text)
    orgs = {m.surface for m in result.mentions if m.type == "Organization"}
    assert "luma labs" in orgs and not any("silva" in o for o in orgs)
    typed = {(r.subject.surface, r.predicate, r.object.surface) for r in result.relations}
    assert ("petra holm", "worksFor", "luma labs") in typed


def test_a_common_word_said_twice_after_called_is_no_name(extract):
    text = (
        "so in 2013 i started a company called book book was a sort of hybrid spreadsheet "
        "database and a lot of people liked it and we grew for years\n"
    )
    orgs = {m.surface for m in extract(text).mentions if m.type == "Organization"}
    assert not any("book" in o for o in orgs)
