"""`imr extract LETTER`: a draft case from a raw determination letter, every fact with its quote.

A thin wrapper over `imr_engine.extract.extract_case`; errors propagate as ImrError to
the `imr` wrapper, which prints one line and exits 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..errors import ImrError
from . import EXIT_OK, dump_json
from .precheck import add_request_option

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
With --request LINE (repeated), FILE is a progress note and LINE the requested items.
Exit status: 0 when extracted, 2 when the file is not a readable letter or note."""


def register(subparsers: Any) -> None:
    """Add the `extract` subcommand."""
    parser = subparsers.add_parser(
        "extract",
        help="draft case facts from a raw letter, each with its quote and offsets",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("letter", metavar="FILE", help="letter or, with --request, progress note text file (UTF-8)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the draft case as JSON")
    output.add_argument("--yaml", action="store_true", help="print the draft case as a case file (YAML)")
    parser.add_argument(
        "--use-rationale", action="store_true", help="also read facts that only the decision rationales state"
    )
    parser.add_argument("--case-id", metavar="ID", help="case id to give the draft (default: from the file name)")
    add_request_option(parser, required=False)
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from ..extract import extract_case, extract_text
    from ..extract.render import case_report, case_yaml
    from ..textio import read_text_file

    text = read_text_file(args.letter)
    if args.request:
        try:
            case = extract_text(text, args.request, case_id=args.case_id or Path(args.letter).stem or "note")
        except ImrError as exc:
            exc.source = args.letter if exc.source is None or exc.source.startswith("<") else exc.source
            raise
    else:
        case = extract_case(text, case_id=args.case_id, use_rationale=args.use_rationale, source=args.letter)
    if args.json:
        print(dump_json(case.model_dump(mode="json")))
    elif args.yaml:
        print(case_yaml(case, source=args.letter, use_rationale=args.use_rationale), end="")
    else:
        print(case_report(case), end="")
    return EXIT_OK
