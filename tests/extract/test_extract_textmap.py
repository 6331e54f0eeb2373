"""The text map: clean prose identical to the letter parser's, and every clean span back to raw text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.extract.textmap import TextMap
from imr_engine.letter.normalise import clean_lines, join_prose

pieces = st.lists(
    st.sampled_from(
        [
            "word",
            "non-",
            "certified",
            "8/10",
            "  ",
            " ",
            "\n",
            "\n\n\n",
            "\r\n",
            "\t",
            "-",
            "Page 2 of 5",
            "\f",
            "a-",
            "(2014)",
            "é",
            "\u00a0",
            "\u2003",
            "\v",
            ".",
            ",",
        ]
    ),
    max_size=60,
).map("".join)


def _footer_positions(raw: str) -> set[int]:
    """Offsets of the lines the letter parser drops as page footers ("Page 2 of 5" alone on a line)."""
    out: set[int] = set()
    pos = 0
    for line in re.split(r"(\r\n|\r|\n|\f)", raw):
        if re.fullmatch(r"\s*page\s+\d+\s+of\s+\d+\s*", line, re.IGNORECASE):
            out.update(range(pos, pos + len(line)))
        pos += len(line)
    return out


@settings(max_examples=200, deadline=None)
@given(raw=pieces)
def test_clean_text_is_what_the_letter_parser_reads(raw: str) -> None:
    assert TextMap.build(raw).text == join_prose(clean_lines(raw))


@settings(max_examples=200, deadline=None)
@given(raw=pieces, data=st.data())
def test_every_clean_span_maps_to_the_raw_text_it_came_from(raw: str, data: st.DataObject) -> None:
    tm = TextMap.build(raw)
    if not tm.text:
        return
    start = data.draw(st.integers(0, len(tm.text) - 1))
    end = data.draw(st.integers(start + 1, len(tm.text)))
    span = tm.raw_span(start, end)
    if span is None:
        assert not tm.text[start:end].strip()
        return
    # The same characters, whitespace aside (line breaks, runs of spaces, a hyphenated line end);
    # a page footer the prose skips stays in the raw quote, which is the letter as written.
    footers = _footer_positions(raw)
    quoted = "".join(ch for i, ch in enumerate(raw[span[0] : span[1]], span[0]) if i not in footers)
    assert "".join(quoted.split()) == "".join(tm.text[start:end].split())
    evidence = tm.evidence(start, end, "summary")
    assert evidence is not None and raw[evidence.start : evidence.end] == evidence.quote  # type: ignore[index]


@settings(max_examples=200, deadline=None)
@given(raw=pieces)
def test_every_clean_character_but_a_space_is_the_raw_character_it_maps_to(raw: str) -> None:
    tm = TextMap.build(raw)
    assert len(tm.offsets) == len(tm.text)
    assert all(tm.text[i] == raw[tm.offsets[i]] for i in range(len(tm.text)) if tm.text[i] != " ")
    assert list(tm.offsets) == sorted(set(tm.offsets))  # left to right, each raw character once


def test_a_word_hyphenated_across_a_page_break_is_one_word_and_quotes_the_break() -> None:
    raw = "The Utilization Review dated August 28, 2015 non- \n\n\n\ncertified the requests."
    tm = TextMap.build(raw)
    assert "non-certified" in tm.text
    at = tm.find("non-certified")
    evidence = tm.evidence(at, at + len("non-certified"), "summary")
    assert evidence is not None
    assert evidence.quote == "non- \n\n\n\ncertified"
    assert raw[evidence.start : evidence.end] == evidence.quote  # type: ignore[index]


def test_a_notes_dot_leaders_read_as_the_colon_they_stand_for() -> None:
    """A form's label and value joined by dots ("UDS ...... consistent") read as "UDS: consistent", the colon
    quoting the first dot; an ellipsis on a word and a label with its colon already are kept as written."""
    raw = "  UDS ........ 1/2019 consistent\nTramadol....... 50 mg bid\nAge: ...... 54\nHe said... well"
    tm = TextMap.build(raw, rejoin_words=True)
    assert tm.text == "UDS: 1/2019 consistent Tramadol: 50 mg bid Age: 54 He said... well"
    assert all(raw[at] == c for c, at in zip(tm.text, tm.offsets) if c not in " :")
    assert raw[tm.offsets[tm.text.index(":")]] == "."
    assert TextMap.build("UDS ........ consistent").text == "UDS ........ consistent"  # a letter keeps its text
