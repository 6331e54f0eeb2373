"""`imr extract LETTER`: a draft case from a raw determination letter, every fact with its quote.

A thin wrapper over `imr_engine.extract.extract_case`; errors propagate as ImrError to
the `imr` wrapper, which prints one line and exits 2.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..extract import extract_case
from ..extract.render import case_report, case_yaml
from ..textio import read_text_file
from . import EXIT_OK, dump_json

_DESCRIPTION = """\
Draft the case facts of an IMR determination letter (plain text extracted from the
PDF) in the model of cases/<id>/case.yaml: claimant, dates, diagnoses, surgeries,
treatments, medications with start dates, pain ratings, function, monitoring,
examination and clinical findings, and the requested items from the decision
headings. Every fact quotes the letter with its character offsets
(text[start:end] == quote). By default only the clinical case summary and the item
headings are read, as for a pre-check; --use-rationale also reads what the decision
rationales state about the patient (marked source: rationale).
--yaml prints a case file that `imr evaluate` accepts.
Exit status: 0 when extracted, 2 when the file is not a readable letter."""


def register(subparsers: Any) -> None:
    """Add the `extract` subcommand."""
    parser = subparsers.add_parser(
        "extract",
        help="draft case facts from a raw letter, each with its quote and offsets",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("letter", metavar="LETTER", help="letter text file (UTF-8)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the draft case as JSON")
    output.add_argument("--yaml", action="store_true", help="print the draft case as a case file (YAML)")
    parser.add_argument(
        "--use-rationale", action="store_true", help="also read facts that only the decision rationales state"
    )
    parser.add_argument("--case-id", metavar="ID", help="case id to give the draft (default: from the file name)")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    text = read_text_file(args.letter)
    case = extract_case(text, case_id=args.case_id, use_rationale=args.use_rationale, source=args.letter)
    if args.json:
        print(dump_json(case.model_dump(mode="json")))
    elif args.yaml:
        print(case_yaml(case, source=args.letter, use_rationale=args.use_rationale), end="")
    else:
        print(case_report(case), end="")
    return EXIT_OK
