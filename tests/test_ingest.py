"""Tests for kg.ingest: every format on real transcripts and small fixtures, the
sidecar metadata, input discovery, and one-line InputErrors for bad input."""

from __future__ import annotations

import hashlib
import os
import random
import re
import unicodedata
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import (
    FORMATS,
    detect_format,
    discover_inputs,
    is_generic_speaker,
    load_meta,
    read_transcript,
    sidecar_path,
    transcript_id,
)
from kg.model import Speaker, Transcript, TranscriptMeta

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data" / "ingest"
SEED_000 = SEEDS / "000_d7e5a9d90b8e53ea.txt"
SEED_001 = SEEDS / "001_e3e5ae1872f45ed1.txt"


def _corpus_dir() -> Path | None:
    """The shared corpus: ../shared/corpus next to the repo, else $KG_SHARED_DIR(/corpus)."""
    candidates = [Path(__file__).resolve().parents[2] / "shared" / "corpus"]
    env = os.environ.get("KG_SHARED_DIR")
    if env:
        candidates += [Path(env) / "corpus", Path(env)]
    for candidate in candidates:
        if (candidate / "lex_yoshua_bengio_autocaptions.srt").is_file():
            return candidate
    return None


CORPUS = _corpus_dir()
needs_corpus = pytest.mark.skipif(
    CORPUS is None,
    reason="shared corpus not found (expected ../shared/corpus beside the repo or $KG_SHARED_DIR)",
)


def corpus(name: str) -> Path:
    assert CORPUS is not None
    return CORPUS / name


def check_offsets(t: Transcript) -> None:
    """The Transcript/Segment contract every format must keep."""
    assert t.segments, "no segments"
    assert t.text == "\n".join(t.segment_text(s) for s in t.segments)
    previous_end = -1
    for i, seg in enumerate(t.segments):
        text = t.segment_text(seg)
        assert seg.index == i
        assert seg.char_start > previous_end, "segments overlap or are out of order"
        assert seg.char_start < seg.char_end
        assert text == text.strip() and text, "empty or unstripped segment"
        assert "\n" not in text and "  " not in text and "\t" not in text
        assert unicodedata.is_normalized("NFC", text)
        assert t.segment_at(seg.char_start) is seg
        if seg.start is not None:
            assert seg.start >= 0
            if seg.end is not None:
                assert seg.end >= seg.start
        previous_end = seg.char_end


def texts(t: Transcript) -> list[str]:
    return [t.segment_text(s) for s in t.segments]


def hms(value: str) -> float:
    parts = [float(p.replace(",", ".")) for p in value.split(":")]
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + part
    return round(seconds, 3)


# --------------------------------------------------------------------------- the seeds


def test_seed_000_one_long_plain_line():
    raw = SEED_000.read_bytes()
    t = read_transcript(SEED_000)
    check_offsets(t)
    assert t.format == "plain"
    assert t.id == "000_d7e5a9d90b8e53ea"
    assert t.path == str(SEED_000)
    assert t.sha256 == hashlib.sha256(raw).hexdigest()
    assert len(t.segments) == 1  # the 20k-character line stays one segment
    assert len(t.text) > 19000
    assert t.text.split() == raw.decode("utf-8").split()
    assert t.segments[0].start is None and t.segments[0].speaker is None
    assert t.segments[0].line == 1
    assert t.text.startswith("hello everyone um I have the great honor")


def test_seed_000_sidecar():
    meta = read_transcript(SEED_000).meta
    assert "Ilya Sutskever" in meta.title
    assert meta.date == "2023"
    assert meta.source == "seed transcript"
    assert meta.url is None
    assert meta.speakers == (Speaker("Ilya Sutskever", "guest"),)


def test_seed_001_whisper_hms():
    t = read_transcript(SEED_001)
    check_offsets(t)
    assert t.format == "whisper"
    assert t.id == "001_e3e5ae1872f45ed1"
    lines = [
        (n, m)
        for n, line in enumerate(SEED_001.read_text().split("\n"), 1)
        if (m := re.match(r"\[(\S+) --> (\S+)\]\s+(.*)$", line))
    ]
    assert len(t.segments) == len(lines) == 152
    for seg, (n, m) in zip(t.segments, lines, strict=True):
        assert seg.line == n
        assert (seg.start, seg.end) == (hms(m[1]), hms(m[2]))
        assert t.segment_text(seg) == " ".join(m[3].split())
    assert (t.segments[0].start, t.segments[0].end) == (0.0, 3.58)
    assert t.segments[-1].end == 8 * 60 + 17.66
    assert t.segments[-1].speaker is None


def test_seed_001_sidecar():
    meta = read_transcript(SEED_001).meta
    assert "Dario Amodei" in meta.title and "Dwarkesh" in meta.title
    assert meta.date == "2023"
    assert set(meta.speakers) == {
        Speaker("Dario Amodei", "guest"),
        Speaker("Dwarkesh Patel", "host"),
    }


def test_seeds_directory_discovery_skips_sidecars():
    assert discover_inputs([SEEDS]) == [SEED_000, SEED_001]


# --------------------------------------------------------------------------- the shared corpus


@needs_corpus
def test_standup_whisper_seconds():
    path = corpus("standup_what_is_an_ai_agent_whisper.txt")
    t = read_transcript(path)
    check_offsets(t)
    assert t.format == "whisper"
    lines = [line for line in path.read_text().split("\n") if line.strip()]
    assert len(t.segments) == len(lines) == 886
    spoken = [line.split("]", 1)[1] for line in lines]
    assert t.word_count == sum(len(s.split()) for s in spoken)
    assert (t.segments[0].start, t.segments[0].end) == (0.0, 2.72)
    assert (t.segments[-1].start, t.segments[-1].end) == (2411.94, 2413.88)
    assert texts(t)[0] == "Guys, have you guys checked out the hottest new site, Balls.yoga?"
    assert t.id == "standup_what_is_an_ai_agent_whisper"


def _rolling_reference(path: Path) -> list[str]:
    """What was said in a YouTube rolling SRT, computed independently: the last line of
    every two-line cue, plus single-line cues that start a fresh block."""
    raw = path.read_text().replace("\r", "")
    said: list[str] = []
    for block in re.split(r"\n(?=\d+\n\d\d:)", raw.strip()):
        lines = [line.strip() for line in block.split("\n")[2:] if line.strip()]
        if len(lines) >= 2:
            said.append(lines[-1])
        elif len(lines) == 1 and (not said or lines[0] != said[-1]):
            said.append(lines[0])
    return " ".join(said).split()


@needs_corpus
def test_bengio_rolling_autocaptions_read_once():
    path = corpus("lex_yoshua_bengio_autocaptions.srt")
    t = read_transcript(path)
    check_offsets(t)
    assert t.format == "srt"
    opening = "what difference between biological neural networks and artificial neural networks"
    assert t.text.replace("\n", " ").startswith(opening)
    assert t.text.replace("\n", " ").count(opening) == 1
    assert t.text.split() == _rolling_reference(path)
    # Each caption line is in the raw file three times (new, 10 ms echo, carried over).
    raw_words = sum(
        len(line.split())
        for line in path.read_text().replace("\r", "").split("\n")
        if line.strip() and not line.strip().isdigit() and "-->" not in line
    )
    assert 5500 < t.word_count < 7000
    assert abs(raw_words / t.word_count - 3) < 0.05
    segs = texts(t)
    assert all(a != b for a, b in zip(segs, segs[1:], strict=False))
    assert all(not b.startswith(a) for a, b in zip(segs, segs[1:], strict=False))
    assert t.segments[0].start == 0.0 and t.segments[0].end == 2.0
    assert t.segments[1].start == 2.01  # the cue whose new words they are
    assert t.segments[-1].end == 42 * 60 + 7.81
    assert segs[-1] == "you" and segs[-2] == "my pleasure"


@needs_corpus
def test_lex_speaker_labels_and_links():
    path = corpus("lex419_sam_altman_speakerlabels.txt")
    t = read_transcript(path)
    check_offsets(t)
    assert t.format == "speaker"
    link_lines = [
        line
        for line in path.read_text().split("\n")
        if re.match(r"^(?:(?:Lex Fridman|Sam Altman) )?\[\(\d\d:\d\d:\d\d\)\]", line)
    ]
    assert len(t.segments) == len(link_lines) == 499
    assert {s.speaker for s in t.segments} == {"Lex Fridman", "Sam Altman"}
    for noise in ("Skip to content", "MENUMENU", "Table of Contents", "Proudly powered"):
        assert noise not in t.text
    assert "](" not in t.text and "[(" not in t.text and "#" not in t.text
    first, second, third = t.segments[:3]
    assert (first.speaker, first.start, first.end) == ("Sam Altman", 0.0, 26.0)
    assert t.segment_text(first).startswith("I think compute is going to be the currency")
    assert (second.speaker, second.start) == ("Lex Fridman", 26.0)
    # A paragraph that starts with a bare time link keeps the previous speaker.
    assert (third.speaker, third.start, third.end) == ("Lex Fridman", 36.0, 65.0)
    assert t.segment_text(third).startswith("The following is a conversation with Sam Altman")
    # end = next start; the page once goes back in time (01:27:02 then 01:27:00): no end.
    backwards = 0
    for seg, following in zip(t.segments, t.segments[1:], strict=False):
        if following.start >= seg.start:
            assert seg.end == following.start
        else:
            assert seg.end is None
            backwards += 1
    assert backwards == 1
    assert t.segments[-1].start == 6878.0 and t.segments[-1].end is None
    assert t.segment_text(t.segments[-1]).endswith("hope to see you next time.")
    assert t.meta.url == "https://youtube.com/watch?v=jvqFAi7vkBc"
    assert 18000 < t.word_count < 20000


# --------------------------------------------------------------------------- fixtures, per format


def test_plain_paragraphs():
    t = read_transcript(DATA / "plain_paragraphs.txt")
    check_offsets(t)
    assert t.format == "plain"
    assert texts(t) == [
        "The first paragraph is wrapped over two lines.",
        "The second paragraph has odd spacing.",
        "Third paragraph after two blank lines.",
    ]
    assert [s.line for s in t.segments] == [1, 4, 7]
    assert t.meta == TranscriptMeta()


def test_plain_lines_without_blank_lines():
    t = read_transcript(DATA / "plain_lines.txt")
    check_offsets(t)
    assert texts(t) == ["one line per utterance", "another line", "and a third"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "whisper_hms.txt",
            [(0.0, 3.58, 1), (3.58, 7.14, 2), (3723.5, 3724.25, 4)],
        ),
        ("whisper_seconds.txt", [(0.0, 2.72, 1), (4.22, 4.66, 2), (3600.5, 3602.0, 3)]),
        ("whisper_mmss.txt", [(0.0, 2.5, 1), (2.5, 65.0, 2)]),
    ],
)
def test_whisper_time_styles(name, expected):
    t = read_transcript(DATA / name)
    check_offsets(t)
    assert t.format == "whisper"
    assert [(s.start, s.end, s.line) for s in t.segments] == expected  # empty cue dropped


def test_srt_ordinary_is_not_deduplicated():
    t = read_transcript(DATA / "basic.srt")
    check_offsets(t)
    assert t.format == "srt"
    assert texts(t) == [
        "Hello there, I think that",
        "that is a two-line cue & more.",  # the repeated "that" is kept: no rolling
        "Top of the screen.",
    ]
    assert [(s.start, s.end, s.line) for s in t.segments] == [
        (1.0, 2.5, 3),
        (2.5, 4.0, 7),
        (4.0, 5.0, 12),
    ]


def test_srt_rolling_small():
    t = read_transcript(DATA / "rolling.srt")
    check_offsets(t)
    assert texts(t) == [
        "what difference between biological",
        "neural networks and artificial neural",
        "networks is most mysterious captivating",
        "and profound for you",
        "you",  # after a blank cue the captions start afresh
    ]
    assert [s.start for s in t.segments] == [0.0, 2.01, 3.659, 6.899, 11.87]
    assert [s.end for s in t.segments] == [2.0, 3.649, 6.889, 11.86, 13.0]


def test_vtt_header_notes_styles_settings_and_tags():
    t = read_transcript(DATA / "basic.vtt")
    check_offsets(t)
    assert t.format == "vtt"
    assert texts(t) == [
        "Welcome to the show & thanks.",
        "Second cue with a timestamp tag.",
        "An hour in.",
    ]
    assert [(s.start, s.end) for s in t.segments] == [(1.0, 4.0), (4.0, 6.5), (3600.0, 3602.0)]
    for word in ("comment", "yellow", "intro", "Kind", "WEBVTT"):
        assert word not in t.text


def test_vtt_minutes_seconds():
    t = read_transcript(DATA / "mmss.vtt")
    check_offsets(t)
    assert [(s.start, s.end) for s in t.segments] == [(1.0, 4.25), (70.5, 120.0)]


def test_vtt_voice_tags_become_speakers():
    t = read_transcript(DATA / "voices.vtt")
    check_offsets(t)
    assert [(s.speaker, t.segment_text(s)) for s in t.segments] == [
        ("Lex Fridman", "What is intelligence?"),
        ("Yoshua Bengio", "That is a hard question."),
        ("Lex Fridman", "Go on."),
        ("Yoshua Bengio", "Well."),
    ]
    assert t.segments[3].start == 5.0 and t.segments[3].line == 11


def test_vtt_rolling_youtube_style():
    t = read_transcript(DATA / "rolling.vtt")
    check_offsets(t)
    assert texts(t) == [
        "what difference between",
        "biological neural networks",
        "and artificial ones",
    ]
    assert [s.start for s in t.segments] == [0.0, 2.01, 4.01]


def test_speaker_name_labels():
    t = read_transcript(DATA / "speaker_labels.txt")
    check_offsets(t)
    assert t.format == "speaker"
    assert [(s.speaker, t.segment_text(s)) for s in t.segments] == [
        (None, "Interview transcript"),
        ("Alice Smith", "Welcome to the show. It is good to have you."),
        ("Bob", "Thanks for having me."),
        ("Bob", "I mean it, truly."),
        ("Alice Smith", "Let's start."),
        ("Bob", "With a timestamp prefix."),
        ("Carol de la Cruz", "And a suffix time."),
    ]
    assert [(s.start, s.end) for s in t.segments[-2:]] == [(310.0, 3723.0), (3723.0, None)]


def test_speaker_linked_page_style_drops_noise():
    t = read_transcript(DATA / "speaker_links.txt")
    check_offsets(t)
    assert t.format == "speaker"
    assert [(s.speaker, s.start, s.end, t.segment_text(s)) for s in t.segments] == [
        ("Host Person", 0.0, 26.0, "Welcome to the show, this line is hard wrapped."),
        ("Guest Person", 26.0, 65.0, "Thank you for having me."),
        ("Guest Person", 65.0, 3723.0, "The guest keeps talking in a continuation paragraph."),
        ("Host Person", 3723.0, None, "Last question, see this page for more."),
    ]
    assert t.meta.url == "https://youtube.com/watch?v=abc123"


def test_speaker_link_url_from_sidecar_wins(tmp_path):
    path = tmp_path / "talk.txt"
    path.write_bytes((DATA / "speaker_links.txt").read_bytes())
    (tmp_path / "talk.meta.json").write_text('{"url": "https://example.org/talk"}')
    assert read_transcript(path).meta.url == "https://example.org/talk"


def test_whisper_json():
    t = read_transcript(DATA / "whisper.json")
    check_offsets(t)
    assert t.format == "whisper-json"
    assert [(s.start, s.end, s.speaker, t.segment_text(s)) for s in t.segments] == [
        (0.0, 2.5, None, "Hello world."),
        # NFC-normalised, blank one dropped; a diarization label is scoped to its transcript
        (4.0, 7.25, f"SPEAKER_01 ({t.id})", "Caf\u00e9 time."),
    ]


def test_labels_in_timed_cues(tmp_path):
    path = tmp_path / "labels.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nJOHN: Hi.\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\nMARY: Hello.\n\n"
        "3\n00:00:03,000 --> 00:00:04,000\nstill Mary talking\n\n"
        "4\n00:00:04,000 --> 00:00:05,000\n>> JOHN: Bye.\n\n"
        "5\n00:00:05,000 --> 00:00:06,000\nMARY: Note: not a speaker.\n"
    )
    t = read_transcript(path)
    check_offsets(t)
    assert [(s.speaker, t.segment_text(s)) for s in t.segments] == [
        ("JOHN", "Hi."),
        ("MARY", "Hello."),
        ("MARY", "still Mary talking"),
        ("JOHN", "Bye."),
        ("MARY", "Note: not a speaker."),
    ]


def test_single_colon_sentence_is_not_a_speaker(tmp_path):
    path = tmp_path / "w.txt"
    path.write_text("[0.0 --> 1.0]  Note: this is just text.\n[1.0 --> 2.0]  More text.\n")
    t = read_transcript(path)
    assert t.segments[0].speaker is None
    assert texts(t)[0] == "Note: this is just text."


# --------------------------------------------------------------------------- encodings, line ends


def test_crlf_fixture_matches_lf():
    raw = (DATA / "crlf.txt").read_bytes()
    assert b"\r\n" in raw, "the CRLF fixture lost its line ends (git autocrlf?)"
    t = read_transcript(DATA / "crlf.txt")
    check_offsets(t)
    assert texts(t) == ["Line one. Line two.", "Second paragraph."]
    assert [s.line for s in t.segments] == [1, 4]


@pytest.mark.parametrize("name", ["basic.srt", "basic.vtt", "whisper_hms.txt", "speaker_links.txt"])
@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends(tmp_path, name, ending):
    source = DATA / name
    path = tmp_path / name
    path.write_bytes(source.read_bytes().replace(b"\n", ending.encode()))
    expected, got = read_transcript(source), read_transcript(path)
    assert got.format == expected.format
    assert got.text == expected.text
    assert [(s.start, s.end, s.line, s.speaker) for s in got.segments] == [
        (s.start, s.end, s.line, s.speaker) for s in expected.segments
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path, encoding):
    source = DATA / "basic.vtt"
    text = source.read_text(encoding="utf-8") + "Caf\u00e9 \u2014 na\u00efve\n"
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    path = tmp_path / "utf16.vtt"
    path.write_bytes((bom + text).encode(encoding))
    assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    t = read_transcript(path)
    check_offsets(t)
    assert t.format == "vtt"
    assert texts(t)[-1] == "An hour in. Caf\u00e9 \u2014 na\u00efve"
    assert t.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_utf8_bom():
    assert (DATA / "utf8_bom.vtt").read_bytes().startswith(b"\xef\xbb\xbf")
    t = read_transcript(DATA / "utf8_bom.vtt")
    assert t.format == "vtt"
    assert texts(t) == ["UTF-8 with a byte-order mark."]
    assert "\ufeff" not in t.text


def test_nfc_and_whitespace_normalisation(tmp_path):
    path = tmp_path / "n.txt"
    path.write_text(
        "  Cafe\u0301\u00a0 and\u200b  tea \t here  \n\n\u2003second\n", encoding="utf-8"
    )
    t = read_transcript(path)
    check_offsets(t)
    assert texts(t) == ["Caf\u00e9 and tea here", "second"]


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("plain_paragraphs.txt", "plain"),
        ("whisper_hms.txt", "whisper"),
        ("whisper_seconds.txt", "whisper"),
        ("basic.srt", "srt"),
        ("rolling.srt", "srt"),
        ("basic.vtt", "vtt"),
        ("mmss.vtt", "vtt"),
        ("speaker_labels.txt", "speaker"),
        ("speaker_links.txt", "speaker"),
        ("whisper.json", "whisper-json"),
    ],
)
def test_detect_format_from_content_not_extension(name, fmt):
    text = (DATA / name).read_text(encoding="utf-8-sig")
    assert detect_format(text, str(DATA / name)) == fmt
    assert detect_format(text, "renamed.txt") == fmt
    assert detect_format(text, "no_extension") == fmt


def test_detect_format_extension_breaks_ties():
    cues = "00:01.000 --> 00:02.000\nhello\n\n00:02.000 --> 00:03.000\nworld\n"
    assert detect_format(cues, "x.vtt") == "vtt"
    assert detect_format(cues, "x.srt") == "srt"
    assert detect_format("", "x.json") == "whisper-json"


def test_forced_format_overrides_detection(tmp_path):
    t = read_transcript(DATA / "whisper_seconds.txt", format="plain")
    assert t.format == "plain"
    assert texts(t)[0].startswith("[0.00 --> 2.72] Guys")
    assert read_transcript(DATA / "basic.srt", format="auto").format == "srt"


# --------------------------------------------------------------------------- bad input


def error_of(path: Path | str, fmt: str | None = None) -> InputError:
    with pytest.raises(InputError) as info:
        read_transcript(path, fmt)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message
    return info.value


def test_empty_and_whitespace_only():
    assert error_of(DATA / "empty.txt").reason == "empty file"
    err = error_of(DATA / "whitespace_only.txt")
    assert "empty file" in err.reason and "whitespace" in err.reason


def test_binary_file(tmp_path):
    path = tmp_path / "audio.txt"
    path.write_bytes(b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(range(256)))
    err = error_of(path)
    assert "binary file" in err.reason and "offset 5" in err.reason
    assert err.line == 1


def test_binary_without_nul(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20]) * 10)
    assert "binary file" in error_of(path).reason


def test_utf16_without_bom_is_reported(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("hello world\n".encode("utf-16-le"))
    err = error_of(path)
    assert "binary file" in err.reason and "UTF-16" in err.hint


def test_invalid_utf8_names_offset_and_line(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("first line\nsecond caf\u00e9\n".encode("latin-1"))
    err = error_of(path)
    assert err.line == 2
    assert "invalid UTF-8 at byte offset 21" in err.reason and "0xe9" in err.reason
    assert f"{path}:2: invalid UTF-8" in str(err)


def test_malformed_whisper_timestamp():
    err = error_of(DATA / "bad_timestamp.txt")
    assert err.line == 3
    assert "malformed timestamp '00:00:xx.000'" in err.reason
    assert str(err).startswith(f"{DATA / 'bad_timestamp.txt'}:3: malformed timestamp")


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        ("[0.0 --> 1.0] ok\n[2.0 --> 1.0] backwards\n", 2, "after end time"),
        ("[0.0 --> 1.0] ok\n\n[-1.0 --> 2.0] negative\n", 3, "malformed timestamp line"),
        ("[0.0 --> 1.0] ok\n[00:61:00.000 --> 00:62:00.000] minutes\n", 2, "malformed timestamp"),
        ("[0.0 --> 1.0] ok\n[0.0 --> 1.0 no bracket\n", 2, "malformed timestamp line"),
    ],
)
def test_bad_whisper_lines(tmp_path, content, line, reason):
    path = tmp_path / "bad.txt"
    path.write_text(content)
    err = error_of(path)
    assert err.line == line and reason in err.reason


def test_srt_end_before_start():
    err = error_of(DATA / "bad_order.srt")
    assert err.line == 6 and "start time 5s is after end time 4s" in err.reason


def test_vtt_malformed_time(tmp_path):
    path = tmp_path / "bad.vtt"
    path.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nok\n\n00:01.000 --> 00:0x.000\nbad\n")
    err = error_of(path)
    assert err.line == 6 and "malformed timestamp '00:0x.000'" in err.reason


def test_bad_json():
    err = error_of(DATA / "bad_json.json")
    assert err.line == 4 and "invalid JSON" in err.reason


@pytest.mark.parametrize(
    ("segments", "reason"),
    [
        ('[{"start": -1, "end": 1, "text": "x"}]', "non-negative"),
        ('[{"start": 2, "end": 1, "text": "x"}]', "after end time"),
        ('[{"start": "0", "end": 1, "text": "x"}]', '"start" must be'),
        ('[{"start": 0, "end": 1, "text": 5}]', '"text" must be a string'),
        ('["just text"]', "segments[0] is str"),
        ('{"a": 1}', "segments"),
    ],
)
def test_bad_whisper_json_segments(tmp_path, segments, reason):
    path = tmp_path / "bad.json"
    path.write_text('{"segments": ' + segments + "}")
    assert reason in error_of(path).reason


def test_unknown_format_lists_valid_ones():
    err = error_of(DATA / "basic.srt", "docx")
    assert "unknown format 'docx'" in err.reason
    for fmt in FORMATS:
        assert fmt in err.hint


def test_wrong_forced_format_says_so():
    err = error_of(DATA / "plain_lines.txt", "srt")
    assert "no SRT cues found" in err.reason
    err = error_of(DATA / "plain_lines.txt", "whisper")
    assert "no Whisper timestamp lines" in err.reason


def test_missing_file_and_directory(tmp_path):
    assert error_of(tmp_path / "nope.txt").reason == "no such file or directory"
    err = error_of(tmp_path)
    assert "is a directory" in err.reason


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("text")

    def deny(file, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(file))

    import kg.ingest

    monkeypatch.setattr(kg.ingest.os, "open", deny)  # the reader opens with os.open
    assert "permission denied" in error_of(path).reason


def test_no_text_after_parsing(tmp_path):
    path = tmp_path / "blank.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\n \n")
    assert "no transcript text found" in error_of(path).reason


def test_mutated_inputs_raise_only_input_errors(tmp_path):
    """Random damage to every fixture gives a transcript or an InputError, never a crash."""
    rng = random.Random(1234)
    sources = [p.read_bytes() for p in sorted(DATA.iterdir())]
    alphabet = b'[]()<>:-->0123456789.,\n\r \tWEBVTT{}"NOTE abcXYZ\xff\x00\xef\xbb\xbf'
    for i in range(400):
        data = bytearray(rng.choice(sources))
        for _ in range(rng.randint(1, 6)):
            pos = rng.randint(0, len(data))
            if rng.random() < 0.3 and data:
                del data[min(pos, len(data) - 1)]
            else:
                data[pos:pos] = bytes(rng.choice(alphabet) for _ in range(rng.randint(1, 6)))
        path = tmp_path / f"m{i}{rng.choice(['.txt', '.srt', '.vtt', '.json'])}"
        path.write_bytes(bytes(data))
        for fmt in (None, rng.choice(FORMATS)):
            try:
                t = read_transcript(path, fmt)
            except InputError as err:
                assert "\n" not in str(err)
            else:
                check_offsets(t)


# --------------------------------------------------------------------------- sidecar metadata


def write_pair(tmp_path: Path, sidecar: str) -> Path:
    path = tmp_path / "talk.txt"
    path.write_text("some words\n")
    (tmp_path / "talk.meta.json").write_text(sidecar)
    return path


def test_sidecar_path():
    assert sidecar_path("a/000_x.txt") == Path("a/000_x.meta.json")
    assert sidecar_path("talk.en.srt") == Path("talk.en.meta.json")
    assert sidecar_path("talk.meta.json") == Path("talk.meta.json")


def test_load_meta_full(tmp_path):
    path = write_pair(
        tmp_path,
        """{
          "title": "  A  talk ", "date": "2023-05-01", "url": "https://example.org/v?x=1",
          "source": "podcast", "language": "en-GB", "_comment": "ignored",
          "speakers": [{"name": "Ada Lovelace", "role": "host"}, "Alan Turing", {"name": "X"}]
        }""",
    )
    meta = load_meta(path)
    assert meta == TranscriptMeta(
        title="A talk",
        date="2023-05-01",
        url="https://example.org/v?x=1",
        source="podcast",
        speakers=(Speaker("Ada Lovelace", "host"), Speaker("Alan Turing"), Speaker("X")),
        language="en-GB",
    )
    assert read_transcript(path).meta == meta


def test_load_meta_absent_gives_defaults(tmp_path):
    path = tmp_path / "lonely.txt"
    path.write_text("words")
    assert load_meta(path) == TranscriptMeta()


@pytest.mark.parametrize(
    ("sidecar", "line", "reason"),
    [
        ('{\n  "title": "x",\n  "date": 2023\n}', 3, "field 'date' must be a string, not int"),
        ('{\n  "title": "x"\n  "date": "2023"\n}', 3, "invalid JSON"),
        ('{"titel": "x"}', 1, "unknown field 'titel'"),
        ('{"date": "2023-13-01"}', 1, "not an ISO 8601 date"),
        ('{"date": "May 2023"}', 1, "not an ISO 8601 date"),
        ('{"url": "youtube.com/x"}', 1, "not an http(s) URL"),
        ('{"language": "english language"}', 1, "not a language tag"),
        ('{"speakers": "Ilya"}', 1, "'speakers' must be a list"),
        ('{"speakers": [{"role": "guest"}]}', 1, "speakers[0]: 'name' must be"),
        ('{"speakers": [{"name": "A", "age": 3}]}', 1, "speakers[0]: unknown field 'age'"),
        ('{"speakers": [7]}', 1, "speakers[0] must be an object or a name"),
        ('{"speakers": [{"name": "A", "label": 0}]}', 1, "'label' must be a string"),
        ('{"speakers": [{"name": "A", "labels": "S1"}]}', 1, "'labels' a list of strings"),
        ("[1, 2]", None, "expected a JSON object"),
    ],
)
def test_bad_sidecar(tmp_path, sidecar, line, reason):
    path = write_pair(tmp_path, sidecar)
    with pytest.raises(InputError) as info:
        read_transcript(path)
    err = info.value
    assert err.path == str(tmp_path / "talk.meta.json")
    assert "talk.meta.json" in str(err) and "\n" not in str(err)
    assert reason in err.reason
    assert err.line == line


# --------------------------------------------------------------------------- speaker names

DIARIZED = (
    '{"segments": [{"start": 0, "end": 2, "speaker": "SPEAKER_00", "text": "Welcome back."},'
    ' {"start": 2, "end": 5, "speaker": "SPEAKER_01", "text": "Glad to be here."},'
    ' {"start": 5, "end": 7, "speaker": "SPEAKER_00", "text": "Let us begin."}]}'
)


def _speakers(transcript: Transcript) -> list[str | None]:
    return [seg.speaker for seg in transcript.segments]


def test_generic_speaker_labels_are_scoped_to_their_transcript(tmp_path):
    one, two = tmp_path / "ep1.json", tmp_path / "ep2.json"
    one.write_text(DIARIZED)
    two.write_text(DIARIZED)
    a, b = read_transcript(one), read_transcript(two)
    assert _speakers(a) == [f"SPEAKER_00 ({a.id})", f"SPEAKER_01 ({a.id})", f"SPEAKER_00 ({a.id})"]
    assert set(_speakers(a)).isdisjoint(_speakers(b))


def test_sidecar_labels_and_roles_name_the_speakers(tmp_path):
    path = tmp_path / "ep.json"
    path.write_text(DIARIZED)
    (tmp_path / "ep.meta.json").write_text(
        '{"speakers": [{"name": "Ada Lovelace", "role": "host", "label": "SPEAKER_00"},'
        ' {"name": "Alan Turing", "labels": ["SPEAKER_01", "Turing"]}]}'
    )
    t = read_transcript(path)
    assert _speakers(t) == ["Ada Lovelace", "Alan Turing", "Ada Lovelace"]
    assert t.meta.speakers[1].labels == ("SPEAKER_01", "Turing")

    labelled = tmp_path / "talk.txt"
    labelled.write_text("Host: Hello there.\nGuest: Hi.\nHost: Bye.\nGuest: Bye now.\n")
    (tmp_path / "talk.meta.json").write_text(
        '{"speakers": [{"name": "Ada Lovelace", "role": "interviewer"},'
        ' {"name": "Alan Turing", "role": "guest"}]}'
    )
    assert _speakers(read_transcript(labelled)) == ["Ada Lovelace", "Alan Turing"] * 2


@pytest.mark.parametrize(
    ("label", "generic"),
    [
        ("SPEAKER_00", True),
        ("Speaker 2", True),
        ("Speaker B", True),
        ("Host", True),
        ("Audience Member", True),
        ("Q", True),
        ("Lex Fridman", False),
        ("Hostetler", False),
        ("Speakerman", False),
    ],
)
def test_is_generic_speaker(label, generic):
    assert is_generic_speaker(label) is generic


def test_real_sidecars_are_valid():
    for sidecar in sorted(SEEDS.glob("*.meta.json")):
        meta = load_meta(sidecar)
        assert meta.title and meta.date and meta.source == "seed transcript"
        assert meta.speakers and all(s.role for s in meta.speakers)


# --------------------------------------------------------------------------- discovery, ids


def test_discover_inputs(tmp_path):
    (tmp_path / "b.srt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.meta.json").write_text("{}")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "README").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("x")
    explicit = tmp_path / "notes.md"
    found = discover_inputs([tmp_path, explicit, tmp_path / "a.txt"])
    assert found == [tmp_path / "a.txt", tmp_path / "b.srt", explicit]


def test_discover_inputs_errors(tmp_path):
    with pytest.raises(InputError, match="no such file or directory"):
        discover_inputs([tmp_path / "missing"])
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "README.md").write_text("x")
    with pytest.raises(InputError, match="no transcript files in directory"):
        discover_inputs([empty])


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("seeds/000_d7e5a9d90b8e53ea.txt", "000_d7e5a9d90b8e53ea"),
        ("What even is an AI Agent\uff1f!_transcript.txt", "what-even-is-an-ai-agent-_transcript"),
        ("Caf\u00e9 Talk.en.srt", "cafe-talk-en"),
        ("/x/UPPER.vtt", "upper"),
    ],
)
def test_transcript_id(path, expected):
    assert transcript_id(path) == expected
    assert re.fullmatch(r"[a-z0-9_-]+", transcript_id(path))


def test_transcript_id_without_ascii_is_stable():
    first = transcript_id("\u8a2a\u8ac7.txt")
    assert first == transcript_id("elsewhere/\u8a2a\u8ac7.srt")
    assert re.fullmatch(r"transcript-[0-9a-f]{12}", first)
