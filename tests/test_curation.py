"""The user's corrections (kg-curation.toml, kg/curation.py) and explainable resolution.

Two small transcripts are built with the real model; every kind of correction is then
applied from a file beside them, with and without the extraction cache, and checked in
graph.json, the SPARQL store, the viewer's data and an export. Removing the file gives
back the first graph byte for byte. ``kg explain`` on the seeds names a rule for every
name of every person.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from kg.build import build
from kg.cli import main
from kg.curation import CURATION_FILE, append_entry, read_curation
from kg.graph import load_graph
from kg.model import NAME_RULES

INTERVIEW = """\
Host: Welcome back. Today my guest is Geoffrey Hinton, who worked at Google Brain for ten years.
Guest: Thanks. I did my PhD at the University of Edinburgh, and later I moved to the University of Toronto.
Host: Jeff, you once said neural networks would win. Yoshua Bengio said the same at Mila in Montreal.
Guest: Yes. Yoshua Bengio founded Mila. Ilya Sutskever studied under me, and Ilya later founded OpenAI with Sam Altman.
Host: And Sam Altman is the CEO of OpenAI. Ilya worked on deep learning there.
Guest: Deep learning and neural networks changed everything. Mila trains many students in deep learning.
Host: Jeff Dean runs Google Brain these days.
Guest: Later Jeff Dean worked for Google Brain as its lead.
"""

MOVIE = """\
Host: Mila told me she loved the new film. Mila was great in it, and Mila said the script was sharp.
Guest: The film was made in Montreal. Sam Altman watched it too.
"""

#: One entry of each kind, and the bad ones, each on a line the test finds by its marker.
CURATION = """\
# corrections of the interview build
[[split]]            # S1: "Jeff, you once said..." is Geoffrey Hinton, not Jeff Dean
entity = "Jeff Dean"
alias = "Jeff"
label = "Jeff (Hinton)"

[[merge]]            # M1
from = "Jeff (Hinton)"
into = "Geoffrey Hinton"

[[merge]]            # M2: the guest of the interview is Geoffrey Hinton
from = "Guest (interview)"
into = "geoffrey hinton"

[[split]]            # S2: the Mila of the movie night is an actress
entity = "Mila"
transcript = "movie-night"
label = "Mila Kunis"
type = "Person"

[[rename]]           # R1
entity = "Host (interview)"
label = "The Host"

[[type]]             # T1: checked again against the relations' signatures
entity = "University of Edinburgh"
type = "place"

[[drop]]             # D1
entity = "Montreal"

[[drop_relation]]    # DR1: the whole relation
subject = "Sam Altman"
predicate = "worksFor"
object = "OpenAI"

[[drop_relation]]    # DR2: one assertion of two
subject = "Jeff Dean"
predicate = "worksFor"
object = "Google Brain"
quote = "Jeff Dean runs Google Brain"

[[alias]]            # A1
entity = "Geoffrey Hinton"
alias = "the godfather of AI"

[[relation]]         # REL1: a quote found in the transcript
subject = "Geoffrey Hinton"
predicate = "worksFor"
object = "University of Toronto"
quote = "later I moved to the university of toronto"

[[relation]]         # REL2: a note
subject = "Sam Altman"
predicate = "met"
object = "Yoshua Bengio"
note = "They met at NeurIPS (the editor's note)"

[[type]]             # BAD1: unknown entity
entity = "Nobody Atall"
type = "Person"

[[type]]             # BAD2: unknown type
entity = "Mila"
type = "Robot"

[[merge]]            # BAD3: into itself
from = "Ilya"
into = "Ilya Sutskever"

[[merge]]            # BAD4: a cycle with M2
from = "Geoffrey Hinton"
into = "Guest (interview)"

[[drop_relation]]    # BAD5: matches nothing
subject = "Sam Altman"
predicate = "founded"
object = "Mila"
"""


def _line(marker: str) -> int:
    return next(i for i, line in enumerate(CURATION.splitlines(), 1) if f"# {marker}" in line)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The transcripts built without corrections, with them (cached and not), and again
    without them: (folders, results, graph.json bytes)."""
    root = tmp_path_factory.mktemp("curation")
    inputs = root / "talks"
    inputs.mkdir()
    (inputs / "interview.txt").write_text(INTERVIEW, encoding="utf-8")
    (inputs / "movie-night.txt").write_text(MOVIE, encoding="utf-8")
    out, fresh = root / "out", root / "fresh"
    plain = build([str(inputs)], out)
    before = (out / "graph.json").read_bytes()
    (inputs / CURATION_FILE).write_text(CURATION, encoding="utf-8")
    _PATHS["file"] = str(inputs / CURATION_FILE)
    cached = build([str(inputs)], out)
    corrected = (out / "graph.json").read_bytes()
    uncached = build([str(inputs)], fresh, _no_cache())
    (inputs / CURATION_FILE).unlink()
    restored = build([str(inputs)], out)
    return {
        "inputs": inputs,
        "out": out,
        "fresh": fresh,
        "plain": plain,
        "cached": cached,
        "uncached": uncached,
        "restored": restored,
        "before": before,
        "corrected": corrected,
        "after": (out / "graph.json").read_bytes(),
        "corrected_uncached": (fresh / "graph.json").read_bytes(),
    }


def _no_cache():
    from kg.config import Settings

    return Settings(cache=False)


def _entity(kg, label):
    found = [e for e in kg.entities if e.label == label]
    assert len(found) == 1, (label, [e.label for e in kg.entities])
    return found[0]


def _origin(e, name):
    return next(o for o in e.origins if o.name == name)


def test_cache_is_used_and_untouched(builds):
    assert builds["cached"].report["cache"]["hits"] == 2
    assert builds["uncached"].report["cache"]["enabled"] is False
    assert builds["corrected"] == builds["corrected_uncached"]


def test_removing_the_file_restores_the_graph_byte_for_byte(builds):
    assert builds["corrected"] != builds["before"]
    assert builds["after"] == builds["before"]
    assert "curation" not in builds["restored"].report
    assert b'"corrections"' not in builds["before"]


def test_the_uncorrected_build_has_the_errors_the_file_fixes(builds):
    kg = builds["plain"].graph
    assert "Jeff" in _entity(kg, "Jeff Dean").aliases
    assert _entity(kg, "Mila").transcripts == ("interview", "movie-night")
    assert any(e.label == "Montreal" for e in kg.entities)
    assert _entity(kg, "University of Edinburgh").type == "Organization"


def test_each_correction_in_graph_json(builds):
    kg = load_graph(builds["fresh"])  # graph.json read back
    labels = {e.label for e in kg.entities}
    hinton = _entity(kg, "Geoffrey Hinton")
    # split + merge: "Jeff" moved from Jeff Dean to Hinton, with the rule that did it
    assert "Jeff" in hinton.aliases and "Jeff" not in _entity(kg, "Jeff Dean").aliases
    jeff = _origin(hinton, "Jeff")
    assert jeff.rule == "correction" and jeff.detail.endswith(
        f"{CURATION_FILE}:{_line('M1')} merge 'Jeff (Hinton)' into 'Geoffrey Hinton'"
    )
    assert "Jeff (Hinton)" not in labels
    # merge of the guest: Hinton speaks in the interview; the guest's node is gone
    assert hinton.speaker_in == ("interview",) and "Guest (interview)" not in labels
    # split by transcript, with label and type
    kunis = _entity(kg, "Mila Kunis")
    assert kunis.type == "Person" and kunis.transcripts == ("movie-night",)
    assert kunis.type_reason.startswith("correction: ")
    assert _entity(kg, "Mila").transcripts == ("interview",)
    # rename keeps the IRI; the old label stays a name
    host = _entity(kg, "The Host")
    assert host.key == _entity(builds["plain"].graph, "Host (interview)").key
    assert "Host (interview)" in host.aliases and _origin(host, "The Host").rule == "correction"
    # type, and the typed relations checked again against it
    edinburgh = _entity(kg, "University of Edinburgh")
    assert edinburgh.type == "Place"
    assert (
        edinburgh.type_reason
        == f"correction: {_where('T1')} type 'University of Edinburgh' as place"
    )
    assert not [r for r in kg.relations if r.object == edinburgh.key and r.kind == "typed"]
    # drop
    assert "Montreal" not in labels
    assert not [r for r in kg.relations if "montreal" in (r.subject, r.object)]
    # drop a relation, and one assertion of another
    openai = _entity(kg, "OpenAI").key
    altman = _entity(kg, "Sam Altman").key
    assert _relation(builds["plain"].graph, altman, "worksFor", openai)
    assert not [
        r
        for r in kg.relations
        if (r.subject, r.predicate, r.object) == (altman, "worksFor", openai)
    ]
    dean = _entity(kg, "Jeff Dean").key
    works = _relation(kg, dean, "worksFor", _entity(kg, "Google Brain").key)
    before = _relation(builds["plain"].graph, dean, "worksFor", works.object)
    runs = [e for e in before.evidence if "runs" in e.quote]
    assert runs and len(runs) < len(before.evidence)  # the dropped one, and others stay
    assert len(works.evidence) == len(before.evidence) - len(runs)
    assert all("runs" not in e.quote for e in works.evidence)
    assert works.count == before.count - len(runs)
    # alias
    assert "the godfather of AI" in hinton.aliases
    # relations added: a quote found in the transcript, and a note
    toronto = _relation(kg, hinton.key, "worksFor", _entity(kg, "University of Toronto").key)
    (ev,) = toronto.evidence
    assert ev.quote == "later I moved to the University of Toronto"
    assert INTERVIEW.replace("Guest: ", "").find(ev.quote) >= 0
    assert (
        ev.speaker == "Guest (interview)"
        and ev.extractor == f"curation:{CURATION_FILE}:{_line('REL1')}"
    )
    met = _relation(kg, _entity(kg, "Sam Altman").key, "met", _entity(kg, "Yoshua Bengio").key)
    assert met.kind == "open" and met.evidence[0].quote == "They met at NeurIPS (the editor's note)"
    # what was applied is recorded, in file order
    applied = [(c.line, c.action) for c in kg.corrections]
    assert applied == sorted(
        (_line(m), a)
        for m, a in [
            ("S1", "split"), ("M1", "merge"), ("M2", "merge"), ("S2", "split"),
            ("R1", "rename"), ("T1", "type"), ("D1", "drop"), ("DR1", "drop_relation"),
            ("DR2", "drop_relation"), ("A1", "alias"), ("REL1", "relation"), ("REL2", "relation"),
        ]
    )  # fmt: skip


def _where(marker):
    return f"{_curation_path()}:{_line(marker)}"


_PATHS: dict[str, str] = {}


def _curation_path():
    return _PATHS["file"]


def _relation(kg, s, p, o):
    found = [r for r in kg.relations if (r.subject, r.predicate, r.object) == (s, p, o)]
    assert len(found) == 1, (s, p, o)
    return found[0]


def test_bad_entries_are_one_line_each_and_the_build_goes_on(builds):
    problems = builds["cached"].report["curation"]["problems"]
    path = _curation_path()
    expected = {
        "BAD1": "type: no entity called 'Nobody Atall' in this build (entry skipped)",
        "BAD2": "type: unknown type 'Robot' (known: Person, Organization, Place, Product, "
        "Work, Concept, Event) (entry skipped)",
        "BAD3": "merge: 'Ilya' and 'Ilya Sutskever' are one entity already (a merge into "
        "itself) (entry skipped)",
        "BAD4": f"merge: 'Geoffrey Hinton' and 'Guest (interview)' are one entity since the "
        f"merge at line {_line('M2')}: a cycle (entry skipped)",
        "BAD5": "drop_relation: matches no relation of this build (entry skipped)",
    }
    assert sorted(problems) == sorted(f"{path}:{_line(m)}: {text}" for m, text in expected.items())
    assert all("\n" not in p for p in problems)
    assert builds["cached"].report["curation"]["applied"] == 12


def test_rdf_and_the_named_query_see_the_corrections(builds):
    from kg.sparql import load

    store = load(builds["fresh"])
    rows = list(store.query_named("corrections"))
    assert [(r["line"], r["action"]) for r in rows] == [
        (c.line, c.action) for c in builds["cached"].graph.corrections
    ]
    merge = next(r for r in rows if r["line"] == _line("M1"))
    assert merge["file"] == _curation_path() and merge["entities"] == "Geoffrey Hinton"
    assert merge["correction"] == "merge 'Jeff (Hinton)' into 'Geoffrey Hinton'"
    assert [r["line"] for r in store.query_named("corrections", {"action": "drop"})] == [
        _line("D1")
    ]
    # the name "Jeff" of Hinton was made by the merge, a prov:Activity with file and line
    (row,) = store.query(
        """SELECT ?rule ?file ?line WHERE {
             ?e skos:prefLabel "Geoffrey Hinton" ; kg:nameOrigin ?o .
             ?o kg:name "Jeff" ; kg:rule ?rule ; prov:wasGeneratedBy ?c .
             ?c a prov:Activity ; kg:sourceFile ?file ; kg:sourceLine ?line }"""
    )
    assert (row["rule"], row["line"]) == ("correction", _line("M1"))
    # the added relation's assertion is the correction's, and the dropped node is gone
    (row,) = store.query(
        """SELECT ?quote ?line WHERE { ?a rdf:predicate kg:worksFor ; rdf:object ?o ;
             kg:quote ?quote ; prov:wasGeneratedBy [ kg:sourceLine ?line ] .
             ?o skos:prefLabel "University of Toronto" }"""
    )
    assert row["line"] == _line("REL1")
    assert not store.query('ASK { ?e skos:prefLabel "Montreal" }')
    assert store.query('ASK { ?e skos:prefLabel "Mila Kunis" ; a kg:Person }')
    from kg.validate import validate_outputs

    assert validate_outputs(builds["fresh"]).conforms  # SHACL: corrections and origins too


def test_viewer_data_and_an_export_see_the_corrections(builds):
    from kg.export import export

    html = (builds["fresh"] / "graph.html").read_text(encoding="utf-8")
    data = _page_data(html)
    nodes = {n["label"]: n for n in data["nodes"]}
    assert "Montreal" not in nodes and "Mila Kunis" in nodes
    hinton = nodes["Geoffrey Hinton"]
    assert "Jeff" in hinton["aliases"]
    assert next(o[:2] for o in hinton["origins"] if o[0] == "Jeff") == ["Jeff", "correction"]
    assert nodes["University of Edinburgh"]["type_reason"].startswith("correction: ")

    target = builds["fresh"].parent / "export.json"
    export("json", builds["fresh"], target)
    exported = json.loads(target.read_text(encoding="utf-8"))
    labels = {n["label"]: n for n in exported["nodes"]}
    assert "Montreal" not in labels and labels["Mila Kunis"]["type"] == "Person"
    assert "the godfather of AI" in labels["Geoffrey Hinton"]["aliases"]


def _page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m, "no data block in graph.html"
    return json.loads(m.group(1))


def test_explain_on_the_seeds_gives_a_rule_for_every_name_of_every_person(outputs, kg, capsys):
    people = [e for e in kg.entities if e.type == "Person"]
    assert len(people) >= 8
    for e in people:
        assert {o.name for o in e.origins} == {e.label, *e.aliases}, e.label
        assert all(o.rule in NAME_RULES and o.detail for o in e.origins), e.label
        assert e.type_reason
        assert main(["explain", e.key, "-o", str(outputs)]) == 0
        text = capsys.readouterr().out
        for o in e.origins:
            assert re.search(
                rf"^    {re.escape(o.name)} +{o.rule} +{re.escape(o.detail)}$", text, re.M
            )
    hinton = next(e for e in people if e.label == "Geoffrey Hinton")
    assert _origin(hinton, "Jeff").rule == "first-name"
    assert _origin(hinton, "Jeff Hinton").rule == "lexicon"


def test_explain_an_unknown_name_is_one_line(outputs, capsys):
    assert main(["explain", "Nobody Atall", "-o", str(outputs)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no entity called 'Nobody Atall'" in err


def test_curate_commands_write_the_file_the_build_reads(tmp_path, outputs, capsys):
    file = tmp_path / CURATION_FILE
    common = ["--file", str(file), "-o", str(outputs)]
    assert main(["curate", "merge", "Jeff", "Geoffrey Hinton", *common]) == 0
    assert main(["curate", "type", "Ilya", "organization", *common]) == 0
    assert main(["curate", "drop", "Albert Einstein", *common]) == 0
    assert main(["curate", "split", "Geoffrey Hinton", "--alias", 'Jeff "G"', *common]) == 0
    assert (
        main(["curate", "relate", "Sam Altman", "founded", "OpenAI", "--note", "x", *common]) == 0
    )
    assert main(["curate", "drop-relation", "Sam Altman", "*", "OpenAI", *common]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{file}:1: merge 'Jeff' into 'Geoffrey Hinton' (applied by the next kg build)"
    assert main(["curate", "type", "Ilya", "Robot", *common]) == 2
    assert "unknown type 'Robot'" in capsys.readouterr().err
    assert main(["curate", "merge", "Zork", "OpenAI", *common]) == 0
    assert "no entity called 'Zork' in the last build" in capsys.readouterr().err
    curation = read_curation(file)
    assert not curation.problems
    assert [(e.kind, e.line) for e in curation.entries] == [
        ("merge", 1), ("type", 5), ("drop", 9), ("split", 12), ("relation", 16),
        ("drop_relation", 22), ("merge", 26),
    ]  # fmt: skip
    assert curation.entries[3].fields == {"entity": "Geoffrey Hinton", "alias": 'Jeff "G"'}
    assert "predicate" not in curation.entries[5].fields
    assert main(["curate", "list", *common]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[1] == f"{file}:5: type 'Ilya' as organization"


def test_a_file_that_is_not_toml_is_one_line(tmp_path):
    file = tmp_path / CURATION_FILE
    file.write_text('[[merge]]\nfrom = "A"\ninto = \n', encoding="utf-8")
    (problem,) = read_curation(file).problems
    assert problem.startswith(f"{file}:3: not valid TOML (") and problem.endswith(
        "no correction applied"
    )
    with pytest.raises(ValueError, match="not valid TOML"):
        append_entry(file, "drop", {"entity": "A"})
    assert file.read_text(encoding="utf-8").count("[[") == 1  # nothing appended


def test_setting_off_ignores_the_file(builds, tmp_path):
    from kg.config import Settings

    inputs = tmp_path / "talks"
    shutil.copytree(builds["inputs"], inputs)
    (inputs / CURATION_FILE).write_text(CURATION, encoding="utf-8")
    out = tmp_path / "out"
    shutil.copytree(builds["out"] / ".cache", out / ".cache")
    result = build([str(inputs)], out, Settings(curation="off"))
    graph, plain = load_graph(out), builds["plain"].graph
    assert (graph.entities, graph.relations) == (plain.entities, plain.relations)
    assert not graph.corrections and "curation" not in result.report


@pytest.mark.browser
def test_the_panel_explains_and_shows_the_commands(builds, browser):
    from test_viz import Loaded

    page = Loaded(browser, builds["fresh"] / "graph.html")
    try:
        page.ready()
        page.js("() => window.kg.selectNode('geoffrey-hinton')")
        why = page.js(
            "[...document.querySelectorAll('#kg-panel .kg-why li')].map(li => li.textContent)"
        )
        hinton = _entity(load_graph(builds["fresh"]), "Geoffrey Hinton")
        assert why == [f"{o.name} {o.rule} {o.detail}" for o in hinton.origins]
        commands = page.js(
            "[...document.querySelectorAll('#kg-panel .kg-commands code')].map(c => c.textContent)"
        )
        assert 'kg curate type "Geoffrey Hinton" TYPE' in commands
        assert 'kg curate drop "Geoffrey Hinton"' in commands
        assert 'kg curate split "Geoffrey Hinton" --alias "the godfather of AI"' in commands
        assert hinton.type_reason in page.page.inner_text("#kg-panel")
        page.check_clean()
    finally:
        page.close()
    # the reader of a transcript with an added quote and an added note
    reader = Loaded(browser, builds["fresh"] / "transcripts" / "interview.html")
    try:
        reader.ready()
        underlined = reader.js("document.querySelector('#kg-reader').textContent")
        assert "later I moved to the University of Toronto" in underlined
        reader.check_clean()
    finally:
        reader.close()


def test_readme_example(seeds_build, tmp_path, monkeypatch, capsys):
    """The README's session of `kg explain`, `kg curate` and `kg build`, run in a copy of
    the seeds (their cached extractions reused), gives exactly the output it shows."""
    import shlex

    from conftest import ROOT, SEEDS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- checked by tests/test_curation.py::test_readme_example -->")[1]
    block = block.split("```\n", 2)[1]
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    assert len(steps) == 6
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(seeds_build.outputs_dir / ".cache", tmp_path / "outputs" / ".cache")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "seeds/", "-q"]) == 0
    capsys.readouterr()
    for command, expected in steps:
        argv = shlex.split(command)
        assert argv[0] == "kg"
        assert main(argv[1:]) == 0, command
        assert capsys.readouterr().out.splitlines() == expected, command


def test_every_rule_is_recorded_with_what_it_matched():
    """Resolution of hand-made mentions (no model): each name's rule and detail."""
    from kg.config import Settings
    from kg.curation import Curation, Entry
    from kg.extract import Extraction
    from kg.lexicon import load_lexicon
    from kg.model import Mention, Segment, Speaker, Transcript, TranscriptMeta
    from kg.resolve import resolve

    text = "x" * 400
    t = Transcript(
        "ep1", "ep1.txt", "speaker", text, (Segment(0, 0, 400, speaker="Lex Fridman"),), "0",
        TranscriptMeta(source="show", speakers=(Speaker("Lex Fridman", "host"),)),
    )  # fmt: skip
    said = [
        ("Ilya Satsgever", "Organization", "ner"),  # sound-alike, whatever NER typed it
        ("Reinforcement Learnin", "Concept", "ner"),  # fuzzy
        ("Demis", "Person", "ner"),  # the one person of the field called Demis
        ("Sarah Hooker", "Person", "ner"),
        ("Sarah", "Person", "ner"),  # first name of a full name introduced here
        ("Priya", "Person", "ner"),  # a given name alone: one person per show
        ("retrieval augmented generation", "Concept", "concept"),
        ("RAG", "Concept", "ner"),  # acronym of the one term with those initials
        ("retrieval augmented generation", "Concept", "concept"),
    ]
    mentions = tuple(
        Mention(
            "ep1",
            i,
            0,
            10 * i,
            10 * i + 5,
            s,
            ty,
            src,
            norm=s.lower() if src == "concept" else None,
        )
        for i, (s, ty, src) in enumerate(said)
    )
    ex = Extraction("ep1", len(said), mentions, (), ())
    lexicon = load_lexicon()
    res = resolve([t], [ex], lexicon, Settings())
    rules = {o.name: (o.rule, o.detail) for e in res.entities for o in e.origins}
    assert rules["Ilya Satsgever"] == (
        "sound-alike",
        "sounds like 'ilya sutskever' (lexicon ilya-sutskever)",
    )
    assert rules["Reinforcement Learnin"] == (
        "fuzzy",
        "ratio 97.7 to 'reinforcement learning' (lexicon reinforcement-learning; threshold 92)",
    )
    assert rules["Demis"][0] == "field-first-name"
    assert rules["Sarah"] == (
        "first-name",
        "first name or surname of 'Sarah Hooker', introduced in ep1",
    )
    assert rules["Priya"] == ("given-name", "said alone: one person per show (show)")
    assert rules["RAG"][0] in ("acronym", "lexicon")
    assert rules["Lex Fridman"][0] == "speaker"
    types = {e.label: e.type_reason for e in res.entities}
    assert types["Ilya Sutskever"] == "lexicon: entry ilya-sutskever is a Person"
    assert types["Priya"] == "mentions: Person 1"
    # a correction entry made by hand: the type and its reason, the problem of a bad one
    entries = [
        Entry("type", {"entity": "Priya", "type": "Organization"}, "c.toml", 1),
        Entry("merge", {"from": "Sarah Hooker", "into": "sarah"}, "c.toml", 5),
    ]
    res = resolve([t], [ex], lexicon, Settings(), Curation(entries, [], ["c.toml"]))
    priya = next(e for e in res.entities if e.label == "Priya")
    assert (priya.type, priya.type_reason) == (
        "Organization",
        "correction: c.toml:1 type 'Priya' as Organization",
    )
    assert res.problems == (
        "c.toml:5: merge: 'Sarah Hooker' and 'sarah' are one entity already (a merge into "
        "itself) (entry skipped)",
    )
