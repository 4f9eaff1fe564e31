"""The general machinery that finds entities the lexicon does not know: casing profile,
truecasing of lowercase speech, keyness of terms, specific terms under their heads,
sound-alike names, speakers as people, and the lexicon switched off. Texts are written
for these tests (invented people and firms) and share no wording with any evaluation set.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from kg.build import build
from kg.config import Settings
from kg.extract.casing import casing_profile
from kg.extract.concepts import keyness, select_terms
from kg.extract.truecase import truecase
from kg.lexicon import load_lexicon
from kg.resolve import sounds_like


def built(folder: Path, name: str, text: str, lexicon: str = ""):
    """The graph of one transcript written for a test: ``text`` saved as ``folder/name``
    and built without cache (``lexicon="off"``: the general machinery alone)."""
    (folder / name).write_text(text, encoding="utf-8")
    return build([folder], folder / "out", Settings(cache=False, lexicon=lexicon)).graph


def test_casing_profile_tells_cased_from_lowercase_and_run_on():
    cased = casing_profile(
        "I met Dana Whitcombe in Oslo. She runs Fernvale Labs, and I joined her there. "
        "We talked about decision trees for hours. It was fun."
    )
    assert cased.cased and cased.punctuated and cased.reliable
    lower = casing_profile(
        "i met dana whitcombe in oslo she runs fernvale labs and i joined her there"
    )
    assert not lower.cased and not lower.reliable
    run_on = casing_profile(
        "I met Dana Whitcombe in Oslo she runs Fernvale Labs and I joined her there and "
        "we talked about decision trees for hours and it was fun and then we went home"
    )
    assert run_on.cased and not run_on.punctuated


def test_truecasing_restores_names_and_keeps_length():
    given = load_lexicon().given_names
    text = "so i flew to new york with sarah okafor and then professor lindqvist in turkey we ate turkey"
    out = truecase(text, given)
    assert len(out) == len(text) and out.lower() == text
    assert "I flew to New York" in out
    assert "Sarah Okafor" in out
    assert "Professor Lindqvist" in out
    assert "in Turkey" in out and out.endswith("ate turkey")  # an everyday noun first


def test_keyness_admits_everyday_words_a_talk_is_about():
    words = Counter({"poker": 12, "thing": 25, "question": 6, "bluff": 4})
    total = 3000
    assert keyness("poker", 12, total) > 2.5
    assert keyness("thing", 25, total) < 1.5
    terms = select_terms(
        Counter({"poker": 12, "thing": 25, "question": 6, "poker hand": 3}),
        min_count=2,
        min_termhood=2.0,
        word_counts=words | Counter({"hand": 5}),
        total_words=total,
    )
    assert "poker" in terms and "poker hand" in terms
    assert "thing" not in terms and "question" not in terms


@pytest.mark.parametrize(
    ("heard", "name", "same"),
    [
        ("sutskiver", "sutskever", True),
        ("satsgever", "sutskever", True),
        ("doug leonio", "doug leone", True),
        ("mark fleury", "marc fleury", True),
        ("hinton", "hanson", False),
        ("jeff hinton", "jeff hanson", False),
        ("gpt 4", "gpt 3", False),
    ],
)
def test_sound_alike_names(heard, name, same):
    assert sounds_like(heard, name) is same


@pytest.fixture(scope="module")
def open_world(tmp_path_factory):
    inputs = tmp_path_factory.mktemp("open-world")
    (inputs / "cards.txt").write_text(
        "Host: Welcome. Today I talk with Dana Whitcombe about poker.\n"
        "Dana Whitcombe: Thanks. I learned poker from my uncle. Poker is a game of "
        "imperfect information, unlike chess. In poker you bluff, and a good bluff "
        "needs a story. Later I joined Fernvale Labs in Oslo, where we built a poker "
        "bot. The bot used graph neural networks, and graph neural networks were new "
        "then, though any neural network would have done. We also tried meta-learning, and meta-learning helped the poker bot.\n"
        "Host: And the poker bot beat people?\n"
        "Dana Whitcombe: It beat most poker players, yes. Poker players hated it.\n",
        encoding="utf-8",
    )
    (inputs / "cards.meta.json").write_text(
        json.dumps(
            {
                "speakers": [
                    {"name": "Avery Quill", "role": "host", "label": "Host"},
                    {"name": "Dana Whitcombe", "role": "guest"},
                ]
            }
        )
    )
    results = {}
    for name, lexicon in (("kg", ""), ("nolex", "off")):
        out = tmp_path_factory.mktemp(f"open-world-{name}")
        result = build([inputs], out, Settings(cache=False, lexicon=lexicon))
        assert result.ok, result.errors
        results[name] = result.graph
    return results


def test_everyday_word_topic_is_a_concept_and_specific_terms_have_heads(open_world):
    graph = open_world["kg"]
    concepts = {e.label for e in graph.entities if e.type == "Concept"}
    assert "poker" in concepts
    assert "graph neural network" in concepts
    assert "meta-learning" in concepts
    keys = {e.label: e.key for e in graph.entities}
    broader = {(r.subject, r.object) for r in graph.relations if r.predicate == "broader"}
    assert (keys["graph neural network"], keys["neural network"]) in broader


def test_speakers_are_people_and_names_found_without_the_lexicon(open_world):
    for graph in open_world.values():
        types = {e.label: e.type for e in graph.entities}
        assert types.get("Dana Whitcombe") == "Person"
        assert types.get("Avery Quill") == "Person"
        assert types.get("Fernvale Labs") == "Organization"
        assert types.get("Oslo") == "Place"
    nolex = {e.label for e in open_world["nolex"].entities if e.type == "Concept"}
    assert "poker" in nolex  # discovery, not the lexicon


def test_lexicon_off_is_a_setting_and_unknown_paths_fail_clearly(tmp_path):
    assert load_lexicon("off").entries == {}
    from kg.errors import InputError

    with pytest.raises(InputError, match="cannot read the lexicon"):
        load_lexicon(tmp_path / "missing.tsv")


def test_things_introduced_by_name_get_the_kind_s_type(tmp_path):
    graph = built(
        tmp_path,
        "names.txt",
        "Then we trained a speech model called Kestrel. It beat a model called Lark. "
        "She wrote a book titled Deep Focus, and later joined a startup named Halvard. "
        "Her friend wrote a book called Waiting to Sail. "
        "We met at a conference called Tidewater, and later at a tech fest called Oruvanta.\n",
    )
    types = {e.label: e.type for e in graph.entities}
    assert types["Kestrel"] == "Product" and types["Lark"] == "Product"
    assert types["Deep Focus"] == "Work"
    assert types["Waiting to Sail"] == "Work"  # a title's lowercase words
    assert types["Halvard"] == "Organization"
    assert types["Tidewater"] == "Event"
    assert types["Oruvanta"] == "Event"


def test_a_surname_said_once_is_a_person_when_the_parse_shows_one(tmp_path):
    graph = built(
        tmp_path,
        "history.txt",
        "We talked about the end of history. Fukuyama argued that liberal democracy had "
        "won, and that was the whole debate for a while. Then we turned to computing. "
        "The mathematician Turing asked whether machines can think, and Hadlow never "
        "came up again.\n",
    )
    people = {e.label for e in graph.entities if e.type == "Person"}
    assert "Fukuyama" in people
    assert "Turing" in people or "Alan Turing" in people
    assert "Hadlow" not in people  # said once, nothing in the parse says person


def test_a_surname_said_once_names_a_government_after_its_leader(tmp_path):
    graph = built(
        tmp_path,
        "politics.txt",
        "We spent the week reading about the war. The Dravik administration and the "
        "Olenko government never talked, and our guest said the Marvani regime would "
        "fall. Then we talked about batteries for an hour, which was fun.\n",
    )
    people = {e.label for e in graph.entities if e.type == "Person"}
    assert {"Dravik", "Olenko", "Marvani"} <= people


def test_an_asr_stutter_is_one_term(tmp_path):
    graph = built(
        tmp_path,
        "stutter.txt",
        "It is about generalization power generalization power and more. The "
        "generalization power of models matters, so we want generalization power.\n",
    )
    labels = {e.label for e in graph.entities if e.type == "Concept"}
    assert "generalization power" in labels
    assert not any("power generalization" in label for label in labels)


def test_a_known_city_said_once_in_lowercase_speech_is_a_place(tmp_path):
    graph = built(
        tmp_path,
        "travel.srt",
        "1\n00:00:01,000 --> 00:00:06,000\n"
        "so after the war she went back to her native philadelphia and opened a small\n\n"
        "2\n00:00:06,000 --> 00:00:12,000\n"
        "bakery and later her brother who lived in vienna sent her recipes every winter\n\n"
        "3\n00:00:12,000 --> 00:00:18,000\n"
        "and the bakery did well because people liked the bread and the cakes a lot\n",
    )
    places = {e.label for e in graph.entities if e.type == "Place"}
    assert {"Philadelphia", "Vienna"} <= places
    assert not any(e.label.lower() == "bakery" and e.type != "Concept" for e in graph.entities)


def test_the_words_around_a_name_type_it(tmp_path):
    graph = built(
        tmp_path,
        "market.txt",
        "Host: How did it start?\n"
        "Guest: Back then I was the CFO of Quorvane, and we watched companies like "
        "Brindlecast, Yelvatic, and Ostrowell go under. Later we shipped our Tessaline "
        "inventory tracking product, and we launched Marrowdesk as the first hosted "
        "ledger platform for small shops. Marrowdesk did well. We sold servers to "
        "companies like Quillpost.com at the time. Firms such as Zorbanic went under. "
        "We hired American engineers for the platform.\n",
        lexicon="off",
    )
    types = {e.label: e.type for e in graph.entities}
    assert types.get("Quorvane") == "Organization"  # the CFO of X
    assert types.get("Brindlecast") == "Organization"  # companies like X, Y, and Z
    assert types.get("Ostrowell") == "Organization"
    assert types.get("Tessaline") == "Product"  # our X inventory tracking product
    assert types.get("Marrowdesk") == "Product"  # launched X as a platform
    assert types.get("Quillpost.com") == "Organization"  # a web address is a name
    assert types.get("Zorbanic") == "Organization"  # NER: a group (NORP)
    assert "American" not in types  # a group's adjective is no name


def test_lowercase_speech_keeps_long_names_and_place_institutions_whole(tmp_path):
    lines = [
        "so the story starts with the madrid school of medicine in the eighteen forties",
        "and the madrid school trained most of the surgeons of the region at the time",
        "one of them was a young surgeon called maria ostrevska vandermeulen who",
        "later argued that the madrid school had been wrong about fevers all along",
    ]
    graph = built(
        tmp_path,
        "lecture.srt",
        "".join(
            f"{i + 1}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 5:02d},000\n{line}\n\n"
            for i, line in enumerate(lines)
        ),
    )
    types = {e.label: e.type for e in graph.entities}
    schools = [e for e in graph.entities if "madrid school" in e.label.lower()]
    assert len(schools) == 1 and schools[0].type == "Organization"  # one node, not two
    aliases = {a.lower() for a in (schools[0].label, *schools[0].aliases)}
    assert "madrid school of medicine" in aliases
    assert types.get("Maria Ostrevska Vandermeulen") == "Person"


def test_a_rare_word_that_owns_a_theory_is_a_person_in_lowercase_speech(tmp_path):
    lines = [
        "what vollmerhaus's theory of fevers did to medicine was what the market's",
        "law of supply did to trade and it changed how doctors thought about disease",
        "and that is why we still read it today in every course on the subject",
    ]
    graph = built(
        tmp_path,
        "talk.srt",
        "".join(
            f"{i + 1}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 5:02d},000\n{line}\n\n"
            for i, line in enumerate(lines)
        ),
    )
    people = {e.label for e in graph.entities if e.type == "Person"}
    assert "Vollmerhaus" in people
    assert not any("market" in p.lower() for p in people)


def test_a_name_listed_with_known_names_takes_their_type(tmp_path):
    graph = built(
        tmp_path,
        "sales.txt",
        "Host: Did they ever invest in you?\n"
        "Guest: No, never. Google and Vantrolia were both customers, nothing more.\n",
    )
    types = {e.label: e.type for e in graph.entities}
    assert types.get("Vantrolia") == "Organization"


def test_a_title_in_quotes_after_a_work_s_kind_is_a_work(tmp_path):
    graph = built(
        tmp_path,
        "thesis.txt",
        "Host: What was your thesis about?\n"
        'Guest: My dissertation, as far as I remember, was "Sparse routing in mesh '
        'radios." My advisor read the book and told me, "We are done here."\n',
    )
    works = {e.label for e in graph.entities if e.type == "Work"}
    assert "Sparse routing in mesh radios" in works
    assert not any("done" in w for w in works)  # a quoted sentence is no title


def test_a_long_title_after_a_book_called_in_lowercase_speech_is_a_work(tmp_path):
    lines = [
        "in her forties she wrote a short book called a field guide to the mosses of",
        "the northern coast where she argued that nobody had looked at them closely",
        "and people still read it because the drawings in it are so very good",
    ]
    graph = built(
        tmp_path,
        "mosses.srt",
        "".join(
            f"{i + 1}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 5:02d},000\n{line}\n\n"
            for i, line in enumerate(lines)
        ),
    )
    works = {e.label for e in graph.entities if e.type == "Work"}
    assert "Field Guide to the Mosses of the Northern Coast" in works


def test_people_words_around_a_name_make_it_a_person(tmp_path):
    graph = built(
        tmp_path,
        "team.txt",
        "Host: Who helped you most?\n"
        "Guest: We learned a lot from engineers there, such as Vantreska. Back then we "
        "worked with Ostravel, who later ran the whole lab. And we sold to companies "
        "like Dremmock, which paid well.\n",
        lexicon="off",
    )
    types = {e.label: e.type for e in graph.entities}
    assert types.get("Vantreska") == "Person"  # engineers such as X
    assert types.get("Ostravel") == "Person"  # X, who ...
    assert types.get("Dremmock") == "Organization"  # companies like X, which ...


def test_a_name_does_not_end_in_a_surname_particle(tmp_path):
    lines = [
        "and the lenses came from a grinder named markus von sandhagen who lived",
        "in the north and sold his lenses to every doctor who would pay for them",
        "though markus von never wrote down how he ground them for anybody else",
    ]
    graph = built(
        tmp_path,
        "lenses.srt",
        "".join(
            f"{i + 1}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 5:02d},000\n{line}\n\n"
            for i, line in enumerate(lines)
        ),
    )
    labels = {e.label.lower() for e in graph.entities}
    assert not any(label.endswith(" von") for label in labels), labels


def test_the_capitalised_items_of_a_list_after_a_kind_noun_are_names(tmp_path):
    graph = built(
        tmp_path,
        "board.txt",
        "Host: Who did you work with back then?\n"
        "Guest: I was lucky enough to be able to write off of the efforts of engineers "
        "there, such as Pellinor. Just incredible people. Later we sold to companies "
        "like Drell, Spring, and Kestor. Good years.\n",
        lexicon="off",
    )
    types = {e.label: e.type for e in graph.entities}
    assert types.get("Pellinor") == "Person"  # engineers such as X: NER tags nothing
    assert types.get("Spring") == "Organization"  # a word NER reads as a date
    assert types.get("Kestor") == "Organization"  # untagged in the list


def test_a_name_ending_in_s_is_no_plural_description():
    from kg.extract.entities import _plural_of_a_word
    from kg.nlp import load_nlp

    doc = load_nlp(Settings.load())("We met the Founding Fathers in Madras and in Athens.")
    words = {t.text: t for t in doc}
    assert _plural_of_a_word(words["Fathers"])  # "the Black Founding Fathers": no name
    assert not _plural_of_a_word(words["Madras"])  # "IIT Madras" is one
    assert not _plural_of_a_word(words["Athens"])


def test_an_acronym_is_its_own_organisation_not_the_short_name_of_a_branch(tmp_path):
    graph = built(
        tmp_path,
        "school.txt",
        "Host: Where did you study?\n"
        "Guest: The Kestrel Quantum Institute (KQI) had a hard entrance exam. "
        "Once I was at KQI, I loved it. I later taught at KQI Kansas for a year, and "
        "KQI was always home.\n",
        lexicon="off",
    )
    names = {e.label: {e.label, *e.aliases} for e in graph.entities if e.type == "Organization"}
    institute = next(v for v in names.values() if "Kestrel Quantum Institute" in v)
    assert "KQI" in institute, names  # the acronym of the full name
    assert not any("KQI Kansas" in v and "KQI" in v for v in names.values()), names


def _srt(lines: list[str]) -> str:
    return "".join(
        f"{i + 1}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 5:02d},000\n{line}\n\n"
        for i, line in enumerate(lines)
    )


def test_a_lexicon_thing_named_like_a_person_needs_the_field_around_it(tmp_path):
    medicine, ai = tmp_path / "medicine", tmp_path / "ai"
    medicine.mkdir()
    ai.mkdir()
    (medicine / "lecture.srt").write_text(
        _srt(
            [
                "the next great figure of the hospital in lyon was claude marvaux who",
                "taught surgery there for thirty years and his students went all over",
                "france and spread his views on wounds and fevers to every town",
            ]
        ),
        encoding="utf-8",
    )
    (ai / "chat.txt").write_text(
        "Host: Which assistant do you use?\n"
        "Guest: Mostly Claude these days. Anthropic keeps shipping good models.\n",
        encoding="utf-8",
    )
    lecture = build([medicine], tmp_path / "out1", Settings(cache=False)).graph
    types = {e.label: e.type for e in lecture.entities}
    assert not any(t == "Product" for t in types.values()), types  # no assistant here
    assert types.get("Claude Marvaux") == "Person", types
    chat = build([ai], tmp_path / "out2", Settings(cache=False)).graph
    assert {e.label: e.type for e in chat.entities}.get("Claude") == "Product"


def test_a_name_ending_in_a_noun_of_something_that_happens_is_an_event(tmp_path):
    graph = built(
        tmp_path,
        "ipo.txt",
        "Host: What came after that?\n"
        "Guest: Well, the Quellmark IPO was in March, and the Quellmark IPO made the "
        "news for weeks. Then came the Halverd Crash, and the Halverd Crash hurt us.\n",
        lexicon="off",
    )
    types = {e.label: e.type for e in graph.entities}
    assert types.get("Quellmark IPO") == "Event", types
    assert types.get("Halverd Crash") == "Event", types


def test_a_rare_bare_word_where_a_person_stands_is_a_person_in_lowercase_speech(tmp_path):
    graph = built(
        tmp_path,
        "anatomy.srt",
        _srt(
            [
                "for centuries the books were wrong and then ostrevik argued that the",
                "heart was a pump and according to vandrelli the blood went round and",
                "grandma said we should eat well and photosynthesis shows how plants grow",
            ]
        ),
        lexicon="off",
    )
    people = {e.label.lower() for e in graph.entities if e.type == "Person"}
    assert {"ostrevik", "vandrelli"} <= people, people  # said once, each
    assert not people & {"grandma", "photosynthesis"}, people


def test_names_of_one_transcript_that_sound_alike_are_one_person(tmp_path):
    graph = built(
        tmp_path,
        "fair.txt",
        "Host: Who helped you?\n"
        "Guest: I met Marta Kowalsky at the fair in spring. Later Marta Kowalski called "
        "me about the job, and Marta Kowalski hired me the next week.\n",
        lexicon="off",
    )
    people = [e for e in graph.entities if "marta" in e.label.lower()]
    assert len(people) == 1, [(e.label, e.aliases) for e in people]
    assert people[0].label == "Marta Kowalski"  # the spelling said more often


def test_a_bare_word_said_as_a_person_is_that_person_where_it_is_a_term(tmp_path):
    graph = built(
        tmp_path,
        "wine.srt",
        _srt(
            [
                "the work of verhoek on wine was careful and verhoek wrote that yeast was",
                "alive and the verhoek method spread and every verhoek method lab copied",
                "it because the verhoek method worked well for the brewers of the north",
            ]
        ),
        lexicon="off",
    )
    nodes = [e for e in graph.entities if e.label.lower() == "verhoek"]
    assert len(nodes) == 1 and nodes[0].type == "Person", [(e.label, e.type) for e in nodes]


def test_a_rare_word_before_company_names_the_firm_in_lowercase_speech(tmp_path):
    graph = built(
        tmp_path,
        "glass.srt",
        _srt(
            [
                "better glass came later with the work of the brennmoor company and the",
                "lenses they ground while the steel company next door made the frames and",
                "a fintech company would have been unthinkable in those days of course",
            ]
        ),
        lexicon="off",
    )
    orgs = {e.label.lower() for e in graph.entities if e.type == "Organization"}
    assert "brennmoor" in orgs, orgs  # said once
    assert not orgs & {"steel", "fintech"}, orgs


def test_a_lowercase_name_beside_a_noun_for_people_is_a_person(tmp_path):
    graph = built(
        tmp_path,
        "doctors.srt",
        _srt(
            [
                "in those years we met other doctors such as vorislav de brune and many",
                "more who came to the city to learn how the new wards were being run",
                "and most of them went home with ideas that changed their own hospitals",
            ]
        ),
        lexicon="off",
    )
    people = {e.label.lower() for e in graph.entities if e.type == "Person"}
    assert "vorislav de brune" in people, people


def test_a_name_listed_with_a_person_is_a_person_though_said_once(tmp_path):
    graph = built(
        tmp_path,
        "style.txt",
        "Host: Tell me.\n"
        "Guest: You could ask for a song in the style of Leonard Cohen or Kessick or, "
        "I don't know, anybody.\n",
        lexicon="off",
    )
    people = {e.label for e in graph.entities if e.type == "Person"}
    assert "Kessick" in people, people  # "X or Y": the items of a list are of a kind


def test_a_place_with_a_direction_or_around_a_known_place_is_that_place(tmp_path):
    lines = [
        "so my uncle moved the whole family to west africa in the late sixties",
        "and years later they all flew on to north america for good and stayed",
        "the bakery he opened there is still run by my cousins to this day",
    ]
    graph = built(
        tmp_path,
        "family.srt",
        "".join(
            f"{i + 1}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 5:02d},000\n{line}\n\n"
            for i, line in enumerate(lines)
        ),
    )
    places = {e.label.lower() for e in graph.entities if e.type == "Place"}
    # the truecaser leaves "west" lowercase: GeoNames and the direction vouch for it
    assert "west africa" in places
    # the longer place NER read wins over the lexicon's "America" inside it
    assert "north america" in places
    assert not any(e.label.lower() == "bakery" and e.type != "Concept" for e in graph.entities)


def test_the_gazetteer_vouches_for_towns_but_not_for_words_it_also_lists():
    from kg.extract.entities import gazetteer_vouches
    from kg.extract.truecase import gazetteer_place, known_place
    from kg.nlp import load_nlp

    # a town too small for the truecaser's list, and no frequent word: a place
    assert gazetteer_place("Heidelberg") and not known_place("Heidelberg")
    assert not gazetteer_place("Reading") and not gazetteer_place("Nice")  # words first
    nlp = load_nlp(Settings())
    doc = nlp("We moved to Heidelberg, but there is an efficiency Delta in the second run.")
    town = next(t.i for t in doc if t.text == "Heidelberg")
    word = next(t.i for t in doc if t.text == "Delta")
    assert gazetteer_vouches(doc, town, town + 1)
    assert gazetteer_place("Delta") and not gazetteer_vouches(doc, word, word + 1)


def test_a_surname_after_a_title_said_once_is_a_person(tmp_path):
    lines = [
        "thank you all and thank you chancellor vrabelko for the kind welcome today",
        "we met in the old hall where the workers of the harbour used to gather",
        "and we talked for hours about the harbour and the ships and the winters",
    ]
    graph = built(
        tmp_path,
        "speech.srt",
        "".join(
            f"{i + 1}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 5:02d},000\n{line}\n\n"
            for i, line in enumerate(lines)
        ),
        lexicon="off",
    )
    people = {e.label.lower() for e in graph.entities if e.type == "Person"}
    assert any("vrabelko" in p for p in people)  # said once, but a title says who
    assert not any(p in ("harbour", "hall") for p in people)


def test_after_a_title_only_a_surname_counts():
    from kg.extract.entities import after_title
    from kg.nlp import load_nlp

    doc = load_nlp(Settings())(
        "We thanked Chancellor Vrabelko, then Mr. Sunshine and President von."
    )
    at = {t.text: t.i for t in doc}
    assert after_title(doc, at["Vrabelko"])  # a rare word after a title
    assert not after_title(doc, at["Sunshine"])  # an everyday word is a nickname
    assert not after_title(doc, at["von"])  # a particle begins a surname not heard
    assert not after_title(doc, at["We"])


def test_a_direction_before_a_place_names_a_part_of_it(tmp_path):
    lines = [
        "my grandfather sold olive oil across southern france for thirty years",
        "and his brother ran the same trade in the towns of eastern spain after the war",
        "they wrote to each other every week about the prices and the harvests",
    ]
    graph = built(
        tmp_path,
        "trade.srt",
        "".join(
            f"{i + 1}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 5:02d},000\n{line}\n\n"
            for i, line in enumerate(lines)
        ),
    )
    places = {e.label.lower() for e in graph.entities if e.type == "Place"}
    assert {"southern france", "eastern spain"} <= places


def test_a_product_said_once_in_cased_speech_is_kept(tmp_path):
    graph = built(
        tmp_path,
        "tapes.txt",
        "Host: What did you listen to as a kid?\n"
        "Guest: I grew up in Leeds with my sister Priya Ramsden. Back then I did all of "
        "it on my Walkman, and it was fine. We taped songs from the radio every Sunday. "
        "I think I wore out a dozen tapes that way.\n",
        lexicon="off",
    )
    types = {e.label: e.type for e in graph.entities}
    assert types.get("Walkman") == "Product"  # capitalised in mid-sentence, said once


def test_places_said_in_a_row_without_commas_are_one_place_each(tmp_path):
    from kg.extract.truecase import places_in_a_row

    assert places_in_a_row(("italy", "france", "belgium")) == [(0, 1), (1, 2), (2, 3)]
    assert places_in_a_row(("uppsala", "university")) is None  # "university": a word
    assert places_in_a_row(("france",)) is None  # one place is no row
    # "france" is a place first: its "plural" is the given name Frances
    assert "France" in truecase("we went to france and spain", frozenset())
    graph = built(
        tmp_path,
        "speech.srt",
        "1\n00:00:00,000 --> 00:00:05,000\nafter the war the economies of italy france "
        "belgium and holland grew again and trade with them grew too\n",
    )
    places = {e.label for e in graph.entities if e.type == "Place"}
    assert {"Italy", "France", "Belgium"} <= places, places
