"""A remembered polarity or clause is the one the sentence gives: both depend on their arguments alone."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.extract.negation import clause_bounds, forget_answers, polarity

ROOT = Path(__file__).resolve().parents[2]
#: Sentences of the bundled letters, and terms in them as readers ask about them.
SENTENCES = sorted(
    {s for path in (ROOT / "cases").glob("*/letter.txt") for s in re.split(r"(?<=[.;])\s+", path.read_text()) if s.strip()}
)


def asked(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\w+(?:\s+\w+)?", text)]


def test_remembered_answers_are_the_sentences_own() -> None:
    assert len(SENTENCES) > 100
    for text in SENTENCES:
        for _ in range(2):  # the second time from memory, as a second reader's asks about the sentence are
            for start, end in asked(text):
                for observation in (False, True):
                    assert polarity(text, start, end, observation=observation) == polarity.__wrapped__(
                        text, start, end, observation=observation), (text, start, end)
                assert clause_bounds(text, start, end) == clause_bounds.__wrapped__(text, start, end)
    assert polarity.cache_info().hits > 0 and clause_bounds.cache_info().hits > 0


def test_the_same_offsets_in_another_sentence_are_asked_again() -> None:
    # negated in one sentence, affirmed in the other: a memory keyed on the offsets alone would answer wrongly
    assert polarity("No radiating pain.", 3, 17) == "negated"
    assert polarity("Is radiating pain.", 3, 17) == "affirmed"
    assert polarity("She denies fever.", 11, 16) == "negated"
    assert polarity("She denies fever.", 11, 16, observation=True) == "negated"
    assert clause_bounds("pain; but stiff", 10, 15) != clause_bounds("pain and stiff", 10, 15)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["no", "not", "denies", "pain", "but", ";", "may", "without", "meds", ",", "fever",
                                 "there", "was", "documentation", "of", "relief", "neg", ":", "[X]", "Yes", "[ ]", "No"]),
                min_size=1, max_size=14))
def test_generated_sentences_are_answered_as_they_read(words: list[str]) -> None:
    text = " ".join(words)
    for start, end in asked(text):
        assert polarity(text, start, end) == polarity.__wrapped__(text, start, end)
        assert polarity(text, start, end) == polarity.__wrapped__(text, start, end)  # again, from memory


def test_a_new_text_starts_with_nothing_remembered() -> None:
    polarity("No radiating pain.", 3, 17)
    forget_answers()
    assert polarity.cache_info().currsize == 0 and clause_bounds.cache_info().currsize == 0
