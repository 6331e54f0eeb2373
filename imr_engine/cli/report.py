"""`imr report OUT.jsonl -o report.html`: the HTML QA report of an earlier `imr qa --out` run."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="the HTML QA report (figures, charts, disagreements) of an imr qa --out file",
        description="Read the JSON Lines that `imr qa INPUT --out FILE` wrote and write one self-contained "
                    "HTML page: headline figures, confusion matrix, agreement by category, deciding rule, "
                    "year and reviewer specialty, citation agreement by reason, and the disagreements.",
    )
    p.add_argument("output", metavar="OUT.jsonl", help="the JSON Lines written by imr qa --out")
    p.add_argument("-o", "--html", metavar="FILE", default="report.html", help="the page to write (default: report.html)")
    p.add_argument("--csv", metavar="FILE", help="also write the item table as CSV to FILE")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import InputFileError
    from ..qa.exports import Exports, read_records

    source = Path(args.output)
    if not source.is_file():
        raise InputFileError("no such file" if not source.exists() else "not a file", source=args.output)
    exports = Exports(Path(args.html), Path(args.csv) if args.csv else None)
    for record in read_records(source):
        exports.add(record)
    exports.finish()
    return EXIT_OK
