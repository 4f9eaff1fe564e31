"""The build: transcript files in, knowledge graph files out.

Stages run one way: ingest -> nlp (spaCy ``nlp.pipe``) + extract, per transcript ->
resolve (whole build) -> graph -> rdf/store/viz. Outputs are written to a new version
folder ``outputs/.builds/<version>`` and published by one atomic switch of the
``outputs/.current`` link only when everything succeeded (:mod:`kg.files`), so a
failed, interrupted or killed build leaves the previous outputs as they were. One
build at a time writes into an outputs folder (a lock), and each cleans what a killed
one left behind.

Parse + extract is almost all of a build's time, so it is done once per transcript
content: results are cached in ``<outputs>/.cache`` (:mod:`kg.cache`), and what is not
cached runs in this process, in ``jobs`` local processes, or on a Dask cluster
(:mod:`kg.distributed`), with the same results everywhere. Only Extractions are kept,
never a transcript's Docs beyond its own extraction, so memory follows the graph.
Resolution and the outputs then run for the whole build; the SPARQL store is loaded
from ``graph.nq`` in a background thread while Turtle, TriG and the pages are written.

``build.json`` ``timings_s`` has one entry per stage on the critical path (they add up
to the build's time): ingest, cache (lookups), load_model, nlp+extract, resolve, write
(graph.json), rdf, viz, and store (the wait for the background load).
"""

from __future__ import annotations

import errno
import json
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import __version__
from .cache import CACHE_DIR, ExtractionCache, TranscriptCache, environment_key, spacy_version
from .config import PIPELINE_VERSION, Settings
from .curation import CURATION_FILE, find_curation_files, load_curation
from .distributed import EXECUTORS, run_dask, run_local, run_pool
from .errors import BuildError, InputError
from .extract import Extraction
from .files import (
    LOCK_FILE,
    clean_leftovers,
    current_build,
    new_version,
    outputs_lock,
    publish,
    step,
)
from .graph import GRAPH_FILE, KnowledgeGraph
from .ingest import discover_inputs, format_note, read_transcript
from .lexicon import Lexicon, load_lexicon
from .model import Transcript
from .nlp import load_nlp
from .rdf import write_rdf
from .resolve import resolve

__all__ = ["build", "BuildResult", "BUILD_FILE", "KEEP_FILES", "executor_of", "clean"]

BUILD_FILE = "build.json"

#: Files of an outputs folder that belong to the repository, not to a build.
KEEP_FILES = ("README.md", ".gitignore")


@dataclass
class BuildResult:
    """What a build produced: the graph, the files, the errors of bad inputs, the figures."""

    graph: KnowledgeGraph
    outputs_dir: Path
    files: list[str]
    errors: list[InputError] = field(default_factory=list)
    report: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


class _Timer:
    def __init__(self):
        self.times: dict[str, float] = {}

    def __call__(self, stage: str):
        timer = self

        class _Ctx:
            def __enter__(self):
                self.t0 = time.perf_counter()

            def __exit__(self, *exc):
                timer.times[stage] = timer.times.get(stage, 0.0) + time.perf_counter() - self.t0

        return _Ctx()


def build(
    paths: Iterable[str | Path] = ("seeds",),
    outputs_dir: str | Path = "outputs",
    settings: Settings | None = None,
    input_format: str | None = None,
    progress: bool = False,
    on_error: Callable[[InputError], None] | None = None,
    on_note: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build the knowledge graph of ``paths`` into ``outputs_dir``.

    ``on_note`` gets one line for each input whose detected format leaves out
    speakers or times its text seems to have (see :func:`kg.ingest.format_note`).

    Bad input files are reported (``on_error``, ``BuildResult.errors``) and skipped;
    with ``settings.strict`` the first one raises. Raises ``BuildError`` when nothing
    could be built. Per-transcript extraction results are cached in
    ``<outputs_dir>/.cache`` unless ``settings.cache`` is false (see :mod:`kg.cache`);
    the work runs where ``executor``/``scheduler`` say (see :func:`executor_of`).

    >>> result = build(["seeds"], "outputs")          # doctest: +SKIP
    >>> result.report["counts"]["entities"]            # doctest: +SKIP
    """
    settings = settings or Settings()
    executor, scheduler = executor_of(settings)
    outputs_dir = Path(outputs_dir)
    try:
        outputs_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"{outputs_dir}: cannot write outputs there ({exc.strerror})") from None
    with outputs_lock(outputs_dir):
        clean_leftovers(outputs_dir)
        return _build(paths, outputs_dir, settings, input_format, progress, on_error, on_note)


def _build(
    paths: Iterable[str | Path],
    outputs_dir: Path,
    settings: Settings,
    input_format: str | None,
    progress: bool,
    on_error: Callable[[InputError], None] | None,
    on_note: Callable[[str], None] | None = None,
) -> BuildResult:
    """:func:`build`, run while holding the outputs folder's lock."""
    paths = list(paths)
    executor, scheduler = executor_of(settings)
    timer = _Timer()
    errors: list[InputError] = []

    def report_error(error: InputError) -> None:
        if settings.strict:
            raise error
        errors.append(error)
        if on_error:
            on_error(error)

    parsed = TranscriptCache(outputs_dir / CACHE_DIR) if settings.cache else None
    with timer("ingest"):
        transcripts = sorted(
            _read_all(paths, input_format, report_error, parsed, outputs_dir),
            key=lambda t: t.id,
        )
    if on_note and input_format in (None, "auto"):
        for transcript in transcripts:
            note = format_note(transcript)
            if note:
                on_note(note)
    if not transcripts:
        raise BuildError(
            "no transcript could be read"
            + (
                f" ({len(errors)} bad input file(s))"
                if errors
                else "; give transcript files or folders"
            )
        )

    lexicon = load_lexicon(settings.lexicon or None)
    cache = (
        ExtractionCache(outputs_dir / CACHE_DIR, environment_key(settings, lexicon))
        if settings.cache
        else None
    )
    extractions, processes = _extract_all(
        transcripts, lexicon, settings, cache, (executor, scheduler), progress, timer
    )
    with timer("resolve"):
        curation = load_curation(find_curation_files(paths, settings.curation))
        resolution = resolve(transcripts, extractions, lexicon, settings, curation)
        kg = KnowledgeGraph(
            tuple(transcripts),
            resolution.entities,
            resolution.relations,
            resolution.corrections,
            resolution.unresolved,
        )
    report = _report(kg, extractions, errors, settings)
    if curation.files or resolution.problems:  # the user's corrections (kg/curation.py)
        report["curation"] = {
            "files": curation.files,
            "entries": len(curation.entries),
            "applied": len(resolution.corrections),
            "problems": list(resolution.problems),
        }
    report["executor"] = {"name": executor, "processes": processes}
    report["cache"] = (
        {"enabled": True, **cache.stats.as_dict()}
        if cache
        else {"enabled": False, "hits": 0, "misses": len(transcripts), "corrupt": 0}
    )
    files = _write_outputs(kg, outputs_dir, report, timer, settings)
    if cache is not None:
        cache.prune()
    if parsed is not None:
        parsed.prune()
    return BuildResult(kg, outputs_dir, files, errors, report)


def executor_of(settings: Settings) -> tuple[str, str | None]:
    """Where the per-transcript work runs: ``("local", None)`` (this process, or
    ``settings.jobs`` local processes) or ``("dask", scheduler address or None)``.

    From ``settings.executor`` and ``settings.scheduler``; a scheduler address implies
    the Dask executor (``kg build --scheduler tcp://host:8786`` needs nothing more).
    """
    scheduler = settings.scheduler or None
    executor = "dask" if scheduler else settings.executor
    if executor not in EXECUTORS:
        raise BuildError(f"unknown executor {executor!r}; use one of: {', '.join(EXECUTORS)}")
    return executor, scheduler


def _extract_all(
    transcripts: list[Transcript],
    lexicon: Lexicon,
    settings: Settings,
    cache: ExtractionCache | None,
    where: tuple[str, str | None],
    progress: bool,
    timer: _Timer,
) -> tuple[list[Extraction], int]:
    """Every transcript's extraction: from the cache, else parsed and extracted where
    ``where`` says (and stored in the cache). Returned in transcript order, with the
    number of processes that parsed (0 when everything came from the cache)."""
    found: dict[str, Extraction] = {}
    with timer("cache"):
        todo = []
        for t in transcripts:
            hit = cache.get(t) if cache is not None else None
            if hit is None:
                todo.append(t)
            else:
                found[t.id] = hit
    processes = 0
    if todo:
        with timer("load_model"):  # the local model; pool and Dask workers load their own
            done, info = _start(todo, lexicon, settings, where)
    with timer("nlp+extract"):
        if todo:
            bar = _progress(sum(t.word_count for t in todo), progress)
            for t, extraction in done:
                found[t.id] = extraction
                if cache is not None:
                    cache.put(t, extraction)
                if bar is not None:
                    bar.update(t.word_count)
            if bar is not None:
                bar.close()
            processes = info["processes"]
    return [found[t.id] for t in transcripts], processes


def _start(
    todo: list[Transcript], lexicon: Lexicon, settings: Settings, where: tuple[str, str | None]
) -> tuple[Iterator[tuple[Transcript, Extraction]], dict]:
    """The (transcript, extraction) stream of ``todo`` from the chosen executor, and a
    dict whose ``processes`` says how many processes did the work (for Dask, filled in
    once the cluster is reached)."""
    executor, scheduler = where
    info = {"processes": 1}
    if executor == "dask":
        return run_dask(todo, lexicon, settings, scheduler, info), info
    if settings.jobs > 1 and len(todo) > 1:
        info["processes"] = min(settings.jobs, len(todo))
        return run_pool(todo, lexicon, settings, info["processes"]), info
    load_nlp(settings)
    return run_local(todo, lexicon, settings), info


def _read_all(
    paths,
    input_format,
    report_error,
    parsed: TranscriptCache | None = None,
    outputs_dir: Path | None = None,
) -> Iterator[Transcript]:
    seen: dict[str, str] = {}
    paths = list(paths)
    if outputs_dir is not None:
        paths = [p for p in paths if not _inside_outputs(p, outputs_dir, report_error)]
    try:
        files = discover_inputs(paths)
    except InputError:
        files = []
        for p in paths:
            try:
                files.extend(discover_inputs([p]))
            except InputError as error:
                report_error(error)
    for path in files:
        if Path(path).name == CURATION_FILE:  # the user's corrections, not a transcript
            continue
        key = parsed.key(path, input_format) if parsed else None
        transcript = parsed.get(key) if key else None
        if transcript is None:
            try:
                transcript = read_transcript(path, input_format)
            except InputError as error:
                report_error(error)
                continue
            if key:
                parsed.put(key, transcript)
        if transcript.id in seen:
            report_error(
                InputError(
                    str(path),
                    f"same transcript id {transcript.id!r} as {seen[transcript.id]}",
                    hint="rename one of the files",
                )
            )
            continue
        seen[transcript.id] = str(path)
        yield transcript


def _inside_outputs(path, outputs_dir: Path, report_error) -> bool:
    """True (and reported) for an input that is the outputs folder or inside it: a
    build must not read its own pages as transcripts (``kg build out -o out``)."""
    try:
        resolved, outputs = Path(path).resolve(), outputs_dir.resolve()
    except (OSError, RuntimeError):
        return False
    if resolved != outputs and not resolved.is_relative_to(outputs):
        return False
    report_error(
        InputError(
            str(path),
            f"is inside the outputs folder {outputs_dir}",
            hint="give the transcripts' folder, or write the outputs elsewhere with -o",
        )
    )
    return True


def _progress(total_words: int, enabled: bool):
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total_words, unit="word", unit_scale=True, desc="parsing", leave=False)


def _report(kg: KnowledgeGraph, extractions: list[Extraction], errors, settings: Settings) -> dict:
    return {
        "kg_version": __version__,
        "pipeline_version": PIPELINE_VERSION,
        "spacy_version": spacy_version(),
        "settings": {k: v for k, v in asdict(settings).items() if k != "extra"},
        "inputs": [
            {
                "id": t.id,
                "path": t.path,
                "format": t.format,
                "sha256": t.sha256,
                "words": t.word_count,
                "segments": len(t.segments),
            }
            for t in kg.transcripts
        ],
        "errors": [str(e) for e in errors],
        "counts": {
            "transcripts": len(kg.transcripts),
            "segments": sum(len(t.segments) for t in kg.transcripts),
            "words": sum(t.word_count for t in kg.transcripts),
            "sentences": sum(e.sentence_count for e in extractions),
            "mentions": sum(len(e.mentions) for e in extractions),
            "relation_candidates": sum(len(e.relations) for e in extractions),
            "entities": len(kg.entities),
            "entities_by_type": dict(sorted(Counter(e.type for e in kg.entities).items())),
            "relations": len(kg.relations),
            "relations_by_kind": dict(sorted(Counter(r.kind for r in kg.relations).items())),
            "evidence": sum(len(r.evidence) for r in kg.relations),
            "unresolved": len(kg.unresolved),
        },
    }


def _write_outputs(
    kg: KnowledgeGraph, outputs_dir: Path, report: dict, timer: _Timer, settings: Settings
) -> list[str]:
    """Write every output into a new version folder, then publish it (:mod:`kg.files`):
    readers see the previous build until the one rename that switches to this one."""
    try:
        staging = new_version(outputs_dir)
    except OSError as exc:
        raise BuildError(f"{outputs_dir}: cannot write outputs there ({exc.strerror})") from None
    pending: list = []  # Turtle and TriG, written by a child process meanwhile
    try:
        with timer("write"):
            (staging / GRAPH_FILE).write_text(kg.to_json(), encoding="utf-8")
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-store") as background:
            store: list[Future] = []

            def load_store(nquads: Path) -> None:
                # pyoxigraph loads without holding the GIL: it overlaps the rest of the writing
                store.append(background.submit(_create_store, nquads, staging))

            with timer("rdf"):
                rdf_counts = write_rdf(kg, staging, settings, on_nquads=load_store, defer=pending)
                report["counts"]["triples"] = rdf_counts["triples"]
                report["counts"]["quads"] = rdf_counts["quads"]
            with timer("viz"):
                from .viz import render_site

                render_site(kg, staging, None)
            with timer("store"):  # only the waits: these ran alongside rdf and viz
                report["counts"]["quads_in_store"] = store[0].result()
                while pending:
                    pending.pop()()
        report["timings_s"] = {k: round(v, 3) for k, v in timer.times.items()}
        report["outputs"] = sorted([*(p.name for p in staging.iterdir()), BUILD_FILE])
        (staging / BUILD_FILE).write_text(
            json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        step("staged")
        publish(outputs_dir, staging)
    except OSError as exc:
        _discard(outputs_dir, staging, pending)
        raise BuildError(f"{outputs_dir}: cannot write the outputs ({_os_reason(exc)})") from None
    except BaseException:
        _discard(outputs_dir, staging, pending)
        raise
    return report["outputs"]


def _discard(outputs_dir: Path, staging: Path, pending: list) -> None:
    """Stop the background writers and remove the version folder, unless it was
    published (a failure after the switch, while cleaning up, keeps the new build)."""
    for wait in pending:
        wait(cancel=True)
    if current_build(outputs_dir).resolve() != staging.resolve():
        shutil.rmtree(staging, ignore_errors=True)


def _os_reason(exc: OSError) -> str:
    """An OSError as a short reason, with the file it concerns when known."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.errno == errno.ENOSPC:
        reason = "no space left on the device; free some space and build again"
    return f"{exc.filename}: {reason}" if exc.filename else reason


def _create_store(nquads: Path, staging: Path) -> int:
    """Load the staged N-Quads into the SPARQL store; returns the quad count."""
    from .store import STORE_DIR, create_store

    return create_store(nquads, staging / STORE_DIR)


def clean(outputs_dir: str | Path = "outputs") -> list[str]:
    """Remove what builds wrote into ``outputs_dir`` (every file and folder but
    ``README.md`` and ``.gitignore``), the extraction cache included; returns the
    names removed, sorted.

    Refuses a folder that holds neither a ``build.json`` nor a cache (not an outputs
    folder, so ``kg clean -o ~`` deletes nothing). A missing folder is already clean.
    """
    folder = Path(outputs_dir)
    if not folder.exists():
        return []
    if not folder.is_dir():
        raise BuildError(f"{folder}: not a folder")
    names = sorted(p.name for p in folder.iterdir())
    if BUILD_FILE not in names and CACHE_DIR not in names:
        if all(n in KEEP_FILES or n == LOCK_FILE for n in names):
            return []
        raise BuildError(
            f"{folder}: no {BUILD_FILE} or {CACHE_DIR}/ in it, so not a kg outputs folder; "
            "nothing removed"
        )
    removed = []
    with outputs_lock(folder):  # not while a build writes there
        for name in names:
            if name in KEEP_FILES:
                continue
            path = folder / name
            try:
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink(missing_ok=True)
            except OSError as exc:
                raise BuildError(f"{path}: cannot remove it ({exc.strerror or exc})") from None
            removed.append(name)
    return removed
