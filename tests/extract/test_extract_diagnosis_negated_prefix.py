"""A diagnosis qualified by "non-" denies the word it prefixes (session 22).

"Axial non-radicular pain" is the opposite of radicular pain: the CPMTG and ODG facet criteria ask for non-radicular
pain, and an ESI or TENS rule taking it for radiculitis reverses them. The word "non-" negates is set aside, as
"without" and "no" already set theirs aside; "nonunion" and "non-union" are a diagnosis of their own and stay.
Sentences written for this test, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from imr_engine.engine import load_engine
from imr_engine.extract import extract_text


@pytest.mark.parametrize("diagnosis", [
    "Axial non-radicular low back pain",
    "Cervical facet syndrome C5-6 (axial, non radicular)",
    "Non-radicular LBP, facet mediated",
    "Chronic neck pain, NON-RADICULAR",
    "Lumbar spondylosis, non-radiating pain",
])
def test_non_prefixed_radicular_is_not_radiculitis(diagnosis: str) -> None:
    assert "neuritis_radiculitis" not in load_engine().vocabulary.diagnosis_groups_of(diagnosis)


@pytest.mark.parametrize(("diagnosis", "group"), [
    ("Non-dermatomal radicular pain, right leg", "neuritis_radiculitis"),   # "non-" denies "dermatomal" only
    ("Lumbar radiculopathy L5, non-surgical management", "neuritis_radiculitis"),
    ("Scaphoid fracture non-union", "nonunion"),
    ("Non-union of the distal radius fracture", "nonunion"),
    ("L5 radiculitis", "neuritis_radiculitis"),
])
def test_the_rest_of_the_diagnosis_is_still_read(diagnosis: str, group: str) -> None:
    assert group in load_engine().vocabulary.diagnosis_groups_of(diagnosis)


def _neuropathic(note: str) -> str:
    return extract_text(f"DOS: 04/07/2016\n{note}", ["Lidoderm 5% patch #30"]).clinical.neuropathic_pain.value


@pytest.mark.parametrize("note", [
    "ASSESSMENT:\n1. Lumbar facet arthropathy L4-5 (axial, non-radicular)\n",
    "Dx: Chronic neck pain, non radicular, facet mediated.\n",
    "Impression: Axial non-radicular low back pain.\n",
])
def test_a_non_radicular_diagnosis_is_no_neuropathic_pain(note: str) -> None:
    assert _neuropathic(note) != "yes"


@pytest.mark.parametrize("note", [
    "ASSESSMENT:\n1. Lumbar radiculopathy L5, right\n",
    "Dx: Cervical radiculitis C6, non-surgical\n",
    "Impression: Non-dermatomal radicular pain, left leg.\n",
])
def test_a_radicular_diagnosis_beside_another_non_word_is_neuropathic(note: str) -> None:
    assert _neuropathic(note) == "yes"


@pytest.mark.parametrize("sentence", [
    "Axial non-radicular pain, failed > 6 mo PT and NSAIDs.",
    "Neck pain is non radicular symptoms-wise, worse on extension.",
])
def test_non_radicular_pain_in_a_sentence_is_not_radicular_pain(sentence: str) -> None:
    assert _neuropathic(f"HPI: {sentence}\n") != "yes"


def test_radicular_pain_in_a_sentence_is_still_read() -> None:
    assert _neuropathic("HPI: Right L5 radicular pain, worse with sitting.\n") == "yes"
