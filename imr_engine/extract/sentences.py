"""Sentences of a segment, each able to quote the raw letter for any span inside it.

Patterns run over one sentence at a time: a fact and its date, drug or negation
must stand in the same sentence to be read together. Splitting is deliberately
plain (a full stop, question or exclamation mark before a capital or digit), with
the abbreviations letters use kept whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..facts.model import Evidence, EvidenceSource
from .sections import Segment
from .textmap import TextMap

_BOUNDARY = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
#: Words whose trailing full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "dr mr mrs ms st jr sr vs e.g i.e etc approx no nos fig p pp inc co u.s dept ca".split()
)
_LAST_WORD = re.compile(r"(\S+)$")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its clean text and where it stands, so spans inside it can be quoted."""

    text: str
    start: int  # offset of text[0] in the clean text of the whole document
    source: EvidenceSource
    item: int | None
    index: int  # position among the segment's sentences
    tm: TextMap

    def evidence(self, start: int = 0, end: int | None = None) -> Evidence | None:
        """Evidence for text[start:end] (the whole sentence by default), quoting the raw text."""
        stop = len(self.text) if end is None else end
        return self.tm.evidence(self.start + start, self.start + stop, self.source)

    def evidence_at(self, m: re.Match[str], group: int | str = 0) -> Evidence | None:
        return self.evidence(m.start(group), m.end(group))


def split_sentences(tm: TextMap, segment: Segment) -> list[Sentence]:
    """The sentences of *segment*, in order; a cut-off last sentence is kept as it is."""
    text = tm.text[segment.start : segment.end]
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in _BOUNDARY.finditer(text):
        stop = m.start() + 1
        word = _LAST_WORD.search(text[begin:stop])
        last = word.group(1).rstrip(".").lower() if word else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
    if begin < len(text):
        spans.append((begin, len(text)))
    out = []
    for start, end in spans:
        chunk = text[start:end].rstrip()
        if chunk:
            out.append(Sentence(chunk, segment.start + start, segment.source, segment.item, len(out), tm))
    return out
