"""A request line that asks for "Medications" and names no drug stands for unnamed medications.

The CPMTG (p. 60) asks that each medication be assessed for its aim, benefit and adverse effects,
which a request naming none does not allow; such lines are common in IMR decisions ("Medications
prescribed by the treating physician"). The bare words are read only when the line names nothing
else, and never in a note's free text, where "medications" is everywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scenarios import build_case
from vocabulary_edits import vocabulary_with

from imr_engine.engine import Engine
from imr_engine.errors import RuleError
from imr_engine.requests import parse_request
from imr_engine.resources import vocabulary_dir
from imr_engine.vocabulary import Vocabulary, load_vocabulary

BARE = ["Medications", "Medications prescribed by the primary treating physician", "Meds refill", "Pain medications x 3 months",
        "Unspecified medications", "Prescriptions (retrospective)"]
NAMED = [("Medications: Norco 10/325 #60", "hydrocodone"), ("Medication refill - gabapentin 300mg tid", "gabapentin"),
         ("Pain medications: Celebrex 200mg", "celecoxib")]


@pytest.mark.parametrize("line", BARE)
def test_a_line_naming_no_drug_is_unnamed_medications(engine: Engine, line: str) -> None:
    assert parse_request(line).service == "unspecified_medication"
    result = engine.evaluate(build_case([line])).items[0]
    assert result.predicted == "Upheld" and [r.rule_id for r in result.rules if r.decisive] == ["cpmtg.medications.not-named"]


@pytest.mark.parametrize(("line", "ingredient"), NAMED)
def test_a_named_drug_wins_over_the_bare_word(line: str, ingredient: str) -> None:
    item = parse_request(line)
    assert ingredient in item.ingredients and item.service is None


def test_the_bare_words_are_not_read_in_free_text() -> None:
    vocab = load_vocabulary(vocabulary_dir())
    assert vocab.identify("She continues her medications and home exercise.") is None


def test_a_bare_word_that_is_also_a_service_spelling_fails_loading(tmp_path: Path) -> None:
    copy = vocabulary_with(tmp_path, "services.yaml", "alone_spellings: [unknown medications,",
                           "alone_spellings: [acupuncture, unknown medications,")
    with pytest.raises(RuleError) as caught:
        Vocabulary.load(copy)
    assert "service 'unspecified_medication'" in caught.value.message and "acupuncture" in caught.value.message
