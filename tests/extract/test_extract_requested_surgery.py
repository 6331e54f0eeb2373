"""A note that requests an operation makes the worker a surgical candidate (issue 10, reader round 10).

corpus/README.md, "Key conventions": `clinical.surgical_candidate: yes` where a surgeon or the note calls the
worker a candidate, or surgery is recommended, planned, scheduled or requested; `no` where the note says the
worker is not a candidate or declines surgery. Request lines written for these tests, several kinds of operation;
both ways: requests that are no operation, and a note that rules surgery out.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text

NOTE = "Date of service: 03/14/2016\nS: Right hand numbness at night, failed splinting.\n"


def _candidate(requests: list[str], text: str = NOTE) -> str:
    return extract_text(text, requests).clinical.surgical_candidate.value


@pytest.mark.parametrize("line", [
    "Right carpal tunnel release, open, outpatient",
    "Left L5-S1 microdiscectomy",
    "R knee arthroscopy w/ partial medial meniscectomy",
    "Removal of hardware, right lateral ankle, outpatient",
    "L4-S1 posterior lumbar interbody fusion with instrumentation",
])
def test_a_requested_operation_makes_a_candidate(line: str) -> None:
    assert _candidate([line, "Pre-operative medical clearance"]) == "yes"


@pytest.mark.parametrize("line", [
    "Pre-operative medical clearance",
    "Post-op PT 3x/wk x 8 wks (24 visits)",
    "Left first dorsal compartment corticosteroid injection",
    "MRI lumbar spine without contrast",
    "Norco 10/325 mg #90",
])
def test_requests_that_are_no_operation_say_nothing(line: str) -> None:
    assert _candidate([line]) == "unknown"


def test_a_note_that_rules_surgery_out_keeps_no() -> None:
    text = NOTE + "Per Dr. Lee (spine) 1/2016 he is not a surgical candidate.\n"
    assert _candidate(["L4-S1 posterior lumbar interbody fusion"], text) == "no"
