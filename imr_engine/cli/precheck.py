"""`imr precheck NOTE --request LINE ...`: the UR pre-check of a progress note as one command."""

from __future__ import annotations

import argparse

from ..errors import ImrError
from . import EXIT_OK, add_json_option, dump_json
from .evaluate import add_as_of_option, add_rules_option

_DESCRIPTION = """\
Read a treating physician's progress note (PR-2, SOAP, consultation letter, RFA summary;
plain text) and predict, for each requested item, whether the guidelines support it:
the outcome, the rules and guideline sections that decide it, the facts they used with
the note's own words, and the documentation that is missing. The date the rules are
applied at is --as-of, else the date read from the note (named in the answer).
Exit status: 0 when answered, 2 when the note or a request cannot be read."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "precheck",
        help="predict each requested item from a progress note (the UR pre-check)",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("note", metavar="NOTE", help="progress note text file (UTF-8)")
    add_request_option(p, required=True)
    add_as_of_option(p)
    add_rules_option(p)
    add_json_option(p)
    p.set_defaults(run=run)


def add_request_option(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--request", action="append", metavar="LINE", required=required, default=None,
        help="a requested item as on the RFA, e.g. 'Tramadol 50 mg #120' (repeat for each item)",
    )


def run(args: argparse.Namespace) -> int:
    from ..checklist.render import render_precheck
    from ..engine import load_engine
    from ..precheck import precheck
    from ..textio import read_text_file

    note = read_text_file(args.note)
    try:
        result = precheck(load_engine(args.rules), note, args.request, as_of=args.as_of)
    except ImrError as exc:
        if exc.source is None or exc.source.startswith("<") or exc.source == "precheck":
            exc.source = args.note
        raise
    if args.json:
        print(dump_json(result.model_dump(mode="json")))
    else:
        print(render_precheck(result), end="")
    return EXIT_OK
