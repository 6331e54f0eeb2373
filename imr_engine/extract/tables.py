"""Before-and-after tables of therapy and psychology reports, read as the comparisons they are.

A re-evaluation sets its measures out in columns under two headings, the first visit and this
one ("Initial eval 3/31/14   Re-eval 5/21/14", "Intake 09/04/15   Today 11/20/15", or two
dates), one measure a row: "Oswestry (ODI)   48 %   30 %". Joined into prose the two values
stand side by side and say nothing; each such row is read with an arrow between them
("Oswestry (ODI) 48 % -> 30 %"), as a clinician writes a change in a sentence. The arrow is
added to the clean text only: evidence still quotes the row as written.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from .dates import find_dates
from .textmap import TextMap

#: Cells of a row: runs of text split by two spaces or more (or a tab).
_CELL = re.compile(r"\S+(?:[ ]\S+)*")
_EARLIER = re.compile(r"^(?:initial|IE|intake|baseline|eval(?:uation)?|admission|start|prior|previous|pre[- ]?\w*|visit\s*1)\b", re.I)
_LATER = re.compile(
    r"^(?:re-?\s?eval\w*|current|today|now|latest|discharge|progress|re-?assess\w*|present|post[- ]?\w*|this\s+visit)\b", re.I
)
_HAS_NUMBER = re.compile(r"\d")


def _cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a raw line, cells split by two spaces or more."""
    return [(m.start(), m.end()) for m in _CELL.finditer(line.replace("\t", "  "))]


def _column_pair(line: str) -> bool:
    """Whether a raw line's last two cells head a before and an after column."""
    cells = _cells(line)
    if len(cells) < 2:
        return False
    first, second = (line[a:b] for a, b in cells[-2:])
    if _EARLIER.match(first) and _LATER.match(second):
        return True
    d1, d2 = find_dates(first, years=False), find_dates(second, years=False)
    return bool(d1 and d2) and d1[0].date.earliest() < d2[0].date.earliest()


def _lines(raw: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in raw.splitlines(keepends=True):
        out.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    return out


def compared_rows(tm: TextMap) -> TextMap:
    """*tm* with an arrow between the two values of every row of a before-and-after table.

    The rows and the tables' heading lines are listed in `TextMap.rows`: each is one entry of the note.
    """
    inserts: list[int] = []  # clean offsets where a row's second value begins
    rows: list[int] = []
    heads: list[int] = []  # where each table's heading line begins
    header = False
    for start, line in _lines(tm.raw):
        if not line.strip():
            header = False
            continue
        if _column_pair(line):
            header = True
            heads.append(bisect.bisect_left(tm.offsets, start + _cells(line)[0][0]))
            continue
        cells = _cells(line)
        if not header or len(cells) < 3:
            header = header and len(cells) >= 3
            continue
        second, third = cells[1], cells[2]
        if not (_HAS_NUMBER.search(line[second[0] : second[1]]) and _HAS_NUMBER.search(line[third[0] : third[1]])):
            continue
        at = bisect.bisect_left(tm.offsets, start + third[0])
        if at < len(tm.offsets) and tm.offsets[at] == start + third[0] and tm.text[at - 1 : at] == " ":
            inserts.append(at)
            rows.append(bisect.bisect_left(tm.offsets, start + cells[0][0]))
    if not inserts:
        return tm
    rows += [h for h in heads if any(h < at for at in inserts)]
    text, offsets = tm.text, list(tm.offsets)
    for at in reversed(inserts):
        text = text[:at] + "-> " + text[at:]
        offsets[at:at] = [offsets[at]] * 3
    shift = [sum(1 for at in inserts if at <= s) * 3 for s in tm.line_starts]
    line_starts = tuple(s + d for s, d in zip(tm.line_starts, shift))
    row_starts = frozenset(r + 3 * sum(1 for at in inserts if at <= r) for r in rows)
    return dataclasses.replace(tm, text=text, offsets=tuple(offsets), line_starts=line_starts, rows=row_starts)
