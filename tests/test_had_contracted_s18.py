"""A contracted "had": in "he'd been an intern at X", "'d" before a past participle is
"had", a report, not the modal "would" that makes a supposition ("he'd work at X if
they asked"); and "he" after a unit that names two people means its subject ("Russ
joined a little after Ian. He'd been an intern at X": Russ).

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations


def test_had_contracted_reports_a_job(typed):
    text = "We hired Russ Cox last year. He'd been an intern at Google, working with Jeff Dean.\n"
    assert ("Russ Cox", "worksFor", "Google") in typed(text)


def test_would_contracted_supposes_a_job(typed):
    text = "We hired Russ Cox last year. He'd work at Google if they asked him.\n"
    assert not {f for f in typed(text) if f[0] == "Russ Cox"}


def test_a_pronoun_means_the_subject_of_the_unit_before(typed):
    text = (
        "We talked with Russ Cox and Ian Taylor about the language. "
        "Russ joined a little after Ian. He'd been an intern at Google, working with Jeff Dean.\n"
    )
    facts = typed(text)
    assert ("Russ", "worksFor", "Google") in facts
    assert not {f for f in facts if f[0] in ("Ian", "Ian Taylor") and f[2] == "Google"}
