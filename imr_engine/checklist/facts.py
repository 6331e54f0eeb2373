"""Which item facts are documentation, how each reads, and which values a rule could care about.

The rules read item facts of two kinds: what the request line says (drug, dose, visits,
route...) and what the record documents (function, pain relief, monitoring, findings,
history). Only the second is the reviewer's to document, so only it enters the checklist
and the what-if re-evaluations.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..engine.explain import TRI_WORDS
from ..facts.derived import REQUEST_LINE_FACTS, ItemFacts
from ..rulebook.conditions import FACT_TYPES, All, Any_, Compare, Condition
from ..rulebook.model import Rule
from .model import Status, Value

#: What is requested (the product, service and its routing): never a documentation gap.
IDENTITY_FACTS = frozenset({
    "item_index", "kind", "drug_class", "classes", "ingredients", "service", "form", "route", "as_of_day",
    "requested_drug_classes", "requested_services", "body_region", "target_regions", "jurisdiction",
})
#: Whether a surgery is requested with the item, and its details: what the request for authorization
#: holds, so a checklist names them only when a surgery is requested with the item.
COMPANION_FACTS = frozenset({
    "companion_surgery", "companion_surgery_service", "companion_surgery_necessary", "companion_surgery_risk",
    "companion_stay_days",
})
#: Details the request line gives (or the doses of every request line together), not the record:
#: the facts read from the line alone, and its quantities, timing and purpose.
REQUEST_FACTS = COMPANION_FACTS | REQUEST_LINE_FACTS | frozenset({
    "release", "prn", "request_purpose", "visits_requested", "levels_requested", "requested_supply_days",
    "item_med_mg", "frequency_per_week", "duration_weeks", "duration_days", "hours_requested", "hours_per_week", "trial",
    "acquisition", "approach", "maintenance_request", "cumulative_med_mg", "cumulative_med_at_least_mg",
    "sessions_total_at_least", "stay_within_target",
})
#: Values that mean "the record says nothing" for facts that are not yes/no/unknown.
_SILENT = ("unknown", "none", None)
#: At most this many trial values per fact (numbers: the thresholds rules compare against).
MAX_VALUES = 3


def is_checked_fact(name: str) -> bool:
    """A fact a checklist lists: documented in the record or detailed on the request line."""
    return name in FACT_TYPES and name not in IDENTITY_FACTS


def source_of(name: str) -> str:
    return "request" if name in REQUEST_FACTS else "record"


def label(name: str) -> str:
    """The fact in words: its name, spelt out."""
    return name.replace("_", " ").replace("adl", "ADL").replace("cures", "CURES")


def status(name: str, value: Value) -> Status:
    """Documented, documented absent, or not documented, from the value the rules saw."""
    kind = FACT_TYPES[name]
    if kind.kind == "enum" and set(kind.values) == set(TRI_WORDS):
        return {"yes": "documented", "no": "documented_absent"}.get(str(value), "not_documented")  # type: ignore[return-value]
    if kind.kind == "list":
        return "documented" if value else "not_documented"
    return "not_documented" if value in _SILENT else "documented"


def wording(name: str, value: Value) -> str:
    """A supplied value in words: 'return to work: documented', 'pain relief percent: 30'."""
    if isinstance(value, str) and value in TRI_WORDS:
        return f"{label(name)}: {TRI_WORDS[value]}"
    if isinstance(value, list):
        return f"{label(name)}: {', '.join(v.replace('_', ' ') for v in value)}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    shown = str(value).replace("_", " ") if value is not None else "not documented"
    return f"{label(name)}: {shown}"


def leaves(cond: Condition | None) -> Iterable[Compare]:
    """Every single-fact test of a condition."""
    if isinstance(cond, All):
        for c in cond.all:
            yield from leaves(c)
    elif isinstance(cond, Any_):
        for c in cond.any:
            yield from leaves(c)
    elif cond is not None:
        yield cond


def holds(leaf: Compare, value: Any) -> bool:
    """Whether one single-fact test holds for *value* (None: not documented), as the compiled rules read it.

    Used only to choose which values to try; whether a set of them changes the outcome is
    always decided by re-evaluating the compiled rules.
    """
    op, arg = leaf.operator
    if op == "known":
        return (value is not None) == arg
    if op in ("lt", "lte", "gt", "gte"):
        if value is None:
            return False
        return {"lt": value < arg, "lte": value <= arg, "gt": value > arg, "gte": value >= arg}[op]
    if op in ("includes_any", "includes_none"):
        hit = bool(set(value or []) & set(arg))
        return hit if op == "includes_any" else not hit
    if value is None:
        return False
    if op == "is":
        return bool(value == arg)
    if op == "is_not":
        return bool(value != arg)
    return (value in arg) if op == "one_of" else (value not in arg)  # one_of / none_of take a list


def directed_values(name: str, current: Value, to_hold: Iterable[Rule], to_clear: Iterable[Rule]) -> list[Any]:
    """Trial values of *name* that make a test of it hold in a rule of *to_hold* or fail in one of *to_clear*.

    To turn a denial around, the approving rules' criteria must come to hold and the denying
    rules' criteria must stop holding; other values cannot help, so they are not tried.
    """
    hold, clear = list(to_hold), list(to_clear)
    wanted = []
    for value in trial_values(name, current, hold + clear):
        if any(leaf.fact == name and holds(leaf, value) for r in hold for leaf in leaves(r.when)) or any(
            leaf.fact == name and not holds(leaf, value) for r in clear for leaf in leaves(r.when)
        ):
            wanted.append(value)
    return wanted


def trial_values(name: str, current: Value, rules: Iterable[Rule]) -> list[Any]:
    """Values of *name* worth trying: those the rules' conditions distinguish, other than *current*.

    yes/no facts try yes and no; other enums the values rules name; numbers the thresholds rules
    compare against (just over a strict bound, just under an upper one); lists each value a rule
    looks for, alone.
    """
    kind = FACT_TYPES[name]
    found: list[Any] = []
    if kind.kind == "enum" and set(kind.values) == set(TRI_WORDS):
        found = ["yes", "no"]
    else:
        integer = ItemFacts.model_fields[name].annotation in (int, int | None)
        step = 1 if integer else 0.5
        for rule in rules:
            for leaf in leaves(rule.when):
                if leaf.fact != name:
                    continue
                op, arg = leaf.operator
                if kind.kind == "number":
                    found += {"gte": [arg], "gt": [arg + step], "lte": [arg], "lt": [arg - step],
                              "is": [arg], "is_not": []}.get(op, [])
                elif kind.kind == "list":
                    found += [[v] for v in arg]
                else:
                    found += arg if isinstance(arg, list) else [arg]
        if kind.kind == "number":
            found = [int(v) if integer else float(v) for v in found if v >= 0]
    out: list[Any] = []
    for v in found:
        if v != current and v not in out and v not in _SILENT:
            out.append(v)
    return out[:MAX_VALUES]
