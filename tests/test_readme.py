"""README examples that cannot drift.

Every ``kg ...`` command the README shows, in a code block or in backticks, is checked
against the real CLI: each option it names must be an option of that command, and
each complete command (no ``[optional]`` parts, no ``PLACEHOLDER``, no server to
reach) is run against a build of the seeds and must succeed. A ``$ kg ...`` line in a
code block is followed by the output the README promises: the real output must be
exactly that (stdout and stderr together, as a terminal shows them).

When the output changes on purpose, regenerate the README's ``$ kg`` blocks from the
real output (as cog does) and review the diff::

    python tests/test_readme.py --write
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

#: A query file for ``kg query -f my.rq`` (the README's stand-in for a user's own file).
MY_RQ = "SELECT ?p ?o WHERE { ?p kg:worksFor ?o } ORDER BY ?p ?o\n"

#: Commands that need a server on the other side, or run one, are checked, not run.
_NOT_RUN = ("serve", "--uri", "--endpoint", "--scheduler", "falkordb", "sparql", "clean")


@dataclass(frozen=True)
class Example:
    """One ``kg`` command of the README: where it is, its text, the output it promises."""

    line: int
    command: str
    expected: str | None  # None: the README shows no output for it
    inline: bool
    elsewhere: bool = False  # a block another test checks (<!-- checked by ... -->)

    def __str__(self) -> str:
        return f"README.md:{self.line}: {self.command}"


def examples(text: str) -> list[Example]:
    """Every ``kg`` command in ``text``: lines of fenced code blocks that start with
    ``kg `` or ``$ kg `` (with the output lines that follow a ``$`` line), and
    backticked spans of prose and tables that start with ``kg ``."""
    found: list[Example] = []
    lines = text.split("\n")
    fence = elsewhere = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            fence = not fence
            elsewhere = fence and i > 0 and lines[i - 1].startswith("<!-- checked by ")
            i += 1
            continue
        if fence and elsewhere:
            if line.startswith(("$ kg ", "kg ")):
                found.append(Example(i + 1, line.removeprefix("$ "), None, False, True))
            i += 1
            continue
        if fence and line.startswith("$ kg "):
            start, output = i, []
            i += 1
            while i < len(lines) and not lines[i].startswith(("$ ", "```")):
                output.append(lines[i])
                i += 1
            while output and not output[-1].strip():
                output.pop()
            found.append(Example(start + 1, line[2:], "\n".join(output), False))
            continue
        if fence and line.startswith("kg "):
            found.append(Example(i + 1, line, None, False))
        elif not fence:
            for span in re.findall(r"`(kg [^`]+)`", line):
                found.append(Example(i + 1, span, None, True))
        i += 1
    return found


def _words(command: str) -> list[str]:
    """The words of a command up to a pipe, ``[optional]`` brackets and ``# comments``
    dropped."""
    words = shlex.split(command.replace("[", " ").replace("]", " "), comments=True)
    return words[: words.index("|")] if "|" in words else words


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def unknown_options(command: str) -> list[str]:
    """The options of ``command`` that the command it names does not have."""
    from kg.cli import build_parser

    parser = build_parser()
    known = {o for a in parser._actions for o in a.option_strings}
    words = _words(command)[1:]
    for word in words:
        choices = _subparsers(parser)
        if not choices or word not in choices:
            break
        parser = choices[word]
        known |= {o for a in parser._actions for o in a.option_strings}
    options = [w.split("=", 1)[0] for w in words if w.startswith("-") and w != "-"]
    return [o for o in options if o not in known]


def runnable(example: Example) -> bool:
    """A complete command that needs nothing but the seeds' build. Commands in prose
    run only for ``kg export`` (the export table); the others name a command or show
    one that is refused on purpose (``kg build out -o out``)."""
    text = example.command
    if example.elsewhere or (example.inline and not text.startswith("kg export ")):
        return False
    if any(mark in text for mark in ("[", "...", "…")):
        return False
    words = _words(text)
    if any(w in _NOT_RUN for w in words):
        return False
    return not any(re.fullmatch(r"[A-Z][A-Z_]*", w) for w in words)


def run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    """``command`` in bash (for ``$'...'`` quoting) with ``kg`` this checkout's CLI."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    script = f'kg() {{ "{sys.executable}" -m kg "$@"; }}\n{command} 2>&1'
    return subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def workspace(outputs: Path, target: Path) -> Path:
    """A folder laid out as the README assumes: ``seeds/``, ``outputs/`` (the seeds'
    build) and the user's ``my.rq``."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "seeds", target / "seeds")  # a copy: nothing writes to the repo
    shutil.copytree(outputs, target / "outputs", symlinks=True)
    (target / "my.rq").write_text(MY_RQ, encoding="utf-8")
    return target


def _normal(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.rstrip("\n").split("\n"))


EXAMPLES = examples(README.read_text(encoding="utf-8"))


def test_the_readme_shows_commands_and_outputs():
    assert len(EXAMPLES) > 30
    assert sum(1 for e in EXAMPLES if e.expected is not None) >= 5
    assert sum(1 for e in EXAMPLES if runnable(e)) >= 15


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_every_option_exists(example):
    assert unknown_options(example.command) == [], str(example)


@pytest.fixture(scope="module")
def readme_dir(outputs, tmp_path_factory) -> Path:
    return workspace(outputs, tmp_path_factory.mktemp("readme"))


@pytest.mark.parametrize("example", [e for e in EXAMPLES if runnable(e)], ids=str)
def test_every_command_runs_and_prints_what_the_readme_shows(example, readme_dir):
    done = run(example.command, readme_dir)
    if example.expected is None:
        assert done.returncode == 0, f"{example}\n{done.stdout}"
    else:
        assert _normal(done.stdout) == _normal(example.expected), str(example)


def curl_examples(help_text: str) -> list[str]:
    """The ``curl`` commands of the README's code blocks and of ``kg serve --help``
    that talk to ``kg serve``."""
    lines = README.read_text(encoding="utf-8").split("\n") + help_text.split("\n")
    return [
        line.strip()
        for line in lines
        if line.strip().startswith("curl ") and "127.0.0.1:7878" in line
    ]


def test_curl_examples_answer(outputs, tmp_path):
    """The curl lines (the one in `kg serve --help` once needed -g: curl's globbing
    ate the braces) run against a real `kg serve`."""
    import signal
    import time
    import urllib.request

    from servers import free_port

    help_text = run("kg serve --help", tmp_path).stdout
    commands = curl_examples(help_text)
    assert len(commands) == 2, commands
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--port", str(port), "-o", str(outputs), "-q"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "no server"
                time.sleep(0.2)
        for command in commands:
            quiet = command.replace("curl ", "curl -s ", 1).replace("7878", str(port))
            done = run(quiet, tmp_path)
            rows = done.stdout.splitlines()
            assert done.returncode == 0 and rows[0] == "s,o", f"{command}\n{done.stdout}"
            assert "https://w3id.org/kg/id/ilya-sutskever,https://w3id.org/kg/id/openai" in rows
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)


def write_readme(outputs: Path, work: Path) -> int:
    """Replace the output under every ``$ kg`` line of the README with the real one."""
    text = README.read_text(encoding="utf-8")
    lines = text.split("\n")
    workspace(outputs, work)
    changed = 0
    for example in sorted(examples(text), key=lambda e: -e.line):
        if example.expected is None or example.elsewhere:
            continue
        real = _normal(run(example.command, work).stdout).split("\n")
        start = example.line  # index of the first output line
        end = start + len(example.expected.split("\n")) if example.expected else start
        if lines[start:end] != real:
            lines[start:end] = real
            changed += 1
    README.write_text("\n".join(lines), encoding="utf-8")
    return changed


if __name__ == "__main__":  # python tests/test_readme.py --write
    import tempfile

    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/test_readme.py --write")
    sys.path.insert(0, str(ROOT))
    from kg.build import build

    with tempfile.TemporaryDirectory() as tmp:
        result = build([str(ROOT / "seeds")], Path(tmp) / "build")
        n = write_readme(Path(result.outputs_dir), Path(tmp) / "work")
    print(f"README.md: {n} output block(s) rewritten from the real output")
