"""An epidural injection or spine surgery requested in the note is an intervention considered.

corpus/README.md: `clinical.intervention_considered` is an epidural, a nerve root block or spine surgery planned or
considered; a request for one is its plan. Fragments written for this test.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text

VISIT = "Date of service: 04/02/2019\n"


@pytest.mark.parametrize(("body", "requests"), [
    ("L5 radicular pain x 3 months, MRI L4-5 protrusion.", ["L L4-5 TFESI under fluoroscopy x1", "Norco 5/325 #30"]),
    ("Neck and arm pain, C6 numbness.", ["Tramadol 50 mg #60", "Cervical epidural steroid injection C6-7 interlaminar"]),
    ("Failed PT and ESI; leg pain 8/10.", ["Right L5-S1 microdiscectomy", "Post-op PT x 12"]),
])
def test_a_requested_spinal_intervention_is_considered(body: str, requests: list[str]) -> None:
    finding = extract_text(VISIT + body, requests).clinical.intervention_considered
    assert finding.value == "yes"
    assert finding.evidence and finding.evidence[0].quote in requests


@pytest.mark.parametrize(("body", "requests"), [
    ("Knee pain, medial meniscus tear.", ["R knee arthroscopy, partial medial meniscectomy"]),
    ("LBP, facet loading positive.", ["Bilateral L4-5 medial branch blocks"]),
    ("Neck pain, no radiation.", ["Trigger point injections x4"]),
])
def test_other_procedures_are_no_spinal_intervention(body: str, requests: list[str]) -> None:
    assert extract_text(VISIT + body, requests).clinical.intervention_considered.value != "yes"


def test_a_requested_epidural_outweighs_surgery_declined() -> None:
    """The worker declines an operation but an epidural is asked for: an intervention is considered (engine/derive.py reads
    the request the same way)."""
    finding = extract_text(VISIT + "He declines spine surgery.", ["L4-5 interlaminar ESI"]).clinical.intervention_considered
    assert finding.value == "yes"


def test_a_refusal_with_no_intervention_requested_stays_no() -> None:
    finding = extract_text(VISIT + "He declines spine surgery.", ["Physical therapy x 6"]).clinical.intervention_considered
    assert finding.value == "no"
