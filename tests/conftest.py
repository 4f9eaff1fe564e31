"""Shared fixtures: one real build of the seeds per test session, a real headless
Chromium (Debian's, driven by Playwright) for tests of web pages, and the typed
relations kg extracts from a short text (the relation frame tests)."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("KG_SHARED_DIR", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """The seeds built once with the real spaCy model into a temporary outputs folder."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seeds-outputs")
    return build([str(SEEDS)], out)


@pytest.fixture(scope="session")
def outputs(seeds_build) -> Path:
    """The outputs folder of the seeds' build."""
    return Path(seeds_build.outputs_dir)


@pytest.fixture(scope="session")
def kg(outputs):
    """The seeds' build as the resolved model (graph.json)."""
    from kg.graph import load_graph

    return load_graph(outputs)


@pytest.fixture(scope="session")
def pg(outputs):
    """The seeds' build as the property graph the exports write."""
    from kg.export import load_property_graph

    return load_property_graph(outputs)


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory, corpus_dir):
    """The three shared corpus transcripts built once with the real model."""
    from kg.build import build

    return build([str(corpus_dir)], tmp_path_factory.mktemp("corpus-outputs"))


@pytest.fixture(scope="session")
def corpus_dir():
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (set KG_SHARED_DIR)")
    return CORPUS


@pytest.fixture(scope="session")
def browser():
    """A Playwright-driven headless Debian Chromium; skipped where it is not installed."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-quic",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def artifacts_dir():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def opened(browser):
    """Opens file:// pages in the session's browser (``test_viz.Loaded``, which records
    what each page did); closes them after the test."""
    from test_viz import Loaded

    pages = []

    def opener(path: Path, **kwargs):
        loaded = Loaded(browser, path, **kwargs)
        pages.append(loaded)
        return loaded

    yield opener
    for loaded in pages:
        loaded.close()


@pytest.fixture(scope="session")
def lexicon():
    """The shipped lexicon, loaded once."""
    from kg.lexicon import load_lexicon

    return load_lexicon()


@pytest.fixture
def extract(tmp_path, lexicon):
    """kg's extraction of a text file (real spaCy model, one transcript, no build):
    ``name`` is the file's name, whose extension picks the format; ``speakers`` writes
    a sidecar naming them; ``settings`` replaces the default ones."""
    from kg.config import Settings
    from kg.distributed import process_transcript
    from kg.ingest import read_transcript

    def run(text: str, name: str = "t.txt", speakers=None, settings=None):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        if speakers is not None:
            meta = {"title": "test", "speakers": speakers}
            (tmp_path / f"{path.stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        return process_transcript(read_transcript(path), lexicon, settings or Settings())

    return run


@pytest.fixture
def typed(extract):
    """Typed (subject, predicate, object) surface triples kg extracts from a text file
    (see :func:`extract`); ``speakers`` writes a sidecar."""

    def run(text: str, name: str = "t.txt", speakers=None) -> set[tuple[str, str, str]]:
        return {
            (r.subject.surface, r.predicate, r.object.surface)
            for r in extract(text, name, speakers).relations
            if r.kind == "typed"
        }

    return run


@pytest.fixture
def mentions(extract):
    """The mentions kg extracts from a text file (see :func:`extract`)."""

    def run(text: str, name: str = "t.txt"):
        return extract(text, name).mentions

    return run


@pytest.fixture
def open_rel(extract):
    """Open (subject, predicate, object, negated) relations kg extracts from a text file
    (see :func:`extract`)."""

    def run(text: str, name: str = "o.txt") -> set[tuple[str, str, str, bool]]:
        return {
            (r.subject.surface, r.predicate, r.object.surface, r.negated)
            for r in extract(text, name).relations
            if r.kind == "open"
        }

    return run


@pytest.fixture
def tenses(extract):
    """(subject, predicate, object) -> tense of the typed relations of a text."""

    def run(text: str) -> dict[tuple[str, str, str], str | None]:
        return {
            (r.subject.surface, r.predicate, r.object.surface): r.evidence.tense
            for r in extract(text, "tense.txt").relations
            if r.kind == "typed"
        }

    return run


@pytest.fixture
def candidate_keys(tmp_path):
    """The term-candidate keys concept discovery reads in one sentence of text (real spaCy
    model, no build)."""
    from kg.config import Settings
    from kg.extract.terms import phrase_candidates
    from kg.ingest import read_transcript
    from kg.nlp import load_nlp, split_sentences

    def run(text: str) -> set[str]:
        path = tmp_path / "unit.txt"
        path.write_text(text + "\n", encoding="utf-8")
        transcript = read_transcript(path)
        sentence = split_sentences(transcript, 1000)[0]
        phrases = phrase_candidates(load_nlp(Settings())(text), transcript, sentence, set())
        return {c.key for phrase in phrases for c in phrase}

    return run


def talk_word_counts(the: int = 3000, **counts: int) -> Counter:
    """Word counts of a talk of about ``the`` words saying these words so often (for
    the term-selection tests)."""
    words = Counter(counts)
    words["the"] = the
    return words
