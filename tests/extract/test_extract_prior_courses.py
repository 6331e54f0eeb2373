"""Prior courses of care told in prose, lists and assessments, read as treatments (issue 10, reader round 8).

Each fragment was written for these tests, one per way clinicians tell a course already given: its count
(visits, sessions, injections: "x8", "8 visits", "10 of 12"), body region, date and effect. Both ways: a course
only planned, requested, prescribed with a frequency, or denied is no prior course. Expected values are what the
fragment states; the guideline turns on them (CPMTG p. 98-99: visits completed and their functional effect).
"""

from __future__ import annotations

import pytest
from fragments import courses, one_course, read_fragment

from imr_engine.extract import extract_text


@pytest.mark.parametrize(("text", "service", "sessions"), [
    ("HPI: Did 10 sessions of PT last spring for the neck.", "physical_therapy", 10),
    ("S: Low back pain. Finished PT x9 (5/15-7/15), still stiff.", "physical_therapy", 9),
    ("Hx: He has had chiropractic (14), acupuncture (5) and a home program.", "chiropractic", 14),
    ("Hx: He has had chiropractic (14), acupuncture (5) and a home program.", "acupuncture", 5),
    ("Prior tx: PT x 16 (2013), chiro x 7 (2014), HEP.", "chiropractic", 7),
    ("She attended 9/12 authorized PT visits before the flare.", "physical_therapy", 9),
    ("s/p 7 chiro visits in 2015 per her report.", "chiropractic", 7),
    ("History: PT 2014 x 11 for the shoulder.", "physical_therapy", 11),
    ("Past care includes two lumbar ESIs, PT and meds.", "epidural_steroid_injection", 2),
])
def test_a_course_given_is_read_with_its_count(text: str, service: str, sessions: int) -> None:
    assert one_course(text, service).sessions == sessions


@pytest.mark.parametrize(("text", "service", "effect"), [
    ("HPI: completed 14 sessions of physical therapy in 2014 without lasting benefit.", "physical_therapy",
     "no_improvement"),
    ("Had acupuncture x7 last year, helped 40%.", "acupuncture", "improved"),
    ("Tried chiro x 5 in 2015 w/ partial benefit.", "chiropractic", "improved"),
    ("Finished PT x9 (5/15-7/15), helped some with lifting.", "physical_therapy", "improved"),
    ("Pt did 10 PT visits - no change in pain or function.", "physical_therapy", "no_improvement"),
    ("He has failed conservative care including PT, NSAIDs and a home exercise program.", "physical_therapy",
     "no_improvement"),
])
def test_a_course_is_read_with_its_effect(text: str, service: str, effect: str) -> None:
    assert one_course(text, service).effect == effect


@pytest.mark.parametrize("text", [
    "Hx: PT x 22, chiro x 9, acupuncture x 4 - all without lasting benefit.",
    "Has done PT x 11 (2013), chiropractic x 5 (2014) and HEP; none of these gave more than temporary relief.",
])
def test_a_result_told_after_a_list_is_said_of_every_course_in_it(text: str) -> None:
    case = read_fragment(text)
    courses = {t.service: t for t in case.treatments if t.service in ("physical_therapy", "chiropractic")}
    assert set(courses) == {"physical_therapy", "chiropractic"}
    assert {t.effect for t in courses.values()} == {"no_improvement"}


def test_a_course_dated_by_its_year_carries_the_date() -> None:
    course = one_course("Prior treatment: PT x 16 (2013) for the low back.", "physical_therapy")
    assert str(course.date) == "2013"


def test_a_course_told_with_its_body_part_carries_the_region() -> None:
    course = one_course("She completed 11 sessions of physical therapy for the lumbar spine in 2015.", "physical_therapy")
    assert course.region == "lumbar_spine"


def test_the_same_course_told_twice_with_its_count_is_one_course() -> None:
    text = "HPI: Did 12 sessions of PT in 2014, helped some.\nAssessment: tx incl PT x12 and meds; still limited."
    course = one_course(text, "physical_therapy")
    assert course.sessions == 12


def test_two_courses_of_one_service_with_their_own_counts_are_two() -> None:
    found = courses("Hx: PT 2018 x 14 visits and again 2019 x 9 visits, no lasting change.", "physical_therapy")
    assert sorted(t.sessions or 0 for t in found) == [9, 14]


@pytest.mark.parametrize("text", [
    "Plan: PT 2x/wk x 6 wks for the lumbar spine.",
    "Will start physical therapy next week, 8 visits.",
    "Request authorization for chiropractic x 6 visits.",
    "Denies prior PT. No chiropractic care.",
    "Has never had acupuncture.",
    "He agrees to a course of CBT with our psychologist.",
    "Physical therapy 3 times a week for 4 weeks is recommended.",
    "UR authorized 6 sessions of acupuncture on 2/2016.",
])
def test_a_course_only_planned_requested_or_denied_is_no_prior_course(text: str) -> None:
    case = read_fragment(text)
    assert [t.name for t in case.treatments if t.kind != "medication"] == []


def test_an_evaluation_is_no_course_of_care() -> None:
    case = read_fragment("At the initial psychological evaluation on 01/05/2016 she met criteria for depression.")
    assert [t.name for t in case.treatments if t.service == "psychological_evaluation"] == []


@pytest.mark.parametrize(("text", "service"), [
    ("Hx: bilat L4 TFESI x2 2015 (< 2 wks relief each).", "epidural_steroid_injection"),
    ("Interlaminar ESI 04/2015 (~1 week relief).", "epidural_steroid_injection"),
    ('S: "PT helps while I\'m there" - completed 14 visits.', "physical_therapy"),
    ("Did 10 sessions of PT in 2014, pain back to the same level a month after.", "physical_therapy"),
])
def test_relief_that_lasted_days_or_only_during_the_visits_is_no_improvement(text: str, service: str) -> None:
    assert one_course(text, service).effect == "no_improvement"


def test_a_gain_measured_in_hours_after_a_course_is_still_its_benefit() -> None:
    text = "Completed PT 7 visits with some improvement - can now stand about 3 hrs vs 1 hr before."
    assert one_course(text, "physical_therapy").effect == "improved"


def test_a_spinal_level_is_no_count_of_injections() -> None:
    assert one_course("Hx: right L5 TFESI x3 in 2014, no relief.", "epidural_steroid_injection").sessions == 3


def test_a_therapists_numbered_visit_counts_the_visits_given_of_the_course_asked_to_continue() -> None:
    note = ("ACME PHYSICAL THERAPY - PROGRESS NOTE\nVisit date: 02-11-2021      Visit # 14\n"
            "Subj: low back pain 5/10.\nPlan: continue PT 2x/wk x 4 wks lumbar.\n")
    case = extract_text(note, ["Physical therapy, continue 2x/wk x 4 wks (8 visits), lumbar"])
    assert [t.sessions for t in case.treatments if t.service == "physical_therapy"] == [14]


def test_a_visit_numbered_in_a_doctors_note_without_a_course_to_continue_counts_nothing() -> None:
    note = "PAIN CLINIC\nDate: 02/11/2021   opioid taper visit #3\nS: back pain 6/10.\n"
    case = extract_text(note, ["Norco 10/325 #60"])
    assert [t.sessions for t in case.treatments if t.sessions] == []


def test_gains_told_below_a_courses_rows_of_scores_are_that_courses() -> None:
    note = ("Visit Date: 5/02/2022\n\nPsychology: 6 of 6 CBT sessions completed (pacing, relaxation).\n"
            "  PHQ-9: 17 -> 9\n  PCS: 40 -> 22\n"
            "Pt now walks the dog daily and drives to the store again, returned to part-time work.\n\n"
            "Plan:\nRFA - CBT, 4 additional sessions\n")
    case = extract_text(note, ["CBT, 4 additional sessions"])
    cbt = [t for t in case.treatments if t.service == "cognitive_behavioral_therapy"]
    assert [(t.sessions, t.functional_improvement) for t in cbt] == [(6, "yes")]


@pytest.mark.parametrize("text", [
    "Per PT progress note January 17, 2019, rotation improved from 30 to 55 degrees.",
    "Chiropractic re-eval Sept. 9, 2015 - flexion improved, less pain.",
    "Acupuncture note dated March 3: sleeping better.",
])
def test_a_day_of_the_month_after_a_course_is_no_count_of_its_visits(text: str) -> None:
    # the number after a month's name is the day the course was seen, not how many visits it had
    assert all(t.sessions is None for t in read_fragment(text).treatments), read_fragment(text).treatments
