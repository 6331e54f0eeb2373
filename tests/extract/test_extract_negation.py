"""Negation, hedging and "not documented": the phrasings the issue names, and their scopes."""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text
from imr_engine.extract.negation import polarity


def _polarity(sentence: str, term: str) -> str:
    at = sentence.index(term)
    return polarity(sentence, at, at + len(term))


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        (
            "She reported no side effects and showed no evidence of developing medication dependency.",
            "side effects",
            "negated",
        ),
        (
            "She reported no side effects and showed no evidence of developing medication dependency.",
            "dependency",
            "negated",
        ),
        ("Medication abuse was not suspected.", "abuse", "negated"),
        ("No specific neurological deficits were noted on exam.", "neurological deficits", "negated"),
        ("nor were there any spasms present on physical examination.", "spasms", "negated"),
        ("there was no documentation of improvement in the pain level or function", "function", "undocumented"),
        (
            "The medical documents do not indicate that the injured worker has objective functional improvement.",
            "functional improvement",
            "undocumented",
        ),
        ("without objective documentation of functional improvement", "functional improvement", "undocumented"),
        (
            "the patient has reported very little, if any, functional improvement",
            "functional improvement",
            "undocumented",
        ),
        ("He may be a surgical candidate.", "surgical candidate", "hedged"),
        ("she was not to receive pain medications from outside providers.", "outside providers", "hedged"),
        ("Tenderness and spasm were noted; there was no weakness.", "spasm", "affirmed"),
        ("There was no weakness, but spasm was present.", "spasm", "affirmed"),
        ("The physical examination demonstrated tenderness with trigger points.", "trigger points", "affirmed"),
    ],
)
def test_what_a_sentence_says_of_a_term(sentence: str, term: str, expected: str) -> None:
    assert _polarity(sentence, term) == expected


def test_no_evidence_on_examination_is_an_absence_but_in_the_record_a_silence() -> None:
    exam = extract_text("There is no evidence of spasm on exam.", ["Soma"])
    assert exam.exam.muscle_spasm.value == "no"
    record = extract_text("In this case, there was no evidence of functional benefit.", ["Norco"])
    assert record.function.objective_improvement.value == "unknown"
    assert record.function.objective_improvement.evidence  # the silence is quoted


def test_the_phrasings_of_the_issue_through_extraction() -> None:
    text = (
        "Progress report dated 05/06/2015. There were no significant changes in her back pain since the last visit. "
        "A urine drug screen in June, 2015 was not consistent with the prescribed medications. "
        "She showed no evidence of developing medication dependency. "
        "The records do not indicate objective functional improvement. "
        "There was no documentation of improvement in function."
    )
    case = extract_text(text, ["Norco 10/325mg #90"])
    assert case.clinical.acute_exacerbation.value == "no"
    assert [(str(s.date), s.consistent) for s in case.monitoring.urine_drug_screens] == [("2015-06", "no")]
    assert case.monitoring.aberrant_behavior.value == "no"
    assert case.function.objective_improvement.value == "unknown"
    assert len(case.function.objective_improvement.evidence) == 2


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        # "without medication" states the condition of a rating: it negates its own object, not the list after it
        ("Pain 8-9/10 without medication and 4-5/10 with it, functional improvement, better sleep.",
         "functional improvement", "affirmed"),
        ("7/10 w/o meds, 3/10 with meds, walking more", "walking more", "affirmed"),
        ("rates pain 6 out of 10 without the medication or 3 with it, and improved ADLs", "improved ADLs", "affirmed"),
        # the same word still negates what it governs
        ("He tolerates the medication without side effects.", "side effects", "negated"),
        ("Taking tramadol without medication side effects.", "side effects", "negated"),
        ("Walks without an assistive device.", "assistive device", "negated"),
    ],
)
def test_without_the_medication_qualifies_a_rating_and_negates_nothing_after_it(
    sentence: str, term: str, expected: str
) -> None:
    assert _polarity(sentence, term) == expected


def test_gains_listed_after_a_with_and_without_rating_are_read_as_gains() -> None:
    case = extract_text(
        "Pain of 8-9/10 without medication and 4-5/10 with it, functional improvement, and better ability "
        "to reach, lift and grip because of the medication.",
        ["Norco 10/325 mg #90"],
    )
    assert case.function.objective_improvement.value == "yes"
