"""What-if re-evaluation of one item: which rules fire when a few of its values are changed.

The documentation checklist asks it for thousands of variants of one item, each changing one to
four of its ~130 values (`Engine.fired_with_changes`). Every answer is durable_rules' own, asked or
remembered; what is saved is exact:

- a topic whose rules read none of a variant's changes fires for it what it fires for the item;
- a rule fires for a fact by its own expression alone (each rule reads one fact and compares it with
  constants: see durable_adapter), so a rule that reads none of the changes fires as it does for the
  item, and one that reads some fires as it did for any fact alike in what it reads (its own
  signature's key), when one was asked before (`RuleByRule`);
- only a variant that meets a rule with values not seen before is sent to durable_rules, under its
  topic's key made from the item's with only the changed parts replaced (`VariedKeys`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ..errors import EngineError
from .durable_adapter import MAX_PROPERTIES, CompiledRuleset, FactSignature, Key, VariedKeys, bad_floats, check_fact
from .evaluate import _check_values, engine_fact

#: Facts a variant never changes: the engine sets them.
NOT_VARIED = frozenset({"as_of_day", "item_index"})
#: Rule answers remembered per topic (rule, key of what it reads -> fired); emptied when full.
RULE_MEMO_SIZE = 65536

Change = Sequence[tuple[str, Any]]


class RuleByRule:
    """One topic's rules answered apart: which facts each reads, and what it answered for each key of them."""

    def __init__(self, ruleset: CompiledRuleset) -> None:
        self.rule_ids = ruleset.rule_ids
        signatures = [FactSignature.of([expression]) for expression in ruleset.expressions]
        # A topic with a signature has one for each of its rules (an expression beyond one is beyond both).
        self.signatures: list[FactSignature] = [s for s in signatures if s is not None]
        self.reading: dict[str, list[int]] = defaultdict(list)  # fact name -> the rules (their indexes) that read it
        for index, signature in enumerate(self.signatures):
            for name in signature.fields:
                self.reading[name].append(index)
        self.memo: dict[tuple[int, Key], bool] = {}

    def remember(self, rule: int, key: Key, fired: bool) -> None:
        if len(self.memo) >= RULE_MEMO_SIZE:
            self.memo.clear()
        self.memo[(rule, key)] = fired


def check_variants(base: dict[str, Any], changes: Sequence[Change]) -> bool:
    """`check_fact` of each variant's engine fact, in order, without building the facts that cannot fail it;
    returns whether the base's own fact passes it.

    A variant's fact has at most one property more per change than the base's (and its index), and a bad
    number only where the base has one or a change brings one.
    """
    try:
        _check_values(base)
        base_ok = True
    except EngineError:
        base_ok = False
    for i, change in enumerate(changes):
        if (not base_ok or len(base) + len(change) + 1 >= MAX_PROPERTIES
                or bad_floats([v for _, v in change if type(v) is float])):
            check_fact(variant_fact(base, change, i))
    return base_ok


def variant_fact(base: dict[str, Any], change: Change, index: int) -> dict[str, Any]:
    """The engine fact of one variant: the item's values, the change written over them, its own index."""
    return engine_fact({**base, **dict(change), "item_index": index})


def topic_answers(
    ruleset: CompiledRuleset, by_rule: RuleByRule | None, base: dict[str, Any], changes: Sequence[Change],
    changed: set[str],
) -> list[frozenset[str]]:
    """The ids of the rules of one topic that fire for each variant of *base* (see the module docstring);
    *changed* names every fact some variant changes.

    *by_rule* is the topic's `RuleByRule`; None asks every variant (a topic without a signature, or a base
    that durable_rules cannot take, which only variants that overwrite its bad value get past).
    """
    signature = ruleset.signature
    keys = VariedKeys(signature, base) if signature is not None and "item_index" not in signature.fields else None
    if by_rule is None or keys is None or keys.base_key is None:
        return _asked_one_by_one(ruleset, base, changes)
    item = frozenset(ruleset.answer(keys.base_key, lambda: variant_fact(base, (), 0)))
    if not any(map(keys.reads, changed)):
        return [item] * len(changes)
    rule_keys = _RuleKeys(by_rule, base, item)
    every = all(map(keys.reads, changed))  # then each variant's changes are all read
    out: list[frozenset[str]] = []
    # Variants that change the same values among those this topic reads are answered alike. Each value is
    # named by its object's identity: a variant's values are taken from a few candidates and held by *changes*.
    answered: dict[tuple[tuple[str, int], ...], frozenset[str]] = {}
    for i, change in enumerate(changes):
        read = change if every else keys.read(change)
        if not read:
            out.append(item)
            continue
        same = tuple([(name, id(value)) for name, value in read])
        answer = answered.get(same)
        if answer is not None:
            out.append(answer)
            continue
        affected = sorted({rule for name, _ in read for rule in by_rule.reading[name]})
        answer = _answer_rule_by_rule(by_rule, rule_keys, item, affected, read)
        if answer is None:  # a rule meets values it has not seen: durable_rules answers the variant
            key = keys.key(read)
            if key is None:
                answer = frozenset(_asked_one_by_one(ruleset, base, [change], first=i)[0])
            else:
                answer = frozenset(ruleset.answer(key, lambda: variant_fact(base, change, i)))  # noqa: B023 - called at once
            for rule in affected:
                rule_key = rule_keys.key(rule, read)
                if rule_key is not None:
                    by_rule.remember(rule, rule_key, by_rule.rule_ids[rule] in answer)
        answered[same] = answer
        out.append(answer)
    return out


class _RuleKeys:
    """Each rule's keys for the variants of one item, the rule's own made when it first reads a change
    (and its answer for the item remembered then)."""

    def __init__(self, by_rule: RuleByRule, base: dict[str, Any], item: frozenset[str]) -> None:
        self._by_rule, self._base, self._item = by_rule, base, item
        self._of: dict[int, VariedKeys] = {}

    def key(self, rule: int, read: Change) -> Key | None:
        """The key of the item with the changes *read* written over it, under *rule*'s signature."""
        keys = self._of.get(rule)
        if keys is None:
            by_rule = self._by_rule
            keys = self._of[rule] = VariedKeys(by_rule.signatures[rule], self._base)
            if keys.base_key is not None:
                by_rule.remember(rule, keys.base_key, by_rule.rule_ids[rule] in self._item)
        return keys.key(keys.read(read))


def _answer_rule_by_rule(
    by_rule: RuleByRule, rule_keys: _RuleKeys, item: frozenset[str], affected: list[int], read: Change,
) -> frozenset[str] | None:
    """The variant's answer from what each rule that reads a change answered before; None when one has not."""
    fired = set(item)
    for rule in affected:
        rule_key = rule_keys.key(rule, read)
        known = by_rule.memo.get((rule, rule_key)) if rule_key is not None else None
        if known is None:
            return None
        rule_id = by_rule.rule_ids[rule]
        if known:
            fired.add(rule_id)
        else:
            fired.discard(rule_id)
    return frozenset(fired)


def _asked_one_by_one(
    ruleset: CompiledRuleset, base: dict[str, Any], changes: Sequence[Change], first: int = 0,
) -> list[frozenset[str]]:
    """Each variant sent to the ruleset as a whole fact (its memo still answers a key it knows), as `matches` does."""
    fired: dict[int, set[str]] = defaultdict(set)
    facts = [variant_fact(base, change, first + n) for n, change in enumerate(changes)]
    for index, rule_id in ruleset.matches(facts, checked=True):
        fired[index].add(rule_id)
    return [frozenset(fired[first + n]) for n in range(len(changes))]
