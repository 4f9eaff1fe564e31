"""Helpers shared by the benchmarks: corpora made of copies of the real transcripts,
a description of the machine, and running a measurement in a child process while
watching its memory and CPU.

Benchmarks print figures; they never assert on time.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KG_SHARED_DIR", ROOT.parent / "shared"))
SOURCE_DIRS = (ROOT / "seeds", SHARED / "corpus")

__all__ = [
    "ROOT",
    "Source",
    "sources",
    "make_corpus",
    "machine",
    "ChildResult",
    "run_child",
    "parse_size",
    "snapshot_code",
]


@dataclass(frozen=True)
class Source:
    """A real transcript file (with its sidecar, if any) and its word count as read."""

    path: Path
    words: int

    @property
    def sidecar(self) -> Path | None:
        from kg.ingest import sidecar_path

        side = sidecar_path(self.path)
        return side if side.is_file() else None


def sources() -> list[Source]:
    """The seeds, then the shared corpus, in file-name order (the order corpora cycle in)."""
    from kg.ingest import discover_inputs, read_transcript

    dirs = [str(d) for d in SOURCE_DIRS if d.is_dir()]
    return [Source(p, read_transcript(p).word_count) for p in discover_inputs(dirs)]


def make_corpus(target_words: int, folder: Path) -> tuple[list[Path], int]:
    """Copy real transcripts into ``folder`` under distinct names (``<stem>__cNNNN``, so
    distinct ids), cycling through the sources, until about ``target_words`` words.

    The next source in the cycle that keeps the corpus within 3% over the target is
    taken; when none does, the corpus is complete (short of the target by less than
    the smallest transcript).
    """
    pool = sources()
    if not pool:
        raise SystemExit(f"no transcripts found in {', '.join(map(str, SOURCE_DIRS))}")
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    total, turn = 0, 0
    while True:
        order = pool[turn:] + pool[:turn]
        source = next((s for s in order if total + s.words <= target_words * 1.03), None)
        if source is None:
            break
        turn = (pool.index(source) + 1) % len(pool)
        name = f"{source.path.stem}__c{len(files):04d}"
        target = folder / (name + source.path.suffix)
        shutil.copyfile(source.path, target)
        if source.sidecar is not None:
            shutil.copyfile(source.sidecar, folder / (name + ".meta.json"))
        files.append(target)
        total += source.words
    return files, total


def parse_size(text: str) -> int:
    """``10k`` -> 10000, ``1m`` -> 1000000, ``2500`` -> 2500."""
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    number = text[:-1] if scale > 1 else text
    try:
        return int(float(number) * scale)
    except ValueError:
        raise SystemExit(f"not a size: {text!r} (use e.g. 10k, 100k, 1m)") from None


def machine() -> dict:
    """What the figures were measured on."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    ram_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    import spacy

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": ram_gb,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


@dataclass
class ChildResult:
    """What a child process printed (its last line, JSON) and what was seen of it."""

    data: dict
    wall_s: float
    cpu_s: float  # user + system of the child and every process it started
    tree_peak_rss_mb: float  # sampled: the child and its descendants together
    load_average: list[float] = field(default_factory=list)


def snapshot_code(folder: Path) -> dict[str, str]:
    """Copy ``kg/`` and ``ontology/`` into ``folder``; returns the environment under which
    a child imports that copy. Measurements then see one version of the code even while
    someone edits the working tree (an edit of extraction code would, rightly, empty the
    extraction cache between a build and the rebuild that measures it)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "kg", folder / "kg", ignore=ignore)
    shutil.copytree(ROOT / "ontology", folder / "ontology", ignore=ignore)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), env.get("PYTHONPATH")]))
    return env


def run_child(
    args: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> ChildResult:
    """Run ``python <args>`` and watch it: wall time, CPU time of the whole process tree
    (psutil samples, else ``RUSAGE_CHILDREN``), and the peak RSS of the tree."""
    import resource

    try:
        import psutil
    except ImportError:
        psutil = None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    cpu_by_pid: dict[int, float] = {}
    peak = [0.0]
    stop = threading.Event()

    def watch() -> None:
        root = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            rss = 0
            for p in tree:
                try:
                    rss += p.memory_info().rss
                    times = p.cpu_times()
                    cpu_by_pid[p.pid] = times.user + times.system
                except psutil.Error:
                    continue
            peak[0] = max(peak[0], rss / 2**20)
            stop.wait(0.2)

    watcher = threading.Thread(target=watch, daemon=True) if psutil else None
    if watcher:
        watcher.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    if watcher:
        watcher.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    rusage_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    cpu = max(rusage_cpu, sum(cpu_by_pid.values()))
    if proc.returncode != 0:
        sys.stderr.write(err)
        raise SystemExit(f"benchmark child failed ({proc.returncode}): {' '.join(args)}")
    lines = [line for line in out.splitlines() if line.startswith("{")]
    data = json.loads(lines[-1]) if lines else {}
    return ChildResult(data, wall, cpu, peak[0], [round(x, 2) for x in os.getloadavg()])
