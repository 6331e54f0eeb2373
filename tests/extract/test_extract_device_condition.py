"""The condition of the worker's own device, read where the note tells of it beside the device's name.

Each fragment is written for this test, in the ways clinicians and prosthetists write about a
prosthesis, a pressure garment or a walking aid; the expected value follows the ODG's grounds for
replacing a device (worn beyond repair, outgrown, no longer fitting), never what the reader returns.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text

VISIT = "Date of service: 03/10/2015\n"


def _condition(body: str) -> tuple[str, list[str]]:
    finding = extract_text(VISIT + body, ["Replacement prosthetic socket"]).clinical.device_unserviceable
    return finding.value, [e.quote for e in finding.evidence]


@pytest.mark.parametrize(("body", "device"), [
    ("R BK amputee. Socket now loose, pistoning with 5 ply socks.", "Socket"),
    ("Prosthetist documents volume loss; liner torn.", "liner"),
    ("Torn gel liner noted by the prosthetist.", "liner"),
    ("Wears custom pressure garments 23 h/day, now stretched and no longer give pressure.", "pressure garments"),
    ("Uses a rolling walker - brakes broken, seat cracked.", "walker"),
    ("Crutches borrowed from a neighbor are too short.", "Crutches"),
    ("Her prosthesis no longer fits after a 25 lb weight loss.", "prosthesis"),
    ("Wrist splints worn out, no longer supportive.", "splints"),
])
def test_a_device_worn_out_or_no_longer_fitting(body: str, device: str) -> None:
    value, quotes = _condition(body)
    assert value == "yes"
    assert any(device in q for q in quotes)  # the quote names the device it tells of


@pytest.mark.parametrize("body", [
    "Prosthesis fits well, no skin breakdown.",
    "Walker in good working order.",
    "Pressure garments fit well and are worn 23 hours a day.",
])
def test_a_device_that_still_serves(body: str) -> None:
    assert _condition(body)[0] == "no"


@pytest.mark.parametrize("body", [
    "Knee brace for a torn meniscus, wears it daily.",  # the tear is the knee's, not the brace's
    "She has a broken wrist and uses a walker.",
    "Failed PT, HEP.",  # care that failed is no device
    "Denies that the brace is loose.",
    "Wears the prosthesis 14 h/day.",  # worn = used
    "Loose body in the knee on MRI; hinged knee brace ordered.",
    "Socket may need replacing if volume changes.",  # nothing documented yet
])
def test_nothing_about_a_device_s_condition(body: str) -> None:
    assert _condition(body)[0] == "unknown"
