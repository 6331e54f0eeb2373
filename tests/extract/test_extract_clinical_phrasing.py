"""Condition-level findings and work as notes state them. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


def _case(note: str):
    return extract_text(note, ["Functional restoration program x 10 days"])


@pytest.mark.parametrize("note", ["Sleeps poorly because of the hip.\n", "Sleep interrupted by pain most nights.\n",
                                  "Back pain wakes her at night 3-4x.\n"])
def test_sleep_problems_as_notes_write_them(note: str) -> None:
    assert _case(note).clinical.sleep_disturbance.value == "yes"


def test_a_patient_who_accepts_the_proposed_operation_is_a_surgical_candidate() -> None:
    note = "We discussed a right L4-5 laminotomy and discectomy.\nShe would like to proceed.\n"
    assert _case(note).clinical.surgical_candidate.value == "yes"
    assert _case("He is a good candidate for a right shoulder arthroscopic repair.\n").clinical.surgical_candidate.value == "yes"


def test_a_surgeon_who_does_not_recommend_surgery_documents_no_candidacy() -> None:
    assert _case("Per the spine consult, surgery is not recommended.\n").clinical.surgical_candidate.value == "no"


@pytest.mark.parametrize("note", [
    "She has had PT x 10 and two injections, all without lasting relief.\n",
    "Tried chiropractic, acupuncture and NSAIDs; none of these has helped more than a few days.\n",
    "Weakness is worse despite 6 months of conservative tx.\n",
])
def test_conservative_care_that_failed_in_other_words(note: str) -> None:
    assert _case(note).clinical.conservative_care_failed.value == "yes"


def test_the_criteria_of_a_functional_restoration_program_as_an_evaluation_reports_them() -> None:
    note = ("Results of his interdisciplinary evaluation of 3/2/15 reviewed.\n"
            "He has a marked loss of function and spends most of the day in bed.\n"
            "Psychology: pt motivated, readiness to change confirmed.\n")
    c = _case(note).clinical
    assert (c.baseline_functional_evaluation.value, c.significant_functional_loss.value, c.motivated_to_change.value) == (
        "yes", "yes", "yes")


@pytest.mark.parametrize("note", ["No leg sx.\n", "Axial LBP, no radic sx.\n", "Pain does not radiate; no radiation below the knee.\n",
                                  "Denies numbness or tingling in the hands.\n"])
def test_neuropathic_symptoms_denied_as_notes_deny_them(note: str) -> None:
    assert _case(note).clinical.neuropathic_pain.value == "no"


def test_radiation_down_a_limb_is_neuropathic_pain() -> None:
    assert _case("Pain radiates down the back of the right thigh to the heel.\n").clinical.neuropathic_pain.value == "yes"


@pytest.mark.parametrize("note", ["Currently working light duty at the front desk.\n",
                                  "He is working 6 hrs/day within these restrictions.\n",
                                  "She returned to her usual job in March.\n"])
def test_at_work_as_notes_say_it(note: str) -> None:
    assert _case(note).function.returned_to_work.value == "yes"


def test_not_worked_since_is_off_work() -> None:
    f = _case("He has not worked since the injury in 2019.\n").function
    assert (f.work_status.value, f.returned_to_work.value) == ("off_work", "no")


@pytest.mark.parametrize(("note", "value"), [
    ("She does her home exercises most days.\n", "yes"),
    ("Had 8 PT visits with no lasting benefit, a home program, and ibuprofen.\n", "yes"),
    ("PLAN:\nPT 2x/wk x 3 wks, then transition to HEP.\n", "unknown"),
    ("PLAN:\nContinue HEP daily.\n", "yes"),
])
def test_a_home_exercise_program_done_not_merely_planned(note: str, value: str) -> None:
    assert _case(note).clinical.home_exercise_program.value == value


def test_a_flare_up_foreseen_is_not_a_flare_up() -> None:
    note = "PLAN:\nMay need a few PT visits for future flare-ups, to be requested if needed.\n"
    assert _case(note).clinical.acute_exacerbation.value != "yes"


def test_an_attestation_about_information_from_others_is_not_other_prescribers() -> None:
    note = "I declare the above is true, except as to information received from others, which I believe true.\n"
    assert extract_text(note, ["Norco 10/325 mg #90"]).monitoring.other_prescribers.value == "unknown"


@pytest.mark.parametrize(("note", "value"), [
    ("Assessment: left carpal tunnel syndrome, electrodiagnostically proven.\n", "yes"),
    ("Right CTS confirmed by nerve conduction studies in May.\n", "yes"),
    ("Full-thickness rotator cuff tear, MRI-confirmed.\n", "yes"),
    ("Numbness in the hand, not confirmed by EMG/NCS.\n", "no"),
])
def test_a_diagnosis_the_studies_confirm(note: str, value: str) -> None:
    assert _case(note).clinical.diagnosis_confirmed_by_testing.value == value


@pytest.mark.parametrize("note", ["HISTORY: Naproxen without benefit.\n",
                                  "Duloxetine 60 mg for 2 months with little benefit, stopped.\n",
                                  "Acupuncture x 6 with only temporary relief.\n"])
def test_a_treatment_tried_without_benefit_is_conservative_care_that_failed(note: str) -> None:
    assert _case(note).clinical.conservative_care_failed.value == "yes"


@pytest.mark.parametrize("note", ["PLAN: Trial of naproxen; stop it if no benefit.\n",
                                  "She says acupuncture gives some relief.\n"])
def test_a_treatment_planned_or_helping_is_not_failed_care(note: str) -> None:
    assert _case(note).clinical.conservative_care_failed.value == "unknown"


@pytest.mark.parametrize("note", ["He would consider a surgical referral after the block.\n",
                                  "She is open to surgery should the weakness progress.\n"])
def test_surgery_an_option_the_worker_would_consider(note: str) -> None:
    assert _case(note).clinical.surgical_candidate.value == "yes"


@pytest.mark.parametrize("note", [
    # the care told, then the symptoms still there at the end of the sentence
    "Treated with ESIs, NSAIDs and hydrocodone; low back pain persisted.\n",
    "She has had chiropractic and meds; her neck pain persists.\n",
    "Acupuncture x 8 and a home exercise program, but the symptoms remained unchanged.\n",
    # the symptoms outlasting the care, the care named after them
    "Mechanical sx persisting after 6 wks of conservative care (PT, NSAID, HEP).\n",
    "Symptoms remain unchanged after 8 sessions of physical therapy.\n",
    "His shoulder pain continued following a course of PT and two injections.\n",
    # the options used up
    "All other treatment options have been exhausted.\n",
    "The treating doctor, judging other treatment exhausted, requested the program.\n",
    "He has exhausted all available treatments.\n",
    # long care, unnamed, to no effect
    "Years of treatment by several doctors without relief.\n",
    "After 18 months of care with no significant improvement she was referred back.\n",
    # a course stopped for want of progress
    "A work hardening program was stopped because he was not progressing.\n",
    "PT was discontinued due to lack of progress.\n",
    "Work conditioning ended early when she plateaued.\n",
])
def test_care_outlasted_or_used_up_is_conservative_care_failed(note: str) -> None:
    assert _case(note).clinical.conservative_care_failed.value == "yes"


@pytest.mark.parametrize("note", [
    "Pain improved after physical therapy and has not returned.\n",
    "Pain persisted after surgery.\n",
    "PT was stopped because she returned to full duty.\n",
    "He feels exhausted after therapy sessions.\n",
    "Low back pain persisted.\n",  # no care told: nothing failed
])
def test_symptoms_or_stops_without_failed_care_are_not_conservative_care_failed(note: str) -> None:
    assert _case(note).clinical.conservative_care_failed.value == "unknown"


@pytest.mark.parametrize("note", ["Years of treatment by several doctors without relief.\n",
                                  "She has seen multiple physicians since the injury.\n",
                                  "He was seen by different doctors at the clinic.\n"])
def test_doctors_who_treated_the_worker_are_not_other_prescribers(note: str) -> None:
    assert _case(note).monitoring.other_prescribers.value == "unknown"


@pytest.mark.parametrize("note", ["CURES shows prescriptions from multiple prescribers.\n",
                                  "He admits getting hydrocodone from several doctors.\n"])
def test_drugs_from_several_prescribers_are_still_other_prescribers(note: str) -> None:
    assert _case(note).monitoring.other_prescribers.value == "yes"


@pytest.mark.parametrize(("note", "names"), [
    ("Right arm injury diagnosed as lateral epicondylitis, treated with PT and six steroid injections.\n",
     ["lateral epicondylitis"]),
    ("She was diagnosed with bilateral carpal tunnel syndrome, managed with splints and NSAIDs.\n",
     ["bilateral carpal tunnel syndrome"]),
    ("He was diagnosed as having a lumbar strain, with extensive treatment since.\n", ["lumbar strain"]),
    ("Diagnosed with cervical radiculopathy and a cervical disc protrusion, which was confirmed by EMG.\n",
     ["cervical radiculopathy", "cervical disc protrusion"]),
    ("Diagnoses include lumbar radiculopathy, lumbar disc herniation and facet arthropathy.\n",
     ["lumbar radiculopathy", "lumbar disc herniation", "facet arthropathy"]),
])
def test_diagnoses_after_their_lead_end_where_the_care_is_told(note: str, names: list[str]) -> None:
    assert [d.name for d in _case(note).diagnoses] == names


# Corpus README, key conventions: a study (MRI, x-ray, CT, EMG/NCS) showing a lesion named among the diagnoses
# confirms the diagnosis; a study named without its result, or still to come, does not.
@pytest.mark.parametrize("note", [
    "Diagnoses:\n1. M51.36 Degenerative disc disease L4-5, L5-S1 (MRI 2013)\n",
    "Diagnoses:\n1. M17.0 Bilateral primary OA knees (per ortho, XR 2018 moderate)\n",
    "Assessment:\n1. Lumbar radiculopathy, left L5, confirmed on 2019 EMG\n",
    "Diagnoses:\n2. Carpal tunnel syndrome, right (NCS 5/2019: moderate)\n",
    "XR L knee 2/2023: moderate medial jt space narrowing, osteophytes (KL 3).\n",
    "X-ray R knee 10/2015: medial joint space narrowing, osteophytes.\n",
    "MRI L-spine 02/10/2021: L4-5 2 mm broad-based disc bulge, no canal stenosis.\n",
    "EMG/NCS 2/2016 showed a left superficial peroneal neuropathy.\n",
    "Pre-op NCS 12/2019: R median distal motor latency 5.1 ms, moderate CTS.\n",
    "3-phase bone scan 3/10/16: increased periarticular uptake R wrist on delayed phase, consistent with CRPS.\n",
])
def test_a_study_shown_with_its_finding_confirms_the_diagnosis(note: str) -> None:
    assert _case(note).clinical.diagnosis_confirmed_by_testing.value == "yes"


@pytest.mark.parametrize("note", [
    "Diagnoses:\n1. Lumbar radiculopathy (MRI pending)\n",
    "Diagnoses:\n1. Left shoulder pain (x-ray normal)\n",
    "Diagnoses:\n1. Possible carpal tunnel syndrome - NCS ordered to confirm\n",
    "EMG/NCS 6/2014: no peripheral neuropathy, no radiculopathy.\n",
    "Plan: MRI lumbar spine to evaluate for disc herniation.\n",
])
def test_a_study_pending_normal_or_planned_confirms_nothing(note: str) -> None:
    assert _case(note).clinical.diagnosis_confirmed_by_testing.value != "yes"


@pytest.mark.parametrize("note", [
    "The records showed no lower pain with the patches and nothing on side effects or aberrant use.\n",
    "There is no mention of aberrant behavior in the file.\n",
    "The reports are silent on aberrant drug-taking behaviour.\n",
    "PMH: COPD, sleep apnea and past alcohol abuse.\n",
    "History of ETOH abuse, sober for 10 years.\n",
])
def test_a_silent_record_or_alcohol_abuse_is_no_aberrant_behaviour(note: str) -> None:
    assert _case(note).monitoring.aberrant_behavior.value == "unknown"


@pytest.mark.parametrize("note", ["He admits to opioid misuse last month.\n", "He was caught diverting his oxycodone to a relative.\n",
                                  "She ran out of her Norco a week early.\n"])
def test_aberrant_drug_taking_is_still_read(note: str) -> None:
    assert _case(note).monitoring.aberrant_behavior.value == "yes"


@pytest.mark.parametrize(("note", "names"), [
    ("Diagnoses of osteoarthritis of both knees, failure of conservative treatment, and benefit from Synvisc before.\n",
     ["osteoarthritis of both knees"]),
    ("Diagnoses include lumbar radiculopathy, failed back surgery syndrome and depression.\n",
     ["lumbar radiculopathy", "failed back surgery syndrome", "depression"]),
])
def test_what_the_care_came_to_is_not_a_diagnosis(note: str, names: list[str]) -> None:
    assert [d.name for d in _case(note).diagnoses] == names


@pytest.mark.parametrize("note", [
    "Numbness and tingling of the right hand for a year, waking her 3-4 nights a week.\n",
    "Wakes at 3 am and cannot get back to sleep.\n",
    "Sleep broken by neck pain 2-3 nights/wk.\n",
    "Night pain, can't sleep on R side.\n",
    "Can't lie on the left side at night.\n",
    "States he still cannot lift a gallon of milk, cannot drive more than 15 min, sleeps 4 hrs.\n",
    "Norco takes the edge off but she still cannot sleep more than 3-4 hrs.\n",
    "Sleep improved from 4 to 6 hrs with the program.\n",
    "Sleeping ~6 h (was 3-4).\n",
    "Alprazolam 1 mg TID, prescribed for anxiety and sleep.\n",
])
def test_sleep_lost_as_notes_tell_it(note: str) -> None:
    assert _case(note).clinical.sleep_disturbance.value == "yes"


@pytest.mark.parametrize("note", [
    "No night waking; sleeps 7 hrs.\n",
    "Sleeping 6-7 hours a night.\n",
    "Denies waking at night with numbness.\n",
    "Reviewed sleep hygiene; will start melatonin for sleep if needed.\n",
])
def test_sleep_kept_or_only_planned_for_is_no_disturbance(note: str) -> None:
    assert _case(note).clinical.sleep_disturbance.value != "yes"


@pytest.mark.parametrize("note", [
    "He was diagnosed with a SLAP lesion and his orthopedic surgeon recommended arthroscopy, labrum repair and subacromial decompression.\n",
    "She was diagnosed with a SLAP lesion, and the treating physician requested a labrum repair.\n",
])
def test_the_plan_told_after_a_diagnosis_is_not_a_diagnosis(note: str) -> None:
    assert [d.name for d in _case(note).diagnoses] == ["SLAP lesion"]


# CPMTG p. 56-57: the lidocaine patch is for "localized peripheral pain"; notes show the pain localized by its
# measured area or say so.
@pytest.mark.parametrize("note", [
    "Allodynia to light stroke and hyperalgesia to pinprick in a 6 x 4 cm area medial to the incision.\n",
    "Chronic ilioinguinal neuralgia: burning and hypersensitivity over a 6 x 4 cm area of the left groin.\n",
    "O: allodynia to light touch R T6-T7, lateral, ~10x15 cm area.\n",
    "The pain is confined to an area about 8 x 5 cm on the dorsum of the foot.\n",
    "Her pain is localized, peripheral and neuropathic.\n",
    # the word as a trailing qualifier of the symptom and its area (recall17meds)
    "Burning and allodynia over the R T9-T10 band, localized.\n",
    "Neuropathic pain L lateral thigh (localized, meralgia pattern).\n",
    "Scar pain at the thumb base - localized, hypersensitive to touch.\n",
    # the area with its size told after it, and "Localized to an area" with the symptom in the sentence before
    "Burning along the left flank, worse with a belt. Localized to an area about 8 x 12 cm below the ribs.\n",
    "Dysesthesia over the lateral thigh in an area of approximately 10 by 20 cm.\n",
])
def test_pain_in_a_measured_or_named_small_area_is_localized(note: str) -> None:
    assert _case(note).clinical.localized_pain.value == "yes"


@pytest.mark.parametrize("note", [
    "Incision 8 cm, well healed.\n",
    "Diffuse pain over the whole low back and both legs.\n",
    "Burning in both feet, not localized, stocking distribution.\n",
    "Pain over the low back, poorly localized.\n",
    "Tenderness localized to L4-5 paraspinals.\n",
    "Localized to the low back, no radiation.\n",
])
def test_a_scar_s_length_or_diffuse_pain_is_not_localized_pain(note: str) -> None:
    assert _case(note).clinical.localized_pain.value != "yes"


@pytest.mark.parametrize("note", [
    "Will proceed with L4-5 decompression and instrumented posterolateral fusion.\n",
    "Has had 14 months of non-operative care; pt wishes surgery.\n",
    "Saw the spine surgeon, who recommends L4-5 / L5-S1 decompression and fusion given the instability.\n",
    "Surgery authorized by UR: R shoulder arthroscopic rotator cuff repair, scheduled 2/25/2019.\n",
    "He understands the risks including nerve injury and stiffness and wishes to proceed.\n",
    "She is scheduled for a right carpal tunnel release next month.\n",
])
def test_an_operation_planned_recommended_or_wished_for_is_surgical_candidacy(note: str) -> None:
    assert _case(note).clinical.surgical_candidate.value == "yes"


@pytest.mark.parametrize("note", [
    "The spine surgeon found a solid fusion and recommended no further surgery.\n",
    "Surgery may be needed in the future if the injection fails.\n",
    "PT recommended; he does not want surgery.\n",
])
def test_surgery_ruled_out_refused_or_only_considered_is_no_candidacy(note: str) -> None:
    assert _case(note).clinical.surgical_candidate.value != "yes"


@pytest.mark.parametrize(("note", "names"), [
    ("She had diagnoses of primary and post-traumatic osteoarthritis of both knees.\n",
     ["primary and post-traumatic osteoarthritis of both knees"]),
    ("He was diagnosed with cervical and lumbar strain.\n", ["cervical and lumbar strain"]),
    ("Diagnosed with left and right carpal tunnel syndrome, treated with splints.\n",
     ["left and right carpal tunnel syndrome"]),
])
def test_a_modifier_shared_by_and_stays_with_its_diagnosis(note: str, names: list[str]) -> None:
    assert [d.name for d in _case(note).diagnoses] == names
