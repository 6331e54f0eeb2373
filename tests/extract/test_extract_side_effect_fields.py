"""Monitoring as notes answer it: a side-effects field answered after a dash, a side effect said to be over (corpus
README: side effects are the current drugs'), a CURES report of only this prescriber. Every sentence is written for
these tests."""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


def _side_effects(line: str) -> str:
    note = "Date of service: 03/14/2016\nS: Takes Norco 10/325 1 PO TID for the back.\n" + line + "\n"
    return extract_text(note, ["Norco 10/325 #90"]).monitoring.side_effects.value


@pytest.mark.parametrize("line", [
    "Side effects - none. No early refills, no lost Rx.",
    "SE -- denies.",
    "Adverse effects - none reported.",
    "AEs \u2013 none noted; agreement on file.",
])
def test_a_side_effects_field_answered_none_after_a_dash(line: str) -> None:
    assert _side_effects(line) == "no"


@pytest.mark.parametrize("line", [
    "Side effects - constipation, uses senna.",
    "SE - mild nausea most mornings.",
])
def test_a_side_effects_field_naming_one_after_a_dash(line: str) -> None:
    assert _side_effects(line) == "yes"


@pytest.mark.parametrize("line", [
    "Side effects: mild dizziness first week on gabapentin, resolved.",
    "Mild nausea on the Norco the first days, now resolved.",
    "SE: drowsiness at the start, went away.",
])
def test_a_side_effect_said_to_be_over_is_none_now(line: str) -> None:
    assert _side_effects(line) == "no"


def _other_prescribers(line: str) -> str:
    note = "Date of service: 03/14/2016\nS: Takes Norco 10/325 1 PO TID for the back.\n" + line + "\n"
    return extract_text(note, ["Norco 10/325 #90"]).monitoring.other_prescribers.value


@pytest.mark.parametrize("line", [
    "CURES checked today: only this prescriber. Opioid agreement on file.",
    "CURES reviewed today: only this office.",
    "PDMP 3/1/16 - opioids only from our clinic.",
    "CURES: only this physician since 2014.",
])
def test_a_cures_report_of_only_this_prescriber(line: str) -> None:
    assert _other_prescribers(line) == "no"


@pytest.mark.parametrize("line", [
    "Constipated - taking senna.",
    "Constipation, uses MiraLAX most days.",
    "Has constipation, needs a stool softener.",
])
def test_constipation_treated_with_a_laxative_on_an_opioid(line: str) -> None:
    assert _side_effects(line) == "yes"

