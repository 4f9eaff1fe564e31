"""The Turtle/TriG writer child of a build dies with the build: a ``kill -9`` of the
build process must not leave the child running (issue 17)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: A stand-in for a build: starts the writer child on a FIFO it never writes (so the
#: child blocks for ever reading its input), says so, and waits to be killed.
_PARENT = """
import os, sys, time
from pathlib import Path
from kg.rdf import _serialise_in_background
folder = Path(sys.argv[1])
os.mkfifo(folder / "graph.nt")
_serialise_in_background(folder, folder / "by-graph.nq", {})
print("started", flush=True)
time.sleep(120)
"""


def _children(pid: int) -> list[int]:
    """Live (not zombie) processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux")
def test_writer_child_dies_with_a_killed_build(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen(
        [sys.executable, "-c", _PARENT, str(tmp_path)], stdout=subprocess.PIPE, env=env
    )
    children: list[int] = []
    try:
        assert parent.stdout.readline().strip() == b"started"
        deadline = time.monotonic() + 20
        while not children and time.monotonic() < deadline:
            children = _children(parent.pid)
            time.sleep(0.05)
        assert children, "the writer child did not start"
        time.sleep(0.5)  # let the child reach its blocking read of the FIFO
        assert all(_alive(c) for c in children)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 10
        while any(_alive(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(c) for c in children), "the writer child outlived its parent"
    finally:
        for pid in children:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        if parent.poll() is None:
            parent.kill()
            parent.wait()
