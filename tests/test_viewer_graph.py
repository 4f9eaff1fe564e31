"""The calm graph and its search, in a real headless Chromium: undirected co-mentions,
folded unlabelled ``discusses`` lines, edge labels only on selection or close zoom,
node labels that never overlap at the default zoom, unconnected entities behind a
toggle, a legend that leaves the centre free, search that matches like the lexicon."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT
from test_viz import make_kg, page_data, star_kg

from kg.graph import KnowledgeGraph
from kg.lexicon import load_lexicon, name_key
from kg.model import Entity, Mention, Segment, Transcript, TranscriptMeta
from kg.viz import render_site

sys.path.insert(0, str(ROOT / "bench"))
from viewer_probes import LABEL_BOXES, LEGEND_COVERS_CENTRE, overlaps  # noqa: E402


def test_edges_are_calm_in_the_data(tmp_path):
    kg = make_kg()
    render_site(kg, tmp_path)
    edges = page_data(tmp_path / "graph.html")["edges"]
    for e in edges:
        assert "label" not in e  # no label drawn until hover, selection or close zoom
        if e["kind"] in ("comention", "discusses"):
            assert not e.get("arrows"), e
            assert e["text"] is None
        else:
            assert e["arrows"] == "to" and e["text"] == e["predicate"]
    # one discusses line per speaker and entity, as the graph has them
    assert sum(e["kind"] == "discusses" for e in edges) == sum(
        r.kind == "discusses" for r in kg.relations
    )


@pytest.mark.browser
def test_edge_labels_on_selection_and_close_zoom(tmp_path, opened):
    kg = make_kg()
    render_site(kg, tmp_path)
    page = opened(tmp_path / "graph.html").ready()
    drawn = "() => Object.values(window.kg.network.body.edges).filter(e => e.options.label).map(e => e.id).sort()"
    page.js("() => window.kg.network.moveTo({scale: 0.6})")
    page.js("() => window.kg.placeLabels()")
    assert page.js(drawn) == []
    works = page.js("window.kg.data.edges.find(e => e.predicate === 'worksFor').id")
    page.js("id => window.kg.selectEdge(id)", works)
    assert page.js(drawn) == [works]
    page.js("() => window.kg.network.moveTo({scale: 2})")
    page.js("() => window.kg.placeLabels()")
    labelled = sorted(
        e["id"] for e in page.js("window.kg.data.edges") if e["kind"] in ("typed", "open")
    )
    assert page.js(drawn) == labelled
    page.check_clean()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("size", [(1400, 900), (390, 844)])
def test_seeds_labels_do_not_overlap_and_legend_leaves_the_centre(seeds_build, opened, size):
    kg = seeds_build.graph
    out = Path(seeds_build.outputs_dir)
    ends = {k for r in kg.relations for k in (r.subject, r.object) if r.subject != r.object}
    loners = sorted(e.key for e in kg.entities if e.key not in ends)
    for path in [out / "graph.html"] + [
        out / "transcripts" / f"{t.id}.html" for t in kg.transcripts
    ]:
        page = opened(path, width=size[0], height=size[1]).ready()
        page.page.wait_for_timeout(300)
        boxes = page.js(LABEL_BOXES)
        assert overlaps(boxes) == [], path.name
        visible = len(page.js("window.kg.visibleNodes()"))
        assert len(boxes) >= min(visible // 3, 8), path.name  # labels are drawn
        assert min(b["px"] for b in boxes) >= 11.9  # and readable: 12 px and more on screen
        assert page.js(LEGEND_COVERS_CENTRE) is False
        page.check_clean()
    # unconnected entities: hidden by default, counted on the toggle, shown by it
    page = opened(out / "graph.html", width=size[0], height=size[1]).ready()
    assert page.js("window.kg.visibleNodes()") == sorted(
        e.key for e in kg.entities if e.key in ends
    )
    assert page.page.inner_text("#kg-loners-filter").strip() == f"Unconnected ({len(loners)})"
    page.page.check("#kg-loners")
    assert page.js("window.kg.visibleNodes()") == sorted(e.key for e in kg.entities)
    page.check_clean()


@pytest.mark.browser
def test_search_matches_like_the_lexicon(tmp_path, opened):
    lexicon = load_lexicon()
    wanted = ("GPT-4", "ChatGPT", "large language model", "OpenAI", "Geoffrey Hinton")
    text = " ".join(wanted)
    t = Transcript(
        "t", "t.txt", "plain", text, (Segment(0, 0, len(text)),), "d" * 64, TranscriptMeta()
    )
    entities = []
    for name in wanted:
        entry = lexicon.lookup(name)
        start = text.index(name)
        mention = Mention("t", 0, 0, start, start + len(name), name, entry.type, "lexicon")
        entities.append(
            Entity(entry.id, entry.label, entry.type, (name,), entry.id, mentions=(mention,))
        )
    render_site(KnowledgeGraph((t,), tuple(entities), ()), tmp_path)
    page = opened(tmp_path / "graph.html").ready()
    for query, name in (
        ("gpt 4", "GPT-4"),
        ("gpt four", "GPT-4"),
        ("GPT-four", "GPT-4"),
        ("chat gpt", "ChatGPT"),
        ("chad gpt", "ChatGPT"),  # an ASR variant the lexicon knows
        ("llm", "large language model"),
        ("LLMs", "large language model"),
        ("open ai", "OpenAI"),
        ("Open-AI", "OpenAI"),
        ("jeff hinton", "Geoffrey Hinton"),
    ):
        expected = lexicon.lookup(name)
        hits = page.js("q => window.kg.search(q).map(h => h.id)", query)
        assert hits and hits[0] == expected.id, query
    # unconnected entities found by search are shown
    page.page.fill("#kg-search", "chat gpt")
    page.page.press("#kg-search", "Enter")
    assert "chatgpt" in page.js("window.kg.visibleNodes()")
    # the page's key is the lexicon's key, on every name of the lexicon
    names = sorted({n for entry in lexicon.entries for n in lexicon.names(entry)})
    keys = page.js("names => names.map(n => window.kg.nameKey(n))", names)
    assert [k for n, k in zip(names, keys, strict=True) if name_key(n) != k] == []
    page.check_clean()


@pytest.mark.browser
def test_phone_width_fits_and_folds_the_legend(tmp_path, opened):
    kg = star_kg(spokes=30, loners=3)
    render_site(kg, tmp_path)
    for width in (360, 2560):
        page = opened(tmp_path / "graph.html", width=width, height=800).ready()
        # nothing sticks out sideways; the header keeps to one screen width
        assert page.js("document.documentElement.scrollWidth") <= width
        assert page.js("document.getElementById('kg-legend').open") is (width > 900)
        assert page.js(LEGEND_COVERS_CENTRE) is False
        page.check_clean()
