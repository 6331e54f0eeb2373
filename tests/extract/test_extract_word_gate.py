"""The word gate skips a reader pattern only where a search would find nothing."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from real_text import real_sentences

import imr_engine.extract as extract_package
from imr_engine.extract.word_gate import among, finditer, heads, may_match, search

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "cases"


def reader_patterns() -> list[re.Pattern[str]]:
    """Every compiled pattern the readers define at module level (alone or in a (name, pattern) table)."""
    found: dict[int, re.Pattern[str]] = {}
    for info in pkgutil.iter_modules(extract_package.__path__):
        module = importlib.import_module(f"{extract_package.__name__}.{info.name}")
        for value in vars(module).values():
            values = value if isinstance(value, tuple) else (value,)
            for v in values:
                for p in (v if isinstance(v, tuple) else (v,)):
                    if isinstance(p, re.Pattern) and isinstance(p.pattern, str):
                        found[id(p)] = p
    return list(found.values())


PATTERNS = reader_patterns()
GATED = [p for p in PATTERNS if heads(p) is not None]
#: Patterns whose start is unknown but which hold known pieces of text: skipped where none stands.
PIECED = [p for p in PATTERNS if heads(p) is None and not may_match(p, "")]
#: Words of the bundled letters, so generated text holds the readers' own cue words.
WORDS = sorted({w for path in CASES.glob("*/letter.txt") for w in re.findall(r"[A-Za-z0-9/%#.'-]+", path.read_text())})


def test_most_reader_patterns_are_gated() -> None:
    assert len(PATTERNS) > 100
    assert len(GATED) > len(PATTERNS) / 2


def word_heads(pattern: str, flags: int = re.I) -> frozenset[str] | None:
    found = heads(re.compile(pattern, flags))
    assert found is None or found.at_word_start
    return None if found is None else found.keys


def test_heads_are_the_letters_a_match_must_start_a_word_with() -> None:
    assert word_heads(r"\bulcers?\b") == {"ulc"}
    assert word_heads(r"\b(?:peptic\s+)?ulcers?\b") == {"pep", "ulc"}
    assert word_heads(r"(?-i:\bHEP\b)|\bhome\s+exercise") == {"hep", "hom"}
    assert word_heads(r"\b[Hh]ome\b", 0) == {"hom"}
    assert word_heads(r"\bGI\s+bleed") == {"gi"}
    assert word_heads(r"\b(?:a|an)\s+x") == {"a", "an"}
    assert word_heads(r"\b\d+/10") == {"0", "00", "000"}  # digits compare as 0


def test_a_pattern_that_may_start_inside_a_word_is_looked_for_anywhere() -> None:
    # such a head reads on through a mark ("/", "-", ":"): a date's "0/0" stands where few digits stand
    for pattern, keys in ((r"ulcer", {"ulc"}), (r"(?<![\d/])10/10", {"00/"}), (r"(?<![^\w])pain", {"pai"}),
                          (r"(?<![\d/])\d+/10", {"0/0", "00/", "000"}),
                          (r"(?<![\d/])(?:\d+|one|two)/10", {"0/0", "00/", "000", "one", "two"}),
                          (r"(?<![\d:])\d{1,2}:\d{2}", {"0:0", "00:"}), (r"\(\s*cane", {"("}), (r"\(cane", {"(ca"})):
        found = heads(re.compile(pattern, re.I))
        assert found is not None and not found.at_word_start and found.anywhere == keys and not found.keys


def test_a_lookbehind_no_word_character_passes_is_a_word_start() -> None:
    # (?<!\w) before a word character is exactly \b there; a wider class only narrows it
    assert word_heads(r"(?<!\w)pain") == {"pai"}
    assert word_heads(r"(?<![\w/#.-])[1-9]\d\s?[MF]") == {"00", "00f", "00m"}
    assert word_heads(r"(?<!\w)a\b") == {"a"}


def test_each_way_keeps_its_own_kind_of_head() -> None:
    # the ways that open at a word boundary are looked for at word starts, the others anywhere
    found = heads(re.compile(r"\bone\s+year|\btwo\s+years|(?<![\d/])\d+\s*y/o", re.I))
    assert found is not None and found.keys == {"one", "two"} and found.anywhere == {"0"}
    found = heads(re.compile(r"\b10 years|(?<!/)\d+", re.I))  # a word start a loose head begins is dropped
    assert found is not None and found.keys == frozenset() and found.anywhere == {"0"}
    assert may_match(re.compile(r"ulcer", re.I), "gastric-ULCERATION")
    assert not may_match(re.compile(r"ulcer", re.I), "no such words")


def test_a_pattern_whose_start_is_unknown_is_never_skipped() -> None:
    for pattern in (r"\b(?:x)?", r"\b.{2}", r"\b\w+\b", r"(\w)\1", r"(?<!\d)a\b"):
        compiled = re.compile(pattern, re.I)
        assert heads(compiled) is None
        assert may_match(compiled, "no such words")


def test_a_pattern_whose_start_is_unknown_is_skipped_where_none_of_its_pieces_stands() -> None:
    # every match holds a literal run of each way: a text with none of one way's runs cannot match that way
    for pattern, matching, not_matching in (
        (r"(?:\w+\s+)?(?:mono)?neuropathy", "median mononeuropathy", "median nerve"),
        (r"[^.;]{0,40}?\b(?:today|yesterday)", "took one Yesterday", "took one last week"),
        (r"\b\w+\s+(?:relief|benefit)|\b\w+ly\s+helped", "some relief; it greatly helped", "no change"),
        (r"(?:\w+\s+)?\b(?:CT|MRI)\b", "lumbar CT", "an act: done"),  # after \\b, "ct" must start a word
    ):
        compiled = re.compile(pattern, re.I)
        found = heads(compiled)
        assert found is None or found.leads  # no start of its own (a lead's is read from the part after it)
        assert may_match(compiled, matching) and compiled.search(matching) is not None
        assert not may_match(compiled, not_matching) and compiled.search(not_matching) is None
        assert list(finditer(compiled, not_matching)) == [] and search(compiled, not_matching) is None
    assert may_match(re.compile(r"\b\w+s\b", re.I), "no such wordz")  # a piece of one character tells nothing
    assert not may_match(re.compile(r"\b\w+ing\b", re.I), "no such words")
    assert not may_match(re.compile(r"\b.{2}pain", re.I), "no such words")


def test_a_pattern_that_needs_a_word_further_on_is_skipped_where_no_word_starts_so() -> None:
    # besides its heads, a match holds the words its literal runs start after a boundary, a space or a mark
    for pattern, matching, not_matching in (
        (r"\b(?:a|an|the|her)\s+(?:psychologist|counselor)", "saw the counselor", "saw the patient"),
        (r"\bstatus\s+post\s+\w+", "status post fusion", "status quo today"),
        (r"\bpain\s*-\s*free\b", "pain-free today", "pain score is high"),
        (r"(?<![\d/])\d+/10\s+(?:with|w/)\s+meds", "7/10 with meds", "7/10 without"),
    ):
        compiled = re.compile(pattern, re.I)
        assert heads(compiled) is not None
        assert may_match(compiled, matching) and compiled.search(matching) is not None
        assert not may_match(compiled, not_matching) and compiled.search(not_matching) is None
        assert list(finditer(compiled, not_matching)) == [] and search(compiled, not_matching) is None


def test_text_beyond_ascii_is_always_searched() -> None:
    kelvin = re.compile(r"\bk\b", re.I)  # IGNORECASE folds the Kelvin sign to k: lower() would not say so
    assert kelvin.search("\u212a") is not None
    assert may_match(kelvin, "\u212a")


def test_no_sentence_of_the_bundled_letters_loses_a_match() -> None:
    texts = [line for path in CASES.glob("*/letter.txt") for line in path.read_text().split(". ")]
    skipped = 0
    for pattern in GATED + PIECED:
        for text in texts:
            if not may_match(pattern, text):
                skipped += 1
                assert pattern.search(text) is None, (pattern.pattern, text)
            assert [m.span() for m in finditer(pattern, text)] == [m.span() for m in pattern.finditer(text)]
    assert skipped > len(GATED) * len(texts) / 2  # the gate does skip most searches


def found(matches: object) -> list[tuple[object, ...]]:
    """What a reader can read of each match: where it is and every group."""
    return [(m.span(), m.groups(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def same_as_a_full_scan(pattern: re.Pattern[str], text: str) -> None:
    # The full scan, once (it is most of this test's time): the gate's finditer, asked twice, is held to all
    # of it, and the gate's search to its first match, which is what `pattern.search(text)` returns (both
    # start at the text's start, and finditer's first match is search's).
    full = found(pattern.finditer(text))
    assert found(finditer(pattern, text)) == full, (pattern.pattern, text)
    # asked again once the text is read, the way readers ask (the gate's inline path)
    assert found(finditer(pattern, text)) == full, (pattern.pattern, text)
    assert found(filter(None, [search(pattern, text)])) == full[:1], (pattern.pattern, text)


#: Real sentences: a fixed sample of the bundled letters' and the development corpus's (see tests/real_text.py),
#: in four parts so that the parallel workers can share them.
REAL = real_sentences(1600)
PARTS = 4


@pytest.mark.parametrize("part", range(PARTS))
def test_anchored_tries_find_what_a_full_scan_finds_in_real_sentences(part: int) -> None:
    assert len(REAL) == 1600
    for text in REAL[part::PARTS]:  # text by text, as readers ask: the gate keeps what it found of the last texts
        for pattern in GATED + PIECED:
            same_as_a_full_scan(pattern, text)


def test_anchored_tries_read_the_text_before_the_try() -> None:
    # \b and a lookbehind at an offset look at the character before it, as a search does
    for pattern, text in ((r"\bpain", "backpain pain"), (r"(?<!no )\bpain", "no pain, pain"),
                          (r"\b(?:a|an)\s+x", "a x an x"), (r"\b\d+/10", "L5 7/10 x10/10")):
        compiled = re.compile(pattern, re.I)
        assert heads(compiled) is not None
        same_as_a_full_scan(compiled, text)
    assert [m.start() for m in finditer(re.compile(r"\bpain", re.I), "backpain pain")] == [9]


def test_a_pattern_first_asked_after_the_text_was_read_is_still_tried() -> None:
    # a text's words name the patterns that may match it among those read so far; one read later
    # is not among them and must not be skipped for that
    text = "Patient reports zygomatic tenderness and quixotic gait."
    assert [m.span() for m in finditer(re.compile(r"\bpatient\b", re.I), text)] == [(0, 7)]  # the text is read
    late = re.compile(r"\bzygo\w+\s+tender", re.I)  # a new pattern, read only now
    assert [m.span() for m in finditer(late, text)] == [(16, 32)]
    assert search(re.compile(r"\bquix\w+\s+gait", re.I), text) is not None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text("abcHEPxyz0- ,./", max_size=6)), max_size=30),
       st.sampled_from([" ", "  ", ", ", "\n", "-"]))
def test_anchored_tries_find_what_a_full_scan_finds(words: list[str], glue: str) -> None:
    text = glue.join(words)
    for pattern in GATED + PIECED:
        same_as_a_full_scan(pattern, text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text("abcHEPxyz0- ,./", max_size=6)), max_size=30),
       st.sampled_from([" ", "  ", ", ", "\n", "-"]))
def test_a_skipped_pattern_never_matches(words: list[str], glue: str) -> None:
    text = glue.join(words)
    for pattern in GATED + PIECED:
        if not may_match(pattern, text):
            assert pattern.search(text) is None, (pattern.pattern, text)


#: The tables readers ask of every sentence through `among`, with where each row holds its pattern.
def reader_tables() -> list[tuple[tuple[object, ...], int]]:
    from imr_engine.extract import clinical, dates, exam, function, medications, monitoring

    return [(clinical.CUES, 1), (monitoring.CUES, 1), (exam.CUES, 1), (medications.LIST_LEADS, 0),
            (medications.NOTE_LEADS, 0), (function.WORK_STATUS, 0), (dates._PATTERNS, 1)]


def rows_left_out_never_match(rows: tuple[object, ...], at: int, text: str) -> None:
    given = among(rows, text, at)
    given_ids = [id(row) for row in given]
    assert given_ids == [id(row) for row in rows if id(row) in set(given_ids)]  # the table's order, each row once
    for row in rows:
        if id(row) not in given_ids:
            pattern = row[at]  # type: ignore[index]
            assert pattern.search(text) is None, (pattern.pattern, text)
            for lo in range(0, len(text), 7):  # nor in a part of it (a reader may search between ticked boxes)
                assert pattern.search(text, lo, lo + 40) is None, (pattern.pattern, text, lo)


def test_a_table_row_left_out_never_matches_a_real_sentence() -> None:
    left_out = 0
    for text in REAL:
        for rows, at in reader_tables():
            rows_left_out_never_match(rows, at, text)
            left_out += len(rows) - len(among(rows, text, at))
    assert left_out > len(REAL) * 10  # most rows are left out of most sentences


def test_a_table_gives_every_row_of_text_it_cannot_read() -> None:
    rows = (("a", re.compile(r"\bulcers?\b", re.I)), ("b", re.compile(r"\bpain\b", re.I)))
    assert among(rows, "no such words", 1) == ()
    assert among(rows, "Pain and ulcers", 1) == [rows[0], rows[1]]
    assert among(rows, "pain only", 1) == [rows[1]]
    assert among(rows, "\u212a ulcer", 1) is rows  # beyond ASCII: IGNORECASE folds more than lower() knows
    unread = (("c", re.compile(r"\bzyx\w+", re.I)),)
    text = "Zyxomatic words read before their table was built."
    assert list(finditer(re.compile(r"\bwords\b", re.I), text))  # the text is read first
    assert among(unread, text, 1) is unread  # a table whose patterns were read after the text gives every row


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text("abcHEPxyz0- ,./", max_size=6)), max_size=30),
       st.sampled_from([" ", "  ", ", ", "\n", "-"]))
def test_a_table_row_left_out_never_matches_generated_text(words: list[str], glue: str) -> None:
    text = glue.join(words)
    for rows, at in reader_tables():
        rows_left_out_never_match(rows, at, text)


#: Patterns that open with a run of words before a known part, written as readers write them (lazy and greedy, in a
#: named group, the part inside a word or at a word start, a lookahead after it).
LEADS = [re.compile(p, re.I) for p in (
    r"(?P<what>(?:[\w/-]+\s+){0,4}?(?:fusion|repair|replacement|recon))\b(?:\s+(?:was\s+)?(?:done|performed))\s*(?=\d)",
    r"(?:[\w/-]+\s+){0,3}(?:knee|hip)\s+(?:replacement|arthroplasty)",
    r"(?:\w+\s+){0,2}?\bneuropathy\b",
    r"(?:[\w'-]+\s+){0,5}?tear(?:ing)?\s+of",
    # a lead in one way of several, after a word boundary (every run character a word character)
    r"\b(?:MRI|EMG)\s+(?:shows?|showed)|\b(?:tear|(?:\w+\s+)?(?:mono)?neuropathy|stenosis)\b",
    r"(?<![\w/-])(?:(?:\w+\s+){0,2}?(?:knee|hip)\s+pain|pain\s+in\s+(?:the\s+)?(?:knee|hip))",
)]
LEAD_TEXTS = (
    "R TKA performed 4/15/2013, then L knee replacement done 6/1/2014.",
    "s/p right total knee replacement performed 3/3/2019 with good result",
    "microdiscectomy L4-5 done 2/2/2020 fusion done 3/3/2020",
    "fusion done 1/1/2011 repair done 2/2/2012 repair done 3/3/2013",  # each match ends where the next run starts
    "Left hip arthroplasty; right knee arthroplasty (2015) and bilateral knee  replacement",
    "peripheral neuropathy, diabetic neuropathy and polyneuropathy",
    "partial-thickness tear of the supraspinatus; the patient's tearing of the labrum",
    "(ACL recon) done 5/5/2015 -- recon done 6/6/2016",
    "MRI shows tear; peripheral neuropathy and mononeuropathy, diabetic polyneuropathy; EMG showed stenosis",
    "left knee pain, pain in the hip, x-ray/ knee pain and sub-hip pain",
)


def test_a_pattern_that_opens_with_words_is_tried_only_near_its_known_part() -> None:
    from imr_engine.extract import word_gate

    for pattern in LEADS:
        found = heads(pattern)
        assert found is not None and found.leads and not found.at_word_start, pattern.pattern
        for text in LEAD_TEXTS:
            same_as_a_full_scan(pattern, text)
    assert not may_match(LEADS[0], "pain 7/10 today and no procedure done 3/3/2020")  # no core word: never searched
    rest = " Seen today in clinic for a routine follow up visit, doing well overall."  # long enough to be tried
    tries = word_gate._tries(LEADS[1], "Pt had a left total knee replacement." + rest)
    assert tries == [7, 9, 14, 20]  # "a", "left", "total" (three runs before, not "had"), "knee"
    tries = word_gate._tries(LEADS[4], "MRI shows a severe tear; diabetic neuropathy" + rest)
    assert tries == [0, 19, 25, 34]  # "MRI", "tear", one run before "neuropathy" and "neuropathy" itself
    # a match that ends inside a run: a search goes on from there, and the next match starts there, inside "xyab"
    inside = re.compile(r"(?:[a-z]+\s+){0,1}?(?:xy|cd)")
    assert [m.span() for m in finditer(inside, "xyab cd")] == [(0, 2), (2, 7)] == [
        m.span() for m in inside.finditer("xyab cd")]


def test_a_pattern_whose_opening_is_no_lead_is_not_read_as_one() -> None:
    # a boundary before runs that may start inside a word ("x-ray"), a lookahead or a lookbehind before the runs
    # (a match may then start inside a run), no bound, a mark in the run, nothing after it, a captured run, runs of
    # white space
    for source in (r"\b(?:[\w/-]+\s+){0,4}?fusion", r"(?:[\w/-]+\s+)*fusion", r"(?:[\w/-]+,?\s+){0,4}fusion",
                   r"(?:\w+\s+){0,4}?|fusion", r"([\w/-]+\s+){0,4}?fusion", r"(?:[\w\s]+\s+){0,4}?fusion",
                   r"(?=\w*e)(?:\w+\s+){0,2}fusion", r"(?<=a)(?:\w+\s+){0,2}fusion", r"x|(?<!-)(?:\w+\s+){0,2}fusion"):
        pattern = re.compile(source, re.I)
        found = heads(pattern)
        assert found is None or not found.leads, source
        for text in (*LEAD_TEXTS, "abc fusion", "xenon be fusion", "bae fusion", "a-b fusion"):
            same_as_a_full_scan(pattern, text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS + ["fusion", "repair", "knee", "recon", "neuropathy", "tear", "done",
                                                   "performed", "3/3/2013", "of", "hip", "replacement"]),
                          st.text("abcHEPxyz0- ,./", max_size=6)), max_size=30),
       st.sampled_from([" ", "  ", ", ", "\n", "-", " \t"]))
def test_a_lead_finds_what_a_full_scan_finds(words: list[str], glue: str) -> None:
    text = glue.join(words)
    for pattern in LEADS + [p for p in PATTERNS if (h := heads(p)) is not None and h.leads]:
        same_as_a_full_scan(pattern, text)
