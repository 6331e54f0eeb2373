"""Every fact key the notes are scored on is named in corpus/README.md, the only description of the keys a writer gets.

A key the writers' file never names is a key they cannot give: the reader's values for it then count as wrong in
the facts score whatever the note says (session 21 found 25 such keys and four new writers who gave none of them).
"""

from __future__ import annotations

import re
from pathlib import Path

from imr_engine.corpus.notes import case_values
from imr_engine.facts import CaseFacts
from imr_engine.vocabulary import load_vocabulary

README = Path(__file__).resolve().parents[2] / "corpus" / "README.md"


def scored_keys() -> list[str]:
    """The keys the notes report scores, read off an empty case (the medication list is scored apart)."""
    case = CaseFacts(case_id="empty", requests=[{"text": "MRI of the lumbar spine"}])
    return sorted(k for k in case_values(case, load_vocabulary()) if k != "medications")


def test_the_scored_keys_include_the_findings_writers_missed() -> None:
    assert {"exam.tenderness", "clinical.sleep_disturbance", "function.work_status", "pain.with_medication"} <= set(scored_keys())


def test_every_scored_key_is_named_in_the_corpus_readme() -> None:
    text = README.read_text(encoding="utf-8")
    unnamed = [k for k in scored_keys() if not re.search(rf"(?<![\w.]){re.escape(k)}(?![\w])", text)]
    assert unnamed == [], f"corpus/README.md does not name {unnamed}"
