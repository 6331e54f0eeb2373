"""Work status in the forms writers the reader had not met use (reader round 13d; every sentence is written for these
tests).

`function.work_status` is full_duty | modified_duty | part_time | off_work (corpus README). Working the regular job with
a restriction is modified duty; and a status the note tells of an earlier time yields to the one it tells of now.
"""

from __future__ import annotations

import pytest

from tests.fragments import read_fragment


def _status(text: str) -> str:
    return read_fragment(text).function.work_status.value


@pytest.mark.parametrize("text", [
    "S: Has continued working her regular job.",
    "S: Still working (payroll clerk), FT.",
    "S: Working reg duty but slow at the lathe.",
    "S: He keeps working his usual job at the warehouse.",
    "S: Went from modified duty to full duty on 05/20/2019 and is still working.",
])
def test_the_regular_job_is_full_duty(text: str) -> None:
    assert _status(text) == "full_duty"


@pytest.mark.parametrize("text", [
    "S: Continues working, modified - 15 min stretch break every 2 hours.",
    "S: She is working her regular job with the restriction against ladder climbing that we gave.",
    "S: Back at work on the line since 2/3/20, restricted to no lifting over 20 lb.",
    "S: Back at work since 10/07/2019 on the clinic floor per her PTP's restrictions.",
    "S: Had been stable on naproxen, working full duty. On 08/28/2018 she strained her neck. Working modified duty since 8/29.",
    "S: He works his usual job with restrictions of no overhead work.",
])
def test_work_with_a_restriction_is_modified_duty(text: str) -> None:
    assert _status(text) == "modified_duty"


@pytest.mark.parametrize("text", [
    "S: Returned to full duty in 01/2023. On 04/02/2023 she hurt her back again and has been off work since 04/03/2023.",
    "S: Was working full duty until the fall in March; not working since.",
])
def test_the_status_now_outranks_an_earlier_one(text: str) -> None:
    assert _status(text) == "off_work"


@pytest.mark.parametrize(("text", "status"), [
    ("S: Retired on disability in 2019, not working.", "off_work"),
    ("S: Back at work without restrictions since May.", "full_duty"),
    ("S: Working full duty, no restrictions.", "full_duty"),
])
def test_near_misses_keep_their_status(text: str, status: str) -> None:
    assert _status(text) == status
