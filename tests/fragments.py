"""Reading a note fragment written for a test: the case facts the reader drafts from it.

The reader's phrasing tests each give one short fragment and the fact it should state; the visit line
around it is the same for all of them, and the request line too unless a test's fact turns on it, so
they are written once here.
"""

from __future__ import annotations

from imr_engine.extract import extract_text
from imr_engine.facts import CaseFacts
from imr_engine.facts.model import Treatment

#: A visit date, so that a fragment's dates and durations are read against a day of service.
VISIT = "Date of service: 03/14/2016\n"
#: A request the fragment's facts do not turn on.
OFFICE_VISIT = "Office visit x 1"


def read_fragment(text: str, request: str = OFFICE_VISIT) -> CaseFacts:
    """The case facts drafted from *text* told at a visit, with *request* as the note's one request."""
    return extract_text(VISIT + text + "\n", [request])


def courses(text: str, service: str) -> list[Treatment]:
    """The prior courses of *service* read from *text*."""
    return [t for t in read_fragment(text).treatments if t.service == service]


def one_course(text: str, service: str) -> Treatment:
    """The one prior course of *service* read from *text* (a fragment telling one course twice must give one)."""
    found = courses(text, service)
    assert len(found) == 1, [t.model_dump() for t in found]
    return found[0]
