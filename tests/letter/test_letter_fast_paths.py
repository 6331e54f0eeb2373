"""The letter parser's shortcuts give exactly what the plain reading gives.

Each shortcut is checked against the plain form written out here (the code before the
shortcut): the headings found once for all layouts against a walk per layout, the
conclusion patterns run only where their word occurs against all of them everywhere, and
the first-character and word gates against the patterns they skip. On the bundled letters,
the layout fixtures and the tune half's decision letters, and on generated text.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.letter import conclusion, items, layouts, normalise
from imr_engine.letter.layouts import LAYOUTS, HeadingHit, Layout, LineHeadings, find_headings
from imr_engine.letter.normalise import clean_lines, collapse
from imr_engine.textio import read_text_file

REPO = Path(__file__).resolve().parents[2]
REAL_LETTERS = sorted(
    [*(REPO / "cases").glob("*/letter.txt"), *(REPO / "tests" / "fixtures" / "layouts").glob("*.txt"),
     *(REPO / "corpus" / "decisions" / "tune" / "letters").glob("*.txt")]
)


def _plain_find_headings(lines: Sequence[str], layout: Layout) -> list[HeadingHit]:
    """The walk of one layout's headings over every line, as the parser did it before `LineHeadings`."""
    hits: list[HeadingHit] = []
    i = 0
    while i < len(lines):
        hit = None
        for heading, role in layout.headings:
            for width in (1, 2, 3):
                if width > 1 and not heading.casefold().startswith(lines[i].casefold() + " "):
                    break
                rest = layouts._match(collapse(" ".join(lines[i : i + width])), heading)
                if rest is not None:
                    hit = HeadingHit(i, i + width, heading, role, rest)
                    break
            if hit:
                break
        if hit:
            hits.append(hit)
            i = hit.end
        else:
            i += 1
    return hits


def _plain_conclusion(rationale: str) -> bool | None:
    matches = [(m.end(), not value, value) for _, pattern, value in conclusion._CONCLUSIONS
               for m in pattern.finditer(rationale)]
    return max(matches)[2] if matches else None


@pytest.fixture(scope="module")
def real_lines() -> list[list[str]]:
    assert len(REAL_LETTERS) > 100, "the tune half's letters and the bundled letters are read"
    return [clean_lines(read_text_file(p)) for p in REAL_LETTERS]


def test_headings_found_once_are_the_headings_of_each_layout_on_real_letters(real_lines: list[list[str]]) -> None:
    found = 0
    for lines in real_lines:
        once = LineHeadings(lines)
        for layout in LAYOUTS:
            expected = _plain_find_headings(lines, layout)
            assert once.find(layout) == expected
            assert find_headings(lines, layout) == expected
            found += len(expected)
    assert found > 500


_HEADING_TEXTS = sorted({text for layout in LAYOUTS for text, _ in layout.headings})


@st.composite
def _heading_lines(draw: st.DrawFn) -> list[str]:
    """Lines made of headings (whole, cut over 2-4 lines, in any case, with text after a colon),
    one-character lines, and prose around them; wrapped headings over lines that may not be collapsed."""
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["heading", "wrapped", "prose", "short", "after"]))
        if kind in ("heading", "wrapped", "after"):
            text = draw(st.sampled_from(_HEADING_TEXTS))
            text = draw(st.sampled_from([text, text.lower(), text.title()]))
            if kind == "after":
                text = text.rstrip(":") + ": " + draw(st.text("abc XYZ.", max_size=12))
            if kind == "wrapped":
                words = text.split(" ")
                cuts = sorted(set(draw(st.lists(st.integers(1, max(1, len(words) - 1)), max_size=3))))
                parts = [" ".join(words[a:b]) for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True)]
                lines += [p for p in parts if p]
            else:
                lines.append(text)
        elif kind == "short":
            lines.append(draw(st.sampled_from(["A", "a", "I", "C", "ß", "İ", "M"])))
        else:
            lines.append(draw(st.text("AaDdIiMmCcEe :()ßİ\u017f\u212a", min_size=1, max_size=30)))
    return lines


@settings(max_examples=400, deadline=None)
@given(_heading_lines())
def test_headings_found_once_are_the_headings_of_each_layout_on_generated_lines(lines: list[str]) -> None:
    once = LineHeadings(lines)
    for layout in LAYOUTS:
        assert once.find(layout) == _plain_find_headings(lines, layout)


def test_gated_conclusions_are_all_conclusions_on_real_rationales() -> None:
    from imr_engine.letter import parse_letter

    seen = 0
    for path in REAL_LETTERS:
        try:
            letter = parse_letter(read_text_file(path), source=str(path))
        except Exception:  # noqa: BLE001 - a letter the parser refuses has no rationale to read
            continue
        for item in letter.items:
            for text in (item.rationale, letter.summary):
                assert conclusion.read_conclusion(text) is _plain_conclusion(text)
                seen += 1
    assert seen > 200


_CONCLUSION_WORDS = st.sampled_from([
    "not", "is", "are", "was", "were", "be", "considered", "deemed", "therefore", "medically", "MEDICALLY",
    "necessary", "Necessary", "necessity", "has", "have", "been", "established", "ESTABLISHED", "as", "such",
    "the", ".", "request", "Medİcally", "ſuch", "e\u017ftablished", "\u212a",
    # whole statements, so that each pattern matches often
    "not medically necessary", "is considered medically necessary", "are as such medically necessary",
    "NOT MEDICALLY NECESSARY", "necessity has been established", "necessity of the request has not been established",
    "has not been established", "have not been ESTABLISHED", "is medically neceſſary", "were medically necessary",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(_CONCLUSION_WORDS, max_size=25), st.sampled_from([" ", "  ", "\n", " \u00a0"]))
def test_gated_conclusions_are_all_conclusions_on_generated_text(words: list[str], space: str) -> None:
    text = space.join(words)
    assert conclusion.read_conclusion(text) is _plain_conclusion(text)


def _ignorecase_equals(letter: str) -> set[str]:
    pattern = re.compile(re.escape(letter), re.IGNORECASE)
    return {chr(c) for c in range(sys.maxunicode + 1) if pattern.match(chr(c))}


def test_a_label_can_start_with_no_character_outside_the_gate() -> None:
    """Every character IGNORECASE takes for a label's first letter (the long s included) passes the gate."""
    starts = set()
    for _, pattern in items._LABELS:
        first = pattern.pattern.lstrip("^")[0]
        starts |= _ignorecase_equals(first)
    assert "\u017f" in starts
    assert starts == set(items._LABEL_STARTS)


def test_a_page_footer_starts_with_no_other_character_than_p() -> None:
    assert normalise._PAGE_FOOTER.pattern.startswith("^page")
    assert _ignorecase_equals("p") == {"p", "P"}


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("UPHELDupheldOVERTURNEDoverturned :.#0ſ\u212aİı")), max_size=40))
def test_a_line_the_heading_pattern_matches_passes_the_decision_gate(line: str) -> None:
    if items._HEADING.match(line) or items._DECISION_ONLY.match(line):
        assert items._may_decide(line)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("ab Pp\t\u00a0\u2003\u017f-1.:")), max_size=20), max_size=8))
def test_lines_are_cleaned_and_joined_as_with_collapse(raw: list[str]) -> None:
    text = "\n".join(raw)
    plain = [line for line in (collapse(r) for r in text.split("\n")) if line and not normalise._PAGE_FOOTER.match(line)]
    assert clean_lines(text) == plain
    assert normalise.join_prose(raw) == _plain_join_prose(raw)


def _plain_join_prose(lines: list[str]) -> str:
    parts: list[str] = []
    previous = ""
    for line in lines:
        line = collapse(line)
        if not line:
            continue
        if parts and not (normalise._HYPHEN_END.search(previous) and normalise._WORD_START.match(line)):
            parts.append(" ")
        parts.append(line)
        previous = line
    return "".join(parts)
