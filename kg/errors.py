"""One exception hierarchy; every message says what is wrong, where, and what to do.

The CLI prints ``str(error)`` on one line and never a traceback for these.
"""

from __future__ import annotations

__all__ = ["KgError", "InputError", "BuildError", "OutputsMissingError", "QueryError"]


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
        where = f"{path}:{line}" if line is not None else str(path)
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
