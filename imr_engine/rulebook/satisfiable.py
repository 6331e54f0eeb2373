"""Can a rule ever fire? Its scope and criteria checked for contradictions at load time.

A rule whose criteria contradict each other (`is: yes` and `is: no` on one fact, `gt: 10` with
`lt: 5`), or contradict its scope (a service its file does not take, an ingredient that never
carries the file's class), would load and never decide anything. The check expands the criteria
into alternatives (all/any -> a list of conjunctions) and looks for one that some item could meet.
It is deliberately conservative: when in doubt (too many alternatives, text facts) it answers
"can fire".
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .conditions import FACT_TYPES, All, Any_, Compare, Condition
from .names import KnownNames

#: Beyond this many alternatives the check gives up and assumes the rule can fire.
MAX_BRANCHES = 4096


@dataclass
class _Fact:
    """What one conjunction requires of one fact."""

    allowed: set[Any] | None = None
    excluded: set[Any] = field(default_factory=set)
    low: tuple[float, bool] | None = None  # (bound, strict)
    high: tuple[float, bool] | None = None
    known: bool = False  # a comparison or `known: true` needs a value
    unknown: bool = False  # `known: false` needs none
    must_include: list[set[str]] = field(default_factory=list)


def _alternatives(cond: Condition | None) -> list[list[Compare]] | None:
    """The criteria as a list of conjunctions, or None when there would be too many."""
    if cond is None:
        return [[]]
    if isinstance(cond, Compare):
        return [[cond]]
    if isinstance(cond, Any_):
        out: list[list[Compare]] = []
        for c in cond.any:
            sub = _alternatives(c)
            if sub is None:
                return None
            out += sub
            if len(out) > MAX_BRANCHES:
                return None
        return out
    acc: list[list[Compare]] = [[]]
    for c in cond.all:
        sub = _alternatives(c)
        if sub is None or len(acc) * len(sub) > MAX_BRANCHES:
            return None
        acc = [a + b for a in acc for b in sub]
    return acc


def _tighter(old: tuple[float, bool] | None, new: tuple[float, bool], lower: bool) -> tuple[float, bool]:
    if old is None:
        return new
    if old[0] == new[0]:
        return (old[0], old[1] or new[1])
    return max(old, new) if lower else min(old, new)


def _apply(state: _Fact, cond: Compare | _Criterion) -> None:
    op, value = cond.operator
    values = set(value) if isinstance(value, list) else {value}
    if op in ("is", "one_of"):
        state.allowed = values if state.allowed is None else state.allowed & values
    elif op in ("is_not", "none_of"):
        state.excluded |= values
    elif op in ("gt", "gte"):
        state.low = _tighter(state.low, (float(value), op == "gt"), lower=True)
        state.known = True
    elif op in ("lt", "lte"):
        state.high = _tighter(state.high, (float(value), op == "lt"), lower=False)
        state.known = True
    elif op == "known":
        if value:
            state.known = True
        else:
            state.unknown = True
    elif op == "includes_any":
        state.must_include.append(values)
    elif op == "includes_none":
        state.excluded |= values


def _possible(name: str, state: _Fact) -> bool:
    ftype = FACT_TYPES[name]
    if state.allowed is not None and not (state.allowed - state.excluded):
        return False
    if ftype.kind == "list":
        return all(group - state.excluded for group in state.must_include)
    if state.known and state.unknown:
        return False
    if ftype.kind == "number":
        if state.low and state.high:
            (lo, lo_strict), (hi, hi_strict) = state.low, state.high
            if lo > hi or (lo == hi and (lo_strict or hi_strict)):
                return False
        if ftype.minimum is not None and state.high is not None:
            hi, strict = state.high
            if hi < ftype.minimum or (hi == ftype.minimum and strict):
                return False
    return True


class _Criterion(NamedTuple):
    """A criterion a scope amounts to: the two things `_apply` reads of a `Compare`, its fact and its operator."""

    fact: str
    operator: tuple[str, Any]


def _scope_compares(scopes: Iterable[Any]) -> list[_Criterion]:
    """A scope's names as the criteria they amount to.

    Plain pairs, not `Compare` models: each is one operator over a validated scope's list of names,
    and a rule book asks this for every rule (building models for it was a tenth of the checks).
    """
    out: list[_Criterion] = []
    for scope in scopes:
        if scope is None:
            continue
        if scope.ingredients:
            out.append(_Criterion("ingredients", ("includes_any", list(scope.ingredients))))
        if scope.classes:
            out.append(_Criterion("classes", ("includes_any", list(scope.classes))))
        if scope.services:
            out.append(_Criterion("service", ("one_of", list(scope.services))))
        if scope.kinds:
            out.append(_Criterion("kind", ("one_of", list(scope.kinds))))
    return out


def _consistent_names(states: dict[str, _Fact], known: KnownNames) -> bool:
    """Scope keys that name different things must meet: an ingredient of the class, a service of the kind."""
    services = states.get("service")
    kinds = states.get("kind")
    classes = states.get("classes")
    ingredients = states.get("ingredients")
    if services is not None and services.allowed is not None:
        candidates = {s for s in services.allowed - services.excluded if s in known.service_kind}
        if kinds is not None and kinds.allowed is not None and candidates:
            candidates = {s for s in candidates if known.service_kind[s] in kinds.allowed - kinds.excluded}
        if classes is not None and candidates:
            candidates = {s for s in candidates if all(g & known.service_classes[s] for g in classes.must_include)}
        if not candidates and (services.allowed - services.excluded) <= set(known.service_kind):
            return False
    if ingredients is not None and classes is not None and classes.must_include:
        for group in ingredients.must_include:
            reach = [known.ingredient_classes.get(i, frozenset()) for i in group - ingredients.excluded]
            if not any(all(g & r for g in classes.must_include) for r in reach):
                return False
    return True


def can_fire(cond: Condition | None, scopes: Iterable[Any], known: KnownNames | None) -> bool:
    """False only when no item could meet the scopes and the criteria together."""
    branches = _alternatives(cond)
    if branches is None:
        return True
    scope = _scope_compares(scopes)
    for branch in branches:
        states: dict[str, _Fact] = {}
        criteria: list[Compare | _Criterion] = [*scope, *branch]
        for c in criteria:
            _apply(states.setdefault(c.fact, _Fact()), c)
        if all(_possible(n, s) for n, s in states.items()) and (known is None or _consistent_names(states, known)):
            return True
    return False


def finite_limits(cond: Condition | None) -> Iterable[tuple[str, float]]:
    """(fact, value) for every numeric limit that is not a finite number (.inf, .nan in YAML)."""
    def walk(c: Condition) -> Iterable[tuple[str, float]]:
        if isinstance(c, All):
            for x in c.all:
                yield from walk(x)
        elif isinstance(c, Any_):
            for x in c.any:
                yield from walk(x)
        else:
            _, value = c.operator
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, float) and not math.isfinite(v):
                    yield c.fact, v

    if cond is not None:
        yield from walk(cond)
