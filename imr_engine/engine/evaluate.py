"""Evaluating a case: derive item facts, run the rules, decide each item.

Decision policy (the evidence hierarchy of 8 CCR 9792.21.1):
1. Only rules that fired count. An item that no rule fired for but that a topic
   covers with rules saying when the guideline supports it is not medically
   necessary: none of those circumstances is documented, so medical necessity
   is not established (basis `not_established`, citing those rules). Only an
   item no such topic covers is Indeterminate, never guessed.
2. The highest evidence tier that has a deciding rule decides: MTUS before
   other guidelines.
3. Within that tier, one unmet criterion is enough to deny: any
   not-medically-necessary rule makes the item Upheld; otherwise Overturned.
Advisory rules never decide; they attach advice (e.g. taper, don't stop).
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ..citations import Citation
from ..errors import EngineError
from ..facts.derived import FLOAT_FIELDS, REQUEST_LINE_FACTS
from ..facts.model import CaseFacts, DatedFact
from ..formulary import Formulary
from ..requests.model import RequestedItem
from ..rulebook.conditions import decided_by, facts_named
from ..rulebook.generations import Generation, GenerationRef, InForce
from ..rulebook.load import RuleBook
from ..rulebook.model import Rule
from ..vocabulary import Vocabulary
from .compile import CompiledTopic, compile_rulebook, in_scope
from .confidence import Confidence, confidence
from .derive import Derived, Terminology, derive_items
from .determination import CaseDetermination, Determination, FactUsed, FiredRule, trusted, trusted_fields
from .durable_adapter import MAX_PROPERTIES, CompiledRuleset, FactSignature, bad_floats, check_fact
from .explain import Rationales, compose_rationale, not_established_rationale, template_values
from .jurisdiction import TEXAS_FALLBACK, is_odg, odg_start, texas_fallback_sentence, texas_sentence
from .regions import case_region

if TYPE_CHECKING:
    from .whatif import RuleByRule

TIER_LABEL = {1: "MTUS", 2: "non-MTUS"}
#: Facts an item's request fixes: whatever else is documented, they stay. A supporting rule that
#: these already rule out (a spine criterion for a shoulder x-ray) does not make the item covered.
REQUEST_FACTS = REQUEST_LINE_FACTS | frozenset({
    "kind", "service", "ingredients", "classes", "drug_class", "form", "route", "release",
    "body_region", "target_regions", "acquisition", "approach", "request_purpose",
    "companion_surgery", "companion_surgery_service", "companion_surgery_risk", "companion_stay_days",
    "stay_within_target",
})
#: Facts that say whether a guideline speaks to the item at all, not what it asks to be documented:
#: the Postsurgical Treatment Guidelines cover therapy only within a postsurgical period (8 CCR
#: 9792.24.3), so therapy with no surgery in that period is judged by the guideline for the condition;
#: and an ODG criterion written for Texas items only (where California's MTUS has its own) never speaks to a California one.
CONTEXT_FACTS = frozenset({"postsurgical_period", "jurisdiction"})
#: Distinct (kind, service, ingredients, classes) routes remembered; a corpus has few.
ROUTE_MEMO_SIZE = 4096
#: Items' answers remembered across all their topics at once (see Engine._fire), least recently used out first.
FIRING_MEMO_SIZE = 8192
#: Facts used without a quote (name, value, derivation), shared by every item that reads them; emptied when full.
BARE_FACTS_MEMO_SIZE = 4096
#: Distinct lists of fired rules whose decision is remembered (Engine._plan); emptied when full.
PLAN_MEMO_SIZE = 4096


@dataclass(frozen=True)
class AsOf:
    """The date rules are applied at, where it came from, and what was assumed to get it."""

    date: dt.date
    source: str
    quote: str | None = None
    warning: str | None = None


def resolve_as_of(case: CaseFacts, explicit: dt.date | None) -> AsOf:
    """Explicit date, else the UR decision date, else the latest report, else the latest date mentioned.

    Only a text with no date at all is refused: a guessed date is answered with a warning
    that names it, never silently.
    """
    if explicit is not None:
        return AsOf(explicit, "explicit")
    if case.as_of is not None:
        return AsOf(case.as_of, "explicit")
    if case.ur_decision_date is not None:
        return AsOf(case.ur_decision_date.date.earliest(), "ur_decision_date", _quote(case.ur_decision_date))
    if case.rfa_date is not None:  # a review or referral packet is judged as of the request it forwards
        return AsOf(case.rfa_date.date.earliest(), "rfa_date", _quote(case.rfa_date))
    if case.report_dates:
        latest = max(case.report_dates, key=lambda r: r.date.earliest())
        return AsOf(latest.date.earliest(), "latest_report", _quote(latest))
    if case.latest_date_mentioned is not None:
        found = case.latest_date_mentioned
        return AsOf(
            found.date.earliest(), "latest_date_mentioned", _quote(found),
            f"no UR decision, visit or report date was found: the rules were applied as of {found.date}, "
            "the latest date the text mentions; pass --as-of if the request was made on another date",
        )
    raise EngineError(
        "the text has no date at all (no UR decision, visit, report or other date); pass an as-of date "
        "(--as-of YYYY-MM-DD)",
        source=case.case_id,
    )


def _quote(fact: DatedFact) -> str | None:
    return fact.evidence[0].quote if fact.evidence else None


@dataclass(frozen=True)
class _RuleView:
    """What a determination needs of a rule, computed once per engine rather than per item."""

    rule: Rule
    citation: Citation
    citation_key: tuple[object, ...]
    label: str
    tier: str
    fact_names: tuple[str, ...]
    #: Its trace entry's fields but the facts, in `FiredRule`'s order, not decisive and decisive (see Engine._fired).
    as_fired: tuple[dict[str, Any], dict[str, Any]] = field(compare=False)

    @classmethod
    def of(cls, rule: Rule, generation: Generation | None = None) -> _RuleView:
        """The view of a rule as applied under *generation* (named in its citation and label)."""
        citation = rule.guideline.as_citation()
        label = rule.guideline.label()
        if generation is not None:
            citation = citation.model_copy(update={"generation": generation.title})
            label = f"{label}; generation: {generation.title}"
        tier = TIER_LABEL[rule.tier]
        fired = {"rule_id": rule.id, "title": rule.title, "question": rule.question, "outcome": rule.outcome,
                 "tier": tier, "decisive": False, "citation": citation, "citation_label": label}
        return cls(
            rule=rule,
            citation=citation,
            citation_key=(citation.source, citation.guideline, citation.sections, citation.pages),
            label=label,
            tier=tier,
            fact_names=tuple(rule_fact_names(rule)),
            as_fired=(fired, {**fired, "decisive": True}),
        )


@dataclass(frozen=True)
class _Plan:
    """How the rules that fired for an item decide it, whatever the item (see Engine._plan)."""

    rules: tuple[_RuleView, ...]
    deciding: tuple[_RuleView, ...]
    advisory: tuple[_RuleView, ...]
    #: With deciding rules only: the outcome, the deciding tier, the decisive rules, the others then
    #: the advisory ones (the trace's order), citations, what would change it, and the advice.
    necessary: bool = False
    tier: int = 0
    decisive: tuple[_RuleView, ...] = ()
    rest: tuple[_RuleView, ...] = ()
    decisive_rules: tuple[Rule, ...] = ()
    citations: tuple[Citation, ...] = ()
    would_change: tuple[str, ...] = ()
    advisories: tuple[str, ...] = ()
    #: The decisive rules' rationale, remembered per the values it names (with deciding rules only).
    rationales: Rationales | None = field(default=None, compare=False)

    @classmethod
    def of(cls, rules: list[_RuleView]) -> _Plan:
        deciding = [r for r in rules if r.rule.outcome != "advisory"]
        advisory = [r for r in rules if r.rule.outcome == "advisory"]
        if not deciding:
            return cls(tuple(rules), (), tuple(advisory))
        predicted, tier = decide([r.rule for r in deciding])
        in_tier = [r for r in deciding if r.rule.tier == tier]
        necessary = predicted == "Overturned"
        outcome = "medically_necessary" if necessary else "not_medically_necessary"
        decisive = [r for r in in_tier if r.rule.outcome == outcome]
        decisive_ids = {r.rule.id for r in decisive}
        others = [r for r in deciding if r.rule.id not in decisive_ids]
        citations = _distinct_citations(decisive + advisory)
        would_change: list[str] = []
        for r in decisive:
            would_change += [w for w in r.rule.would_change_if if w not in would_change]
        advisories: list[str] = []
        for r in decisive + advisory:
            if r.rule.advisory and r.rule.advisory not in advisories:
                advisories.append(r.rule.advisory)
        return cls(
            tuple(rules), tuple(deciding), tuple(advisory), necessary, tier, tuple(decisive), tuple(others + advisory),
            tuple(r.rule for r in decisive), tuple(citations), tuple(would_change), tuple(advisories),
            Rationales([r.rule for r in decisive]),
        )


def _distinct_citations(views: list[_RuleView]) -> list[Citation]:
    """The views' citations in order, each (source, guideline, sections, pages) once: the first view's stands."""
    citations: list[Citation] = []
    seen: set[tuple[object, ...]] = set()
    for r in views:
        if r.citation_key not in seen:
            seen.add(r.citation_key)
            citations.append(r.citation)
    return citations


class _Views(dict[str, _RuleView]):
    """Each rule's view under one generation, built when the rule first fires or is named.

    A batch fires a fraction of the rule book; building every view up front was a fixed cost
    per engine and generation (about 2 % of evaluating 500 letters).
    """

    def __init__(self, rules: dict[str, Rule], generation: Generation | None) -> None:
        super().__init__()
        self._rules, self._generation = rules, generation

    def __missing__(self, rule_id: str) -> _RuleView:
        view = self[rule_id] = _RuleView.of(self._rules[rule_id], self._generation)
        return view


@dataclass
class _Judging:
    """One case being evaluated: what every step of judging its items reads."""

    case: CaseFacts
    items: list[RequestedItem]
    derived: list[Derived]
    dumps: list[dict[str, Any]]
    when: dt.date
    shared: dict[tuple[object, ...], FactUsed]
    found: InForce | None
    texas: bool = False  # judged by the ODG first (see .jurisdiction)

    @property
    def prefix(self) -> str:
        """What an item judged by the MTUS rules opens with: in Texas, that they stood in for the ODG."""
        return texas_fallback_sentence() if self.texas else ""


class Engine:
    """A compiled rule book, ready to evaluate many cases."""

    def __init__(self, book: RuleBook, vocabulary: Terminology, formulary: Formulary | None = None) -> None:
        self.book = book
        self.vocabulary = vocabulary
        self.formulary = formulary
        self.topics: list[CompiledTopic] = compile_rulebook(book)
        self._views_by_generation: dict[str | None, _Views] = {}
        #: Views naming no generation (a rule book without generations.yaml); see _views_for.
        self._views = self._views_for(None)
        self._refs: dict[str, GenerationRef] = {}
        self._routes: dict[tuple[object, ...], tuple[int, ...]] = {}
        #: Per route (its topics), one signature finer than each topic's: None when a topic has none.
        self._route_signatures: dict[tuple[int, ...], FactSignature | None] = {}
        self._route_rulesets: dict[tuple[int, ...], tuple[CompiledRuleset, ...]] = {}
        #: (route, the item fact's key under the route's signature) -> ids of the rules that fire.
        self._answers: OrderedDict[tuple[object, ...], tuple[str, ...]] = OrderedDict()
        self._by_rule: dict[int, RuleByRule] = {}  # per topic, for what-if variants (whatif.py), built when first asked
        #: FactUsed of facts without a quote, by (name, value, derivation): the same for every item (read-only).
        self._bare_facts: dict[tuple[object, ...], FactUsed] = {}
        self._parse_request: Callable[..., RequestedItem] | None = None
        #: How each distinct list of fired rules decides (by the identities of its views), see _plan.
        self._plans: dict[tuple[int, ...], _Plan] = {}
        self._odg_from = odg_start(book.rules, [g.effective_from for g in book.generations.list] if book.generations else [])

    @property
    def names(self) -> Vocabulary | None:
        """The vocabulary of this rule book (None for a bare terminology), for reading text with it."""
        found = getattr(self.vocabulary, "vocabulary", self.vocabulary)
        return found if isinstance(found, Vocabulary) else None

    def evaluate(self, case: CaseFacts, as_of: dt.date | None = None) -> CaseDetermination:
        """One determination per requested item; a fact the model refuses is an EngineError."""
        try:
            return self._evaluate(case, as_of)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise EngineError(
                f"the case cannot be evaluated: {exc.title} field '{where}': {first['msg']}", source=case.case_id
            ) from None

    def derive(self, case: CaseFacts, as_of: dt.date | None = None) -> tuple[AsOf, list[RequestedItem], list[Derived]]:
        """The as-of date, each requested item and its derived item facts: what the rules read."""
        resolved = resolve_as_of(case, as_of)
        items = self._requested_items(case)
        return resolved, items, derive_items(case, items, resolved.date, self.vocabulary)

    def fired_with_changes(
        self, facts: Mapping[str, Any], changes: Sequence[Sequence[tuple[str, Any]]], as_of: dt.date | None = None
    ) -> list[list[Rule]]:
        """The rules that fire for each variant of one item's facts: its values with one of *changes* written over them.

        What-if re-evaluation through the same compiled rulesets: the documentation checklist asks
        which missing facts, supplied together, would change an outcome. Changes keep the item's
        routing fields (kind, service, ingredients, classes), so variants go to the item's topics.
        *facts* are the item's values (`Derived.values`). Variants that every topic answers alike
        share one list of rules (read it, do not change it).
        """
        from . import whatif  # the checklist's alone

        changed = {name for change in changes for name, _ in change}
        if not changed.isdisjoint(whatif.NOT_VARIED):
            raise ValueError(f"a variant changes one of {sorted(whatif.NOT_VARIED)}, which the engine sets")
        found = self.book.at(as_of) if as_of is not None else None
        day = {"as_of_day": found.rules_day.toordinal()} if found is not None and found.rules_day != as_of else {}
        base = {**facts, **day}  # the generation _evaluate applies
        base_ok = whatif.check_variants(base, changes)
        answers: list[list[frozenset[str]]] = [[] for _ in changes]
        for t in self._topics_for(facts):
            ruleset = self.topics[t].ruleset
            by_rule = self._by_rule.get(t)
            if by_rule is None and ruleset.signature is not None:
                by_rule = self._by_rule[t] = whatif.RuleByRule(ruleset)
            topic = whatif.topic_answers(ruleset, by_rule if base_ok else None, base, changes, changed)
            for per_topic, answer in zip(answers, topic):
                per_topic.append(answer)
        order, views = self.book.order, self._views
        rules_of: dict[tuple[frozenset[str], ...], list[Rule]] = {}
        out: list[list[Rule]] = []
        for per_topic in answers:
            key = tuple(per_topic)
            rules = rules_of.get(key)
            if rules is None:
                ids = set().union(*per_topic)
                rules = rules_of[key] = [views[r].rule for r in sorted(ids, key=order.__getitem__)]
            out.append(rules)
        return out

    def carried_day(self, as_of: dt.date, generation_id: str) -> dt.date:
        """The day whose rules stand for generation *generation_id* when criteria are carried to *as_of*."""
        found = self.book.at(as_of)
        generations = self.book.generations
        if found is None or generations is None:
            raise ValueError("criteria are carried only in a rule book with generations")
        for other in generations.carried_from(found.generation):
            if other.generation.id == generation_id:
                return other.rules_day
        raise ValueError(f"generation '{generation_id}' is not carried to {as_of.isoformat()}")

    def rules_in_scope(self, facts: Mapping[str, Any]) -> list[Rule]:
        """Every rule that applies to an item (its `Derived.values`), whether or not its criteria hold.

        The rules of the topics it is routed to, less those whose own scope leaves it out (a TENS
        rule in the topic an H-wave request is routed to), which no documentation could make fire.
        """
        return [
            r for t in self._topics_for(facts) for r in self.topics[t].source.spec.rules
            if r.applies_to is None or in_scope(r.applies_to, facts)
        ]

    def _evaluate(self, case: CaseFacts, as_of: dt.date | None) -> CaseDetermination:
        resolved, items, derived = self.derive(case, as_of)
        when = resolved.date
        found = self.book.at(when)
        dumps = [d.values for d in derived]  # each item's own: changed in place below
        if found is not None and found.rules_day != when:
            # Outside every generation: the rules of the nearest one apply; the clinical clock keeps the real date.
            for dump in dumps:
                dump["as_of_day"] = found.rules_day.toordinal()
        shared: dict[tuple[object, ...], FactUsed] = {}  # facts of the case, the same for every item
        judge = _Judging(case, items, derived, dumps, when, shared, found, texas=case.jurisdiction == "texas")
        determinations = self._judge(judge, list(range(len(derived))))
        self._judge_with_surgery(judge, determinations)
        for d in determinations:
            d.confidence = _confidence(d)
        if self.formulary is not None:
            # The formulary keys on the dispensing date, which the as-of date stands for.
            for index, d in enumerate(determinations):
                answer = self.formulary.answer(case, index, items[index], when)
                if answer is not None:
                    d.formulary = answer
        # Built from validated parts (the case, the rule book, the determinations), as each Determination is.
        return trusted_fields(CaseDetermination, dict(
            case_id=case.case_id,
            jurisdiction=case.jurisdiction,
            as_of=when.isoformat(),
            as_of_source=resolved.source,
            as_of_quote=resolved.quote,
            generation=self._ref(found) if found is not None else None,
            warnings=[w for w in (resolved.warning, found.warning if found is not None else None) if w],
            rules_version=self.book.version,
            items=determinations,
        ))

    def _judge(self, j: _Judging, indexes: list[int]) -> list[Determination]:
        """Fire and decide the items at *indexes* (one determination each, in that order)."""
        found = j.found
        views = self._views_for(found.generation if found is not None else None)
        fired = self._fire([j.derived[i] for i in indexes], [j.dumps[i] for i in indexes], views)
        ref = self._ref(found) if found is not None else None
        under = j.prefix + _generation_sentence(found, j.when)
        by_odg = self._judge_by_odg(j, indexes, fired) if j.texas else {}
        out = [
            by_odg.get(i) or self._decide(
                j.case, i, j.items[i], j.derived[i], j.dumps[i], fired.get(i, []), j.when, j.shared, ref, under)
            for i in indexes
        ]
        if found is not None:
            self._carry_criteria(j, indexes, out, found)
        if j.texas:
            for i, d in zip(indexes, out):
                if i not in by_odg:
                    d.jurisdiction_note = TEXAS_FALLBACK
        return out

    def _judge_by_odg(
        self, j: _Judging, indexes: list[int], fired: dict[int, list[_RuleView]]
    ) -> dict[int, Determination]:
        """Texas: the items at *indexes* that ODG rules address, judged by those rules alone.

        An ODG rule that fired decides as any rule does; with none fired, ODG rules saying when the
        ODG supports such an item make it not established. An item no ODG rule addresses is left
        out: the MTUS rules judge it. Before the book's ODG criteria begin, they are applied as of
        their first day, which the rationale says.
        """
        day = j.when if self._odg_from is None or j.when >= self._odg_from else self._odg_from
        dumps = {i: j.dumps[i] for i in indexes}
        if any(d.get("as_of_day") != day.toordinal() for d in dumps.values()):
            dumps = {i: {**d, "as_of_day": day.toordinal()} for i, d in dumps.items()}
            fired = self._fire([j.derived[i] for i in indexes], list(dumps.values()), self._views)
        under = texas_sentence(j.when, day)
        out: dict[int, Determination] = {}
        for i in indexes:
            odg = [self._views[r.rule.id] for r in fired.get(i, []) if is_odg(r.rule)]
            if any(r.rule.outcome != "advisory" for r in odg):
                out[i] = self._decide(j.case, i, j.items[i], j.derived[i], dumps[i], odg, j.when, j.shared, None, under)
                continue
            supporting = self._supporting(dumps[i], day, only_odg=True)
            if supporting and not _only_for_an_open_region(supporting, dumps[i]):  # else as if no ODG rule
                advisory = [r for r in odg if r.rule.outcome == "advisory"]
                used = _FactsOfItem(j.derived[i], dumps[i], j.shared, self._bare_facts)
                out[i] = self._not_established(
                    i, j.case.requests[i].text, supporting, advisory, j.derived[i], dumps[i], used, None, under)
        return out

    def _judge_with_surgery(self, j: _Judging, determinations: list[Determination]) -> None:
        """Judge again, knowing the surgery's predicted outcome, the items that serve a surgery requested with them.

        Pre-operative tests and clearance, an assistant surgeon, an inpatient stay and
        post-operative care stand or fall with their surgery; the rules read it as
        `companion_surgery_necessary`, which only the surgery's own determination can give.
        """
        waiting = with_surgery_outcomes(j.derived, determinations)
        for i in waiting:
            j.dumps[i]["companion_surgery_necessary"] = j.derived[i].values["companion_surgery_necessary"]
        if waiting:
            for i, again in zip(waiting, self._judge(j, waiting)):
                determinations[i] = again

    def _carry_criteria(self, j: _Judging, indexes: list[int], out: list[Determination], found: InForce) -> None:
        """Judge items no rule of the generation in force addresses by the nearest generation whose rules do.

        The registry's `carry_criteria` policy says where to look (none without it). The item
        keeps naming the generation in force, names the one whose criteria were applied in
        `criteria_generation`, and its rationale opens by stating the assumption. *out* holds
        the determinations of the items at *indexes*, in that order, and is updated in place.
        """
        generations = self.book.generations
        # Open: only rules for a region the item may not be for support it (nothing names its region);
        # an earlier generation's criteria that decide such an item outrank "not established".
        open_region = {k for k, d in enumerate(out)
                       if d.basis == "not_established" and self._supported_only_if_region(j.dumps[indexes[k]])}
        waiting = [k for k, d in enumerate(out) if d.basis == "no_rule" or k in open_region]
        if generations is None or not waiting:
            return
        for other in generations.carried_from(found.generation):
            shifted = [{**j.dumps[indexes[k]], "as_of_day": other.rules_day.toordinal()} for k in waiting]
            fired = self._fire([j.derived[indexes[k]] for k in waiting], shifted, self._views_for(other.generation))
            under = j.prefix + _carried_sentence(found, other, j.when)
            still: list[int] = []
            for n, k in enumerate(waiting):
                i = indexes[k]
                d = self._decide(j.case, i, j.items[i], j.derived[i], shifted[n], fired.get(i, []), j.when, j.shared,
                                 self._ref(found), under)
                if d.basis == "no_rule" or (k in open_region and d.basis != "rule"):
                    still.append(k)
                else:
                    out[k] = d.model_copy(update={"criteria_generation": self._ref(other)})
            waiting = still
            if not waiting:
                return

    def _ref(self, found: InForce) -> GenerationRef:
        """The generation as answers name it, built once per generation (every item carries it)."""
        ref = self._refs.get(found.generation.id)
        if ref is None:
            ref = self._refs[found.generation.id] = found.ref
        return ref

    def _views_for(self, generation: Generation | None) -> _Views:
        """Each rule's view as applied under *generation*, built once per generation and rule."""
        key = generation.id if generation is not None else None
        views = self._views_by_generation.get(key)
        if views is None:
            views = self._views_by_generation[key] = _Views(self.book.by_id, generation)
        return views

    def _requested_items(self, case: CaseFacts) -> list[RequestedItem]:
        """Each request's structured item: as given, else parsed from its text.

        `parse_request` remembers lines per vocabulary, so a line extraction has just
        parsed, or an earlier case requested, is not parsed again.
        """
        parse = self._parse_request
        if parse is None:  # imported on first use (the parser's patterns are not cheap), then kept
            from ..requests import parse_request

            parse = self._parse_request = parse_request
        vocabulary: Any = getattr(self.vocabulary, "vocabulary", self.vocabulary)
        region = case_region(case)  # reads a name several body parts share, where the line names no part
        return [r.item if r.item is not None else parse(r.text, vocabulary, region) for r in case.requests]

    def _fire(
        self, derived: list[Derived], dumps: list[dict[str, Any]], views: dict[str, _RuleView]
    ) -> dict[int, list[_RuleView]]:
        """The rules that fire for each item, by its index.

        An item is routed to several topics, each a ruleset with its own memo; one key of the item
        under all of its topics' signatures at once (`FactSignature.merged`) answers it with one
        look-up when an item alike in everything those rules read was fired before. Otherwise each
        topic is asked as before, and the answer is remembered.
        """
        by_topic: dict[int, list[dict[str, Any]]] = defaultdict(list)
        fired: dict[int, set[str]] = defaultdict(set)
        asked: dict[int, tuple[object, ...] | None] = {}  # item index -> its answer's key, to remember what fired
        for d, dump in zip(derived, dumps):
            topics = self._topics_for(d.values)
            if not topics:
                continue
            _check_values(dump)
            key = self._answer_key(topics, dump)
            answer = self._answers.get(key) if key is not None else None
            if answer is not None:  # answered before: the engine fact itself is not needed
                self._answers.move_to_end(key)  # type: ignore[arg-type]
                if answer:
                    fired[int(dump["item_index"])].update(answer)
                for ruleset in self._rulesets_of(topics):
                    ruleset.remembered += 1
                continue
            fact = engine_fact(dump)
            if key is not None:
                index = fact["item_index"]
                asked[index] = key if index not in asked else None
            for t in topics:
                by_topic[t].append(fact)
        for t in sorted(by_topic):
            for index, rule_id in self.topics[t].ruleset.matches(by_topic[t], checked=True):
                fired[index].add(rule_id)
        for index, key in asked.items():
            if key is not None:  # two facts with one index (never from derivation): neither is remembered
                self._answers[key] = tuple(sorted(fired.get(index, ())))
                if len(self._answers) > FIRING_MEMO_SIZE:
                    self._answers.popitem(last=False)
        order = self.book.order
        return {i: [views[r] for r in sorted(ids, key=order.__getitem__)] for i, ids in fired.items()}

    def _answer_key(self, topics: tuple[int, ...], values: dict[str, Any]) -> tuple[object, ...] | None:
        """The key of an item's answer over all of its *topics* (from its values), or None when one cannot be made."""
        if topics in self._route_signatures:
            signature = self._route_signatures[topics]
        else:
            parts = [self.topics[t].ruleset.signature for t in topics]
            signature = None if any(p is None for p in parts) else FactSignature.merged(parts)  # type: ignore[arg-type]
            self._route_signatures[topics] = signature
        if signature is None:
            return None
        key = signature.key_of_values(values)
        return (topics, key) if key is not None else None

    def _rulesets_of(self, topics: tuple[int, ...]) -> tuple[CompiledRuleset, ...]:
        """The rulesets of a route's topics, looked up once per route (each remembered answer counts for each)."""
        rulesets = self._route_rulesets.get(topics)
        if rulesets is None:
            rulesets = self._route_rulesets[topics] = tuple(self.topics[t].ruleset for t in topics)
        return rulesets

    def _topics_for(self, facts: Mapping[str, Any]) -> tuple[int, ...]:
        """Indexes of the topics whose scope takes the item, remembered by the fields scopes read."""
        key = (facts["kind"], facts["service"], tuple(facts["ingredients"]), tuple(facts["classes"]))
        topics = self._routes.get(key)
        if topics is None:
            topics = tuple(i for i, t in enumerate(self.topics) if t.applies(facts))
            if len(self._routes) < ROUTE_MEMO_SIZE:
                self._routes[key] = topics
        return topics

    def _decide(
        self, case: CaseFacts, index: int, item: RequestedItem, derived: Derived, dump: dict[str, Any],
        rules: list[_RuleView], as_of: dt.date, shared: dict[tuple[object, ...], FactUsed],
        generation: GenerationRef | None = None, under: str = "",
    ) -> Determination:
        request = case.requests[index].text
        used = _FactsOfItem(derived, dump, shared, self._bare_facts)
        plan = self._plan(rules)
        advisory = list(plan.advisory)
        values = template_values(case, item, derived, as_of, dump)
        if not plan.deciding:
            rules_day = dt.date.fromordinal(int(dump["as_of_day"]))  # the generation's day when outside all
            supporting = self._supporting(dump, rules_day)
            if supporting:
                return self._not_established(
                    index, request, supporting, advisory, derived, dump, used, generation, under)
            return trusted_fields(Determination, dict(
                index=index, request=request, generation=generation, predicted="Indeterminate", medically_necessary=None,
                rules=[self._fired(r, derived, dump, used, False) for r in advisory],
                citations=[r.citation for r in advisory],
                rationale=under + compose_rationale([], request, None, values),
                advisories=[r.rule.advisory for r in advisory if r.rule.advisory],
                basis="no_rule",
            ))
        necessary = plan.necessary
        trace = [self._fired(r, derived, dump, used, True) for r in plan.decisive]
        trace += [self._fired(r, derived, dump, used, False) for r in plan.rest]
        return trusted_fields(Determination, dict(
            index=index,
            request=request,
            generation=generation,
            predicted="Overturned" if necessary else "Upheld",
            medically_necessary=necessary,
            decided_by=TIER_LABEL[plan.tier],
            rules=trace,
            citations=list(plan.citations),
            rationale=under + plan.rationales.compose(request, necessary, values) if plan.rationales is not None
            else under + compose_rationale(list(plan.decisive_rules), request, necessary, values),
            would_change_if=list(plan.would_change),
            advisories=list(plan.advisories),
            leans_on_rationale_facts=any([f.rationale_only for fr in trace[:len(plan.decisive)] for f in fr.facts]),
        ))

    def _plan(self, rules: list[_RuleView]) -> _Plan:
        """What deciding an item takes from the rules that fired alone, made once per distinct list of them.

        Items that fire the same rules are decided alike (the policy, the decisive rules, their
        citations, what would change it, the advice); only the facts each rule read and the
        rationale's values are the item's own.
        """
        key = tuple(map(id, rules))  # views live as long as the engine, and the plan holds them
        plan = self._plans.get(key)
        if plan is None:
            plan = _Plan.of(rules)
            if len(self._plans) >= PLAN_MEMO_SIZE:
                self._plans.clear()
            self._plans[key] = plan
        return plan

    def _supporting(self, dump: dict[str, Any], as_of: dt.date, only_odg: bool = False) -> list[_RuleView]:
        """Rules in force that say when the guideline supports an item like this one (none of which fired).

        A rule counts when its scope takes the item and the request's own facts do not already
        rule it out; what the record documents is free to change. *only_odg*: ODG rules only.
        """
        out: list[_RuleView] = []
        fixed = _fixed_request_facts(dump)
        for rule in self.rules_in_scope(dump):
            g = rule.guideline
            if rule.outcome != "medically_necessary" or g.effective_from > as_of or (only_odg and not is_odg(rule)):
                continue
            if g.effective_until is not None and g.effective_until < as_of:
                continue
            if decided_by(rule.when, dump, fixed) is not False:
                out.append(self._views[rule.id])
        if out:
            tier = min(v.rule.tier for v in out)
            out = [v for v in out if v.rule.tier == tier]
        return out

    def _supported_only_if_region(self, dump: dict[str, Any]) -> bool:
        """Whether the item's supporting rules all hang on a region that nothing names.

        "Physical therapy 3x4" with no body part anywhere: the ODG's spine visit numbers might be
        the ones that apply, or might not; they do not rule out an earlier generation's criteria that
        decide the item whatever the region (rules/README.md, where the MTUS in force is silent).
        """
        if _REGION_FACTS <= _fixed_request_facts(dump):
            return False
        return _only_for_an_open_region(self._supporting(dump, dt.date.fromordinal(int(dump["as_of_day"]))), dump)

    def _not_established(
        self, index: int, request: str, supporting: list[_RuleView], advisory: list[_RuleView],
        derived: Derived, dump: dict[str, Any], used: _FactsOfItem,
        generation: GenerationRef | None = None, under: str = "",
    ) -> Determination:
        citations = _distinct_citations(supporting + advisory)
        would_change = list(dict.fromkeys(w for r in supporting for w in _documented(r.rule)))
        return trusted_fields(Determination, dict(
            index=index,
            request=request,
            generation=generation,
            predicted="Upheld",
            medically_necessary=False,
            decided_by=TIER_LABEL[supporting[0].rule.tier],
            basis="not_established",
            rules=[self._fired(r, derived, dump, used, False) for r in advisory],
            citations=citations,
            rationale=under + not_established_rationale([r.rule for r in supporting], request),
            would_change_if=would_change,
            advisories=[r.rule.advisory for r in advisory if r.rule.advisory],
        ))

    def _fired(
        self, view: _RuleView, derived: Derived, dump: dict[str, Any], used: _FactsOfItem, decisive: bool
    ) -> FiredRule:
        # Built from validated parts (rule book, item facts), so construction skips re-validation:
        # this runs for every rule that fires on every item. All but the facts are the view's, made once.
        values = dict(view.as_fired[decisive])
        get = used.get
        values["facts"] = [get(name) for name in view.fact_names]
        return trusted(FiredRule, values)


#: Request facts about where the item is for; when the request and the record name no region, it is open.
_REGION_FACTS = frozenset({"body_region", "target_regions"})


def _only_for_an_open_region(supporting: list[_RuleView], dump: dict[str, Any]) -> bool:
    """Whether *supporting* rules speak to the item only because nothing names its region.

    Each would be ruled out by the request's facts if its region were known to be none of theirs
    (the ODG spine therapy numbers for "Physical therapy 3x4" with no body part anywhere).
    """
    if not supporting or _REGION_FACTS <= _fixed_request_facts(dump):
        return False
    fixed = REQUEST_FACTS | CONTEXT_FACTS
    return all(decided_by(v.rule.when, dump, fixed) is False for v in supporting)


def _fixed_request_facts(dump: dict[str, Any]) -> frozenset[str]:
    """The request facts that rule a supporting rule out: all of them, but a region nothing names stays open.

    "MRI" or "EMG with NCV" with no body part in the request or the record is still a study the
    guideline covers (by region); its medical necessity is not established, rather than unknown.
    """
    if dump.get("target_regions") or dump.get("body_region") not in (None, "unknown"):
        return REQUEST_FACTS | CONTEXT_FACTS
    return (REQUEST_FACTS - _REGION_FACTS) | CONTEXT_FACTS


def with_surgery_outcomes(derived: list[Derived], determinations: Sequence[Determination]) -> list[int]:
    """Give each item that serves a surgery requested with it that surgery's predicted outcome.

    Sets `companion_surgery_necessary` (with the surgery's request line as evidence and the
    outcome named in the trace) on the items whose surgery was decided, and returns their
    indexes. The engine calls it between its two passes; the documentation checklist calls it
    on a fresh derivation so that its what-if questions start from the same facts.
    """
    judged: list[int] = []
    for i, d in enumerate(derived):
        if d.companion is None or determinations[d.companion].medically_necessary is None:
            continue
        surgery = determinations[d.companion]
        d.values["companion_surgery_necessary"] = "yes" if surgery.medically_necessary else "no"
        d.evidence["companion_surgery_necessary"] = list(d.evidence.get("companion_surgery", []))
        d.how = {**d.how, "companion_surgery_necessary": (
            f"judged: the surgery requested with it (item {d.companion + 1}) is predicted {surgery.predicted}")}
        judged.append(i)
    return judged


def _documented(rule: Rule) -> list[str]:
    """What would make a supporting rule fire, as documentation to supply."""
    return [f"Documentation that answers yes to: {rule.question.rstrip('?')}? ({rule.guideline.label()})"]


def decide(rules: list[Rule]) -> tuple[str, int]:
    """The decision policy over the rules that fired: (Upheld | Overturned | Indeterminate, deciding tier).

    The highest evidence tier with a deciding rule decides; within it one unmet criterion
    (a not-medically-necessary rule) upholds the denial. Tier 0 when no deciding rule fired.
    """
    deciding = [r for r in rules if r.outcome != "advisory"]
    if not deciding:
        return "Indeterminate", 0
    tier = min(r.tier for r in deciding)
    denied = any(r.outcome == "not_medically_necessary" for r in deciding if r.tier == tier)
    return ("Upheld" if denied else "Overturned"), tier


def _generation_sentence(found: InForce | None, as_of: dt.date) -> str:
    """The opening sentence naming the guideline generation an item was judged under."""
    if found is None:
        return ""
    if found.rules_day != as_of:
        return (f"No guideline generation the rule book holds was in force on {as_of.isoformat()}; "
                f"judged under the nearest, {found.generation.title}. ")
    return f"Judged under the guideline generation in force on {as_of.isoformat()}, {found.generation.title}. "


def _carried_sentence(found: InForce, other: InForce, as_of: dt.date) -> str:
    """The opening sentence of an item judged by another generation's criteria, saying it was assumed."""
    return (_generation_sentence(found, as_of)
            + f"The rule book encodes no criteria of that generation for this request; assumed: the criteria of "
            f"{other.generation.title}, the nearest generation whose criteria it encodes, still apply. ")


def _check_values(dump: dict[str, Any]) -> None:
    """`check_fact(engine_fact(dump))` for an item's values: the fact leaves out None and [] only, which no check is about.

    An item's values (`item_facts_json`, then an as-of day or a companion's outcome written over them)
    hold a float only in a float field (an int field holds ints, the others strings and lists), so
    only those ~15 of its ~130 values are looked at.
    """
    if len(dump) >= MAX_PROPERTIES or bad_floats([v for v in map(dump.get, FLOAT_FIELDS) if type(v) is float]):
        check_fact(engine_fact(dump))  # the exact count, and the first bad value named


def engine_fact(dump: dict[str, Any]) -> dict[str, Any]:
    """`ItemFacts.to_engine_fact` from an existing JSON dump (no second dump per item)."""
    return {k: v for k, v in dump.items() if v is not None and (v or type(v) is not list)}


def leans_on_rationale(value: object, evidence: list) -> bool:
    """A fact leans on a rationale when only a rationale states it and it says something.

    "Not documented" (unknown, no number, no list) needs no evidence, so a rationale quote
    attached to it explains the gap but is not leaned on.
    """
    if not evidence or value in ("unknown", None, []):
        return False
    for e in evidence:  # most quotes are the summary's: the first answers (no generator per fact)
        if e.source != "rationale":
            return False
    return True


def rule_fact_names(rule: Rule) -> list[str]:
    """The facts a rule reads: its scope's keys, then its criteria's facts."""
    names: list[str] = []
    if rule.applies_to is not None:
        scope = rule.applies_to
        names += [n for n, used in (("ingredients", scope.ingredients), ("classes", scope.classes),
                                    ("service", scope.services), ("kind", scope.kinds)) if used]
    names += [n for n in facts_named(rule.when) if n not in names]
    return names


def facts_used(rule: Rule, derived: Derived) -> list[FactUsed]:
    """The facts a rule read, with values and the letter's words behind them."""
    return _facts_used(rule_fact_names(rule), derived, derived.values)


def _facts_used(names: tuple[str, ...] | list[str], derived: Derived, values: dict[str, Any]) -> list[FactUsed]:
    facts = _FactsOfItem(derived, values, {})
    return [facts.get(name) for name in names]


class _FactsOfItem:
    """The FactUsed of each fact of one item, built once and shared by every rule that read it.

    Facts of the case (not of the item) carry the same evidence list for every
    item, so they are shared across the case's items too (*shared*, keyed by the
    evidence list's identity: it lives as long as the evaluation).
    """

    def __init__(
        self, derived: Derived, values: dict[str, Any], shared: dict[tuple[object, ...], FactUsed],
        bare: dict[tuple[object, ...], FactUsed] | None = None,
    ) -> None:
        self._evidence, self._how, self._values, self._shared = derived.evidence, derived.how, values, shared
        self._bare = bare if bare is not None else {}
        self._mine: dict[str, FactUsed] = {}

    def get(self, name: str) -> FactUsed:
        fact = self._mine.get(name)
        if fact is not None:
            return fact
        evidence = self._evidence.get(name)
        value = self._values.get(name)
        if not evidence:  # most facts a rule reads: no quote, so the fact is its name, value and derivation
            how = self._how.get(name)
            bare_key = (name, type(value), tuple(value) if type(value) is list else value, how)
            fact = self._bare.get(bare_key)
            if fact is None:
                fact = trusted(FactUsed, {
                    "name": name, "value": value, "evidence": [], "rationale_only": False, "derived_by": how,
                })
                if len(self._bare) >= BARE_FACTS_MEMO_SIZE:
                    self._bare.clear()
                self._bare[bare_key] = fact
            self._mine[name] = fact
            return fact
        key = (name, id(evidence), tuple(value) if isinstance(value, list) else value)
        fact = self._shared.get(key)
        if fact is None:
            fact = self._shared[key] = trusted(FactUsed, {
                "name": name, "value": value, "evidence": evidence,
                "rationale_only": leans_on_rationale(value, evidence), "derived_by": self._how.get(name),
            })
        self._mine[name] = fact
        return fact


def _confidence(d: Determination) -> Confidence:
    """The item's deciding facts (of its decisive rules, the request's own left out) read versus assumed."""
    if d.basis != "rule":  # decided by no rule's facts: counted from its basis alone (confidence)
        return confidence([], basis=d.basis, missing=len(d.would_change_if))
    facts = [
        (f.name, f.value, len(f.evidence))
        for r in d.rules if r.decisive for f in r.facts if f.name not in REQUEST_FACTS
    ]
    return confidence(facts, basis=d.basis, missing=len(d.would_change_if))
