"""Care asked for after a procedure, the procedure glued to "post" (helper reader13a, session 13).

"Post-RFA physical therapy, 6 visits" asks for therapy: the neurotomy names when it is given. Read as the
neurotomy, the line was judged by the facet criteria (ODG Low Back) and not by physical medicine's visit counts
(CPMTG p. 98-99). A line that asks for the procedure itself, or names no other care, keeps it.
"""

from __future__ import annotations

import pytest

from imr_engine.requests import parse_request


@pytest.mark.parametrize(("line", "service"), [
    ("Post-RFA physical therapy, 6 visits", "physical_therapy"),
    ("Post-ESI physical therapy x 6", "physical_therapy"),
    ("Post ESI PT x 6", "physical_therapy"),
    ("post-MBB home exercise instruction, PT x 2 visits", "physical_therapy"),
    ("Post-TKA home health nursing 2x/wk x 3 wks", "home_health"),
    ("Post-RFA follow-up visit", "office_visit"),
    ("Post-op physical therapy x 12", "physical_therapy"),
])
def test_the_care_after_post_procedure_is_what_the_line_asks(line: str, service: str) -> None:
    assert parse_request(line).service == service


@pytest.mark.parametrize(("line", "service"), [
    ("RFA bilateral L4-5 and L5-S1", "radiofrequency_ablation"),
    ("Repeat L5-S1 TFESI, post-op day not applicable", "epidural_steroid_injection"),
    ("Post-laminectomy epidural steroid injection L4-5", "epidural_steroid_injection"),
])
def test_a_procedure_asked_for_keeps_its_name(line: str, service: str) -> None:
    assert parse_request(line).service == service
