"""`imr report OUT.jsonl -o report.html`: the HTML QA report of an earlier `imr qa --out` run."""

from __future__ import annotations

import argparse

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
    from ..qa.exports import export_output

    export_output(args.output, args.html, args.csv)
    return EXIT_OK
