"""Postsurgical physical medicine after fracture fixation: one line of 8 CCR 9792.24.3(d) per bone.

The figures as the regulation's table gives them (not yet checked against its text, like the rest of
rules/vocabulary/postsurgical.yaml): radius/ulna 16 visits over 8 weeks within 4 months; ankle, tarsal
and metatarsal 21 visits over 16 weeks within 6 months; humerus 24 over 14 weeks within 6 months. An
initial course is half the general course (9792.24.3(c)). The bone is read from the operation's name or
its body region; cases written for these tests.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from scenarios import build_case

from imr_engine.engine.derive import derive_items
from imr_engine.engine.terminology import VocabularyTerminology
from imr_engine.requests import parse_request
from imr_engine.vocabulary import load_vocabulary

VOCAB = load_vocabulary()
TERMS = VocabularyTerminology(VOCAB)


def _course(name: str, region: str | None, operated: str, as_of: dt.date) -> dict[str, Any]:
    surgery = [{"name": name, "body_region": region, "date": operated,
                "evidence": [{"quote": f"s/p {name} {operated}", "source": "summary"}]}]
    request = "Physical therapy x 8"
    case = build_case([request], injury="2015-01-10", surgeries=surgery)
    return derive_items(case, [parse_request(request, VOCAB)], as_of, TERMS)[0].values


@pytest.mark.parametrize(("name", "region", "general", "initial"), [
    ("ORIF left distal radius fracture", None, 16, 8),
    ("ORIF volar plate", "wrist", 16, 8),
    ("ORIF right bimalleolar ankle fracture", None, 21, 10),
    ("open reduction internal fixation", "ankle", 21, 10),
    ("ORIF right proximal humerus fracture", None, 24, 12),
    ("ORIF fifth metacarpal", None, 16, 8),
])
def test_the_bone_chooses_the_course(name: str, region: str | None, general: int, initial: int) -> None:
    values = _course(name, region, "2015-01-12", dt.date(2015, 3, 1))
    assert values["postsurgical_surgery"] == "fracture_fixation"
    assert (values["postsurgical_general_course"], values["postsurgical_initial_course"]) == (general, initial)
    assert values["postsurgical_period"] == "yes"


@pytest.mark.parametrize(("name", "as_of", "period"), [
    ("ORIF left distal radius fracture", dt.date(2015, 5, 1), "yes"),    # 3.6 months: within 4
    ("ORIF left distal radius fracture", dt.date(2015, 6, 1), "no"),     # 4.7 months: the period has ended
    ("ORIF right ankle fracture", dt.date(2015, 6, 1), "yes"),           # within the ankle's 6 months
])
def test_the_bone_chooses_the_period(name: str, as_of: dt.date, period: str) -> None:
    assert _course(name, None, "2015-01-12", as_of)["postsurgical_period"] == period
