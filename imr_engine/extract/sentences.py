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
#: The same in a note typed in lower case throughout, where a sentence opens with any letter.
_LOWER_BOUNDARY = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Za-z0-9])")
#: Words whose trailing full stop does not end a sentence.
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_ABBREVIATIONS = frozenset("dr mr mrs ms st jr sr vs e.g i.e etc approx no nos fig p pp inc co u.s dept ca".split())
_LAST_WORD = re.compile(r"(\S+)$")
#: A date in the Doctor's First Report form's boxes, "Mo. 11 Day 01 Yr. 2014", whose full stops end no sentence.
_FORM_BOX_DATE = re.compile(r"\bmo\.\s*\d{1,2}\s+day\b|\bday\.?\s*\d{1,2}\s+yr\.\s*\d{2,4}\b", re.IGNORECASE)
#: An abbreviation written with full stops ("p.o", "q.h.s", "q.6h"); one followed by another is a sig, not a sentence's end.
_DOTTED_SIG = re.compile(r"[A-Za-z](?:\.[A-Za-z0-9]{1,2})+\b", re.IGNORECASE)
#: Dot leaders: four dots or more, or three after a space (an ellipsis is three dots on a word: "pain... She").
_LEADER = re.compile(r"(?:\.{4,}|(?<=\s)\.{3})$")
#: Longer "sentences" are not prose (tables, run-on extraction debris); they are read in pieces
#: of at most this many characters, cut at a space, which keeps every reader linear in the text.
MAX_SENTENCE = 1500


@dataclass(frozen=True)
class Sentence:
    """One sentence: its clean text and where it stands, so spans inside it can be quoted."""

    text: str
    start: int  # offset of text[0] in the clean text of the whole document
    source: EvidenceSource
    item: int | None
    index: int  # position among the segment's sentences
    tm: TextMap
    section: str | None = None  # a note's section ('medications', 'objective'...), when known

    def evidence(self, start: int = 0, end: int | None = None) -> Evidence | None:
        """Evidence for text[start:end] (the whole sentence by default), quoting the raw text."""
        stop = len(self.text) if end is None else end
        return self.tm.evidence(self.start + start, self.start + stop, self.source)


def quote_sentence(ev: Evidence, sentences: list[Sentence]) -> tuple[Sentence, int] | None:
    """The sentence a quote starts in and where in its clean text the quote ends (its end's raw offset reached);
    None when the quote is in no sentence. Readers take the words after a quote from here."""
    if ev.start is None or ev.end is None:
        return None
    for s in sentences:
        whole = s.tm.raw_span(s.start, s.start + len(s.text))
        if whole is None or not whole[0] <= ev.start < whole[1]:
            continue
        lo, hi = 0, len(s.text)  # the first offset whose raw end reaches the quote's end (raw ends only grow)
        while lo < hi:
            mid = (lo + hi) // 2
            span = s.tm.raw_span(s.start, s.start + mid)
            if span is not None and span[1] >= ev.end:
                hi = mid
            else:
                lo = mid + 1
        return s, lo
    return None


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut into pieces of at most MAX_SENTENCE characters, at spaces where possible."""
    out: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def no_sentence_end(text: str) -> bool:
    """Whether the full stop ending *text* closes an abbreviation or an initial, not a sentence ("Dr.", "N.")."""
    if not text.endswith("."):
        return False
    word = _LAST_WORD.search(text)
    last = word.group(1).rstrip(".").lstrip("([\"'").lower() if word else ""
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def split_sentences(tm: TextMap, segment: Segment) -> list[Sentence]:
    """The sentences of *segment*, in order; a cut-off last sentence is kept as it is."""
    text = tm.text[segment.start : segment.end]
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in (_LOWER_BOUNDARY if tm.lower_case else _BOUNDARY).finditer(text):
        stop = m.start() + 1
        if text[stop - 2 : stop] == ".." and _LEADER.search(text, max(begin, stop - 40), stop):
            continue  # a form's dot leaders ("Age ............ 54") join a label to its value; an ellipsis ends a sentence
        word = _LAST_WORD.search(text[begin:stop])
        last = word.group(1).rstrip(".").lstrip("([\"'").lower() if word else ""  # "(Dr. N. Ibarra": the title inside a bracket
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()) or (tm.lower_case and "." in last):
            continue  # in lower case, a dotted abbreviation ("p.o.", "b.i.d.") does not end one either
        if last in _MONTHS and text[m.end() : m.end() + 1].isdigit():  # "Sept. 10, 2013"
            continue
        if last in ("mo", "yr") and _FORM_BOX_DATE.search(text, max(begin, stop - 12), m.end() + 12):
            continue  # the Doctor's First Report form's date boxes: "Mo. 11 Day 01 Yr. 2014"
        if _DOTTED_SIG.fullmatch(last) and (_DOTTED_SIG.match(text, m.end()) or text[m.end() : m.end() + 1].isdigit()):
            continue  # a sig written with full stops: "1 P.O. Q.H.S. #7", "P.O. B.I.D. P.R.N.", "800 mg t.i.d. 6/10-7/3"
        spans.append((begin, m.end()))
        begin = m.end()
    if begin < len(text):
        spans.append((begin, len(text)))
    spans = [piece for span in spans for piece in _pieces(text, *span)]
    out: list[Sentence] = []
    for start, end in spans:
        chunk = text[start:end].rstrip()
        if chunk:
            out.append(Sentence(chunk, segment.start + start, segment.source, segment.item, len(out), tm))
    return out
