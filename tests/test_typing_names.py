"""Typing of names the lexicon does not know: lowercase names of several words NER
reads as one, events named by their head noun, and services or software said to be
used "on". Texts are written for these tests and share no wording with any evaluation
set; the lexicon is off, so only the general machinery is tested."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings


def types_of(folder: Path, name: str, text: str) -> dict[str, str]:
    """Label -> type of the entities built from ``text`` saved as ``folder/name``."""
    (folder / name).write_text(text, encoding="utf-8")
    graph = build([folder], folder / "out", Settings(cache=False, lexicon="off")).graph
    return {e.label: e.type for e in graph.entities}


def test_a_lowercase_name_of_several_words_ner_reads_as_one_is_kept(tmp_path):
    types = types_of(
        tmp_path,
        "talk.srt",
        "1\n00:00:01,000 --> 00:00:06,000\n"
        "after the war my grandfather worked for the red cross and later for a bank\n\n"
        "2\n00:00:06,000 --> 00:00:12,000\n"
        "in the summer we walked along the golden gate bridge and then we flew home\n\n"
        "3\n00:00:12,000 --> 00:00:18,000\n"
        "we liked the good old days and the big blue sea and the united nations sent aid\n",
    )
    assert types.get("Red Cross") == "Organization"
    assert types.get("Golden Gate Bridge") == "Place"
    assert types.get("United Nations") == "Organization"
    assert not any(label.lower() in ("good old days", "big blue sea") for label in types)


def test_a_name_one_is_on_or_writes_is_software_not_a_firm(tmp_path):
    types = types_of(
        tmp_path,
        "forum.txt",
        "Host: How did you hear about the project?\n"
        "Guest: I first read about it on Codeharbor News, and I thought it was neat. "
        "Back then I worked at Dovecrest Systems with my friend Amara Lindqvist. "
        "In 2004 I wrote FlexiBox, and FlexiBox is still used by many people. "
        "Dovecrest Systems hired me again in 2010.\n",
    )
    assert types.get("Codeharbor News") == "Product"  # read about it on X
    assert types.get("FlexiBox") == "Product"  # I wrote X
    assert types.get("Dovecrest Systems") == "Organization"  # worked at X


def test_a_known_name_and_a_company_word_is_the_company_named(tmp_path):
    (tmp_path / "start.txt").write_text(
        "Host: Where did you start?\n"
        "Guest: I spent two years at Replit Corporation before it changed its name. "
        "Then I joined a small team in Oslo, and we built tools for teachers.\n",
        encoding="utf-8",
    )
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False)).graph
    types = {e.label: e.type for e in graph.entities}
    assert types.get("Replit Corporation") == "Organization"  # not the lexicon's "Replit"
    assert "Replit" not in types


def test_names_before_and_other_kind_are_of_that_kind(tmp_path):
    lower = types_of(
        tmp_path,
        "speech.srt",
        "1\n00:00:01,000 --> 00:00:06,000\n"
        "after the flood the town was rebuilt and the fair came back every spring\n\n"
        "2\n00:00:06,000 --> 00:00:12,000\n"
        "the rebuilding okafor brannigan velasquez and other leaders knew that trade\n\n"
        "3\n00:00:12,000 --> 00:00:18,000\n"
        "mattered more than walls and so the bridges were opened again to everyone\n",
    )
    assert {"okafor", "brannigan", "velasquez"} <= {
        label.lower() for label, etype in lower.items() if etype == "Person"
    }
    assert not any(label.lower() == "rebuilding" for label in lower)
    cased = types_of(
        tmp_path,
        "talk.txt",
        "Host: Who shaped the field?\n"
        "Guest: I think Ferrandiz, Okonkwo and other economists changed how we saw "
        "markets. Then the crash came, and we all forgot them for a while.\n",
    )
    assert cased.get("Ferrandiz") == "Person"  # NER: a place
    assert cased.get("Okonkwo") == "Person"


def test_a_name_right_before_a_software_category_is_a_product(tmp_path):
    types = types_of(
        tmp_path,
        "stage.txt",
        "Host: What happened next?\n"
        "Guest: A year later Dana Whitcombe got on stage and introduced the Quillon "
        "browser. And the Quillon browser was fast. We also bought a Fernvale product "
        "for the office, and Fernvale sent us a nice letter.\n",
    )
    assert types.get("Quillon") == "Product"  # the X browser
    assert types.get("Fernvale") == "Organization"  # a X product: its maker


def test_an_institution_made_of_concept_words_is_one_and_its_initials_too(tmp_path):
    (tmp_path / "hub.txt").write_text(
        "Host: What came next?\n"
        "Guest: A few groups spun out of the lab. One of the ones we created was the "
        "Open Source Hardware Foundation. We called it OSHF for short. OSHF was set up "
        "to be the hub of the community, and OSHF still runs the yearly meeting. Then "
        "we created the Open Source Vision Institute in Leeds.\n",
        encoding="utf-8",
    )
    graph = build([tmp_path], tmp_path / "out", Settings(cache=False)).graph
    types = {e.label: e.type for e in graph.entities}
    assert types.get("Open Source Vision Institute") == "Organization"
    # the initials, counted as a term three times, name the foundation said once
    hub = [e for e in graph.entities if "Open Source Hardware Foundation" in (e.label, *e.aliases)]
    assert [e.type for e in hub] == ["Organization"]


def test_a_name_ending_in_a_company_word_is_no_person_by_context(tmp_path):
    types = types_of(
        tmp_path,
        "board.txt",
        "Host: Who helped you early on?\n"
        "Guest: We had fantastic investors in Brookvale Capital, fantastic mentors who "
        "helped the company grow. Brookvale Capital also sat on our board for years.\n",
    )
    assert types.get("Brookvale Capital") == "Organization"  # not "mentors who helped"


def test_a_given_name_said_once_in_cased_speech_is_a_person(tmp_path):
    types = types_of(
        tmp_path,
        "evenings.txt",
        "Host: Was it worth it?\n"
        "Guest: It took months of evenings, and Ingrid and I are still together, even "
        "though I neglected her for that code.\n",
    )
    assert types.get("Ingrid") == "Person"


def test_a_model_number_is_a_name(tmp_path):
    types = types_of(
        tmp_path,
        "robot.txt",
        "Host: What did you build there?\n"
        "Guest: It was centered around the RX7 robot. The RX7 was our main platform for "
        "research, and we built the RX7 with two arms and a camera on top. We also used "
        "mp3 files for the sounds.\n",
    )
    assert types.get("RX7") == "Product"  # "X was our main platform"
    assert "mp3" not in {label.lower() for label, etype in types.items() if etype != "Concept"}


def test_titles_of_office_and_particles_restore_a_surname_in_lowercase_speech():
    from kg.extract.truecase import truecase

    text = "thank you mayor brenninger and president van oosterwijk and the king of spain"
    out = truecase(text, frozenset())
    assert len(out) == len(text)
    assert "Mayor Brenninger" in out  # a title of office
    assert "President van Oosterwijk" in out  # the particle stays lowercase
    assert "the king of Spain" in out  # "of" is no particle; "king" before it no title


def test_a_surname_after_a_title_and_a_particle_is_a_person(tmp_path):
    types = types_of(
        tmp_path,
        "speech.srt",
        "1\n00:00:01,000 --> 00:00:06,000\n"
        "thank you all for coming today and thank you mayor brenninger for the welcome\n\n"
        "2\n00:00:06,000 --> 00:00:12,000\n"
        "as president van oosterwijk has said the river belongs to all of us here\n",
    )
    people = {label.lower() for label, etype in types.items() if etype == "Person"}
    assert "brenninger" in people or "mayor brenninger" in people
    assert any("oosterwijk" in p for p in people)


def test_a_person_of_a_name_that_is_no_place_works_there(tmp_path):
    types = types_of(
        tmp_path,
        "inspired.txt",
        "Host: Who inspired you?\n"
        "Guest: Dana Whitcombe of Brellity has a great blog post about it, and she even "
        "wrote a book. And Marta Kowalski of Vienna told me the same thing last year.\n",
    )
    assert types.get("Brellity") == "Organization"  # NER left it untagged
    assert types.get("Vienna") == "Place"  # GeoNames knows it


def test_a_name_before_kernel_or_distribution_is_software(tmp_path):
    types = types_of(
        tmp_path,
        "kernel.txt",
        "Host: How did it start?\n"
        "Guest: Back then Marvin wrote most of the Orvalix kernel by himself. Later people "
        "built Orvalix distributions for schools, and Orvalix spread everywhere. I still "
        "think Orvalix was the best thing he did.\n",
    )
    assert types.get("Orvalix") == "Product"  # NER: an organisation


def test_a_name_one_uses_or_runs_is_a_product(tmp_path):
    types = types_of(
        tmp_path,
        "lab.txt",
        "Host: What did your team build on?\n"
        "Guest: Back then everyone in the lab was using Harrowgate, and Dana Pruitt "
        "maintained Harrowgate for years. Later we upgraded Harrowgate on every robot, and "
        "Dana Pruitt moved to Oslo.\n",
    )
    assert types.get("Harrowgate") == "Product"  # was using X, upgraded X
    assert types.get("Dana Pruitt") == "Person"


def test_a_name_that_begins_with_a_kind_noun_is_of_that_kind(tmp_path):
    types = types_of(
        tmp_path,
        "press.txt",
        "Host: Did the web change publishing?\n"
        "Guest: Completely. The free sites were going to put Encyclopedia Vandoria out "
        "of business, and the editors at Encyclopedia Vandoria knew it. My friend Tomas "
        "Ekberg wrote for them in Lisbon.\n",
    )
    assert types.get("Encyclopedia Vandoria") == "Work"  # NER: a person
    assert types.get("Tomas Ekberg") == "Person"


def test_names_listed_after_trade_shows_are_events(tmp_path):
    types = types_of(
        tmp_path,
        "sales.txt",
        "Host: How do you find customers?\n"
        "Guest: Mostly at big trade shows like Harbex, where buyers see the machines "
        "run. Last spring we flew to Harbex again.\n",
    )
    assert types.get("Harbex") == "Event"  # "shows like X" alone would make it a work


def test_a_name_one_built_is_a_product(tmp_path):
    types = types_of(
        tmp_path,
        "made.txt",
        "Host: What came out of the lab?\n"
        "Guest: In 2015 we built Corvaline so that every student could share code. "
        "Later, Corvaline became the standard in our field, and Priya Raman from Halden "
        "University wrote papers about Corvaline.\n",
    )
    assert types.get("Corvaline") == "Product"  # we built X
    assert types.get("Halden University") == "Organization"


def test_where_one_goes_on_stage_is_an_event(tmp_path):
    types = types_of(
        tmp_path,
        "launch.txt",
        "Host: When did the phone go public?\n"
        "Guest: Our CEO got on stage at GadgetWorld and showed it to everyone. The next "
        "winter he stood on the stage at GadgetWorld again, and Lena Okafor from "
        "Brightwater Labs joined him.\n",
    )
    assert types.get("GadgetWorld") == "Event"  # NER: an organisation
    assert types.get("Brightwater Labs") == "Organization"
