"""Shortcuts that extraction takes for speed give exactly what the plain reading gives."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.extract.note_layout import _section_phrases, exact_section, line_texts, note_lines, section_of
from imr_engine.extract.textmap import TextMap, _lines
from imr_engine.vocabulary.in_use import vocabulary_dir_in_use

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


def section_by_every_phrase(heading: str) -> str | None:
    """The section of the first phrase, longest first, that the heading's words are or start with: the definition."""
    words = " ".join(re.sub(r"[^a-z0-9/&-]+", " ", heading.lower()).split())
    for phrase, name in _section_phrases(vocabulary_dir_in_use()):
        if words == phrase or words.startswith(phrase + " ") or (len(phrase) >= 3 and words.startswith(phrase + "/")):
            return name
    return None


def exact_by_every_phrase(line: str) -> str | None:
    phrases = _section_phrases(vocabulary_dir_in_use())
    words = " ".join(re.sub(r"[^a-z0-9/&-]+", " ", line.lower()).split())
    found = next((name for phrase, name in phrases if words == phrase), None)
    parts = [p.strip() for p in words.split("/")]
    if found is None and len(parts) > 1 and all(0 < len(p.split()) <= 3 for p in parts):
        found = next((name for phrase, name in phrases if parts[0] == phrase), None)
    return found


def test_sections_of_real_lines_and_every_phrase_are_found_by_the_index() -> None:
    phrases = [phrase for phrase, _ in _section_phrases(vocabulary_dir_in_use())]
    lines = [line for path in REAL for line in path.read_text(encoding="utf-8").splitlines()[:80]]
    heads = [h for p in phrases for h in (p, p.upper() + ":", p + " and more", p + "/rfa", p + " / x", p[:-1], p + "s")]
    assert sum(section_by_every_phrase(h) is not None for h in heads) > len(phrases)
    for text in [*heads, *lines, "", "/", "a/b", "pl/an"]:
        assert section_of(text) == section_by_every_phrase(text), text
        assert exact_section(text) == exact_by_every_phrase(text), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["plan", "assessment", "and", "hpi", "/", "-", "x", "subjective", "pe", " ", ":", "&"]), max_size=6))
def test_sections_of_generated_headings_are_found_by_the_index(parts: list[str]) -> None:
    text = "".join(parts)
    assert section_of(text) == section_by_every_phrase(text)
    assert exact_section(text) == exact_by_every_phrase(text)
