"""A drug stopped for a harm its monitoring found is tried and failed (issue 10, reader round 10).

corpus/README.md, "Key conventions": a drug stopped because of an adverse effect is `tried_failed`; `past` is for a
drug stopped for no stated reason or because the course was completed. NSAIDs are often stopped for what a
laboratory or a blood-pressure reading found (CPMTG p. 68-73: renal and cardiovascular risk), told as a reason
after the stop. Fragments written for these tests, both ways.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


def _status(text: str, drug: str) -> str:
    case = extract_text("Date of service: 03/14/2016\n" + text + "\n", ["Office visit x 1"])
    return next(m.status for m in case.medications if m.name.lower().startswith(drug))


@pytest.mark.parametrize(("text", "drug"), [
    ("NSAIDs (meloxicam 7.5 mg stopped 01/2014 when his creatinine rose).", "meloxicam"),
    ("Pain management: tramadol started; naproxen stopped - creatinine 1.6 (CKD 3a per PCP).", "naproxen"),
    ("Ibuprofen stopped 09/2015 for dyspepsia and melena.", "ibuprofen"),
    ("Naproxen was stopped in 2015 because his blood pressure went up.", "naproxen"),
    ("Diclofenac stopped 2014 - LFTs up per PCP.", "diclofenac"),
])
def test_a_drug_stopped_for_a_harm_found_is_tried_and_failed(text: str, drug: str) -> None:
    assert _status(text, drug) == "tried_failed"


@pytest.mark.parametrize(("text", "drug"), [
    ("Naproxen stopped 2015 - ran out.", "naproxen"),
    ("Meloxicam stopped 01/2014 when the flare settled.", "meloxicam"),
])
def test_a_drug_stopped_for_no_harm_is_past(text: str, drug: str) -> None:
    assert _status(text, drug) == "past"


@pytest.mark.parametrize("harm", ["creatinine 1.8", "renal insufficiency", "CKD 3a", "eGFR 48", "melena", "LFTs up",
                                  "liver enzymes high", "transaminases elevated", "BP went up", "blood pressure high"])
def test_both_readers_of_why_a_drug_was_stopped_know_the_same_monitoring_harms(harm: str) -> None:
    """A drug list's line ("stopped (eGFR 48)") and a stop told in prose ("stopped 2014, eGFR 48") read one list."""
    from imr_engine.extract.drug_use import _EFFECT_AFTER
    from imr_engine.extract.medications import _STOPPED_FOR

    assert _STOPPED_FOR.search(f"stopped ({harm})")
    assert _EFFECT_AFTER.match(f", {harm}")
