"""The engine's speed-ups change nothing: remembered durable_rules answers equal fresh ones.

A ruleset with a memo answers from a fact's signature; these tests compare it
with the same ruleset asking durable_rules every time, over random rules and
random facts, and over the real cases.
"""

from __future__ import annotations

from typing import Any

import pytest
from batch_corpora import REAL
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from imr_engine.engine import Engine
from imr_engine.engine.compile import compile_rulebook, rule_expression
from imr_engine.engine.derive import derive_items
from imr_engine.engine.durable_adapter import MAX_GROUPS, CompiledRuleset, FactSignature, expression_groups
from imr_engine.engine.evaluate import engine_fact, resolve_as_of
from imr_engine.errors import EngineError
from imr_engine.facts import load_case
from imr_engine.rulebook.conditions import Condition, check_condition
from imr_engine.rulebook.model import Rule

TRI = ["yes", "no", "unknown"]
CLASSES = ["opioid", "nsaid", "benzodiazepine"]
THRESHOLDS = [0, 7.5, 30, 90]

leaf = st.one_of(
    st.builds(lambda f, v: {"fact": f, "is": v}, st.sampled_from(["muscle_spasm", "acute_exacerbation"]), st.sampled_from(TRI)),
    st.builds(lambda f, v: {"fact": f, "none_of": v}, st.just("muscle_spasm"), st.lists(st.sampled_from(TRI), min_size=1, max_size=2, unique=True)),
    st.builds(lambda f, op, v: {"fact": f, op: v}, st.sampled_from(["use_duration_days", "pain_relief_percent"]),
              st.sampled_from(["lt", "lte", "gt", "gte"]), st.sampled_from(THRESHOLDS)),
    st.builds(lambda f, v: {"fact": f, "is": v}, st.just("use_duration_days"), st.sampled_from(THRESHOLDS)),
    st.builds(lambda f, v: {"fact": f, "known": v}, st.just("pain_relief_percent"), st.booleans()),
    st.builds(lambda f, op, v: {"fact": f, op: v}, st.just("current_drug_classes"),
              st.sampled_from(["includes_any", "includes_none"]), st.lists(st.sampled_from(CLASSES), min_size=1, max_size=2, unique=True)),
)
conditions = st.recursive(leaf, lambda inner: st.one_of(
    st.builds(lambda xs: {"all": xs}, st.lists(inner, min_size=1, max_size=3)),
    st.builds(lambda xs: {"any": xs}, st.lists(inner, min_size=1, max_size=3)),
), max_leaves=6)

# Values on, between and around the thresholds, so every class of the signature is hit.
# (durable_rules cannot read floats in exponent notation: tested apart, below)
numbers = st.one_of(
    st.none(), st.sampled_from(THRESHOLDS), st.integers(-5, 100),
    st.floats(-5, 100, allow_nan=False).filter(lambda x: x == 0 or abs(x) >= 1e-4),
)
facts = st.fixed_dictionaries({
    "muscle_spasm": st.sampled_from(TRI),
    "acute_exacerbation": st.sampled_from(TRI),
    "use_duration_days": numbers,
    "pain_relief_percent": numbers,
    "current_drug_classes": st.lists(st.sampled_from(CLASSES), max_size=3, unique=True),
    "unrelated": st.integers(0, 3),
})


def _rule(n: int, when: dict[str, Any]) -> Rule:
    return Rule.model_validate({
        "id": f"probe.rule-{n}", "title": "probe", "question": "probe?", "outcome": "medically_necessary",
        "statement": "statement", "rationale": "rationale", "would_change_if": ["x"], "when": when,
        "guideline": {"source": "MTUS", "guideline": "G", "edition": "1", "sections": ["S"],
                      "effective_from": "2000-01-01", "citation_checked": False},
    })


def _engine_facts(samples: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for i, f in enumerate(samples):
        fact = {k: v for k, v in f.items() if v is not None and v != []}
        out.append({**fact, "item_index": i, "as_of_day": 735_000 + 40 * i})
    return out


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(whens=st.lists(conditions, min_size=1, max_size=3), rounds=st.lists(st.lists(facts, min_size=1, max_size=5), min_size=2, max_size=4))
def test_memo_answers_equal_durable_answers(whens: list[dict[str, Any]], rounds: list[list[dict[str, Any]]]) -> None:
    rules = []
    for n, when in enumerate(whens):
        check_condition(TypeAdapter(Condition).validate_python(when))
        rules.append((f"r{n}", rule_expression(_rule(n, when))))
    assume(all(expression_groups(e) <= MAX_GROUPS for _, e in rules))
    fresh = CompiledRuleset("memo_off", rules)
    remembered = CompiledRuleset("memo_on", rules, memo_size=64)
    assert remembered.signature is not None
    for samples in rounds + rounds:  # the second pass is answered from the memo
        batch = _engine_facts(samples)
        assert sorted(remembered.matches(batch)) == sorted(fresh.matches(batch))
    assert remembered.remembered > 0
    small = CompiledRuleset("memo_small", rules, memo_size=2)  # evicting all the time
    for samples in rounds + rounds:
        batch = _engine_facts(samples)
        assert sorted(small.matches(batch)) == sorted(fresh.matches(batch))


def test_numbers_durable_rules_cannot_read_are_refused_cleanly() -> None:
    rs = CompiledRuleset("exponent", [("r", {"$gte": {"x": 1}})], memo_size=8)
    assert rs.matches([{"item_index": 0, "x": 0.0001}, {"item_index": 1, "x": 9.9e15}]) == [(1, "r")]
    for bad in (1e-05, -3e-7, 1e16, float("inf"), float("nan")):
        with pytest.raises(EngineError, match="exponent notation"):
            rs.matches([{"item_index": 0, "x": bad}])


def test_signature_classes() -> None:
    sig = FactSignature.of([{"$and": [{"$gte": {"as_of_day": 10}}, {"$lt": {"days": 90}}, {"kind": "drug"}]}])
    assert sig is not None and sig.fields == ["as_of_day", "days", "kind"]
    key = sig.key
    base = {"as_of_day": 20, "kind": "drug"}
    assert key({**base, "days": 5}) == key({**base, "days": 89.5}) != key({**base, "days": 90}) != key({**base, "days": 91})
    assert key({**base, "days": 5}) != key(base)  # absent is a class of its own
    assert key({**base, "days": 5, "other": 1}) == key({**base, "days": 5})  # unread attributes do not count
    assert key({**base, "days": 5, "kind": "supply"}) != key({**base, "days": 5})


def test_expressions_beyond_the_signature_turn_the_memo_off() -> None:
    assert FactSignature.of([{"$gt": {"a": {"$m": "b"}}}]) is None  # another attribute of the fact
    assert FactSignature.of([{"$mt": {"a": "x.*"}}]) is None  # a regular expression
    rs = CompiledRuleset("no_memo", [("r", {"$and": [{"x": 1}, {"$mt": {"name": "a.*"}}]})], memo_size=16)
    assert rs.signature is None
    assert rs.matches([{"item_index": 0, "x": 1, "name": "abc"}]) == [(0, "r")]


def test_real_cases_decide_the_same_with_and_without_memo(engine: Engine) -> None:
    fresh = Engine.__new__(Engine)
    fresh.__dict__.update(engine.__dict__)
    fresh.topics = compile_rulebook(engine.book, memo_size=0)
    fresh._routes, fresh._route_signatures, fresh._answers = {}, {}, type(engine._answers)()  # none of the engine's memos
    for folder in REAL:
        case = load_case(folder / "case.yaml")
        for _ in range(2):  # the second time, the engine answers each item from its answers over all its topics
            assert engine.evaluate(case) == fresh.evaluate(case)
    assert engine._answers and not fresh._answers  # a ruleset without a signature leaves the item's answer unremembered


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(whens=st.lists(conditions, min_size=2, max_size=4), pairs=st.lists(st.tuples(facts, facts), min_size=1, max_size=8))
def test_merged_signature_is_finer_than_each(whens: list[dict[str, Any]], pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    """Facts equal under the merged signature are equal under every ruleset's own: they fire the same rules in each."""
    signatures = []
    for n, when in enumerate(whens):
        expr = rule_expression(_rule(n, when))
        signature = FactSignature.of([expr])
        assert signature is not None
        signatures.append(signature)
    merged = FactSignature.merged(signatures)
    assert set(merged.fields) == {name for s in signatures for name in s.fields}
    for one, other in pairs:
        a, b = _engine_facts([one])[0], _engine_facts([other])[0]
        if merged.key(a) == merged.key(b):
            assert all(s.key(a) == s.key(b) for s in signatures)
        assert merged.key(a) == merged.key({**a, "unrelated": 9})  # an attribute no rule reads changes no key
        for s in signatures:
            if s.key(a) != s.key(b):
                assert merged.key(a) != merged.key(b)


def test_merged_signature_places_numbers_among_every_rulesets_constants() -> None:
    one = FactSignature.of([{"$lt": {"days": 30}}])
    other = FactSignature.of([{"$gte": {"days": 90}}, {"kind": "drug"}])
    assert one is not None and other is not None
    merged = FactSignature.merged([one, other])
    assert merged.fields == ["days", "kind"]
    key = merged.key
    assert key({"days": 10, "kind": "drug"}) != key({"days": 50, "kind": "drug"})  # 30 parts them (one's constant)
    assert key({"days": 50, "kind": "drug"}) != key({"days": 95, "kind": "drug"})  # 90 parts them (other's constant)
    assert key({"days": 40, "kind": "drug"}) == key({"days": 50, "kind": "drug"})


def test_engine_fact_from_the_dump_is_to_engine_fact(engine: Engine) -> None:

    for folder in REAL:
        case = load_case(folder / "case.yaml")
        when = resolve_as_of(case, None).date
        for d in derive_items(case, engine._requested_items(case), when, engine.vocabulary):
            assert engine_fact(d.facts.model_dump(mode="json")) == d.facts.to_engine_fact()
