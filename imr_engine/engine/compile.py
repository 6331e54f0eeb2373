"""Compiling rule files into durable_rules rulesets, one per guideline topic.

A rule's expression is the conjunction of: the effective dates of its guideline
text (against the item's as-of day), what it applies to, and its criteria.
Files are split by topic because durable_rules fails on very large rulesets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..rulebook.conditions import compile_condition, condition_groups
from ..rulebook.load import LoadedRuleFile, RuleBook
from ..rulebook.model import AppliesTo, Rule

if TYPE_CHECKING:
    from .durable_adapter import CompiledRuleset


def applies_to_expression(scope: AppliesTo) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    if scope.ingredients:
        parts.append(compile_condition_any("ingredients", scope.ingredients))
    if scope.classes:
        parts.append(compile_condition_any("classes", scope.classes))
    if scope.services:
        parts.append(_one_of("service", scope.services))
    if scope.kinds:
        parts.append(_one_of("kind", scope.kinds))
    return parts


def compile_condition_any(fact: str, values: list[str]) -> dict[str, Any]:
    alts = [{"$iany": {fact: {"$i": v}}} for v in values]
    return alts[0] if len(alts) == 1 else {"$or": alts}


def _one_of(fact: str, values: list[str]) -> dict[str, Any]:
    alts = [{fact: v} for v in values]
    return alts[0] if len(alts) == 1 else {"$or": alts}


def rule_expression(rule: Rule) -> dict[str, Any]:
    g = rule.guideline
    parts: list[dict[str, Any]] = [{"$gte": {"as_of_day": g.effective_from.toordinal()}}]
    if g.effective_until is not None:
        parts.append({"$lte": {"as_of_day": g.effective_until.toordinal()}})
    if rule.applies_to is not None:
        parts.extend(applies_to_expression(rule.applies_to))
    if rule.when is not None:
        parts.append(compile_condition(rule.when))
    # Always an $and led by a plain comparison: a bare top-level $nex hangs durable_rules.
    return {"$and": parts}


def rule_expression_groups(rule: Rule) -> int:
    """`expression_groups(rule_expression(rule))`, counted from the rule without building the expression."""
    groups = 1  # the leading $and
    scope = rule.applies_to
    if scope is not None:  # a list of more than one name is an $or (`compile_condition_any`, `_one_of`)
        groups += sum(len(names) != 1 for names in (scope.ingredients, scope.classes, scope.services, scope.kinds)
                      if names)
    if rule.when is not None:
        groups += condition_groups(rule.when)
    return groups


def in_scope(scope: AppliesTo, item: Mapping[str, Any]) -> bool:
    """Python-side routing of an item (its item facts as plain data) to a topic: keys AND, values OR."""
    if scope.ingredients and not set(scope.ingredients) & set(item["ingredients"]):
        return False
    if scope.classes and not set(scope.classes) & set(item["classes"]):
        return False
    if scope.services and item["service"] not in scope.services:
        return False
    if scope.kinds and item["kind"] not in scope.kinds:
        return False
    return True


#: Remembered answers per topic (see durable_adapter.FactSignature): a few MB at most.
MEMO_SIZE = 4096


@dataclass
class CompiledTopic:
    """One rule file, compiled: its scope for routing and its durable ruleset."""

    source: LoadedRuleFile
    ruleset: CompiledRuleset

    def __post_init__(self) -> None:
        scope = self.source.spec.applies_to
        self._ingredients = frozenset(scope.ingredients)
        self._classes = frozenset(scope.classes)
        self._services = frozenset(scope.services)
        self._kinds = frozenset(scope.kinds)

    def applies(self, item: Mapping[str, Any]) -> bool:
        """`in_scope` with the scope's sets built once: it runs for every item and topic."""
        if self._ingredients and self._ingredients.isdisjoint(item["ingredients"]):
            return False
        if self._classes and self._classes.isdisjoint(item["classes"]):
            return False
        if self._services and item["service"] not in self._services:
            return False
        return not self._kinds or item["kind"] in self._kinds


def compile_rulebook(book: RuleBook, memo_size: int = MEMO_SIZE) -> list[CompiledTopic]:
    from .durable_adapter import CompiledRuleset  # durable_rules itself: only when rules are to be run

    return [
        CompiledTopic(
            f, CompiledRuleset(f.spec.topic, [(r.id, rule_expression(r)) for r in f.spec.rules], memo_size=memo_size)
        )
        for f in book.files
    ]
