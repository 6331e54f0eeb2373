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
  never matches an empty list, and comparisons never match an absent attribute;
- its JSON reader rejects numbers in exponent notation, which is how Python
  writes floats below 1e-4 or from 1e16 up (error 204, the C engine's own
  exception type): `check_fact` refuses them first, as an EngineError.

The library is not thread-safe; a lock serialises evaluations, and our
rulesets live on a host of our own that starts no background threads
(`_SyncHost`).

Speed: an assert + retract costs ~30 us (two JSON round trips and a Python
action per firing), which is most of an evaluation. Every rule here reads ONE
fact and compares its attributes only with constants, so what fires for a fact
depends only on (a) the exact value of each non-numeric attribute the rules
name and (b) where each numeric attribute falls among the constants it is
compared with. `FactSignature` computes that key; a ruleset built with
`memo_size > 0` asks durable_rules once per distinct key and remembers the
answer (bounded, least recently used first out). An expression this reasoning
does not cover (a reference to another fact, arithmetic) turns the memo off.
"""

from __future__ import annotations

import itertools
import threading
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from durable import engine as _engine

from ..errors import EngineError
from .expressions import MAX_GROUPS as MAX_GROUPS  # the limits live apart, importable without durable_rules
from .expressions import check_expression
from .expressions import expression_groups as expression_groups

MAX_PROPERTIES = 255  # per fact, a limit of the C engine

_names = itertools.count()
_lock = threading.RLock()
SESSION = "live"  # the one session of every compiled ruleset

Match = tuple[int, str]  # (item index, rule id)
Key = tuple[object, ...]

_COMPARISONS = frozenset({"$eq", "$neq", "$lt", "$lte", "$gt", "$gte"})
_PRESENCE = frozenset({"$ex", "$nex"})
_ARRAYS = frozenset({"$iany", "$iall"})
_ABSENT = object()  # an attribute the fact does not have


class _SyncHost(_engine.Host):
    """A durable_rules host without its background dispatch threads.

    `Host()` starts two timer loops that call into every registered ruleset
    and start a new thread for each, round after round: with ~40 rulesets that
    is hundreds of threads a second and ~5 % of a core while idle (measured),
    and a second thread entering the C engine while we assert. They exist for
    timers and queued actions, which we never use: our actions run inside
    `assert_fact`, synchronously.
    """

    def _run(self) -> None:
        pass


_the_host: _SyncHost | None = None


def _host() -> _SyncHost:
    global _the_host
    if _the_host is None:
        _the_host = _SyncHost()
    return _the_host






def check_fact(fact: dict[str, Any]) -> None:
    """Refuse a fact durable_rules cannot take: too many properties, or an unreadable number.

    Python writes floats below 1e-4 or from 1e16 up in exponent notation (1e-05),
    which the C engine's JSON reader rejects (measured: error 204, not a clean
    failure); NaN and infinities are not JSON.
    """
    if len(fact) >= MAX_PROPERTIES:
        raise EngineError(f"a fact has {len(fact)} properties; durable_rules allows {MAX_PROPERTIES - 1}")
    if not bad_floats([v for v in fact.values() if type(v) is float]):
        return  # the common case: the few floats picked out in one pass; else the loop below names the first bad one
    for name, value in fact.items():
        if type(value) is float and bad_floats([value]):
            raise EngineError(
                f"fact '{name}' = {value!r}: durable_rules cannot read numbers in exponent notation or "
                "NaN/infinity (a unit or quantity is probably wrong)"
            )


def bad_floats(floats: list[float]) -> bool:
    """Whether one of *floats* is one durable_rules cannot read (see check_fact)."""
    return any(v != 0.0 and not (1e-4 <= abs(v) < 1e16) for v in floats)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value  # NaN is no number


class _Unsupported(Exception):
    """An expression form whose outcome a signature cannot predict."""


def _single(value: Any) -> tuple[str, Any]:
    if not isinstance(value, dict) or len(value) != 1:
        raise _Unsupported
    name, constant = next(iter(value.items()))
    return name, constant


class FactSignature:
    """What a ruleset's single-fact rules can see of a fact, as a hashable key.

    Facts with equal keys fire the same rules: each attribute the rules name is
    kept exactly, except one the rules only compare with numeric constants (or
    test for presence), which is reduced to its place among those constants.
    """

    def __init__(self, exact: set[str], numeric: dict[str, set[float]]) -> None:
        self._fields: list[tuple[str, list[float] | None]] = [
            (name, None if name in exact else sorted(numeric.get(name, ())))
            for name in sorted(exact | set(numeric))
        ]
        # Read apart: the exact attributes in one C-level pass, the few numeric ones one by one.
        self._exact = tuple(name for name, bounds in self._fields if bounds is None)
        self._numeric = tuple((name, bounds) for name, bounds in self._fields if bounds is not None)

    @property
    def fields(self) -> list[str]:
        return [name for name, _ in self._fields]

    @classmethod
    def merged(cls, signatures: Iterable[FactSignature]) -> FactSignature:
        """One signature finer than each of *signatures*: equal keys under it mean equal keys under every one.

        An attribute exact in any is exact; a numeric one is placed among the constants of all.
        """
        exact: set[str] = set()
        numeric: dict[str, set[float]] = {}
        for signature in signatures:
            exact.update(signature._exact)
            for name, bounds in signature._numeric:
                numeric.setdefault(name, set()).update(bounds)
        return cls(exact, numeric)

    @classmethod
    def of(cls, expressions: Iterable[dict[str, Any]]) -> FactSignature | None:
        """The signature of a ruleset, or None when an expression is beyond it."""
        exact: set[str] = set()
        numeric: dict[str, set[float]] = {}
        try:
            for expr in expressions:
                _walk(expr, exact, numeric)
        except _Unsupported:
            return None
        return cls(exact, numeric)

    def key(self, fact: dict[str, Any]) -> Key | None:
        """The fact's key, or None when a value is not a plain JSON scalar or list of them.

        Two facts have equal keys exactly when every exact attribute is equal (absent, the same
        string, list, literal or number) and every numeric one is absent, equal, or in the same
        place among the rules' constants.
        """
        return self.key_of_values(fact)  # an engine fact holds no None or [], so it reads as its values

    def key_of_values(self, values: dict[str, Any]) -> Key | None:
        """`key(engine_fact(values))` without building the fact: None and [] read as absent, as the fact leaves them out."""
        get = values.get
        exact = tuple(map(get, self._exact, itertools.repeat(_ABSENT)))
        if not _PLAIN.issuperset(map(type, exact)):
            exact = tuple([v if type(v) is str else _ABSENT if v is None or (type(v) is list and not v)
                           else _exact_part(v) for v in exact])
            if _UNKEYABLE in exact:
                return None
        parts: list[object] = [exact]
        for name, bounds in self._numeric:  # `_numeric_part` inline: this runs for every item evaluated
            value = get(name, _ABSENT)
            if value is None or (type(value) is list and not value):
                value = _ABSENT
            if value is not _ABSENT and _is_number(value):
                i = bisect_left(bounds, value)
                parts.append(2 * i + (i < len(bounds) and bounds[i] == value))
            else:
                part = _exact_part(value)
                if part is _UNKEYABLE:
                    return None
                parts.append(part)
        return tuple(parts)

    def slots(self) -> dict[str, tuple[int, int, list[float] | None]]:
        """Where each attribute's part sits in a key: (0, index in the exact tuple, None) or (position, -1, bounds)."""
        out: dict[str, tuple[int, int, list[float] | None]] = {name: (0, i, None) for i, name in enumerate(self._exact)}
        out.update((name, (1 + j, -1, bounds)) for j, (name, bounds) in enumerate(self._numeric))
        return out


class VariedKeys:
    """The keys of facts that differ from one base fact in a few values (the what-if variants of one item).

    The base's key is made once; a variant's key is the base's with only the parts of the values it
    changes replaced, equal to `signature.key_of_values({**base, **dict(changes)})`. The checklist
    tries thousands of variants of one item, each changing one to four of its ~130 values.
    """

    def __init__(self, signature: FactSignature, base: dict[str, Any]) -> None:
        self._signature, self._base = signature, base
        self._slots = signature.slots()
        self.base_key = signature.key_of_values(base)

    def reads(self, name: str) -> bool:
        """Whether the signature's rules read *name*."""
        return name in self._slots

    def read(self, changes: Sequence[tuple[str, Any]]) -> list[tuple[str, Any]]:
        """The changes the signature's rules read (the others leave the key as it was)."""
        slots = self._slots
        return [change for change in changes if change[0] in slots]

    def key(self, changes: Sequence[tuple[str, Any]]) -> Key | None:
        """The key of the base with *changes* (read ones only: see `read`) written over it."""
        base = self.base_key
        if not changes:
            return base
        if base is None:  # the base holds an unkeyable value, which a change may overwrite
            return self._signature.key_of_values({**self._base, **dict(changes)})
        parts = list(base)
        exact: list[object] | None = None
        for name, value in changes:
            position, index, bounds = self._slots[name]
            if bounds is None:
                if exact is None:
                    exact = list(base[0])  # type: ignore[call-overload]
                exact[index] = part = _exact_value_part(value)
            else:
                parts[position] = part = _numeric_part(bounds, value)
            if part is _UNKEYABLE:
                return None
        if exact is not None:
            parts[0] = tuple(exact)
        return tuple(parts)


#: A value that makes a fact's key unknown (not a plain JSON scalar or list of strings).
_UNKEYABLE = object()
#: Types whose values are their own key part.
_PLAIN = frozenset({str, type(_ABSENT)})


def _exact_value_part(value: object) -> object:
    """An exact attribute's part of a key, from the item's value (None and [] are absent from the fact)."""
    if value is None or (type(value) is list and not value):
        return _ABSENT
    return _exact_part(value)


def _numeric_part(bounds: list[float], value: object) -> object:
    """A numeric attribute's part of a key: a number's place among the rules' constants (on one: odd), else exact."""
    if value is None or (type(value) is list and not value):
        return _ABSENT
    if value is not _ABSENT and _is_number(value):
        i = bisect_left(bounds, value)  # type: ignore[call-overload]
        return 2 * i + (i < len(bounds) and bounds[i] == value)
    return _exact_part(value)


def _exact_part(value: object) -> object:
    """A value's part of a key, kept exactly; _UNKEYABLE when it cannot be."""
    if value is _ABSENT or isinstance(value, str):
        return value
    if isinstance(value, list):
        try:
            "".join(value)  # a TypeError exactly when an element is not a str: one C-level pass
        except TypeError:
            return _UNKEYABLE
        return ("list", *value)
    if isinstance(value, bool) or value is None:
        return ("literal", value)
    if _is_number(value):
        return ("number", value)
    return _UNKEYABLE


def _walk(expr: Any, exact: set[str], numeric: dict[str, set[float]]) -> None:
    """Record which attributes an expression reads, and how."""
    if not isinstance(expr, dict):
        raise _Unsupported
    for op, value in expr.items():
        if op in ("$and", "$or"):
            if not isinstance(value, list):
                raise _Unsupported
            for part in value:
                _walk(part, exact, numeric)
        elif op in _PRESENCE:
            numeric.setdefault(_single(value)[0], set())
        elif op in _ARRAYS:
            exact.add(_single(value)[0])
        elif op in _COMPARISONS or not op.startswith("$"):
            name, constant = _single(value) if op.startswith("$") else (op, value)
            if isinstance(constant, (dict, list)):
                raise _Unsupported  # a reference to another fact, or arithmetic
            if _is_number(constant):
                numeric.setdefault(name, set()).add(constant)
            else:
                exact.add(name)
        else:
            raise _Unsupported


class CompiledRuleset:
    """A durable_rules ruleset built from (rule id, expression) pairs.

    With `memo_size > 0`, answers are remembered per fact signature (see the
    module docstring); 0 sends every fact to durable_rules.
    """

    def __init__(self, label: str, rules: Sequence[tuple[str, dict[str, Any]]], *, memo_size: int = 0) -> None:
        self.name = f"imr_{label}_{next(_names)}"
        self.rule_ids = [rid for rid, _ in rules]
        self.expressions = [expr for _, expr in rules]  # durable_rules reads them without changing them
        self._sink: list[str] = []  # the ids of the rules fired by the fact being asserted, in firing order
        for rid, expr in rules:
            check_expression(rid, expr)
        self.signature = FactSignature.of([expr for _, expr in rules]) if memo_size > 0 else None
        #: The attributes durable_rules is sent when the signature names all that the rules read: those, in the
        #: signature's order; None sends the whole fact. (The actions read nothing: `_ask` knows the fact it asserts.)
        self._reads = None if self.signature is None else tuple(self.signature.fields)
        self._memo: OrderedDict[Key, tuple[str, ...]] = OrderedDict()
        self._memo_size = memo_size
        self.asked = 0  # facts sent to durable_rules
        self.remembered = 0  # facts answered from the memo
        definitions = {rid: {"all": [{"m": expr}], "run": self._action(rid)} for rid, expr in rules}
        try:
            with _lock:
                _host().set_rulesets({self.name: definitions})
        except Exception as exc:  # the C engine reports bad expressions only as an error code
            raise EngineError(f"durable_rules refused ruleset '{label}': {exc}") from None

    def _action(self, rule_id: str) -> Callable[[Any], None]:
        """The rule's action: it notes that the rule fired (the item is the fact `_ask` is asserting).

        durable_rules runs every action of a fact inside that fact's `assert_fact`. Reading the item's
        index from the action's message instead took five of durable_rules' Python calls per fired rule.
        """
        note = self._sink.append

        def action(c: Any) -> None:  # a plain one-argument function, as durable_rules requires
            note(rule_id)

        return action

    def matches(self, facts: Iterable[dict[str, Any]], *, checked: bool = False) -> list[Match]:
        """(item, rule) pairs of every rule that holds for each fact, fact by fact.

        *checked*: the caller already ran `check_fact` on these facts (once per item, not per topic).
        """
        facts = list(facts)
        if not checked:
            for fact in facts:
                check_fact(fact)
        if self.signature is None:
            return self._ask(facts)
        out: list[Match] = []
        with _lock:
            for fact in facts:
                key = self.signature.key(fact)
                answer = self._memo.get(key) if key is not None else None
                if answer is None:
                    fired = self._ask([fact])
                    out += fired
                    if key is not None:
                        self._remember(key, tuple(rid for _, rid in fired))
                    continue
                self._memo.move_to_end(key)  # type: ignore[arg-type]
                self.remembered += 1
                index = _item_index(fact, answer)
                out += [(index, rid) for rid in answer]
        return out

    def answer(self, key: Key, fact: Callable[[], dict[str, Any]]) -> tuple[str, ...]:
        """The ids of the rules that fire for a fact whose signature key is *key*, in firing order.

        The memo's answer, else durable_rules' for the fact *fact* builds (checked by the caller), remembered.
        """
        with _lock:
            answer = self._memo.get(key)
            if answer is not None:
                self._memo.move_to_end(key)
                self.remembered += 1
                return answer
            answer = tuple(rid for _, rid in self._ask([fact()]))
            self._remember(key, answer)
            return answer

    def _remember(self, key: Key, answer: tuple[str, ...]) -> None:
        self._memo[key] = answer
        if len(self._memo) > self._memo_size:
            self._memo.popitem(last=False)

    def _ask(self, facts: list[dict[str, Any]]) -> list[Match]:
        """Assert each fact, collect (item, rule) pairs in firing order, retract the facts again."""
        with _lock:
            host = _host()
            fired = self._sink
            out: list[Match] = []
            errors: list[str] = []
            stored: list[dict[str, Any]] = []
            try:
                reads = self._reads
                for fact in facts:
                    if reads is None or len(facts) > 1:  # several facts at once: each keeps its index, so none is another's twin
                        message = {**fact, "sid": SESSION}
                    else:  # only what the rules can see: the JSON round trips cost per attribute
                        message = {k: fact[k] for k in reads if k in fact}
                        message["sid"] = SESSION
                    self.asked += 1
                    fired.clear()
                    try:
                        host.assert_fact(self.name, message)
                    except _engine.MessageNotHandledException:
                        continue  # no criterion of this ruleset holds; nothing was stored
                    except Exception as exc:  # the C engine's own error type, an error code only
                        raise EngineError(f"durable_rules refused a fact in ruleset {self.name}: {exc}") from None
                    stored.append(message)
                    if fired:
                        try:
                            index = int(fact.get("item_index"))  # type: ignore[arg-type]
                        except Exception as exc:  # raised below, once every fact asserted is retracted
                            errors += [f"{rule_id}: {exc!r}" for rule_id in fired]
                        else:
                            out += [(index, rule_id) for rule_id in fired]
            finally:
                for message in stored:
                    host.retract_fact(self.name, message)
            if errors:
                raise EngineError(f"rule action failed in ruleset {self.name}: {errors[0]}")
            return out


def _item_index(fact: dict[str, Any], answer: tuple[str, ...]) -> int:
    """The item index a rule action would have read from the fact."""
    try:
        return int(fact["item_index"])
    except Exception as exc:
        if not answer:
            return -1  # no rule fires, so no action would have read it
        raise EngineError(f"rule action failed: {answer[0]}: {exc!r}") from None
