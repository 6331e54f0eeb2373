"""Treatment history as notes tell it: a procedure's outcome over several sentences, surgeries dated
beside their name. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


def _injection(note: str):
    case = extract_text(note, ["Repeat lumbar epidural steroid injection"])
    return next(t for t in case.treatments if t.service == "epidural_steroid_injection")


def test_an_injections_relief_and_less_medication_told_in_the_next_sentences() -> None:
    note = ("He had a right L5-S1 transforaminal epidural steroid injection on 03/02/2016.\n"
            "At the two-week visit he described 60 percent relief, which lasted about seven weeks.\n"
            "Over that period he reduced his tramadol from three a day to one.\n")
    t = _injection(note)
    assert (t.relief_percent, t.relief_weeks, t.medication_reduction) == (60.0, 7.0, "yes")


@pytest.mark.parametrize("said", ["was able to cut back on oxycodone to 1 tab a day", "needed fewer pain pills",
                                  "was off his pain meds for a month"])
def test_less_medication_after_an_injection_in_other_words(said: str) -> None:
    note = f"Pt s/p L4-5 ILESI 2/3/17 with ~65% relief x 8 wks; he {said}.\n"
    assert _injection(note).medication_reduction == "yes"


def test_medication_use_that_did_not_fall_is_not_a_reduction() -> None:
    note = "Pt s/p L4-5 ILESI 2/3/17 with ~65% relief x 8 wks. He did not reduce his medications.\n"
    assert _injection(note).medication_reduction == "unknown"


@pytest.mark.parametrize(("note", "name", "date"), [
    ("He is 5 weeks s/p right L5-S1 microdiscectomy (01/09/2019, Dr. Q).\n", "right L5-S1 microdiscectomy", "2019-01-09"),
    ("Dx: 3. Status post C6-7 ACDF 11/20/2020\n", "C6-7 ACDF", "2020-11-20"),
    ("She is s/p left knee arthroscopy, 2012, elsewhere.\n", "left knee arthroscopy", "2012"),
])
def test_a_surgery_dated_beside_its_name(note: str, name: str, date: str) -> None:
    surgeries = extract_text(note, ["Post-op physical therapy, 8 visits"]).surgeries
    assert [(s.name, str(s.date)) for s in surgeries] == [(name, date)]


def test_a_diagnosis_line_with_codes_in_two_systems_and_a_comment_after_a_dash() -> None:
    note = ("ASSESSMENT:\n 1.  Complex regional pain syndrome type II, left lower limb (G57.72 / 355.71) - clinically stable\n"
            " 2.  M17.11 / 715.16 Primary OA, right knee\n")
    names = [d.name for d in extract_text(note, ["Physical therapy, 6 visits"]).diagnoses]
    assert "Complex regional pain syndrome type II, left lower limb" in names
    assert "Primary OA, right knee" in names


def test_oa_is_osteoarthritis_to_the_guideline() -> None:
    from imr_engine.engine import load_engine

    assert "osteoarthritis" in load_engine().vocabulary.diagnosis_groups_of("Primary OA, right knee")


def test_a_study_justified_under_a_rationale_heading_is_the_request_not_a_prior_study() -> None:
    note = ("EXAM: Left EHL 4/5, SLR positive on the left.\n\n"
            "Rationale for the requests:\n"
            "1. MRI lumbar spine - objective L5 weakness after 10 weeks of failed therapy.\n")
    assert extract_text(note, ["MRI lumbar spine without contrast"]).imaging == []


def _course(note: str, service: str):
    case = extract_text(note, ["Physical therapy, 6 more visits"])
    return next(t for t in case.treatments if t.service == service)


def test_gains_measured_against_the_start_of_care_are_the_courses() -> None:
    note = ("S: Completed 8 PT visits 2/1/22 - 3/10/22.\n"
            "Walks 30 min now, could only walk 5 min at start of care.\n"
            "Now able to carry groceries up the stairs, which she could not do at start of care.\n")
    assert _course(note, "physical_therapy").functional_improvement == "yes"


def test_gains_not_measured_against_the_course_are_not_credited_to_it() -> None:
    note = ("S: Completed 8 PT visits 2/1/22 - 3/10/22.\n"
            "Since starting tramadol she can walk 30 min, was 5 min.\n")
    assert _course(note, "physical_therapy").functional_improvement == "unknown"


def test_a_course_a_progress_report_names_with_its_count_aside() -> None:
    note = "This letter reports on the completed trial of biofeedback-assisted CBT (six weekly sessions) for her pain.\n"
    t = _course(note, "cognitive_behavioral_therapy")
    assert t.sessions == 6


def test_an_initial_trial_in_the_plan_is_the_request_not_history() -> None:
    note = "PLAN:\nInitial trial of acupuncture, 2x/wk x 3 wks (6 visits).\n"
    assert extract_text(note, ["Acupuncture x 6"]).treatments == []


def test_an_ehr_assessment_and_plan_numbers_its_problems_and_comments_on_them() -> None:
    note = ("Assessment/Plan:\n"
            "#1  Chronic lateral epicondylitis, left elbow (M77.12) - no better after 10 weeks of bracing\n"
            "    (strap, HEP, ibuprofen).\n"
            "#2  Hypertension - per PCP.\n")
    names = [d.name for d in extract_text(note, ["Physical therapy, 6 visits"]).diagnoses]
    assert names == ["Chronic lateral epicondylitis, left elbow", "Hypertension"]


@pytest.mark.parametrize("sentence", [
    "S/p L knee arthroscopic partial lateral meniscectomy February 3, 2023.",
    "Status post L knee arthroscopic partial lateral meniscectomy on February 3, 2023.",
    "S/p L knee arthroscopic partial lateral meniscectomy Feb. 3, 2023, and R shoulder arthroscopy May 2, 2019.",
])
def test_an_operation_dated_in_words_keeps_its_day(sentence: str) -> None:
    surgeries = extract_text("DOS: 2/15/2023\n" + sentence + "\n", ["Post-op PT x 6"]).surgeries
    assert str(surgeries[0].date) == "2023-02-03"
    assert "Feb" not in surgeries[0].name
