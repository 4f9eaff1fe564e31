"""The command line: a thin layer that parses options and calls one library function.

One module per command group, each with a ``register(subparsers)`` function, listed in
:data:`COMMAND_MODULES`:

- :mod:`kg.cli.build`     ``kg build``, ``kg clean``
- :mod:`kg.cli.entities`  ``kg entities``, ``kg validate``
- :mod:`kg.cli.sparql`    ``kg query``, ``kg serve``
- :mod:`kg.cli.render`    ``kg render``
- :mod:`kg.cli.export`    ``kg export FORMAT``
- :mod:`kg.cli.curate`    ``kg curate ACTION``, ``kg explain``

:mod:`kg.cli.common` holds what they share (the one grammar: ``-o/--outputs`` is the
build's folder everywhere, ``--to`` a path a command writes, choices in any case, errors
in one line). A command group is added by naming its module here.
"""

from __future__ import annotations

import importlib
import os
import sys

from ..errors import KgError, printable
from .common import Parser, UsageError
from .common import settings as _settings  # noqa: F401  (command modules of other branches)

__all__ = ["main", "build_parser", "COMMAND_MODULES", "version"]

#: Modules that add commands, in the order ``kg --help`` lists them. A module that is
#: not there (an optional group) is skipped.
COMMAND_MODULES = (
    "kg.cli.build",
    "kg.cli.entities",
    "kg.cli.sparql",
    "kg.cli.render",
    "kg.cli.export",
    "kg.cli.curate",
)


def version() -> str:
    """The installed distribution's version (the package's own when not installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    from .. import __version__

    try:
        return dist_version("kg")
    except PackageNotFoundError:
        return __version__


def build_parser() -> Parser:
    parser = Parser(
        prog="kg",
        description="Knowledge graphs from spoken-word transcripts. "
        "Start with: kg build TRANSCRIPTS/ -o outputs/",
    )
    parser.add_argument("--version", action="version", version=f"kg {version()}")
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="TOML file with [tool.kg] settings (default: ./kg.toml or ./pyproject.toml)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; its exit status (0 ok, 1 some inputs failed, 2 error)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        print(f"error: {printable(str(error))}", file=sys.stderr)
        return 2
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KgError as error:
        print(f"error: {printable(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; previous outputs left as they were", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:  # a path the library did not expect: one line, no traceback
        where = f"{error.filename}: " if error.filename else ""
        print(f"error: {printable(where + (error.strerror or str(error)))}", file=sys.stderr)
        return 2
    except Exception as error:
        if os.environ.get("KG_DEBUG"):
            raise
        print(
            f"error: internal error ({type(error).__name__}: {printable(str(error))}); "
            "run again with KG_DEBUG=1 for the traceback and report it",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
