"""The transcript reader on ``transcripts/<id>.html``: the transcript beside its graph,
in a real headless Chromium. Expected spans, turns, times and links come from the
transcript the test writes (or from the build's graph), never from the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_viz import page_data

from kg.graph import KnowledgeGraph
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
from kg.viz import render_site

URL = "https://www.youtube.com/watch?v=abc"

#: (speaker, start seconds, text) per line of the test's interview.
LINES = [
    ("Host", 0.0, "welcome to the show, today Ilya Sutskever is here"),
    ("Host", 4.0, "he is the chief scientist at OpenAI <b>bold</b>"),
    ("Guest", 61.0, "thanks, I did my PhD with Geoffrey Hinton in Toronto"),
    ("Guest", 70.0, "and OpenAI trained GPT-4 on a lot of data"),
    ("Host", 3725.0, "let us talk about GPT-4 and OpenAI"),
]


def interview() -> tuple[KnowledgeGraph, dict]:
    """A speaker-labelled transcript with a recording URL, a second transcript, and the
    expected mentions (start, end, key) found here by searching the text."""
    text = "\n".join(line for _, _, line in LINES)
    segments, offset = [], 0
    for i, (speaker, start, line) in enumerate(LINES):
        segments.append(Segment(i, offset, offset + len(line), start, start + 4, speaker))
        offset += len(line) + 1
    meta = TranscriptMeta(title="Interview", url=URL, speakers=(Speaker("Host"), Speaker("Guest")))
    t1 = Transcript("t1", "t1.txt", "speaker", text, tuple(segments), "a" * 64, meta)
    other_text = "OpenAI again"
    t2 = Transcript(
        "t2",
        "t2.txt",
        "plain",
        other_text,
        (Segment(0, 0, len(other_text)),),
        "b" * 64,
        TranscriptMeta(title="Other talk"),
    )
    names = {
        "ilya": "Ilya Sutskever",
        "openai": "OpenAI",
        "hinton": "Geoffrey Hinton",
        "gpt4": "GPT-4",
    }
    types = {"ilya": "Person", "openai": "Organization", "hinton": "Person", "gpt4": "Product"}
    expected = []
    mentions: dict[str, list[Mention]] = {k: [] for k in names}
    for key, name in names.items():
        for m in re.finditer(re.escape(name), text):
            seg = next(s for s in segments if s.char_start <= m.start() < s.char_end)
            mentions[key].append(
                Mention(
                    "t1",
                    0,
                    seg.index,
                    m.start(),
                    m.end(),
                    name,
                    types[key],
                    "lexicon",
                    start=seg.start,
                    speaker=seg.speaker,
                )
            )
            expected.append([m.start(), m.end(), key])
    mentions["openai"].append(Mention("t2", 0, 0, 0, 6, "OpenAI", "Organization", "lexicon"))
    entities = tuple(
        Entity(k, names[k], types[k], (names[k],), mentions=tuple(mentions[k]))
        for k in sorted(names)
    )

    def ev(line: int) -> Evidence:
        seg = segments[line]
        return Evidence(
            "t1",
            line,
            seg.char_start,
            seg.char_end,
            text[seg.char_start : seg.char_end],
            "test",
            0.9,
            seg.start,
            seg.end,
            seg.speaker,
        )

    relations = (
        Relation("ilya", "worksFor", "openai", "typed", (ev(1),), roles=("chief scientist",)),
        Relation("ilya", "studiedUnder", "hinton", "typed", (ev(2),)),
        Relation("openai", "train", "gpt4", "open", (ev(3),)),
        Relation(
            "gpt4", "relatedTo", "openai", "comention", (ev(4),), count=1, counts=(("t1", 1),)
        ),
    )
    return KnowledgeGraph((t1, t2), entities, relations), {
        "mentions": sorted(expected),
        "text": text,
    }


@pytest.fixture(scope="module")
def reader_site(tmp_path_factory):
    kg, expected = interview()
    out = tmp_path_factory.mktemp("reader")
    render_site(kg, out)
    return kg, expected, out


SPANS = """() => [...document.querySelectorAll('#kg-reader .kg-m')].map(
  m => [Number(m.dataset.start), Number(m.dataset.end), m.dataset.e, m.textContent])"""

LINKS_OK = """(recording) => [...document.querySelectorAll('a')].map(a => a.href).filter(
  h => !(h.startsWith('file://') || h.startsWith(recording)))"""


@pytest.mark.browser
def test_reader_shows_turns_times_and_highlighted_mentions(reader_site, opened):
    kg, expected, out = reader_site
    page = opened(out / "transcripts" / "t1.html").ready()
    spans = page.js(SPANS)
    text = expected["text"]
    assert spans == [[s, e, k, text[s:e]] for s, e, k in expected["mentions"]]
    # speaker turns: Host, Guest, Host
    assert page.js(
        "[...document.querySelectorAll('#kg-reader .kg-who')].map(w => w.textContent)"
    ) == ["Host", "Guest", "Host"]
    # every line is there, as text (the <b> is not markup), with its time and ▶ link
    assert page.js("document.querySelectorAll('#kg-reader .kg-seg').length") == len(LINES)
    assert page.js("document.querySelectorAll('#kg-reader b').length") == 0
    assert "<b>bold</b>" in page.page.inner_text("#kg-reader")
    times = page.js(
        "[...document.querySelectorAll('#kg-reader a.kg-time')].map(a => [a.textContent, a.href])"
    )
    assert times[4] == ["▶ 01:02:05", URL + "&t=3725"]
    assert [t[0] for t in times] == [
        "▶ 00:00:00",
        "▶ 00:00:04",
        "▶ 00:01:01",
        "▶ 00:01:10",
        "▶ 01:02:05",
    ]
    # evidence sentences are marked with the relations they support (co-mentions are not)
    chips = page.js("[...document.querySelectorAll('#kg-reader .kg-rel')].map(c => c.textContent)")
    assert chips == ["worksFor", "studiedUnder", "train"]
    assert page.js(
        "[...document.querySelectorAll('#kg-reader .kg-ev')].map(e => e.textContent)"
    ) == [LINES[1][2], LINES[2][2], LINES[3][2]]
    assert page.js(LINKS_OK, URL) == []
    page.check_clean()


@pytest.mark.browser
def test_reader_links_to_panel_graph_and_moments(reader_site, opened):
    kg, expected, out = reader_site
    page = opened(out / "transcripts" / "t1.html").ready()
    page.page.click("#kg-reader .kg-m[data-e='hinton']")
    assert page.js("window.kg.network.getSelectedNodes()") == ["hinton"]
    panel = page.page.inner_text("#kg-panel")
    assert "Geoffrey Hinton" in panel and "00:01:01" in panel
    # the clicked entity's mentions are marked in the reader
    assert page.js("document.querySelectorAll('#kg-reader .kg-m.kg-sel').length") == 1
    # a relation chip opens the relation with its quote
    page.page.click("#kg-reader .kg-rel >> text=worksFor")
    assert LINES[1][2] in page.page.inner_text("#kg-panel")
    # OpenAI's panel lists every moment, here and in the other transcript
    page.js("() => window.kg.selectNode('openai')")
    hrefs = page.js(
        "[...document.querySelectorAll('#kg-panel .kg-moments a')].map(a => a.getAttribute('href'))"
    )
    lines_with_openai = sorted({s for s, (_, _, line) in enumerate(LINES) if "OpenAI" in line})
    assert hrefs == [f"#s{i}" for i in lines_with_openai] + ["../transcripts/t2.html#s0"]
    page.page.click("#kg-panel .kg-moments a[href='#s4']")
    assert page.js("document.getElementById('s4').classList.contains('kg-flash')")
    page.check_clean()
    # opening the reader at a line (as a moment link from another page does)
    at = opened(out / "graph.html").ready()
    at.js("() => window.kg.selectNode('gpt4')")
    link = at.js("document.querySelector('#kg-panel .kg-moments a').href")
    assert link.endswith("transcripts/t1.html#s3")
    at.page.goto(link)
    at.page.wait_for_function("() => window.kgReady === true")
    assert at.js("document.getElementById('s3').classList.contains('kg-flash')")
    box = at.page.locator("#s3").bounding_box()
    assert 0 <= box["y"] <= 900
    at.check_clean()


def test_reader_data_is_plain_text_and_offsets(reader_site):
    kg, expected, out = reader_site
    data = page_data(out / "transcripts" / "t1.html")
    assert data["reader"]["text"] == expected["text"]
    assert data["reader"]["mentions"] == expected["mentions"]
    assert "reader" not in page_data(out / "graph.html")


def long_kg(words: int = 30_000) -> tuple[KnowledgeGraph, int]:
    """A three-hour, 30,000-word interview: 2,500 lines of 12 words, two speakers
    taking turns every 5 lines, a mention of one of 40 entities in every line."""
    lines, segments, offset = [], [], 0
    mentions: dict[int, list[Mention]] = {}
    for i in range(words // 12):
        key = i % 40
        line = f"entity{key:02d} " + " ".join(f"word{j}" for j in range(11))
        segments.append(
            Segment(i, offset, offset + len(line), i * 4.3, i * 4.3 + 4, "AB"[i // 5 % 2])
        )
        mentions.setdefault(key, []).append(
            Mention(
                "long",
                0,
                i,
                offset,
                offset + 8,
                f"entity{key:02d}",
                "Concept",
                "lexicon",
                start=i * 4.3,
            )
        )
        lines.append(line)
        offset += len(line) + 1
    t = Transcript(
        "long",
        "long.txt",
        "speaker",
        "\n".join(lines),
        tuple(segments),
        "c" * 64,
        TranscriptMeta(title="Long", url=URL),
    )
    entities = tuple(
        Entity(f"e{k:02d}", f"Entity {k}", "Concept", mentions=tuple(m))
        for k, m in mentions.items()
    )
    relations = tuple(
        Relation(
            f"e{k:02d}",
            "relatedTo",
            f"e{(k + 1) % 40:02d}",
            "comention",
            (Evidence("long", 0, 0, 8, "q", "test", 0.5),),
            count=1,
            counts=(("long", 1),),
        )
        for k in range(40)
    )
    return KnowledgeGraph((t,), entities, relations), len(segments)


@pytest.mark.browser
def test_long_transcript_reader_is_complete(tmp_path, opened):
    kg, n_lines = long_kg()
    render_site(kg, tmp_path)
    page = opened(tmp_path / "transcripts" / "long.html").ready()
    assert page.js("document.querySelectorAll('#kg-reader .kg-seg').length") == n_lines
    assert page.js("document.querySelectorAll('#kg-reader .kg-m').length") == n_lines
    assert page.js("document.querySelectorAll('#kg-reader .kg-turn').length") == n_lines // 5
    assert page.js("typeof window.kg.readerMs") == "number"  # timed in bench/viz_screenshots.py
    page.check_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_seeds_reader_spans_equal_the_mentions(seeds_build, opened):
    kg = seeds_build.graph
    out = Path(seeds_build.outputs_dir)
    for t in kg.transcripts:
        segs = [(s.char_start, s.char_end) for s in t.segments]
        found = sorted(
            {
                (m.char_start, m.char_end, e.key)
                for e in kg.entities
                for m in e.mentions
                if m.transcript_id == t.id
            },
            key=lambda x: (x[0], -x[1], x[2]),
        )
        expected, end = [], -1
        for s, e, k in found:  # one highlight per character: an overlapped mention is left out
            if s >= end:
                expected.append([s, e, k, t.text[s:e]])
                end = e
        # a mention across two lines of the transcript is not highlighted
        expected = [m for m in expected if any(a <= m[0] and m[1] <= b for a, b in segs)]
        page = opened(out / "transcripts" / f"{t.id}.html").ready()
        assert page.js(SPANS) == expected
        assert len(expected) >= 0.95 * len(found)
        recording = t.meta.url or "none:"
        assert page.js(LINKS_OK, recording.split("?")[0]) == []
        page.check_clean()
