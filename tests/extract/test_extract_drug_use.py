"""Drugs a note names as taken, tried or stopped outside a drug list, each phrasing as clinicians write it.

Sentences are written for these tests; the expected statuses follow what each sentence says of the drug.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


def _status(note: str, *requests: str) -> dict[str, str]:
    case = extract_text(note, list(requests) or ["Lumbar MRI without contrast"])
    return {m.name.lower(): m.status for m in case.medications}


@pytest.mark.parametrize(("note", "drug", "status"), [
    ("S: Pt reports meloxicam 7.5 mg daily (from PCP) takes the edge off.\n", "meloxicam", "current"),
    ("Takes Aleve OTC on bad days.\n", "aleve", "current"),
    ("She has been taking tizanidine at night.\n", "tizanidine", "current"),
    ("He stopped Percocet on his own last year.\n", "percocet", "past"),
    ("Diclofenac 75 mg BID was tried for 6 weeks and stopped because of heartburn.\n", "diclofenac", "tried_failed"),
    ("Amitriptyline 10 mg qhs tried 2019 - groggy next day, stopped.\n", "amitriptyline", "tried_failed"),
    ("Pregabalin having failed for sedation, we will try something else.\n", "pregabalin", "tried_failed"),
    ("Baclofen without benefit.\n", "baclofen", "tried_failed"),
    ("History notable for hypertension (amlodipine) and elevated cholesterol (atorvastatin).\n", "amlodipine", "current"),
    ("Earlier she used a muscle relaxer (methocarbamol 750 mg) for two weeks with no relief.\n", "methocarbamol",
     "tried_failed"),
])
def test_a_drug_named_as_used_is_on_the_medication_list(note: str, drug: str, status: str) -> None:
    assert _status(note).get(drug) == status


def test_each_drug_of_a_treatment_history_keeps_its_own_outcome() -> None:
    note = "Treatment to date: 6 PT visits, ibuprofen, celecoxib (stopped - dyspepsia), and a TENS trial.\n"
    found = _status(note)
    assert found.get("ibuprofen") == "past"
    assert found.get("celecoxib") == "tried_failed"


def test_a_side_effect_alone_does_not_fail_a_drug() -> None:
    note = "Naproxen 500 mg BID since spring - helps, no GI upset, no heartburn.\n"
    assert _status(note).get("naproxen") == "current"


@pytest.mark.parametrize("note", [
    "Never tried duloxetine or other nerve pain medications.\n",
    "She has not taken venlafaxine.\n",
    "PLAN:\nStart nortriptyline 10 mg qhs #30.\n",
    "PLAN:\nConsider a trial of duloxetine 30 mg daily.\n",
])
def test_a_drug_not_taken_or_newly_prescribed_is_not_on_the_list(note: str) -> None:
    assert _status(note) == {}


def test_a_plan_line_that_continues_a_drug_makes_it_current() -> None:
    note = "PLAN:\n1. Celecoxib 200 mg 1 PO daily #30 - continue, helps.\n2. Celecoxib refill next visit.\n"
    assert _status(note).get("celecoxib") == "current"


def test_the_ingredients_of_a_compound_are_not_separate_drugs() -> None:
    note = ("She applies a compounded cream (flurbiprofen 20% / baclofen 2% / lidocaine 5%) twice a day.\n"
            "PLAN:\nCompound flurbiprofen 20%/baclofen 2%/lidocaine 5% cream 120 g - continue.\n")
    found = _status(note)
    assert "baclofen" not in found and "flurbiprofen" not in found


def test_medication_section_lines_split_at_semicolons_and_keep_drugs_the_vocabulary_lacks() -> None:
    note = "MEDS (per pt): Celebrex 200 qd; omeprazole 20 qd; Levothyroxine 50 mcg daily; NKDA.\n"
    found = _status(note)
    assert {"celebrex", "omeprazole", "levothyroxine"} <= set(found)
    assert "nkda" not in found


def test_a_drug_found_on_a_drug_screen_is_not_a_prescribed_medication() -> None:
    note = "UDS 2/3 was positive for non-prescribed lorazepam and negative for the prescribed tramadol.\n"
    assert "lorazepam" not in _status(note)


# The drugs a past medical history gives its chronic conditions (not the claim's): each is taken now, whether listed
# in the condition's brackets, after its colon or joined to a drug before it (corpus README: "HTN on lisinopril" is
# current lisinopril). Drug classes from the FDA labels.
@pytest.mark.parametrize(("note", "drug"), [
    ("Comorbidities: type 2 diabetes (insulin glargine 24 u), hypertension (carvedilol, amlodipine).\n", "amlodipine"),
    ("Comorbidities: type 2 diabetes (insulin glargine 24 u), hypertension (carvedilol, amlodipine).\n", "carvedilol"),
    ("Comorbidities: type 2 diabetes (insulin glargine 24 u), hypertension (carvedilol, amlodipine).\n", "insulin glargine"),
    ("Her other problems are hypertension on lisinopril 40 and chlorthalidone.\n", "chlorthalidone"),
    ("PMH: HTN on losartan 50 and metoprolol, gout.\n", "metoprolol"),
    ("- Osteoporosis: alendronate weekly\n", "alendronate"),
    ("- Atrial fibrillation: apixaban 5 mg BID, diltiazem ER 180 mg\n", "diltiazem"),
    ("Past history: hypothyroidism on levothyroxine, BPH (tamsulosin).\n", "levothyroxine"),
    ("Past history: hypothyroidism on levothyroxine, BPH (tamsulosin).\n", "tamsulosin"),
])
def test_the_drugs_of_a_chronic_condition_are_current(note: str, drug: str) -> None:
    assert _status(note).get(drug) == "current"


@pytest.mark.parametrize(("note", "drug"), [
    ("Treatment: CBT; sertraline titrated to 150 mg; prazosin 1 mg trialed 2015, stopped for dizziness.\n", "prazosin"),
    ("Meds tried: topiramate 25 mg for 2 months, not tolerated (paresthesias).\n", "topiramate"),
    ("Gabapentin 300 TID in 2019, failed.\n", "gabapentin"),
])
def test_a_drug_stopped_for_a_side_effect_after_a_comma_was_tried_and_failed(note: str, drug: str) -> None:
    assert _status(note).get(drug) == "tried_failed"


def test_a_compound_s_ingredients_in_brackets_are_still_one_product() -> None:
    statuses = _status("Using a compounded cream (ketoprofen 10%, lidocaine 5%) on the knee.\n")
    assert "ketoprofen" not in statuses and "lidocaine" not in statuses
