"""`dumps_indented` writes exactly what `json.dumps(indent=2, sort_keys=True, ensure_ascii=False)` writes.

The standard library is the reference: on generated JSON data (every scalar kind, text with
quotes, controls, non-ASCII and lone surrogates, nested lists, tuples and objects), on values the
short path leaves to it (keys that are not text, subclasses, other types, a cycle), and on a
real output of ours (the rule book's listing).
"""

from __future__ import annotations

import enum
import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.json_out import dumps_indented


def _reference(data: Any) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)


_TEXT = st.text(alphabet=st.characters(codec=None), max_size=12) | st.sampled_from(
    ['"', "\\", "\n", "\t", "\x00", "\x7f", "\u2028", "é§", "\ud800", ""])
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(), _TEXT,
                     st.sampled_from([math.nan, math.inf, -math.inf, 0.0, -0.0, 1e16, 1.5]))
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.lists(inner, max_size=3).map(tuple)
    | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_DATA)
def test_generated_data_is_written_as_json_dumps_writes_it(data: Any) -> None:
    assert dumps_indented(data) == _reference(data)


class _Colour(enum.IntEnum):
    RED = 1


class _Text(str):
    pass


@pytest.mark.parametrize("data", [
    {1: "a", 2: "b"}, {None: 1}, {True: [1]}, {2.5: "x"},       # keys json.dumps turns into text
    {"a": _Colour.RED}, [_Text("x")], {_Text("k"): 1},          # subclasses
    {"z": {"y": [], "x": {}}, "a": [[], [{}]]},                  # empty containers at every depth
])
def test_values_left_to_json_dumps_are_written_as_it_writes_them(data: Any) -> None:
    assert dumps_indented(data) == _reference(data)


def test_what_json_dumps_refuses_is_refused_alike() -> None:
    cycle: list[Any] = []
    cycle.append(cycle)
    for bad in (cycle, {"a": object()}, {("t",): 1}, {1: "a", "b": 2}):  # mixed keys: not sortable
        with pytest.raises((TypeError, ValueError)) as ours:
            dumps_indented(bad)
        with pytest.raises(type(ours.value)):
            _reference(bad)


def test_the_rule_book_listing_is_written_as_json_dumps_writes_it() -> None:
    from imr_engine.rulebook import load_rulebook
    from imr_engine.rulebook.listing import rule_records

    records = rule_records(load_rulebook())
    assert len(records) > 100
    assert dumps_indented(records) == _reference(records)
