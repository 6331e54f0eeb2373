"""From case facts to item facts: durations, phase, MED, monitoring status.

The engine's rules read a flat `ItemFacts` per requested item. This module
computes them, and records for each derived fact the evidence it rests on, so a
determination can quote the letter for every fact a rule used. All date
arithmetic is against an explicit as-of date; nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from ..facts.derived import CaseFactsJson, ItemFacts, checked_item_facts, item_facts_json
from ..facts.model import CaseFacts, Evidence, Evidenced, Finding, Medication, StatedRelief, Surgery, Treatment
from ..requests.model import SPINAL_INTERVENTIONS, RequestedItem
from .benefit import benefit_of_other_drugs
from .devices import device_facts
from .drug_testing import drug_testing_facts
from .electrodiagnostics import electrodiagnostic_facts
from .episodes import Episode, NewDiagnosis, credit_visit_gains, current_episode, episode_notes
from .guidance import guidance_facts
from .guideline_data import DEFAULTS, GuidelineData
from .labs import lab_facts
from .regions import (
    ASSUMED_REGION,
    ItemRegion,
    RegionTest,
    case_region,
    finding_for_region,
    item_region,
    region_words,
    set_aside_note,
    split_courses,
    split_diagnoses,
)
from .terminology import PostsurgicalCourse, padded_words

PRIMARY = ("with_medication", "without_medication")
# Phases, long-term use, GI risk and epidural approach words: rules/vocabulary/thresholds.yaml
# (engine/guideline_data.py), each with the guideline text it comes from.
#: Spinal segments in order, to count the levels a range such as L3-L5 spans.
_SEGMENTS = [f"C{i}" for i in range(1, 8)] + [f"T{i}" for i in range(1, 13)] + [f"L{i}" for i in range(1, 6)] + ["S1"]
_SPINE_REGION = {"C": "cervical_spine", "T": "thoracic_spine", "L": "lumbar_spine", "S": "lumbar_spine"}
#: Imaging modalities as case files write them, per service.
_MODALITIES = {"mri": ("mri",), "ct": ("ct",), "x_ray": ("x_ray", "xray", "x-ray"), "emg_ncs": ("emg_ncs", "emg", "ncs", "ncv")}
#: A study the request line itself calls a repeat ("Repeat lumbar MRI", "MRI (repeat)", "third MRI of the
#: lumbosacral spine"): the region was studied before even when the record names no earlier study.
_REPEAT_STUDY = re.compile(r"\b(?:repeat(?:ed)?|second|third|fourth|another|updated?|follow[- ]?up)\b", re.IGNORECASE)
_YEAR_DAYS = 365


class Terminology(Protocol):
    """What derivation needs from the vocabulary.

    `service_of(name)` and `diagnosis_groups_of(name)` are optional: without them treatments
    match only by their recorded service and diagnoses fall into no group.
    """

    def ingredients_of(self, name: str) -> list[str]: ...
    def classes_of(self, ingredients: Iterable[str]) -> list[str]: ...
    def daily_med_mg(self, item: RequestedItem) -> float | None: ...


@dataclass
class Derived:
    """The item facts of one item and, per fact name, the evidence behind it.

    The facts are plain data, `values`: the JSON dump of an `ItemFacts` (every field, in the
    model's order), which is what rules, routing and templates read. `facts` builds the model
    from them for a caller that wants one.
    """

    values: dict[str, Any]
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    #: Readable values for rationale templates that rules do not test (e.g. a start date).
    extras: dict[str, object] = field(default_factory=dict)
    #: Per fact name, the guideline threshold or word list its value was derived with.
    how: dict[str, str] = field(default_factory=dict)
    #: Index of the surgery requested with this item that it serves (pre-/post-operative care), if any.
    companion: int | None = None

    @property
    def facts(self) -> ItemFacts:
        """The values as a validated model (built on each call: the engine itself reads `values`)."""
        return ItemFacts.model_validate(self.values)


def guideline_data(vocab: object) -> GuidelineData:
    """The thresholds a terminology carries, else the defaults (the same numbers as the bundled file)."""
    data = getattr(vocab, "guideline_data", None)
    return data if isinstance(data, GuidelineData) else DEFAULTS


_Made = TypeVar("_Made")


def _per_data(make: Callable[[GuidelineData], _Made]) -> Callable[[GuidelineData], _Made]:
    """*make*, answered once per guideline data: its answer for the last data asked about is kept.

    Compared by identity (a process has one or two guideline data, and the model is not hashable);
    what *make* builds from the thresholds alone is then built once, not per case or item.
    """
    last: list[tuple[GuidelineData, _Made]] = []

    @functools.wraps(make)
    def made(data: GuidelineData) -> _Made:
        if last and last[0][0] is data:
            return last[0][1]
        answer = make(data)
        last[:] = [(data, answer)]
        return answer

    return made


def _line_says(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """Whether a request line matches *pattern*, read once per line: each item asks of its line more than once."""

    @functools.lru_cache(maxsize=4096)
    def says(line: str) -> bool:
        return pattern.search(line) is not None

    return says


@_per_data
def _how(data: GuidelineData) -> dict[str, str]:
    """How each threshold-based fact is derived, as the trace shows it (read-only: items copy it to add).

    Written once per guideline data, not per case: its sentences depend on the thresholds alone.
    """
    p, lt, gi = data.phases, data.long_term, data.gi_risk
    return {
        "medical_comorbidity": f"a current drug or a diagnosis of a kind preoperative criteria name ({data.perioperative.cite})",
        "companion_surgery_risk": f"the surgery's cardiac risk ({data.perioperative.cite})",
        "companion_stay_days": f"the surgery's target length of stay ({data.perioperative.cite})",
        "phase": f"acute up to {p.acute_days} days after injury, subacute up to {p.subacute_days}, chronic beyond ({p.cite})",
        "long_term_use": f"used {lt.days} days or more, or called long-term in the record ({lt.cite})",
        "gi_risk": (f"a documented risk factor, age over {gi.older_than}, or current "
                    f"{', '.join(gi.classes + gi.ingredients)} ({gi.cite})"),
        "approach": f"words naming the approach in the request ({data.epidural_approach.cite})",
    }


def _ev(*sources: Evidenced | None) -> list[Evidence]:
    """The evidence of *sources*, each quote once, in order (a set key: pydantic == per pair was a hot spot).

    Read-only, as every evidence list of a derivation: one finding's own list is handed on as it is
    (a case view asks for ~60 of them, each item for more), and one list may stand for several facts.
    """
    if len(sources) == 1:  # the common case (one finding), whose quotes are rarely more than one
        only = sources[0]
        if only is None:
            return []
        if len(only.evidence) < 2:
            return only.evidence
    first: dict[tuple[str, str, int | None, int | None], Evidence] = {}
    keep = first.setdefault  # the first quote of each key stays, in the order first seen
    for s in sources:
        if s is not None:
            for e in s.evidence:
                keep(_quote_key(e), e)
    return list(first.values())


#: What makes two quotes one (`_ev`), read in one C-level call.
_quote_key = operator.attrgetter("quote", "source", "start", "end")


#: A medication of the case with its ingredients and their classes.
_Drug = tuple[Medication, tuple[str, ...], tuple[str, ...]]


def _drugs(case: CaseFacts, vocab: Terminology) -> list[_Drug]:
    """Each medication with its ingredients and classes, looked up once per case: the case view and every item read them."""
    drug_of = getattr(vocab, "drug_of", None)  # both at once, remembered per name (VocabularyTerminology)
    if drug_of is not None:
        return [(m, *drug_of(m.name)) for m in case.medications]
    out: list[_Drug] = []
    for m in case.medications:
        ingredients = vocab.ingredients_of(m.name)
        out.append((m, tuple(ingredients), tuple(vocab.classes_of(ingredients))))
    return out


@dataclass
class _CaseView:
    """Case-level facts shared by every item, computed once per case."""

    values: dict[str, object]
    evidence: dict[str, list[Evidence]]
    how: dict[str, str] = field(default_factory=dict)
    drugs: list[_Drug] = field(default_factory=list)
    #: The latest surgery with a postsurgical course (`_postsurgical_surgery`), found once for the view and every item.
    postsurgical: tuple[Surgery, str, PostsurgicalCourse] | None = None


def _case_view(case: CaseFacts, as_of: dt.date, vocab: Terminology) -> _CaseView:
    v: dict[str, object] = {"as_of_day": as_of.toordinal(), "jurisdiction": case.jurisdiction}
    ev: dict[str, list[Evidence]] = {}
    data = guideline_data(vocab)
    drugs = _drugs(case, vocab)
    c = case.claimant
    v["age"], v["sex"] = c.age, c.sex
    ev["age"] = ev["sex"] = _ev(c)
    if case.date_of_injury:
        days = (as_of - case.date_of_injury.date.latest()).days
        if days >= 0:
            v["days_since_injury"] = days
            phases = data.phases
            v["phase"] = "acute" if days <= phases.acute_days else "subacute" if days <= phases.subacute_days else "chronic"
        ev["days_since_injury"] = ev["phase"] = _ev(case.date_of_injury)
    v["body_regions"] = sorted({r for d in case.diagnoses for r in d.body_regions})
    ev["body_regions"] = _ev(*case.diagnoses)
    if case.surgeries:
        v["prior_surgery"] = "yes"
        ev["prior_surgery"] = _ev(*case.surgeries)
    current = [m for m in case.medications if m.status == "current"]
    failed = [m for m in case.medications if m.status == "tried_failed"]
    v["current_drug_classes"] = sorted({k for m, _, classes in drugs if m.status == "current" for k in classes})
    v["current_systemic_drug_classes"] = _systemic_current(drugs, vocab)
    ev["current_systemic_drug_classes"] = _ev(*current)
    v["failed_drug_classes"] = sorted({k for m, _, classes in drugs if m.status == "tried_failed" for k in classes})
    ev["current_drug_classes"] = _ev(*current)
    ev["failed_drug_classes"] = _ev(*failed)

    _read_findings(case, _FUNCTION_FINDINGS, v, ev)
    _pain(case, v, ev)

    m = case.monitoring
    screens = m.urine_drug_screens
    deciding = [s for s in screens if s.consistent == "no"] or [s for s in screens if s.consistent == "yes"]
    if deciding:
        v["drug_screens_consistent"] = deciding[0].consistent
    ev["drug_screens_consistent"] = _ev(*(deciding or screens))
    _read_findings(case, _findings_after_screens(type(case.clinical)), v, ev)
    electro = _MODALITIES["emg_ncs"]
    for name, studies in (
        ("imaging_corroborates_radiculopathy", [s for s in case.imaging if s.modality.casefold() not in electro]),
        ("electrodiagnostics_corroborate_radiculopathy", [s for s in case.imaging if s.modality.casefold() in electro]),
    ):
        corroborating = [s for s in studies if s.corroborates_radiculopathy != "unknown"]
        if any(s.corroborates_radiculopathy == "yes" for s in corroborating):
            v[name] = "yes"
        elif corroborating:
            v[name] = "no"
        ev[name] = _ev(*corroborating)
    _gi_risk(case, drugs, data, v, ev)
    _diagnosis_groups(case, vocab, v, ev)
    _medical_comorbidity(case, drugs, vocab, data, v, ev)
    _surgery_and_screens(case, as_of, v, ev)
    postsurgical = _postsurgical(case, as_of, vocab, v, ev)
    _treatment_history(case.treatments, vocab, v, ev)
    return _CaseView(v, ev, _how(data), drugs, postsurgical)


#: One-valued (yes/no/unknown and the like) findings of one part of the case read as item facts: the part's
#: accessor, the facts' names, and an accessor giving the part's findings for them in that order (one call).
_FindingRows = tuple[Callable[[CaseFacts], Any], tuple[str, ...], Callable[[Any], tuple[Finding, ...]]]


def _finding_rows(part: str, pairs: Iterable[tuple[str, str]]) -> _FindingRows:
    """The rows of (fact name, field of *part*) *pairs*: the part read once, its findings by one attrgetter."""
    names, fields = zip(*pairs)
    many: Callable[[Any], Any] = operator.attrgetter(*fields)
    read: Callable[[Any], tuple[Finding, ...]] = many if len(fields) > 1 else (lambda found: (many(found),))
    return operator.attrgetter(part), tuple(names), read


#: The function findings, read before the pain scores.
_FUNCTION_FINDINGS: tuple[_FindingRows, ...] = (_finding_rows("function", (
    ("objective_functional_improvement", "objective_improvement"),
    ("subjective_improvement", "subjective_improvement"),
    ("adl_improvement", "adl_improvement"),
    ("returned_to_work", "returned_to_work"),
    ("work_status", "work_status"),
)),)


@functools.cache
def _findings_after_screens(clinical: type[BaseModel]) -> tuple[_FindingRows, ...]:
    """The monitoring and exam findings, then every clinical finding (each field of *clinical*), in that order.

    Compiled once per model into rows per part, so a case view reads its ~55 findings with three accessor calls.
    """
    return (
        _finding_rows("monitoring", [(name, name) for name in (
            "cures_checked", "other_prescribers", "opioid_agreement", "side_effects", "aberrant_behavior",
            "pain_assessment")]),
        _finding_rows("exam", [
            ("muscle_spasm", "muscle_spasm"), ("trigger_points", "trigger_points"), ("tenderness", "tenderness"),
            ("neurological_deficit", "neurological_deficit"), ("radiculopathy_on_exam", "radiculopathy"),
            ("trigger_point_twitch_response", "trigger_point_twitch_response")]),
        _finding_rows("clinical", [(name, name) for name in _fields_of(clinical)]),
    )


def _read_findings(case: CaseFacts, rows: tuple[_FindingRows, ...], v: MutableMapping[str, object],
                   ev: dict[str, list[Evidence]]) -> None:
    """Each row's finding: its value, and its quotes (`_ev` of the one finding, inline)."""
    for part, names, read in rows:
        for name, finding in zip(names, read(part(case))):
            quotes = finding.evidence
            v[name], ev[name] = finding.value, quotes if len(quotes) < 2 else _ev(finding)


@functools.cache
def _fields_of(model: type[BaseModel]) -> tuple[str, ...]:
    """A model's field names, read once (pydantic's `model_fields` is a property read anew on each access)."""
    return tuple(model.model_fields)


def _gi_risk(
    case: CaseFacts, drugs: list[_Drug], data: GuidelineData, v: MutableMapping[str, object], ev: dict[str, list[Evidence]]
) -> None:
    """GI risk with NSAIDs: a documented risk factor, older age, or aspirin, corticosteroids or anticoagulants."""
    risk = data.gi_risk
    finding = case.clinical.gi_risk_factors
    age = case.claimant.age
    risky = [m for m, ingredients, classes in drugs if m.status == "current"
             and (not set(risk.classes).isdisjoint(classes) or not set(risk.ingredients).isdisjoint(ingredients))]
    older = age is not None and age > risk.older_than
    if finding.value == "yes" or older or risky:
        v["gi_risk"] = "yes"
    elif finding.value == "no":
        v["gi_risk"] = "no"
    ev["gi_risk"] = _ev(finding, *risky, case.claimant if older else None)


def _diagnosis_groups(case: CaseFacts, vocab: Terminology, v: MutableMapping[str, object], ev: dict[str, list[Evidence]]) -> None:
    groups_of = getattr(vocab, "diagnosis_groups_of", None)
    if groups_of is None:
        return
    grouped = [(d, groups_of(d.name)) for d in case.diagnoses]
    v["diagnosis_groups"] = sorted({g for _, gs in grouped for g in gs})
    ev["diagnosis_groups"] = _ev(*(d for d, gs in grouped if gs))


def _medical_comorbidity(
    case: CaseFacts, table: list[_Drug], vocab: Terminology, data: GuidelineData, v: MutableMapping[str, object],
    ev: dict[str, list[Evidence]],
) -> None:
    """A medical condition that preoperative testing criteria name, from current drugs or diagnoses."""
    wanted = data.perioperative
    classes = set(wanted.comorbidity_classes)
    drugs = [m for m, _, found in table if m.status == "current" and not classes.isdisjoint(found)]
    groups_of = getattr(vocab, "diagnosis_groups_of", None)
    found = [d for d in case.diagnoses
             if groups_of is not None and set(wanted.comorbidity_groups).intersection(groups_of(d.name))]
    if drugs or found:
        v["medical_comorbidity"] = "yes"
        ev["medical_comorbidity"] = _ev(*found, *drugs)


def _surgery_and_screens(case: CaseFacts, as_of: dt.date, v: MutableMapping[str, object], ev: dict[str, list[Evidence]]) -> None:
    dated = [s for s in case.surgeries if s.date is not None and (as_of - s.date.latest()).days >= 0]
    if dated:
        latest = max(dated, key=lambda s: s.date.latest())  # type: ignore[union-attr]
        v["days_since_surgery"] = (as_of - latest.date.latest()).days  # type: ignore[union-attr]
        ev["days_since_surgery"] = _ev(latest)
    risk = case.monitoring.misuse_risk
    v["misuse_risk"], ev["misuse_risk"] = risk.value, _ev(risk)
    stated = case.monitoring.stated_med
    if stated.mg_per_day is not None:
        v["stated_med_mg"], ev["stated_med_mg"] = stated.mg_per_day, _ev(stated)
    screens = [s for s in case.monitoring.urine_drug_screens if s.date is not None]
    if screens:
        days = [(as_of - s.date.latest()).days for s in screens]  # type: ignore[union-attr]
        recent = [s for s, d in zip(screens, days) if 0 <= d <= _YEAR_DAYS]
        v["drug_screens_past_year"] = len(recent)
        ev["drug_screens_past_year"] = _ev(*recent) or _ev(*screens)
        done = [d for d in days if d >= 0]
        if done:
            v["days_since_last_drug_screen"] = min(done)
            ev["days_since_last_drug_screen"] = ev["drug_screens_past_year"]


#: Average days in a month, to turn a postsurgical period in months into days.
_MONTH_DAYS = 365.25 / 12
#: Services whose visits count against a postsurgical course (physical medicine).
POSTSURGICAL_SERVICES = ("physical_therapy",)


def _postsurgical(case: CaseFacts, as_of: dt.date, vocab: Terminology, v: MutableMapping[str, object],
                  ev: dict[str, list[Evidence]]) -> tuple[Surgery, str, PostsurgicalCourse] | None:
    """The latest dated surgery with a postsurgical course, and whether its period still runs; returns it, or None."""
    found = _postsurgical_surgery(case, as_of, vocab)
    if found is None:
        return None
    surgery, service, course = found
    days = (as_of - surgery.date.latest()).days  # type: ignore[union-attr]
    _postsurgical_course(service, course, days, _ev(surgery), v, ev)
    return found


def _postsurgical_surgery(case: CaseFacts, as_of: dt.date, vocab: Terminology) -> tuple[Surgery, str, PostsurgicalCourse] | None:
    """The latest surgery done by *as_of* that has a postsurgical course, with its service and course."""
    course_of = getattr(vocab, "postsurgical_course", None)
    # the whole operation, not the first procedure its name lists: a decompression with a fusion is a fusion (rules12)
    service_of = getattr(vocab, "operation_of", None) or getattr(vocab, "service_of", None)
    if course_of is None or service_of is None:
        return None
    known = []
    for s in case.surgeries:
        service = service_of(s.name)
        course = course_of(service, f"{s.name} {(s.body_region or '').replace('_', ' ')}") if service else None
        if course is not None and s.date is not None and (as_of - s.date.latest()).days >= 0:
            known.append((s.date.latest(), s, service, course))
    if not known:
        return None
    _, surgery, service, course = max(known, key=lambda k: k[0])
    return surgery, service, course


#: The item facts of no postsurgical course (an item for another part than the operated one).
_NO_POSTSURGICAL_COURSE: dict[str, object] = {
    "postsurgical_surgery": "none", "postsurgical_period": "unknown",
    "postsurgical_general_course": None, "postsurgical_initial_course": None,
}
#: The item facts a postsurgical course sets.
_COURSE_FACTS = ("postsurgical_surgery", "postsurgical_period", "postsurgical_general_course",
                 "postsurgical_initial_course")


def _postsurgical_course(service: str, course: PostsurgicalCourse, days: int, evidence: list[Evidence],
                         v: MutableMapping[str, object], ev: dict[str, list[Evidence]]) -> None:
    """The course of *service* (8 CCR 9792.24.3) *days* after the surgery, and whether its period still runs."""
    v["postsurgical_surgery"] = service
    v["postsurgical_period"] = "yes" if days <= round(course.months * _MONTH_DAYS) else "no"
    v["postsurgical_general_course"] = course.visits
    v["postsurgical_initial_course"] = course.visits // 2
    for name in _COURSE_FACTS:
        ev[name] = evidence


#: A request for care after surgery: "post-op PT", "postoperative cold therapy", "after the surgery".
_POSTOPERATIVE = re.compile(
    r"\b(?:post[- ]?op(?:erative(?:ly)?)?|post[- ]?surgical(?:ly)?|after (?:the )?surgery|following (?:the )?surgery)\b",
    re.IGNORECASE,
)
#: Whether a request line asks for care after surgery.
_says_postoperative = _line_says(_POSTOPERATIVE)


#: What the trace says when a post-operative request is dated from the surgery requested with it.
ASSUMED_SURGERY = "assumed: the surgery requested with it takes place, and post-operative days count from it"


def _postoperative_request(
    case: CaseFacts, index: int, items: list[RequestedItem], vocab: Terminology,
    v: MutableMapping[str, object], ev: dict[str, list[Evidence]], how: dict[str, str],
) -> dict[str, str]:
    """Date a post-operative request from the surgery requested in the same case, when no surgery is done yet.

    A request for authorization often asks for a surgery together with its post-operative
    therapy, equipment and tests. Judged on their own, those read as care with no surgery
    behind it (a cold therapy unit in the chronic phase, therapy outside a postsurgical
    course). The surgery's own request is their evidence; the assumption is named in the trace.
    Returns the item's derivation notes (a copy when it adds one).
    """
    if not _says_postoperative(case.requests[index].text):
        return how
    j = _surgery_requested_with(items, index)
    # an operation done before is this request's only while its postsurgical period runs: post-operative therapy asked
    # with a new operation (the other hand's release years after the first) is that operation's (rules16)
    if "days_since_surgery" in v and (j is None or v.get("postsurgical_period") == "yes"):
        return how
    course_of = getattr(vocab, "postsurgical_course", None)
    if j is not None:
        service, text, quote, assumed = items[j].service, case.requests[j].text, _ev(case.requests[j]), ASSUMED_SURGERY
    else:
        found = _authorized_surgery(case, vocab)
        if found is None:
            return how
        (service, text), quote, assumed = found, _ev(case.clinical.surgery_authorized), ASSUMED_AUTHORIZED
    v["prior_surgery"], v["days_since_surgery"] = "yes", 0
    ev["prior_surgery"] = ev["days_since_surgery"] = quote
    how = {**how, "days_since_surgery": assumed, "prior_surgery": assumed}
    course = course_of(service, text) if course_of is not None and service else None
    if course is not None and service:
        _postsurgical_course(service, course, 0, quote, v, ev)
        how.update(dict.fromkeys(_COURSE_FACTS, assumed))
        # therapy completed before a surgery still to come is no part of its post-operative course
        # (8 CCR 9792.24.3: the course starts at the surgery); only the visits asked for count
        for name in ("prior_sessions", "prior_sessions_functional_improvement"):
            v.pop(name, None)
            ev.pop(name, None)
        if items[index].visits is not None:
            v["sessions_total_at_least"] = items[index].visits
            ev["sessions_total_at_least"] = _ev(case.requests[index])
    return how


#: What the trace says when a post-operative request is dated from an authorized or scheduled surgery.
ASSUMED_AUTHORIZED = "assumed: the authorized or scheduled surgery takes place, and post-operative days count from it"


def _authorized_surgery(case: CaseFacts, vocab: Terminology) -> tuple[str, str] | None:
    """(service, words) of the operation the note documents as authorized or scheduled, when its quote names one.

    Only an operation with a postsurgical course in the vocabulary counts: that is what tells an
    operation from other care the same sentence may name.
    """
    finding = case.clinical.surgery_authorized
    service_of = getattr(vocab, "operation_of", None) or getattr(vocab, "service_of", None)
    course_of = getattr(vocab, "postsurgical_course", None)
    if finding.value != "yes" or service_of is None or course_of is None:
        return None
    for e in finding.evidence:
        service = service_of(e.quote)
        if service and course_of(service, e.quote) is not None:
            return service, e.quote
    return None


#: What the trace says of a surgery the record documents as authorized or scheduled, for the care that serves it.
AUTHORIZED_NECESSARY = "read: the operation is authorized or scheduled, so utilization review found it medically necessary"


def _authorized_companion(
    case: CaseFacts, item: RequestedItem, data: GuidelineData, vocab: Terminology,
    v: MutableMapping[str, object], ev: dict[str, list[Evidence]],
    extras: dict[str, object] | None, how: dict[str, str] | None,
) -> None:
    """Care that serves an operation the record documents as authorized or scheduled, not requested with it.

    The operation was certified: care serving it (pre-operative tests and clearance, an assistant,
    a stay) is then judged by its own criteria for a supported surgery, as with a surgery requested with it.
    """
    found = _authorized_surgery(case, vocab)
    if found is None:
        return
    service, words = found
    quote = _ev(case.clinical.surgery_authorized)
    v["companion_surgery"], v["companion_surgery_service"], v["companion_surgery_necessary"] = "authorized", service, "yes"
    _companion_facts(item, data, service, ["companion_surgery_necessary"], quote, v, ev)
    if extras is not None:
        extras["companion_surgery_request"] = f'"{words}"'
    if how is not None:
        how["companion_surgery_necessary"] = AUTHORIZED_NECESSARY


def _perioperative_care(text: str, item: RequestedItem, data: GuidelineData) -> bool:
    """Whether the item (no operation itself) is care around one: its service only exists around one, or its line *text* names such care."""
    if _is_surgery(item):
        return False
    if item.service in data.perioperative.services:
        return True
    # per line: every item asks, and a corpus repeats its lines
    return _line_read(_perioperative_lines(data), text, lambda: _names_perioperative(padded_words(text), data))


#: Request lines whose reading is remembered per guideline data (perioperative words, epidural approach).
_LINE_MEMO_SIZE = 4096


def _line_read(memo: dict[str, _Made], line: str, read: Callable[[], _Made]) -> _Made:
    """*memo*'s answer for a request line, or *read*'s remembered (the memo emptied when full)."""
    found = memo.get(line)
    if found is None:
        found = read()
        if len(memo) >= _LINE_MEMO_SIZE:
            memo.clear()
        memo[line] = found
    return found


@_per_data
def _perioperative_lines(data: GuidelineData) -> dict[str, bool]:
    """Whether each request line read so far names perioperative care under *data* (`_perioperative_care`)."""
    return {}


def _serves_surgery(case: CaseFacts, index: int, item: RequestedItem, perioperative: bool,
                    v: MutableMapping[str, object], ev: dict[str, list[Evidence]]) -> None:
    """Whether the item is care for an operation: *perioperative* (`_perioperative_care`), or its line says post-op."""
    if perioperative or (not _is_surgery(item) and _says_postoperative(case.requests[index].text)):
        v["serves_surgery"] = "yes"
        ev["serves_surgery"] = _ev(case.requests[index])


#: The trace's words for an earlier study set aside as too old to make the request a repeat (thresholds.yaml, imaging).
ASSUMED_STALE_STUDY = "assumed: a study older than the interval no longer makes the request a repeat"


def _intervention_requested(case: CaseFacts, index: int, items: list[RequestedItem],
                            v: MutableMapping[str, object], ev: dict[str, list[Evidence]]) -> None:
    """`intervention_considered` is yes when another line of the request asks for an epidural injection or spine surgery."""
    if v.get("intervention_considered") == "yes":
        return
    for j, other in enumerate(items):
        if j != index and other.service in SPINAL_INTERVENTIONS:
            v["intervention_considered"] = "yes"
            ev["intervention_considered"] = _ev(case.requests[j])
            return


def _companion_surgery(
    case: CaseFacts, index: int, items: list[RequestedItem], perioperative: bool, data: GuidelineData,
    v: MutableMapping[str, object], ev: dict[str, list[Evidence]],
    vocab: Terminology | None = None, extras: dict[str, object] | None = None, how: dict[str, str] | None = None,
) -> int | None:
    """The surgery requested with an item that serves it; its index, or None.

    Requests for authorization ask for a surgery together with what it needs: tests and
    clearance before, an assistant and a stay during, therapy and equipment after. Reviewers
    judge those with the surgery; the engine fills `companion_surgery_necessary` once the
    surgery itself is judged (evaluate.with_surgery_outcomes). Only *perioperative* care
    (`_perioperative_care`) has one.
    """
    if not perioperative:
        return None
    item = items[index]
    j = _surgery_requested_with(items, index)
    if j is None:
        if vocab is not None:
            _authorized_companion(case, item, data, vocab, v, ev, extras, how)
        return None
    surgery = items[j].service or "none"
    v["companion_surgery"], v["companion_surgery_service"] = "requested", surgery
    _companion_facts(item, data, surgery, [], _ev(case.requests[j]), v, ev)
    return j


def _companion_facts(
    item: RequestedItem, data: GuidelineData, surgery: str, more: list[str], quote: list[Evidence],
    v: MutableMapping[str, object], ev: dict[str, list[Evidence]],
) -> None:
    """The surgery's risk and expected stay for the care that serves it (`companion_surgery` already set), all quoting *quote*.

    *more*: other facts the caller set that rest on the same words.
    """
    names = ["companion_surgery", "companion_surgery_service", *more]
    facts = data.perioperative.surgeries.get(surgery)
    if facts is not None:
        v["companion_surgery_risk"], v["companion_stay_days"] = facts.risk, facts.stay_days
        names += ["companion_surgery_risk", "companion_stay_days"]
        days = v.get("duration_days")
        if item.service == "hospital_stay" and isinstance(days, (int, float)):
            v["stay_within_target"] = "yes" if days <= facts.stay_days else "no"
            names.append("stay_within_target")
    for name in names:
        ev[name] = quote
    if "stay_within_target" in names:  # the days come from the stay's own request line
        ev["stay_within_target"] = quote + ev.get("duration_days", [])


def _names_perioperative(words: str, data: GuidelineData) -> bool:
    """Whether padded *words* hold one of the perioperative words (each padded): `any(w in words ...)` in one search.

    The pattern is made once per guideline data; every item of every case asks.
    """
    return _perioperative_pattern(data).search(words) is not None


@_per_data
def _perioperative_pattern(data: GuidelineData) -> re.Pattern[str]:
    """One pattern for all the perioperative words, each padded (no words: one that never matches)."""
    padded = _padded_all(tuple(data.perioperative.words))
    return re.compile("|".join(re.escape(w) for w in padded) or r"(?!)")


@functools.lru_cache(maxsize=64)
def _padded_all(words: tuple[str, ...]) -> tuple[str, ...]:
    """`padded_words` of each of the guideline's words, made once (every item of every case asks)."""
    return tuple(padded_words(w) for w in words)


def _is_surgery(item: RequestedItem) -> bool:
    return item.kind == "procedure" and "surgery" in (item.drug_class, *item.classes)


def _surgery_requested_with(items: list[RequestedItem], index: int) -> int | None:
    """The first other item of the request that is a surgery, or None."""
    return next((j for j, other in enumerate(items) if j != index and _is_surgery(other)), None)


def _postsurgical_visits(item: RequestedItem, v: MutableMapping[str, object], ev: dict[str, list[Evidence]]) -> None:
    """Whether the visits requested plus completed stay within the initial and the general course."""
    total, general = v.get("sessions_total_at_least"), v.get("postsurgical_general_course")
    if item.service not in POSTSURGICAL_SERVICES or not isinstance(total, int) or not isinstance(general, int):
        return
    v["postsurgical_within_initial_course"] = "yes" if total <= general // 2 else "no"
    v["postsurgical_within_general_course"] = "yes" if total <= general else "no"
    ev["postsurgical_within_initial_course"] = ev["postsurgical_within_general_course"] = (
        ev.get("sessions_total_at_least", []) + ev.get("postsurgical_general_course", [])
    )


def _service_of(treatment: Treatment, vocab: Terminology) -> str | None:
    if treatment.service:
        return treatment.service
    lookup = getattr(vocab, "service_of", None)
    return lookup(treatment.name) if lookup is not None else None


def _treatment_history(treatments: list[Treatment], vocab: Terminology, v: MutableMapping[str, object],
                       ev: dict[str, list[Evidence]]) -> None:
    """Services tried, services that failed, and the best response to a diagnostic facet block."""
    services = [(t, _service_of(t, vocab)) for t in treatments]
    tried = [(t, s) for t, s in services if s]
    failed = [(t, s) for t, s in tried if t.effect == "no_improvement" or t.functional_improvement == "no"]
    v["tried_services"] = sorted({s for _, s in tried})
    v["failed_services"] = sorted({s for _, s in failed})
    ev["tried_services"] = _ev(*(t for t, _ in tried))
    ev["failed_services"] = _ev(*(t for t, _ in failed))
    blocks = [t for t, s in tried if s in ("medial_branch_block", "facet_injection") and t.relief_percent is not None]
    if blocks:
        best = max(blocks, key=lambda t: t.relief_percent or 0.0)
        v["diagnostic_block_relief_percent"] = best.relief_percent
        ev["diagnostic_block_relief_percent"] = _ev(best)
    elif "diagnostic_block_relief_percent" in v:  # read again for one item: none of the case's blocks left over
        v["diagnostic_block_relief_percent"] = None
        ev["diagnostic_block_relief_percent"] = []


def _pain(case: CaseFacts, v: MutableMapping[str, object], ev: dict[str, list[Evidence]]) -> None:
    """Latest pain score, and relief with vs. without medication from the latest such pair."""
    general = next((r for r in case.monitoring.stated_relief if not r.ingredients), None)
    if general is not None:  # "50% relief with meds"; a pair of ratings below says it more exactly
        v["pain_relief_percent"] = general.percent
        ev["pain_relief_percent"] = _ev(general)
    scores = case.pain_scores
    if not scores:
        return
    dated = [s for s in scores if s.date is not None]
    latest = max(dated, key=lambda s: s.date.latest()) if dated else scores[0]  # type: ignore[union-attr]
    v["latest_pain_score"] = latest.value
    ev["latest_pain_score"] = _ev(latest)
    groups: dict[str, dict[str, float]] = {}
    sources: dict[str, list[Evidenced]] = {}
    for s in scores:
        if s.context in PRIMARY:
            key = str(s.date) if s.date else ""
            groups.setdefault(key, {})[s.context] = s.value
            sources.setdefault(key, []).append(s)
    pairs = [k for k, g in groups.items() if len(g) == 2 and g["without_medication"] > 0]
    if pairs:
        key = max(pairs)  # ISO-like keys sort by date; '' (undated) sorts first
        g = groups[key]
        v["pain_relief_percent"] = round(100.0 * (g["without_medication"] - g["with_medication"]) / g["without_medication"], 1)
        ev["pain_relief_percent"] = _ev(*sources[key])


def _relief_of(case: CaseFacts, item: RequestedItem) -> StatedRelief | None:
    """The relief the record states of the requested drug itself ("Norco helps ~30%"), if it states one."""
    if not item.ingredients or not case.monitoring.stated_relief:
        return None
    wanted = set(item.ingredients)
    return next((r for r in case.monitoring.stated_relief if wanted.intersection(r.ingredients)), None)


def _matching(drugs: list[_Drug], status: str, ingredients: set[str]) -> list[Medication]:
    return [m for m, found, _ in drugs if m.status == status and not ingredients.isdisjoint(found)]


#: Routes whose drug acts where it is applied: a topical NSAID is no NSAID for GI protection or NSAID laboratory
#: monitoring (CPMTG p. 68-70 speak of oral NSAIDs; topical NSAIDs, p. 111-112, have little systemic absorption).
_LOCAL_ROUTES = ("topical", "transdermal")


def _postoperative_phase(
    item: RequestedItem, data: GuidelineData, v: MutableMapping[str, object], ev: dict[str, list[Evidence]],
    how: dict[str, str],
) -> dict[str, str]:
    """An opioid asked for within the post-operative weeks is in the acute phase, whatever the injury's age.

    The phase otherwise counts from the injury, so pain after a recent operation read as chronic and
    was judged by the ongoing-management criteria. The guidelines treat post-operative pain as acute
    (thresholds.yaml, phases.postoperative_cite); the trace names the surgery the phase counted from.
    """
    days = v.get("days_since_surgery")
    p = data.phases
    if "opioid" not in item.classes or item.route in _LOCAL_ROUTES or not isinstance(days, int) or days > p.postoperative_days:
        return how
    if v.get("long_term_use") == "yes":
        # a long-term user's operation does not make the regimen a new acute course: the CPMTG's long-term
        # assessment (p. 88-89) and ongoing management (p. 78-80) still judge it (rules11)
        return {**how, "postoperative_pain": f"not counted: the opioid was in long-term use before the surgery "
                                              f"{days} days ago, so its long-term criteria still apply"}
    v["phase"], v["postoperative_pain"] = "acute", "yes"
    ev["phase"] = ev["postoperative_pain"] = list(ev.get("days_since_surgery", []))
    note = f"post-operative, {days} days after the surgery (up to {p.postoperative_days}; {p.postoperative_cite})"
    return {**how, "phase": f"acute: {note}", "postoperative_pain": note}


#: Where a patch on one named joint or part of a limb is applied is where the pain is: localized, peripheral pain.
#: Not the spine or a whole limb (axial or radicular pain), nor the head.
_PERIPHERAL_SITES = frozenset({"shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "foot"})


def _pain_at_the_patch_site(
    item: RequestedItem, v: MutableMapping[str, object], ev: dict[str, list[Evidence]], how: dict[str, str],
) -> dict[str, str]:
    """A patch requested for one peripheral site ("1 patch to L palm/wrist") treats pain localized there.

    The lidocaine patch is for "localized peripheral pain" (CPMTG p. 56-57); a note rarely says "localized"
    of pain it describes at one joint or one part of the hand, and the request names where the patch goes.
    Only an unknown finding is filled, and the trace says it was read from the request line (rules11).
    """
    if item.form != "patch" or v.get("localized_pain", "unknown") != "unknown" or item.body_region not in _PERIPHERAL_SITES:
        return how
    v["localized_pain"] = "yes"
    ev["localized_pain"] = list(ev.get("kind", []))
    return {**how, "localized_pain": f"the patch is requested for one peripheral site ({item.body_region})"}


def _systemic_current(drugs: list[_Drug], vocab: Terminology) -> list[str]:
    """The classes of the drugs in use, a topical or transdermal NSAID's NSAID class left out (as `_systemic_classes`)."""
    route_of = getattr(vocab, "route_of", None)  # optional: a terminology without routes keeps every class
    out: set[str] = set()
    for m, _, classes in drugs:
        if m.status != "current":
            continue
        local = route_of is not None and "nsaid" in classes and route_of(m.name) in _LOCAL_ROUTES
        out.update(k for k in classes if not (local and k == "nsaid"))
    return sorted(out)


def _systemic_classes(item: RequestedItem) -> list[str]:
    """The classes a requested drug brings to the regimen as a whole: a topical NSAID's is not a systemic NSAID's."""
    if item.route in _LOCAL_ROUTES:
        return [k for k in item.classes if k != "nsaid"]
    return list(item.classes)


def derive_items(case: CaseFacts, items: list[RequestedItem], as_of: dt.date, vocab: Terminology) -> list[Derived]:
    """One Derived per requested item, in request order."""
    view = _case_view(case, as_of, vocab)
    data = guideline_data(vocab)
    postsurgical = view.postsurgical if view.values.get("postsurgical_period") == "yes" else None
    surgery = postsurgical[0] if postsurgical is not None else None
    meds_by_dose = [vocab.daily_med_mg(item) if "opioid" in item.classes else None for item in items]
    opioid_doses = [d for item, d in zip(items, meds_by_dose) if "opioid" in item.classes]
    cumulative: dict[str, object] = {}
    if opioid_doses and all(d is not None for d in opioid_doses):
        cumulative["cumulative_med_mg"] = round(sum(opioid_doses), 2)  # type: ignore[arg-type]
    if any(d is not None for d in opioid_doses):
        cumulative["cumulative_med_at_least_mg"] = round(sum(d for d in opioid_doses if d is not None), 2)

    requested_classes = sorted({k for item in items if item.kind == "drug" for k in _systemic_classes(item)})
    request_evidence = _ev(*(r for r, item in zip(case.requests, items) if item.kind == "drug"))
    service_requests = [(k, r, item.service) for k, (r, item) in enumerate(zip(case.requests, items))
                        if item.service is not None and item.kind != "drug"]
    shared = {**view.values, **cumulative}
    checked = checked_item_facts(shared)  # the case's values, checked once for all of its items
    case_json = CaseFactsJson(checked) if checked is not None else None  # and their part of each item's JSON
    test, wide = RegionTest(vocab), case_region(case)
    out: list[Derived] = []
    for index, (request, item, med) in enumerate(zip(case.requests, items, meds_by_dose)):
        values = ItemValues(shared)  # the item's values, over the case's
        own = values.own
        evidence = dict(view.evidence)
        values["requested_drug_classes"] = requested_classes
        evidence["requested_drug_classes"] = request_evidence
        companions = [(r, service) for k, r, service in service_requests if k != index]
        values["requested_services"] = sorted({service for _, service in companions})
        evidence["requested_services"] = _ev(*[r for r, _ in companions])
        values.update(_item_values(index, item, med))
        how = benefit_of_other_drugs(item, principal_ingredients(item, vocab), getattr(vocab, "drugs_named", None),
                                     values, evidence, view.how)
        if own_relief := _relief_of(case, item):  # "Gabapentin: the burning is half what it was": this drug's own
            values["pain_relief_percent"] = own_relief.percent
            evidence["pain_relief_percent"] = _ev(own_relief)
        request_ev = _ev(request)
        for name in ("kind", "drug_class", "classes", "ingredients", "service", "item_med_mg", "requested_supply_days",
                     "visits_requested", "injections_requested"):
            evidence[name] = request_ev
        extras: dict[str, object] = {}
        _use_history(view.drugs, item, as_of, vocab, values, evidence, extras, data.long_term.days)
        purpose = request.purpose
        if purpose == "unknown" and values.get("currently_prescribed") == "yes":
            purpose = "continue"
        values["request_purpose"] = purpose
        evidence["request_purpose"] = request_ev + evidence.get("currently_prescribed", [])
        where = item_region(item, wide, test)
        own_surgery = surgery
        if surgery is not None and test.apart(where.region, surgery.body_region):
            own_surgery = None  # another part's operation: its postsurgical course is not this item's
            values.update(_NO_POSTSURGICAL_COURSE)
            evidence.update({name: [] for name in _NO_POSTSURGICAL_COURSE})
        operations = [s for s in case.surgeries if not test.apart(where.region, s.body_region)]
        episode = _prior_sessions(case, item, vocab, values, evidence, where.region, test, operations, as_of, data)
        how = _postoperative_request(case, index, items, vocab, values, evidence, how)
        how = _postoperative_phase(item, data, values, evidence, how)
        how = _care_of_other_regions(case, item, where, vocab, test, values, evidence, how)
        if "prior_sessions_functional_improvement" in values or episode.aside:  # not dropped as before a surgery to come
            how = episode_notes(episode, item.service, values, evidence, how, case.clinical.acute_exacerbation.evidence,
                                _COURSE_FACTS_OF_ITEM)
            others = [t for t in case.treatments if t.kind != "medication" and _service_of(t, vocab) != item.service]
            how = credit_visit_gains(case, item, episode, others, values, evidence, how)
        brief, _ = split_courses([t for t in case.treatments if t.temporary == "yes"], where.region, test)
        how = _failed_care_tried(item, values, evidence, how, [(t, _service_of(t, vocab)) for t in brief])
        how = _pain_at_the_patch_site(item, values, evidence, how)
        how = device_facts(case, request.text, item, vocab, values, evidence, how)
        guidance_facts(request.text, values, evidence)
        drug_testing_facts(request.text, item.service or "none", values, evidence)
        electrodiagnostic_facts(request.text, item.service or "none", values, evidence)
        lab_facts(request.text, item.service or "none", values, evidence)
        if surgery is not None and own_surgery is None:
            note = (f"set aside: the surgery ({surgery.name}, {(surgery.body_region or '').replace('_', ' ')}) is of "
                    f"another region than the request's {region_words(where)}")
            how = {**how, **dict.fromkeys(_NO_POSTSURGICAL_COURSE, note)}
        if where.assumed and item.body_region:  # the case's region read the request's words (a "brace" in a knee case)
            how = {**how, **dict.fromkeys(("service", "body_region"), f"{ASSUMED_REGION}: {region_words(ItemRegion(where.region))}")}
            evidence["body_region"] = view.evidence.get("body_regions", [])
        _postsurgical_visits(item, values, evidence)
        stale = _request_details(case, request, item, values, evidence, data)
        if stale:
            how = {**how, "prior_imaging_same_region": stale}
        perioperative = _perioperative_care(request.text, item, data)
        _serves_surgery(case, index, item, perioperative, values, evidence)
        _intervention_requested(case, index, items, values, evidence)
        how = dict(how)
        companion = _companion_surgery(case, index, items, perioperative, data, values, evidence, vocab, extras, how)
        facts = case_json.item(own) if case_json is not None else item_facts_json(dict(values))
        out.append(Derived(facts, evidence, extras, how, companion))
    return out


_MISSING = object()


class ItemValues(dict[str, object]):
    """An item's values over its case's: `ChainMap(own, case)` as derivation uses it, read at dict speed.

    A copy of the case's values whose writes are also recorded in `own` (the item's values, which
    are checked per item; the case's were checked once). Like a ChainMap, removing a key removes the
    item's value only, and the case's shows again. Every item reads its values dozens of times
    (`get`, `in`, `[]`), which a ChainMap answers in Python.
    """

    def __init__(self, case: dict[str, object]) -> None:
        super().__init__(case)
        self._case = case
        self.own: dict[str, object] = {}

    def __setitem__(self, name: str, value: object) -> None:
        dict.__setitem__(self, name, value)
        self.own[name] = value

    def __delitem__(self, name: str) -> None:
        del self.own[name]  # KeyError for a value of the case, as a ChainMap's first map
        self._restore(name)

    def _restore(self, name: str) -> None:
        shown = self._case.get(name, _MISSING)
        if shown is _MISSING:
            dict.__delitem__(self, name)
        else:
            dict.__setitem__(self, name, shown)

    def update(self, other: Any = (), /, **more: object) -> None:
        given = other if type(other) is dict and not more else dict(other, **more)
        dict.update(self, given)  # each name set, in order, in both: as a loop of __setitem__
        self.own.update(given)

    def __ior__(self, other: Any) -> ItemValues:  # type: ignore[override,misc]
        self.update(other)
        return self

    def setdefault(self, name: str, default: object = None) -> object:
        if name in self:
            return dict.__getitem__(self, name)
        self[name] = default
        return default

    def pop(self, name: str, *default: object) -> object:
        if name not in self.own:
            if default:
                return default[0]
            raise KeyError(f"Key not found in the first mapping: {name!r}")
        value = self.own.pop(name)
        self._restore(name)
        return value

    def popitem(self) -> tuple[str, object]:
        if not self.own:
            raise KeyError("No keys found in the first mapping.")
        name, value = self.own.popitem()
        self._restore(name)
        return name, value

    def clear(self) -> None:
        while self.own:
            self.popitem()

    def copy(self) -> ItemValues:
        out = ItemValues(self._case)
        out.update(self.own)
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
        "injections_requested": item.visits if item.kind == "procedure" else None,
        "levels_requested": count_levels(item.levels, item.service in _FACET_NERVE_SERVICES) if item.levels else None,
        "item_med_mg": med,
    }
    if item.duration_days and item.kind == "drug":
        # the course the prescriber states ("#30 (2-week course for the flare)", "x 10 days", "for 3 months") is the
        # use asked for: a short course is judged as the course written, a supply refilled for months as months (rules12)
        v["requested_supply_days"] = round(item.duration_days, 1)
    elif item.quantity and item.doses_per_day:
        v["requested_supply_days"] = round(item.quantity * (1 + (item.refills or 0)) / item.doses_per_day, 1)
    return v


def principal_ingredients(item: RequestedItem, vocab: Terminology) -> set[str]:
    """The ingredients that make the item what it is: those of its primary class.

    Combination products share adjuncts (acetaminophen in Norco and Percocet); matching
    on them would make Percocet "currently prescribed" because Norco is.
    """
    principal = {i for i in item.ingredients if item.drug_class in vocab.classes_of([i])}
    return principal or set(item.ingredients)


def _use_history(
    drugs: list[_Drug], item: RequestedItem, as_of: dt.date, vocab: Terminology,
    v: MutableMapping[str, object], ev: dict[str, list[Evidence]], extras: dict[str, object], long_term_days: int,
) -> None:
    """How long the requested drug has been used, and whether it failed before."""
    wanted = principal_ingredients(item, vocab)
    if not wanted:
        return
    current = _matching(drugs, "current", wanted)
    failed = _matching(drugs, "tried_failed", wanted)
    used = _ev(*current)  # the quotes of current use, for each fact read from it (one list: read-only)
    if current:
        v["currently_prescribed"] = "yes"
        ev["currently_prescribed"] = used
    if failed:
        v["previously_failed"] = "yes"
        ev["previously_failed"] = _ev(*failed)
    durations = [(as_of - m.started.latest()).days for m in current if m.started is not None]
    durations = [d for d in durations if d >= 0]
    if durations:
        v["use_duration_days"] = max(durations)
        first = min((m for m in current if m.started is not None), key=lambda m: m.started.earliest())  # type: ignore[union-attr]
        since = "since at least " if first.started_qualifier == "at_least_since" else "since "
        extras["medication_started"] = since + str(first.started)
    if any(m.long_term == "yes" for m in current) or (durations and max(durations) >= long_term_days):
        v["long_term_use"] = "yes"
    elif durations and all(m.started_qualifier == "on" for m in current if m.started) and max(durations) < long_term_days:
        v["long_term_use"] = "no"
    ev["use_duration_days"] = ev["long_term_use"] = used


def _prior_sessions(
    case: CaseFacts, item: RequestedItem, vocab: Terminology, v: MutableMapping[str, object], ev: dict[str, list[Evidence]],
    region: str | None, test: RegionTest, operations: list[Surgery], as_of: dt.date, data: GuidelineData = DEFAULTS,
) -> Episode:
    """Completed sessions of the requested service in the current episode, whether they improved function, and their relief.

    A course given to another region than the item's (*region*) is no course of it; the courses of an
    earlier episode (engine/episodes.py: before the injury, physical medicine before an operation on the
    part (*operations*) since done, before a long gap) speak for nothing here; after a flare-up a course
    that worked keeps its gains but not its visits. Returns the split, for the trace.
    """
    if not item.service:
        return Episode()
    courses = [t for t in case.treatments if _service_of(t, vocab) == item.service]
    courses = split_courses(courses, region, test)[0]
    episode = current_episode(case, item, courses, as_of, operations, v.get("postsurgical_period") == "yes",
                              data.episodes.new_trial_after_days, test.apart, _new_diagnosis(vocab, v, data),
                              bool(_RETROSPECTIVE.search(item.text)))
    kept, counted = list(episode.kept), episode.counted
    if not kept:
        if item.visits is not None:
            v["sessions_total_at_least"] = item.visits
        return episode
    sessions = [t.sessions for t in kept if t.sessions is not None]
    if sessions:
        v["prior_sessions"] = sum(sessions)
    if item.visits is not None:
        v["sessions_total_at_least"] = item.visits + sum(t.sessions or 0 for t in counted)
    fi = [t.functional_improvement for t in kept]
    v["prior_sessions_functional_improvement"] = "yes" if "yes" in fi else "no" if "no" in fi else "unknown"
    relieved = [t for t in kept if t.relief_percent is not None]
    if relieved:
        best = max(relieved, key=lambda t: (t.relief_percent or 0.0, t.relief_weeks or 0.0))
        v["prior_relief_percent"] = best.relief_percent
        if best.relief_weeks is not None:
            v["prior_relief_weeks"] = best.relief_weeks
    reduced = [t.medication_reduction for t in kept]
    v["prior_medication_reduction"] = "yes" if "yes" in reduced else "no" if "no" in reduced else "unknown"
    quotes = _ev(*kept)
    for name in _COURSE_FACTS_OF_ITEM:
        ev[name] = quotes
    if episode.finished and item.visits is not None:
        ev["sessions_total_at_least"] = _ev(*counted) + ev.get("visits_requested", [])
    return episode


#: A request for care already given: "PT x 12, retro", "retrospective request", "retro-authorization".
_RETROSPECTIVE = re.compile(r"\bretro(?:spective(?:ly)?|active(?:ly)?|-?auth\w*)?\b", re.IGNORECASE)


def _new_diagnosis(vocab: Terminology, v: MutableMapping[str, object], data: GuidelineData) -> NewDiagnosis:
    """The case's diagnoses that open a course of their own (thresholds.yaml `episodes.new_course_groups`)."""
    groups = v.get("diagnosis_groups")
    found = frozenset(data.episodes.new_course_groups).intersection(groups if isinstance(groups, list) else ())
    if not found:
        return NewDiagnosis()
    return NewDiagnosis(found, getattr(vocab, "diagnosis_groups_of", None), data.episodes.new_course_cite)


#: The item facts read from the courses of the requested service, and from all care tried.
_COURSE_FACTS_OF_ITEM = ("prior_sessions", "prior_sessions_functional_improvement", "sessions_total_at_least",
                         "prior_relief_percent", "prior_relief_weeks", "prior_medication_reduction")
_TRIED_FACTS = ("tried_services", "failed_services", "diagnostic_block_relief_percent")


def _care_of_other_regions(
    case: CaseFacts, item: RequestedItem, where: ItemRegion, vocab: Terminology, test: RegionTest,
    v: MutableMapping[str, object], ev: dict[str, list[Evidence]], how: dict[str, str],
) -> dict[str, str]:
    """Care tried on another region than the item's set aside, and named in the trace (a copy of *how* when it adds).

    `_prior_sessions` has already left such courses out of the item's own sessions; here the case's
    therapies tried and failed are read again without them, and a failed-conservative-care finding
    whose every quote tells of another part is no finding of this item's.
    """
    region = where.region
    if region is None:
        return how
    how = _diagnoses_of_other_regions(case, where, vocab, test, v, ev, how)
    kept, aside = split_courses(case.treatments, region, test)
    value, quotes, quotes_aside = finding_for_region(case.clinical.conservative_care_failed, region, test)
    if not aside and not quotes_aside:
        return how
    how = dict(how)
    if aside:
        _treatment_history(kept, vocab, v, ev)
        note = set_aside_note(aside, where)
        same = [t for t in aside if item.service and _service_of(t, vocab) == item.service]
        for name in _TRIED_FACTS:
            how[name] = note
        for name in _COURSE_FACTS_OF_ITEM if same else ():
            how[name] = set_aside_note(same, where)
    if quotes_aside:
        v["conservative_care_failed"], ev["conservative_care_failed"] = value, quotes
        told = "; ".join(f"'{e.quote[:80]}'" for e in quotes_aside)
        how["conservative_care_failed"] = (
            f"set aside as told of another region than the request's {region_words(where)}: {told}"
        )
    return how


def _diagnoses_of_other_regions(
    case: CaseFacts, where: ItemRegion, vocab: Terminology, test: RegionTest,
    v: MutableMapping[str, object], ev: dict[str, list[Evidence]], how: dict[str, str],
) -> dict[str, str]:
    """The item's diagnosis groups without the diagnoses of another part only (a copy of *how* when it sets one aside).

    Guideline criteria that turn on a diagnosis speak of the part treated: a fractured ankle makes a
    film of the wrist no fracture follow-up, nor a wrist cast fracture care. A diagnosis naming no
    region still counts everywhere. An item whose region is the case's single one loses nothing.
    """
    groups_of = getattr(vocab, "diagnosis_groups_of", None)
    if groups_of is None or where.assumed:
        return how
    kept, aside = split_diagnoses(case.diagnoses, where.region, test)
    grouped = [(d, groups_of(d.name)) for d in kept]
    groups = sorted({g for _, gs in grouped for g in gs})
    if groups == v.get("diagnosis_groups"):
        return how
    v["diagnosis_groups"] = groups
    ev["diagnosis_groups"] = _ev(*(d for d, gs in grouped if gs))
    named = "; ".join(f"{d.name} ({', '.join(r.replace('_', ' ') for r in d.body_regions)})" for d in aside)
    return {**how, "diagnosis_groups": f"set aside as diagnoses of another region than the request's {region_words(where)}: {named}"}


#: Conservative care whose documented failure is failed conservative care: physical medicine, home exercise,
#: modalities, the first-line drugs (CPMTG p. 46, 122: "exercises, physical methods, NSAIDs and muscle relaxants").
_CONSERVATIVE_SERVICES = frozenset({
    "physical_therapy", "chiropractic", "acupuncture", "aquatic_therapy", "massage", "tens", "home_exercise_kit",
    "traction", "interferential_unit", "work_conditioning",
})
_CONSERVATIVE_DRUGS = frozenset({"nsaid", "muscle_relaxant"})
#: Pain programmes (and their evaluation) ask that "previous methods of treating chronic pain have been unsuccessful"
#: (CPMTG p. 31-32; the ODG Pain chapter's criteria for multidisciplinary programs): psychological treatment of the
#: chronic pain (CPMTG p. 23, 101-102: cognitive behavioural therapy, biofeedback, hypnosis) is one of those methods.
#: For other requests "conservative care" is the physical care and first-line drugs above (an ESI's or a surgery's
#: criteria name exercise, physical methods, NSAIDs and muscle relaxants), so a failed psychotherapy does not count there.
_PAIN_PROGRAM_SERVICES = frozenset({"functional_restoration_program", "functional_restoration_evaluation"})
_PSYCHOLOGICAL_CARE = frozenset({"cognitive_behavioral_therapy", "hypnotherapy"})
#: What the trace says when failed conservative care is read from the care documented as not helping.
FAILED_CARE_TRIED = "read: conservative care the record documents as not helping"


def _failed_care_tried(
    item: RequestedItem, v: MutableMapping[str, object], ev: dict[str, list[Evidence]], how: dict[str, str],
    brief: Sequence[tuple[Treatment, str | None]] = (),
) -> dict[str, str]:
    """Failed conservative care from the conservative courses and first-line drugs documented as failed.

    Notes tell what was tried and that it did not help ("PT x 12 without benefit", "naproxen - no help")
    far more often than they write "conservative care failed"; a course or drug the record documents as
    failing is that failure. Only when the record itself says nothing either way (the item's region's care).
    A conservative course whose relief did not last (*brief*: "helped for two weeks", "gains did not hold") is
    failed care too: the corpus README keys conservative care failed for "only temporary relief".
    """
    if v.get("conservative_care_failed") != "unknown" or item.service in _CONSERVATIVE_SERVICES:
        return how
    services = v.get("failed_services")
    drugs = v.get("failed_drug_classes")
    counted = _CONSERVATIVE_SERVICES | _PSYCHOLOGICAL_CARE if item.service in _PAIN_PROGRAM_SERVICES else _CONSERVATIVE_SERVICES
    lasted_not = [(t, service) for t, service in brief if service in counted]
    failed = sorted(counted.intersection(services if isinstance(services, list) else ())
                    | _CONSERVATIVE_DRUGS.intersection(drugs if isinstance(drugs, list) else ())
                    | {service for _, service in lasted_not if service})
    if not failed:
        return how
    v["conservative_care_failed"] = "yes"
    ev["conservative_care_failed"] = ev.get("failed_services", []) + ev.get("failed_drug_classes", []) + _ev(
        *(t for t, _ in lasted_not))
    return {**how, "conservative_care_failed": f"{FAILED_CARE_TRIED} ({', '.join(failed)})"}


#: Procedures on the nerves of the facet joints, whose single-segment levels are the medial branches supplying a joint.
_FACET_NERVE_SERVICES = frozenset({"medial_branch_block", "radiofrequency_ablation"})


def count_levels(levels: Iterable[str], facet_nerves: bool = False) -> int:
    """Spinal levels a request covers: 'L4-L5' is one, 'L3-L5' two, 'L4' one; unknown shapes count one each.

    With *facet_nerves* (a medial branch block or neurotomy) the levels are facet joints (ODG Low Back: two joint
    levels a session). Each joint is supplied by two nerves, its own level's medial branch and the one above (L4-5
    by L3 and L4), so nerves named alone ("L3, L4, L5 medial branches") are one joint fewer than they number, and
    nerves named beside the joints they supply ("L3-4 and L4-5 (L2, L3, L4 medial branches)") add none.
    """
    levels = list(dict.fromkeys(levels))
    if facet_nerves:
        joints = [level for level in levels if "-" in level]
        nerves = [level for level in levels if level in _SEGMENTS]
        if joints:
            return count_levels(joints)
        if len(nerves) == len(levels) and nerves:
            return max(1, len(nerves) - 1)
    total = 0
    for level in levels:
        ends = level.split("-")
        if len(ends) == 2 and all(e in _SEGMENTS for e in ends):
            total += max(1, abs(_SEGMENTS.index(ends[1]) - _SEGMENTS.index(ends[0])))
        else:
            total += 1
    return total


def _approach(text: str, data: GuidelineData = DEFAULTS) -> str:
    """The epidural approach the request's words name: a spelling that starts a word ("transforaminal", "TF").

    Remembered per request line and guideline data (every item asks; a corpus repeats its lines).
    """
    return _line_read(_approaches(data), text, lambda: _approach_of(text, data))


def _approach_of(text: str, data: GuidelineData) -> str:
    """`_approach` read anew."""
    words = " " + " ".join(text.casefold().replace("-", " ").split()) + " "
    for approach, starts in _word_starts(data):
        if starts.search(words):
            return approach
    return "unknown"


@_per_data
def _approaches(data: GuidelineData) -> dict[str, str]:
    """The approach of each request line read so far under *data* (`_approach`)."""
    return {}


@_per_data
def _word_starts(data: GuidelineData) -> list[tuple[str, re.Pattern[str]]]:
    """Per approach, one pattern finding any of its spellings with a space before it, made once per guideline data.

    The same test as `any(f" {w}" in words ...)` over its spellings, in one C-level search (every item asks).
    """
    return [(approach, re.compile("|".join(re.escape(f" {w}") for w in spellings) or r"(?!)"))
            for approach, spellings in data.epidural_approach.words.items()]


#: A request to extend a course under way: "FRP extension", "additional 10 days", "remaining 2 weeks", "2 more weeks".
_EXTENSION = re.compile(
    r"\b(?:extension|extend(?:ed)?|additional|remaining|continu(?:e|ed|ing|ation)|further)\b|\b\d+\s+more\b",
    re.IGNORECASE,
)
#: Whether a request line asks to extend a course under way.
_says_extension = _line_says(_EXTENSION)


#: The facts `_request_details` reads from the request line alone, each quoting it.
_REQUEST_DETAILS = ("route", "frequency_per_week", "duration_weeks", "duration_days", "hours_requested", "hours_per_week",
                    "trial", "extension_requested", "acquisition", "approach", "maintenance_request")


def _request_details(
    case: CaseFacts, request: object, item: RequestedItem, v: MutableMapping[str, object], ev: dict[str, list[Evidence]],
    data: GuidelineData = DEFAULTS,
) -> str | None:
    """What therapy, device and procedure criteria read from the request line itself.

    Returns the trace's note when the only earlier studies of the item's region are older than the assumed
    interval (`imaging.stale_after_days`) and so were set aside; a record that says nothing changed since keeps
    them (the criterion is the change, the interval only stands in for it when the change is not documented).
    """
    if item.body_region:
        targets = [item.body_region]
    elif item.levels:
        targets = sorted({_SPINE_REGION[level[0]] for level in item.levels if level[:1] in _SPINE_REGION})
    else:
        targets = list(v.get("body_regions", []))  # type: ignore[call-overload]
    v.update({  # one update, in this order: an item's values are written through Python-level `ItemValues.__setitem__`
        "route": item.route or "unknown",
        "frequency_per_week": item.frequency_per_week,
        "duration_weeks": item.duration_weeks,
        "duration_days": item.duration_days,
        "hours_requested": item.hours,
        # home health is limited by the week (CPMTG p. 51); "4 hrs/day" alone does not say how many days
        "hours_per_week": item.hours_per_week if item.hours_per_week is not None else (
            item.hours if item.hours_per_day is None else None),
        "trial": "yes" if item.trial else "unknown",
        "extension_requested": "yes" if _says_extension(item.text) else "unknown",
        "acquisition": item.acquisition or "unknown",
        "approach": _approach(item.text, data),
        "target_regions": targets,
        "maintenance_request": getattr(request, "maintenance", "unknown"),
    })
    request_ev = ev.get("kind", [])
    ev.update(dict.fromkeys(_REQUEST_DETAILS, request_ev))
    ev["target_regions"] = request_ev if (item.body_region or item.levels) else ev.get("body_regions", [])
    modalities = _MODALITIES.get(item.service or "")
    if not modalities:
        return None
    same = [s for s in case.imaging
            if s.modality.casefold() in modalities and s.body_region is not None and s.body_region in targets]
    as_of_day = v.get("as_of_day")
    limit = data.imaging.stale_after_days
    # a study documented as still matching the findings ("no change since") answers the question whatever its age
    recent = [s for s in same if s.date is None or not isinstance(as_of_day, int) or v.get("symptoms_changed") == "no"
              or as_of_day - s.date.latest().toordinal() <= limit]
    if recent:
        v["prior_imaging_same_region"] = "yes"
        ev["prior_imaging_same_region"] = _ev(*recent)
    elif same:  # every earlier study of the region is older than the interval: judged as a first study
        ev["prior_imaging_same_region"] = _ev(*same)
        dates = ", ".join(str(s.date) for s in same)
        return (f"{ASSUMED_STALE_STUDY} ({limit} days; no guideline gives the interval): the earlier study of the "
                f"region ({dates}) is set aside, so the request is judged as a first study")
    elif _REPEAT_STUDY.search(item.text):
        v["prior_imaging_same_region"] = "yes"
        ev["prior_imaging_same_region"] = request_ev
    return None
