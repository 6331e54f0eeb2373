"""Where extraction reads: the case summary, each item's heading and each rationale, in the raw letter.

The letter parser gives these parts as clean prose; here they are found again in the
`TextMap` of the raw letter, in letter order, so every fact read from them can quote
the raw text at its offsets. A part that cannot be found (an unusual layout) is left
out with a note, never guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..facts.model import EvidenceSource
from ..letter.model import ParsedLetter
from .textmap import TextMap


@dataclass(frozen=True)
class Segment:
    """A stretch of the clean text [start, end) read as one source."""

    start: int
    end: int
    source: EvidenceSource
    item: int | None = None  # the item a rationale or heading belongs to


@dataclass
class LetterParts:
    """The parts of one letter that extraction reads, located in its text map."""

    summary: Segment | None
    headings: list[Segment | None]
    rationales: list[Segment | None]
    notes: list[str] = field(default_factory=list)


def locate_parts(tm: TextMap, letter: ParsedLetter) -> LetterParts:
    """Find the summary, then each item's heading and rationale, searching forward in letter order."""
    notes: list[str] = []
    summary = None
    pos = 0
    if letter.summary:
        at = tm.find(letter.summary)
        if at >= 0:
            summary = Segment(at, at + len(letter.summary), "summary")
            pos = summary.end
        else:
            notes.append("clinical case summary not found in the raw text; not read")
    headings: list[Segment | None] = []
    rationales: list[Segment | None] = []
    for item in letter.items:
        heading = _find(tm, item.request, pos)
        headings.append(
            None if heading is None else Segment(heading, heading + len(item.request), "request", item.index)
        )
        if heading is None:
            notes.append(f"item {item.index}: heading not found in the raw text")
        else:
            pos = heading + len(item.request)
        rationale = _find(tm, item.rationale, pos)
        if rationale is None:
            rationales.append(None)
            if item.rationale:
                notes.append(f"item {item.index}: rationale not found in the raw text")
        else:
            rationales.append(Segment(rationale, rationale + len(item.rationale), "rationale", item.index))
    return LetterParts(summary, headings, rationales, notes)


def _find(tm: TextMap, needle: str, start: int) -> int | None:
    """Forward from *start* first (letter order), else anywhere (layout 3 keeps parts apart)."""
    if not needle:
        return None
    at = tm.find(needle, start)
    if at < 0:
        at = tm.find(needle)
    return at if at >= 0 else None
