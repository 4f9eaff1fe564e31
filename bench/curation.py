"""What explanations and corrections cost at resolution.

Reads the cached extractions of a finished build (``kg build PATHS -o OUTPUTS`` first)
and times :func:`kg.resolve.resolve` on them: without a curation file, and with a
generated one of N entries (merges, splits by transcript, renames, types, aliases, drops
of relations) naming the build's own entities. Prints the medians and one JSON line.

    python bench/curation.py ../shared/corpus -o /tmp/corpus-out [--entries 200] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import _read_all  # noqa: E402
from kg.cache import CACHE_DIR, ExtractionCache, environment_key  # noqa: E402
from kg.config import Settings  # noqa: E402
from kg.curation import append_entry, read_curation  # noqa: E402
from kg.lexicon import load_lexicon  # noqa: E402
from kg.resolve import resolve  # noqa: E402


def _entries(entities, relations, n: int) -> list[tuple[str, dict]]:
    """N entries over the build's entities: every sixth kind of each, in turn."""
    named = [e for e in entities if e.mentions]
    out = []
    for i in range(n):
        a, b = named[(2 * i) % len(named)], named[(2 * i + 1) % len(named)]
        kind = i % 6
        if kind == 0:
            out.append(("merge", {"from": a.key, "into": b.key}))
        elif kind == 1:
            out.append(("rename", {"entity": a.key, "label": f"{a.label} ({i})"}))
        elif kind == 2:
            out.append(("type", {"entity": a.key, "type": "Concept"}))
        elif kind == 3:
            out.append(("alias", {"entity": a.key, "alias": f"alias {i}"}))
        elif kind == 4:
            tid = a.mentions[0].transcript_id
            out.append(("split", {"entity": a.key, "transcript": tid}))
        else:
            r = relations[i % len(relations)]
            out.append(("drop_relation", {"subject": r.subject, "object": r.object}))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("-o", "--outputs", required=True)
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    settings = Settings()
    lexicon = load_lexicon()
    transcripts = sorted(_read_all(args.paths, None, print), key=lambda t: t.id)
    cache = ExtractionCache(Path(args.outputs) / CACHE_DIR, environment_key(settings, lexicon))
    extractions = [cache.get(t) for t in transcripts]
    if any(x is None for x in extractions):
        sys.exit(f"build {' '.join(args.paths)} into {args.outputs} first (cache incomplete)")

    def timed(curation) -> tuple[float, object]:
        times, result = [], None
        for _ in range(args.runs):
            t0 = time.perf_counter()
            result = resolve(transcripts, extractions, lexicon, settings, curation)
            times.append(time.perf_counter() - t0)
        return statistics.median(times), result

    plain_s, plain = timed(None)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kg-curation.toml"
        for kind, fields in _entries(plain.entities, plain.relations, args.entries):
            append_entry(path, kind, fields)
        t0 = time.perf_counter()
        curation = read_curation(path)
        read_s = time.perf_counter() - t0
        curated_s, curated = timed(curation)
    mentions = sum(len(x.mentions) for x in extractions)
    names = sum(len(e.origins) for e in plain.entities)
    print(
        f"{len(transcripts)} transcripts, {mentions:,} mentions, {len(plain.entities):,} entities"
    )
    print(f"resolve without a curation file: {plain_s * 1000:.1f} ms (median of {args.runs})")
    print(
        f"resolve with {args.entries} entries: {curated_s * 1000:.1f} ms; reading the file "
        f"{read_s * 1000:.1f} ms; applied {len(curated.corrections)}, "
        f"problems {len(curated.problems)}"
    )
    print(f"names explained: {names:,}")
    print(
        json.dumps(
            {
                "transcripts": len(transcripts),
                "mentions": mentions,
                "entities": len(plain.entities),
                "resolve_ms": round(plain_s * 1000, 1),
                "entries": args.entries,
                "resolve_curated_ms": round(curated_s * 1000, 1),
                "read_ms": round(read_s * 1000, 1),
                "applied": len(curated.corrections),
                "problems": len(curated.problems),
            }
        )
    )


if __name__ == "__main__":
    main()
