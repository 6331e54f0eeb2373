"""Pain with and without the drug as refill and pain-clinic notes pair them (reader round 8; fragments written for
these tests). The CPMTG asks for the pain with and without the analgesic (p. 78, the 4 A's); a rating told the same
either way is both.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


def _pairs(text: str) -> set[tuple[float, str]]:
    case = extract_text("Date of service: 03/14/2016\n" + text + "\n", ["Office visit x 1"])
    return {(p.score, p.context) for p in case.pain_scores}


@pytest.mark.parametrize(("text", "with_", "without"), [
    ('S: Tramadol 50 q8h since 2019 - pain 6/10 with, "maybe 9" without.', 6, 9),
    ("S: With Butrans pain 3/10, without 7/10; walks daily.", 3, 7),
    ("S: Pain w/ meds 2-3/10, w/o 6/10.", 2, 6),
    ("S: Back pain 8/10, 4/10 with meds.", 4, 8),
    ("S: Celebrex 200 daily - knee ache 6 -> 3 with it.", 3, 6),
    ("S: ibuprofen helps the wrist some (7->5), not the elbow.", 5, 7),
])
def test_a_pair_of_ratings_is_read_with_and_without(text: str, with_: float, without: float) -> None:
    found = _pairs(text)
    assert (with_, "with_medication") in found and (without, "without_medication") in found


@pytest.mark.parametrize("text", [
    'S: on Norco 5 mg; says pain "same" on or off it, 5/10 either way.',
    "S: Pain 5/10 regardless.",
    "S: Pain 5/10 with or without meds.",
])
def test_a_rating_the_same_either_way_is_both(text: str) -> None:
    assert {(5.0, "with_medication"), (5.0, "without_medication")} <= _pairs(text)


def test_regardless_of_something_else_says_nothing_of_the_drug() -> None:
    assert _pairs("S: Pain 5/10 regardless of position.") == {(5.0, "unspecified")}


def test_a_rating_on_the_current_regimen_is_with_medication() -> None:
    assert _pairs("S: Chronic neck pain 4/10 on current regimen.") == {(4.0, "with_medication")}


def test_a_quoted_rating_without_meds_is_without() -> None:
    assert (9.0, "without_medication") in _pairs('S: Pain 6/10 today.\nPain without meds "9".')


def test_a_rating_told_down_from_one_to_another_of_a_drug_is_without_then_with() -> None:
    found = _pairs("Current: Flector patch to R elbow since 2020 - aching down from 6 to 2, can grip a mug.")
    assert {(6.0, "without_medication"), (2.0, "with_medication")} <= found


def test_a_range_of_motion_from_one_to_another_is_no_pain_rating() -> None:
    assert _pairs("S: ROM from 90 to 120 with PT.") == set()


@pytest.mark.parametrize("line", ["Agreement on file.", "Agreement re-signed 1/2017.", "Contract signed, in chart."])
def test_a_monitoring_lines_bare_agreement_with_its_state_is_an_opioid_agreement(line: str) -> None:
    case = extract_text("Date of service: 03/14/2016\nMonitoring: UDT consistent 1/2016. CURES reviewed. " + line + "\n",
                        ["Office visit x 1"])
    assert case.monitoring.opioid_agreement.value == "yes"
