"""Shortcuts that extraction takes for speed give exactly what the plain reading gives."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.extract.note_layout import line_texts, note_lines
from imr_engine.extract.textmap import TextMap, _lines

ROOT = Path(__file__).resolve().parents[2]
#: Real texts: the bundled letters and the tune half's letters and notes.
REAL = sorted(
    path
    for folder in ("cases", "corpus/decisions/tune/letters", "corpus/notes/tune")
    for path in (ROOT / folder).rglob("*.txt")
)


def test_line_texts_are_the_texts_of_the_note_lines_of_real_texts() -> None:
    assert len(REAL) > 300
    for path in REAL:
        raw = path.read_text(encoding="utf-8")
        for rejoin in (False, True):
            tm = TextMap.build(raw, rejoin_words=rejoin)
            assert list(line_texts(tm)) == [line.text for line in note_lines(tm)], path


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("ab -.\n\r\f\t"), max_size=80))
def test_line_texts_are_the_texts_of_the_note_lines_of_any_text(raw: str) -> None:
    for rejoin in (False, True):
        tm = TextMap.build(raw, rejoin_words=rejoin)
        assert list(line_texts(tm)) == [line.text for line in note_lines(tm)]


def lines_by_the_breaks(raw: str) -> list[tuple[int, str]]:
    """(offset, line) pairs split at every line break the letter parser knows: the definition."""
    out, pos = [], 0
    for m in re.finditer(r"\r\n|\r|\n|\f", raw):
        out.append((pos, raw[pos : m.start()]))
        pos = m.end()
    return [*out, (pos, raw[pos:])]


def test_lines_split_where_the_parser_splits_in_real_texts() -> None:
    for path in REAL:
        raw = path.read_text(encoding="utf-8")
        assert _lines(raw) == lines_by_the_breaks(raw), path
        crlf = raw.replace("\n", "\r\n")
        assert _lines(crlf) == lines_by_the_breaks(crlf), path


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab \n\r\f\v\x1c\u2028"), max_size=60))
def test_lines_split_where_the_parser_splits_in_any_text(raw: str) -> None:
    assert _lines(raw) == lines_by_the_breaks(raw)
