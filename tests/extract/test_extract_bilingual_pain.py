"""Pain with and without the drug in a bilingual clinic's note ("sin medicina", "con la medicina"), as in English.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from imr_engine.extract import extract_text


@pytest.mark.parametrize(("note", "without", "with_"), [
    ("Refiere dolor de espalda 8/10 sin medicina, 4/10 con la medicina.\n", 8, 4),
    ("Pain 7/10 sin medicina, 3/10 con tramadol.\n", 7, 3),
    ("Dolor 9/10 sin los medicamentos y 5/10 con los medicamentos.\n", 9, 5),
    ("Pain 6/10 with meds, 9/10 without.\n", 9, 6),
])
def test_pain_with_and_without_the_drug_in_spanish_or_english(note: str, without: int, with_: int) -> None:
    scores = {p.context: p.score for p in extract_text(note, ["Tramadol 50 mg #60"]).pain_scores}
    assert scores.get("without_medication") == without and scores.get("with_medication") == with_
