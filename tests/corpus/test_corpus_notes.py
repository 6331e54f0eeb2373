"""The test half of the notes, pre-checked as UR staff would run it: no as-of date given, nothing refused.

The figures themselves are recorded in docs/fidelity.md; here the guarantees that must
hold on text nobody tuned for: every note answered, with a date named and sourced.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from imr_engine.corpus.notes import score_notes

TEST_HALF = Path(__file__).resolve().parents[2] / "corpus" / "notes" / "test"


@pytest.fixture(scope="module")
def report():
    return score_notes(TEST_HALF)


def test_every_test_note_is_answered_without_an_as_of_date(report) -> None:
    assert report.refused == {}
    assert report.answered_without_as_of == report.notes


def test_every_item_of_the_test_notes_gets_a_prediction(report) -> None:
    assert report.outcomes.items == sum(1 for _ in report.items) > 0
    assert all(i.predicted in ("Upheld", "Overturned", "Indeterminate") for i in report.items)


def test_agreement_on_the_test_notes_beats_always_answering_the_commonest_outcome(report) -> None:
    assert report.outcomes.agreement > report.outcomes.majority_baseline
