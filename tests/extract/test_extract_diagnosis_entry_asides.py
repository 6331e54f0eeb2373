"""A diagnosis-list entry with an aside or a comment after its name (helper newtune11, session 11).

Clinicians put the dose, study or date that supports a diagnosis in brackets after it, and a comment after a
comma ("Secondary hypogonadism related to opioid therapy (oxycodone ~150 mg MED/day), confirmed on two morning
levels"); the name is the diagnosis, the rest is not. A comment saying the condition was operated on or has
resolved keeps the entry whole: it is not the condition as it stands now.
"""

from __future__ import annotations

import pytest
from fragments import read_fragment


def _names(text: str) -> list[str]:
    return [d.name for d in read_fragment(text).diagnoses]


@pytest.mark.parametrize(("text", "name"), [
    ("A:\n1. Opioid-induced constipation\n2. Secondary hypogonadism related to chronic opioid therapy (oxycodone ~150 mg "
     "MED/day),\n   confirmed on two morning levels, symptomatic\n", "Secondary hypogonadism related to chronic opioid therapy"),
    ("A:\n1. Lumbar radiculopathy L5 (on gabapentin 300 mg TID)\n2. Lumbar strain\n", "Lumbar radiculopathy L5"),
    ("Diagnoses:\n1. Right carpal tunnel syndrome (EMG 3/14/2016 moderate), worse at night\n", "Right carpal tunnel syndrome"),
    ("Dx:\n- Cervical radiculopathy C6, improving with PT since 10/2015\n", "Cervical radiculopathy C6"),
    ("Assessment:\n1. Lumbar strain (12 PT visits done), pt improving\n", "Lumbar strain"),
    ("IMPRESSION:\n1. Complex regional pain syndrome type I, left hand (Budapest criteria 3/4 categories)\n",
     "Complex regional pain syndrome type I, left hand"),
])
def test_the_name_before_an_aside_or_comment_is_the_diagnosis(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize("text", [
    "Diagnoses:\n1. R carpal tunnel syndrome, s/p ECTR 3/24/20 - numbness resolved\n",
    "Dx:\n1. L knee medial meniscus tear, s/p arthroscopic repair 05/2019\n",
    "A:\n1. Lumbar radiculopathy, resolved after ESI 2/2018\n",
])
def test_a_condition_operated_on_or_resolved_is_not_read_as_current(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Assessment: Left L4 radiculopathy on exam, in a diabetic with a superimposed peripheral polyneuropathy.",
     "peripheral polyneuropathy"),
    ("She has diabetic neuropathy in both feet.", "diabetic neuropathy"),
    ("PMH: DM2 with peripheral neuropathy.", "peripheral neuropathy"),
    ("Hx of polyneuropathy from chemotherapy.", "polyneuropathy"),
    ("Stocking-distribution sensory loss from a length-dependent polyneuropathy.", "length-dependent polyneuropathy"),
])
def test_a_polyneuropathy_told_in_prose_is_a_diagnosis(text: str, name: str) -> None:
    """A polyneuropathy beside a radiculopathy is what electrodiagnosis may have to tell apart (ODG Low Back, NCS)."""
    assert name in _names(text)


@pytest.mark.parametrize("text", [
    "No peripheral neuropathy.",
    "EMG to rule out peripheral neuropathy.",
    "Right median neuropathy at the wrist.",
])
def test_a_neuropathy_denied_doubted_or_of_one_nerve_is_no_polyneuropathy(text: str) -> None:
    assert not any("poly" in n or "peripheral" in n for n in _names(text))
