"""Image guidance asked for as an item (ODG Knee & Leg, corticosteroid injections: "generally
performed without fluoroscopic or ultrasound guidance"): read from the request line only."""

from __future__ import annotations

import pytest

from imr_engine.engine.guidance import guidance_requested


@pytest.mark.parametrize("line", [
    "Ultrasound guidance for the knee injection",
    "US guidance L knee",
    "U/S-guided R knee intra-articular injection",
    "Fluoroscopic guidance, CPT 77002",
    "fluoro guidance for the shoulder injection",
    "Image-guided knee aspiration and injection",
    "CPT 76942 ultrasonic guidance for needle placement",
    "Sonographic guidance, left knee",
])
def test_guidance_as_the_item_is_read(line: str) -> None:
    assert guidance_requested(line)


@pytest.mark.parametrize("line", [
    "L knee intra-articular corticosteroid injection (triamcinolone 40/lidocaine)",
    "Knee injection under ultrasound guidance",          # the injection named first: the injection's line
    "R subacromial injection with fluoroscopy",
    "Cortisone shot right knee, US-guided",
    "MRI left knee without contrast",
    "Ultrasound therapy 6 sessions",                    # therapeutic ultrasound, not guidance
    "Diagnostic ultrasound right shoulder",
])
def test_lines_that_are_not_guidance_items(line: str) -> None:
    assert not guidance_requested(line)
