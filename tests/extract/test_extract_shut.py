"""A reader's patterns asked once per sentence (`word_gate.shut`): a pattern shut there finds nothing there.

Readers skip every ask whose pattern `shut` names, so `shut` may only name a pattern that `finditer` and
`search` (and a plain full scan) find nothing with: checked here on real sentences and on generated text, for
every table of asks the readers hold.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

from held_out import held_out
from hypothesis import given, settings
from hypothesis import strategies as st

import imr_engine.extract as extract_package
from imr_engine.extract.word_gate import finditer, search, shut

ROOT = Path(__file__).resolve().parents[2]


def ask_tables() -> list[tuple[str, tuple[re.Pattern[str], ...]]]:
    """Every reader's table of asks: a module constant named ..._ASKS holding compiled patterns."""
    found = []
    for info in pkgutil.iter_modules(extract_package.__path__):
        module = importlib.import_module(f"{extract_package.__name__}.{info.name}")
        for name, value in vars(module).items():
            if name.endswith("_ASKS") and isinstance(value, tuple) and all(isinstance(p, re.Pattern) for p in value):
                found.append((f"{info.name}.{name}", value))
    return found


TABLES = ask_tables()
#: Real sentences: the bundled letters and the development corpus's letters and notes (every sixth, for time).
REAL = sorted(
    sentence
    for folder in ("cases", "corpus/decisions/tune/letters", "corpus/notes/tune")
    for path in (ROOT / folder).rglob("*.txt")
    if not held_out(path)
    for line in path.read_text(encoding="utf-8").splitlines()
    for sentence in re.split(r"(?<=[.;])\s+", line)
    if sentence.strip()
)[::6]
WORDS = sorted({w for path in (ROOT / "cases").glob("*/letter.txt") for w in re.findall(r"[A-Za-z0-9/%#.'-]+", path.read_text())})


def shut_ones_find_nothing(table: tuple[re.Pattern[str], ...], text: str) -> int:
    dead = shut(table, text)
    assert dead <= {id(p) for p in table}  # only the table's own patterns are ever shut
    for pattern in table:
        if id(pattern) in dead:
            assert pattern.search(text) is None, (pattern.pattern, text)
            assert list(finditer(pattern, text)) == [] and search(pattern, text) is None
    return len(dead)


def test_the_readers_hold_tables_of_asks() -> None:
    assert len(TABLES) >= 1
    assert all(len(table) >= 2 for _, table in TABLES)


def test_a_shut_pattern_never_matches_a_real_sentence() -> None:
    assert len(REAL) > 1500
    shut_count = sum(shut_ones_find_nothing(table, text) for text in REAL for _, table in TABLES)
    assert shut_count > len(REAL) * sum(len(t) for _, t in TABLES) / 2  # most asks of most sentences are shut


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text("abcHEPxyz0- ,./", max_size=6)), max_size=30),
       st.sampled_from([" ", "  ", ", ", "\n", "-"]))
def test_a_shut_pattern_never_matches_generated_text(words: list[str], glue: str) -> None:
    text = glue.join(words)
    for _, table in TABLES:
        shut_ones_find_nothing(table, text)


def test_only_patterns_that_start_a_word_are_shut_and_only_where_none_may() -> None:
    ulcer, pain, score = re.compile(r"\bulcers?\b", re.I), re.compile(r"\bpain\b", re.I), re.compile(r"(?<![\d/])\d+/10")
    table = (ulcer, pain, score)
    assert shut(table, "no such words") == {id(ulcer), id(pain)}  # a score may stand inside a word: never shut
    assert shut(table, "Pain 7/10, no ulcer") == set()
    assert shut(table, "Pain rated 7/10") == {id(ulcer)}
    assert shut(table, "\u212a ulcer") == set()  # beyond ASCII IGNORECASE folds more than the gate knows: all asked


def test_a_table_read_after_its_text_shuts_nothing() -> None:
    text = "Quixotic remarks noted before the table was built."
    assert list(finditer(re.compile(r"\bremarks\b", re.I), text))  # the text is read first
    late = (re.compile(r"\bzygo\w+", re.I), re.compile(r"\bquixo\w+", re.I))
    assert shut(late, text) == set()  # its patterns were read after the text: the text's words do not name them
