"""A visit count read across words joined by a slash ("CPT/trauma-focused", "PT/OT", "individual/group").

Request lines written for this test; the count is the number the line gives, never what the parser returns.
"""

from __future__ import annotations

import pytest

from imr_engine.requests import parse_request
from imr_engine.vocabulary import load_vocabulary

VOCAB = load_vocabulary()


@pytest.mark.parametrize(("line", "visits"), [
    ("12 additional CPT/trauma-focused psychotherapy sessions, weekly", 12),
    ("6 PT/OT visits to the right hand", 6),
    ("8 individual/group sessions of CBT", 8),
    ("10 additional sessions of cognitive behavioral therapy", 10),
])
def test_the_count_before_slashed_words_is_the_visits(line: str, visits: int) -> None:
    assert parse_request(line, VOCAB).visits == visits


def test_a_dose_with_a_slash_is_no_visit_count() -> None:
    assert parse_request("Norco 10/325 mg #120", VOCAB).visits is None
