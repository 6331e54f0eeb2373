"""Evaluating a case: derive item facts, run the rules, decide each item.

Decision policy (the evidence hierarchy of 8 CCR 9792.21.1):
1. Only rules that fired count; an item no rule speaks to is Indeterminate,
   never guessed.
2. The highest evidence tier that has a deciding rule decides: MTUS before
   other guidelines.
3. Within that tier, one unmet criterion is enough to deny: any
   not-medically-necessary rule makes the item Upheld; otherwise Overturned.
Advisory rules never decide; they attach advice (e.g. taper, don't stop).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..errors import EngineError
from ..facts.model import CaseFacts
from ..requests.model import RequestedItem
from ..rulebook.load import RuleBook
from ..rulebook.model import Rule
from .compile import CompiledTopic, compile_rulebook
from .derive import Derived, Terminology, derive_items
from .determination import CaseDetermination, Determination, FactUsed, FiredRule
from .explain import compose_rationale, template_values
from .requests import requested_items

TIER_LABEL = {1: "MTUS", 2: "non-MTUS"}


def resolve_as_of(case: CaseFacts, fallback: dt.date | None) -> tuple[dt.date, str]:
    """The date rules are applied at: explicit, else UR decision, else latest report, else the caller's."""
    if case.as_of is not None:
        return case.as_of, "explicit"
    if case.ur_decision_date is not None:
        return case.ur_decision_date.date.earliest(), "ur_decision_date"
    if case.report_dates:
        return max(r.date.earliest() for r in case.report_dates), "latest_report"
    if fallback is not None:
        return fallback, "caller"
    raise EngineError(
        "the case has no UR decision date and no dated report; pass an as-of date (--as-of YYYY-MM-DD)",
        source=case.case_id,
    )


class Engine:
    """A compiled rule book, ready to evaluate many cases."""

    def __init__(self, book: RuleBook, vocabulary: Terminology) -> None:
        self.book = book
        self.vocabulary = vocabulary
        self.topics: list[CompiledTopic] = compile_rulebook(book)

    def evaluate(self, case: CaseFacts, as_of: dt.date | None = None) -> CaseDetermination:
        when, when_source = resolve_as_of(case, as_of)
        items = requested_items(case, self.vocabulary)
        derived = derive_items(case, items, when, self.vocabulary)
        fired = self._fire(derived)
        determinations = [
            self._decide(case, index, items[index], d, fired.get(index, []), when)
            for index, d in enumerate(derived)
        ]
        return CaseDetermination(
            case_id=case.case_id,
            as_of=when.isoformat(),
            as_of_source=when_source,  # type: ignore[arg-type]
            rules_version=self.book.version,
            items=determinations,
        )

    def _fire(self, derived: list[Derived]) -> dict[int, list[Rule]]:
        fired: dict[int, set[str]] = defaultdict(set)
        for topic in self.topics:
            facts = [d.facts.to_engine_fact() for d in derived if topic.applies(d.facts)]
            if not facts:
                continue
            for index, rule_id in topic.ruleset.matches(facts):
                fired[index].add(rule_id)
        order = self.book.order
        return {i: [self.book.by_id[r] for r in sorted(ids, key=order.__getitem__)] for i, ids in fired.items()}

    def _decide(
        self, case: CaseFacts, index: int, item: RequestedItem, derived: Derived, rules: list[Rule], as_of: dt.date
    ) -> Determination:
        request = case.requests[index].text
        deciding = [r for r in rules if r.outcome != "advisory"]
        advisory = [r for r in rules if r.outcome == "advisory"]
        values = template_values(case, item, derived, as_of)
        if not deciding:
            return Determination(
                index=index, request=request, predicted="Indeterminate", medically_necessary=None,
                rules=[self._fired(r, derived, False) for r in advisory],
                citations=[r.guideline.as_citation() for r in advisory],
                rationale=compose_rationale([], request, None, values),
                advisories=[r.advisory for r in advisory if r.advisory],
            )
        tier = min(r.tier for r in deciding)
        in_tier = [r for r in deciding if r.tier == tier]
        necessary = not any(r.outcome == "not_medically_necessary" for r in in_tier)
        outcome = "medically_necessary" if necessary else "not_medically_necessary"
        decisive = [r for r in in_tier if r.outcome == outcome]
        others = [r for r in deciding if r not in decisive]
        trace = [self._fired(r, derived, True) for r in decisive]
        trace += [self._fired(r, derived, False) for r in others + advisory]
        citations = []
        for r in decisive + advisory:
            c = r.guideline.as_citation()
            if c not in citations:
                citations.append(c)
        would_change: list[str] = []
        for r in decisive:
            would_change += [w for w in r.would_change_if if w not in would_change]
        advisories: list[str] = []
        for r in decisive + advisory:
            if r.advisory and r.advisory not in advisories:
                advisories.append(r.advisory)
        return Determination(
            index=index,
            request=request,
            predicted="Overturned" if necessary else "Upheld",
            medically_necessary=necessary,
            decided_by=TIER_LABEL[tier],  # type: ignore[arg-type]
            rules=trace,
            citations=citations,
            rationale=compose_rationale(decisive, request, necessary, values),
            would_change_if=would_change,
            advisories=advisories,
            leans_on_rationale_facts=any(f.rationale_only for fr in trace if fr.decisive for f in fr.facts),
        )

    def _fired(self, rule: Rule, derived: Derived, decisive: bool) -> FiredRule:
        return FiredRule(
            rule_id=rule.id,
            title=rule.title,
            question=rule.question,
            outcome=rule.outcome,
            tier=TIER_LABEL[rule.tier],  # type: ignore[arg-type]
            decisive=decisive,
            citation=rule.guideline.as_citation(),
            citation_label=rule.guideline.label(),
            facts=facts_used(rule, derived),
        )


def leans_on_rationale(value: object, evidence: list) -> bool:
    """A fact leans on a rationale when only a rationale states it and it says something.

    "Not documented" (unknown, no number, no list) needs no evidence, so a rationale quote
    attached to it explains the gap but is not leaned on.
    """
    if value in ("unknown", None, []):
        return False
    return bool(evidence) and all(e.source == "rationale" for e in evidence)


def facts_used(rule: Rule, derived: Derived) -> list[FactUsed]:
    """The facts a rule read, with values and the letter's words behind them."""
    from ..rulebook.conditions import facts_named

    names: list[str] = []
    if rule.applies_to is not None:
        scope = rule.applies_to
        names += [n for n, used in (("ingredients", scope.ingredients), ("classes", scope.classes),
                                    ("service", scope.services), ("kind", scope.kinds)) if used]
    names += [n for n in facts_named(rule.when) if n not in names]
    values = derived.facts.model_dump(mode="json")
    out = []
    for name in names:
        evidence = derived.evidence.get(name, [])
        out.append(FactUsed(
            name=name,
            value=values.get(name),
            evidence=evidence,
            rationale_only=leans_on_rationale(values.get(name), evidence),
        ))
    return out
