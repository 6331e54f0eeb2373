"""A visit billed on one line with the care given at it (helper dec21, session 21).

Request lines, chiropractic and therapy bills above all, join an office visit to the treatment done at it ("Office
visits with chiropractic manipulation", "Follow-up visit and trigger point injections"). A reviewer judges the
treatment: the visit is only where it is given, and the office-visit criteria (medications to monitor, a surgery
near, an unstable condition) say nothing about it. The lines below were written for this test; near misses keep the
visit where the care is only the visit's occasion or topic ("after ESI", "to review PT progress", "PT referral"), or
where "with" may name the person seen ("F/u with PT").
"""

from __future__ import annotations

import pytest

from imr_engine.requests import parse_request


@pytest.mark.parametrize(("line", "service"), [
    ("Follow-up visit and trigger point injections x 4", "trigger_point_injection"),
    ("Office visit + TPI x3, trapezius", "trigger_point_injection"),
    ("Office visits with chiropractic manipulation, 8 dates of service", "chiropractic"),
    ("Office visits and chiropractic treatments, 12 visits", "chiropractic"),
    ("Follow up visit with acupuncture x 6", "acupuncture"),
    ("F/u visit & cortisone injection, right shoulder", "corticosteroid_injection"),
    ("Follow-up visit plus physical therapy 2x/week x 4 weeks", "physical_therapy"),
    ("Office visit and two trigger point injections", "trigger_point_injection"),
    ("Office visits, chiropractic adjustments and therapeutic exercise (retrospective)", "chiropractic"),
])
def test_a_visit_billed_with_its_treatment_is_the_treatment(line: str, service: str) -> None:
    assert parse_request(line).service == service


@pytest.mark.parametrize("line", [
    "Follow-up visit after ESI",
    "F/u visit 4 wks post TPI",
    "Follow-up visit, 4 weeks, after ESI",
    "Follow-up visit to review physical therapy progress",
    "Follow-up visit and PT progress review",
    "Office visit for acupuncture follow-up",
    "F/u visit with PT referral",
    "F/u with PT in 2 weeks",
    "Follow-up visit regarding chiropractic care",
    "Follow-up office visit and MRI review",
])
def test_care_that_is_only_the_occasion_or_topic_of_a_visit_leaves_the_visit(line: str) -> None:
    assert parse_request(line).service == "office_visit"


def test_a_bundled_line_keeps_its_count_and_region() -> None:
    item = parse_request("Follow-up visit and trigger point injections x 4, left trapezius")
    assert (item.kind, item.visits) == ("procedure", 4)
