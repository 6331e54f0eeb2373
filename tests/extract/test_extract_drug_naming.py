"""Which drug a note names and whether the worker takes it, as notes write it.

- an opioid with acetaminophen's strength ("hydrocodone 5/325") is the combination product;
- a regimen listed in brackets ("the current regimen (Norco TID, gabapentin)") is drugs taken, not one compound;
- the worker's own drug ("cut his Norco from 3 tablets a day to 1") is taken;
- a plan line that says the drug is taken ("Norco 5/325 prn - taking 1-2 at night") is current;
- a dose given by injection at an emergency visit ("Seen in ER (Toradol IM)") is past.
Each fragment was written for these tests.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text
from imr_engine.vocabulary import load_vocabulary

_VOCAB = load_vocabulary()


def _ingredients(name: str) -> frozenset[str]:
    info = _VOCAB.resolve(name)
    return frozenset(info.ingredients) if info and info.ingredients else frozenset({name.lower()})


def _drugs(text: str) -> dict[frozenset[str], str]:
    """Drugs by their ingredients (as the corpus keys compare them), with their status."""
    case = extract_text("Date of service: 03/14/2016\n" + text + "\n", ["Office visit x 1"])
    return {_ingredients(m.name): m.status for m in case.medications}


_NORCO = frozenset({"hydrocodone", "acetaminophen"})
_PERCOCET = frozenset({"oxycodone", "acetaminophen"})


@pytest.mark.parametrize(("text", "drug"), [
    ("S: Current meds: hydrocodone 5/325 one daily, ibuprofen 400 mg prn.", _NORCO),
    ("S: She takes oxycodone 10/325 mg 1 PO q6h prn.", _PERCOCET),
    ("S: Takes hydrocodone 10/325 TID; UDS consistent with prescribed hydrocodone.", _NORCO),
    ("S: Uses tramadol 37.5/325 BID.", frozenset({"tramadol", "acetaminophen"})),
])
def test_an_opioid_with_acetaminophens_strength_is_the_combination(text: str, drug: frozenset[str]) -> None:
    drugs = _drugs(text)
    assert drugs.get(drug) == "current"
    assert (drug - {"acetaminophen"}) not in drugs  # no second entry for the opioid alone


@pytest.mark.parametrize(("text", "drug"), [
    ("Course on the current regimen (Norco TID since March 2015, gabapentin since 2014): pain 8 -> 5.", _NORCO),
    ("Course on the current regimen (Norco TID since March 2015, gabapentin since 2014): pain 8 -> 5.",
     frozenset({"gabapentin"})),
    ("Meds reviewed (tramadol 50 mg BID, cyclobenzaprine 10 mg qhs) - no change.", frozenset({"cyclobenzaprine"})),
])
def test_a_regimen_in_brackets_is_several_drugs(text: str, drug: frozenset[str]) -> None:
    assert _drugs(text).get(drug) == "current"


def test_a_compound_in_brackets_is_one_product() -> None:
    drugs = _drugs("S: Uses compounded cream (ketoprofen 10% / lidocaine 5%) BID.")
    assert frozenset({"ketoprofen"}) not in drugs and frozenset({"lidocaine"}) not in drugs


@pytest.mark.parametrize("text", [
    "HPI: During that time he cut his Norco from 3 tablets a day to 1 a day.",
    "HPI: The pain has returned and he is back to 3 Norco a day.",
    "HPI: She has been trying to stretch out her Norco to twice a day.",
])
def test_the_workers_own_drug_is_taken(text: str) -> None:
    assert _drugs(text).get(_NORCO) == "current"


def test_the_workers_drug_named_for_its_request_is_not_use() -> None:
    assert _NORCO not in _drugs("HPI: His Norco request was denied by UR last month.")


@pytest.mark.parametrize("text", [
    "PLAN:\n- Norco 5/325 prn - taking 1-2 at night.",
    "PLAN:\n- Norco 10/325 1 PO TID, takes 2 a day on work days.",
])
def test_a_plan_line_that_says_the_drug_is_taken(text: str) -> None:
    assert _drugs(text).get(_NORCO) == "current"


@pytest.mark.parametrize(("text", "drug"), [
    ("S: Seen in ER 5/30 (no imaging, Toradol IM, d/c w/ ibuprofen).", frozenset({"ketorolac"})),
    ("S: Went to urgent care, got ketorolac 60 mg IM and a work note.", frozenset({"ketorolac"})),
    ("S: ED visit 2/2: dexamethasone 10 mg IV, discharged home.", frozenset({"dexamethasone"})),
])
def test_a_dose_given_at_an_emergency_visit_is_past(text: str, drug: frozenset[str]) -> None:
    assert _drugs(text).get(drug) in (None, "past")
    assert _drugs(text).get(drug) == "past" or drug not in _drugs(text)
