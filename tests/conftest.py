"""Shared fixtures: one real build of the seeds per test session, and a real headless
Chromium (Debian's, driven by Playwright) for tests of web pages."""

from __future__ import annotations

import os
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
