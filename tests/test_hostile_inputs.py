"""No input brings a build down: every bad file is one line naming it, and the others
are built. Damaged outputs, a full disk and hostile labels get one line too, never a
traceback; terminal output escapes control characters; CSV for people is
spreadsheet-safe."""

from __future__ import annotations

import errno
import json
import os
import pickle
import shutil
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import main
from kg.errors import InputError
from kg.files import current_build
from kg.ingest import FORMATS, MAX_WORD_CHARS, load_meta, read_transcript

GOOD = "Yann LeCun is the chief AI scientist at Meta.\n"


def _one_error_line(err: str, needle: str) -> None:
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert any(needle in line for line in lines), err
    assert "Traceback" not in err


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "in" / "good.txt"
    path.parent.mkdir()
    path.write_text(GOOD)
    return path


@pytest.mark.parametrize(
    "name, content, needle",
    [
        ("surrogate.json", '{"segments": [{"text": "hi \\ud800 there"}]}', "lone surrogate"),
        ("giant.txt", "hello " + "x" * 1_200_000 + " bye\n", "characters without a space"),
    ],
)
def test_bad_content_is_one_line_and_the_rest_is_built(
    tmp_path, good, capsys, name, content, needle
):
    (good.parent / name).write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(good.parent), "-o", str(out), "-q"]) == 1
    _one_error_line(capsys.readouterr().err, needle)
    assert [t["id"] for t in json.loads((out / "build.json").read_text())["inputs"]] == ["good"]


def test_surrogate_in_a_sidecar_title(tmp_path, good, capsys):
    other = good.parent / "other.txt"
    other.write_text("Demis Hassabis founded DeepMind.\n")
    (good.parent / "other.meta.json").write_text('{"title": "x \\udc00"}')
    assert main(["build", str(good.parent), "-o", str(tmp_path / "out"), "-q"]) == 1
    _one_error_line(capsys.readouterr().err, "other.meta.json: title holds a lone surrogate")


def test_fifo_and_device_are_refused_without_blocking(tmp_path, good, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would block forever
    out = tmp_path / "out"
    code = main(["build", str(good), str(fifo), "/dev/zero", "-o", str(out), "-q"])
    err = capsys.readouterr().err
    assert code == 1
    _one_error_line(err, "pipe.txt: is a FIFO (named pipe), not a transcript file")
    _one_error_line(err, "/dev/zero: is a device, not a transcript file")


def test_a_fifo_inside_an_input_folder_is_one_line_too(tmp_path, good, capsys):
    os.mkfifo(good.parent / "pipe.txt")
    os.symlink(tmp_path / "gone.txt", good.parent / "dangling.txt")
    out = tmp_path / "out"
    assert main(["build", str(good.parent), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    _one_error_line(err, "pipe.txt: is a FIFO (named pipe), not a transcript file")
    _one_error_line(err, "dangling.txt")
    assert [t["id"] for t in json.loads((out / "build.json").read_text())["inputs"]] == ["good"]


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    import kg.ingest

    monkeypatch.setattr(kg.ingest, "MAX_INPUT_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    with pytest.raises(InputError, match="5,000 bytes is larger than the limit of 1,000"):
        read_transcript(big)


def test_outputs_folder_given_as_input(tmp_path, good, capsys):
    out = tmp_path / "out"
    assert main(["build", str(good), "-o", str(out), "-q"]) == 0
    before = (out / "graph.json").read_bytes()
    assert main(["build", str(out), "-o", str(out), "-q"]) == 2  # nothing left to build
    _one_error_line(capsys.readouterr().err, "is inside the outputs folder")
    assert (out / "graph.json").read_bytes() == before


def test_control_characters_in_names_are_escaped_on_the_terminal(tmp_path, capsys):
    bad = tmp_path / "evil\x1b[31m\nerror: forged\u202e.txt"
    bad.write_bytes(b"")
    assert main(["build", str(bad), "-o", str(tmp_path / "out"), "-q"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err
    assert err.count("\n") == 2  # the bad file's line and the summary: nothing forged
    assert "evil\\x1b[31m\\nerror: forged\\u202e.txt: empty file" in err


# -- property-based: every reader, hostile content ------------------------------------

_PIECES = st.sampled_from(
    [
        "[00:01:02.500 --> 00:01:05.000] ",
        "00:00:01,000 --> 00:00:02,000\n",
        "WEBVTT\n\n",
        "<v Speaker>",
        "SPEAKER_00: ",
        "[(00:01:02)](https://x.y/?t=62) ",
        '{"segments": [{"start": 0, "end": 1, "text": "',
        '"}]}',
        "\n\n",
        "-->",
        "\ufeff",
        "\r\n",
        "\x00",
        "\x1b[2J",
        "\u202e",
        "Dario Amodei works at Anthropic. ",
        "x" * (MAX_WORD_CHARS + 5),
    ]
)
_HOSTILE = st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=30).map("".join)


@settings(
    max_examples=150,
    deadline=2000,  # no hang
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=_HOSTILE,
    fmt=st.sampled_from((None, *FORMATS)),
    encoding=st.sampled_from(("utf-8", "utf-16")),
)
def test_every_reader_survives_hostile_content(tmp_path, text, fmt, encoding):
    path = tmp_path / "t.txt"
    path.write_bytes(text.encode(encoding, "surrogatepass"))
    tracemalloc.start()
    try:
        transcript = read_transcript(path, fmt)
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert transcript.text  # what was read can be written as UTF-8
        transcript.text.encode("utf-8")
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peak < 2_000_000 + 200 * len(text)  # bounded by the input, not runaway


@settings(
    max_examples=100, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    doc=st.recursive(
        st.none() | st.booleans() | st.floats() | st.text(),
        lambda c: st.lists(c) | st.dictionaries(st.text(), c),
        max_leaves=20,
    )
)
def test_sidecar_reader_survives_any_json(tmp_path, doc):
    (tmp_path / "t.txt").write_text(GOOD)
    (tmp_path / "t.meta.json").write_text(json.dumps(doc), encoding="utf-8", errors="surrogatepass")
    try:
        load_meta(tmp_path / "t.txt")
    except InputError as error:
        assert "\n" not in str(error)


# -- damaged outputs, full disk, planted cache ------------------------------------------


@pytest.fixture
def built(tmp_path, good):
    out = tmp_path / "out"
    assert main(["build", str(good), "-o", str(out), "-q"]) == 0
    return out


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # truncated
        lambda text: "[" * 100_000,  # recursion
        lambda text: json.dumps({"transcripts": 5}),  # wrong types
        lambda text: text.replace('"id":"good"', '"id":"../../x"', 1),  # path traversal
    ],
)
def test_damaged_graph_json_is_one_line(built, capsys, damage):
    path = current_build(built) / "graph.json"
    text = path.read_text()
    assert damage(text) != text
    path.write_text(damage(text))
    for command in (["entities", "-o"], ["render", "-o"], ["export", "graphml", "--outputs"]):
        assert main([*command, str(built)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"error: {built}/graph.json: damaged") and err.count("\n") == 1
    assert not (built.parent / "x.html").exists() and not (built.parent.parent / "x.html").exists()


def test_damaged_store_is_one_line(built, capsys):
    store = current_build(built) / "store"
    for f in store.iterdir():
        if f.is_file():
            f.write_bytes(b"\x00garbage" * 100)
    assert main(["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "-o", str(built)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err


def test_full_disk_is_one_line_and_keeps_outputs(built, good, capsys, monkeypatch):
    import kg.build

    before = (built / "graph.json").read_bytes()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "graph.nq")

    monkeypatch.setattr(kg.build, "write_rdf", full)
    assert main(["build", str(good), "-o", str(built), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no space left on the device" in err
    assert (built / "graph.json").read_bytes() == before
    assert len(list((built / ".builds").iterdir())) == 1


class _Boom:
    def __reduce__(self):
        return (os.system, ("touch PWNED",))


def test_planted_cache_entry_runs_no_code(built, good, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    entries = list((built / ".cache").rglob("*.pickle"))
    assert entries
    for entry in entries:
        entry.write_bytes(pickle.dumps(_Boom()))
    assert main(["build", str(good), "-o", str(built), "-q"]) == 0
    assert not (tmp_path / "PWNED").exists()


def test_spreadsheet_safe_csv_by_default_exact_on_request(built, capsys, tmp_path):
    from kg.graph import load_graph

    path = current_build(built) / "graph.json"
    data = json.loads(path.read_text())
    data["entities"][0]["label"] = '=HYPERLINK("http://evil/")'
    path.write_text(json.dumps(data))
    label = load_graph(built).entities[0].label
    assert label.startswith("=")
    assert main(["entities", "--format", "csv", "-o", str(built)]) == 0
    assert "'=HYPERLINK" in capsys.readouterr().out
    assert main(["entities", "--format", "csv", "--exact-csv", "-o", str(built)]) == 0
    out = capsys.readouterr().out
    assert '"=HYPERLINK(""http://evil/"")"' in out and "'=" not in out
    q = 'SELECT ?x WHERE { VALUES ?x { "=1+1" "-2" "@a" "ok" } }'
    assert main(["query", q, "--format", "csv", "-o", str(built)]) == 0
    assert capsys.readouterr().out.split() == ["x", "'=1+1", "'-2", "'@a", "ok"]
    assert main(["query", q, "--format", "csv", "--exact-csv", "-o", str(built)]) == 0
    assert capsys.readouterr().out.split() == ["x", "=1+1", "-2", "@a", "ok"]
    q = 'SELECT ?x WHERE { BIND("a\\u001b[2Jb\\nc" AS ?x) }'
    assert main(["query", q, "-o", str(built)]) == 0
    table = capsys.readouterr().out
    assert "\x1b" not in table and "a\\x1b[2Jb c" in table
    shutil.rmtree(tmp_path / "in")
