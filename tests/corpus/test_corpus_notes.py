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


@pytest.mark.parametrize(("field", "scores"), [("writer", "by_writer"), ("style", "by_style")])
def test_the_figures_per_writer_and_format_cover_each_ones_notes_and_items(report, field: str, scores: str) -> None:
    from yaml_keys import read_yaml

    notes: dict[str, int] = {}
    items: dict[str, int] = {}
    for path in TEST_HALF.glob("*.yaml"):
        key = read_yaml(path)  # read once for both parameters
        name = str(key.get(field) or "")
        notes[name] = notes.get(name, 0) + 1
        items[name] = items.get(name, 0) + len(key["requests"])
    groups = getattr(report, scores)
    assert {name: g.notes for name, g in groups.items()} == notes
    assert {name: g.outcomes.items for name, g in groups.items()} == items
    assert sum(g.outcomes.agree for g in groups.values()) == report.outcomes.agree


def test_the_facts_over_each_writers_keys_leave_out_only_keys_the_writer_never_gives(report) -> None:
    whole, scoped = report.facts, report.facts_in_writer_scope
    assert (scoped.documented, scoped.correct) == (whole.documented, whole.correct)  # every documented value stays
    never_given = sum(s.extracted for s in report.facts_by_key.values() if s.documented == 0)
    assert scoped.extracted < whole.extracted  # some writer never gives a key the reader reads in that writer's notes
    assert scoped.extracted <= whole.extracted - never_given  # a key no writer gives is out of every writer's scope
