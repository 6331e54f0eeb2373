"""A scored functional instrument recorded is a baseline functional evaluation (corpus README: ODI, NDI, QuickDASH, an
FCE or a similar scored instrument; CPMTG p. 30-32). Sentences written for these tests."""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


def _baseline(note: str) -> str:
    note = "S: chronic pain, here for the program evaluation.\n" + note  # the line after a note's first, as in a note
    return extract_text(note, ["Functional restoration program x 10 days"]).clinical.baseline_functional_evaluation.value


@pytest.mark.parametrize("note", [
    "QuickDASH 56.8.\n",
    "ODI today 44%.\n",
    "Neck Disability Index today: 34 % (moderate).\n",
    "| Oswestry (ODI) | 48 %       | 30 %       |\n",
    "LEFS 28/80 at the initial evaluation.\n",
    "On the Brief Pain Inventory interference scale she scores 6.4/10.\n",
    "KOOS 42 and WOMAC 61 today.\n",
    "Roland-Morris 14/24 at intake.\n",
])
def test_a_scored_instrument_recorded_is_a_baseline_evaluation(note: str) -> None:
    assert _baseline(note) == "yes"


@pytest.mark.parametrize("note", [
    "Goal: QuickDASH < 20.\n",
    "Will obtain an ODI at the next visit.\n",
    "Grip R 14 kg, L 26 kg.\n",
])
def test_a_goal_a_plan_or_a_bare_measure_is_no_instrument_score(note: str) -> None:
    assert _baseline(note) != "yes"
