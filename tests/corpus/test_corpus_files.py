"""The development corpus: every document in the half its id gives, every answer key well formed."""

from __future__ import annotations

from pathlib import Path

import pytest
from yaml_keys import read_yaml

from imr_engine.corpus.split import half_of

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
NOTE_KEYS = sorted((CORPUS / "notes").glob("*/*.yaml"))
DECISIONS = sorted(p for p in (CORPUS / "decisions").glob("*/*.yaml"))


def _load(path: Path) -> dict:
    """An answer key, read once for all the tests of this process (tests/yaml_keys.py)."""
    return read_yaml(path)


def test_the_corpus_has_the_notes_the_issue_asks_for() -> None:
    assert len(NOTE_KEYS) >= 60


@pytest.mark.parametrize("path", NOTE_KEYS + DECISIONS, ids=lambda p: p.stem)
def test_each_document_sits_in_the_half_its_id_gives(path: Path) -> None:
    doc = _load(path)
    assert doc["id"] == path.stem
    assert path.parent.name == half_of(doc["id"])


@pytest.mark.parametrize("path", NOTE_KEYS, ids=lambda p: p.stem)
def test_each_note_has_its_text_and_decided_items(path: Path) -> None:
    key = _load(path)
    assert path.with_suffix(".txt").read_text(encoding="utf-8").strip()
    assert key["requests"], "a note needs at least one requested item"
    for request in key["requests"]:
        assert request["expected"] in ("medically_necessary", "not_medically_necessary")
        assert request["text"].strip() and request["criterion"].strip()
    # The statuses corpus/README.md defines; a drug only requested today is not on the list.
    for drug in (key.get("facts") or {}).get("medications") or []:
        assert drug["status"] in ("current", "past", "tried_failed", "unknown"), drug
    # The effects of prior courses corpus/README.md defines (writers had spelt them five ways).
    for course in (key.get("facts") or {}).get("treatments") or []:
        assert course.get("effect", "unknown") in ("improved", "no_improvement", "temporary", "unknown"), course


def test_at_least_forty_percent_of_note_items_are_medically_necessary() -> None:
    outcomes = [r["expected"] for p in NOTE_KEYS for r in _load(p)["requests"]]
    assert sum(o == "medically_necessary" for o in outcomes) >= 0.4 * len(outcomes)


def test_half_of_is_stable_and_splits_both_ways() -> None:
    # Fixed by the id alone: the same id always lands in the same half.
    assert half_of("w1-pr2-001") == half_of("w1-pr2-001")
    halves = {half_of(f"doc-{n}") for n in range(20)}
    assert halves == {"tune", "test"}
