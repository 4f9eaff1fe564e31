"""One exception hierarchy; every message says what is wrong, where, and what to do.

The CLI prints ``str(error)`` on one line and never a traceback for these.
"""

from __future__ import annotations

import re

__all__ = [
    "KgError",
    "InputError",
    "BuildError",
    "OutputsMissingError",
    "QueryError",
    "printable",
]

#: Characters a terminal would act on instead of showing: C0 and C1 controls (ESC, BEL,
#: newline...), DEL, line and paragraph separators, bidirectional overrides and
#: isolates (U+202E...), and lone surrogates (undecodable bytes of file names).
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def printable(text: str) -> str:
    """``text`` safe to print on a terminal line: every character a terminal would act
    on is shown as an escape (``\\x1b``, ``\\n``, ``\\u202e``), so a file name or label
    can neither forge another line nor recolour, reorder or hide what follows."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    named = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}
    if code in named:
        return named[code]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class KgError(Exception):
    """Base class for every error the user can act on."""

    code = "KG000"


class InputError(KgError):
    """A transcript or sidecar file that cannot be read; names the file and line."""

    code = "KG100"

    def __init__(self, path: str, reason: str, line: int | None = None, hint: str | None = None):
        self.path = path
        self.line = line
        self.reason = reason
        self.hint = hint
        where = f"{printable(str(path))}:{line}" if line is not None else printable(str(path))
        message = f"{where}: {reason}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class BuildError(KgError):
    """A build that could not complete (bad model, unwritable outputs...)."""

    code = "KG200"


class OutputsMissingError(KgError):
    """A command that needs a previous build found none."""

    code = "KG300"

    def __init__(self, outputs_dir: str, what: str = "build"):
        super().__init__(
            f"{outputs_dir}: no {what} found there; run `kg build` first (or pass -o/--outputs)"
        )


class QueryError(KgError):
    """A SPARQL query that could not be parsed or run."""

    code = "KG400"
