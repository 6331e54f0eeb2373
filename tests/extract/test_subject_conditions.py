"""Conditions a letter names only where it introduces the worker ("a worker with ... paraplegia").

Expected diagnoses are the words of each summary below that the guideline's diagnosis groups
(rules/vocabulary/diagnoses.yaml) name; a phrase with none of them adds nothing.
"""

from __future__ import annotations

from datetime import date

import pytest

from imr_engine.extract import extract_case

LETTER = """HOW THE IMR FINAL DETERMINATION WAS MADE

The expert reviewer was selected.

CLINICAL CASE SUMMARY

{summary}

IMR ISSUES, DECISIONS AND RATIONALES

Repair of AFO braces: Overturned

Claims Administrator guideline: Decision based on MTUS.

MAXIMUS guideline: Decision based on Non-MTUS Citation Official Disability Guidelines, Ankle and Foot.

Decision rationale: The braces are needed. The request is medically necessary.
"""


@pytest.mark.parametrize(("summary", "expected"), [
    ("Injured worker with a spinal cord injury and paraplegia who uses a wheelchair and lives alone.",
     ["paraplegia", "spinal cord injury"]),
    ("Woman with severe spinal stenosis and sciatica after cervical surgery and a fusion.",
     ["sciatica"]),  # the groups name sciatica, not spinal stenosis
    ("A worker with two children and a long commute slipped on a wet floor.", []),
    ("Worker with no radiculopathy on examination and a normal gait.", []),
])
def test_conditions_of_the_introducing_phrase_are_diagnoses(summary: str, expected: list[str]) -> None:
    case = extract_case(LETTER.format(summary=summary))
    assert sorted(d.name for d in case.diagnoses) == expected
    for d in case.diagnoses:
        assert d.evidence[0].quote.endswith(d.name)


def test_the_diagnosis_reaches_the_ankle_foot_orthosis_criterion() -> None:
    # ODG Ankle & Foot, AFO: an option for foot drop and during neurologic recovery (paralysis).
    from imr_engine.engine import load_engine

    case = extract_case(LETTER.format(summary="Injured worker with paraplegia after a fall; he uses a wheelchair."))
    item = load_engine().evaluate(case, date(2022, 4, 25)).items[0]
    assert item.predicted == "Overturned"
    assert [r.rule_id for r in item.rules if r.decisive] == ["odg.afo.foot-drop-or-neurologic-recovery"]
