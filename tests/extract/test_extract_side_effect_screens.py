"""Side effects are the current drugs' (corpus README): a head injury's or red flags' screen that denies nausea or
vomiting says nothing of them, and a side effect that has resolved is none now. Sentences written for these tests."""

from __future__ import annotations

import pytest
from fragments import read_fragment

from imr_engine.extract import extract_text


def _side_effects(note: str) -> str:
    return extract_text(note, ["Tramadol 50 mg #60"]).monitoring.side_effects.value


@pytest.mark.parametrize("note", [
    "Denies LOC, vision changes, nausea.\n",
    "Pt denies worsening headache, vomiting, confusion, seizure, weakness or numbness.\n",
    "Negative for nausea, abdominal pain, GI bleeding.\n",
    "Denies fever, chills, nausea or vomiting.\n",
])
def test_a_screen_of_injury_or_red_flag_symptoms_says_nothing_of_side_effects(note: str) -> None:
    assert _side_effects(note) == "unknown"


@pytest.mark.parametrize("note", [
    "On tramadol 50 mg BID; denies nausea, constipation or drowsiness.\n",
    "Norco 10/325 TID: no sedation, no constipation.\n",
])
def test_the_drug_s_own_side_effects_denied_are_still_read(note: str) -> None:
    assert _side_effects(note) == "no"


@pytest.mark.parametrize("note", [
    "Mild dizziness the first week on gabapentin, resolved.\n",
    "Some nausea with the tramadol at first, now resolved.\n",
    "Drowsiness on cyclobenzaprine subsided after a week.\n",
])
def test_a_side_effect_that_has_resolved_is_none_now(note: str) -> None:
    assert _side_effects(note) != "yes"


def test_a_side_effect_still_present_is_read() -> None:
    assert _side_effects("Constipation on oxycodone, using docusate.\n") == "yes"


@pytest.mark.parametrize(
    "sentence",
    [
        "CURES shows Norco from the emergency department in March for stomach pain.",
        "She was given tramadol at urgent care for abdominal pain and heartburn last year; no other prescribers.",
        "Received hydrocodone from the ER for stomach ache after a fall.",
    ],
)
def test_a_stomach_complaint_a_drug_was_given_for_is_no_side_effect(sentence: str) -> None:
    """The reason a drug was given (CPMTG p. 78: side effects are the drug's own adverse effects) is not one of them."""
    case = read_fragment("Medications: Norco 10/325 mg 1 q6h prn. " + sentence, "Norco 10/325 mg #90")
    assert case.monitoring.side_effects.value != "yes"
