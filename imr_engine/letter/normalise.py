"""Repair the artefacts of PDF text extraction before anything reads the letter.

Letters come out of PDFs with a blank line between every line, trailing spaces,
page breaks in mid-sentence and words hyphenated across lines. Structure is
carried by headings and labels, not by blank lines, so we keep only the
non-blank lines and join them back into prose when a field is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Footers that page breaks leave in the text flow ("Page 2 of 5").
_PAGE_FOOTER = re.compile(r"^page\s+\d+\s+of\s+\d+$", re.IGNORECASE)
#: A line ending in "word-" whose next line starts with a word: one hyphenated token.
_HYPHEN_END = re.compile(r"[A-Za-z0-9]-$")
_WORD_START = re.compile(r"^[A-Za-z0-9]")


def collapse(text: str) -> str:
    """Single-space *text*: extraction leaves runs of spaces that mean nothing.

    `str.split()` cuts at exactly the characters a str pattern's \\s matches (Unicode white
    space), at a fraction of a regex substitution's cost; it runs for every line of a letter.
    """
    return " ".join(text.split())


def clean_lines(text: str) -> list[str]:
    """The letter's non-blank lines, whitespace-collapsed, page footers dropped.

    Blank lines are dropped rather than read as paragraph breaks: the extractor
    puts them between every line and in runs at page breaks, so they carry no
    structure we can trust.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = []
    for raw in text.split("\n"):
        line = " ".join(raw.split())  # collapse(raw), without a call per line
        if line and not (line[0] in "Pp" and _PAGE_FOOTER.match(line)):  # no other character is a 'p' to IGNORECASE
            lines.append(line)
    return lines


def join_prose(lines: Sequence[str]) -> str:
    """Join wrapped lines into continuous prose.

    A line ending in "word-" followed by a line starting with a word is one
    hyphenated word split by the line break ("non-" + "certified",
    "Extended-" + "Release"): it is joined without a space and keeps its hyphen.
    """
    parts: list[str] = []
    previous = ""  # the last line joined: only its end decides the next join (linear in the length)
    for line in lines:
        line = " ".join(line.split())  # collapse(line), without a call per line
        if not line:
            continue
        if parts and not (_HYPHEN_END.search(previous) and _WORD_START.match(line)):
            parts.append(" ")
        parts.append(line)
        previous = line
    return "".join(parts)


_SENTENCE_END = re.compile(r"[.!?][\"')\]]*$")


def ends_sentence(text: str) -> bool:
    """True when *text* ends with sentence-final punctuation (possibly quoted)."""
    return bool(_SENTENCE_END.search(text.rstrip()))
