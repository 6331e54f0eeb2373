"""When a course of therapy was given, set against a surgery: before it, after it, or dated.

After an operation, physical medicine follows the postsurgical schedule (8 CCR 9792.24.3): its
course starts on the day of the surgery, so therapy given before the surgery is no part of it.
Notes say which is which in a few ways: a marker beside the course ("post-op PT x 6", "8 PT
sessions after the 3/2/18 release", "since surgery, 10 sessions of PT", "pre-op PT", "prior to
surgery she had PT x 12") or the course's own dates ("PT 12 visits (5-7/2023)", "PT x 12
(2/2023-4/2023)"). A course told with a marker is its own course, counted apart from the
others; a date only dates the course another reader has already found.
"""

from __future__ import annotations

import re
from typing import Any

from ..facts.fuzzy_date import FuzzyDate
from .context import Context
from .dates import find_dates
from .draft import overlaps_evidence
from .negation import polarity
from .other_person import told_of_another
from .planned import planned
from .sentences import Sentence
from .word_gate import search

_I = re.IGNORECASE
#: Services whose courses the postsurgical schedule counts (physical medicine).
COURSE_SERVICES = frozenset({"physical_therapy", "occupational_therapy"})
#: An operation named after "after", "before", "since": "the 3/2/18 release", "her L knee arthroscopy", "surgery".
_OPERATION = (
    r"(?:the\s+|her\s+|his\s+|a\s+|their\s+)?(?:[\w/-]+\s+){0,4}?"
    r"(?:surgery|operation|release|repair|fusion|arthroscopy|scope|replacement|arthroplasty|decompression|discectomy"
    r"|microdiscectomy|laminectomy|ACDF|ORIF|reconstruction|meniscectomy|TKA|THA|TKR|THR|CTR|procedure)\b"
)
_AFTER_SURGERY = re.compile(
    rf"\bpost[- ]?op(?:erative(?:ly)?)?\b|\bpost[- ]?surg(?:ical(?:ly)?|ery)\b|\b(?:after|following|since)\s+{_OPERATION}", _I
)
_BEFORE_SURGERY = re.compile(
    rf"\bpre[- ]?op(?:erative(?:ly)?)?\b|\bpre[- ]?surg(?:ical(?:ly)?|ery)\b|\b(?:before|prior\s+to|ahead\s+of)\s+{_OPERATION}", _I
)
#: Where a course's clause ends after its name: a semicolon, a sentence's end, a comma outside brackets.
_CLAUSE_END = re.compile(r";|\.(?:\s|$)|,")
#: Where the clause before a course's name begins (its count stands in it).
_CLAUSE_START = re.compile(r"[;.]\s|,\s(?!\d)")
#: Where the part of the sentence that can set a course against a surgery begins ("Since surgery, 10 sessions of PT").
_PART_START = re.compile(r"[;.]\s")
#: A count told before the name: "8 PT sessions", "completed 8 post-op PT", "10 sessions of physical therapy".
_COUNT_BEFORE = re.compile(
    r"(?<![\d/.-])(?P<n>\d{1,2})\s+(?:(?:post[- ]?op(?:erative)?|pre[- ]?op(?:erative)?|more|additional|prior)\s+)?"
    r"(?:(?:sessions?|visits?|treatments?)\s+of\s+(?:(?:post[- ]?op(?:erative)?|pre[- ]?op(?:erative)?)\s+)?)?$",
    _I,
)
#: A count told after the name: "PT x 6", "PT 12 visits", "physical therapy (12 sessions)", "PT sessions x 8".
_COUNT_AFTER = re.compile(
    r"^\s*(?:sessions?\s+|visits?\s+)?(?:x\s*(?P<a>\d{1,2})\b|\(?\s*(?P<b>\d{1,2})\s*(?:visits?|sessions?|treatments?|v)\b)", _I
)
#: A cheap first test for a course of physical medicine named in a sentence (the vocabulary decides which).
_COURSE_WORD = re.compile(r"(?-i:\bPT\b|\bOT\b)|\bphysio\w*|\bphysical\b|\boccupational\b|\btherap\w*|\brehab\w*", _I)
#: How far before a course's name a marker or count may stand.
REACH_BEFORE = 60


def read_course_timing(sentences: list[Sentence], ctx: Context) -> None:
    """Courses of physical medicine set before or after a surgery, or dated, where the note says so."""
    if not ctx.draft.treatments and not any(search(_AFTER_SURGERY, s.text) for s in sentences):
        return
    for s in sentences:
        if s.section == "plan" or not search(_COURSE_WORD, s.text):
            continue  # no therapy named (most sentences): nothing to look up
        if not (search(_AFTER_SURGERY, s.text) or search(_BEFORE_SURGERY, s.text) or _has_date(s.text)):
            continue
        for hit in ctx.vocab.mentions(s.text, ("service",)):
            start, end = hit.start, hit.end
            if hit.key not in COURSE_SERVICES or polarity(s.text, start, end) != "affirmed" or planned(s.text, start, end):
                continue
            if s.text[start:end].lower() == "pt" and s.text[start:end] != "PT":
                continue  # "Pt: Kevin ...": the patient (`letter_case` has put the capitals back where "pt" is therapy)
            if told_of_another(s.text, start, end):
                continue  # "his wife had 12 sessions of PT after her knee replacement": a relative's care
            _course(s, ctx, hit.key, start, end)


def _has_date(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _course(s: Sentence, ctx: Context, service: str, start: int, end: int) -> None:
    text = s.text
    floor = max(0, start - REACH_BEFORE)
    cuts = [m.end() for m in _CLAUSE_START.finditer(text, floor, start)]
    begin = cuts[-1] if cuts else floor
    parts = [m.end() for m in _PART_START.finditer(text, floor, start)]
    stop = _clause_end(text, end)
    before, after = text[begin:start], text[end:stop]
    timing = _timing(text[parts[-1] if parts else floor : start], after)
    count = _COUNT_BEFORE.search(before)
    sessions = int(count.group("n")) if count else None
    if sessions is None and (m := _COUNT_AFTER.match(after)):
        sessions = int(m.group("a") or m.group("b"))
    date = None if timing is not None else _latest(after)
    ev = s.evidence(begin + count.start() if count else start, stop)
    same = [e for e in ctx.draft.treatments.values() if e.get("service") == service and overlaps_evidence(e, ev)]
    if same:
        for entry in same:
            _annotate(entry, timing, date)
        return
    if timing is None or sessions is None:
        return  # a course no other reader found is taken only when it is counted and set against the surgery
    label = "post-operative" if timing == "yes" else "pre-operative"
    kind = "physical_therapy" if service == "physical_therapy" else "other"
    ctx.draft.treatment(f"{label} {service.replace('_', ' ')}", kind, service, "unknown", ev, sessions, postoperative=timing)


def _clause_end(text: str, end: int) -> int:
    """Where the clause after a course's name ends (commas inside brackets do not end it)."""
    depth = 0
    for i in range(end, len(text)):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and _CLAUSE_END.match(text, i):
            return i
    return len(text)


def _timing(before: str, after: str) -> str | None:
    """'yes' for a course after the surgery, 'no' for one before it, None when the words do not say.

    The marker nearest the course's name speaks for it: "pre-op PT x 12, then post-op PT x 6".
    """
    found = [(len(before) - m.end(), value) for pattern, value in ((_AFTER_SURGERY, "yes"), (_BEFORE_SURGERY, "no"))
             for m in pattern.finditer(before)]
    found += [(m.start(), value) for pattern, value in ((_AFTER_SURGERY, "yes"), (_BEFORE_SURGERY, "no"))
              for m in pattern.finditer(after)]
    return min(found)[1] if found else None


#: A span of months or years, read for its end: "5-7/2023", "2/2023-4/2023", "2013-2014".
_RANGE = re.compile(
    r"(?<![\d/])(?:\d{1,2}/)?(?:19|20)?\d{0,2}\s*[-\u2013]\s*(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)(?![\d/])"
    r"|(?<![\d/])(?:19|20)\d\d\s*[-\u2013]\s*(?P<year>(?:19|20)\d\d)(?![\d/])"
)


def _latest(after: str) -> FuzzyDate | None:
    """The latest date told with the course ("(5-7/2023)", "2013-2014", "(2/2023-4/2023)"): when it ended."""
    found = [d.date for d in find_dates(after)]
    for m in _RANGE.finditer(after):
        try:
            found.append(FuzzyDate(int(m.group("y")), int(m.group("m"))) if m.group("y") else FuzzyDate(int(m.group("year"))))
        except ValueError:
            continue  # month 13: no date
    return max(found, key=lambda d: d.latest()) if found else None


def _annotate(entry: dict[str, Any], timing: str | None, date: FuzzyDate | None) -> None:
    """Set a found course's timing or date, unless its mentions disagree."""
    if timing is not None:
        known = entry.get("postoperative")
        entry["postoperative"] = timing if known in (None, timing) else "unknown"
    if date is not None and entry.get("date") is None:
        entry["date"] = date
