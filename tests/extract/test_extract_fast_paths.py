"""Shortcuts that extraction takes for speed give exactly what the plain reading gives."""

from __future__ import annotations

import re
from pathlib import Path

from held_out import held_out
from hypothesis import given, settings
from hypothesis import strategies as st
from real_text import stable_sample

from imr_engine.extract import lists, ocr
from imr_engine.extract.note_layout import _section_phrases, exact_section, line_texts, note_lines, section_of
from imr_engine.extract.textmap import TextMap, _lines
from imr_engine.vocabulary.in_use import vocabulary_dir_in_use
from imr_engine.vocabulary.vocab import load_vocabulary

ROOT = Path(__file__).resolve().parents[2]
#: Real texts: the bundled letters and the tune half's letters and notes.
REAL = sorted(
    path
    for folder in ("cases", "corpus/decisions/tune/letters", "corpus/notes/tune")
    for path in (ROOT / folder).rglob("*.txt")
    if not held_out(path)
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


def list_end_at_every_character(text: str, start: int) -> int:
    """`lists.list_end` trying its pattern at every character: the definition."""
    depth, i = 0, start
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = lists._LIST_END.match(text, i)
            if m and (m.group().strip() not in (".",) or lists._sentence_end(text, i)):
                return i
        i += 1
    return len(text.rstrip(" ."))


def list_items_at_every_character(text: str, start: int, split_and: bool) -> list[tuple[int, int]]:
    end = list_end_at_every_character(text, start)
    spans, depth, item_start, i = [], 0, start, start
    while i < end:
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = lists._SEPARATOR.match(text, i)
            if m and ch == "," and lists._inside_date(text, i):
                m = None
            if m and m.end() <= end and (split_and or "and" not in m.group().lower() or "," in m.group()):
                spans.append((item_start, i))
                item_start = m.end()
                i = m.end()
                continue
        i += 1
    spans.append((item_start, end))
    return [(s, e) for s, e in (lists._strip(text, s, e) for s, e in spans) if e > s]


def same_lists(text: str) -> None:
    for start in {0, len(text) // 3, len(text) // 2}:
        assert lists.list_end(text, start) == list_end_at_every_character(text, start), (text, start)
        for split_and in (True, False):
            assert lists.list_items(text, start, split_and=split_and) == list_items_at_every_character(text, start, split_and)


def test_lists_of_real_sentences_end_and_split_where_every_character_is_tried() -> None:
    sentences = [s for path in REAL for line in path.read_text(encoding="utf-8").splitlines()
                 for s in re.split(r"(?<=[.;])\s+", line) if s.strip()][::3]
    assert len(sentences) > 3000
    for text in sentences:
        same_lists(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Norco", "and", "which", "was", " ", "  ", ",", ";", ":", ".", ". ", "(", ")", "&", "\t",
                                 "\u00a0", "\u2003", "Feb. 3, 2023", "the patient", "or", "x"]), max_size=16))
def test_generated_lists_end_and_split_where_every_character_is_tried(parts: list[str]) -> None:
    same_lists("".join(parts))


def repaired_token_by_token(tm: TextMap) -> str:
    """`ocr.repair`'s drug-name step with its checks in their plain order: the definition."""
    known, by_shape = ocr._drug_shapes(load_vocabulary(vocabulary_dir_in_use()))
    text = list(tm.text)
    for m in ocr._TOKEN.finditer(tm.text):
        word = m.group()
        lower = word.lower()
        if lower in known or sum(c.isalpha() for c in word) < 4:
            continue
        name = by_shape.get(ocr._shape(word))
        if name is None or len(name) != len(word) or name == lower:
            continue
        text[m.start() : m.end()] = name.capitalize() if word[0].isupper() or word[0].isdigit() else name
    return "".join(text)


def drug_names_repaired(tm: TextMap) -> str:
    """What `ocr.repair` made of the drug names alone (the later steps patch single characters, compared apart)."""
    vocab = load_vocabulary(vocabulary_dir_in_use())
    out = ocr.repair(tm, vocab).text
    rest = list(repaired_token_by_token(tm))
    for pattern in (ocr._ACRONYM_I, ocr._NUMERAL_ONES, ocr._STRENGTH_ONE, ocr._NUMBER_ZERO):
        whole_span = pattern in (ocr._ACRONYM_I, ocr._NUMERAL_ONES)
        for m in pattern.finditer(tm.text):
            for at in range(m.start(), m.end() if whole_span else m.start() + 1):
                rest[at] = out[at]
    assert out == "".join(rest)
    return out


def test_ocr_repairs_of_real_notes_are_those_of_the_plain_checks() -> None:
    changed = 0
    for path in REAL:
        tm = TextMap.build(path.read_text(encoding="utf-8"), rejoin_words=True)
        changed += drug_names_repaired(tm) != tm.text
    assert changed  # some real note has a garbled name


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["0xycodone", "Gabapentln", "gabapentin", "Norco", "l0/325", "MRl", "5O0 mg", "Tramad0l",
                                 "|buprofen", "ibuprofen", "Ba|c|ofen", "12345", " ", ", ", "\n"]), max_size=12))
def test_ocr_repairs_of_generated_text_are_those_of_the_plain_checks(parts: list[str]) -> None:
    drug_names_repaired(TextMap.build("".join(parts), rejoin_words=True))


def test_recent_time_words_find_a_dose_where_the_whole_pattern_does_in_real_sentences() -> None:
    # `_RECENT` is asked only whether it finds something from a drug's end on; its lazy lead may be empty
    from imr_engine.extract.drug_use import _RECENT, _RECENT_WORDS

    assert _RECENT_WORDS.pattern != _RECENT.pattern  # the lead is gone
    sentences = stable_sample([s for path in REAL for s in re.split(r"(?<=[.;])\s+", path.read_text(encoding="utf-8"))],
                              4000)
    found = 0
    for text in sentences:
        for pos in range(0, len(text) + 1, 9):
            expected = _RECENT.search(text, pos) is not None
            found += expected
            assert (_RECENT_WORDS.search(text, pos) is not None) == expected, (text, pos)
    assert found > 100


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["took", "Norco", "last", "night", "today", "at home", "yesterday", ".", ";", "x",
                                 "todays", "this morning", "  ", "\n", "before coming", "in"]), max_size=20),
       st.integers(0, 80))
def test_recent_time_words_find_a_dose_where_the_whole_pattern_does_in_any_text(words: list[str], pos: int) -> None:
    from imr_engine.extract.drug_use import _RECENT, _RECENT_WORDS

    text = " ".join(words)
    assert (_RECENT_WORDS.search(text, pos) is not None) == (_RECENT.search(text, pos) is not None)


def listed_name_found(name: str, text: str) -> bool:
    """How `drug_mentions` finds a name already on the drug list (the plain reading)."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


def test_a_listed_drug_is_looked_for_only_where_its_lower_case_stands_in_real_sentences() -> None:
    import yaml

    products = yaml.safe_load((ROOT / "rules/vocabulary/products.yaml").read_text(encoding="utf-8"))["products"]
    names = sorted({*products, *(a for p in products.values() for a in p.get("aliases", ())), "Tylenol #3", "Lidoderm 5% patch"})
    found = 0
    sentences = stable_sample([s for path in REAL for s in re.split(r"(?<=[.;])\s+", path.read_text(encoding="utf-8"))],
                              2000)
    for text in sentences:
        if text.isascii():
            lowered = text.lower()
            for name in names:
                if name.isascii() and listed_name_found(name, text):
                    found += 1
                    assert name.lower() in lowered, (name, text)
    assert found > 50


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("noRCOnorco #3 -/.%5"), max_size=30),
       st.sampled_from(["Norco", "NORCO 10", "norco #3", "co", "5%"]))
def test_a_listed_drug_is_looked_for_only_where_its_lower_case_stands_in_any_text(text: str, name: str) -> None:
    if listed_name_found(name, text):
        assert name.lower() in text.lower()
