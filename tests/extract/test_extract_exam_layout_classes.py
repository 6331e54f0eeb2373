"""Examination and impression layouts as clinicians in general write them (helper newtune11, session 11).

Five classes, each with phrasings written for these tests (terse, template, dictated, EHR export) and near
misses that must not be read:

- an examination cut into parts by labels on lines of their own ("Neuro:", "R knee:", "Motor:"): the exam goes
  on under them (corpus/README.md: a focal deficit on examination is `exam.neurological_deficit: yes`);
- a nerve-tension sign given as a field's value ("SLR: positive L", "Spurling's test: neg");
- a muscle graded 5-/5, just short of full strength, which the corpus keys do not take for a deficit;
- the impression headed in short or qualified ("Imp:", "Impr:", "Clinical impression:");
- the worker accepting surgery ("not opposed to surgery", "agreeable to surgery"): ACOEM's "would consider
  surgery an option" (Ch. 12 p. 303-304); a surgical opinion or referral accepted is not candidacy
  (corpus/README.md, "Key conventions").
"""

from __future__ import annotations

import pytest
from fragments import read_fragment


def _deficit(text: str) -> str:
    return read_fragment(text).exam.neurological_deficit.value


def _radiculopathy(text: str) -> str:
    return read_fragment(text).exam.radiculopathy.value


@pytest.mark.parametrize("text", [
    "PHYSICAL EXAM\nLumbar spine: TTP L4-S1 paraspinals. No spasm.\nNeuro:\n  Strength: L EHL 4/5, R 5/5.\n",
    "OBJECTIVE:\nGait antalgic.\nNEURO:\nMotor 4/5 L ankle dorsiflexion.\n",
    "Exam:\nGeneral: NAD\nLeft lower extremity:\ndecreased sensation L5 dermatome\n",
    "Physical examination\nCervical spine\nROM limited in rotation.\nNeurologic exam:\nDiminished R biceps reflex.\n",
    "O:\nR knee:\nportals healed\nSensory:\ndecreased LT sensation dorsum of foot\n",
    "OBJECTIVE FINDINGS:\nMSK:\nlumbar flexion 40 deg\nMotor:\nEHL 4-/5 on the right\n",
    # round rules21: the part's label qualified in parentheses by the limbs or side examined
    "PHYSICAL EXAM:\n  NECK: ROM limited.\n  NEURO (UE):\n    Sensation: decreased LT R middle finger (C7).\n",
    "Exam:\nNeuro (LE):\nAchilles reflex absent on the left, 2+ on the right\n",
    "OBJECTIVE\nGait normal.\nMotor (bilateral):\nL wrist extension 4/5\n",
    "PE:\nReflexes (UE):\ntriceps reflex diminished on the right\n",
])
def test_an_exam_goes_on_under_its_own_part_labels(text: str) -> None:
    assert _deficit(text) == "yes"


@pytest.mark.parametrize("text", [
    # a review of systems labels its systems too, but reports symptoms, not findings
    "REVIEW OF SYSTEMS\nNeurological:\nweakness 4/5 per patient report of last year\n",
    # a label of no exam part ends the exam: an old study's findings are no finding of today's exam
    "PHYSICAL EXAM\nLumbar spine: TTP.\nPrior records reviewed:\nEMG 2015 read L EHL 4/5 at the time\n",
    # an exam part's label outside an exam: the history's numbness is no sign found on examination
    "HISTORY OF PRESENT ILLNESS\nNeuro:\nnumbness in the L5 distribution at night\n",
    # a qualified label is still no exam part outside an exam, and a parenthesis names no part by itself
    "HISTORY OF PRESENT ILLNESS\nNeuro (UE):\nnumbness in the C6 distribution at night\n",
    "PHYSICAL EXAM\nLumbar spine: TTP.\nPrior records (2015):\nEMG 2015 read L EHL 4/5 at the time\n",
])
def test_part_labels_outside_an_exam_read_no_finding(text: str) -> None:
    assert _deficit(text) != "yes"


@pytest.mark.parametrize("text", [
    "Exam: SLR: positive L at 40 deg.",
    "Exam: Straight leg raise: + on the right at 45 degrees.",
    "PHYSICAL EXAM\nSLR: pos R, reproduces calf pain\n",
    "Exam: Straight leg raise test: positive left.",
    "Exam: Spurling's: + R with radiation to the thumb.",
])
def test_a_tension_sign_given_as_a_field_value_is_read(text: str) -> None:
    assert _radiculopathy(text) == "yes"


@pytest.mark.parametrize("text", [
    "Exam: SLR: negative bilaterally.",
    "Exam: Spurling's test: neg.",
    "Exam: Straight leg raise: - bilat.",
])
def test_a_negative_tension_field_is_no_radiculopathy(text: str) -> None:
    assert _radiculopathy(text) == "no"


def test_a_tension_field_without_an_answer_reads_nothing() -> None:
    assert _radiculopathy("Exam: SLR: 70 deg bilat. Lumbar flexion 50.") == "unknown"


@pytest.mark.parametrize("text", [
    "Exam: quad 5-/5. NV intact distally.",
    "Exam: Strength 5-/5 bilat deltoids. Sensation intact.",
    "Exam: grip 5-/5 R d/t pain.",
    "Exam: strength 5/5 throughout.",
])
def test_a_grade_just_short_of_full_is_no_clear_deficit(text: str) -> None:
    """corpus/README.md keys: a quadriceps graded 5-/5 after a knee operation, deltoids in a painful shoulder."""
    assert _deficit(text) != "yes"


def _diagnoses(text: str) -> list[str]:
    return [d.name for d in read_fragment(text).diagnoses]


@pytest.mark.parametrize(("text", "word"), [
    ("imp: bilat CTS, clinical, R>L\n", "CTS"),
    ("IMP: L CTS\n", "CTS"),
    ("Impr: lumbar radiculopathy L5\n", "radiculopathy"),
    ("Clinical impression: right carpal tunnel syndrome.\n", "carpal tunnel"),
    ("Diag: cervical radiculopathy C6\n", "radiculopathy"),
    ("Working diagnosis: lumbar radiculopathy, left L5.\n", "radiculopathy"),
])
def test_an_impression_headed_in_short_lists_diagnoses(text: str, word: str) -> None:
    assert any(word in name for name in _diagnoses(text))


def test_a_label_that_only_starts_like_imp_is_no_impression() -> None:
    assert _diagnoses("Impact: unable to lift her grandchild, lumbar radiculopathy feared\n") == []


def _candidate(text: str) -> str:
    return read_fragment(text, "MRI lumbar spine").clinical.surgical_candidate.value


@pytest.mark.parametrize("text", [
    "She would do the injection if it helps and is not opposed to surgery.",
    "He is not averse to surgery.",
    "Pt not against a lumbar operation if the MRI shows a lesion.",
    "Pt agreeable to surgery.",
    "Patient is amenable to surgical intervention.",
    "Willing to undergo spine surgery.",
])
def test_a_worker_who_accepts_surgery_is_a_candidate(text: str) -> None:
    assert _candidate(text) == "yes"


@pytest.mark.parametrize("text", [
    # corpus/README.md: a referral for a surgical opinion leaves candidacy out
    'Pt states she would "do the shot" if it would help and is not opposed to seeing a surgeon.',
    "Pt agreeable to spine surgery consult.",
    "Patient is amenable to surgical referral.",
    "She is not opposed to PT.",
    "He is not opposed to injections.",
    "Pt is opposed to surgery.",
    "Patient is willing to try PT and injections.",
])
def test_a_surgical_opinion_other_care_or_refusal_is_no_candidacy(text: str) -> None:
    assert _candidate(text) != "yes"


@pytest.mark.parametrize("text", [
    "He was not agreeable to surgery.",
    "She is not willing to consider surgery at this time.",
])
def test_refusing_surgery_is_no_candidacy(text: str) -> None:
    assert _candidate(text) == "no"
