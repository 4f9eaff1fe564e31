"""End-to-end build through the real CLI and the real spaCy model: outputs, the
determinism of every output file, bad input handled file by file, atomic outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS
from rdflib import Graph

from kg.cli import main

GRAPH_FILES = ("graph.ttl", "graph.trig", "graph.nt", "graph.nq", "graph.json", "graph.html")


def test_seeds_build_writes_every_output(seeds_build):
    out = seeds_build.outputs_dir
    for name in (*GRAPH_FILES, "build.json", "store"):
        assert (out / name).exists(), name
    report = json.loads((out / "build.json").read_text())
    assert [i["id"] for i in report["inputs"]] == ["000_d7e5a9d90b8e53ea", "001_e3e5ae1872f45ed1"]
    assert all(len(i["sha256"]) == 64 for i in report["inputs"])
    counts = report["counts"]
    assert counts["entities"] > 20 and counts["relations"] > 20
    assert set(report["timings_s"]) >= {"ingest", "nlp+extract", "resolve", "rdf", "write"}
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert len(g) == counts["triples"]


def test_cli_build_and_determinism(tmp_path, capsys):
    first, second = tmp_path / "a", tmp_path / "b"
    assert main(["build", str(SEEDS), "-o", str(first), "--quiet"]) == 0
    assert main(["build", str(SEEDS), "-o", str(second), "--quiet"]) == 0
    assert capsys.readouterr().out == ""
    for name in GRAPH_FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), (
            f"{name} differs between runs"
        )
    a = json.loads((first / "build.json").read_text())
    b = json.loads((second / "build.json").read_text())
    a.pop("timings_s"), b.pop("timings_s")
    assert a == b


def _write_bad_inputs(folder: Path) -> dict[str, str]:
    """Bad files and the word their error message must contain."""
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary\x00data" * 10)
    (folder / "latin1.txt").write_bytes("caf\xe9 au lait is not utf-8 ".encode("latin-1") * 3)
    (folder / "badtime.txt").write_text(
        "[00:00:00.000 --> 00:00:02.000]  Geoffrey Hinton works at Google.\n"
        "[00:00:0x.000 --> 00:00:04.000]  broken line\n"
    )
    return {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "latin1.txt": "UTF-8",
        "badtime.txt": ":2",
    }


def test_bad_files_are_reported_and_good_ones_built(tmp_path, capsys):
    inputs = tmp_path / "in"
    expected = _write_bad_inputs(inputs)
    (inputs / "good.txt").write_text(
        "Yann LeCun is the chief AI scientist at Meta. He built convolutional networks.\n"
    )
    (inputs / "crlf.txt").write_bytes(
        b"Demis Hassabis founded DeepMind.\r\nDeepMind is part of Google.\r\n"
    )
    (inputs / "utf16.txt").write_bytes("Andrej Karpathy worked at Tesla.\n".encode("utf-16"))
    out = tmp_path / "out"
    code = main(["build", str(inputs), "-o", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    for name, word in expected.items():
        lines = [line for line in err.splitlines() if name in line]
        assert len(lines) == 1, (name, err)
        assert word.lower() in lines[0].lower(), lines[0]
    assert "Traceback" not in err
    report = json.loads((out / "build.json").read_text())
    assert sorted(i["id"] for i in report["inputs"]) == ["crlf", "good", "utf16"]


def test_strict_stops_at_first_bad_file(tmp_path, capsys):
    inputs = tmp_path / "in"
    _write_bad_inputs(inputs)
    (inputs / "good.txt").write_text("Yann LeCun works at Meta.\n")
    assert main(["build", str(inputs), "-o", str(tmp_path / "out"), "--strict", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("error:") == 1 and "Traceback" not in err
    assert not (tmp_path / "out" / "build.json").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "does/not/exist.txt"], "does/not/exist.txt"),
        (["build", str(SEEDS), "--format", "docx"], "docx"),
    ],
)
def test_bad_arguments_get_one_line_errors(tmp_path, capsys, args, message):
    code = main([*args, "-o", str(tmp_path / "out"), "--quiet"])
    err = capsys.readouterr().err
    assert code != 0
    assert message in err and "Traceback" not in err


def test_failed_build_leaves_previous_outputs_intact(tmp_path, monkeypatch):
    out = tmp_path / "out"
    good = tmp_path / "good.txt"
    good.write_text("Yann LeCun is the chief AI scientist at Meta.\n")
    assert main(["build", str(good), "-o", str(out), "--quiet"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    def explode(*args, **kwargs):
        raise RuntimeError("disk full while rendering")

    import kg.viz

    monkeypatch.setattr(kg.viz, "render_site", explode)
    other = tmp_path / "other.txt"
    other.write_text("Demis Hassabis founded DeepMind.\n")
    assert main(["build", str(other), "-o", str(out), "--quiet"]) == 2  # one line, no traceback
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before
    assert not [p for p in out.iterdir() if p.name.startswith(".staging")]


def test_failed_turtle_writer_is_a_one_line_error_and_keeps_outputs(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    good = tmp_path / "good.txt"
    good.write_text("Yann LeCun is the chief AI scientist at Meta.\n")
    assert main(["build", str(good), "-o", str(out), "--quiet"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    import kg.rdf

    # the child process that writes graph.ttl and graph.trig fails
    monkeypatch.setattr(kg.rdf, "_SERIALISER", "raise SystemExit('no space left on device')")
    capsys.readouterr()
    assert main(["build", str(good), "-o", str(out), "--quiet", "--no-cache"]) != 0
    err = capsys.readouterr().err
    assert "graph.ttl and graph.trig" in err and "no space left" in err
    assert "Traceback" not in err
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before
    assert not [p for p in out.iterdir() if p.name.startswith(".staging")]
