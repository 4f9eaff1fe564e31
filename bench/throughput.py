"""Build throughput at about 10k, 100k and 1M words, against bare spaCy parsing.

For each size, a corpus is made of copies of the real transcripts (seeds and the
shared corpus) with distinct names in a temporary folder, then, each in its own
child process:

1. bare spaCy: ``nlp.pipe`` over the same unit texts the build parses, with the same
   model, batch size and process count (model loading not counted);
2. the build, from a cold cache (``kg.build``, model loading counted);
3. an incremental rebuild after one transcript changed (cache on).

It prints, per size: words/s end to end, the time of each stage (``build.json``
``timings_s``), peak memory (RSS of the build process, exact, and of its process
tree, sampled), the ratio of the build's time to bare spaCy's (wall clock, and CPU
time, which stays meaningful when other programs share the machine), and the
incremental rebuild. It ends with one JSON line for the largest size.

    .venv/bin/python bench/throughput.py --quick            # 10k words only
    .venv/bin/python bench/throughput.py --sizes 10k,100k --jobs 2
    .venv/bin/python bench/throughput.py --sizes 100k --compare-rdflib

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, machine, make_corpus, parse_size, run_child, snapshot_code  # noqa: E402

DEFAULT_SIZES = "10k,100k,1m"
EDIT = " and later Geoffrey Hinton said that OpenAI and DeepMind train large language models."


# -- child processes ------------------------------------------------------------------


def _child_spacy(corpus: Path, jobs: int, batch_size: int) -> dict:
    """Time bare ``nlp.pipe`` over the build's unit texts."""
    from kg.config import Settings
    from kg.ingest import discover_inputs, read_transcript
    from kg.nlp import load_nlp, split_sentences, unit_text

    settings = Settings(jobs=jobs, batch_size=batch_size)
    nlp = load_nlp(settings)
    texts, words = [], 0
    for path in discover_inputs([corpus]):
        t = read_transcript(path)
        words += t.word_count
        texts.extend(unit_text(t, s) for s in split_sentences(t, settings.max_sentence_words))
    kwargs = {"batch_size": batch_size}
    if jobs > 1:
        kwargs["n_process"] = jobs
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, **kwargs):
        pass
    return {"seconds": time.perf_counter() - t0, "words": words, "units": len(texts)}


def _child_build(corpus: Path, outputs: Path, jobs: int, batch_size: int, cache: bool) -> dict:
    """Run one build and report its figures."""
    from kg.build import build
    from kg.config import Settings

    settings = Settings(jobs=jobs, batch_size=batch_size, cache=cache)
    t0 = time.perf_counter()
    result = build([corpus], outputs, settings)
    seconds = time.perf_counter() - t0
    report = result.report
    return {
        "seconds": seconds,
        "words": report["counts"]["words"],
        "counts": report["counts"],
        "timings_s": report["timings_s"],
        "cache": report["cache"],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _child_rdflib(outputs: Path) -> dict:
    """What rdflib takes to hold the build's quads and write them as Turtle and TriG."""
    from rdflib import Dataset

    from kg.rdf import prefixes, union_graph

    t0 = time.perf_counter()
    ds = Dataset()
    for prefix, ns in prefixes().items():
        ds.bind(prefix, ns, override=True, replace=True)
    ds.parse(outputs / "graph.nq", format="nquads")
    t1 = time.perf_counter()
    union = union_graph(ds)
    union.serialize(format="turtle")
    t2 = time.perf_counter()
    ds.serialize(format="trig")
    t3 = time.perf_counter()
    return {
        "quads": len(ds),
        "load_s": t1 - t0,
        "turtle_s": t2 - t1,
        "trig_s": t3 - t2,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _child_oxigraph(outputs: Path) -> dict:
    """The same with the writer the build uses (sorted lines, pyoxigraph for Turtle/TriG)."""
    from kg.graph import load_graph
    from kg.rdf import write_rdf

    kg = load_graph(outputs)
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-rdf-"))
    try:
        t0 = time.perf_counter()
        counts = write_rdf(kg, folder)
        return {"seconds": time.perf_counter() - t0, **counts}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _child(args: argparse.Namespace) -> None:
    corpus, outputs = Path(args.corpus or "."), Path(args.outputs or ".")
    if args.child == "spacy":
        data = _child_spacy(corpus, args.jobs, args.batch_size)
    elif args.child == "build":
        data = _child_build(corpus, outputs, args.jobs, args.batch_size, not args.no_cache)
    elif args.child == "rdflib":
        data = _child_rdflib(outputs)
    else:
        data = _child_oxigraph(outputs)
    print(json.dumps(data))


# -- the benchmark --------------------------------------------------------------------


def _edit_one(files: list[Path]) -> Path:
    """Change one transcript: append a clause to the last plain-text copy (else the last file)."""
    plain = [f for f in files if f.suffix == ".txt" and f.read_text().count("\n") <= 1]
    target = (plain or files)[-1]
    text = target.read_text(encoding="utf-8").rstrip("\n")
    target.write_text(text + EDIT + "\n", encoding="utf-8")
    return target


def measure(
    size: int, jobs: int, batch_size: int, compare_rdflib: bool, keep: bool, env: dict
) -> dict:
    """Every figure for one corpus size (children import the code snapshot in ``env``)."""
    me = str(Path(__file__).resolve())
    work = Path(tempfile.mkdtemp(prefix=f"kg-bench-{size}-"))
    corpus, outputs = work / "corpus", work / "outputs"
    common = ["--jobs", str(jobs), "--batch-size", str(batch_size)]

    def child(*args: str):
        return run_child([me, "--child", *args], ROOT, env)

    try:
        files, words = make_corpus(size, corpus)
        print(f"\n== {words:,} words in {len(files)} transcripts ({work})", flush=True)
        spacy_run = child("spacy", "--corpus", str(corpus), *common)
        print(
            f"  bare spaCy nlp.pipe: {spacy_run.data['seconds']:.1f}s wall, "
            f"{spacy_run.data['units']:,} units",
            flush=True,
        )
        build_args = ["build", "--corpus", str(corpus), "--outputs", str(outputs), *common]
        build_run = child(*build_args)
        b = build_run.data
        edited = _edit_one(files)
        again = child(*build_args)
        row = {
            "words": b["words"],
            "transcripts": len(files),
            "jobs": jobs,
            "batch_size": batch_size,
            "build_s": round(b["seconds"], 2),
            "words_per_s": round(b["words"] / b["seconds"]),
            "spacy_s": round(spacy_run.data["seconds"], 2),
            "spacy_words_per_s": round(b["words"] / spacy_run.data["seconds"]),
            "ratio_vs_spacy": round(b["seconds"] / spacy_run.data["seconds"], 3),
            "build_cpu_s": round(build_run.cpu_s, 1),
            "spacy_cpu_s": round(spacy_run.cpu_s, 1),
            "stages_s": b["timings_s"],
            "us_per_word": round(b["seconds"] / b["words"] * 1e6, 1),
            "peak_rss_mb": round(b["peak_rss_mb"], 1),
            "tree_peak_rss_mb": round(build_run.tree_peak_rss_mb, 1),
            "spacy_peak_rss_mb": round(spacy_run.tree_peak_rss_mb, 1),
            "triples": b["counts"]["triples"],
            "quads": b["counts"]["quads"],
            "entities": b["counts"]["entities"],
            "relations": b["counts"]["relations"],
            "incremental_s": round(again.data["seconds"], 2),
            "incremental_ratio": round(again.data["seconds"] / b["seconds"], 3),
            "incremental_cache": again.data["cache"],
            "incremental_edited": edited.name,
            "load_average": build_run.load_average,
        }
        # CPU time of each whole child process tree (interpreter start, model load and
        # reading the transcripts on both sides): robust to other load on the machine.
        row["cpu_ratio_vs_spacy"] = round(build_run.cpu_s / max(spacy_run.cpu_s, 1e-9), 3)
        if compare_rdflib:
            rd = child("rdflib", "--outputs", str(outputs)).data
            ox = child("oxigraph", "--outputs", str(outputs)).data
            row["rdflib"] = {k: round(v, 2) for k, v in rd.items()}
            row["kg_rdf_writer_s"] = round(ox["seconds"], 2)
        _print_row(row)
        return row
    finally:
        if keep:
            print(f"  kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def _print_row(row: dict) -> None:
    print(
        f"  build: {row['build_s']:.1f}s wall = {row['words_per_s']:,} words/s "
        f"({row['us_per_word']} us/word); bare spaCy {row['spacy_s']:.1f}s "
        f"= {row['spacy_words_per_s']:,} words/s"
    )
    print(
        f"  ratio build/spaCy: {row['ratio_vs_spacy']:.2f} wall, "
        f"{row['cpu_ratio_vs_spacy']:.2f} CPU ({row['build_cpu_s']}s vs {row['spacy_cpu_s']}s)"
    )
    stages = ", ".join(f"{k} {v:.2f}" for k, v in sorted(row["stages_s"].items()))
    print(f"  stages (s): {stages}")
    print(
        f"  peak RSS: build process {row['peak_rss_mb']:.0f} MB, process tree "
        f"{row['tree_peak_rss_mb']:.0f} MB (bare spaCy tree {row['spacy_peak_rss_mb']:.0f} MB)"
    )
    print(
        f"  graph: {row['triples']:,} triples, {row['quads']:,} quads, "
        f"{row['entities']:,} entities, {row['relations']:,} relations"
    )
    cache = row["incremental_cache"]
    print(
        f"  rebuild after editing {row['incremental_edited']}: {row['incremental_s']:.1f}s "
        f"= {row['incremental_ratio']:.2f} of the full build "
        f"(cache hits {cache['hits']}, misses {cache['misses']})"
    )
    if "rdflib" in row:
        rd = row["rdflib"]
        print(
            f"  rdflib on the same quads: load {rd['load_s']:.1f}s, Turtle {rd['turtle_s']:.1f}s, "
            f"TriG {rd['trig_s']:.1f}s, peak {rd['peak_rss_mb']:.0f} MB; "
            f"kg.rdf.write_rdf (4 files): {row['kg_rdf_writer_s']:.1f}s"
        )
    print(f"  load average during the build: {row['load_average']}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="e.g. 10k,100k,1m")
    parser.add_argument("--quick", action="store_true", help="only the smallest size")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="processes for the NLP stage")
    parser.add_argument("--batch-size", type=int, default=None, help="default: Settings'")
    parser.add_argument(
        "--compare-rdflib", action="store_true", help="also time rdflib on the same quads"
    )
    parser.add_argument("--keep", action="store_true", help="keep the corpora and outputs")
    parser.add_argument("--child", choices=("spacy", "build", "rdflib", "oxigraph"))
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--outputs", help=argparse.SUPPRESS)
    parser.add_argument("--no-cache", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.batch_size is None:
        from kg.config import Settings

        args.batch_size = Settings().batch_size
    if args.child:
        _child(args)
        return 0
    sizes = sorted(parse_size(s) for s in args.sizes.split(",") if s.strip())
    if args.quick:
        sizes = sizes[:1]
    print("machine:", json.dumps(machine()))
    snapshot = Path(tempfile.mkdtemp(prefix="kg-bench-code-"))
    try:
        env = snapshot_code(snapshot)
        rows = [
            measure(n, args.jobs, args.batch_size, args.compare_rdflib, args.keep, env)
            for n in sizes
        ]
    finally:
        shutil.rmtree(snapshot, ignore_errors=True)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(
            f"\ntime per word at {last['words']:,} words / at {first['words']:,}: "
            f"{last['us_per_word'] / first['us_per_word']:.2f}"
        )
    last = rows[-1]
    summary = {
        "words": last["words"],
        "words_per_s": last["words_per_s"],
        "ratio_vs_spacy": last["ratio_vs_spacy"],
        "cpu_ratio_vs_spacy": last["cpu_ratio_vs_spacy"],
        "peak_rss_mb": last["peak_rss_mb"],
        "tree_peak_rss_mb": last["tree_peak_rss_mb"],
        "incremental_ratio": last["incremental_ratio"],
        "jobs": args.jobs,
        "batch_size": args.batch_size,
        "per_word_vs_smallest": round(last["us_per_word"] / rows[0]["us_per_word"], 3),
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
