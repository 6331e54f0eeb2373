"""A diagnosis list's line that denies a condition, or names one to rule out, is not a diagnosis.

Surgeons and consultants close an impression with what the work-up excluded ("3. Neg for
radiculopathy or myelopathy on exam"); read as a diagnosis, that line would supply exactly the
radiculopathy that cervical and lumbar surgery criteria require.
"""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


def _diagnoses(line: str) -> list[str]:
    note = f"Date of exam: 06/04/2018\nIMPRESSION:\n1. M50.30 Cervical degenerative disc disease C5-6\n2. {line}\n"
    return [d.name for d in extract_text(note, ["C5-6 ACDF"]).diagnoses]


@pytest.mark.parametrize("line", [
    "Neg for radiculopathy or myelopathy on exam.",
    "No evidence of cervical myelopathy",
    "Negative for instability on flexion-extension films",
    "R/O cervical radiculopathy",
    "Rule out thoracic outlet syndrome",
    "Myelopathy ruled out by MRI",
])
def test_a_denied_or_ruled_out_condition_is_not_listed(line: str) -> None:
    assert _diagnoses(line) == ["Cervical degenerative disc disease C5-6"]


@pytest.mark.parametrize(("line", "name"), [
    ("M54.12 Cervical radiculopathy, right C6", "Cervical radiculopathy, right C6"),
    ("Cervicalgia", "Cervicalgia"),
])
def test_a_stated_condition_is_still_listed(line: str, name: str) -> None:
    assert _diagnoses(line) == ["Cervical degenerative disc disease C5-6", name]


def test_a_code_typed_in_lower_case_is_set_aside_from_its_diagnosis() -> None:
    note = "date of exam: 06/04/2018\na: 1) m17.12 unilateral primary oa, l knee\n   2) m54.50 low back pain, chronic\n"
    names = [d.name for d in extract_text(note, ["Voltaren gel 1% 100 g"]).diagnoses]
    assert names == ["unilateral primary oa, l knee", "low back pain, chronic"]
