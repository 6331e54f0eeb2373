"""A listed item's bounds found by searches equal the bounds a character-by-character walk finds.

`lists.item_end` reads bracket to bracket with one search for the next break; `drug_use._item_span`
tries its break only where one can open. Both must give exactly what the plain walks (written out
here, as they were) give, on real sentences at every offset and on generated text.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from held_out import held_out
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.extract import drug_use, prior_courses
from imr_engine.extract.lists import item_end

ROOT = Path(__file__).resolve().parents[2]
BREAKS = (drug_use._ITEM_BREAK, prior_courses._COURSE_ITEM_BREAK, re.compile(r"[;]|\.\s|\b(?:but|and)\b", re.I),
          re.compile(r"\)?\s*-\s|\(\s*$|,"))


def walked_end(text: str, start: int, item_break: re.Pattern[str]) -> int:
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and item_break.match(text, i):
            return i
    return len(text)


def walked_start(text: str, before: int) -> int:
    """`_item_span`'s walk back to the previous break outside brackets, trying the break at every character."""
    start = depth = 0
    for i in range(before - 1, -1, -1):
        ch = text[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and drug_use._ITEM_BREAK.match(text, i):
            start = i + 1
            break
    return start


class _Mention:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def same_bounds(text: str) -> None:
    for offset in range(len(text) + 1):
        for item_break in BREAKS:
            assert item_end(text, offset, item_break) == walked_end(text, offset, item_break), (item_break.pattern, text,
                                                                                                 offset)
        start, _ = drug_use._item_span(text, _Mention(offset, offset), single=True)  # type: ignore[arg-type]
        assert start == walked_start(text, offset), (text, offset)


REAL = sorted(
    sentence
    for folder in ("cases", "corpus/decisions/tune/letters", "corpus/notes/tune")
    for path in (ROOT / folder).rglob("*.txt")
    if not held_out(path)
    for line in path.read_text(encoding="utf-8").splitlines()
    for sentence in re.split(r"(?<=[.;])\s+", line)
    if "(" in sentence or "," in sentence
)[::20]


def test_items_end_where_the_walk_ends_them_in_real_sentences() -> None:
    assert len(REAL) > 300
    for text in REAL:
        same_bounds(text)


def test_items_end_at_the_first_break_outside_brackets() -> None:
    text = "Norco (10/325, prn) helps, gabapentin (300 mg (tid); stopped) - dizzy; Celebrex"
    assert item_end(text, 0, drug_use._ITEM_BREAK) == text.index(", gaba")
    assert item_end(text, text.index("gabapentin"), drug_use._ITEM_BREAK) == text.index(" - dizzy")
    assert item_end(text, text.index("10/325"), drug_use._ITEM_BREAK) == text.index(", prn")
    assert item_end("(Norco 10 mg) and Soma", 1, drug_use._ITEM_BREAK) == len("(Norco 10 mg")  # its own list's bracket
    assert item_end("tramadol (d/c) and Soma, Norco", 0, drug_use._ITEM_BREAK) == len("tramadol (d/c)")
    assert item_end("tramadol", 3, drug_use._ITEM_BREAK) == len("tramadol")


def test_a_break_opens_only_with_a_mark_or_white_space() -> None:
    # the walk back tries the break only at ",", ";", "." or white space: every character \s takes is white space
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert (re.match(r"\s", ch) is not None) == ch.isspace(), hex(code)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab()(),;.- \t\u00a0\u2003") + ["and", " and ", ") and ", "x"]), max_size=30))
def test_items_end_where_the_walk_ends_them_in_generated_text(pieces: list[str]) -> None:
    same_bounds("".join(pieces))
