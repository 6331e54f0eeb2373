"""How more clinicians write: EHR templates, therapy progress notes, surgeons', psychologists' and
voice-recognition dictation. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from imr_engine.engine import resolve_as_of
from imr_engine.extract import extract_text


@pytest.mark.parametrize(("title", "date"), [
    ("SPINE CLINIC NOTE\nDATE OF EXAM 3/8/17\n\nPatient returns.\n", "2017-03-08"),
    ("PAIN CLINIC -- F/U VISIT -- 11/30/19\n\nPt c/o LBP.\n", "2019-11-30"),
    ("Date of evaluation: Aug. 4, 2015\nReferred by: PTP\n", "2015-08-04"),
])
def test_the_visit_date_in_a_title_in_capitals_or_with_an_abbreviated_month(title: str, date: str) -> None:
    case = extract_text(title + "DOI 2/2/2012. Injured lifting boxes.\n", ["Physical therapy x 6"])
    assert str(resolve_as_of(case, None).date) == date


def test_a_dictated_diagnosis_without_a_colon_and_with_its_code() -> None:
    note = "Diagnosis 726.10 right rotator cuff tendinitis. Plan as below.\n"
    assert "right rotator cuff tendinitis" in [d.name for d in extract_text(note, ["Physical therapy x 6"]).diagnoses]


@pytest.mark.parametrize("note", [
    "She has had PT 8 visits in 2014, ibuprofen 600 mg twice a day did not help enough.\n",
    "Treated with chiropractic (10), right L5-S1 TFESI (2015, brief relief), and NSAIDs.\n",
])
def test_a_treatment_without_benefit_in_its_own_clause(note: str) -> None:
    assert extract_text(note, ["TENS unit trial"]).clinical.conservative_care_failed.value == "yes"


def test_a_dictated_examination_runs_over_sentences_with_nothing_to_read() -> None:
    note = ("Physical examination of the lumbar spine reveals tenderness over the right paraspinals.\n"
            "Range of motion is flexion 50 degrees and extension 10 degrees.\n"
            "The straight leg raising test is positive on the right at 40 degrees.\n")
    assert extract_text(note, ["Lumbar epidural steroid injection"]).exam.radiculopathy.value == "yes"


def test_a_surgery_named_in_a_form_field_with_its_date_at_the_end() -> None:
    note = "DOI: 2019-01-05 Surgery: L knee arthroscopic partial medial meniscectomy, chondroplasty, 2019-06-20\n"
    surgeries = extract_text(note, ["Post-op physical therapy x 6"]).surgeries
    assert [(s.name, str(s.date)) for s in surgeries] == [("L knee arthroscopic partial medial meniscectomy, chondroplasty",
                                                          "2019-06-20")]


def test_a_visit_count_belongs_to_the_course_a_request_asks_more_of() -> None:
    note = "Progress note. Visit: 8 of 8. Pt reports he can now kneel, which he could not do at the start of therapy.\n"
    case = extract_text(note, ["6 additional physical therapy visits, left knee"])
    course = next(t for t in case.treatments if t.service == "physical_therapy")
    assert (course.sessions, course.functional_improvement) == (8, "yes")


def test_a_visit_count_without_a_request_for_more_is_not_read() -> None:
    note = "Progress note. Visit: 8 of 8.\n"
    assert extract_text(note, ["Knee brace"]).treatments == []


def test_gains_told_right_after_a_sentence_crediting_the_course() -> None:
    note = ("Completed 4 CBT sessions.\n"
            "A: Depression improving w/ CBT. Functional gains: back to driving, walks daily, resumed cooking.\n")
    case = extract_text(note, ["CBT x 4 more sessions"])
    course = next(t for t in case.treatments if t.service == "cognitive_behavioral_therapy")
    assert course.functional_improvement == "yes"


@pytest.mark.parametrize("note", ["Her husband helps her shower and dress most days.\n",
                                  "He needs help with bathing and spends most of the day lying down.\n"])
def test_dependence_in_self_care_is_a_significant_loss_of_function(note: str) -> None:
    assert extract_text(note, ["Functional restoration program x 80 hours"]).clinical.significant_functional_loss.value == "yes"


def test_the_workers_own_goal_and_consent_are_motivation() -> None:
    note = "He wants to get back to work and agrees to the program goals.\n"
    assert extract_text(note, ["Functional restoration program x 80 hours"]).clinical.motivated_to_change.value == "yes"
