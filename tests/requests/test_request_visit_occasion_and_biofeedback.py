"""What a request line is for when it names a study beside a visit or a treatment (helper newtune11, session 11).

Two classes, each with lines written for these tests as different clinicians would put them, and near misses:

- a follow-up visit dated or motivated by a study ("RTC 4 wks after MRI", "f/u to review EMG/NCV findings") is
  the visit: the study is when or why the worker comes back, not what is asked for; "Follow-up MRI" with no
  visit noun is still the study (a study done again);
- biofeedback named by its signal ("EMG/thermal biofeedback", "sEMG biofeedback") is the biofeedback, which the
  CPMTG (p. 24-25) treats as part of a cognitive behavioural therapy programme, not an electrodiagnostic test.
"""

from __future__ import annotations

import pytest

from imr_engine.requests import parse_request


@pytest.mark.parametrize("line", [
    "Return to clinic 4 weeks (after MRI)",
    "RTC 4 wks after MRI",
    "f/u appt 2 wks post MRI",
    "Follow-up in 4 weeks after MRI",
    "Recheck in 1 month once MRI done",
    "F/u for MRI results",
    "Follow up to review EMG/NCV findings",
    "Return visit in 6 weeks to review the MRI",
])
def test_a_visit_timed_or_motivated_by_a_study_is_the_visit(line: str) -> None:
    item = parse_request(line)
    assert (item.kind, item.service) == ("office_visit", "office_visit")


@pytest.mark.parametrize(("line", "service"), [
    ("Follow-up MRI lumbar spine", "mri"),
    ("Repeat MRI in 6 months", "mri"),
    ("Follow up EMG/NCV bilateral upper extremities", "emg_ncs"),
    ("f/u x-rays R wrist", "x_ray"),
])
def test_a_study_done_again_is_still_the_study(line: str, service: str) -> None:
    assert parse_request(line).service == service


@pytest.mark.parametrize("line", [
    "EMG/thermal biofeedback x 4 sessions, in conjunction with CBT",
    "sEMG biofeedback 6 sessions",
    "EMG-assisted biofeedback training, 6 visits",
    "surface EMG biofeedback with CBT x 8",
    "Biofeedback (EMG-assisted) x 4",
    "Thermal biofeedback x 6 sessions",
])
def test_biofeedback_named_by_its_signal_is_the_treatment(line: str) -> None:
    item = parse_request(line)
    assert item.kind == "therapy"
    assert "psychological_treatment" in item.classes


@pytest.mark.parametrize(("line", "service"), [
    ("EMG/NCV BLE", "emg_ncs"),
    ("EMG of the bilateral upper extremities", "emg_ncs"),
    ("Surface EMG paraspinals", "surface_emg"),
])
def test_an_electrodiagnostic_test_without_biofeedback_stays_a_test(line: str, service: str) -> None:
    assert parse_request(line).service == service
