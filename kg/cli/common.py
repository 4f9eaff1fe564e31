"""What every command of the CLI shares, so that one flag means one thing everywhere:

- ``-o/--outputs DIR``: the folder of a build (written by ``kg build``, read by the rest);
- ``--to PATH``: where a command writes something else (``kg export``, ``kg render``);
- ``-q/--quiet``: print nothing but errors;
- choices match case-insensitively (``--type person`` is ``Person``);
- a usage error is one line that names the command and where its help is.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

__all__ = ["Parser", "UsageError", "choice", "add_outputs", "add_quiet", "settings", "whole_number"]

DEFAULT_OUTPUTS = "outputs"


class UsageError(Exception):
    """A command line that does not parse; its message is the one line to print."""


class Parser(argparse.ArgumentParser):
    """argparse whose errors are one line: ``kg export graphml: ... (see ... --help)``,
    raised as :class:`UsageError` so that :func:`kg.cli.main` prints it and returns 2.
    Options are never abbreviated: ``--out`` is not ``--outputs``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str):  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def choice(values: Sequence[str], what: str = "value") -> Callable[[str], str]:
    """An argparse ``type`` accepting ``values`` in any case, giving their own spelling."""
    lookup = {v.casefold(): v for v in values}

    def parse(text: str) -> str:
        try:
            return lookup[text.casefold()]
        except KeyError:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a {what}; use one of {', '.join(values)}"
            ) from None

    parse.__name__ = what
    return parse


def whole_number(minimum: int = 0) -> Callable[[str], int]:
    """An argparse ``type``: a whole number of at least ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a whole number of at least {minimum}"
            )
        return value

    parse.__name__ = "number"
    return parse


def add_outputs(parser: argparse.ArgumentParser, what: str = "the build to read") -> None:
    """``-o/--outputs DIR``, the same in every command."""
    parser.add_argument(
        "-o",
        "--outputs",
        default=DEFAULT_OUTPUTS,
        metavar="DIR",
        help=f"outputs folder: {what} (default: {DEFAULT_OUTPUTS}/)",
    )


def add_quiet(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")


def settings(args: argparse.Namespace):
    """The :class:`~kg.config.Settings` of a command: files, environment, then its options."""
    from ..config import Settings

    overrides = {}
    for name in ("model", "jobs", "batch_size", "max_nodes", "strict", "executor", "scheduler"):
        value = getattr(args, name, None)
        if value is not None and value is not False:
            overrides[name] = value
    if getattr(args, "no_cache", False):
        overrides["cache"] = False
    return Settings.load(getattr(args, "config", None), **overrides)
