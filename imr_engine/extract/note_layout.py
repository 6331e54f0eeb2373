"""The line structure of a progress note: headings, sections, labelled fields and list lines.

Letters are prose; notes are forms. A PR-2 or SOAP note puts one fact per line
("DOS: 4/7/16", "2. Tramadol 50 mg 1 PO q6h prn #120") and heads its parts
("OBJECTIVE FINDINGS:", "A:"). Read as flowing prose those lines run together into
one "sentence" and facts leak across them, so notes are cut into sentences at the
line breaks the layout means, and every sentence knows the section it stands in
(headings from `rules/vocabulary/note_sections.yaml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from ..vocabulary.in_use import vocabulary_dir_in_use
from .sections import Segment
from .sentences import Sentence, split_sentences
from .textmap import TextMap

#: A line that is only a heading: capitals ("OBJECTIVE FINDINGS:") or a short label ending in a colon.
_CAPS_HEADING = re.compile(r"^(?P<h>[A-Z][A-Z0-9 /&'(),.-]{1,60}?)\s*:?\s*$")
#: A full date in a line of capitals: the line is a dated title or field, not only a heading.
_DATED_TITLE = re.compile(r"\b\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})\b")
_LABEL_HEADING = re.compile(r"^(?P<h>[A-Za-z][A-Za-z0-9 /&'()-]{0,40}?)\s*:\s*$")
#: A heading followed on the same line by its content: "S: Pt c/o ...", "Diagnoses: 1. ...",
#: "MEDICATIONS (per PTP): ..." (a source in parentheses is no part of the heading).
_INLINE_HEADING = re.compile(r"^(?P<h>[A-Za-z][A-Za-z /&'-]{0,40}?)(?:\s*\([^()]{1,30}\))?\s*:\s+(?=\S)")
#: A line that starts a list entry or a labelled field: it never continues the line before.
_LIST_START = re.compile(r"^(?:\(?\d{1,2}[.)]\s|#\d{1,2}[.)]?\s|[-*•·o]\s|[A-Za-z][A-Za-z0-9 ./#&'()-]{0,30}:\s*\S)")
#: A list marker at the start of a line, left out of the sentence ("2. Tramadol ..." reads "Tramadol ...").
_LIST_MARKER = re.compile(r"^(?:\(?\d{1,2}[.)]|#\d{1,2}[.)]?|[-*•·])\s+")
#: The number of a form's item before its label: "15. Objective findings: ...".
_FORM_ITEM = re.compile(r"^\d{1,2}[.)]\s+(?=[A-Za-z])")
_FORM_LABEL = re.compile(r"^[A-Za-z][A-Za-z /&'()-]{0,40}?:\s*")
_ENDS_SENTENCE = re.compile(r"[.!?:;]['\")\]]*$")
#: A raw line shorter than this, without a closing full stop, is a line of a form, not wrapped prose.
SHORT_LINE = 60
#: A line that runs on into the next: it ends mid-phrase, or the next begins in lower case.
_RUNS_ON = re.compile(r"(?:[,&/-]|\b(?:and|or|with|of|to|the|a|an|for|in|on|at|from|by|but|than|as|his|her|was|were|is))$", re.IGNORECASE)


class _SectionsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sections: dict[str, list[str]]


@dataclass(frozen=True)
class NoteLine:
    """One non-blank line of the note, in clean-text offsets."""

    start: int
    end: int
    text: str


@cache
def _section_phrases(directory: Path) -> tuple[tuple[str, str], ...]:
    """(phrase, section) pairs, longest phrase first so 'assessment and plan' beats 'assessment'."""
    with open(directory / "note_sections.yaml", encoding="utf-8") as fh:
        data = _SectionsFile.model_validate(yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    pairs = [(" ".join(p.lower().split()), name) for name, phrases in data.sections.items() for p in phrases]
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0])))


def section_of(heading: str, directory: Path | None = None) -> str | None:
    """The canonical section a heading names ('OBJECTIVE FINDINGS' -> 'objective'), else None."""
    words = " ".join(re.sub(r"[^a-z0-9/&-]+", " ", heading.lower()).split())
    for phrase, name in _section_phrases(directory or vocabulary_dir_in_use()):
        if words == phrase or words.startswith(phrase + " "):
            return name
    return None


def note_lines(tm: TextMap) -> list[NoteLine]:
    """The note's non-blank lines, as clean-text spans."""
    starts = list(tm.line_starts) or [0]
    out = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(tm.text)
        text = tm.text[start:end].rstrip()
        if text:
            out.append(NoteLine(start, start + len(text), text))
    return out


def _heading(line: NoteLine) -> tuple[str | None, int] | None:
    """(section, where the line's content begins) when the line is or starts with a heading."""
    if m := _CAPS_HEADING.match(line.text):
        if sum(c.isalpha() for c in m.group("h")) >= 2:
            if _DATED_TITLE.search(line.text):  # "DATE OF EXAM 7/15/14", "F/U VISIT -- 3/22/21": a date to read
                return section_of(m.group("h")), 0
            return section_of(m.group("h")), len(line.text)
    if m := _LABEL_HEADING.match(line.text):
        section = section_of(m.group("h"))
        if section is not None or len(m.group("h").split()) <= 4:
            return section, len(line.text)
    if m := _INLINE_HEADING.match(line.text):
        section = section_of(m.group("h"))
        if section is not None:
            return section, m.end()
    if (number := _FORM_ITEM.match(line.text)) and line.text[number.end() :].strip():
        # a numbered form field (the Doctor's First Report: "15. Objective findings: ...") heads its section
        rest = NoteLine(line.start + number.end(), line.end, line.text[number.end() :])
        head = _heading(rest)
        if head is not None and head[0] is not None:
            return head[0], number.end() + head[1]
        if _FORM_LABEL.match(rest.text):
            return None, number.end()  # another field of the form (read with its label) ends the section before it
    return None


def note_blocks(tm: TextMap) -> list[tuple[Segment, str | None]]:
    """The note cut where its layout breaks: each block one line or a paragraph of wrapped prose.

    A block ends at a heading, before a list entry or a labelled field, and after a
    short line or one that ends a sentence; each block carries its section.
    """
    blocks: list[tuple[Segment, str | None]] = []
    section: str | None = None
    open_start: int | None = None
    open_end = 0

    def close() -> None:
        nonlocal open_start
        if open_start is not None and open_end > open_start:
            blocks.append((Segment(open_start, open_end, "summary"), section))
        open_start = None

    lines = note_lines(tm)
    for n, line in enumerate(lines):
        next_line = lines[n + 1].text if n + 1 < len(lines) else ""
        head = _heading(line)
        if head is not None:
            close()
            name, content = head
            if name is not None or content == len(line.text) or _FORM_ITEM.match(line.text):
                section = name
            if content < len(line.text):
                open_start, open_end = line.start + content, line.end
                if _ends_block(line.text, next_line):
                    close()
            continue
        if open_start is not None and _LIST_START.match(line.text):
            close()
        if open_start is None:
            marker = _LIST_MARKER.match(line.text)
            open_start = line.start + (marker.end() if marker else 0)
        open_end = line.end
        if _ends_block(line.text, next_line):
            close()
    close()
    return blocks


def _ends_block(text: str, next_line: str) -> bool:
    """Whether a line closes its block: a sentence's end, or a short line that does not run on."""
    if _ENDS_SENTENCE.search(text) and not text.endswith(","):
        return True
    runs_on = bool(_RUNS_ON.search(text)) or next_line[:1].islower()
    return len(text) < SHORT_LINE and not runs_on


def note_sentences(tm: TextMap) -> list[Sentence]:
    """Every sentence of the note, none crossing a layout break, each with its section."""
    out: list[Sentence] = []
    for segment, section in note_blocks(tm):
        for s in split_sentences(tm, segment):
            out.append(Sentence(s.text, s.start, s.source, s.item, len(out), tm, section))
    return out
