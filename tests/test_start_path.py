"""What a process that extracts does once, at its start, so that extraction itself
runs lighter: the loaded model is kept out of the cyclic garbage collector's full
collections (each walked its objects again)."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def _run(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_loading_the_model_freezes_it_out_of_full_collections():
    code = (
        "import gc\n"
        "from kg.config import Settings\n"
        "from kg.nlp import load_nlp\n"
        "before = gc.get_freeze_count()\n"
        "load_nlp(Settings())\n"
        "print(before, gc.get_freeze_count())\n"
    )
    before, after = map(int, _run(code).split())
    assert before == 0 and after > 50_000  # the model and the modules: about 100,000 objects
