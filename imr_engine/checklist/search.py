"""The smallest sets of facts that change an outcome, found by re-evaluating the rules.

Breadth first over sets of facts: every set of one supplied fact, then of two, and so on,
each re-evaluated through the compiled rules (one batch per size) and decided by the
engine's own policy. A set counts when the outcome changes with all of its facts supplied
and it holds no smaller set that already does. So "both must be documented" is what the
rules answer, never a reading of the rules' own wish lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations, islice, product
from typing import Any

from ..engine import Engine
from ..engine.evaluate import decide

#: Largest set tried, and re-evaluations allowed per item and stage (a stage is ~1-30 ms per 1,000).
MAX_SIZE = 4
BUDGET = 6000


@dataclass(frozen=True)
class Found:
    """A set of (fact, value) changes and the outcome re-evaluation gave with them."""

    changes: tuple[tuple[str, Any], ...]
    outcome: str


def smallest_changes(
    engine: Engine, dump: dict[str, Any], current: str,
    candidates: dict[str, list[Any]], *, as_of: dt.date | None = None, budget: int = BUDGET,
) -> tuple[list[Found], bool]:
    """Inclusion-minimal change sets that give an outcome other than *current* (and not Indeterminate).

    Searches up to one size beyond the smallest set found (alternatives a reviewer may find easier
    to document), at most MAX_SIZE facts. Returns the sets and whether the search was complete.
    """
    names = [n for n in candidates if candidates[n]]
    found: list[Found] = []
    spent, complete, stop_after = 0, True, MAX_SIZE
    for size in range(1, min(MAX_SIZE, len(names)) + 1):
        if size > stop_after:
            break
        room = budget - spent
        # One more than there is room for tells that the budget cuts the stage short: no more are made.
        variants = list(islice(_variants(names, size, candidates, found), room + 1))
        if len(variants) > room:
            variants, complete = variants[:room], False
        spent += len(variants)
        fired = engine.fired_with_changes(dump, variants, as_of)
        for changes, rules in zip(variants, fired):
            outcome, _ = decide(rules)
            if outcome not in (current, "Indeterminate"):
                found.append(Found(changes, outcome))
        if found and stop_after == MAX_SIZE:
            stop_after = size + 1
        if not complete:
            break
    return _one_value_per_fact_set(found), complete


def _variants(
    names: list[str], size: int, candidates: dict[str, list[Any]], found: list[Found],
) -> Iterator[tuple[tuple[str, Any], ...]]:
    """Every set of *size* facts with each combination of their candidate values, in order, less the sets
    that hold a smaller set already *found* to change the outcome."""
    smaller = {frozenset(n for n, _ in f.changes) for f in found}
    for group in combinations(names, size):
        if smaller and any(s.issubset(group) for s in smaller):
            continue
        for values in product(*(candidates[n] for n in group)):
            yield tuple(zip(group, values))


def _one_value_per_fact_set(found: list[Found]) -> list[Found]:
    """One representative per set of facts (the first value tried), smallest sets first."""
    seen: set[frozenset[str]] = set()
    out: list[Found] = []
    for f in sorted(found, key=lambda f: len(f.changes)):
        key = frozenset(n for n, _ in f.changes)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
