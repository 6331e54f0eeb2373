"""Pain ratings in every way the letters write them, and generated phrasings read back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.extract.numbers import number_word, parse_number
from imr_engine.extract.pain import find_pain_scores


def _read(text: str, drugs: tuple[str, ...] = ()) -> list[tuple[float, float | None, str]]:
    return [(m.score, m.score_max, m.context) for m in find_pain_scores(text, drugs)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The average pain level since the last visit was 8 out of 10 on the visual analogue scale.",
            [(8, None, "unspecified")],
        ),
        ("average pain level remained 8-10 out of 10 on the visual analogue scale.", [(8, 10, "unspecified")]),
        (
            "Pain was rated 7 on a scale of 1-10 with medications and 8 without medications.",
            [(7, None, "with_medication"), (8, None, "without_medication")],
        ),
        (
            "During the previous visit, pain was rated 6 with medications and 8 without medications.",
            [(6, None, "with_medication"), (8, None, "without_medication")],
        ),
        ("He continues to rate his pain as an 8/10 with the use of Percocet.", [(8, None, "with_medication")]),
        ("Pain is eight out of ten without medications.", [(8, None, "without_medication")]),
        ("VAS pain score of 9.", [(9, None, "unspecified")]),
        ("With medications, pain is 4/10.", [(4, None, "with_medication")]),
    ],
)
def test_the_ways_letters_write_pain_ratings(text: str, expected: list[tuple[float, float | None, str]]) -> None:
    assert _read(text, ("percocet",)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Percocet 10/325 #120 4 times daily",
        "pain rated 5 mg",
        "Pain was rated 12/10.",
        "Soma 350mg #60",
        "a scale of 1-10",
        "dated 8/10/2015 for pain",
        "7 days of pain",
    ],
)
def test_numbers_that_are_not_ratings(text: str) -> None:
    assert _read(text) == []


WRITE_SCORE = (
    lambda n: f"{n}/10",
    lambda n: f"{n} out of 10",
    lambda n: f"{n} out of ten",
    lambda n: f"{number_word(n)} out of ten",
    lambda n: f"{n} on a scale of 1-10",
    lambda n: f"{n} on a scale of 0 to 10",
    lambda n: f"{n}/10 on the VAS",
)
WRITE_RANGE = (lambda a, b: f"{a}-{b}/10", lambda a, b: f"{a}-{b} out of 10", lambda a, b: f"{a} to {b} out of 10")
CONTEXTS = (
    ("", "unspecified"),
    (" with medications", "with_medication"),
    (" without medications", "without_medication"),
    (" with medication", "with_medication"),
    (" off medications", "without_medication"),
)
LEADS = ("Pain was rated {}.", "The patient rates pain as {}.", "Her pain is {}.", "Pain level: {}.")


@settings(deadline=None)  # the first call loads the vocabulary
@given(
    n=st.integers(0, 10), write=st.sampled_from(WRITE_SCORE), ctx=st.sampled_from(CONTEXTS), lead=st.sampled_from(LEADS)
)
def test_generated_ratings_read_back(n: int, write, ctx: tuple[str, str], lead: str) -> None:  # type: ignore[no-untyped-def]
    text = lead.format(write(n) + ctx[0])
    assert _read(text) == [(n, None, ctx[1])]


@settings(deadline=None)  # the first call loads the vocabulary
@given(a=st.integers(0, 9), gap=st.integers(1, 5), write=st.sampled_from(WRITE_RANGE), ctx=st.sampled_from(CONTEXTS))
def test_generated_ranges_read_back(a: int, gap: int, write, ctx: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    b = min(10, a + gap)
    assert _read(f"Pain remained {write(a, b)}{ctx[0]}.") == [(a, b, ctx[1])]


@settings(deadline=None)  # the first call loads the vocabulary
@given(n=st.integers(0, 99))
def test_number_words_read_back(n: int) -> None:
    assert parse_number(number_word(n)) == n
    assert parse_number(number_word(n).replace("-", " ")) == n
    assert parse_number(str(n)) == n
