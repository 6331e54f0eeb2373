"""A joint's osteoarthritis named in prose, outside a diagnosis list (helper outcomes23, session 23).

Terse notes and record summaries name the condition where they tell the history ("Knee OA R, x-ray 2017 mod-sev
medial jt space loss", "known right hip osteoarthritis, on meloxicam"), with no diagnosis heading. Topical NSAIDs
(CPMTG p. 111-112), hyaluronic acid and knee injections (ODG Knee) and walking aids are judged on osteoarthritis of
a named joint, so the joint's condition is a diagnosis wherever the note states it. A condition the note denies,
looks for, rules out or plans for is none.
"""

from __future__ import annotations

import pytest
from fragments import read_fragment

from imr_engine.engine.terminology import VocabularyTerminology
from imr_engine.vocabulary import load_vocabulary

TERMS = VocabularyTerminology(load_vocabulary())


def _diagnoses(text: str) -> list[tuple[str, set[str], list[str]]]:
    return [(d.name, set(TERMS.diagnosis_groups_of(d.name)), list(d.body_regions)) for d in read_fragment(text).diagnoses]


@pytest.mark.parametrize(("text", "region"), [
    ("Knee OA R, x-ray 2017 mod-sev medial jt space loss. Pain 6/10.\n", "knee"),
    ("She has known right hip osteoarthritis and takes meloxicam daily.\n", "hip"),
    ("Longstanding OA of the left knee, worse on stairs.\n", "knee"),
    ("HPI: 58 y/o M with bilateral knee DJD, here for follow-up.\n", "knee"),
    ("Hx: R thumb CMC OA, splint at night helps.\n", "hand"),
    ("f/u 3/2/18. 62 y/o f, warehouse picker.\nknee oa r, x-ray 2017 mod-sev medial jt space loss.\npain 6/10 with stairs. "
     "ibuprofen stopped in may, gi upset.\nexam: crepitus r knee, medial jt line tender, no effusion.\nplan: voltaren gel.\n",
     "knee"),
])
def test_a_joints_osteoarthritis_told_in_prose_is_a_diagnosis(text: str, region: str) -> None:
    found = _diagnoses(text)
    assert any("osteoarthritis" in groups and region in regions for _, groups, regions in found), found


@pytest.mark.parametrize("text", [
    "X-ray of the knee: no OA, joint spaces preserved.\n",
    "MRI ordered to rule out knee OA versus a meniscal tear.\n",
    "Plan: evaluate for hip osteoarthritis with standing films.\n",
    "Her mother had knee OA and a replacement at 70.\n",
    "Denies any history of knee osteoarthritis.\n",
    "Knee OAB symptoms discussed; urology follow-up.\n",
])
def test_a_joints_osteoarthritis_denied_or_looked_for_is_none(text: str) -> None:
    found = _diagnoses(text)
    assert not any("osteoarthritis" in groups for _, groups, _ in found), found
