"""Screenshots of the viewer for a person to look at, and what can be measured on them.

Builds (with the real pipeline) the seeds, the shared corpus (``../shared/corpus``) and
a 30,000-word, three-hour speaker-labelled episode made from the corpus (the Lex
Fridman transcript's turns, then the Stand-Up podcast's and the Bengio captions', times
running on),
then opens ``graph.html`` and the longest transcript's reader page of each in headless
Chromium at 1400x900, 390x844 and 2560x1440, and saves a PNG of each into ``--out``.

For each page it prints: time until the graph is idle (``window.kgReady``), time
to build the reader's DOM, labels drawn at the default zoom, pairs of those labels
whose boxes intersect (should be 0), whether the legend covers the graph's centre,
and requests outside file:// (should be none). It asserts nothing.

    .venv/bin/python bench/viz_screenshots.py                       # all three sets
    .venv/bin/python bench/viz_screenshots.py --sets seeds --docs docs/
      (--docs also writes docs/viewer-graph.png and docs/viewer-reader.png, the
       README's pictures: the seeds' graph and reader at 1400x900)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from viewer_probes import LABEL_BOXES, LEGEND_COVERS_CENTRE, measured, overlaps

from kg.build import build
from kg.ingest import read_transcript

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
SIZES = ((1400, 900), (390, 844), (2560, 1440))
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def long_episode(folder: Path, words: int = 30_000) -> Path:
    """A speaker-labelled Whisper-JSON episode of about ``words`` words from the corpus."""
    segments = []
    offset = 0.0
    count = 0
    for name in (
        "lex419_sam_altman_speakerlabels.txt",
        "standup_what_is_an_ai_agent_whisper.txt",
        "lex_yoshua_bengio_autocaptions.srt",
    ):
        t = read_transcript(CORPUS / name)
        last = offset
        for i, seg in enumerate(t.segments):
            text = t.segment_text(seg)
            start = offset + (seg.start if seg.start is not None else i * 5.0)
            end = max(start, offset + seg.end if seg.end is not None else start + 5.0)
            speaker = seg.speaker or f"{name[:3].title()} speaker {1 + i // 40 % 4}"
            segments.append({"start": start, "end": end, "text": text, "speaker": speaker})
            last = max(last, end)
            count += len(text.split())
            if count >= words:
                break
        offset = last + 10.0
        if count >= words:
            break
    path = folder / "long_episode.json"
    path.write_text(json.dumps({"segments": segments}), encoding="utf-8")
    meta = {
        "title": "A three-hour episode (three corpus transcripts joined)",
        "date": "2024-03-18",
        "url": "https://www.youtube.com/watch?v=jvqFAi7vkBc",
        "speakers": [
            {"name": "Lex Fridman", "role": "host"},
            {"name": "Sam Altman", "role": "guest"},
        ],
    }
    (folder / "long_episode.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def build_set(name: str, work: Path) -> Path:
    """Build one set of inputs into ``work/<name>``; returns its outputs folder."""
    if name == "seeds":
        inputs = [str(ROOT / "seeds")]
    elif name == "corpus":
        inputs = [str(p) for p in sorted(CORPUS.glob("*")) if p.suffix in (".txt", ".srt")]
    else:
        src = work / "long-input"
        src.mkdir(parents=True, exist_ok=True)
        inputs = [str(long_episode(src))]
    out = work / name
    result = build(inputs, out)
    if not result.ok:
        print(f"{name}: build errors: {result.errors}", file=sys.stderr)
    return out


def shoot(browser, page_path: Path, png: Path, size: tuple[int, int]) -> dict:
    """Open one page at one window size, wait until idle, measure, save a screenshot."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    outside: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith("file:") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    started = time.perf_counter()
    page.goto(page_path.as_uri())
    page.wait_for_function("() => window.kgReady === true", timeout=120_000)
    ready_ms = (time.perf_counter() - started) * 1000
    page.wait_for_timeout(400)  # the label pass after the first frame
    boxes = measured(page.evaluate(LABEL_BOXES))
    legend_covers = page.evaluate(LEGEND_COVERS_CENTRE)
    page.screenshot(path=str(png))
    row = {
        "page": page_path.name,
        "size": f"{size[0]}x{size[1]}",
        "ready_ms": round(ready_ms),
        "reader_ms": page.evaluate("window.kg.readerMs"),
        "labels": len(boxes),
        "label_overlaps": len(overlaps(boxes)),
        "legend_covers_centre": legend_covers,
        "non_file_requests": len(outside),
        "errors": len(problems),
        "png_kb": round(png.stat().st_size / 1024),
    }
    page.close()
    return row


def main(argv: list[str] | None = None) -> int:
    """Build, open, measure, save; print a table and a JSON line."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sets", nargs="+", default=["seeds", "corpus", "long"])
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "artifacts" / "viewer")
    parser.add_argument("--docs", type=Path, help="also write the README's two pictures here")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-shots-") as tmp:
        work = Path(tmp)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                args=FLAGS,  # Playwright gives it a fresh profile
            )
            for name in args.sets:
                out = build_set(name, work)
                graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
                longest = max(graph["transcripts"], key=lambda t: len(t["text"]))["id"]
                pages = {
                    "graph": out / "graph.html",
                    "reader": out / "transcripts" / f"{longest}.html",
                }
                for kind, path in pages.items():
                    for size in SIZES:
                        png = args.out / f"{name}-{kind}-{size[0]}x{size[1]}.png"
                        row = {"set": name, "kind": kind, **shoot(browser, path, png, size)}
                        rows.append(row)
                        print(" | ".join(str(v) for v in row.values()), flush=True)
                        if args.docs and name == "seeds" and size == (1400, 900):
                            args.docs.mkdir(parents=True, exist_ok=True)
                            (args.docs / f"viewer-{kind}.png").write_bytes(png.read_bytes())
            browser.close()
    print(json.dumps({"bench": "viz_screenshots", "out": str(args.out), "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
