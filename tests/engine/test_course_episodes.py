"""Visit limits are per course: only the earlier courses of the current episode add to a request's total.

The CPMTG allows 9-10 visits over 8 weeks per course (p. 98-99) and treats recurrences and flare-ups
as new courses (p. 58-60); the ODG gives flare-up visits after a course that worked. A course dated
before the injury treated another one. Any other course counts, whatever its date. The cases are
written for these tests.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from scenarios import build_case, finding

from imr_engine.engine.derive import derive_items
from imr_engine.engine.terminology import VocabularyTerminology
from imr_engine.requests import parse_request
from imr_engine.vocabulary import load_vocabulary

VOCAB = load_vocabulary()
TERMS = VocabularyTerminology(VOCAB)
REQUEST = "Physical therapy lumbar spine x 6"


def _course(sessions: int, fi: str, date: str | None = None) -> dict[str, Any]:
    return {"name": "physical therapy", "kind": "physical_therapy", "service": "physical_therapy", "sessions": sessions,
            "functional_improvement": fi, "date": date, "evidence": [{"quote": f"PT x {sessions}", "source": "summary"}]}


def _total(treatments: list[dict[str, Any]], flare: bool = False) -> tuple[int, str]:
    clinical = {"acute_exacerbation": finding("yes", "flare-up of low back pain 2 weeks ago")} if flare else {}
    case = build_case([REQUEST], treatments=treatments, clinical=clinical)
    derived = derive_items(case, [parse_request(REQUEST, VOCAB)], dt.date(2015, 6, 1), TERMS)[0]
    return derived.values["sessions_total_at_least"], derived.how.get("sessions_total_at_least", "")


def test_a_flare_after_a_course_that_worked_opens_a_new_course() -> None:
    total, how = _total([_course(12, "yes")], flare=True)
    assert total == 6
    assert "flare-up" in how and "assumed" in how  # the assumption is named


def test_a_flare_after_a_course_that_did_not_work_adds_it() -> None:
    assert _total([_course(12, "no")], flare=True) == (18, "")


def test_without_a_flare_every_course_of_the_claim_counts_whatever_its_date() -> None:
    assert _total([_course(12, "yes", "2012-06"), _course(4, "yes", "2015-04")]) == (22, "")


def test_a_course_before_the_injury_treated_another_injury() -> None:
    total, how = _total([_course(12, "yes", "2011-05"), _course(4, "yes", "2015-04")])
    assert total == 10
    assert "before this injury" in how


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.sampled_from(["yes", "no", "unknown"]),
                          st.sampled_from([None, "2010-01", "2013-01"])), max_size=4),
       st.booleans())
def test_the_total_never_exceeds_every_course_added(courses: list[tuple[int, str, str | None]], flare: bool) -> None:
    total, _ = _total([_course(n, fi, date) for n, fi, date in courses], flare=flare)
    assert 6 <= total <= 6 + sum(n for n, _, _ in courses)
