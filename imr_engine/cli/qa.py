"""`imr qa [CASES_DIR]`: compare predictions with the decisions in the letters."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputFileError
from . import EXIT_BAD_INPUT, EXIT_DISAGREE, EXIT_OK, add_json_option, dump_json
from .evaluate import add_rules_option


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "qa",
        help="compare predicted outcomes and citations with the real letters' decisions",
        description=(
            "For every case folder (letter.txt + case.yaml) under CASES_DIR, predict each item from "
            "case.yaml, read the reviewer's actual decision and citations from letter.txt, and report "
            "agreement per item, totals, and each disagreement with both rationales. Exit code 0 when "
            "all agree, 1 when some disagree, 2 when an input could not be read."
        ),
    )
    p.add_argument("cases_dir", nargs="?", default="cases", metavar="CASES_DIR",
                   help="folder of case folders (default: cases/)")
    add_rules_option(p)
    add_json_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..engine import load_engine
    from ..qa import run_qa
    from ..qa.render import render_report

    root = Path(args.cases_dir)
    if not root.is_dir():
        raise InputFileError("no such directory" if not root.exists() else "not a directory", source=str(root))
    report = run_qa(load_engine(args.rules), root)
    for refused in report.refused:
        print(f"imr qa: error: {refused.reason}", file=sys.stderr)
    print(dump_json(report.model_dump(mode="json")) if args.json else render_report(report), end="\n" if args.json else "")
    if report.refused:
        return EXIT_BAD_INPUT
    return EXIT_OK if report.all_agree else EXIT_DISAGREE
