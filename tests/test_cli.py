"""One grammar for the CLI: every option has help text; ``-o/--outputs`` is the build's
folder in every command and ``--to`` where a command writes; choices in any case;
``kg --version``; errors in one line that says what to do, never a traceback; export
to a folder or a file as the user meant; success lines name what to open next."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest
from conftest import ROOT

from kg.cli import build_parser, main, version


def _parsers(parser=None, prefix="kg"):
    """(name, parser) of ``kg`` and of every command and export format under it."""
    parser = parser or build_parser()
    yield prefix, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{prefix} {name}")


PARSERS = list(_parsers())


def test_every_option_has_help_text():
    missing = [
        f"{name} {'/'.join(a.option_strings) or a.dest}"
        for name, parser in PARSERS
        for a in parser._actions
        if not isinstance(a, argparse._SubParsersAction)
        and (not a.help or a.help == argparse.SUPPRESS)
    ]
    assert missing == []


def test_o_is_the_outputs_folder_everywhere_and_to_is_the_target():
    with_outputs = []
    for name, parser in PARSERS:
        for a in parser._actions:
            if "-o" in a.option_strings or "--outputs" in a.option_strings:
                assert a.option_strings == ["-o", "--outputs"] and a.dest == "outputs", name
                with_outputs.append(name)
            if "--to" in a.option_strings:
                assert a.dest == "to", name
            assert "--out" not in a.option_strings and "--output" not in a.option_strings
    groups = {
        n for n, p in PARSERS if any(isinstance(a, argparse._SubParsersAction) for a in p._actions)
    }
    leaves = {n for n, _ in PARSERS} - groups  # every command that runs
    assert {"kg build", "kg export graphml", "kg curate merge", "kg explain"} <= leaves
    assert leaves <= set(with_outputs)


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"kg {version()}\n"
    assert version() == "0.1.0"


def test_choices_in_any_case(outputs, capsys):
    assert main(["entities", "-o", str(outputs), "--type", "person", "--format", "CSV"]) == 0
    lower = capsys.readouterr().out
    assert main(["entities", "-o", str(outputs), "--type", "Person", "--format", "csv"]) == 0
    assert capsys.readouterr().out == lower
    assert "Ilya Sutskever" in lower and "Concept" not in lower
    assert main(["query", "-o", str(outputs), "--format", "JSON", "ASK { ?s ?p ?o }"]) == 0
    assert '"boolean": true' in capsys.readouterr().out.replace(" ", " ")


def test_entities_table_cuts_long_cells_with_an_ellipsis(outputs, capsys):
    assert main(["entities", "-o", str(outputs)]) == 0
    lines = capsys.readouterr().out.splitlines()
    cut = [line for line in lines if "…" in line]
    assert cut, "the seeds have aliases longer than a column"
    widths = {len(line) for line in lines[2:-1]}
    assert max(widths) <= 5 * 40 + 8


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["build", "--format", "docx"], "kg build: argument --format: 'docx' is not a format"),
        (["entities", "--type", "robot"], "kg entities: argument --type: 'robot' is not a type"),
        (["query", "--max-width", "-3"], "is not a whole number of at least 0"),
        (["export"], "kg export: the following arguments are required: FORMAT"),
        (["render", "--out", "x"], "unrecognized arguments: --out x"),
    ],
)
def test_usage_errors_are_one_line(argv, says, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert says in err and "--help)" in err


def test_old_export_o_says_to_use_to(outputs, tmp_path, capsys):
    """``-o`` was the export's target once; now it is the build to read, and a missing
    one is explained in one line."""
    target = tmp_path / "graph.graphml"
    assert main(["export", "graphml", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"error: {target}: no build found (run kg build first; -o/--outputs names the build "
        f"to read, --to where the export goes: --to {target})\n"
    )
    assert not target.exists()


def test_export_to_a_folder_a_new_folder_or_a_file(outputs, tmp_path, capsys):
    existing = tmp_path / "existing"
    existing.mkdir()
    assert main(["export", "graphml", "-o", str(outputs), "--to", str(existing)]) == 0
    assert (existing / "graph.graphml").is_file()
    line = capsys.readouterr().out
    assert line.startswith("graphml: ") and f"-> {existing / 'graph.graphml'} in " in line
    assert "(open it in yEd, Cytoscape or Gephi)" in line

    fresh = tmp_path / "new" / "dir"
    assert main(["export", "gexf", "-o", str(outputs), "--to", f"{fresh}/"]) == 0
    assert (fresh / "graph.gexf").is_file() and fresh.is_dir()

    file = tmp_path / "plain" / "g.json"
    assert main(["export", "json", "-o", str(outputs), "--to", str(file), "-q"]) == 0
    assert file.is_file() and capsys.readouterr().out.count("\n") == 1

    # the same export twice into the same folder: the same bytes, no error
    first = (existing / "graph.graphml").read_bytes()
    assert main(["export", "graphml", "-o", str(outputs), "--to", f"{existing}/", "-q"]) == 0
    assert (existing / "graph.graphml").read_bytes() == first


def test_build_without_paths_outside_the_repository(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "kg", "build"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stderr == (
        f"error: no transcripts given, and no seeds/ folder in {tmp_path}: name your files "
        "or folders, e.g. kg build talks/ -o outputs/\n"
    )


def test_success_line_names_what_to_open(tmp_path, capsys):
    source = tmp_path / "talk.txt"
    source.write_text("Demis Hassabis founded DeepMind in London.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(source), "-o", str(out)]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert line.endswith(f"-> {out}/ (open {out / 'index.html'}; ask it: kg query --list -o {out})")


def test_unexpected_failure_is_one_line(tmp_path, capsys, monkeypatch):
    import kg.entities_report

    def explode(*args, **kwargs):
        raise ValueError("something nobody planned for")

    monkeypatch.setattr(kg.entities_report, "entities_table", explode)
    assert main(["entities", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        "error: internal error (ValueError: something nobody planned for); run again with "
        "KG_DEBUG=1 for the traceback and report it\n"
    )


def test_serve_limits_reach_the_settings(monkeypatch):
    from kg.cli import build_parser
    from kg.cli.sparql import serve_settings

    for name in ("QUERY_MEMORY", "MAX_RESULT_BYTES", "CLIENT_QUERIES", "QUERY_TIMEOUT"):
        monkeypatch.delenv(f"KG_{name}", raising=False)
    args = build_parser().parse_args(
        ["serve", "--query-memory", "512", "--max-result-bytes", "4096", "--client-queries", "3"]
    )
    settings = serve_settings(args)
    assert (settings.query_memory, settings.max_result_bytes, settings.client_queries) == (
        512,
        4096,
        3,
    )
    default = serve_settings(build_parser().parse_args(["serve"]))
    assert default.query_memory == 1024 and default.client_queries == 0
