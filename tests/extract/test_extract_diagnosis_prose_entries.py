"""A diagnosis-list entry written as prose, or run on past its name (helper reader13a, session 13).

Terse and dictated notes run the diagnosis on into its study and the care it is in ("dx  R distal radius fx
nondisplaced (XR 8/8/13)   in short arm cast since 8/9"), or state the working diagnosis as a suspicion in a
sentence ("Left wrist injury with clinical signs of an occult scaphoid fracture, radiographs negative twice").
The name before the study is the diagnosis; a fracture, tear or radiculopathy the assessment suspects is a
suspected one (the fracture-care criteria of ACOEM Ch. 11 and 14 treat a suspected fracture as one until
excluded). A condition the note denies, rules out or finds no sign of is none.
"""

from __future__ import annotations

import pytest
from fragments import read_fragment

from imr_engine.engine.terminology import VocabularyTerminology
from imr_engine.vocabulary import load_vocabulary

TERMS = VocabularyTerminology(load_vocabulary())


def _names(text: str) -> list[str]:
    return [d.name.lower() for d in read_fragment(text).diagnoses]


def _groups(text: str) -> set[str]:
    return {g for d in read_fragment(text).diagnoses for g in TERMS.diagnosis_groups_of(d.name)}


@pytest.mark.parametrize(("text", "words"), [
    ("8/29/13  f/u   29 F\ndx  R distal radius fx nondisplaced (XR 8/8/13)   in short arm cast since 8/9\npain 2/10.\n",
     "distal radius fx"),
    ("Dx: R distal radius fracture (x-ray 8/8/13) in a short arm cast since the ED visit\n", "distal radius fracture"),
    ("Diagnosis: L 5th metatarsal base fx (ED films 1/3/16) in a post-op shoe since then\n", "metatarsal base fx"),
    ("Assessment:\n1. Left knee medial meniscus tear (MRI 2/2016) with locking despite 6 weeks of PT\n",
     "medial meniscus tear"),
    ("Impression: Right lateral epicondylitis (US 1/2016 thickened common extensor origin) not better after two injections\n",
     "lateral epicondylitis"),
])
def test_the_name_before_its_study_is_the_diagnosis_whatever_follows(text: str, words: str) -> None:
    assert any(words in n for n in _names(text)), _names(text)


@pytest.mark.parametrize("text", [
    "Assessment: Left wrist injury with clinical signs of an occult scaphoid fracture, radiographs negative twice.\n",
    "Impression: Left wrist sprain, clinically suspicious for a scaphoid fracture; films negative x 2.\n",
    "Assessment:\n1. Fall on outstretched hand with snuffbox tenderness concerning for occult scaphoid fracture\n",
    "A: L wrist injury - suspected scaphoid fx, XR neg today, repeat films were neg as well\n",
    "Dx: Left wrist pain, findings of a possible scaphoid fracture despite two negative sets of x-rays\n",
])
def test_a_fracture_the_assessment_suspects_is_a_suspected_fracture(text: str) -> None:
    assert "occult_fracture" in _groups(text), _names(text)


@pytest.mark.parametrize("text", [
    "Assessment: Left wrist sprain; no clinical signs of a fracture on examination or on two sets of films.\n",
    "Impression: Wrist contusion, fracture ruled out on x-ray.\n",
    "Dx: R wrist sprain (XR 8/8/13 negative for fracture) in a velcro splint\n",
    "Assessment: Left wrist injury without signs of a scaphoid fracture, films negative.\n",
])
def test_a_fracture_denied_or_ruled_out_is_no_diagnosis(text: str) -> None:
    assert not {"extremity_fracture", "occult_fracture"} & _groups(text), _names(text)


def test_a_sprain_with_a_negative_film_keeps_its_own_name() -> None:
    assert any("wrist sprain" in n for n in _names("Dx: R wrist sprain (XR 8/8/13 negative for fracture) in a velcro splint\n"))
