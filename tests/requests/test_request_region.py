"""The body region of a request line: its region words outside the service's own name.

"Hand therapy ... right wrist" treats the wrist ("hand" is in the service's name); a line whose only region word
stands in the name takes it from there, and a service made for one region keeps its own. Lines written for these
tests.
"""

from __future__ import annotations

import pytest

from imr_engine.requests import parse_request


@pytest.mark.parametrize(("line", "region"), [
    ("Hand therapy 2x/wk x 4 wks right wrist", "wrist"),
    ("Occupational hand therapy x 8 visits, left wrist", "wrist"),
    ("Certified hand therapy 3x4 for the R elbow", "elbow"),
    ("Hand therapy, left elbow (cubital tunnel), 8 visits", "elbow"),
    ("Elbow hand therapy", "elbow"),
    ("Aquatic therapy 2x6 wks, lumbar spine", "lumbar_spine"),
    ("Shoulder CPM rental x 21 days, right shoulder", "shoulder"),
    ("CPM knee x 14 days", "knee"),
])
def test_the_region_is_the_line_s_own_outside_the_service_name(line: str, region: str) -> None:
    assert parse_request(line).body_region == region


@pytest.mark.parametrize(("line", "region"), [
    ("Hand therapy 12 visits", "hand"),
    ("Hand therapy x 6", "hand"),
    ("Lumbar MRI", "lumbar_spine"),
    ("Shoulder CPM", "shoulder"),
    ("MRI cervical spine without contrast", "cervical_spine"),
])
def test_a_line_whose_only_region_word_is_in_the_name_takes_it_from_there(line: str, region: str) -> None:
    assert parse_request(line).body_region == region


@pytest.mark.parametrize(("line", "region"), [
    ("Wrist splint for the right hand", "wrist"),
    ("Knee brace, left knee", "knee"),
    ("Knee arthroscopy right", "knee"),
    ("Cervical collar", "cervical_spine"),
])
def test_a_service_made_for_one_region_keeps_its_own(line: str, region: str) -> None:
    assert parse_request(line).body_region == region


def test_a_drug_line_reads_its_region_as_before() -> None:
    assert parse_request("Lidocaine 5% patch to the low back #30").body_region == "lumbar_spine"
