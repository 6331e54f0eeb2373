"""Property: parse_letter never fails with anything but LetterParseError.

Arbitrary text, text made of letter-like lines, and the real letters with
lines deleted, duplicated or shuffled either parse into a consistent
ParsedLetter or are refused with a LetterParseError naming the source.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imr_engine.errors import LetterParseError
from imr_engine.letter import ParsedLetter, parse_letter

REPO = Path(__file__).resolve().parents[2]
LETTERS = [p.read_text(encoding="utf-8") for p in sorted((REPO / "cases").glob("*/letter.txt"))]
LETTERS += [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests/fixtures/layouts").glob("*.txt"))]
LINES = sorted({line for text in LETTERS for line in text.split("\n")})
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse_or_refuse(text: str) -> ParsedLetter | None:
    """Parse; a refusal must be a LetterParseError with the source set. Check the result's consistency."""
    try:
        letter = parse_letter(text, source="fuzz.txt")
    except LetterParseError as exc:
        assert exc.source == "fuzz.txt"
        assert exc.message
        return None
    assert letter.items
    assert [item.index for item in letter.items] == list(range(len(letter.items)))
    assert all(item.request for item in letter.items)
    assert letter.text == text  # kept for extraction, which quotes offsets into it
    # everything read from the text survives JSON; the text itself is left out of dumps on purpose
    assert ParsedLetter.model_validate(letter.model_dump(mode="json")) == letter.model_copy(update={"text": ""})
    return letter


@FUZZ
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    parse_or_refuse(text)


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=60)), max_size=60))
def test_text_made_of_letter_lines(lines: list[str]) -> None:
    parse_or_refuse("\n".join(lines))


@FUZZ
@given(st.sampled_from(LETTERS), st.data())
def test_letters_with_lines_deleted(text: str, data: st.DataObject) -> None:
    lines = text.split("\n")
    drop = data.draw(st.sets(st.integers(0, len(lines) - 1), max_size=len(lines)))
    parse_or_refuse("\n".join(line for n, line in enumerate(lines) if n not in drop))


@FUZZ
@given(st.sampled_from(LETTERS), st.data())
def test_letters_with_lines_duplicated(text: str, data: st.DataObject) -> None:
    lines = text.split("\n")
    twice = data.draw(st.sets(st.integers(0, len(lines) - 1), max_size=20))
    parse_or_refuse("\n".join(line for n, line in enumerate(lines) for _ in range(2 if n in twice else 1)))


@FUZZ
@given(st.sampled_from(LETTERS), st.data())
def test_letters_with_lines_shuffled(text: str, data: st.DataObject) -> None:
    parse_or_refuse("\n".join(data.draw(st.permutations(text.split("\n")))))


@FUZZ
@given(st.sampled_from(LETTERS), st.integers(0, 20_000))
def test_letters_cut_anywhere(text: str, cut: int) -> None:
    parse_or_refuse(text[:cut])
