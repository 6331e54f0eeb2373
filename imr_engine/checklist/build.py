"""The documentation checklist of each requested item, from the rules and a re-evaluation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..engine import CaseDetermination, Determination, Engine
from ..engine.derive import Derived
from ..engine.evaluate import with_surgery_outcomes
from ..facts.model import CaseFacts
from ..rulebook.conditions import facts_named
from ..rulebook.model import Rule
from .facts import COMPANION_FACTS, directed_values, is_checked_fact, label, source_of, status, wording
from .model import Change, ChangeSet, Criterion, Guideline, ItemChecklist
from .search import Found, smallest_changes

#: How many alternative change sets an item lists.
MAX_SETS = 5


def document_checklist(engine: Engine, case: CaseFacts, result: CaseDetermination) -> list[ItemChecklist]:
    """One checklist per item of *result* (the engine's determination of *case*)."""
    when = dt.date.fromisoformat(result.as_of)
    _, _, derived = engine.derive(case, when)
    with_surgery_outcomes(derived, result.items)
    by_id = {r.id: r for r in engine.book.rules}
    return [_item(engine, d, derived[d.index], by_id, when) for d in result.items]


def generation(rule: Rule) -> str:
    """The guideline generation a rule encodes: source, guideline and edition."""
    g = rule.guideline
    named = g.source == "MTUS" and not g.guideline.startswith("MTUS ")
    return f"{g.source} {g.guideline} ({g.edition})" if named else f"{g.guideline} ({g.edition})"


def _item(engine: Engine, d: Determination, derived: Derived, by_id: dict[str, Rule], when: dt.date) -> ItemChecklist:
    decisive = [by_id[r.rule_id] for r in d.rules if r.decisive]
    guidelines = [
        Guideline(rule_id=r.id, label=r.guideline.label(), generation=generation(r),
                  citation_checked=r.guideline.citation_checked)
        for r in decisive
    ]
    if d.predicted == "Indeterminate":
        return ItemChecklist(
            index=d.index, request=d.request, predicted=d.predicted,
            summary="No rule in the rule book covers this item, so no documentation is checked for it.",
        )
    dump = dict(derived.values)
    rules_as_of: dt.date | None = when
    if d.criteria_generation is not None:
        # Judged by another generation's criteria: the what-if asks that generation's rules too.
        dump["as_of_day"] = engine.carried_day(when, d.criteria_generation.id).toordinal()
        rules_as_of = None
    criteria = _criteria(decisive, dump, derived)
    scope = [r for r in engine.rules_in_scope(dump) if r.outcome != "advisory"]
    opposite = "medically_necessary" if d.predicted == "Upheld" else "not_medically_necessary"
    supporting = [r for r in scope if r.outcome == opposite]
    names = _checked_facts(decisive + supporting)
    if status("companion_surgery", dump.get("companion_surgery")) == "not_documented":
        names = [n for n in names if n not in COMPANION_FACTS]  # no surgery requested with it: nothing to document
    trials = {n: directed_values(n, dump.get(n), supporting, decisive) for n in names}
    missing = {n: v for n, v in trials.items() if status(n, dump.get(n)) == "not_documented"}
    found, complete = smallest_changes(engine, dump, d.predicted, missing, as_of=rules_as_of)
    documented_too = False
    if not found and complete and len(missing) < len(trials):
        # Nothing missing would change it: say what the record would have to say otherwise.
        found, complete = smallest_changes(engine, dump, d.predicted, trials, as_of=rules_as_of)
        documented_too = True
    sets = [_change_set(f, dump, documented_too) for f in found[:MAX_SETS]]
    criteria += _criteria_of_changes(sets, criteria, dump, derived, scope)
    return ItemChecklist(
        index=d.index, request=d.request, predicted=d.predicted, guidelines=guidelines, criteria=criteria,
        to_change=sets, search_complete=complete, summary=_summary(d.predicted, sets, complete),
    )


def _checked_facts(rules: list[Rule]) -> list[str]:
    names: list[str] = []
    for rule in rules:
        names += [n for n in facts_named(rule.when) if is_checked_fact(n) and n not in names]
    return names


def _criterion(name: str, dump: dict[str, Any], derived: Derived, rules: list[str]) -> Criterion:
    value = dump.get(name)
    state = status(name, value)
    evidence = derived.evidence.get(name, [])
    quote = evidence[0].quote if evidence and state != "not_documented" else None
    return Criterion(fact=name, label=label(name), source=source_of(name), status=state, value=value, quote=quote, rules=rules)


def _criteria(decisive: list[Rule], dump: dict[str, Any], derived: Derived) -> list[Criterion]:
    return [
        _criterion(n, dump, derived, [r.id for r in decisive if n in facts_named(r.when)])
        for n in _checked_facts(decisive)
    ]


def _criteria_of_changes(
    sets: list[ChangeSet], listed: list[Criterion], dump: dict[str, Any], derived: Derived, scope: list[Rule]
) -> list[Criterion]:
    """Facts a change set needs that the deciding rules do not read (e.g. a supporting rule's criteria)."""
    have = {c.fact for c in listed}
    out: list[Criterion] = []
    for s in sets:
        for change in s.changes:
            if change.fact not in have:
                have.add(change.fact)
                out.append(_criterion(change.fact, dump, derived,
                                      [r.id for r in scope if change.fact in facts_named(r.when)]))
    return out


def _change_set(found: Found, dump: dict[str, Any], documented_too: bool) -> ChangeSet:
    changes = [
        Change(fact=n, label=label(n), source=source_of(n), was=dump.get(n), becomes=v, wording=wording(n, v)) for n, v in found.changes
    ]
    return ChangeSet(
        changes=changes, outcome=found.outcome,
        changes_documented_facts=documented_too and any(status(c.fact, c.was) != "not_documented" for c in changes),
    )


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _summary(predicted: str, sets: list[ChangeSet], complete: bool) -> str:
    if not sets:
        tail = "" if complete else " (within the sets tried)"
        return f"No documentation of the facts these rules read changes the outcome from {predicted}{tail}."
    best = sets[0]
    words = [c.wording for c in best.changes]
    if len(words) == 1:
        first = f"{best.outcome} if this is documented: {words[0]}."
    elif len(words) == 2:
        first = f"{best.outcome} only if both are documented: {_join(words)}; either alone does not change it."
    else:
        first = f"{best.outcome} only if all {len(words)} are documented: {_join(words)}; fewer do not change it."
    if best.changes_documented_facts:
        first = "Nothing missing alone changes the outcome; the record would have to say otherwise. " + first
    if len(sets) > 1:
        others = len(sets) - 1
        first += f" {others} other set{'s' if others > 1 else ''} of facts would also change it (each set as a whole)."
    return first
