"""One copy of the viewer's script per build (issue 17, item 7): every page loads
``transcripts/kg-viewer.js`` through a hashed inline loader, allowed by a CSP with
``'strict-dynamic'`` that file:// pages satisfy in Chromium, while a ``<script>``
element or an inline handler put into a page's markup still does not run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_viz import Loaded

from kg.files import current_build
from kg.viz import _VIS_DIR, VIEWER_JS

#: A stretch of vis-network's code: present where the library is.
VIS_MARK = (_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")[2000:2200]


def _pages(root: Path) -> list[Path]:
    return [root / "graph.html", root / "index.html", *sorted(root.glob("transcripts/*.html"))]


def test_vis_network_is_in_one_file_of_the_build(seeds_build):
    root = current_build(seeds_build.outputs_dir)
    shared = (root / VIEWER_JS).read_text(encoding="utf-8")
    assert shared.count(VIS_MARK) == 1
    pages = _pages(root)
    assert len(pages) >= 4
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert VIS_MARK not in text, page.name
        assert len(text.encode()) < len(shared.encode()), page.name


@pytest.mark.browser
def test_pages_run_the_shared_script_from_file_and_nothing_injected(seeds_build, browser, tmp_path):
    root = current_build(seeds_build.outputs_dir)
    site = tmp_path / "site"
    shutil.copytree(root, site, ignore=shutil.ignore_patterns("store", ".*"))
    for page in (site / "graph.html", sorted(site.glob("transcripts/*.html"))[0]):
        loaded = Loaded(browser, page).ready()
        try:
            loaded.check_clean()  # no CSP report, no request outside file://
            assert loaded.js("document.querySelectorAll('#kg-network canvas').length") == 1
        finally:
            loaded.close()
    # markup injected into a page (what escaping prevents) still cannot run a script,
    # not even one next to the pages, nor an inline handler
    (site / "evil.js").write_text("window.__pwned = true;", encoding="utf-8")
    page = site / "graph.html"
    text = page.read_text(encoding="utf-8")
    injected = '<script src="evil.js"></script><img src="x" onerror="window.__pwned=true">'
    page.write_text(text.replace("<body", injected + "<body", 1), encoding="utf-8")
    loaded = Loaded(browser, page).ready()
    try:
        assert loaded.js("window.__pwned") is False
        assert any("Content Security Policy" in p for p in loaded.problems)
    finally:
        loaded.close()


@pytest.mark.browser
def test_a_page_without_its_build_folder_says_the_script_is_missing(seeds_build, browser, tmp_path):
    alone = tmp_path / "graph.html"
    shutil.copy(current_build(seeds_build.outputs_dir) / "graph.html", alone)
    loaded = Loaded(browser, alone)
    try:
        loaded.page.wait_for_function(
            "() => document.getElementById('kg-status').textContent.includes('missing')"
        )
        assert VIEWER_JS in loaded.js("document.getElementById('kg-status').textContent")
    finally:
        loaded.close()
