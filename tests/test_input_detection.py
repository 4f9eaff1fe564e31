"""Input detection that does not lose data: a sidecar passed as an input stands for its
transcript, a short file of ``Name:`` turns keeps its speakers, and a guess that leaves
speakers or times out says so in one line (``--format`` overrides)."""

from __future__ import annotations

import shutil

import pytest
from conftest import SEEDS

from kg.cli import main
from kg.errors import InputError
from kg.ingest import discover_inputs, format_note, read_transcript

TWO_TURNS = (
    "Host: welcome to the show, today we talk about OpenAI.\n"
    "Sam Altman: thanks for having me, I run OpenAI.\n"
)


def test_two_turns_are_read_as_speakers(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text(TWO_TURNS, encoding="utf-8")
    transcript = read_transcript(path)
    assert transcript.format == "speaker"
    assert [s.speaker for s in transcript.segments] == ["Host (short)", "Sam Altman"]
    assert format_note(transcript) is None


def test_a_sentence_starting_with_a_label_stays_plain(tmp_path):
    """One 'Note:' line among running text is text, not a turn (and is stated)."""
    path = tmp_path / "talk.txt"
    path.write_text(
        "so we started the lab in a garage\n"
        "Note: the garage was in Palo Alto\n"
        "and then we raised money\n",
        encoding="utf-8",
    )
    transcript = read_transcript(path)
    assert transcript.format == "plain"
    note = format_note(transcript)
    assert note == (
        f"{path}: read as plain text: 1 line(s) starting like 'Name:' were not read as "
        "speaker turns (pass --format speaker if they are)"
    )


def test_forced_format_reads_a_single_turn(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Sam Altman: I run OpenAI.\n", encoding="utf-8")
    assert read_transcript(path).format == "plain"
    forced = read_transcript(path, "speaker")
    assert [s.speaker for s in forced.segments] == ["Sam Altman"]
    assert format_note(forced) is None


def test_timestamps_left_in_plain_text_are_stated(tmp_path):
    path = tmp_path / "mixed.txt"
    lines = [f"we talked about scaling for a while, part {i}" for i in range(6)]
    lines.insert(2, "[00:01:02.000 --> 00:01:05.000] and then compute")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    transcript = read_transcript(path)
    assert transcript.format == "plain"
    assert "1 timestamp line(s) were not read as times" in format_note(transcript)
    assert "--format whisper, srt or vtt" in format_note(transcript)


def test_seeds_get_no_note():
    for path in discover_inputs([SEEDS]):
        assert format_note(read_transcript(path)) is None


def test_sidecar_passed_explicitly_stands_for_its_transcript():
    files = sorted(SEEDS.iterdir())
    assert any(f.name.endswith(".meta.json") for f in files)
    found = discover_inputs(files)
    assert [p.name for p in found] == [
        "000_d7e5a9d90b8e53ea.txt",
        "001_e3e5ae1872f45ed1.txt",
    ]
    only_sidecar = discover_inputs([SEEDS / "001_e3e5ae1872f45ed1.meta.json"])
    assert only_sidecar == [SEEDS / "001_e3e5ae1872f45ed1.txt"]


def test_sidecar_without_transcript_is_one_line(tmp_path):
    sidecar = tmp_path / "lonely.meta.json"
    sidecar.write_text('{"title": "x"}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        discover_inputs([sidecar])
    message = str(caught.value)
    assert message.startswith(f"{sidecar}: a metadata sidecar, and no transcript lonely.* ")
    assert "\n" not in message
    with pytest.raises(InputError, match="a metadata sidecar, not a transcript"):
        read_transcript(sidecar)


def test_build_of_every_seed_file_and_its_note(tmp_path, capsys):
    """`kg build seeds/*` (sidecars included) builds both transcripts without an error;
    a plain file with a lost label gets its note on stderr, once, in one line."""
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    (inputs / "notes.txt").write_text(
        "we met at the conference and talked\nNote: about neural networks\nfor hours\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    status = main(["build", *map(str, sorted(inputs.iterdir())), "-o", str(out)])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert "built 3 transcript(s)" in captured.out
    notes = [line for line in captured.err.splitlines() if line.startswith("note: ")]
    assert notes == [
        f"note: {inputs / 'notes.txt'}: read as plain text: 1 line(s) starting like 'Name:' "
        "were not read as speaker turns (pass --format speaker if they are)"
    ]
    assert "error" not in captured.err
