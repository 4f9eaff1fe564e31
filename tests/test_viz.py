"""The offline viewer (kg.viz, ``kg render``): pages written, then loaded from file:// in
a real headless Chromium and used the way a reader does (search, filters, panel).

Expected values come from the graph the test builds or from the build, never from the
page under test: counts, the entity an alias belongs to, who is mentioned where.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from kg.config import Settings
from kg.errors import KgError
from kg.graph import GRAPH_FILE, KnowledgeGraph, load_graph
from kg.model import (
    Entity,
    Evidence,
    Mention,
    Relation,
    Segment,
    Speaker,
    Transcript,
    TranscriptMeta,
)
from kg.viz import (
    COMENTION_SHOWN_MAX,
    format_time,
    layout_positions,
    moment_url,
    render_outputs,
    render_site,
    script_json,
    transcript_subgraph,
)

#: Markup that would run code or fetch something if it were ever parsed as HTML.
HOSTILE = (
    '<script>window.__pwned=true</script><img src=x onerror="window.__pwned=true"> "dq" \'sq\' &amp; '
    "</script ><script>window.__pwned=true</script/><!--"
)


# -- graphs built here ---------------------------------------------------------------------


def _mentions(
    tid: str, surface: str, type_: str, n: int, start: float = 10.0
) -> tuple[Mention, ...]:
    """``n`` mentions of ``surface`` in transcript ``tid``."""
    return tuple(
        Mention(
            tid, i, 0, i * 20, i * 20 + len(surface), surface, type_, "lexicon", start=start + i
        )
        for i in range(n)
    )


def _transcript(tid: str, title: str, url: str | None, speaker: str = "Host") -> Transcript:
    """A one-segment transcript with metadata."""
    text = "a transcript made by the test"
    return Transcript(
        tid,
        f"{tid}.txt",
        "plain",
        text,
        (Segment(0, 0, len(text), 0.0, 4000.0, speaker),),
        tid * 8,
        TranscriptMeta(
            title=title, date="2023-05-01", url=url, speakers=(Speaker(speaker, "host"),)
        ),
    )


def _evidence(tid: str, quote: str, start: float | None, speaker: str | None = "Host") -> Evidence:
    """A quote at ``start`` seconds."""
    return Evidence(
        tid,
        0,
        0,
        len(quote),
        quote,
        "test",
        0.9,
        start,
        None if start is None else start + 4,
        speaker,
    )


def make_kg() -> KnowledgeGraph:
    """Two transcripts; entities of several types; relations of every kind; hostile text
    in an entity name, an alias, a quote, a speaker, a role and a transcript title."""
    t1 = _transcript("t1", "Fireside chat " + HOSTILE, "https://www.youtube.com/watch?v=abc&t=5")
    t2 = _transcript("t2", "Second talk", "javascript:window.__pwned=true", speaker=HOSTILE)
    entities = (
        Entity(
            "geoffrey-hinton",
            "Geoffrey Hinton",
            "Person",
            ("Geoff Hinton", "Geoffrey Hinton", "Jeff Hinton"),
            mentions=_mentions("t1", "Jeff Hinton", "Person", 3)
            + _mentions("t2", "Hinton", "Person", 1),
        ),
        Entity(
            "ilya-sutskever",
            "Ilya Sutskever",
            "Person",
            ("Ilya", "Ilya Sutskever"),
            mentions=_mentions("t1", "Ilya", "Person", 5),
        ),
        Entity(
            "openai",
            "OpenAI",
            "Organization",
            ("OpenAI", "open AI"),
            mentions=_mentions("t1", "open AI", "Organization", 4),
        ),
        Entity(
            "google",
            "Google",
            "Organization",
            ("Google",),
            mentions=_mentions("t2", "Google", "Organization", 2),
        ),
        Entity(
            "gpt-4", "GPT-4", "Product", ("GPT-4",), mentions=_mentions("t2", "GPT-4", "Product", 1)
        ),
        Entity(
            "scaling-laws",
            "scaling laws",
            "Concept",
            ("scaling laws",),
            mentions=_mentions("t1", "scaling laws", "Concept", 2),
        ),
        Entity(
            "hostile",
            "Evil " + HOSTILE,
            "Concept",
            (HOSTILE, "Evil " + HOSTILE),
            mentions=_mentions("t2", HOSTILE, "Concept", 1),
        ),
    )
    quote = "he said " + HOSTILE + " at Google"
    relations = (
        Relation(
            "ilya-sutskever",
            "worksFor",
            "openai",
            "typed",
            (_evidence("t1", "Ilya is the chief scientist at open AI", 3725.0),),
            roles=("chief scientist",),
        ),
        Relation(
            "ilya-sutskever",
            "studiedUnder",
            "geoffrey-hinton",
            "typed",
            (_evidence("t1", "it is his PhD with Jeff Hinton", 61.5),),
        ),
        Relation(
            "geoffrey-hinton",
            "worksFor",
            "google",
            "typed",
            (_evidence("t2", quote, 12.0, HOSTILE),),
            roles=(HOSTILE,),
        ),
        Relation(
            "openai",
            "build",
            "gpt-4",
            "open",
            (_evidence("t2", "open AI build GPT-4", None, None),),
        ),
        Relation(
            "geoffrey-hinton",
            "relatedTo",
            "ilya-sutskever",
            "comention",
            (_evidence("t1", "Ilya and Jeff Hinton", 70.0),),
            count=3,
            counts=(("t1", 3),),
        ),
        Relation(
            "hostile",
            "relatedTo",
            "google",
            "comention",
            (_evidence("t2", quote, 12.0),),
            count=1,
            counts=(("t2", 1),),
        ),
        Relation(
            "ilya-sutskever",
            "discusses",
            "scaling-laws",
            "discusses",
            (_evidence("t1", "scaling laws matter", 90.0),),
        ),
    )
    return KnowledgeGraph((t1, t2), entities, relations)


def star_kg(spokes: int, loners: int, comentions_per_spoke: int = 0) -> KnowledgeGraph:
    """A hub joined to ``spokes`` entities, plus ``loners`` entities joined to nothing:
    the hub and its spokes are the most central by any measure."""
    t = _transcript("t1", "Star", None)
    hub = Entity("hub", "Hub", "Organization", mentions=_mentions("t1", "Hub", "Organization", 1))
    spoke_entities = tuple(
        Entity(f"s{i:03d}", f"Spoke {i}", "Person", mentions=_mentions("t1", "S", "Person", 1))
        for i in range(spokes)
    )
    loner_entities = tuple(
        Entity(f"z{i:03d}", f"Loner {i}", "Concept", mentions=_mentions("t1", "L", "Concept", 1))
        for i in range(loners)
    )
    relations = tuple(
        Relation(e.key, "worksFor", "hub", "typed", (_evidence("t1", "q", 1.0),))
        for e in spoke_entities
    )
    extra = tuple(
        Relation(a.key, "relatedTo", b.key, "comention", (_evidence("t1", "q", 1.0),), count=1)
        for i, a in enumerate(spoke_entities)
        for b in spoke_entities[i + 1 : i + 1 + comentions_per_spoke]
    )
    return KnowledgeGraph((t,), (hub, *spoke_entities, *loner_entities), relations + extra)


# -- reading pages -------------------------------------------------------------------------


def page_data(path: Path) -> dict:
    """The JSON block of a page, read the way the page's script reads it."""
    match = re.search(
        r'<script type="application/json" id="kg-data">(.*?)</script>',
        path.read_text("utf-8"),
        re.S,
    )
    assert match, f"{path}: no data block"
    return json.loads(match.group(1))


class _Tags(HTMLParser):
    """Collects start tags and their attributes."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(path: Path) -> list[tuple[str, dict]]:
    """Start tags of an HTML file, as a browser's parser sees them."""
    parser = _Tags()
    parser.feed(path.read_text("utf-8"))
    return parser.tags


# -- the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium(browser):
    """The session's headless Debian Chromium (the ``browser`` fixture in conftest)."""
    return browser


class Loaded:
    """A page opened from file:// with everything it did recorded."""

    def __init__(self, browser, path: Path, width: int = 1400, height: int = 900):
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.page.add_init_script("window.__pwned = false;")
        self.page.on(
            "console",
            lambda m: (
                self.problems.append(f"console.{m.type}: {m.text}")
                if m.type in ("error", "warning", "assert")
                else None
            ),
        )
        self.page.on("pageerror", lambda e: self.problems.append(f"uncaught: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())

    def ready(self, timeout: float = 60_000) -> Loaded:
        """Wait until the graph is laid out and physics is off."""
        self.page.wait_for_function("() => window.kgReady === true", timeout=timeout)
        return self

    def js(self, expression: str, arg=None):
        """Evaluate ``expression`` in the page."""
        return self.page.evaluate(expression, arg)

    def check_clean(self) -> None:
        """No request to anything but file://, no error, no code from the data ran."""
        outside = [u for u in self.requests if not u.startswith("file://")]
        assert outside == [], f"requests outside file://: {outside}"
        assert self.problems == []
        assert self.js("window.__pwned") is False

    def close(self) -> None:
        """Close the page."""
        self.page.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[KnowledgeGraph, Path]:
    """The site of ``make_kg()``, rendered once for the module."""
    kg = make_kg()
    out = tmp_path_factory.mktemp("site")
    render_site(kg, out)
    return kg, out


# -- pure functions ------------------------------------------------------------------------


def test_script_json_cannot_end_or_change_its_block():
    data = {"name": HOSTILE, "line": "a\u2028b\u2029c", "nested": [HOSTILE, {"k": "</SCRIPT >"}]}
    text = script_json(data)
    for char in "<>&\u2028\u2029":
        assert char not in text
    assert json.loads(text) == data


@pytest.mark.parametrize(
    ("url", "seconds", "expected"),
    [
        (
            "https://www.youtube.com/watch?v=abc&t=5",
            3725.9,
            "https://www.youtube.com/watch?v=abc&t=3725",
        ),
        ("https://youtu.be/abc", 61, "https://youtu.be/abc?t=61"),
        ("https://m.youtube.com/watch?v=x", 0, "https://m.youtube.com/watch?v=x&t=0"),
        ("https://example.org/episode.mp3", 90.2, "https://example.org/episode.mp3#t=90"),
        ("https://example.org/page#chapter-2", 90, "https://example.org/page#chapter-2"),
        ("http://example.org/a", None, "http://example.org/a"),
        ("javascript:alert(1)//https://x", 5, None),
        ("JAVASCRIPT:alert(1)", None, None),
        ("data:text/html,<script>alert(1)</script>", 5, None),
        ("ftp://example.org/a", 5, None),
        ("//example.org/a", 5, None),
        ("", 5, None),
        (None, 5, None),
    ],
)
def test_moment_url(url, seconds, expected):
    assert moment_url(url, seconds) == expected


def test_format_time():
    assert format_time(0) == "00:00:00"
    assert format_time(3725.9) == "01:02:05"
    assert format_time(100 * 3600 + 1) == "100:00:01"
    assert format_time(None) is None
    assert format_time(float("nan")) is None


def test_layout_is_deterministic_and_spread():
    g = nx.barabasi_albert_graph(300, 2, seed=3)
    nodes = [f"n{i:03d}" for i in g.nodes]
    edges = [(f"n{u:03d}", f"n{v:03d}", 1.0) for u, v in g.edges]
    first = layout_positions(nodes, edges)
    assert first == layout_positions(nodes, edges)
    assert set(first) == set(nodes)
    assert len(set(first.values())) == len(nodes)  # no two nodes on one spot
    xs = [x for x, _ in first.values()]
    assert max(xs) - min(xs) > 1000  # spread over more than a screen, not one clump


def test_pagerank_fallback_matches_networkx():
    """Where networkx's PageRank cannot run (no scipy) the viewer computes its own;
    it must agree with networkx's pure-Python reference."""
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    from kg.graph import to_networkx
    from kg.viz import _pagerank

    kg = make_kg()
    g = to_networkx(kg)
    simple = nx.Graph()
    simple.add_nodes_from(g.nodes)
    for u, v, d in g.edges(data=True):
        if u != v:
            simple.add_edge(
                u, v, weight=simple.get_edge_data(u, v, {}).get("weight", 0) + d["weight"]
            )
    expected = _pagerank_python(simple, weight="weight", max_iter=200, tol=1e-08)
    got = _pagerank(g)
    assert set(got) == set(expected)
    assert all(abs(got[k] - expected[k]) < 1e-9 for k in expected)


# -- files written -------------------------------------------------------------------------


def test_site_files_and_determinism(tmp_path):
    kg = make_kg()
    first = render_site(kg, tmp_path / "a")
    render_site(kg, tmp_path / "b")
    names = sorted(str(p.relative_to(tmp_path / "a")) for p in first)
    assert names == [
        "graph.html",
        "index.html",
        "transcripts/kg-viewer.js",
        "transcripts/t1.html",
        "transcripts/t2.html",
    ]
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_pages_are_self_contained(site):
    kg, out = site
    for path in [
        out / "graph.html",
        out / "index.html",
        *sorted((out / "transcripts").glob("*.html")),
    ]:
        for tag, attrs in tags_of(path):  # the shared script is inserted by the loader
            assert not (tag == "script" and attrs.get("src")), f"{path.name}: external script"
            assert tag != "link", f"{path.name}: <link> tag"
            assert tag != "img", f"{path.name}: <img> tag (hostile text parsed as markup?)"
            href = attrs.get("href") or ""
            assert not href.lower().startswith(("javascript:", "data:")), href
        text = path.read_text("utf-8")
        assert "Content-Security-Policy" in text
    scripts = [t for t, _ in tags_of(out / "graph.html") if t == "script"]
    assert len(scripts) == 2  # data, loader; nothing from the data became a tag


def test_page_data_matches_graph(site):
    kg, out = site
    data = page_data(out / "graph.html")
    assert sorted(n["id"] for n in data["nodes"]) == sorted(e.key for e in kg.entities)
    assert len(data["edges"]) == len(kg.relations)
    assert data["counts"]["nodes_left_out"] == 0
    hinton = next(n for n in data["nodes"] if n["id"] == "geoffrey-hinton")
    assert set(hinton["aliases"]) == {"Geoff Hinton", "Jeff Hinton"}
    assert hinton["mentions"] == 4
    works = next(
        e for e in data["edges"] if e["predicate"] == "worksFor" and e["from"] == "ilya-sutskever"
    )
    (quote,) = works["evidence"]
    assert quote["time"] == "01:02:05"
    assert quote["link"] == "https://www.youtube.com/watch?v=abc&t=3725"
    assert works["roles"] == ["chief scientist"]
    # a javascript: recording URL never becomes a link
    assert data["transcripts"]["t2"]["url"] is None
    assert all(
        q["link"] is None for e in data["edges"] for q in e["evidence"] if q["transcript"] == "t2"
    )


def test_transcript_pages_hold_their_subgraph(site):
    kg, out = site
    for t in kg.transcripts:
        data = page_data(out / "transcripts" / f"{t.id}.html")
        mentioned = {e.key for e in kg.entities if any(m.transcript_id == t.id for m in e.mentions)}
        seen_here = [r for r in kg.relations if any(v.transcript_id == t.id for v in r.evidence)]
        assert {n["id"] for n in data["nodes"]} >= mentioned
        assert len(data["edges"]) == len(seen_here)
        assert all(q["transcript"] == t.id for e in data["edges"] for q in e["evidence"])
        sub = transcript_subgraph(kg, t.id)
        assert len(data["nodes"]) == len(sub.entities)


def test_index_lists_every_transcript(site):
    kg, out = site
    links = [a["href"] for tag, a in tags_of(out / "index.html") if tag == "a"]
    assert sorted(h for h in links if h.startswith("transcripts/")) == [
        "transcripts/t1.html",
        "transcripts/t2.html",
    ]
    text = (out / "index.html").read_text("utf-8")
    assert "Fireside chat &lt;script&gt;" in text  # escaped, not markup
    assert "javascript:" not in text


def test_pruning_keeps_the_most_central(tmp_path):
    kg = star_kg(spokes=9, loners=40)
    render_site(kg, tmp_path, Settings(max_nodes=10))
    data = page_data(tmp_path / "graph.html")
    assert sorted(n["id"] for n in data["nodes"]) == ["hub"] + [f"s{i:03d}" for i in range(9)]
    assert data["counts"] == {
        "nodes_total": 50,
        "edges_total": 9,
        "nodes_shown": 10,
        "edges_shown": 9,
        "nodes_left_out": 40,
        "edges_left_out": 0,
        "max_nodes": 10,
        "unconnected": 0,
    }
    render_site(kg, tmp_path / "all", Settings(max_nodes=0))
    assert len(page_data(tmp_path / "all" / "graph.html")["nodes"]) == 50


def test_types_filter(tmp_path):
    kg = make_kg()
    render_site(kg, tmp_path, types=["person", "Organization"])
    data = page_data(tmp_path / "graph.html")
    assert {n["type"] for n in data["nodes"]} == {"Person", "Organization"}
    keys = {n["id"] for n in data["nodes"]}
    assert len(data["edges"]) == sum(
        1 for r in kg.relations if r.subject in keys and r.object in keys
    )
    with pytest.raises(KgError, match="unknown entity type 'Robot'"):
        render_site(kg, tmp_path / "x", types=["Robot"])


def test_kg_render_command(tmp_path):
    from kg.cli import main

    outputs = tmp_path / "outputs"
    outputs.mkdir()
    (outputs / GRAPH_FILE).write_text(make_kg().to_json(), encoding="utf-8")
    (outputs / "transcripts").mkdir()
    (outputs / "transcripts" / "stale.html").write_text("old", encoding="utf-8")
    assert main(["render", "-o", str(outputs), "--max-nodes", "3", "-q"]) == 0
    data = page_data(outputs / "graph.html")
    assert len(data["nodes"]) == 3 and data["counts"]["nodes_left_out"] == 4
    assert sorted(p.name for p in (outputs / "transcripts").iterdir()) == [
        "kg-viewer.js",
        "t1.html",
        "t2.html",
    ]
    assert [p.name for p in outputs.iterdir() if p.name.startswith(".")] == []  # no staging left
    assert (
        main(
            [
                "render",
                "-o",
                str(outputs),
                "--to",
                str(tmp_path / "people"),
                "--types",
                "Person",
                "-q",
            ]
        )
        == 0
    )
    assert {n["type"] for n in page_data(tmp_path / "people" / "graph.html")["nodes"]} == {"Person"}
    assert main(["render", "-o", str(tmp_path / "nothing-here")]) == 2
    assert (
        main(["render", "-o", str(outputs), "--types", "Robot", "--to", str(tmp_path / "no")]) == 2
    )
    assert not (tmp_path / "no").exists()


def test_render_outputs_matches_the_build_pages(tmp_path):
    """A page re-rendered from graph.json is byte-identical to the one rendered from the
    in-memory graph: the saved form loses nothing the viewer shows."""
    kg = make_kg()
    render_site(kg, tmp_path / "direct")
    (tmp_path / "outputs").mkdir()
    (tmp_path / "outputs" / GRAPH_FILE).write_text(kg.to_json(), encoding="utf-8")
    render_outputs(tmp_path / "outputs")
    for name in ("graph.html", "index.html", "transcripts/t1.html"):
        assert (tmp_path / "outputs" / name).read_bytes() == (
            tmp_path / "direct" / name
        ).read_bytes()


# -- in the browser ------------------------------------------------------------------------


@pytest.mark.browser
def test_graph_page_loads_offline(site, opened):
    kg, out = site
    page = opened(out / "graph.html").ready()
    page.check_clean()
    assert page.js("window.kg.nodes.length") == len(kg.entities)
    assert page.js("window.kg.edges.length") == len(kg.relations)
    assert page.js("window.kg.visibleNodes()") == sorted(e.key for e in kg.entities)
    assert page.js("window.kg.network.physics.physicsEnabled") is False  # stabilised, then stopped
    legend = page.page.inner_text("#kg-legend")
    for name in (
        "Person",
        "Organization",
        "Product",
        "Concept",
        "typed",
        "open",
        "comention",
        "discusses",
    ):
        assert name in legend
    assert page.page.title() == "Knowledge graph"


@pytest.mark.browser
def test_search_by_alias_selects_and_focuses(site, opened):
    kg, out = site
    page = opened(out / "graph.html").ready()
    page.page.fill("#kg-search", "jEFF hint")
    options = page.page.locator("#kg-results button")
    assert options.count() == 1
    assert options.first.inner_text().startswith("Geoffrey Hinton")
    page.page.press("#kg-search", "Enter")
    page.page.wait_for_function("() => window.kg.focusDone === 'geoffrey-hinton'")
    assert page.js("window.kg.network.getSelectedNodes()") == ["geoffrey-hinton"]
    # the node sits in the middle of the part of the canvas the side panel leaves free
    at = page.js("window.kg.network.canvasToDOM(window.kg.network.getPosition('geoffrey-hinton'))")
    canvas = page.page.locator("#kg-network").bounding_box()
    panel = page.page.locator("#kg-panel").bounding_box()
    free = panel["x"] - canvas["x"]
    assert abs(at["x"] - free / 2) < 5 and abs(at["y"] - canvas["height"] / 2) < 5
    panel = page.page.inner_text("#kg-panel")
    assert "Geoffrey Hinton" in panel and "Jeff Hinton" in panel and "Person" in panel
    assert "Fireside chat" in panel and "Second talk" in panel  # its transcripts
    # a substring of a name only one entity has, clicked in the list
    page.page.fill("#kg-search", "sutsk")
    page.page.click("#kg-results button")
    assert page.js("window.kg.network.getSelectedNodes()") == ["ilya-sutskever"]
    page.check_clean()


@pytest.mark.browser
def test_search_reveals_a_filtered_out_entity(site, opened):
    kg, out = site
    page = opened(out / "graph.html").ready()
    page.page.uncheck("#kg-legend input[data-type='Person']")
    assert "geoffrey-hinton" not in page.js("window.kg.visibleNodes()")
    page.page.fill("#kg-search", "Geoff Hinton")
    page.page.press("#kg-search", "Enter")
    assert "geoffrey-hinton" in page.js("window.kg.visibleNodes()")
    assert page.js("window.kg.network.getSelectedNodes()") == ["geoffrey-hinton"]
    page.check_clean()


@pytest.mark.browser
def test_filters(site, opened):
    kg, out = site
    page = opened(out / "graph.html").ready()
    page.page.uncheck("#kg-legend input[data-type='Concept']")
    assert page.js("window.kg.visibleNodes()") == sorted(
        e.key for e in kg.entities if e.type != "Concept"
    )
    page.page.check("#kg-legend input[data-type='Concept']")
    page.page.fill("#kg-min-mentions", "3")
    assert page.js("window.kg.visibleNodes()") == sorted(
        e.key for e in kg.entities if len(e.mentions) >= 3
    )
    page.page.fill("#kg-min-mentions", "0")
    page.page.uncheck("#kg-legend input[data-kind='typed']")
    assert len(page.js("window.kg.visibleEdges()")) == sum(
        1 for r in kg.relations if r.kind != "typed"
    )
    page.page.check("#kg-legend input[data-kind='typed']")
    page.page.select_option("#kg-transcript", "t2")
    in_t2 = sorted(e.key for e in kg.entities if any(m.transcript_id == "t2" for m in e.mentions))
    assert page.js("window.kg.visibleNodes()") == in_t2
    edges_t2 = [
        r
        for r in kg.relations
        if any(v.transcript_id == "t2" for v in r.evidence)
        and r.subject in in_t2
        and r.object in in_t2
    ]
    assert len(page.js("window.kg.visibleEdges()")) == len(edges_t2)
    page.check_clean()


@pytest.mark.browser
def test_edge_panel_shows_quotes_and_moment_links(site, opened):
    kg, out = site
    page = opened(out / "graph.html").ready()
    edge_id = page.js(
        "window.kg.data.edges.find(e => e.predicate === 'worksFor' && e.from === 'ilya-sutskever').id"
    )
    page.js("id => window.kg.selectEdge(id)", edge_id)
    panel = page.page.inner_text("#kg-panel")
    for text in (
        "worksFor",
        "typed",
        "chief scientist",
        "Ilya is the chief scientist at open AI",
        "Host",
        "01:02:05",
    ):
        assert text in panel
    links = page.js("[...document.querySelectorAll('#kg-panel a')].map(a => a.href)")
    assert "https://www.youtube.com/watch?v=abc&t=3725" in links
    page.check_clean()


@pytest.mark.browser
def test_hostile_text_stays_text(site, opened):
    kg, out = site
    for path in (out / "graph.html", out / "transcripts" / "t2.html", out / "index.html"):
        page = opened(path)
        if path.name != "index.html":
            page.ready()
            page.js("() => window.kg.selectNode('hostile')")
            assert HOSTILE in page.page.inner_text("#kg-panel")  # shown as the literal text
            for edge in page.js("window.kg.data.edges.map(e => e.id)"):
                page.js("id => window.kg.selectEdge(id)", edge)
            page.page.fill("#kg-search", "<script")
            assert page.page.locator("#kg-results button").count() == 1
            page.page.hover("#kg-network", position={"x": 10, "y": 10})
        assert page.js("document.querySelectorAll('img').length") == 0
        assert page.js("document.scripts.length") == (3 if path.name != "index.html" else 0)
        assert (
            page.js(
                "[...document.querySelectorAll('a')].filter(a => !/^(https?|file):/.test(a.href)).length"
            )
            == 0
        )
        page.check_clean()


@pytest.mark.browser
def test_comention_toggle(tmp_path, opened):
    kg = star_kg(spokes=40, loners=0, comentions_per_spoke=5)
    n_comention = sum(1 for r in kg.relations if r.kind == "comention")
    assert n_comention > COMENTION_SHOWN_MAX
    render_site(kg, tmp_path)
    page = opened(tmp_path / "graph.html").ready()
    assert len(page.js("window.kg.visibleEdges()")) == 40  # typed only
    assert "co-mention" in page.page.inner_text("#kg-notice")
    page.page.check("#kg-comention")
    assert len(page.js("window.kg.visibleEdges()")) == 40 + n_comention
    page.check_clean()


@pytest.mark.browser
def test_pruned_page_says_what_was_left_out(tmp_path, opened):
    kg = star_kg(spokes=9, loners=40)
    render_site(kg, tmp_path, Settings(max_nodes=10))
    page = opened(tmp_path / "graph.html").ready()
    notice = page.page.inner_text("#kg-notice")
    assert "10 most central of 50 entities" in notice and "40 entities" in notice
    assert page.js("window.kg.nodes.length") == 10
    page.check_clean()


@pytest.mark.browser
def test_index_links_to_pages_that_load(site, opened):
    kg, out = site
    index = opened(out / "index.html")
    index.page.wait_for_load_state()
    hrefs = index.js(
        "[...document.querySelectorAll('a')].map(a => a.href).filter(h => h.includes('/transcripts/'))"
    )
    assert len(hrefs) == len(kg.transcripts)
    index.check_clean()
    for href in hrefs:
        index.page.goto(href)
        index.page.wait_for_function("() => window.kgReady === true")
        tid = Path(href).stem
        assert index.js("window.kg.nodes.length") == len(transcript_subgraph(kg, tid).entities)
        index.page.click("#kg-nav a:first-child")  # back to the index, by its link
        index.page.wait_for_load_state()
        assert index.page.url.endswith("/index.html")
    index.check_clean()


@pytest.mark.browser
def test_large_graph_precomputed_layout(tmp_path, opened):
    kg = star_kg(spokes=500, loners=100)
    render_site(kg, tmp_path, Settings(max_nodes=0))
    data = page_data(tmp_path / "graph.html")
    assert data["layout"] == "precomputed"
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    page = opened(tmp_path / "graph.html").ready()
    assert page.js("window.kg.nodes.length") == 601
    page.check_clean()


# -- a real transcript with hostile content, through the real build -----------------------


@pytest.mark.browser
@pytest.mark.slow
def test_hostile_transcript_through_build(tmp_path, opened):
    from kg.build import build

    source = tmp_path / "in"
    source.mkdir()
    body = (
        "Host: welcome everyone, today Geoffrey Hinton joins us from Google <script>window.__pwned=true</script>\n"
        'Guest: I worked at Google with Jeff Hinton <img src=x onerror="window.__pwned=true"> for years, '
        "and \"quotes\" & 'apostrophes' & </script><!-- are just words to me\n"
        "Host: Geoffrey Hinton said OpenAI and Google DeepMind compete on scaling laws\n"
    )
    (source / "hostile.txt").write_text(body, encoding="utf-8")
    meta = {
        "title": 'Talk <script>window.__pwned=true</script> "x"',
        "date": "2024-02-03",
        "url": "https://www.youtube.com/watch?v=hostile",
        "speakers": [{"name": "Host"}, {"name": "Guest"}],
    }
    (source / "hostile.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    result = build([str(source)], tmp_path / "outputs")
    assert result.ok, result.errors
    out = tmp_path / "outputs"
    data = page_data(out / "graph.html")
    assert len(data["nodes"]) == len(result.graph.entities)
    quotes = [q["quote"] for e in data["edges"] for q in e["evidence"]]
    assert any("<script>" in q or "<img" in q for q in quotes), (
        "the hostile sentence should be evidence"
    )
    for path in (out / "graph.html", out / "transcripts" / "hostile.html"):
        page = opened(path).ready()
        for edge in page.js("window.kg.data.edges.map(e => e.id)"):
            page.js("id => window.kg.selectEdge(id)", edge)
        assert page.js("document.querySelectorAll('img').length") == 0
        assert page.js("document.scripts.length") == 3
        page.check_clean()
    transcript_page = opened(out / "transcripts" / "hostile.html").ready()
    assert transcript_page.page.title() == meta["title"]
    transcript_page.check_clean()


# -- the seeds -----------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.slow
def test_seeds_graph(seeds_build, opened, artifacts_dir, tmp_path):
    kg = seeds_build.graph
    out = seeds_build.outputs_dir
    page = opened(out / "graph.html").ready()
    page.check_clean()
    shown = page.js("window.kg.data.counts")
    assert page.js("window.kg.nodes.length") == shown["nodes_shown"]
    assert shown["nodes_shown"] + shown["nodes_left_out"] == len(kg.entities)
    assert page.js("window.kg.edges.length") + shown["edges_left_out"] == len(kg.relations)
    page.page.screenshot(path=str(artifacts_dir / "viz_seeds_graph.png"))
    hinton = next((e for e in kg.entities if "Jeff Hinton" in e.aliases), None)
    if hinton is not None:
        page.page.fill("#kg-search", "Jeff Hinton")
        page.page.press("#kg-search", "Enter")
        page.page.wait_for_function(f"() => window.kg.focusDone === {json.dumps(hinton.key)}")
        assert page.js("window.kg.network.getSelectedNodes()") == [hinton.key]
        assert hinton.label in page.page.inner_text("#kg-panel h2")
        page.page.screenshot(path=str(artifacts_dir / "viz_seeds_search.png"))
    # the build's page is what a re-render of its graph.json gives, byte for byte
    render_site(load_graph(out), tmp_path)
    assert (tmp_path / "graph.html").read_bytes() == (out / "graph.html").read_bytes()
    for t in kg.transcripts:
        tpage = opened(out / "transcripts" / f"{t.id}.html").ready()
        tpage.check_clean()
        assert tpage.js("window.kg.nodes.length") == len(transcript_subgraph(kg, t.id).entities)
    tpage.page.screenshot(path=str(artifacts_dir / "viz_seeds_transcript.png"))


def test_no_leftover_staging(tmp_path):
    (tmp_path / "outputs").mkdir()
    (tmp_path / "outputs" / GRAPH_FILE).write_text(make_kg().to_json(), encoding="utf-8")
    render_outputs(tmp_path / "outputs")
    render_outputs(tmp_path / "outputs")
    assert sorted(p.name for p in (tmp_path / "outputs").iterdir()) == [
        "graph.html",
        GRAPH_FILE,
        "index.html",
        "transcripts",
    ]
