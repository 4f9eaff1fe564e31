"""The build: transcript files in, knowledge graph files out.

Stages run one way: ingest -> nlp (spaCy ``nlp.pipe``, streamed) -> extract (per
transcript) -> resolve (whole build) -> graph -> rdf/store/viz. Outputs are written to a
staging folder inside ``outputs/`` and moved into place only when everything
succeeded, so a failed or interrupted build leaves the previous outputs as they were.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import __version__
from .config import PIPELINE_VERSION, Settings
from .errors import BuildError, InputError, KgError
from .extract import Extraction, extract_transcript
from .graph import GRAPH_FILE, KnowledgeGraph
from .ingest import discover_inputs, read_transcript
from .lexicon import load_lexicon
from .model import Sentence, Transcript
from .nlp import load_nlp, split_sentences, unit_text
from .rdf import to_dataset, union_graph
from .resolve import resolve

__all__ = ["build", "BuildResult", "BUILD_FILE"]

BUILD_FILE = "build.json"


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
) -> BuildResult:
    """Build the knowledge graph of ``paths`` into ``outputs_dir``.

    Bad input files are reported (``on_error``, ``BuildResult.errors``) and skipped;
    with ``settings.strict`` the first one raises. Raises ``BuildError`` when nothing
    could be built.

    >>> result = build(["seeds"], "outputs")          # doctest: +SKIP
    >>> result.report["counts"]["entities"]            # doctest: +SKIP
    """
    settings = settings or Settings()
    timer = _Timer()
    errors: list[InputError] = []

    def report_error(error: InputError) -> None:
        if settings.strict:
            raise error
        errors.append(error)
        if on_error:
            on_error(error)

    with timer("ingest"):
        transcripts = list(_read_all(paths, input_format, report_error))
    if not transcripts:
        raise BuildError(
            "no transcript could be read"
            + (
                f" ({len(errors)} bad input file(s))"
                if errors
                else "; give transcript files or folders"
            )
        )

    lexicon = load_lexicon()
    with timer("load_model"):
        nlp = load_nlp(settings)
    extractions: list[Extraction] = []
    sentence_total = 0
    with timer("nlp+extract"):
        units = {t.id: split_sentences(t, settings.max_sentence_words) for t in transcripts}
        sentence_total = sum(len(u) for u in units.values())
        bar = _progress(sentence_total, progress)
        for transcript, parsed in _parse(transcripts, units, nlp, settings, bar):
            extractions.append(extract_transcript(transcript, parsed, lexicon, settings))
        if bar is not None:
            bar.close()
    with timer("resolve"):
        resolution = resolve(transcripts, extractions, lexicon, settings)
        kg = KnowledgeGraph(
            tuple(sorted(transcripts, key=lambda t: t.id)),
            resolution.entities,
            resolution.relations,
        )
    with timer("rdf"):
        dataset = to_dataset(kg, settings)
    outputs_dir = Path(outputs_dir)
    report = _report(kg, extractions, sentence_total, errors, settings)
    files = _write_outputs(kg, dataset, outputs_dir, report, timer)
    return BuildResult(kg, outputs_dir, files, errors, report)


def _read_all(paths, input_format, report_error) -> Iterator[Transcript]:
    seen: dict[str, str] = {}
    try:
        files = discover_inputs(list(paths))
    except InputError:
        files = []
        for p in paths:
            try:
                files.extend(discover_inputs([p]))
            except InputError as error:
                report_error(error)
    for path in files:
        try:
            transcript = read_transcript(path, input_format)
        except InputError as error:
            report_error(error)
            continue
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


def _parse(
    transcripts: list[Transcript], units: dict[str, list[Sentence]], nlp, settings: Settings, bar
):
    """Stream every unit of every transcript through ``nlp.pipe`` and hand back each
    transcript with its parsed units, one transcript at a time (Docs are not kept
    beyond the transcript they belong to)."""
    by_id = {t.id: t for t in transcripts}

    def stream():
        for t in transcripts:
            for s in units[t.id]:
                yield unit_text(t, s), s

    kwargs = {"batch_size": settings.batch_size}
    if settings.jobs > 1:
        kwargs["n_process"] = settings.jobs
    current: list[tuple[Sentence, object]] = []
    current_id: str | None = None
    for doc, sentence in nlp.pipe(stream(), as_tuples=True, **kwargs):
        if sentence.transcript_id != current_id and current:
            yield by_id[current_id], current
            current = []
        current_id = sentence.transcript_id
        current.append((sentence, doc))
        if bar is not None:
            bar.update(1)
    if current:
        yield by_id[current_id], current
    # transcripts with no units at all (only fillers) still count
    for t in transcripts:
        if not units[t.id]:
            yield t, []


def _progress(total: int, enabled: bool):
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="sent", desc="parsing", leave=False)


def _report(
    kg: KnowledgeGraph, extractions: list[Extraction], sentences: int, errors, settings: Settings
) -> dict:
    import spacy

    return {
        "kg_version": __version__,
        "pipeline_version": PIPELINE_VERSION,
        "spacy_version": spacy.__version__,
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
            "sentences": sentences,
            "mentions": sum(len(e.mentions) for e in extractions),
            "relation_candidates": sum(len(e.relations) for e in extractions),
            "entities": len(kg.entities),
            "entities_by_type": dict(sorted(Counter(e.type for e in kg.entities).items())),
            "relations": len(kg.relations),
            "relations_by_kind": dict(sorted(Counter(r.kind for r in kg.relations).items())),
            "evidence": sum(len(r.evidence) for r in kg.relations),
        },
    }


def _write_outputs(
    kg: KnowledgeGraph, dataset, outputs_dir: Path, report: dict, timer: _Timer
) -> list[str]:
    """Write every output into a staging folder, then move them into place."""
    try:
        outputs_dir.mkdir(parents=True, exist_ok=True)
        staging = outputs_dir / f".staging-{os.getpid()}"
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir()
    except OSError as exc:
        raise BuildError(f"{outputs_dir}: cannot write outputs there ({exc.strerror})") from None
    try:
        with timer("write"):
            (staging / GRAPH_FILE).write_text(kg.to_json(), encoding="utf-8")
            union = union_graph(dataset)
            union.serialize(staging / "graph.ttl", format="turtle")
            dataset.serialize(staging / "graph.trig", format="trig")
            nquads = staging / "graph.nq"
            _write_sorted(dataset.serialize(format="nquads"), nquads)
            _write_sorted(union.serialize(format="nt"), staging / "graph.nt")
            report["counts"]["triples"] = len(union)
        with timer("store"):
            from .store import STORE_DIR, create_store

            report["counts"]["quads_in_store"] = create_store(nquads, staging / STORE_DIR)
        with timer("viz"):
            from .viz import render_site

            render_site(kg, staging, None)
        report["timings_s"] = {k: round(v, 3) for k, v in timer.times.items()}
        report["outputs"] = sorted(p.name for p in staging.iterdir())
        (staging / BUILD_FILE).write_text(
            json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        report["outputs"] = sorted(p.name for p in staging.iterdir())
        _commit(staging, outputs_dir)
    except KgError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return report["outputs"]


def _write_sorted(text: str, path: Path) -> None:
    lines = sorted(line for line in text.splitlines() if line.strip())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _commit(staging: Path, outputs_dir: Path) -> None:
    """Move staged outputs into place: files by atomic rename, folders by a swap."""
    previous = outputs_dir / BUILD_FILE
    old_outputs = []
    if previous.is_file():
        try:
            old_outputs = json.loads(previous.read_text(encoding="utf-8")).get("outputs", [])
        except (OSError, ValueError):
            old_outputs = []
    names = sorted(p.name for p in staging.iterdir())
    for name in names:
        if name == BUILD_FILE:
            continue
        source, target = staging / name, outputs_dir / name
        if source.is_dir():
            trash = outputs_dir / f".old-{name}-{os.getpid()}"
            if target.exists():
                os.replace(target, trash)
            os.replace(source, target)
            shutil.rmtree(trash, ignore_errors=True)
        else:
            os.replace(source, target)
    os.replace(staging / BUILD_FILE, outputs_dir / BUILD_FILE)  # last: marks the build complete
    for name in old_outputs:
        if name not in names and name not in ("README.md", ".gitignore"):
            stale = outputs_dir / name
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            elif stale.exists():
                stale.unlink()
    shutil.rmtree(staging, ignore_errors=True)
