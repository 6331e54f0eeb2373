"""Side effects are the current drugs' (corpus README): a head injury's or red flags' screen that denies nausea or
vomiting says nothing of them, and a side effect that has resolved is none now. Sentences written for these tests."""

from __future__ import annotations

import pytest

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
