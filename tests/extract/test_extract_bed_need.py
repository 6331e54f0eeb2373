"""Whether the worker needs a bed an ordinary one cannot be: confined to bed, or positioning needs.

Each fragment is written for this test, in the ways physicians, therapists and discharge summaries
write it; the expected value follows the hospital-bed criterion the ODG DME entry applies (positioning
an ordinary bed cannot give, bed confinement), never what the reader returns. Homebound is not it.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text

VISIT = "Date of service: 03/10/2015\n"


def _need(body: str) -> str:
    return extract_text(VISIT + body, ["Hospital bed, semi-electric"]).clinical.bed_positioning_need.value


@pytest.mark.parametrize("body", [
    "She has been bedbound since the fall.",
    "Patient is bed-ridden with the T12 fracture.",
    "He remains confined to bed per the spine surgeon.",
    "Needs the head of the bed elevated 30 degrees because of reflux and aspiration risk.",
    "Requires frequent repositioning to protect the sacral skin.",
    "Unable to get in and out of her regular bed even with help.",
    "Cannot lie flat because of orthopnea and the rib fractures.",
    "Must sleep in a recliner since the injury.",
])
def test_confinement_or_a_positioning_need(body: str) -> None:
    assert _need(body) == "yes"


@pytest.mark.parametrize("body", [
    "Pt does sleep in own bed w/o difficulty per husband.",
    "She sleeps in her own bed without difficulty.",
    "Gets in and out of bed independently.",
    "Bed mobility: independent.",
    "Independent with bed mobility and transfers.",
])
def test_an_ordinary_bed_used_without_difficulty(body: str) -> None:
    assert _need(body) == "no"


@pytest.mark.parametrize("body", [
    "Homebound: leaving home requires assist of 2.",   # home health's criterion, not a bed's
    "Not bedbound; walks 100 ft with a walker.",
    "Denies needing the head of the bed elevated.",
    "Uses a walker at home.",
])
def test_silence_or_denial_documents_no_need(body: str) -> None:
    assert _need(body) == "unknown"
