"""``--jobs N``: the NLP stage in N processes gives the same bytes as one process."""

from __future__ import annotations

import json
from pathlib import Path

from kg.build import build
from kg.cli import main
from kg.config import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GRAPH_FILES = ("graph.ttl", "graph.trig", "graph.nt", "graph.nq", "graph.json", "graph.html")


def test_two_processes_write_the_same_bytes_as_one(seeds_build, tmp_path):
    result = build([SEEDS], tmp_path / "j2", Settings(jobs=2, cache=False))
    assert result.report["executor"] == {"name": "local", "processes": 2}
    assert result.report["settings"]["jobs"] == 2
    one = seeds_build.report
    assert one["executor"] == {"name": "local", "processes": 1}
    differ = [
        name
        for name in GRAPH_FILES
        if (seeds_build.outputs_dir / name).read_bytes() != (tmp_path / "j2" / name).read_bytes()
    ]
    assert differ == []
    assert result.report["counts"] == one["counts"]


def test_cli_jobs_flag_reaches_the_pool(tmp_path):
    out = tmp_path / "out"
    assert main(["build", str(SEEDS), "-o", str(out), "-j", "2", "--no-cache", "--quiet"]) == 0
    report = json.loads((out / "build.json").read_text())
    assert report["executor"] == {"name": "local", "processes": 2}
    assert report["cache"]["enabled"] is False
