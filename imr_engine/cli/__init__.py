"""The `imr` command: thin wrappers over library functions.

Each subcommand lives in its own module exposing `register(subparsers)`; every
ImrError becomes one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import __version__
from ..errors import ImrError

if TYPE_CHECKING:
    from .output import SafeOutput

#: Subcommand modules, in the order `imr --help` lists them (the data flow order).
COMMANDS = ("parse", "extract", "precheck", "evaluate", "qa", "report", "rules", "schema", "serve")

EXIT_OK, EXIT_DISAGREE, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The `imr` parser; with *only* (one of COMMANDS), that command's subparser alone.

    Each command's module is imported to register it: a command that names itself needs no
    other's imports (`imr rules` starts without the extraction and web modules). Its usage,
    help and errors are the same, since a subcommand's parser does not depend on its siblings.
    """
    parser = _Parser(
        prog="imr",
        description=(
            "Predict California workers' compensation Independent Medical Review (IMR) "
            "determinations from MTUS/ODG guideline rules, and check the predictions "
            "against real determination letters."
        ),
    )
    parser.add_argument("--version", action="version", version=f"imr-engine {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS if only is None else (only,):
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue  # command not built yet
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words[0] if words and words[0] in COMMANDS else None)
    args = parser.parse_args(words)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    from .output import SafeOutput

    saved, out = sys.stdout, SafeOutput(sys.stdout)
    sys.stdout = out
    try:
        return _run(args, out)
    finally:
        sys.stdout = saved


def _run(args: argparse.Namespace, out: SafeOutput) -> int:
    """Run the command; every refusal, write error and interruption ends as one stderr line."""
    try:
        code = int(args.run(args))
        out.flush()
        return code
    except ImrError as exc:
        _flush_quietly(out)
        print(f"imr {args.command}: error: {exc.one_line()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _flush_quietly(out)
        print(f"imr {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        out.discard()
        return EXIT_OK


def _flush_quietly(out: SafeOutput) -> None:
    """Write what the command printed before it failed; a second failure adds nothing to report."""
    try:
        out.flush()
    except (ImrError, OSError):
        out.discard()


def add_json_option(parser: argparse.ArgumentParser) -> None:
    """The one shared output switch: machine-readable JSON instead of a readable report."""
    parser.add_argument("--json", action="store_true", help="print JSON instead of a readable report")


def dump_json(data: object) -> str:
    """Deterministic JSON: sorted keys, fixed indentation, so outputs are byte-identical.

    The text of `json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)`, written in one pass
    (imr_engine/json_out.py: the standard library's indented encoder is its pure-Python one).
    """
    from ..json_out import dumps_indented

    return dumps_indented(data)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
