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
