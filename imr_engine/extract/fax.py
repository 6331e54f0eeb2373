"""The page furniture of a faxed or printed note: fax banners and the header repeated on every page.

A note that reached UR by fax carries, at the top of each page, the fax machine's line
("04/09/2016 10:42  FAX 5595550142  VALLEY OCC MED GRP  P.002/007") and often the practice's
running header ("RE: J. Doe   DOB 01/02/1960   Claim 123   Page 2"). Neither is part of what
the clinician wrote, and a page can break a sentence anywhere: "... He" / banner / "is able to
walk 30 minutes". Dropped from the text flow, the sentence reads whole again, and the fax
date (the day the pages were sent) is not taken for a date of the note.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
#: A page number as fax machines and printers write it: "Page 2 of 5", "PAGE 2/5", "P.002/007", "p. 2", "Pg 3".
_PAGE_MARK = re.compile(r"\bpage\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\b|\b(?:P|pg)\.?\s?\d{1,3}(?:\s?/\s?\d{1,3})?\b", _I)
#: A time of day, as a fax stamps its transmission: "10:42", "10:42:11 AM", "10:42AM".
_TIME = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]\.?M\.?)?(?![\d:])", _I)
#: What marks a transmission line: the word fax, a fax server's fields, a sender and a recipient.
_FAX_WORD = re.compile(r"\b(?:fax|faxed|RCVD|received|CSID|DNIS|TX|RX|sent|from\b.{0,60}\bto)\b", _I)
#: The date a fax stamps: "06/05/2018", "10/ 8/2013", "Mar 09 2021".
_STAMP_DATE = re.compile(r"\b\d{1,2}/\s?\d{1,2}/\d{2,4}\b|\b[A-Z][a-z]{2}\.?\s+\d{1,2},?\s+\d{4}\b")
_PHONE = re.compile(r"\(?\b\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\b")
#: Labels of a running page header: the patient, the claim, the dates that identify the case.
_HEADER_LABEL = re.compile(r"\bRE\s*:|\b(?:DOB|D\.O\.B|claim|patient|pt\s+name|name|MRN|case|DOI|employee|applicant|EE)\b", _I)
#: Prose has many words in lower case; a banner or header has few.
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]{4,}\b")
MAX_LINE = 200
MIN_HEADER = 20


def is_fax_banner(line: str) -> bool:
    """Whether a line (whitespace collapsed) is a fax machine's transmission line."""
    if len(line) > MAX_LINE or not _TIME.search(line) or len(_LOWER_WORD.findall(line)) > 3:
        return False
    fax, phone = bool(_FAX_WORD.search(line)), bool(_PHONE.search(line))
    if _PAGE_MARK.search(line):  # "06/05/2018 13:47 8585550172 NORTH COUNTY NEUROSURGERY PAGE 01/03"
        return fax or phone or bool(_STAMP_DATE.search(line))
    return fax and phone


def furniture(lines: list[str]) -> frozenset[int]:
    """Indices of the lines (whitespace collapsed) that are page furniture: every fax banner, and every repeat of a
    page header after its first appearance (the first may carry the visit's date; repeats add nothing)."""
    drop: set[int] = set()
    seen: dict[str, int] = {}
    candidates: list[tuple[int, str]] = []
    for n, line in enumerate(lines):
        if not line or len(line) > MAX_LINE:
            continue
        if is_fax_banner(line):
            drop.add(n)
            continue
        if len(line) < MIN_HEADER:
            continue
        marked = bool(_PAGE_MARK.search(line))
        if not marked and not _HEADER_LABEL.search(line):
            continue
        if len(_LOWER_WORD.findall(line)) > 3:
            continue  # prose that names a page or a patient, not a header
        key = _PAGE_MARK.sub("#", line).lower()
        seen[key] = seen.get(key, 0) + 1
        candidates.append((n, key))
    first: set[str] = set()
    for n, key in candidates:
        if seen[key] < 2:
            continue
        if key in first:
            drop.add(n)
        first.add(key)
    return frozenset(drop)
