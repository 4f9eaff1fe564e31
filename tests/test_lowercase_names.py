"""Names in lowercase speech that NER cannot see without their capitals: named
individuals that general knowledge lists (WordNet's instances). Texts are written for
these tests and share no wording with any evaluation set."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.config import Settings
from kg.extract.propernames import name_type


def _srt(lines: list[str]) -> str:
    return "".join(
        f"{i + 1}\n00:00:{i * 5:02d},000 --> 00:00:{i * 5 + 5:02d},000\n{line}\n\n"
        for i, line in enumerate(lines)
    )


def built(folder: Path, name: str, text: str, lexicon: str = "off"):
    (folder / name).write_text(text, encoding="utf-8")
    return build([folder], folder / "out", Settings(cache=False, lexicon=lexicon)).graph


def test_wordnet_names_are_names_and_everyday_words_are_not():
    assert name_type(("avicenna",)) == "Person"
    assert name_type(("caspian", "sea")) == "Place"
    assert name_type(("opec",)) == "Organization"  # WordNet writes it in capitals
    assert name_type(("cornell",)) == "Organization"  # the university, not its founder
    # first a word, or a frequent word: left to the other rules
    for word in ("snow", "smith", "bridges", "mobile", "tell"):
        assert name_type((word,)) is None, word


def test_a_named_individual_said_once_in_lowercase_speech_is_found_and_typed(tmp_path):
    graph = built(
        tmp_path,
        "lecture.srt",
        _srt(
            [
                "so in the middle ages the medical schools still taught from avicenna and",
                "the caravans went around the caspian sea carrying silk and spices and",
                "the merchants hoped for a fuller life and a prize from the guild for",
                "their work and that is how trade grew across the whole region then",
                "centuries later opec ministers met in vienna to agree on oil prices and",
                "the chemist who won the nobel prize that year spoke there as well",
                "and the black sea ports were busy all through the winter months too",
            ]
        ),
    )
    types = {e.label.lower(): e.type for e in graph.entities}
    assert types.get("avicenna") == "Person", types
    assert types.get("caspian sea") == "Place", types
    assert types.get("black sea") == "Place", types  # a name of two words, before a noun
    assert types.get("opec") == "Organization", types  # an acronym before a noun for people
    assert "fuller" not in types or types["fuller"] == "Concept", types
    assert "nobel" not in types, types  # part of a longer phrase


def test_a_year_makes_an_agreement_or_a_happening_a_named_one(tmp_path):
    graph = built(
        tmp_path,
        "treaties.srt",
        _srt(
            [
                "so under the harbour rights treaty of 1894 the port stayed open and the",
                "1936 games were held far away while the trade talks went on and on and",
                "people argued about the treaty and whether a revolution would come soon",
            ]
        ),
    )
    types = {e.label.lower(): e.type for e in graph.entities}
    assert types.get("harbour rights treaty of 1894") == "Work", types
    assert types.get("1936 games") == "Event", types
    assert "treaty" not in types or types["treaty"] == "Concept", types  # no year, no name
    assert "revolution" not in types or types["revolution"] == "Concept", types


def test_firms_named_by_the_parse_in_lowercase_speech(tmp_path):
    graph = built(
        tmp_path,
        "careers.srt",
        _srt(
            [
                "so after college i was an engineer at quillmatic for two years and then",
                "my old boss left to start harrowgate ventures with money from friends and",
                "i worked at home a lot and the venture capital people never called back",
                "then brindlecorp acquired quillmatic and we all bought apples to celebrate",
            ]
        ),
    )
    types = {e.label.lower(): e.type for e in graph.entities}
    assert types.get("quillmatic") == "Organization", types  # where an employer stands
    assert types.get("harrowgate ventures") == "Organization", types
    assert types.get("brindlecorp") == "Organization", types  # a party to a deal
    assert "home" not in types and types.get("venture capital") != "Organization", types


def test_an_institution_named_after_a_capital_city_is_one_name(tmp_path):
    graph = built(
        tmp_path,
        "campus.srt",
        _srt(
            [
                "my sister was a lecturer at the university of lisbon for many years and",
                "she loved the old library there and the students who came from far away",
                "es gibt nur ein lisbon she used to joke when people asked about home",
            ]
        ),
    )
    types = {e.label.lower(): e.type for e in graph.entities}
    assert types.get("university of lisbon") == "Organization", types
    assert "ein lisbon" not in types, types


def test_a_sea_named_without_its_head_after_the_is_a_place(tmp_path):
    graph = built(
        tmp_path,
        "voyage.srt",
        _srt(
            [
                "my grandfather sailed cargo ships across the atlantic for thirty years and",
                "later he fished in the aegean with his brother every single summer and",
                "he wrote letters about the arctic tundra and the yellow paint on deck",
                "the crew painted the hull yellow before they left port that spring",
            ]
        ),
    )
    types = {e.label.lower(): e.type for e in graph.entities}
    assert types.get("atlantic") == "Place", types  # "the Atlantic [Ocean]", said once
    assert types.get("aegean") == "Place", types
    assert types.get("arctic") != "Place", types  # modifies the noun after it
    assert types.get("yellow") != "Place", types  # a frequent word: "the yellow [sea]"


def test_a_name_ending_in_a_street_or_square_noun_is_a_place(tmp_path):
    graph = built(
        tmp_path,
        "walk.srt",
        _srt(
            [
                "every saturday we walked from the station down to frederick square and",
                "bought bread at the bakery near marianne platz before the market closed",
                "then my aunt took the tram along victoria street to visit her sister",
            ]
        ),
    )
    types = {e.label.lower(): e.type for e in graph.entities}
    named = {k: v for k, v in types.items() if k.split()[-1] in ("square", "platz", "street")}
    assert named, types  # NER reads at least one of them as a name
    assert set(named.values()) == {"Place"}, types  # never a person they honour


def test_a_given_name_followed_by_the_years_of_a_life_is_a_person(tmp_path):
    graph = built(
        tmp_path,
        "history.srt",
        _srt(
            [
                "the first real map of the valley came from henrik van morrow field who",
                "lived from 1702 to 1769 and walked every ridge of it himself and the",
                "village baker who lived from 1710 to 1780 fed the whole survey team",
            ]
        ),
    )
    types = {e.label.lower(): e.type for e in graph.entities}
    assert types.get("henrik van morrow field") == "Person", types  # the name as heard
    assert "village baker" not in types or types["village baker"] != "Person", types


def test_two_rare_words_a_person_pronoun_and_a_verb_follow_are_a_persons_name(tmp_path):
    graph = built(
        tmp_path,
        "talk.srt",
        _srt(
            [
                "so after the war i trained as a nurse in a small town with oriane vasquel she",
                "was the head of the ward there and we talked about medicine every day and",
                "the lab had a machine for blood tests she said it was old but it worked fine",
                "and deep learning he said was the future of the whole field of medicine",
            ]
        ),
    )
    types = {e.label.lower(): e.type for e in graph.entities}
    assert types.get("oriane vasquel") == "Person", types
    # English words before the pronoun stay what they are
    assert "blood tests" not in types or types["blood tests"] == "Concept", types
    assert "deep learning" not in types or types["deep learning"] == "Concept", types
