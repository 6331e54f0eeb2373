"""What-if re-evaluation's savings (engine/whatif.py) give what asking durable_rules for every variant gives.

Checked against the plain form written out here, on the bundled cases' real items: each variant's
whole engine fact sent to each of the item's topics, no memo in the way. The variants change the
facts the item's rules read to values those rules compare with (the checklist's trial values), one,
two and three at a time; and a variant's key made from the item's (`VariedKeys`) is the key of the
variant's values made afresh, for any values.
"""

from __future__ import annotations

from itertools import combinations, product
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.checklist.facts import is_checked_fact, trial_values
from imr_engine.engine import Engine
from imr_engine.engine.derive import derive_items
from imr_engine.engine.durable_adapter import FactSignature, VariedKeys
from imr_engine.engine.evaluate import engine_fact, resolve_as_of
from imr_engine.facts import load_case

CASES = sorted(Path(__file__).resolve().parents[2].joinpath("cases").glob("*/case.yaml"))


def _items(engine: Engine) -> list[dict[str, Any]]:
    """The values of every requested item of the bundled cases."""
    out = []
    for path in CASES:
        case = load_case(path)
        items = engine._requested_items(case)
        out += [d.values for d in derive_items(case, items, resolve_as_of(case, None).date, engine.vocabulary)]
    return out


@pytest.fixture(scope="module")
def items(engine: Engine) -> list[dict[str, Any]]:
    return _items(engine)


def _variants(engine: Engine, values: dict[str, Any], size: int) -> list[tuple[tuple[str, Any], ...]]:
    """Changes of up to *size* facts the item's rules read, each to a value a rule compares it with."""
    rules = engine.rules_in_scope(values)
    names = sorted({leaf for r in rules for leaf in _fact_names(r) if is_checked_fact(leaf)})
    candidates = {n: trial_values(n, values.get(n), rules)[:2] for n in names}
    names = [n for n in names if candidates[n]][:8]
    out: list[tuple[tuple[str, Any], ...]] = []
    for k in range(1, size + 1):
        for group in combinations(names, k):
            out += [tuple(zip(group, picked)) for picked in product(*(candidates[n] for n in group))]
    return out


def _fact_names(rule: Any) -> list[str]:
    from imr_engine.rulebook.conditions import facts_named

    return list(facts_named(rule.when))


def _plain(engine: Engine, values: dict[str, Any], change: tuple[tuple[str, Any], ...]) -> list[str]:
    """The ids of the rules that fire for the variant, each topic sent the whole fact, sorted in book order."""
    fact = engine_fact({**values, **dict(change), "item_index": 0})
    fired: set[str] = set()
    for t in engine._topics_for(values):
        ruleset = engine.topics[t].ruleset
        reads, ruleset._reads = ruleset._reads, None
        try:
            fired.update(rule_id for _, rule_id in ruleset._ask([fact]))
        finally:
            ruleset._reads = reads
    return sorted(fired, key=engine.book.order.__getitem__)


def test_variants_fire_what_durable_rules_fires_for_their_whole_facts(engine: Engine, items: list[dict[str, Any]]) -> None:
    checked = 0
    for values in items:
        variants = _variants(engine, values, 3)
        if not variants:
            continue
        # Twice: the second time the rules' answers are all remembered.
        for _ in range(2):
            fired = engine.fired_with_changes(values, variants)
            for change, rules in zip(variants, fired):
                assert [r.id for r in rules] == _plain(engine, values, change), change
        checked += len(variants)
    assert checked > 500


def test_a_variant_may_not_change_what_the_engine_sets(engine: Engine, items: list[dict[str, Any]]) -> None:
    values = items[0]
    with pytest.raises(ValueError):
        engine.fired_with_changes(values, [(("item_index", 3),)])


_VALUES = st.one_of(
    st.none(), st.just([]), st.booleans(), st.integers(-5, 400), st.floats(-5, 400, allow_nan=False),
    st.sampled_from(["yes", "no", "unknown", "opioid", "x"]), st.lists(st.sampled_from(["a", "b", "opioid"]), max_size=3),
)


@pytest.fixture(scope="module")
def signatures(engine: Engine) -> list[FactSignature]:
    return [t.ruleset.signature for t in engine.topics if t.ruleset.signature is not None][:60]


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_variant_key_is_the_key_of_its_values(
    items: list[dict[str, Any]], signatures: list[FactSignature], data: Any
) -> None:
    signature = data.draw(st.sampled_from(signatures))
    base = data.draw(st.sampled_from(items))
    names = data.draw(st.lists(st.sampled_from(signature.fields + ["not_read"]), min_size=1, max_size=4, unique=True))
    change = [(name, data.draw(_VALUES)) for name in names]
    keys = VariedKeys(signature, base)
    assert keys.key(keys.read(change)) == signature.key_of_values({**base, **dict(change)})
