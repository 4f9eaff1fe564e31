"""Facts said in passing, inside a clause that itself asserts nothing or around a name:

* a place named with its region holds whatever the clause does ("you don't need a
  degree and it will bring growth outside of columbus ohio"), and a town the gazetteer
  does not know lies in the region it is named with ("east peoria illinois"); a run of
  regions is a list ("asia europe");
* a title between two names makes one phrase even where the parse hangs them apart
  ("senator bill nelson and nasa administrator charlie bolden");
* a role that "its"/"their" owns, with a name after it, is held at the organisation
  named before ("the Manhattan Institute and its chairman Paul Singer");
* "Andrew's a managing partner there": "'s" before an article is "is".

Extraction runs on the real spaCy model (no build); the texts are invented.
"""

from __future__ import annotations

import pytest

STATED = [
    pytest.param(
        "and you don't need a college degree and it's going to bring growth outside of "
        "columbus ohio for years\n",
        ("columbus", "locatedIn", "ohio"),
        id="place-with-region-under-a-denial",
    ),
    pytest.param(
        "i've been to a tractor factory in east peoria illinois where they build engines\n",
        ("east peoria", "locatedIn", "illinois"),
        id="town-unknown-to-the-gazetteer",
    ),
    pytest.param(
        "i want to thank senator bill nelson and nasa administrator charlie bolden for "
        "their leadership\n",
        ("charlie bolden", "worksFor", "nasa"),
        id="title-between-names-after-a-list",
    ),
    pytest.param(
        "I thank the Manhattan Institute board of trustees and its chairman Paul Singer.\n",
        ("Paul Singer", "worksFor", "Manhattan Institute"),
        id="role-its-organisation-owns",
    ),
    pytest.param(
        "We work with Tarn Labs a lot. Sarah Lind's a managing partner there.\n",
        ("Sarah Lind", "worksFor", "Tarn Labs"),
        id="contracted-is-before-a-role-there",
    ),
]

#: (text, predicate or subject no fact may have)
NOT_STATED = [
    pytest.param(
        "we sell in asia europe and africa and in texas ohio arizona all across the country\n",
        "locatedIn",
        id="run-of-regions",
    ),
    pytest.param(
        "he reported on all developments in rumania bulgaria hungary and finland\n",
        "locatedIn",
        id="unknown-name-in-a-run-of-countries",
    ),
    pytest.param(
        "the republic of korea south korea has offered to host some events\n",
        "locatedIn",
        id="country-named-two-ways",
    ),
    pytest.param(
        "I thank Google, Microsoft and their chairman Paul Singer.\n",
        "Paul Singer",
        id="role-owned-with-two-organisations-named",
    ),
    pytest.param(
        "We work with Tarn Labs a lot. Sarah Lind's sister is a partner there.\n",
        "Sarah Lind",
        id="real-possessive-before-a-role-there",
    ),
]


@pytest.mark.parametrize(("text", "fact"), STATED)
def test_a_fact_said_in_passing(typed, text, fact):
    assert fact in typed(text)


@pytest.mark.parametrize(("text", "absent"), NOT_STATED)
def test_no_fact_where_none_is_said(typed, text, absent):
    assert not {f for f in typed(text) if absent in (f[0], f[1])}
