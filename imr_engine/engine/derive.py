"""From case facts to item facts: durations, phase, MED, monitoring status.

The engine's rules read a flat `ItemFacts` per requested item. This module
computes them, and records for each derived fact the evidence it rests on, so a
determination can quote the letter for every fact a rule used. All date
arithmetic is against an explicit as-of date; nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from ..facts.derived import ItemFacts
from ..facts.model import CaseFacts, Evidence, Evidenced, Finding, Medication
from ..requests.model import RequestedItem

#: MTUS phases of a condition (CPMTG opioid guidance): acute up to 4 weeks,
#: subacute 1-3 months, chronic beyond 3 months.
ACUTE_DAYS, SUBACUTE_DAYS = 28, 90
#: Use for three months or more is long-term (the chronic-pain threshold).
LONG_TERM_DAYS = 90
PRIMARY = ("with_medication", "without_medication")


class Terminology(Protocol):
    """What derivation needs from the vocabulary."""

    def ingredients_of(self, name: str) -> list[str]: ...
    def classes_of(self, ingredients: Iterable[str]) -> list[str]: ...
    def daily_med_mg(self, item: RequestedItem) -> float | None: ...


@dataclass
class Derived:
    """The item facts of one item and, per fact name, the evidence behind it."""

    facts: ItemFacts
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    #: Readable values for rationale templates that rules do not test (e.g. a start date).
    extras: dict[str, object] = field(default_factory=dict)


def _tri(finding: Finding) -> str:
    return finding.value


def _ev(*sources: Evidenced | None) -> list[Evidence]:
    out: list[Evidence] = []
    for s in sources:
        if s is not None:
            out.extend(e for e in s.evidence if e not in out)
    return out


@dataclass
class _CaseView:
    """Case-level facts shared by every item, computed once per case."""

    values: dict[str, object]
    evidence: dict[str, list[Evidence]]


def _case_view(case: CaseFacts, as_of: dt.date, vocab: Terminology) -> _CaseView:
    v: dict[str, object] = {"as_of_day": as_of.toordinal()}
    ev: dict[str, list[Evidence]] = {}
    c = case.claimant
    v["age"], v["sex"] = c.age, c.sex
    ev["age"] = ev["sex"] = _ev(c)
    if case.date_of_injury:
        days = (as_of - case.date_of_injury.date.latest()).days
        if days >= 0:
            v["days_since_injury"] = days
            v["phase"] = "acute" if days <= ACUTE_DAYS else "subacute" if days <= SUBACUTE_DAYS else "chronic"
        ev["days_since_injury"] = ev["phase"] = _ev(case.date_of_injury)
    v["body_regions"] = sorted({r for d in case.diagnoses for r in d.body_regions})
    ev["body_regions"] = _ev(*case.diagnoses)
    if case.surgeries:
        v["prior_surgery"] = "yes"
        ev["prior_surgery"] = _ev(*case.surgeries)
    current = [m for m in case.medications if m.status == "current"]
    failed = [m for m in case.medications if m.status == "tried_failed"]
    v["current_drug_classes"] = sorted({k for m in current for k in vocab.classes_of(vocab.ingredients_of(m.name))})
    v["failed_drug_classes"] = sorted({k for m in failed for k in vocab.classes_of(vocab.ingredients_of(m.name))})
    ev["current_drug_classes"] = _ev(*current)
    ev["failed_drug_classes"] = _ev(*failed)

    f = case.function
    for name, finding in (
        ("objective_functional_improvement", f.objective_improvement),
        ("subjective_improvement", f.subjective_improvement),
        ("adl_improvement", f.adl_improvement),
    ):
        v[name], ev[name] = _tri(finding), _ev(finding)
    v["returned_to_work"], ev["returned_to_work"] = _tri(f.returned_to_work), _ev(f.returned_to_work)
    v["work_status"], ev["work_status"] = f.work_status.value, _ev(f.work_status)
    _pain(case, v, ev)

    m = case.monitoring
    screens = m.urine_drug_screens
    deciding = [s for s in screens if s.consistent == "no"] or [s for s in screens if s.consistent == "yes"]
    if deciding:
        v["drug_screens_consistent"] = deciding[0].consistent
    ev["drug_screens_consistent"] = _ev(*(deciding or screens))
    for name in ("cures_checked", "other_prescribers", "opioid_agreement", "side_effects", "aberrant_behavior", "pain_assessment"):
        finding = getattr(m, name)
        v[name], ev[name] = _tri(finding), _ev(finding)
    for name, finding in (
        ("muscle_spasm", case.exam.muscle_spasm),
        ("trigger_points", case.exam.trigger_points),
        ("tenderness", case.exam.tenderness),
        ("neurological_deficit", case.exam.neurological_deficit),
        ("radiculopathy_on_exam", case.exam.radiculopathy),
    ):
        v[name], ev[name] = _tri(finding), _ev(finding)
    for name in type(case.clinical).model_fields:
        finding = getattr(case.clinical, name)
        v[name], ev[name] = _tri(finding), _ev(finding)
    corroborating = [s for s in case.imaging if s.corroborates_radiculopathy != "unknown"]
    if any(s.corroborates_radiculopathy == "yes" for s in corroborating):
        v["imaging_corroborates_radiculopathy"] = "yes"
    elif corroborating:
        v["imaging_corroborates_radiculopathy"] = "no"
    ev["imaging_corroborates_radiculopathy"] = _ev(*corroborating)
    return _CaseView(v, ev)


def _pain(case: CaseFacts, v: dict[str, object], ev: dict[str, list[Evidence]]) -> None:
    """Latest pain score, and relief with vs. without medication from the latest such pair."""
    scores = case.pain_scores
    if not scores:
        return
    dated = [s for s in scores if s.date is not None]
    latest = max(dated, key=lambda s: s.date.latest()) if dated else scores[0]  # type: ignore[union-attr]
    v["latest_pain_score"] = latest.score
    ev["latest_pain_score"] = _ev(latest)
    groups: dict[str, dict[str, float]] = {}
    sources: dict[str, list[Evidenced]] = {}
    for s in scores:
        if s.context in PRIMARY:
            key = str(s.date) if s.date else ""
            groups.setdefault(key, {})[s.context] = s.score
            sources.setdefault(key, []).append(s)
    pairs = [k for k, g in groups.items() if len(g) == 2 and g["without_medication"] > 0]
    if pairs:
        key = max(pairs)  # ISO-like keys sort by date; '' (undated) sorts first
        g = groups[key]
        v["pain_relief_percent"] = round(100.0 * (g["without_medication"] - g["with_medication"]) / g["without_medication"], 1)
        ev["pain_relief_percent"] = _ev(*sources[key])


def _matching(meds: Iterable[Medication], ingredients: set[str], vocab: Terminology) -> list[Medication]:
    return [m for m in meds if ingredients & set(vocab.ingredients_of(m.name))]


def derive_items(case: CaseFacts, items: list[RequestedItem], as_of: dt.date, vocab: Terminology) -> list[Derived]:
    """One Derived per requested item, in request order."""
    view = _case_view(case, as_of, vocab)
    meds_by_dose = [vocab.daily_med_mg(item) if "opioid" in item.classes else None for item in items]
    opioid_doses = [d for item, d in zip(items, meds_by_dose) if "opioid" in item.classes]
    cumulative: dict[str, object] = {}
    if opioid_doses and all(d is not None for d in opioid_doses):
        cumulative["cumulative_med_mg"] = round(sum(opioid_doses), 2)  # type: ignore[arg-type]
    if any(d is not None for d in opioid_doses):
        cumulative["cumulative_med_at_least_mg"] = round(sum(d for d in opioid_doses if d is not None), 2)

    requested_classes = sorted({k for item in items if item.kind == "drug" for k in item.classes})
    request_evidence = _ev(*(r for r, item in zip(case.requests, items) if item.kind == "drug"))
    out: list[Derived] = []
    for index, (request, item, med) in enumerate(zip(case.requests, items, meds_by_dose)):
        values = dict(view.values)
        evidence = dict(view.evidence)
        values.update(cumulative)
        values["requested_drug_classes"] = requested_classes
        evidence["requested_drug_classes"] = request_evidence
        values.update(_item_values(index, item, med))
        request_ev = _ev(request)
        for name in ("kind", "drug_class", "classes", "ingredients", "service", "item_med_mg", "requested_supply_days"):
            evidence[name] = request_ev
        extras: dict[str, object] = {}
        _use_history(case, item, as_of, vocab, values, evidence, extras)
        purpose = request.purpose
        if purpose == "unknown" and values.get("currently_prescribed") == "yes":
            purpose = "continue"
        values["request_purpose"] = purpose
        evidence["request_purpose"] = request_ev + evidence.get("currently_prescribed", [])
        _prior_sessions(case, item, values, evidence)
        out.append(Derived(ItemFacts.model_validate(values), evidence, extras))
    return out


def _item_values(index: int, item: RequestedItem, med: float | None) -> dict[str, object]:
    v: dict[str, object] = {
        "item_index": index,
        "kind": item.kind,
        "drug_class": item.drug_class,
        "classes": sorted(set(item.classes)),
        "ingredients": list(item.ingredients),
        "service": item.service or "none",
        "form": item.form or "unknown",
        "release": item.release or "unknown",
        "prn": "yes" if item.prn else "unknown",
        "body_region": item.body_region or "unknown",
        "visits_requested": item.visits,
        "levels_requested": len(item.levels) if item.levels else None,
        "item_med_mg": med,
    }
    if item.quantity and item.doses_per_day:
        v["requested_supply_days"] = round(item.quantity * (1 + (item.refills or 0)) / item.doses_per_day, 1)
    return v


def _use_history(
    case: CaseFacts, item: RequestedItem, as_of: dt.date, vocab: Terminology,
    v: dict[str, object], ev: dict[str, list[Evidence]], extras: dict[str, object],
) -> None:
    """How long the requested drug has been used, and whether it failed before."""
    wanted = set(item.ingredients)
    if not wanted:
        return
    current = _matching((m for m in case.medications if m.status == "current"), wanted, vocab)
    failed = _matching((m for m in case.medications if m.status == "tried_failed"), wanted, vocab)
    if current:
        v["currently_prescribed"] = "yes"
        ev["currently_prescribed"] = _ev(*current)
    if failed:
        v["previously_failed"] = "yes"
        ev["previously_failed"] = _ev(*failed)
    durations = [(as_of - m.started.latest()).days for m in current if m.started is not None]
    durations = [d for d in durations if d >= 0]
    used = current
    if durations:
        v["use_duration_days"] = max(durations)
        first = min((m for m in current if m.started is not None), key=lambda m: m.started.earliest())  # type: ignore[union-attr]
        since = "since at least " if first.started_qualifier == "at_least_since" else "since "
        extras["medication_started"] = since + str(first.started)
    if any(m.long_term == "yes" for m in current) or (durations and max(durations) >= LONG_TERM_DAYS):
        v["long_term_use"] = "yes"
    elif durations and all(m.started_qualifier == "on" for m in current if m.started) and max(durations) < LONG_TERM_DAYS:
        v["long_term_use"] = "no"
    ev["use_duration_days"] = ev["long_term_use"] = _ev(*used)


def _prior_sessions(case: CaseFacts, item: RequestedItem, v: dict[str, object], ev: dict[str, list[Evidence]]) -> None:
    """Completed sessions of the requested service, and whether they improved function."""
    if not item.service:
        return
    courses = [t for t in case.treatments if t.service == item.service]
    if not courses:
        return
    sessions = [t.sessions for t in courses if t.sessions is not None]
    if sessions:
        v["prior_sessions"] = sum(sessions)
    fi = [t.functional_improvement for t in courses]
    v["prior_sessions_functional_improvement"] = "yes" if "yes" in fi else "no" if "no" in fi else "unknown"
    ev["prior_sessions"] = ev["prior_sessions_functional_improvement"] = _ev(*courses)
