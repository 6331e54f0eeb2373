"""Therapy before and after a surgery: the postsurgical course counts only what followed the operation.

8 CCR 9792.24.3: the postsurgical physical medicine period begins on the day of the surgery; an
initial course is one half of the general course for the surgery, a subsequent one needs
documented functional improvement, and the whole stays within the general course (for a
meniscectomy, 12 visits within 6 months). Therapy given before the operation is no part of that
course. Each note below is a fragment written for these tests; the expected counts are what the
fragment states, never what the reader returns.
"""

from __future__ import annotations

import datetime as dt

import pytest

from imr_engine.engine import load_engine
from imr_engine.engine.derive import derive_items
from imr_engine.extract import extract_text
from imr_engine.facts import CaseFacts

VISIT = "DOS: 04/07/2018\n"
POST_OP_PT = "Post-op PT x 6 visits, R knee"


def _case(body: str, request: str = POST_OP_PT) -> CaseFacts:
    return extract_text(VISIT + body, [request])


def _courses(case: CaseFacts) -> list[tuple[int | None, str]]:
    return sorted((t.sessions, t.postoperative) for t in case.treatments if t.service == "physical_therapy")


@pytest.mark.parametrize(("body", "courses"), [
    ("S: s/p R carpal tunnel release 3/2/18. Completed 8 PT sessions after the 3/2/18 release, grip 20 -> 35 lb. "
     "PT 12 visits (5-7/2017) before surgery without benefit.\n", [(8, "yes"), (12, "no")]),
    ("S: Pt underwent L knee arthroscopy 1/10/2018. Prior to surgery she had PT x 12 visits without relief. "
     "Post-op PT x 6 visits so far.\n", [(6, "yes"), (12, "no")]),
    ("S: s/p ACDF C5-6 on 9/14/2017. Since surgery, 10 sessions of physical therapy with better neck rotation.\n",
     [(10, "yes")]),
    ("S: s/p R TKA 11/2/2017; pre-op PT x 6, then post-op PT x 12 visits.\n", [(6, "no"), (12, "yes")]),
])
def test_a_course_set_before_or_after_the_surgery(body: str, courses: list[tuple[int, str]]) -> None:
    assert _courses(_case(body)) == courses


@pytest.mark.parametrize(("told", "ended"), [
    ("PT 12 visits (5-7/2017) without benefit", "2017-07"),
    ("PT x 12 visits (2/2017-4/2017), no change in pain", "2017-04"),
    ("PT 24 visits (2015-2016), no better", "2016"),
    ("PT x 8 visits Feb-Apr 2016 without benefit", "2016-04"),
])
def test_a_course_is_dated_by_when_it_ended(told: str, ended: str) -> None:
    case = _case(f"S: Chronic knee pain. {told}.\n")
    assert [str(t.date) for t in case.treatments if t.service == "physical_therapy"] == [ended]


def test_prior_to_surgery_is_no_surgery() -> None:
    case = _case("S: Pt underwent L knee arthroscopy 1/10/2018. Prior to surgery she had PT x 12 visits without relief.\n")
    assert [s.name for s in case.surgeries] == ["L knee arthroscopy"]


@pytest.mark.parametrize(("body", "surgery", "date"), [
    ("HPI: Right shoulder rotator cuff repair on 01/10/2018. Post-op PT 12 visits.\n", "Right shoulder rotator cuff repair",
     "2018-01-10"),
    ("S: s/p R carpal tunnel release 3/2/18, numbness better.\n", "R carpal tunnel release", "2018-03-02"),
])
def test_an_operation_told_with_its_date_is_a_surgery(body: str, surgery: str, date: str) -> None:
    assert [(s.name, str(s.date)) for s in _case(body).surgeries] == [(surgery, date)]


def test_an_operation_still_to_come_is_no_surgery() -> None:
    assert _case("S: Rotator cuff repair scheduled 5/1/18.\n").surgeries == []


def test_gains_go_to_the_course_told_before_them() -> None:
    case = _case(
        "S: s/p R knee arthroscopy w/ partial medial meniscectomy 2/1/18. PT x 12 visits (9-12/2017) before surgery "
        "without benefit. Post-op PT x 6 visits so far, walking 30 min now vs 5 min before.\n"
    )
    gains = {t.postoperative: t.functional_improvement for t in case.treatments if t.service == "physical_therapy"}
    assert gains == {"no": "unknown", "yes": "yes"}


MENISCECTOMY = "S: s/p R knee arthroscopy w/ partial medial meniscectomy 2/1/18. "
GAIN = " Flexion improved from 90 to 115 degrees since the surgery.\n"


@pytest.mark.parametrize(("history", "total"), [
    ("PT x 12 visits (9-12/2017) before surgery without benefit. Post-op PT x 6 visits so far.", 12),  # 6 done + 6 asked
    ("PT x 12 visits (9-12/2017) without benefit. Post-op PT x 6 visits so far.", 12),  # dated before the surgery
    ("Post-op PT x 6 visits so far.", 12),
])
def test_the_postsurgical_course_counts_only_visits_after_the_surgery(history: str, total: int) -> None:
    case = _case(MENISCECTOMY + history + GAIN)
    engine = load_engine()
    derived = derive_items(case, engine._requested_items(case), dt.date(2018, 4, 7), engine.vocabulary)[0].facts
    facts = derived.model_dump()
    assert facts["postsurgical_period"] == "yes"
    assert facts["sessions_total_at_least"] == total
    assert facts["postsurgical_within_general_course"] == "yes"  # 12 visits within the meniscectomy's 12
