"""`imr parse LETTER`: show what the parser reads in a determination letter.

A thin wrapper over `imr_engine.letter.parse_letter_file`; errors propagate as
ImrError to the `imr` wrapper, which prints one line and exits 2.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ..display import shown
from . import EXIT_OK, add_json_option, dump_json

if TYPE_CHECKING:  # the letter parser is imported when the command runs, not for `imr --help`
    from ..citations import Citation
    from ..letter import ParsedLetter

_DESCRIPTION = """\
Parse an IMR determination letter (plain text extracted from the PDF) and show
its layout, the reviewer's credentials, the clinical case summary, and for each
disputed item: the request, the decision (Upheld/Overturned), the guideline the
reviewer cited (guideline, sections, pages), and the rationale's own conclusion.
Anything the parser had to guess or could not read is listed as a warning.
Exit status: 0 when parsed, 2 when the file is not a readable letter."""

_CONCLUSION = {True: "medically necessary", False: "not medically necessary", None: "none found"}


def register(subparsers: Any) -> None:
    """Add the `parse` subcommand."""
    parser = subparsers.add_parser(
        "parse",
        help="parse a determination letter into decisions, citations and summary",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("letter", metavar="LETTER", help="letter text file (UTF-8)")
    add_json_option(parser)
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from ..letter import parse_letter_file

    letter = parse_letter_file(args.letter)
    print(dump_json(letter.model_dump(mode="json")) if args.json else render(letter))
    return EXIT_OK


def render(letter: ParsedLetter) -> str:
    """The readable report: one line per fact, items indented under their heading."""
    reviewer = letter.reviewer
    lines = _head("Letter", shown(letter.source or "-")) + _head("Layout", letter.layout)
    if letter.jurisdiction != "california":  # a California letter's report reads as it always has
        lines += _head("State", f"{letter.jurisdiction.capitalize()} (IRO decision: the ODG applies)")
    lines += _head("Case", letter.case_number) + _head("Assigned", letter.date_assigned)
    lines += _head("UR denial", letter.ur_denial_date)
    lines += _head(
        "Reviewer",
        f"licensed in {', '.join(reviewer.licensure_states) or '?'}; "
        f"{', '.join(reviewer.specialties) or 'specialty not stated'}",
    )
    truncated = " (TRUNCATED: ends mid-sentence)" if letter.summary_truncated else ""
    lines += _head("Summary", f"{len(letter.summary)} characters{truncated}")
    lines += _head("Items", len(letter.items))
    for item in letter.items:
        lines += ["", f"  [{item.index}] {item.request}"]
        lines += _field("decision", item.decision)
        lines += _field("conclusion", _CONCLUSION[item.medically_necessary])
        lines += _field("claims admin", item.claims_administrator_guideline or "-")
        cited = [_citation(c) for c in item.citations] or ["-"]
        for text in cited:
            lines += _field("cited", text)
    lines += ["", f"Warnings: {len(letter.warnings) or 'none'}"]
    lines += [f"  - {w}" for w in letter.warnings]
    return "\n".join(lines)


def _head(label: str, value: object) -> list[str]:
    """A header line, or none when the letter does not state the value."""
    return [] if value is None else [f"{label + ':':<11}{value}"]


def _field(label: str, value: str) -> list[str]:
    return [f"      {label + ':':<14}{value}"]


def _citation(citation: Citation) -> str:
    """'MTUS Chronic Pain Medical Treatment Guidelines; Opioids; pages 74-75, 78'."""
    parts = [f"{citation.source} {citation.guideline}"]
    parts += list(citation.sections)
    if citation.pages:
        pages = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in citation.pages)
        plural = len(citation.pages) > 1 or citation.pages[0][0] != citation.pages[0][1]
        parts.append(f"{'pages' if plural else 'page'} {pages}")
    return "; ".join(parts)
