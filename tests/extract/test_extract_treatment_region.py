"""The body region of each prior treatment, read where the note names it, left empty where it does not.

Each fragment is written for this test; the expected region is the part the fragment names beside
the care (a spinal level names its spine), never what the reader returns.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.extract import extract_text
from imr_engine.resources import vocabulary_dir
from imr_engine.vocabulary import load_vocabulary

VISIT = "Date of service: 04/07/2016\n"


def _regions(body: str) -> dict[str | None, str | None]:
    case = extract_text(VISIT + body, ["Physical therapy x 6"])
    return {t.service: t.region for t in case.treatments}


@pytest.mark.parametrize(("body", "service", "region"), [
    ("Treatment to date has included PT to the lumbar spine x12 without benefit.", "physical_therapy", "lumbar_spine"),
    ("Prior care: L4-5 ESI 2015 with 50% relief for 6 weeks.", "epidural_steroid_injection", "lumbar_spine"),
    ("Pt underwent a right C5-6 interlaminar ESI on 06/15/2015.", "epidural_steroid_injection", "cervical_spine"),
    ("Prior treatment included cortisone injection R ring finger (2015), no relief.", "corticosteroid_injection", "hand"),
    ("Treatment to date has included acupuncture for neck x6 with some benefit.", "acupuncture", "cervical_spine"),
    ("Treatment to date has included physical therapy x 12 visits to the right shoulder without benefit.",
     "physical_therapy", "shoulder"),
    ("Failed treatment: PT 12 visits for the knee (2016), chiropractic 6 (2015).", "physical_therapy", "knee"),
    ("Prior PT x 8 for the lumbar spine in 2015 without benefit.", "physical_therapy", "lumbar_spine"),
    ("Treatment to date has included a night wrist splint since November 2014.", "wrist_splint", "wrist"),
])
def test_the_region_named_beside_the_care(body: str, service: str, region: str) -> None:
    assert _regions(body)[service] == region


@pytest.mark.parametrize(("body", "service"), [
    ("Treatment to date has included PT x 12 without benefit.", "physical_therapy"),
    ("Failed treatment: PT 12 visits for the knee (2016), chiropractic 6 (2015).", "chiropractic"),
    # two parts that are apart: the course is of neither alone
    ("Treatment to date has included PT for the neck and low back x 12.", "physical_therapy"),
    # an unqualified back names no part
    ("Treatment to date has included chiropractic for the back x 6.", "chiropractic"),
])
def test_no_region_where_the_note_names_none_or_two(body: str, service: str) -> None:
    assert _regions(body)[service] is None


def test_each_course_of_a_list_keeps_its_own_part() -> None:
    found = _regions("Treatment to date has included acupuncture for neck and PT for the low back.")
    assert found == {"acupuncture": "cervical_spine", "physical_therapy": "lumbar_spine"}


_ANATOMY = load_vocabulary()
#: Spellings of each region from the vocabulary, longer than an abbreviation ("lle", "rue" stand for a side too).
_SPELLINGS = sorted((region, spelling) for region, spellings in
                    yaml.safe_load((vocabulary_dir() / "anatomy.yaml").read_text(encoding="utf-8"))["body_regions"].items()
                    for spelling in spellings if len(spelling) > 4)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_SPELLINGS), st.sampled_from(["physical therapy", "acupuncture", "chiropractic"]),
       st.sampled_from(["to the", "for the", "of the"]))
def test_any_spelling_of_a_region_beside_a_course_names_it(spelt: tuple[str, str], care: str, joint: str) -> None:
    region, spelling = spelt
    body = f"Treatment to date has included {care} {joint} {spelling} x 6 visits without benefit."
    assert region in _ANATOMY.body_regions
    assert set(_regions(body).values()) == {region}
