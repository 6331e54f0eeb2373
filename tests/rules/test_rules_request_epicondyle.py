"""Surgery at the epicondyle as RFAs and IRO decisions name it: a repair or debridement of the lateral or
medial epicondyle is elbow surgery (ACOEM Ch. 10, Elbow Disorders: Surgical Considerations; ODG Elbow,
Surgery for epicondylitis), decided by the elbow surgery rules, never left Indeterminate. Lines written
for this test; the expected service is the guideline's term for the operation.
"""

from __future__ import annotations

import pytest
from scenarios import build_case

from imr_engine.engine import Engine
from imr_engine.requests import parse_request

LINES = [
    "Surgical repair, right lateral epicondyle",
    "Repair of the left lateral epicondyle",
    "Lateral epicondyle repair, right elbow",
    "R lateral epicondylar repair (outpatient)",
    "Right tennis elbow repair",
    "Lateral epicondylitis debridement, left",
    "Medial epicondylar debridement right elbow",
]


@pytest.mark.parametrize("line", LINES)
def test_epicondyle_surgery_is_elbow_surgery_and_decided(engine: Engine, line: str) -> None:
    assert parse_request(line).service == "elbow_surgery"
    result = engine.evaluate(build_case([line])).items[0]
    assert result.predicted != "Indeterminate", f"{line}: no rule or covering topic"


@pytest.mark.parametrize("line", ["Right lateral epicondyle injection", "Counterforce brace, lateral epicondylitis"])
def test_an_injection_or_a_strap_at_the_epicondyle_is_not_surgery(line: str) -> None:
    assert parse_request(line).service != "elbow_surgery"
