"""Classes of writing the round-7 writers brought (therapists and psychologists, EMR templates and OCR'd faxes,
interventional pain and spine surgery, post-operative follow-ups, long-tail claims), each as a fragment written
for these tests. Expected values are what each fragment states, read as the guideline reads it: facet injections
after failed conservative care (ODG), postsurgical physical medicine within the surgery's period (8 CCR 9792.24.3),
functional improvement as gains in activities of daily living (8 CCR 9792.20).
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text
from imr_engine.facts import CaseFacts

VISIT = "DOS: 2/18/14\n"
MBB = "Diagnostic medial branch blocks bilateral L4-5, L5-S1"


def _reports(case: CaseFacts) -> set[str]:
    return {str(d.date) for d in case.report_dates}


@pytest.mark.parametrize("history", [
    "Completed PT 18 visits (2012-2013), chiro 6, NSAIDs (naproxen) and HEP - minimal relief.",
    "PT 12 visits, acupuncture 6 - no relief.",
])
def test_care_listed_then_its_meagre_result_after_a_dash_failed(history: str) -> None:
    case = extract_text(VISIT + "HPI: LBP since 2012. " + history + "\n", [MBB])
    assert case.clinical.conservative_care_failed.value == "yes"


def test_a_drug_that_did_not_help_is_said_of_the_drug() -> None:
    case = extract_text(VISIT + "Meds: ibuprofen 600 mg TID - no help; omeprazole 20 mg daily.\n", [MBB])
    assert case.clinical.conservative_care_failed.value != "yes"


def test_an_ocr_l_for_i_in_a_studys_acronym_is_read_as_meant() -> None:
    case = extract_text(VISIT + "MRl L-spine 9/2013: L4-5 disc protrusion contacting the L5 root.\n", [MBB])
    assert [i.modality for i in case.imaging] == ["mri"]


@pytest.mark.parametrize(("diagnosis", "confirmed"), [
    ("DX: 1. Lumbar facet syndrome (721.3)", True),
    ("DX: 1. Lumbar spondylosis without myelopathy", True),
    ("DX: 1. Lumbar strain", False),  # wear the study shows names no diagnosis here
])
def test_wear_a_study_shows_confirms_the_diagnosis_that_names_it(diagnosis: str, confirmed: bool) -> None:
    note = VISIT + "MRI L-spine 9/2013: L4-5 and L5-S1 facet arthropathy, mild; no disc herniation.\n" + diagnosis + "\n"
    case = extract_text(note, [MBB])
    assert (case.clinical.diagnosis_confirmed_by_testing.value == "yes") is confirmed


def test_a_surgery_field_that_gives_the_date_first_names_the_operation() -> None:
    note = ("Visit Date: 03/02/2016\n"
            "Surgery: 01/20/2016 R shoulder arthroscopy, rotator cuff repair (supraspinatus), subacromial decompression\n"
            "HISTORY: 6 weeks post-op. He has completed 12 post-op PT visits.\n")
    case = extract_text(note, ["Post-op physical therapy 2x/wk x 6 wks right shoulder (12 visits)"])
    assert [(s.date is not None, "rotator cuff repair" in s.name.lower()) for s in case.surgeries] == [(True, True)]


@pytest.mark.parametrize(("head", "date"), [
    ("INTERVENTIONAL SPINE & PAIN\nPR-2 / Follow-up    Visit: 6-14-17\n", "2017-06-14"),
    ("Date of evaluation: 2/15/17\nRecords reviewed.\n\nPTP PR-2 - 03/01/2017\nAgree with the second opinion.\n", "2017-03-01"),
])
def test_a_visit_labelled_or_titled_with_its_date(head: str, date: str) -> None:
    assert date in _reports(extract_text(head + "S: neck pain 8/10.\n", ["Gabapentin 600 mg #90"]))


def test_next_visit_is_no_visit_date() -> None:
    case = extract_text("DOS: 6/14/17\nS: neck pain.\nNext visit: 7/14/17\n", ["Gabapentin 600 mg #90"])
    assert _reports(case) == {"2017-06-14"}


@pytest.mark.parametrize("told", [
    "Completed 6 sessions of CBT: PCL-5 58 -> 41, now able to go into kitchens and cook again.",
    "With meds he works 8 hr shifts, walks 45 min, mows his lawn; w/o them cannot sit through a shift.",
])
def test_an_activity_done_again_or_made_possible_by_the_medication(told: str) -> None:
    case = extract_text(VISIT + "S: " + told + "\n", ["Norco 10/325 mg #90"])
    assert case.function.adl_improvement.value == "yes"


def test_an_activity_the_worker_cannot_do_is_no_gain() -> None:
    case = extract_text(VISIT + "S: She cannot cook or mow the lawn; her husband does both.\n", ["Norco 10/325 mg #90"])
    assert case.function.adl_improvement.value != "yes"


def test_a_bare_failed_label_over_the_care_that_failed() -> None:
    note = ("Date: February 21, 2024\nHistory: CRPS R foot. Failed: PT/desensitization 30 visits, mirror therapy, gabapentin "
            "(dizzy, stopped), nortriptyline (no help).\n")
    case = extract_text(note, ["Permanent spinal cord stimulator implantation"])
    assert case.clinical.conservative_care_failed.value == "yes"


def test_a_stimulator_trial_reported_by_its_dates_and_result_is_a_trial_done_with_gains() -> None:
    note = ("Date: February 21, 2024\nSCS trial 2/5-2/12/2024 (2 percutaneous leads T11-T12): pt reported 65% reduction of "
            "foot pain (8/10 -> 3/10), walked 1 mile for the first time since 2020, stopped tramadol during trial.\n")
    case = extract_text(note, ["Permanent spinal cord stimulator implantation"])
    trials = [t for t in case.treatments if t.service == "spinal_cord_stimulator"]
    assert [t.functional_improvement for t in trials] == ["yes"]


@pytest.mark.parametrize(("told", "changed"), [
    ("Weakness has progressed - now drops things, can't push open doors w/ R arm.", "yes"),
    ("Since spring numbness is constant on the R, now dropping objects; new aching into R forearm.", "yes"),
    ("Pt states pain is the same as at her last MRI, no new injury, no new weakness or numbness.", "no"),
    ("Her symptoms have not changed since that MRI.", "no"),
    ("Sx otherwise unchanged since that MRI.", "no"),
])
def test_symptoms_changed_since_the_last_study(told: str, changed: str) -> None:
    case = extract_text("DOS: 9/21/15\nS: " + told + "\n", ["Repeat MRI lumbar spine without contrast"])
    assert case.clinical.symptoms_changed.value == changed


def test_a_pain_rating_unchanged_says_nothing_of_the_symptoms_since_a_study() -> None:
    case = extract_text("DOS: 9/21/15\nS: Neck pain 6/10, unchanged over the past month.\n", ["Norco 10/325 mg #90"])
    assert case.clinical.symptoms_changed.value == "unknown"


@pytest.mark.parametrize(("line", "injury"), [
    ("DOI: CT 08/2013-03/2014 (data entry / keyboarding)", "2014-03"),
    ("Date of injury: CT 1/1/2012 - 6/30/2014", "2014-06-30"),
])
def test_a_cumulative_trauma_period_dates_the_injury_by_its_end(line: str, injury: str) -> None:
    case = extract_text(f"Date of service: 9/21/15\n{line}\n", ["Repeat EMG/NCS bilateral upper extremities"])
    assert case.date_of_injury is not None and str(case.date_of_injury.date) == injury


def test_carpal_tunnel_syndrome_is_a_neuropathic_diagnosis() -> None:
    case = extract_text("DOS: 9/21/15\nImpression:\n1. G56.01 Carpal tunnel syndrome R, progressive with motor signs\n",
                        ["Lidoderm 5% patch #30"])
    assert case.clinical.neuropathic_pain.value == "yes"


@pytest.mark.parametrize("line", [
    "Worker with neck and right shoulder injuries, taking Norco since at least 3/9/2015.",
    "Low back injury; off work since 4/2/2015.",
    "Right knee injury, on tramadol since 02/10/2014 with good effect.",
])
def test_a_date_since_which_something_else_held_is_not_the_injury_date(line: str) -> None:
    case = extract_text(f"Date of service: 9/21/15\n{line}\n", ["Norco 10/325 mg #90"])
    assert case.date_of_injury is None or case.date_of_injury.date is None


@pytest.mark.parametrize(("line", "injury"), [
    ("She injured her low back at work on 3/9/2015 lifting boxes.", "2015-03-09"),
    ("Worker with neck and shoulder injuries sustained 3/9/2015, taking Norco since 4/1/2015.", "2015-03-09"),
])
def test_the_injury_date_is_still_read_beside_a_since_date(line: str, injury: str) -> None:
    case = extract_text(f"Date of service: 9/21/15\n{line}\n", ["Norco 10/325 mg #90"])
    assert case.date_of_injury is not None and str(case.date_of_injury.date) == injury
