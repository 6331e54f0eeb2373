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


@pytest.mark.parametrize("note", ["EXAM: Strength 5/5 BLE. Sensation slightly diminished R great toe dorsum.\n",
                                  "EXAM: Decreased LT sensation L C7 dermatome; diminished L triceps reflex.\n"])
def test_a_sensory_or_reflex_loss_named_the_other_way_round_is_a_deficit(note: str) -> None:
    assert extract_text(note, ["Cervical epidural steroid injection"]).exam.neurological_deficit.value == "yes"


def test_sensation_lost_over_a_named_dermatome_is_radiculopathy_on_exam() -> None:
    note = "OBJECTIVE: SLR negative bilat. Sensation diminished R S1 dermatome.\n"
    assert extract_text(note, ["Lumbar epidural steroid injection"]).exam.radiculopathy.value == "yes"


@pytest.mark.parametrize("note", ["She has had 10 PT visits without lasting functional change.\n",
                                  "Tramadol since 2019; he is not doing more than before.\n",
                                  "Gabapentin: no change in sleep or activity.\n"])
def test_no_functional_gain_in_other_words(note: str) -> None:
    assert extract_text(note, ["Tramadol 50 mg #60"]).function.objective_improvement.value == "no"


def test_a_drug_that_gives_minimal_help_is_no_subjective_improvement() -> None:
    note = "Meds: tramadol 50 mg prn (minimal help).\n"
    assert extract_text(note, ["Tramadol 50 mg #60"]).function.subjective_improvement.value == "unknown"


@pytest.mark.parametrize(("note", "value"), [("Gait antalgic, walks with a quad cane.\n", "yes"),
                                             ("Walking 10 min (single-point cane).\n", "yes"),
                                             ("After a block she has to lean on a shopping cart to keep going.\n", "yes"),
                                             ("He walks without an assistive device.\n", "no"),
                                             # impaired ambulation in words, without an aid named
                                             ("2 wks s/p fusion; ambulates with difficulty, unsteady gait.\n", "yes"),
                                             ("He is unable to walk more than one block.\n", "yes"),
                                             ("Pt remains NWB on the left per ortho.\n", "yes"),
                                             ("History of falls at home since the injury.\n", "yes"),
                                             ("Denies difficulty walking.\n", "no"),
                                             ("Fall precautions reviewed.\n", "unknown")])
def test_walking_that_needs_an_aid(note: str, value: str) -> None:
    assert extract_text(note, ["Front-wheeled walker"]).clinical.mobility_limited.value == value


@pytest.mark.parametrize("note", ["Dx: intercostal neuralgia - localized neuropathic pain over the R T7 band.\n",
                                  "The burning is confined to the dorsum of the left foot.\n"])
def test_pain_in_a_small_defined_area_is_localized(note: str) -> None:
    assert extract_text(note, ["Lidoderm 5% patch #30"]).clinical.localized_pain.value == "yes"


@pytest.mark.parametrize(("sentence", "with_med", "without_med"), [
    ("She rates the pain 9 out of 10 without the medication and 5 out of 10 with it.\n", 5, 9),
    ('Pain today 7/10; "about 6 w/ the meds and 9 w/o."\n', 6, 9),
    ("Low back pain 4/10 now, down from 8/10 before naproxen.\n", 4, 8),
])
def test_pain_with_and_without_the_drug_as_notes_pair_them(sentence: str, with_med: int, without_med: int) -> None:
    scores = extract_text(sentence, ["Naproxen 500 mg #60"]).pain_scores
    assert with_med in [p.score for p in scores if p.context == "with_medication"]
    assert without_med in [p.score for p in scores if p.context == "without_medication"]


def test_a_meniscus_tear_in_the_icd_word_order_is_a_meniscal_tear() -> None:
    from imr_engine.engine import load_engine

    groups = load_engine().vocabulary.diagnosis_groups_of("Tear of lateral meniscus, current injury, left knee")
    assert "meniscal_tear" in groups


def test_severe_lateral_recess_stenosis_on_mri_puts_a_root_at_stake() -> None:
    note = "MRI L-spine 3/2020: L4-5 severe central and left lateral recess stenosis with facet hypertrophy.\n"
    studies = extract_text(note, ["L4-5 laminectomy"]).imaging
    assert [s.corroborates_radiculopathy for s in studies] == ["yes"]
