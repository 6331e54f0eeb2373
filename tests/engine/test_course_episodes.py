"""Visit limits and "more needs functional improvement" are per course: only the current episode's courses speak.

The CPMTG allows 9-10 visits over 8 weeks per course (p. 98-99), manipulation a trial and then more only
with objective functional improvement, re-evaluating recurrences and flare-ups (p. 58-60), CBT an initial
trial and more with improvement (p. 23); postsurgical physical medicine starts with the operation
(8 CCR 9792.24.3). An earlier course of another episode neither adds visits nor decides whether the
earlier visits "improved function": one dated before the injury, physical medicine before an operation
on the part done since, one followed by two years or more without a course (an assumption of the rule
book, thresholds.yaml `episodes`). A flare-up after a course that worked opens a new count, but that
course's gains still speak. The cases are written for these tests.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scenarios import build_case, finding

from imr_engine.engine import Engine
from imr_engine.engine.derive import derive_items
from imr_engine.engine.terminology import VocabularyTerminology
from imr_engine.requests import parse_request
from imr_engine.vocabulary import load_vocabulary

VOCAB = load_vocabulary()
TERMS = VocabularyTerminology(VOCAB)
REQUEST = "Physical therapy lumbar spine x 6"
AS_OF = dt.date(2015, 6, 1)  # the scenarios' decision date; injured 2012-03-01


def _course(sessions: int, fi: str, date: str | None = None, *, service: str = "physical_therapy",
            kind: str = "physical_therapy", region: str | None = None, postoperative: str = "unknown") -> dict[str, Any]:
    return {"name": service.replace("_", " "), "kind": kind, "service": service, "sessions": sessions,
            "functional_improvement": fi, "date": date, "region": region, "postoperative": postoperative,
            "evidence": [{"quote": f"{service} x {sessions} ({date})", "source": "summary"}]}


def _derived(treatments: list[dict[str, Any]], flare: bool = False, request: str = REQUEST,
             **sections: Any) -> tuple[dict[str, Any], dict[str, str]]:
    clinical = {"acute_exacerbation": finding("yes", "flare-up of low back pain 2 weeks ago")} if flare else {}
    case = build_case([request], treatments=treatments, clinical=clinical, **sections)
    derived = derive_items(case, [parse_request(request, VOCAB)], AS_OF, TERMS)[0]
    return derived.values, derived.how


def _total(treatments: list[dict[str, Any]], flare: bool = False) -> tuple[int, str]:
    values, how = _derived(treatments, flare)
    return values["sessions_total_at_least"], how.get("sessions_total_at_least", "")


# --- the visit total -----------------------------------------------------------------------------

def test_a_flare_after_a_course_that_worked_opens_a_new_count() -> None:
    total, how = _total([_course(12, "yes", "2015-02")], flare=True)
    assert total == 6
    assert "flare-up" in how and "assumed" in how  # the assumption is named


def test_a_flare_after_a_course_that_worked_keeps_its_gains() -> None:
    values, _ = _derived([_course(12, "yes", "2015-02")], flare=True)
    assert values["prior_sessions_functional_improvement"] == "yes"  # the ODG's flare criterion reads them
    assert "physical_therapy" in values["tried_services"]


def test_a_flare_after_a_course_that_did_not_work_adds_it() -> None:
    assert _total([_course(12, "no", "2015-02")], flare=True) == (18, "")


def test_courses_without_a_long_gap_all_count() -> None:
    assert _total([_course(12, "yes", "2014-03"), _course(4, "yes", "2015-04")]) == (22, "")


def test_a_course_before_the_injury_treated_another_injury() -> None:
    total, how = _total([_course(12, "yes", "2011-05"), _course(4, "yes", "2015-04")])
    assert total == 10
    assert "before this injury" in how


# --- the functional-improvement check and the services tried -------------------------------------

@pytest.mark.parametrize(("courses", "why"), [
    ([_course(12, "no", "2011-05")], "before this injury"),
    ([_course(12, "no", "2012-10")], "new trial"),                      # 2 years 7 months without therapy
    ([_course(8, "no", "2012-06"), _course(4, "no", "2012-11")], "new trial"),
    ([_course(12, "no", "2013-01", region="lumbar_spine")], "operation"),  # lumbar surgery 2014-02 since
    ([_course(12, "no", None, postoperative="no")], "operation"),          # "pre-op PT x 12", undated
])
def test_an_earlier_episodes_course_does_not_decide_functional_improvement(courses: list[dict[str, Any]], why: str) -> None:
    surgery = [{"name": "L4-5 microdiscectomy", "body_region": "lumbar_spine", "date": "2014-02-10",
                "evidence": [{"quote": "s/p L4-5 microdiscectomy 2/10/2014", "source": "summary"}]}]
    values, how = _derived(courses, surgeries=surgery if why == "operation" else [])
    assert values["prior_sessions_functional_improvement"] == "unknown" and values["prior_sessions"] is None
    assert "physical_therapy" not in values["tried_services"]  # a first course of this episode
    assert values["sessions_total_at_least"] == 6
    assert why in how["tried_services"] and "set aside" in how["tried_services"]


@pytest.mark.parametrize("courses", [
    [_course(12, "no", "2014-09")],                                  # within two years of the request
    [_course(8, "no", "2012-06"), _course(4, "no", "2014-11")],     # the gap is closed by a later course
    [_course(8, "no", "2012-06"), _course(4, "no", None)],          # an undated course may fall in the gap
])
def test_a_continuing_episodes_course_decides_it(courses: list[dict[str, Any]]) -> None:
    values, _ = _derived(courses)
    assert values["prior_sessions_functional_improvement"] == "no"
    assert "physical_therapy" in values["tried_services"]


def test_only_a_gap_before_the_last_course_sets_the_earlier_one_aside() -> None:
    values, how = _derived([_course(8, "no", "2012-04"), _course(4, "yes", "2015-01")])
    assert values["prior_sessions"] == 4 and values["prior_sessions_functional_improvement"] == "yes"
    assert values["sessions_total_at_least"] == 10
    assert "2012-04" in how["prior_sessions"]


def test_an_operation_on_another_part_opens_no_new_course() -> None:
    knee = [{"name": "knee arthroscopy", "body_region": "knee", "date": "2014-02-10",
             "evidence": [{"quote": "s/p R knee arthroscopy 2/10/2014", "source": "summary"}]}]
    values, _ = _derived([_course(12, "no", "2013-09", region="lumbar_spine")], surgeries=knee)
    assert values["prior_sessions_functional_improvement"] == "no"


def test_an_operation_ends_no_psychotherapy_course() -> None:  # it treats no operated part
    surgery = [{"name": "L4-5 microdiscectomy", "body_region": "lumbar_spine", "date": "2014-02-10",
                "evidence": [{"quote": "s/p L4-5 microdiscectomy", "source": "summary"}]}]
    cbt = _course(6, "no", "2013-09", service="cognitive_behavioral_therapy", kind="psychological")
    values, _ = _derived([cbt], surgeries=surgery, request="Cognitive behavioral therapy x 4")
    assert values["prior_sessions_functional_improvement"] == "no"


# --- outcomes, by the guideline's criteria --------------------------------------------------------

def _outcome(engine: Engine, request: str, courses: list[dict[str, Any]], **sections: Any) -> tuple[str, list[str]]:
    item = engine.evaluate(build_case([request], treatments=courses, **sections)).items[0]
    return item.predicted, [r.rule_id for r in item.rules if r.decisive]


@pytest.mark.parametrize(("date", "outcome"), [
    ("2012-10", "Overturned"),  # a new trial of 6 visits, within 9-10 (p. 98-99)
    ("2014-12", "Upheld"),      # more of the same without documented functional improvement
])
def test_physical_therapy_after_a_long_gap_is_a_new_trial(engine: Engine, date: str, outcome: str) -> None:
    predicted, rules = _outcome(engine, REQUEST, [_course(12, "no", date, region="lumbar_spine")],
                                diagnoses=[{"name": "lumbar strain", "body_regions": ["lumbar_spine"]}])
    assert predicted == outcome
    assert ("cpmtg.physical-medicine.more-without-functional-improvement" in rules) == (outcome == "Upheld")


@pytest.mark.parametrize(("date", "outcome"), [
    ("2012-06", "Overturned"),  # a trial of 6 visits for spinal pain (p. 58-60)
    ("2015-01", "Upheld"),      # an extension without objective functional improvement
])
def test_chiropractic_after_a_long_gap_is_a_new_trial(engine: Engine, date: str, outcome: str) -> None:
    chiro = _course(12, "unknown", date, service="chiropractic", kind="chiropractic", region="lumbar_spine")
    predicted, rules = _outcome(engine, "Chiropractic manipulation lumbar spine x 6", [chiro],
                                diagnoses=[{"name": "lumbar strain", "body_regions": ["lumbar_spine"]}])
    assert predicted == outcome
    assert ("cpmtg.manual-therapy.extension-without-functional-improvement" in rules) == (outcome == "Upheld")


@pytest.mark.parametrize(("course_date", "outcome"), [
    ("2013-06", "Overturned"),  # physical medicine before the operation: a new postoperative-era course
    ("2014-09", "Upheld"),      # after it: the same course, no documented functional improvement
])
def test_an_operation_since_the_course_opens_a_new_one(engine: Engine, course_date: str, outcome: str) -> None:
    surgery = [{"name": "L4-5 microdiscectomy", "body_region": "lumbar_spine", "date": "2014-02-10",
                "evidence": [{"quote": "s/p L4-5 microdiscectomy 2/10/2014", "source": "summary"}]}]
    predicted, _ = _outcome(engine, REQUEST, [_course(12, "no", course_date, region="lumbar_spine")], surgeries=surgery,
                            diagnoses=[{"name": "lumbar radiculopathy", "body_regions": ["lumbar_spine"]}])
    assert predicted == outcome


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.sampled_from(["yes", "no", "unknown"]),
                          st.sampled_from([None, "2010-01", "2012-06", "2013-01", "2014-08", "2015-03"])), max_size=4),
       st.booleans())
def test_the_total_never_exceeds_every_course_added(courses: list[tuple[int, str, str | None]], flare: bool) -> None:
    total, _ = _total([_course(n, fi, date) for n, fi, date in courses], flare=flare)
    assert 6 <= total <= 6 + sum(n for n, _, _ in courses)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 20), st.sampled_from(["no", "unknown"]),
                          st.sampled_from(["2010-01", "2012-06", "2013-01", "2014-08", "2015-03"])), min_size=1, max_size=4))
def test_the_latest_course_within_two_years_always_speaks(courses: list[tuple[int, str, str]]) -> None:
    values, _ = _derived([_course(n, fi, date) for n, fi, date in courses])
    recent = any(date in ("2014-08", "2015-03") for _, _, date in courses)
    assert (values["prior_sessions"] is not None) == recent


# --- the visit's documented gains, credited to the course it reports on ----------------------------------

def _gains(extra: list[dict[str, Any]] | None = None, fi: str = "unknown", request: str = "Cognitive behavioral therapy x 6",
           rtw: bool = True) -> tuple[dict[str, Any], dict[str, str]]:
    cbt = _course(10, fi, None, service="cognitive_behavioral_therapy", kind="psychological")
    function = {"returned_to_work": finding("yes", "returned to modified work 20 h a week")} if rtw else {}
    return _derived([cbt, *(extra or [])], request=request, function=function)


def test_a_course_that_is_the_only_care_takes_the_visits_documented_gains() -> None:
    values, how = _gains()
    assert values["prior_sessions_functional_improvement"] == "yes"
    assert "assumed" in how["prior_sessions_functional_improvement"]


@pytest.mark.parametrize(("extra", "fi", "rtw"), [
    ([_course(12, "unknown", "2015-01", region="lumbar_spine")], "unknown", True),  # PT too: whose gains?
    ([], "no", True),                                                              # the course's own finding stands
    ([], "unknown", False),                                                        # no gains documented
])
def test_otherwise_the_course_keeps_its_own_finding(extra: list[dict[str, Any]], fi: str, rtw: bool) -> None:
    values, _ = _gains(extra, fi, rtw=rtw)
    assert values["prior_sessions_functional_improvement"] == fi


def test_drugs_do_not_keep_the_gains_from_the_course() -> None:
    drug = {"name": "sertraline", "kind": "medication", "evidence": [{"quote": "sertraline helps", "source": "summary"}]}
    values, _ = _gains([drug])
    assert values["prior_sessions_functional_improvement"] == "yes"


# --- a new diagnosis opens a course of its own (CPMTG p. 98-99: CRPS 24 visits over 16 weeks) ----------

_CRPS = [{"name": "complex regional pain syndrome type I, right upper limb", "body_regions": [],
          "evidence": [{"quote": "CRPS I right upper limb, Budapest criteria met", "source": "summary"}]}]
_HAND_OT = "Occupational therapy (hand therapy) R hand 2x/week x 4 weeks (8 visits)"


def _for(condition: str | None, sessions: int = 12, fi: str = "unknown") -> dict[str, Any]:
    return {**_course(sessions, fi, None), "condition": condition}


@pytest.mark.parametrize("condition", ["fracture rehab", "distal radius fracture", "post-fracture stiffness"])
def test_a_course_for_the_fracture_is_not_the_first_course_of_a_crps_found_since(condition: str) -> None:
    values, how = _derived([_for(condition)], request=_HAND_OT, diagnoses=_CRPS)
    assert values["sessions_total_at_least"] == 8   # the 12 fracture visits are not the CRPS course's
    assert values.get("prior_sessions") is None
    assert condition in how["sessions_total_at_least"] and "p. 98-99" in how["sessions_total_at_least"]


@pytest.mark.parametrize("condition", ["CRPS", "reflex sympathetic dystrophy of the hand", None, "the right hand"])
def test_a_course_for_the_crps_or_for_no_named_condition_still_counts(condition: str | None) -> None:
    values, _ = _derived([_for(condition)], request=_HAND_OT, diagnoses=_CRPS)
    assert values["sessions_total_at_least"] == 20


def test_without_a_new_diagnosis_a_course_for_another_condition_counts() -> None:
    strain = [{"name": "lumbar strain", "body_regions": ["lumbar_spine"], "evidence": [{"quote": "lumbar strain",
                                                                                         "source": "summary"}]}]
    values, _ = _derived([_for("lumbar radiculopathy")], diagnoses=strain)
    assert values["sessions_total_at_least"] == 18  # radiculitis and myalgia are not listed as opening a course


def test_the_crps_course_is_judged_as_a_first_course(engine: Engine) -> None:
    case = build_case([_HAND_OT], treatments=[_for("fracture rehab")], diagnoses=_CRPS)
    item = engine.evaluate(case).items[0]
    assert item.predicted == "Overturned"
    assert "cpmtg.physical-medicine.more-without-functional-improvement" not in [r.rule_id for r in item.rules if r.decisive]


# --- a retrospective request's own visits are not a course before it ---------------------------------

@pytest.mark.parametrize("request_line", [
    "Physical therapy lumbar spine x 12, retro",
    "Retrospective request: physical therapy lumbar spine x 12",
    "PT lumbar spine 2x6 (12 visits) - retro-authorization",
    "Retroactive authorization: physical therapy lumbar spine x 12",
    "PT lumbar spine x 12 (retroactive)",
    "RETRO AUTH PT LUMBAR SPINE X 12",
])
def test_the_visits_a_retrospective_request_is_for_are_not_added_twice(request_line: str) -> None:
    values, how = _derived([_course(12, "unknown", "2015-04")], request=request_line)
    assert values["sessions_total_at_least"] == 12  # the 12 given are the 12 asked for
    assert "retrospective" in how["sessions_total_at_least"]


@pytest.mark.parametrize(("request_line", "total"), [
    ("Physical therapy lumbar spine x 12", 24),         # not retrospective: a course before it
    ("Physical therapy lumbar spine x 6, retro", 18),   # another number of visits: another course
    ("Physical therapy lumbar spine x 12 for L4-5 retrolisthesis", 24),  # a diagnosis, not a retro request
])
def test_other_courses_still_count_for_a_retrospective_request(request_line: str, total: int) -> None:
    values, _ = _derived([_course(12, "unknown", "2015-04")], request=request_line)
    assert values["sessions_total_at_least"] == total
