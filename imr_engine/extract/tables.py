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
    """(start, end) of each cell of a raw line, cells split by two spaces or more, or by a tab.

    The offsets are the line's own: a cell is words joined by single spaces, so a tab ends one as two
    spaces do, with nothing replaced (widening each tab shifted the offsets past the line's end).
    """
    return [(m.start(), m.end()) for m in _CELL.finditer(line)]


def _column_pair(line: str) -> int | None:
    """Where a before and an after column stand among a heading line's cells: the after column's index, else None.

    The before column is headed "Initial eval", "Intake", "Visit 1 (03/27/18)" or a date; the after column,
    right after it, "Re-eval", "Today" or a later date. A column after them ("Goal") is left as it is.
    """
    cells = [line[a:b] for a, b in _cells(line)]
    for i in range(len(cells) - 1):
        first, second = cells[i], cells[i + 1]
        if (_EARLIER.match(first) or _TIME_POINT.search(first) and _NOW.match(second)) and _LATER.match(second):
            return _last_of_series(cells, i + 1)
        d1, d2 = find_dates(first, years=False), find_dates(second, years=False)
        if d1 and d2 and d1[0].date.earliest() < d2[0].date.earliest():
            return _last_of_series(cells, i + 1)
    return None


#: A column named for a point in the course ("Post-op wk 3", "Visit 4", "Day 10"), set before "Today" or "Current".
_TIME_POINT = re.compile(r"\b(?:wk|week|visit|session|day|month|mo)\s*#?\d+\b|\d+\s*(?:wks?|weeks?)\b", re.I)
_NOW = re.compile(r"^(?:today|now|current|this\s+visit|re-?eval\w*|discharge)\b", re.I)


def _last_of_series(cells: list[str], at: int) -> int | None:
    """*at*, unless a third dated column follows ("IE 9/12/19  12/10/19  1/28/20"): a series is no before-and-after pair,
    and its first two columns alone would show a change the latest column takes back ("20 min  25 min  20 min")."""
    if at + 1 < len(cells):
        d1, d2 = find_dates(cells[at], years=False), find_dates(cells[at + 1], years=False)
        if d1 and d2 and d1[0].date.earliest() < d2[0].date.earliest():
            return None
    return at


def _lines(raw: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in raw.splitlines(keepends=True):
        out.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    return out


#: A columned table's row: three cells or more, split by runs of spaces, not sentences typed with two spaces after
#: each full stop.
_MIN_CELLS = 3


def _columned(line: str) -> bool:
    cells = _cells(line)
    if len(cells) < _MIN_CELLS:
        return False
    ends = sum(1 for _, b in cells[:-1] if line[b - 1] in ".!?")
    return ends * 2 < len(cells) - 1


def columned_rows(tm: TextMap) -> TextMap:
    """*tm* with every row of a columned table (two lines or more of three cells or more) listed as an entry.

    An EHR's medication table ("oxyCODONE 5 mg tablet    1 tab PO TID prn    90    0    Taking")
    set out in spaces reads, joined, as one run-on sentence; each row is one drug.
    """
    lines = [(start, line) for start, line in _lines(tm.raw)]
    rows: set[int] = set()
    run: list[int] = []

    def flush() -> None:
        if len(run) >= 2:
            rows.update(run)
        run.clear()

    for start, line in lines:
        if line.strip() and _columned(line):
            lead = len(line) - len(line.lstrip())
            at = bisect.bisect_left(tm.offsets, start + lead)
            if at < len(tm.offsets) and tm.offsets[at] == start + lead:
                run.append(at)
                continue
        flush()
    flush()
    return dataclasses.replace(tm, rows=tm.rows | rows) if rows else tm


def compared_rows(tm: TextMap) -> TextMap:
    """*tm* with an arrow between the two values of every row of a before-and-after table.

    The rows and the tables' heading lines are listed in `TextMap.rows`: each is one entry of the note.
    """
    inserts: list[int] = []  # clean offsets where a row's second value begins
    rows: list[int] = []
    heads: list[int] = []  # where each table's heading line begins
    after: int | None = None  # the after column's index in the rows of the table under way
    width = 0  # the cells of its heading line
    for start, line in _lines(tm.raw):
        if not line.strip():
            after = None
            continue
        if "  " not in line.strip() and "\t" not in line:
            after = None  # one cell: no table's row or heading, and the table before has ended
            continue
        if (column := _column_pair(line)) is not None:
            cells = _cells(line)
            # a heading of columns alone (the before column first) stands over rows that open with their label
            label = 1 if column == 1 else 0
            after, width = column + label, len(cells) + label
            heads.append(bisect.bisect_left(tm.offsets, start + cells[0][0]))
            continue
        cells = _cells(line)
        if after is None or len(cells) < 3:
            after = after if len(cells) >= 3 else None
            continue
        if len(cells) not in (width, width + 1) or after >= len(cells):
            continue
        before_cell, after_cell = cells[after - 1], cells[after]
        if not (_HAS_NUMBER.search(line[before_cell[0] : before_cell[1]]) and _HAS_NUMBER.search(line[after_cell[0] : after_cell[1]])):
            continue
        at = bisect.bisect_left(tm.offsets, start + after_cell[0])
        if at < len(tm.offsets) and tm.offsets[at] == start + after_cell[0] and tm.text[at - 1 : at] == " ":
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
