"""A normal neurological examination, and weakness that is no neurological sign (issue 10, reader round 10).

corpus/README.md, "Key conventions": a documented normal neurological examination of the region ("neuro intact",
"sensation intact, 5/5 strength, DTRs 2+ and symmetric") is `exam.neurological_deficit: no`; a focal deficit is
`yes`, but not weakness limited by pain or from a torn tendon. Fragments written for these tests, several per
class: the normal exam told tersely or outside an "exam" sentence, and a cuff tendon's or a pain-limited grade,
and Waddell's signs counted of five, which grade no muscle.
"""

from __future__ import annotations

import pytest
from fragments import read_fragment


def _deficit(text: str) -> str:
    return read_fragment(text).exam.neurological_deficit.value


@pytest.mark.parametrize("text", [
    "58 yo F. LBP x 3 yrs, no change. No radicular sx. Neuro intact BLE. No red flags.",
    "Exam: neuro exam unchanged/intact. Norco 5/325 prn.",
    "Ankle: anterior drawer guarded. Neurovasc intact, cap refill <2 s.",
    "O: CN intact. Motor/sensory/reflexes/coord/gait normal. Mild TTP L suboccipital.",
    "Orthopedic: Kemp's positive bilat for local pain, SLR negative. DTRs 2+.",
    "Exam unchanged, ROM C-spine mildly decr, no neuro deficit.",
    "SLR neg. No neuro deficits on today's exam.",
])
def test_a_normal_neurological_examination_is_no_deficit(text: str) -> None:
    assert _deficit(text) == "no"


@pytest.mark.parametrize("text", [
    "Exam R shoulder: Neer +, Hawkins +, empty can + w/ weakness 4/5.",
    "Exam: Jobe (empty can) + for pain, strength 4+/5 supraspinatus.",
    "O: Strength ER 4/5, supraspinatus 4/5 w/ pain.",
    "Exam: Strength 4+/5 deltoids, limited by pain.",
    "Exam: Waddell 0/5. Lumbar flexion 40 deg.",
    "Exam: grip 4/5 due to pain at the incision.",
])
def test_weakness_of_a_tendon_or_limited_by_pain_is_no_deficit(text: str) -> None:
    assert _deficit(text) != "yes"


@pytest.mark.parametrize("text", [
    "Exam: EHL 4/5 on the left, decreased sensation L5 dermatome.",
    "Exam: Wrist extension 4/5 R. Brachioradialis reflex 1+ R, 2+ L.",
    "Exam: Quad strength 4/5 L, patellar reflex absent on the left.",
])
def test_a_focal_deficit_is_still_read(text: str) -> None:
    assert _deficit(text) == "yes"
