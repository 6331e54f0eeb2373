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
