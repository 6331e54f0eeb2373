"""Clean prose with a way back to the raw letter: every quote is cut from the original text.

The letter parser reads prose with whitespace collapsed and words hyphenated across
line breaks joined (`imr_engine.letter.normalise`). Extraction reads the same prose,
so its patterns need not care about PDF artefacts, but evidence must quote the letter
as written: `TextMap` keeps, for every character of the clean text, its offset in the
raw text, and turns a clean span into the raw slice (line breaks and all).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..facts.model import Evidence, EvidenceSource
from .fax import furniture

#: Line breaks as `letter.normalise.clean_lines` splits them.
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\f")
_TOKEN = re.compile(r"\S+")
#: Page footers dropped from the text flow, as the letter parser drops them.
_PAGE_FOOTER = re.compile(r"^page\s+\d+\s+of\s+\d+$", re.IGNORECASE)
_HYPHEN_END = re.compile(r"[A-Za-z0-9]-$")
#: A form's dot leaders between a label and its value: "UDS ........ consistent", "Tramadol....... 50 mg".
_LEADER = re.compile(r"(?<=\S)(?:\s\.{3,}|\.{4,})(?=\s+\S)")
_DOTS_END = re.compile(r"\.{3,}$")
_WORD_START = re.compile(r"^[A-Za-z0-9]")
#: A word broken by a line-end hyphen in a fax or OCR'd page: "radicu-" + "lopathy" (lower case on both sides).
_BROKEN_HEAD = re.compile(r"(?<![A-Za-z-])(?P<head>[a-z]{2,})-$")
_BROKEN_TAIL = re.compile(r"^(?P<tail>[a-z]{2,})\b")
#: Halves of real compounds, whose hyphen stays when a line breaks at it ("follow-" + "up", "non-" + "industrial").
_COMPOUND_HEADS = frozenset(
    "non re pre post self well follow low sub anti co multi semi mid over under full part short long high left right "
    "bi tri inter intra extra counter de un ex half one two three four five six seven eight nine ten twelve work pain "
    "drug time day week month year all off on in out up down cross x side end back neck hand foot".split()
)
_COMPOUND_TAILS = frozenset(
    "up term based related free like induced bearing duty time level day days week weeks month months year years "
    "specific wide dependent up to out off in on over down back type related guided operative op".split()
)


@dataclass(frozen=True)
class TextMap:
    """`text` is the clean prose of `raw`; `offsets[i]` is where text[i] stands in raw."""

    raw: str
    text: str
    offsets: tuple[int, ...]
    #: Where each non-blank raw line begins in the clean text: notes are read line by line.
    line_starts: tuple[int, ...] = ()
    #: Where each row of a before-and-after table begins in the clean text: a row is one entry.
    rows: frozenset[int] = frozenset()
    #: A note typed in lower case throughout: its sentences open in lower case (`letter_case`).
    lower_case: bool = False
    #: Raw offsets of the lines left out of the text flow (page footers, fax banners, repeated page headers): a page
    #: break there is no paragraph break.
    dropped: tuple[int, ...] = ()

    @classmethod
    def build(cls, raw: str, *, rejoin_words: bool = False) -> TextMap:
        """Join the raw lines into prose exactly as the letter parser does, keeping offsets.

        Built a line at a time (its words joined once), not a character at a time. With
        *rejoin_words* (notes: faxed and OCR'd pages), a word a line-end hyphen broke in two is
        read whole ("radicu-" + "lopathy" -> "radiculopathy"), and fax banners and repeated page
        headers are left out (`fax`); the letter parser keeps the hyphen and drops only footers.
        """
        pieces: list[str] = []
        offsets: list[int] = []
        line_starts: list[int] = []
        dropped: list[int] = []
        length = 0
        tail = ""  # the last two characters of the text so far
        lines = [(start, line, " ".join(line.split())) for start, line in _lines(raw)]
        skip = furniture([c for _, _, c in lines]) if rejoin_words else frozenset()
        for n, (line_start, line, collapsed) in enumerate(lines):
            if not collapsed:
                continue
            if n in skip or _PAGE_FOOTER.match(collapsed):
                dropped.append(line_start)
                continue
            if rejoin_words and length and _broken_word(pieces[-1], collapsed):
                pieces[-1] = pieces[-1][:-1]
                offsets.pop()
                length -= 1
            elif length and not (_HYPHEN_END.search(tail) and _WORD_START.match(collapsed)):
                pieces.append(" ")
                offsets.append(offsets[-1] + 1)
                length += 1
                tail = tail[-1:] + " "
            line_starts.append(length)
            if rejoin_words and _LEADER.search(line):
                collapsed = _read_leaders(line, line_start, offsets)
            else:
                _line_offsets(line, line_start, collapsed, offsets)
            pieces.append(collapsed)
            length += len(collapsed)
            tail = (tail + collapsed)[-2:]
        return cls(raw, "".join(pieces), tuple(offsets), tuple(line_starts), dropped=tuple(dropped))

    def raw_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The raw [start, end) of the clean span, spaces at its edges trimmed; None if empty."""
        while start < end and self.text[start] == " ":
            start += 1
        while end > start and self.text[end - 1] == " ":
            end -= 1
        if start >= end:
            return None
        return self.offsets[start], self.offsets[end - 1] + 1

    def evidence(self, start: int, end: int, source: EvidenceSource) -> Evidence | None:
        """Evidence quoting the raw letter for the clean span [start, end)."""
        span = self.raw_span(start, end)
        if span is None:
            return None
        quote = self.raw[span[0] : span[1]]
        return Evidence(quote=quote, source=source, start=span[0], end=span[1])

    def find(self, needle: str, start: int = 0) -> int:
        """Where clean *needle* stands in the clean text (from *start*), or -1."""
        if not needle:
            return -1
        return self.text.find(needle, start)


def _line_offsets(line: str, line_start: int, collapsed: str, offsets: list[int]) -> None:
    """Append the raw offsets of *collapsed*, the line's words joined by single spaces."""
    lead = len(line) - len(line.lstrip())
    if len(line.rstrip()) - lead == len(collapsed):  # single spaces only: the line as it stands
        offsets.extend(range(line_start + lead, line_start + lead + len(collapsed)))
        return
    for n, m in enumerate(_TOKEN.finditer(line)):  # a collapsed space stands where the gap it replaces begins
        if n:
            offsets.append(offsets[-1] + 1)
        offsets.extend(range(line_start + m.start(), line_start + m.end()))


def _read_leaders(line: str, line_start: int, offsets: list[int]) -> str:
    """The line's words joined by single spaces, each run of dot leaders read as the colon it stands for.

    A form lines its labels up with dots ("CURES ........ checked 3/2019", "Tramadol....... 50 mg bid"); the
    readers know a label by its colon ("CURES: checked"), so the leader becomes one, quoted at its first dot.
    """
    text: list[str] = []

    def put(word: str, at: int) -> None:  # a word, after the single space that stands for the gap before it
        if text:
            text.append(" ")
            offsets.append(offsets[-1] + 1)
        text.append(word)
        offsets.extend(range(at, at + len(word)))

    tokens = list(_TOKEN.finditer(line))
    for n, m in enumerate(tokens):
        word, at = m.group(), line_start + m.start()
        dots = _DOTS_END.search(word)
        if dots is None or n + 1 == len(tokens) or (dots.start() == 0 and n == 0) or (dots.start() and len(dots.group()) < 4):
            put(word, at)
            continue
        if dots.start():  # "Tramadol......." : the word, then its leader
            put(word[: dots.start()], at)
        if not (text and text[-1].endswith(":")):  # "Age: ........ 54" has its colon already
            text.append(":")
            offsets.append(at + dots.start())
    return "".join(text)


def _broken_word(before: str, after: str) -> bool:
    """Whether a line ending *before* and the next beginning *after* split one word at a hyphen."""
    head, tail = _BROKEN_HEAD.search(before), _BROKEN_TAIL.match(after)
    return bool(head and tail) and head.group("head") not in _COMPOUND_HEADS and tail.group("tail") not in _COMPOUND_TAILS  # type: ignore[union-attr]


def _lines(raw: str) -> list[tuple[int, str]]:
    """(offset, line) pairs, splitting where the letter parser splits."""
    out: list[tuple[int, str]] = []
    pos = 0
    if "\r" not in raw and "\f" not in raw:  # the usual text: only "\n" breaks lines, and str.split finds them at C speed
        for line in raw.split("\n"):
            out.append((pos, line))
            pos += len(line) + 1
        return out
    for m in _LINE_BREAK.finditer(raw):
        out.append((pos, raw[pos : m.start()]))
        pos = m.end()
    out.append((pos, raw[pos:]))
    return out
