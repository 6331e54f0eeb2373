"""Compiled conditions mean in durable_rules what the operator table says they mean.

A small reference evaluator, written here from the table in
imr_engine/rulebook/conditions.py, is compared with what durable_rules
decides for random condition trees over random facts (hypothesis).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from imr_engine.engine.compile import rule_expression, rule_expression_groups
from imr_engine.engine.durable_adapter import MAX_GROUPS, CompiledRuleset, expression_groups
from imr_engine.errors import EngineError
from imr_engine.rulebook.conditions import Condition, check_condition
from imr_engine.rulebook.model import Rule

TRI = ["yes", "no", "unknown"]
CLASSES = ["opioid", "nsaid", "benzodiazepine"]

# Three facts of each kind, all real ItemFacts fields.
ENUMS = ["muscle_spasm", "acute_exacerbation", "aberrant_behavior"]
NUMBERS = ["pain_relief_percent", "use_duration_days", "requested_supply_days"]
LISTS = ["current_drug_classes", "failed_drug_classes"]


def leaf() -> st.SearchStrategy[dict[str, Any]]:
    enum = st.sampled_from(ENUMS).flatmap(lambda f: st.one_of(
        st.builds(lambda v: {"fact": f, "is": v}, st.sampled_from(TRI)),
        st.builds(lambda v: {"fact": f, "is_not": v}, st.sampled_from(TRI)),
        st.builds(lambda v: {"fact": f, "one_of": v}, st.lists(st.sampled_from(TRI), min_size=1, max_size=2, unique=True)),
        st.builds(lambda v: {"fact": f, "none_of": v}, st.lists(st.sampled_from(TRI), min_size=1, max_size=2, unique=True)),
    ))
    number = st.sampled_from(NUMBERS).flatmap(lambda f: st.one_of(
        st.builds(lambda op, v: {"fact": f, op: v}, st.sampled_from(["lt", "lte", "gt", "gte"]), st.integers(0, 60)),
        st.builds(lambda v: {"fact": f, "known": v}, st.booleans()),
    ))
    lists = st.sampled_from(LISTS).flatmap(lambda f: st.builds(
        lambda op, v: {"fact": f, op: v}, st.sampled_from(["includes_any", "includes_none"]),
        st.lists(st.sampled_from(CLASSES), min_size=1, max_size=2, unique=True),
    ))
    return st.one_of(enum, number, lists)


conditions = st.recursive(
    leaf(),
    lambda inner: st.one_of(
        st.builds(lambda xs: {"all": xs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda xs: {"any": xs}, st.lists(inner, min_size=1, max_size=3)),
    ),
    max_leaves=8,
)

facts = st.fixed_dictionaries(
    {f: st.sampled_from(TRI) for f in ENUMS},
    optional={
        **{f: st.integers(0, 60) for f in NUMBERS},
        **{f: st.lists(st.sampled_from(CLASSES), min_size=1, max_size=3, unique=True) for f in LISTS},
    },
)


def reference(cond: dict[str, Any], fact: dict[str, Any]) -> bool:
    """The operator table, executed directly."""
    if "all" in cond:
        return all(reference(c, fact) for c in cond["all"])
    if "any" in cond:
        return any(reference(c, fact) for c in cond["any"])
    name = cond["fact"]
    value = fact.get(name)
    if "is" in cond:
        return value == cond["is"]
    if "is_not" in cond:
        return value is not None and value != cond["is_not"]
    if "one_of" in cond:
        return value in cond["one_of"]
    if "none_of" in cond:
        return value is not None and value not in cond["none_of"]
    if "known" in cond:
        return (value is not None) == cond["known"]
    if "includes_any" in cond:
        return bool(value) and any(v in value for v in cond["includes_any"])
    if "includes_none" in cond:
        return not value or not any(v in value for v in cond["includes_none"])
    op = next(k for k in ("lt", "lte", "gt", "gte") if k in cond)
    if value is None:
        return False
    return {"lt": value < cond[op], "lte": value <= cond[op], "gt": value > cond[op], "gte": value >= cond[op]}[op]


def _rule(when: dict[str, Any]) -> Rule:
    return Rule.model_validate({
        "id": "probe.rule", "title": "probe", "question": "probe?", "outcome": "medically_necessary",
        "statement": "statement", "rationale": "rationale", "would_change_if": ["x"], "when": when,
        "guideline": {"source": "MTUS", "guideline": "G", "edition": "1", "sections": ["S"],
                      "effective_from": "2000-01-01", "citation_checked": False},
    })


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cond=conditions, samples=st.lists(facts, min_size=1, max_size=6))
def test_durable_agrees_with_the_operator_table(cond: dict[str, Any], samples: list[dict[str, Any]]) -> None:
    parsed = TypeAdapter(Condition).validate_python(cond)
    check_condition(parsed)
    expr = rule_expression(_rule(cond))
    assume(expression_groups(expr) <= MAX_GROUPS)  # larger ones are refused at load (tested below)
    rs = CompiledRuleset("semantics", [("probe.rule", expr)])
    engine_facts = [{**f, "item_index": i, "as_of_day": 800_000} for i, f in enumerate(samples)]
    fired = {i for i, _ in rs.matches(engine_facts)}
    expected = {i for i, f in enumerate(samples) if reference(cond, f)}
    assert fired == expected


def test_effective_dates_gate_a_rule() -> None:
    rule = _rule({"fact": "muscle_spasm", "is": "yes"})
    rs = CompiledRuleset("dates", [(rule.id, rule_expression(rule))])
    before = rule.guideline.effective_from.toordinal() - 1
    assert rs.matches([{"item_index": 0, "muscle_spasm": "yes", "as_of_day": before}]) == []
    assert rs.matches([{"item_index": 0, "muscle_spasm": "yes", "as_of_day": before + 1}]) == [(0, "probe.rule")]


def test_too_many_groups_are_refused_before_durable_sees_them() -> None:
    pairs = {"all": [{"any": [{"fact": "muscle_spasm", "is": "yes"}, {"fact": "muscle_spasm", "is": "no"}]}] * 16}
    with pytest.raises(EngineError, match="all/any groups"):
        CompiledRuleset("too_big", [("probe.rule", rule_expression(_rule(pairs)))])


scopes = st.fixed_dictionaries({}, optional={
    key: st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True)
    for key, names in (("ingredients", ["oxycodone", "tramadol"]), ("classes", CLASSES),
                       ("services", ["physical_therapy", "acupuncture"]), ("kinds", ["drug", "therapy"]))
}).filter(bool)


@settings(max_examples=200, deadline=None)
@given(cond=st.one_of(st.none(), conditions), scope=st.one_of(st.none(), scopes))
def test_the_groups_counted_at_load_are_those_of_the_compiled_expression(
    cond: dict[str, Any] | None, scope: dict[str, Any] | None
) -> None:
    """The load counts a rule's `$and`/`$or` groups without building its expression: the same count."""
    rule = _rule(cond) if cond is not None else _rule({"fact": "muscle_spasm", "is": "yes"}).model_copy(update={"when": None})
    if scope is not None:
        rule = Rule.model_validate({**rule.model_dump(by_alias=True, exclude_none=True), "applies_to": scope})
    assert rule_expression_groups(rule) == expression_groups(rule_expression(rule))


def test_every_bundled_rule_counts_the_groups_of_its_expression() -> None:
    from imr_engine.rulebook import cached_rulebook

    for rule in cached_rulebook().rules:
        assert rule_expression_groups(rule) == expression_groups(rule_expression(rule)), rule.id
