"""Item facts as plain data: `item_facts_json` is the model's own validate-then-dump, without the model.

The engine derives the item facts of every requested item and rules read them as JSON;
`item_facts_json` builds that JSON straight from the derived values. Whatever the values,
it must give what `ItemFacts.model_validate(values).model_dump(mode="json")` gives (the same
keys in the same order, the same values and types: 5 becomes 5.0 for a float fact), or
refuse them with the model's ValidationError.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from imr_engine.engine import Engine
from imr_engine.engine.derive import derive_items
from imr_engine.engine.evaluate import resolve_as_of
from imr_engine.facts import load_case
from imr_engine.facts.derived import FLOAT_FIELDS, CaseFactsJson, ItemFacts, checked_item_facts, item_facts_json

FIELDS = list(ItemFacts.model_fields)
CASES = sorted(Path(__file__).resolve().parents[2].joinpath("cases").glob("*/case.yaml"))

#: Values of every shape a field may be handed: right, wrong type, out of bounds, not JSON.
ODD_VALUES = st.one_of(
    st.sampled_from(["yes", "no", "unknown", "drug", "opioid", "IR", "purchase", "maybe", "", "none"]),
    st.integers(-3, 400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([None, True, False, 0, 10, 10.0, 10.5, 11, -0.0, 1e20]),
    st.lists(st.sampled_from(["opioid", "nsaid", "lumbar_spine"]), max_size=3),
    st.sampled_from([[1], ["a", 2], (), {"x": 1}]),
)


def _model_json(values: dict[str, Any]) -> dict[str, Any] | type[ValidationError]:
    try:
        return ItemFacts.model_validate(values).model_dump(mode="json")
    except ValidationError:
        return ValidationError


def _fast_json(values: dict[str, Any]) -> dict[str, Any] | type[ValidationError]:
    try:
        return item_facts_json(values)
    except ValidationError:
        return ValidationError


def _same(a: object, b: object) -> bool:
    """Equal as JSON output is: the same keys in order, values equal and of the same type (NaN equal to NaN)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELDS + ["not_a_fact"]), ODD_VALUES, max_size=12), st.booleans())
def test_the_same_json_or_the_same_refusal_as_the_model(changes: dict[str, Any], required: bool) -> None:
    values = ({"item_index": 0, "kind": "drug", "as_of_day": 735_000} if required else {}) | changes
    fast = _fast_json(values)
    assert _same(fast, _model_json(values))
    if isinstance(fast, dict):  # a float only where FLOAT_FIELDS says (evaluate._check_values looks there alone)
        assert not [k for k, v in fast.items() if type(v) is float and k not in FLOAT_FIELDS]


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.sampled_from(FIELDS + ["not_a_fact"]), ODD_VALUES, max_size=10),
    st.dictionaries(st.sampled_from(FIELDS), ODD_VALUES, max_size=6),
)
def test_a_cases_values_checked_once_give_what_the_model_gives(case_part: dict[str, Any], item_part: dict[str, Any]) -> None:
    # The engine checks the values every item of a case shares once, then each item's own over them.
    item_part = {"item_index": 1, "kind": "therapy", "as_of_day": 735_100} | item_part
    checked = checked_item_facts(case_part)
    if checked is None:  # only the model can tell: the engine hands it every value (derive_items)
        assert _same(_fast_json(case_part | item_part), _model_json(case_part | item_part))
        return

    def fast() -> dict[str, Any] | type[ValidationError]:
        try:
            return item_facts_json(item_part, checked)
        except ValidationError:
            return ValidationError

    assert _same(fast(), _model_json(case_part | item_part))


@pytest.mark.parametrize("case_file", CASES, ids=lambda p: p.parent.name[:3])
def test_derived_values_are_the_models_dump_on_the_bundled_cases(engine: Engine, case_file: Path) -> None:
    case = load_case(case_file)
    derived = derive_items(case, engine._requested_items(case), resolve_as_of(case, None).date, engine.vocabulary)
    assert derived
    for d in derived:
        assert _same(d.values, ItemFacts.model_validate(d.values).model_dump(mode="json"))
        assert d.facts.item_index == d.values["item_index"]


def test_a_value_the_model_refuses_is_refused_with_its_error() -> None:
    # Bounds from the model (visits_requested ge=0, latest_pain_score le=10) and its literals.
    base = {"item_index": 0, "kind": "therapy", "as_of_day": 735_000}
    for wrong in ({"visits_requested": -8}, {"latest_pain_score": 11.0}, {"prn": "perhaps"}, {"unknown_fact": 1}):
        with pytest.raises(ValidationError):
            item_facts_json(base | wrong)
    score = item_facts_json(base | {"latest_pain_score": 7})["latest_pain_score"]
    assert type(score) is float and score == 7.0


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.sampled_from(FIELDS), ODD_VALUES, max_size=10),
    st.lists(st.dictionaries(st.sampled_from(FIELDS), ODD_VALUES, max_size=6), min_size=1, max_size=4),
)
def test_a_cases_json_made_once_gives_each_item_what_the_model_gives(case_part: dict[str, Any],
                                                                    items: list[dict[str, Any]]) -> None:
    # The case's part of every item's JSON made once (CaseFactsJson): each item as the model dumps it, and
    # its default lists its own (only the case's own lists are shared by its items).
    checked = checked_item_facts(case_part)
    if checked is None:
        return
    case_json = CaseFactsJson(checked)
    made = []
    for n, part in enumerate(items):
        part = {"item_index": n, "kind": "therapy", "as_of_day": 735_100} | part
        try:
            out: dict[str, Any] | type[ValidationError] = case_json.item(part)
        except ValidationError:
            out = ValidationError
        assert _same(out, _model_json(checked | part))
        if isinstance(out, dict):
            made.append((out, part))
    for (a, pa), (b, pb) in zip(made, made[1:]):
        for name, value in a.items():
            if type(value) is list and name not in checked and name not in pa and name not in pb:
                assert value is not b[name]
