"""Works and events told by the words a name is said with (round 14): the verbs of
works ("read X", "X was published"), the parts of a work ("the author of X", "an
episode of X"), "X by <person>", "during X" and "X broke out". Texts are written for
these tests and share no wording with any evaluation set; the lexicon is off, so only
the general machinery is tested."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings


def types_of(folder: Path, name: str, text: str) -> dict[str, str]:
    """Label -> type of the entities built from ``text`` saved as ``folder/name``."""
    (folder / name).write_text(text, encoding="utf-8")
    graph = build([folder], folder / "out", Settings(cache=False, lexicon="off")).graph
    return {e.label: e.type for e in graph.entities}


def test_a_name_one_reads_is_a_work(tmp_path):
    """ "I read Ashford Kimble when I was twelve": one reads a book, not a person."""
    types = types_of(
        tmp_path,
        "reading.txt",
        "Host: What shaped you early on?\n"
        "Guest: Honestly, I read Ashford Kimble when I was twelve, and I read Ashford "
        "Kimble again last year, after Dana Ruiz told me about Ashford Kimble. It "
        "changed how I think about cities.\n",
    )
    assert types.get("Ashford Kimble") == "Work", types


def test_a_name_that_was_published_is_a_work(tmp_path):
    """ "Kestrel Lanthorn was published in 1994": what is published is a text."""
    types = types_of(
        tmp_path,
        "idea.txt",
        "Host: Where did the idea come from?\n"
        "Guest: Kestrel Lanthorn was published in 1994, and Kestrel Lanthorn was "
        "published again with new notes in 2004. Everybody in the lab had a copy.\n",
    )
    assert types.get("Kestrel Lanthorn") == "Work", types


def test_the_author_or_an_episode_of_a_name_makes_it_a_work(tmp_path):
    """ "the author of Quiet Harbinger", "an episode of Tinfoil Orchard": books and
    shows have authors and episodes."""
    types = types_of(
        tmp_path,
        "dinner.txt",
        "Host: Who got you into this?\n"
        "Guest: I met the author of Quiet Harbinger at a dinner. She was generous. "
        "Later I was a guest on an episode of Tinfoil Orchard, which was fun.\n",
    )
    assert types.get("Quiet Harbinger") == "Work", types
    assert types.get("Tinfoil Orchard") == "Work", types


def test_a_name_by_a_person_is_a_work(tmp_path):
    """ "Glass Meridian by Tomas Varga": a title and its author."""
    types = types_of(
        tmp_path,
        "recommend.txt",
        "Host: Any recommendations?\n"
        "Guest: Sure. Glass Meridian by Tomas Varga is wonderful, and Glass Meridian "
        "taught me how to write dialogue.\n",
    )
    assert types.get("Glass Meridian") == "Work", types
    assert types.get("Tomas Varga") == "Person", types


def test_what_happened_during_or_broke_out_is_an_event(tmp_path):
    """ "During the Brenmark Thaw", "the Velsan Standoff broke out": things that
    happen; "during my Velmont Fellowship" is one's own time, no event."""
    types = types_of(
        tmp_path,
        "town.txt",
        "Host: How did the factory cope?\n"
        "Guest: During the Brenmark Thaw we lost half the staff. The Brenmark Thaw "
        "changed everything for the town.\n"
        "Host: What happened next?\n"
        "Guest: Then the Velsan Standoff broke out, and nobody could travel.\n",
    )
    assert types.get("Brenmark Thaw") == "Event", types
    assert types.get("Velsan Standoff") == "Event", types


def test_during_ones_own_stage_is_no_event(tmp_path):
    """ "during my Velmont Fellowship": a stage of one's life, not a named event."""
    types = types_of(
        tmp_path,
        "start.txt",
        "Host: When did you start?\n"
        "Guest: During my Velmont Fellowship I built the first robot, and during my "
        "Velmont Fellowship I met my wife.\n",
    )
    assert types.get("Velmont Fellowship") != "Event", types


def test_a_kind_noun_said_right_before_a_name_types_it(tmp_path):
    """ "the podcast Silver Tannery": the kind noun before the title says what it is
    (the parse reads "podcast" as an adjective; NER calls the title a firm)."""
    types = types_of(
        tmp_path,
        "lately.txt",
        "Host: What are you into lately?\n"
        "Guest: I loved the novel Pellham Drift, and the film Corran Wells was great "
        "too. My brother keeps quoting the podcast Silver Tannery at dinner.\n",
    )
    assert types.get("Silver Tannery") == "Work", types


def test_a_name_ending_in_revolution_or_act_is_an_event_or_a_law(tmp_path):
    """ "the Aldmere Revolution" (NER: a law) happened; "the Halvern Clean Water Act"
    (NER: an organisation) is a text."""
    types = types_of(
        tmp_path,
        "country.txt",
        "Host: What changed the country?\n"
        "Guest: I remember the Aldmere Revolution well. After the Aldmere Revolution, "
        "they passed the Halvern Clean Water Act in 1990, and the Halvern Clean Water "
        "Act still stands.\n",
    )
    assert types.get("Aldmere Revolution") == "Event", types
    assert types.get("Halvern Clean Water Act") == "Work", types


def test_a_name_one_is_at_with_a_year_is_a_meeting(tmp_path):
    """ "at Rivermark Dev Days 2018" (NER: a building), "the Kelvar Summit 2018" (NER: a
    firm; the year hides the head noun): a meeting of one year. "Windows 95" run on a
    laptop keeps its type."""
    types = types_of(
        tmp_path,
        "conferences.txt",
        "Host: Where did you first show it?\n"
        "Guest: We met investors at Rivermark Dev Days 2018 in the hallway. I spoke at "
        "Haldane Labs Connect 2017 about it. Honestly, the Kelvar Summit 2018 changed my "
        "life, and they covered the Osprey Expo 2015 in the newsletter. My laptop ran Windows 95 back then.\n",
    )
    assert types.get("Rivermark Dev Days 2018") == "Event", types
    assert types.get("Kelvar Summit 2018") == "Event", types
    assert types.get("Osprey Expo 2015") == "Event", types
    assert types.get("Windows 95") != "Event", types
