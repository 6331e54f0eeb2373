"""Whether the operation care is requested for is authorized or scheduled, or pending or denied.

Each fragment is written for this test, in the ways RFAs, surgeons' notes and PR-2s tell it; the expected
value follows what decides associated surgical services (the operation will or will not take place),
never what the reader returns.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text

VISIT = "Date of service: 02/11/2019\n"


def _said(body: str) -> tuple[str, list[str]]:
    finding = extract_text(VISIT + body, ["Post-op PT R shoulder x 12"]).clinical.surgery_authorized
    return finding.value, [e.quote for e in finding.evidence]


@pytest.mark.parametrize("body", [
    "Surgery authorized (UR 1/28/19): R shoulder arthroscopic rotator cuff repair, scheduled 2/25/2019.",
    "R knee arthroscopy was certified by UR on 01/15/2019.",
    "The L4-5 microdiscectomy has been approved.",
    "UR approved the carpal tunnel release on 1/4/19.",
    "Right carpal tunnel release is scheduled for 3/5/2019.",
    "Surgery date: 03/05/2019 (R CTR).",
    "Authorization received for the rotator cuff repair.",
])
def test_an_authorized_or_scheduled_operation(body: str) -> None:
    value, quotes = _said(body)
    assert value == "yes"
    assert quotes and quotes[0].strip().rstrip(".") in body  # the whole sentence, naming the operation


@pytest.mark.parametrize("body", [
    "R shoulder arthroscopic rotator cuff repair pending authorization.",
    "Surgery is awaiting UR approval.",
    "The L5-S1 fusion was denied by UR on 1/10/2019.",
    "UR non-certified the knee arthroscopy.",
    "Carpal tunnel release not authorized as of today.",
])
def test_an_operation_pending_or_denied(body: str) -> None:
    assert _said(body)[0] == "no"


@pytest.mark.parametrize("body", [
    "Corticosteroid injection today if surgery is not approved.",
    "ESI as an alternative, if fusion not certified.",
    "Surgical consult f/u scheduled for 6/2018.",
    "Request for authorization of R shoulder arthroscopy submitted.",
    "PT was authorized for 12 visits.",                     # no operation in the sentence
    "UR non-certified chiropractic x 8.",
])
def test_conditions_consults_requests_and_other_care_say_nothing(body: str) -> None:
    assert _said(body)[0] == "unknown"


@pytest.mark.parametrize(("body", "requests"), [
    ("R shoulder impingement, failed PT and two injections. Plan arthroscopy.",
     ["R shoulder arthroscopy, subacromial decompression", "Post-op PT R shoulder x 12"]),
    ("Numbness thumb to middle finger, EMG/NCS moderate CTS. Wants surgery.",
     ["Right open carpal tunnel release", "Pre-op EKG"]),
    ("L4-5 stenosis with neurogenic claudication.", ["L4-5 laminectomy", "Inpatient stay x 1 day", "Assistant surgeon"]),
])
def test_an_operation_requested_in_the_same_note_is_not_yet_authorized(body: str, requests: list[str]) -> None:
    """corpus/README.md (key review): `no` when the operation is requested in the same note; the request line says so."""
    finding = extract_text(VISIT + body, requests).clinical.surgery_authorized
    assert finding.value == "no"
    assert finding.evidence and finding.evidence[0].quote == requests[0]


def test_an_operation_requested_and_scheduled_is_authorized() -> None:
    finding = extract_text(VISIT + "The carpal tunnel release was certified by UR on 1/30/2019.",
                           ["Right open carpal tunnel release", "Post-op OT x 6"]).clinical.surgery_authorized
    assert finding.value == "yes"


def test_no_operation_requested_says_nothing() -> None:
    finding = extract_text(VISIT + "Knee pain, on naproxen.", ["Physical therapy x 6", "Naproxen 500 mg #60"]).clinical.surgery_authorized
    assert finding.value == "unknown"
