"""Phrasing classes the w27-w29 notes showed the reader missing. Every sentence is written for these tests.

Conservative care that did not do enough, told by "despite <care>" or by weeks or months of care after which the
worker is still symptomatic; diagnoses that name a meniscal tear by its horn or in the ICD's inverted order, and a
headache the note gives the migraine phenotype.
"""

from __future__ import annotations

import pytest

from imr_engine.engine import load_engine
from imr_engine.extract import extract_text


def _case(note: str):
    return extract_text(note, ["Functional restoration program x 10 days"])


@pytest.mark.parametrize("note", [
    "Despite 8 weeks of PT and naproxen she has constant leg pain.\n",
    "In spite of NSAIDs and a home exercise program the knee pain continues.\n",
    "Notwithstanding six weeks of chiropractic care, the neck pain is unchanged.\n",
    "Despite physical therapy x 12 and two injections he cannot lift more than 10 lb.\n",
    "More than 4 months of NSAID and activity modification, still unable to return to her regular duties.\n",
    "After 3 months of physical therapy and medications she still has pain at night.\n",
    "Over 6 months of conservative care including PT, NSAIDs and injections, he is still symptomatic.\n",
    "Three months of acupuncture and medications and she continues to have burning pain.\n",
    "6 weeks of chiropractic care, symptoms persisting.\n",
])
def test_care_that_did_not_do_enough(note: str) -> None:
    assert _case(note).clinical.conservative_care_failed.value == "yes"


@pytest.mark.parametrize("note", [
    "He had 6 weeks of PT, still doing his HEP daily.\n",
    "2 months of PT and meds; she is still working full duty.\n",
    "She completed 12 weeks of therapy and is back to full duty.\n",
    "Despite this he works full duty.\n",
    "Despite being off work he still reports pain.\n",
    "PLAN: PT 2x6; if no better despite PT, consider injection.\n",
])
def test_care_that_helped_or_is_only_planned_is_not_failed(note: str) -> None:
    assert _case(note).clinical.conservative_care_failed.value != "yes"


@pytest.mark.parametrize(("diagnosis", "group"), [
    ("Tear, posterior horn medial meniscus, left knee (836.0)", "meniscal_tear"),
    ("Oblique tear of the posterior horn of the medial meniscus", "meniscal_tear"),
    ("Posterior horn lateral meniscus tear, right", "meniscal_tear"),
    ("Complex meniscal tear left knee", "meniscal_tear"),
    ("Radial tear of the meniscus, R knee", "meniscal_tear"),
    ("Post-traumatic headache with migrainous features", "migraine"),
    ("Migraine-type headaches after concussion", "migraine"),
    ("Post-concussion headache, migraine phenotype", "migraine"),
])
def test_diagnoses_in_their_groups(diagnosis: str, group: str) -> None:
    assert group in load_engine().vocabulary.diagnosis_groups_of(diagnosis)


@pytest.mark.parametrize(("diagnosis", "group"), [
    ("Chondromalacia patella, medial compartment", "meniscal_tear"),
    ("ACL tear, left knee", "meniscal_tear"),
    ("Tension-type headache", "migraine"),
    ("Cervicogenic headache", "migraine"),
])
def test_diagnoses_outside_the_groups(diagnosis: str, group: str) -> None:
    assert group not in load_engine().vocabulary.diagnosis_groups_of(diagnosis)


@pytest.mark.parametrize(("note", "group"), [
    ("He is a 44-year-old former lineman with T4 complete paraplegia from a pole fall.\n", "paralysis"),
    ("C5 incomplete spinal cord injury in 2016; uses a power chair.\n", "paralysis"),
    ("He has a neurogenic bladder managed with intermittent catheterization.\n", "neurogenic_incontinence"),
    ("Pt: 52F, DOI 03/11/13 (L AKA after crush by a forklift).\n", "limb_loss"),
    ("Right BKA 2014, walks with a prosthesis.\n", "limb_loss"),
    ("Left transtibial amputation 08/2014 after a crush injury.\n", "limb_loss"),
    ("Hypertrophic scarring developing over the R forearm and chest.\n", "burn_scar"),
    ("Flash fire: 38% TBSA partial- and full-thickness burns of both forearms.\n", "burn_scar"),
    ("I treat him for complex regional pain syndrome type II of the right hand.\n", "crps"),
    ("CRPS 1 left upper extremity since the wrist fracture.\n", "crps"),
])
def test_conditions_named_where_the_injury_is_told(note: str, group: str) -> None:
    case = _case(note)
    groups = {g for d in case.diagnoses for g in load_engine().vocabulary.diagnosis_groups_of(d.name)}
    assert group in groups


@pytest.mark.parametrize("note", [
    "No paraplegia; moves all four limbs.\n",
    "Rule out CRPS; no allodynia or colour change today.\n",
    "He denies any history of burns.\n",
    "Also known as: AKA Bobby Jones.\n",
])
def test_conditions_denied_or_not_named_are_not_diagnoses(note: str) -> None:
    case = _case(note)
    groups = {g for d in case.diagnoses for g in load_engine().vocabulary.diagnosis_groups_of(d.name)}
    assert not groups & {"paralysis", "crps", "burn_scar", "limb_loss"}


@pytest.mark.parametrize("note", [
    "Treatment that has failed or stopped helping:\n- OT 28 visits with desensitisation (plateau);\n",
    "Treatments which have not helped: PT x 12, chiropractic x 6.\n",
    "Care that has failed so far includes PT, NSAIDs and two ESIs.\n",
])
def test_failed_care_as_a_lists_heading(note: str) -> None:
    assert _case(note).clinical.conservative_care_failed.value == "yes"


def _evaluated(note: str) -> bool:
    return any(t.service == "psychological_evaluation" for t in _case(note).treatments)


@pytest.mark.parametrize("note", [
    "He was seen for psychological evaluation for spinal cord stimulator candidacy by Dr. R. Abernathy, Ph.D., on 05/20/2015.\n",
    "HE WAS SEEN FOR PSYCHOLOGICAL EVALUATION FOR SCS CANDIDACY BY DR. R. ABERNATHY, PH.D., IN MAY.\n",
    "Psychological clearance. He was evaluated for neuromodulation by Dr. M. Castellano, PsyD, on 09/12/2019.\n",
    "Psychological clearance obtained 3/2016 (MMPI-2, interview).\n",
    "She has been evaluated by a pain psychologist, who found no contraindication to a pump trial.\n",
    "Psych cleared for the SCS trial in May.\n",
    "Underwent a behavioral health evaluation before the stimulator trial; cleared.\n",
])
def test_a_psychological_evaluation_done(note: str) -> None:
    assert _evaluated(note)


@pytest.mark.parametrize("note", [
    "UR denial reason: psychological clearance not provided.\n",
    "Pending psychological clearance before the trial.\n",
    "Plan: psychological evaluation prior to SCS trial.\n",
    "She will need a psych eval before the pump trial.\n",
])
def test_a_psychological_evaluation_wanted_is_not_done(note: str) -> None:
    assert not _evaluated(note)


@pytest.mark.parametrize(("note", "date"), [
    ("61 y/o M, former parcel sorter, R TKA performed 4/15/2013 (authorized), Sutter General.\n", "2013-04-15"),
    ("Reason: Post-op L knee - ACL recon (BTB autograft) 08/29/2019, ~10.5 wks\n", "2019-08-29"),
    ("Her right rotator cuff repair was done on 03/02/2020 by Dr. Lee.\n", "2020-03-02"),
    ("L4-5 microdiscectomy (Dr. Ortiz, outpatient) 11/14/2016, now 6 weeks out.\n", "2016-11-14"),
    ("He is 3 months out from a carpal tunnel release performed 1/9/2018.\n", "2018-01-09"),
])
def test_an_operation_told_with_the_day_it_was_done(note: str, date: str) -> None:
    assert date in {str(s.date.latest()) for s in _case(note).surgeries if s.date is not None}


@pytest.mark.parametrize("note", [
    "R TKA scheduled 4/15/2013 if cleared by cardiology.\n",
    "Plan: L ACL recon (BTB autograft) 08/29/2019.\n",
    "We will request a rotator cuff repair to be done on 03/02/2020.\n",
])
def test_an_operation_planned_for_a_day_is_not_done(note: str) -> None:
    assert not [s for s in _case(note).surgeries if s.date is not None]


@pytest.mark.parametrize(("note", "value"), [
    ("Leaves the house only for appointments; fatigue, pain with elbow extension.\n", "yes"),
    ("She only goes out for doctor's appointments, driven by her son.\n", "yes"),
    ("He does not leave the home except for medical visits.\n", "yes"),
    ("Pt leaves home only to attend therapy 2x/week.\n", "yes"),
    ("She leaves the house daily to walk the dog.\n", "unknown"),
    ("He only leaves for work and appointments.\n", "unknown"),
    ("She leaves the house only for shopping and appointments.\n", "unknown"),
])
def test_absences_only_for_medical_care_are_homebound(note: str, value: str) -> None:
    case = extract_text(note, ["Home health skilled nursing visits 2x/week x 3 weeks"])
    assert case.clinical.homebound.value == value


def _injection(note: str, service: str):
    return next(t for t in _case(note).treatments if t.service == service and t.relief_percent is not None)


@pytest.mark.parametrize(("note", "service", "percent", "weeks"), [
    ("She had right C6-7 interlaminar epidural steroid injection on 09/14/2023. After the injection her pain decrease to "
     "3/10, around 60 %, start after 1 week and is lasting until end of November - so about 10 weeks.\n",
     "epidural_steroid_injection", 60, 10),
    ("s/p RFA R L3-4 and L4-5 facets on 4/22/14. Pt reports approx 60% relief which started ~3 wks after the procedure "
     "and lasted until roughly late Nov 2014 (about 7 months).\n", "radiofrequency_ablation", 60, 30.1),
    ("He underwent a left L5-S1 TFESI on 2/3/2016. His leg pain dropped to 2/10, about 75 %, lasting until April, "
     "i.e. 8 weeks.\n", "epidural_steroid_injection", 75, 8),
])
def test_relief_told_by_the_pain_it_fell_to_and_lasting_until_a_day(
        note: str, service: str, percent: float, weeks: float) -> None:
    found = _injection(note, service)
    assert found.relief_percent == percent
    assert found.relief_weeks == pytest.approx(weeks)
