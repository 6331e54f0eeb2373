"""Moderate or severe stenosis of the canal on a study corroborates the roots' compression (CPMTG p. 46; ACOEM Ch. 12
p. 305-307: decompression for neurogenic claudication needs imaging that shows the stenosis). A mild or absent
stenosis corroborates nothing. Wordings written for these tests, in several styles."""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text

CORROBORATES = [
    "MRI lumbar 4/2019: L4-5 severe central canal stenosis from disc bulge and ligamentum flavum hypertrophy.",
    "MRI L-spine 2/2017 - moderate spinal stenosis L3-4, facet arthropathy.",
    "Lumbar MRI (Jan 2020) shows severe central stenosis at L4-L5 with a trefoil canal.",
    "CT of the lumbar spine 2018: moderate to severe canal stenosis at L3-4 and L4-5.",
]
DOES_NOT = [
    "MRI lumbar 4/2019: mild central canal stenosis at L4-5, no foraminal narrowing.",
    "MRI L-spine 2/2017: no central canal stenosis; mild facet arthropathy.",
    "MRI lumbar 2020: disc desiccation L5-S1, the canal is patent.",
]


@pytest.mark.parametrize("note", CORROBORATES)
def test_moderate_or_severe_canal_stenosis_corroborates(note: str) -> None:
    studies = extract_text(note + "\n", ["L4-5 laminectomy"]).imaging
    assert [s.corroborates_radiculopathy for s in studies] == ["yes"]


@pytest.mark.parametrize("note", DOES_NOT)
def test_mild_or_no_stenosis_does_not(note: str) -> None:
    studies = extract_text(note + "\n", ["L4-5 laminectomy"]).imaging
    assert all(s.corroborates_radiculopathy != "yes" for s in studies)
