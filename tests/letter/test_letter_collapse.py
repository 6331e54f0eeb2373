"""Collapsing white space: every run of Unicode white space becomes one space, none at the ends."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.letter.normalise import collapse

#: What a str pattern's \s matches, run for run: the definition collapse must keep.
_RUNS = re.compile(r"\s+")


def test_runs_of_spaces_tabs_and_breaks_are_one_space() -> None:
    assert collapse("  Norco \t 10/325\u00a0mg\u2003 #60 \n") == "Norco 10/325 mg #60"
    assert collapse("\u2028\u0085\x1c") == ""


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200b"
                                         "\u2028\u2029\u202f\u205f\u3000\ufeff"), st.characters()), max_size=40))
def test_collapse_is_the_regex_definition(text: str) -> None:
    assert collapse(text) == _RUNS.sub(" ", text).strip()
