"""`imr evaluate CASE.yaml`: predict each requested item of one case."""

from __future__ import annotations

import argparse
import datetime as dt

from ..errors import ImrError
from . import add_json_option, dump_json


def add_rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", metavar="DIR", help="rule directory to use instead of the bundled rule book")


def as_of_date(text: str) -> dt.date:
    """A full date as people write it: 2016-04-07, 04/07/2016, 4-7-16, April 7, 2016."""
    from ..extract.dates import parse_date

    found = parse_date(text)
    if found is None or found.day is None:
        raise argparse.ArgumentTypeError(f"'{text}' is not a full date (e.g. 2016-04-07 or 04/07/2016)") from None
    return found.earliest()


def add_as_of_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of", type=as_of_date, metavar="DATE",
        help="apply the rules as of this date (2016-04-07, 04/07/2016...); default: the UR decision date, "
        "else the latest visit or report date, else the latest date in the text",
    )


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "evaluate",
        help="predict Upheld/Overturned for each requested item of a case file",
        description=(
            "Evaluate a case file (cases/<id>/case.yaml) against the rule book and print, per requested "
            "item, the predicted outcome, the rules that fired with their guideline citations, the facts "
            "they used with quotes from the letter, a rationale, and what documentation would change it."
        ),
    )
    p.add_argument("case", metavar="CASE.yaml", help="a case-facts YAML file")
    add_as_of_option(p)
    add_rules_option(p)
    add_json_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..engine import load_engine
    from ..engine.render import render_case
    from ..facts import load_case

    case = load_case(args.case)
    try:
        result = load_engine(args.rules).evaluate(case, as_of=args.as_of)
    except ImrError as exc:
        if exc.source is None or exc.source == case.case_id:
            exc.source = args.case
        raise
    print(dump_json(result.model_dump(mode="json")) if args.json else render_case(result), end="\n" if args.json else "")
    return 0
