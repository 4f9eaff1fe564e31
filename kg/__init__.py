"""kg: knowledge graphs from spoken-word transcripts.

>>> import kg
>>> result = kg.build(["seeds"], "outputs")   # doctest: +SKIP
>>> store = kg.load("outputs")                 # doctest: +SKIP
>>> rows = store.query("SELECT ?s WHERE { ?s a kg:Person }")  # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "build", "load", "Settings"]


def __getattr__(name: str):
    # imported lazily so `import kg` stays fast and the CLI starts quickly
    if name == "build":
        from .build import build

        return build
    if name == "load":
        from .sparql import load

        return load
    if name == "Settings":
        from .config import Settings

        return Settings
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
