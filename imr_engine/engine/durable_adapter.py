"""The only module that touches durable_rules.

durable_rules keeps module-global state (one host, named rulesets, sessions) and
has traps, each measured and covered by tests/engine/test_durable_behaviour.py:

- a ruleset holds at most ~1,022 live sessions (then MemoryError), and
  `delete_state` after rules with nested `$or` reads uninitialised memory
  (valgrind) and segfaults depending on heap layout: so each compiled
  ruleset keeps ONE long-lived session, and every evaluation retracts the
  facts it asserted, in `finally` (measured: flat memory over 50,000
  evaluations, clean under valgrind);
- `post` (events) fires only the first matching rule; `assert_fact` fires all:
  criteria use facts;
- a fact that matches no rule raises MessageNotHandledException, and in
  `assert_facts` one unmatched fact stops the whole batch from firing: facts
  are asserted one by one and "no match" means "no criterion holds";
- an exception raised in an action is stored in the session state, not
  raised: our actions catch and record errors themselves, and we raise them;
- registering a ruleset name twice fails, and `set_rulesets` consumes the
  definitions it is given: every compiled ruleset gets a fresh unique name and
  freshly built definitions;
- a rule that is only `$nex` (or a top-level `$or` holding one) makes
  `assert_fact` hang forever: compiled rules always start with an `$and`
  whose first test is the effective date (see compile.rule_expression);
- a rule needing more than 15 `$and`/`$or` groups is refused (error 113,
  MAX_SEQUENCE_EXPRESSIONS) and the failed registration leaves the host
  corrupt: a later `delete_state` segfaults. Expressions are therefore
  measured here and refused *before* durable_rules sees them;
- `$ne` and `$in` do not exist (`$neq`, `$or` of equalities instead), `$iall`
  never matches an empty list, and comparisons never match an absent attribute.

The library is not thread-safe; a lock serialises evaluations.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from durable import engine as _engine
from durable.lang import get_host

from ..errors import EngineError

MAX_PROPERTIES = 255  # per fact, a limit of the C engine
MAX_GROUPS = 15  # $and/$or nodes per rule; measured: 16 fails with error 113

_names = itertools.count()
_lock = threading.RLock()
SESSION = "live"  # the one session of every compiled ruleset

Match = tuple[int, str]  # (item index, rule id)


def expression_groups(expr: Any) -> int:
    """How many `$and`/`$or` nodes an expression has (durable_rules allows MAX_GROUPS)."""
    if isinstance(expr, dict):
        return sum(
            (1 if key in ("$and", "$or") else 0) + sum(expression_groups(v) for v in value)
            if key in ("$and", "$or") else 0
            for key, value in expr.items()
        )
    return 0


def check_expression(rule_id: str, expr: dict[str, Any]) -> None:
    """Refuse an expression durable_rules would reject (and be corrupted by)."""
    groups = expression_groups(expr)
    if groups > MAX_GROUPS:
        raise EngineError(
            f"rule '{rule_id}': its criteria need {groups} all/any groups; durable_rules allows "
            f"{MAX_GROUPS}: split the rule or flatten its criteria"
        )


class CompiledRuleset:
    """A durable_rules ruleset built from (rule id, expression) pairs."""

    def __init__(self, label: str, rules: Sequence[tuple[str, dict[str, Any]]]) -> None:
        self.name = f"imr_{label}_{next(_names)}"
        self.rule_ids = [rid for rid, _ in rules]
        self._sink: list[Match] = []
        self._errors: list[str] = []
        for rid, expr in rules:
            check_expression(rid, expr)
        definitions = {rid: {"all": [{"m": expr}], "run": self._action(rid)} for rid, expr in rules}
        try:
            with _lock:
                get_host().set_rulesets({self.name: definitions})
        except Exception as exc:  # the C engine reports bad expressions only as an error code
            raise EngineError(f"durable_rules refused ruleset '{label}': {exc}") from None

    def _action(self, rule_id: str) -> Callable[[Any], None]:
        sink, errors = self._sink, self._errors

        def action(c: Any) -> None:  # a plain one-argument function, as durable_rules requires
            try:
                sink.append((int(c.m["item_index"]), rule_id))
            except Exception as exc:  # recorded, because durable_rules would swallow it
                errors.append(f"{rule_id}: {exc!r}")

        return action

    def matches(self, facts: Iterable[dict[str, Any]]) -> list[Match]:
        """Assert each fact, collect (item, rule) pairs in firing order, retract the facts again."""
        with _lock:
            host = get_host()
            self._sink.clear()
            self._errors.clear()
            stored: list[dict[str, Any]] = []
            try:
                for fact in facts:
                    if len(fact) >= MAX_PROPERTIES:
                        raise EngineError(f"a fact has {len(fact)} properties; durable_rules allows {MAX_PROPERTIES - 1}")
                    message = {**fact, "sid": SESSION}
                    try:
                        host.assert_fact(self.name, message)
                    except _engine.MessageNotHandledException:
                        continue  # no criterion of this ruleset holds; nothing was stored
                    stored.append(message)
            finally:
                for message in stored:
                    host.retract_fact(self.name, message)
            if self._errors:
                raise EngineError(f"rule action failed in ruleset {self.name}: {self._errors[0]}")
            return list(self._sink)
