"""The draft case being read: facts accumulate here with their evidence, then become CaseFacts.

Readers add what they find; the draft merges repeats (the same drug named twice, the
same date in two sentences) and settles findings that several sentences speak to:
a documented presence outweighs a documented absence ("yes" wins), both outweigh a
statement that the record is silent (kept as evidence on an `unknown` finding).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..facts.fuzzy_date import FuzzyDate
from ..facts.model import CaseFacts, Evidence
from ..vocabulary import phrase_key

#: The co-ingredient of most combination analgesics: sharing it does not make two products one drug.
CO_INGREDIENTS = frozenset({"acetaminophen"})


def add_evidence(target: list[Evidence], *evidence: Evidence | None) -> None:
    """Append evidence not already there (same source and span)."""
    for e in evidence:
        if e is not None and not any(
            (x.start, x.end, x.source, x.quote) == (e.start, e.end, e.source, e.quote) for x in target
        ):
            target.append(e)


def overlaps_evidence(entry: dict[str, Any], ev: Evidence | None) -> bool:
    """Whether a found entry already quotes words that *ev* quotes (one mention read by two readers)."""
    if ev is None or ev.start is None or ev.end is None:
        return False
    return any(x.start is not None and x.end is not None and x.start < ev.end and ev.start < x.end
               for x in entry.get("evidence", []) if x is not None)


@dataclass
class Votes:
    """What the text says of one yes/no finding."""

    yes: list[Evidence] = field(default_factory=list)
    no: list[Evidence] = field(default_factory=list)
    silent: list[Evidence] = field(default_factory=list)  # "not documented" statements
    #: yes only of the past ("naproxen stopped in 2019 for gastritis"): it yields to a present absence ("no heartburn")
    past: list[Evidence] = field(default_factory=list)

    def add(self, value: str, evidence: Evidence | None) -> None:
        bucket = {"yes": self.yes, "no": self.no, "unknown": self.silent, "past": self.past}[value]
        add_evidence(bucket, evidence)

    def settle(self) -> dict[str, Any] | None:
        if self.yes:
            return {"value": "yes", "evidence": self.yes}
        if self.no:
            return {"value": "no", "evidence": self.no}
        if self.past:
            return {"value": "yes", "evidence": self.past}
        if self.silent:
            return {"value": "unknown", "evidence": self.silent}
        return None


@dataclass
class Drug:
    """A medication as read so far; `identity` and `ingredients` say which drug it is."""

    name: str
    identity: str | None
    ingredients: tuple[str, ...]
    classes: tuple[str, ...]
    status: str = "unknown"
    started: FuzzyDate | None = None
    started_qualifier: str = "on"
    long_term: str = "unknown"
    evidence: list[Evidence] = field(default_factory=list)

    listed: bool = False  # an entry of a drug list proper (current, past, tried and failed)

    def same_drug(
        self, identity: str | None, ingredients: tuple[str, ...], name: str, *, by_name_only: bool = False
    ) -> bool:
        """Whether *name* is this drug: same name or product, else (for mentions) an active ingredient in common."""
        if phrase_key(self.name) == phrase_key(name):
            return True
        if self.identity is not None and self.identity == identity:
            return True
        if by_name_only:
            return False
        if self.ingredients and set(self.ingredients) == set(ingredients):
            return True
        mine, theirs = set(self.ingredients) - CO_INGREDIENTS, set(ingredients) - CO_INGREDIENTS
        if mine != theirs and max(len(mine), len(theirs)) > 1:
            return False  # a compound cream with gabapentin in it is not the gabapentin taken by mouth
        return bool(mine & theirs)


#: Status strength: a list that says current/past/tried-and-failed outweighs a mere mention.
_STATUS_RANK = {"unknown": 0, "past": 1, "tried_failed": 2, "current": 3}


@dataclass
class Draft:
    """Everything read so far about one case."""

    case_id: str
    jurisdiction: str = "california"  # the letter layout's; a note is read as a California request
    age: int | None = None
    sex: str = "unknown"
    claimant_evidence: list[Evidence] = field(default_factory=list)
    injury: tuple[FuzzyDate, list[Evidence]] | None = None
    ur_decision: tuple[FuzzyDate, list[Evidence]] | None = None
    latest_mentioned: tuple[FuzzyDate, list[Evidence]] | None = None
    rfa: tuple[FuzzyDate, list[Evidence]] | None = None  # the forwarded request's own date
    report_dates: dict[str, tuple[FuzzyDate, list[Evidence]]] = field(default_factory=dict)
    diagnoses: dict[tuple[str, ...], dict[str, Any]] = field(default_factory=dict)
    surgeries: dict[tuple[str, ...], dict[str, Any]] = field(default_factory=dict)
    treatments: dict[tuple[str, ...], dict[str, Any]] = field(default_factory=dict)
    imaging: dict[tuple[str, str | None, str | None], dict[str, Any]] = field(default_factory=dict)
    drugs: list[Drug] = field(default_factory=list)
    pain: list[dict[str, Any]] = field(default_factory=list)
    screens: list[dict[str, Any]] = field(default_factory=list)
    findings: dict[str, Votes] = field(default_factory=dict)
    work_status: tuple[str, list[Evidence]] | None = None
    misuse_risk: tuple[str, list[Evidence]] | None = None
    stated_med: tuple[float, list[Evidence]] | None = None
    stated_relief: list[dict[str, Any]] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)

    # ------------------------------------------------------------------ adding
    def finding(self, path: str, value: str, evidence: Evidence | None) -> None:
        """Record what a sentence says of the finding at *path* (e.g. 'exam.muscle_spasm')."""
        self.findings.setdefault(path, Votes()).add(value, evidence)

    def report_date(self, date: FuzzyDate, evidence: Evidence | None) -> None:
        entry = self.report_dates.setdefault(str(date), (date, []))
        add_evidence(entry[1], evidence)

    def diagnosis(self, name: str, regions: list[str], evidence: Evidence | None) -> None:
        key = phrase_key(name)
        if not key:
            return
        entry = self.diagnoses.setdefault(key, {"name": name, "body_regions": [], "evidence": []})
        entry["body_regions"] += [r for r in regions if r not in entry["body_regions"]]
        add_evidence(entry["evidence"], evidence)

    def surgery(self, name: str, region: str | None, date: FuzzyDate | None, evidence: Evidence | None) -> None:
        key = phrase_key(name)
        entry = self.surgeries.setdefault(key, {"name": name, "body_region": region, "date": None, "evidence": []})
        if date is not None and entry["date"] is None:
            entry["date"] = date
        add_evidence(entry["evidence"], evidence)

    def treatment(
        self,
        name: str,
        kind: str,
        service: str | None,
        effect: str,
        evidence: Evidence | None,
        sessions: int | None = None,
        **measured: Any,
    ) -> None:
        """A treatment tried; *measured* may add its date, relief_percent and relief_weeks."""
        key = phrase_key(name)
        entry = self.treatments.setdefault(
            key, {"name": name, "kind": kind, "service": service, "effect": "unknown", "evidence": []}
        )
        if effect != "unknown":
            entry["effect"] = effect
        if sessions is not None:
            entry["sessions"] = entry.get("sessions", 0) + sessions
        entry.update({k: v for k, v in measured.items() if v is not None})
        add_evidence(entry["evidence"], evidence)

    def imaging_study(
        self, modality: str, region: str | None, date: FuzzyDate | None, evidence: Evidence | None,
        corroborates: str = "unknown",
    ) -> None:
        key = (modality, region, str(date) if date else None)
        entry = self.imaging.setdefault(
            key, {"modality": modality, "body_region": region, "date": date, "evidence": []}
        )
        add_evidence(entry["evidence"], evidence)
        if corroborates != "unknown" and entry.get("corroborates_radiculopathy") != "yes":
            entry["corroborates_radiculopathy"] = corroborates

    def drug(
        self,
        name: str,
        identity: str | None,
        ingredients: tuple[str, ...],
        classes: tuple[str, ...],
        status: str,
        evidence: Evidence | None,
        *,
        listed: bool = False,
    ) -> Drug:
        """The drug entry for *name*, merged with an entry for the same drug if there is one.

        Two entries of drug lists are one drug only by name or product: "Neurontin" (current)
        and "Gralise" (tried and failed) share gabapentin but are listed apart. A mere mention
        ("requests for Fentanyl patch ...", "being prescribed Fentanyl") joins the listed drug
        that has its active ingredient.
        """
        existing = next(
            (d for d in self.drugs if d.same_drug(identity, ingredients, name, by_name_only=listed and d.listed)), None
        )
        if existing is None:
            existing = Drug(name, identity, ingredients, classes, listed=listed)
            self.drugs.append(existing)
        elif (
            existing.ingredients and not existing.listed
            and set(ingredients) > set(existing.ingredients) and set(ingredients) - set(existing.ingredients) <= CO_INGREDIENTS
        ):
            # "hydrocodone" then "Norco": the product names the drug whole (its acetaminophen too)
            existing.name, existing.identity, existing.ingredients, existing.classes = name, identity, ingredients, classes
        if _STATUS_RANK[status] > _STATUS_RANK[existing.status]:
            existing.status = status
        add_evidence(existing.evidence, evidence)
        return existing

    def find_drug(self, identity: str | None, ingredients: tuple[str, ...], name: str) -> Drug | None:
        return next((d for d in self.drugs if d.same_drug(identity, ingredients, name)), None)

    def screen(self, date: FuzzyDate | None, consistent: str, evidence: Evidence | None) -> None:
        """A urine drug screen; mentions of the same dated screen are one screen."""
        for entry in self.screens:
            if date is not None and entry["date"] == date:
                if entry["consistent"] == "unknown":
                    entry["consistent"] = consistent
                add_evidence(entry["evidence"], evidence)
                return
        if date is None and consistent == "unknown":
            for entry in self.screens:
                if entry["date"] is None and entry["consistent"] == "unknown":
                    add_evidence(entry["evidence"], evidence)
                    return
        self.screens.append({"date": date, "consistent": consistent, "evidence": [e for e in [evidence] if e]})

    def pain_score(
        self, score: float, score_max: float | None, date: FuzzyDate | None, context: str, evidence: Evidence | None,
        *, other_time: bool = False,
    ) -> None:
        """A pain rating. The same undated rating restated (typically in several rationales) is one rating.

        *other_time*: a bare rating told of another time or as a least or worst ("was 7/10 at intake").
        """
        for entry in self.pain:
            same_value = (entry["score"], entry["score_max"], entry["date"]) == (score, score_max, date)
            if same_value and (
                entry["context"] == context or (date is None and "unspecified" in (entry["context"], context))
            ):
                if entry["context"] == "unspecified":
                    entry["context"] = context
                entry["other_time"] = entry["other_time"] and other_time
                add_evidence(entry["evidence"], evidence)
                return
        self.pain.append(
            {
                "score": score,
                "score_max": score_max,
                "date": date,
                "context": context,
                "evidence": [e for e in [evidence] if e],
                "other_time": other_time,
            }
        )

    # ------------------------------------------------------------------ the result
    def to_case(self) -> CaseFacts:
        data: dict[str, Any] = {"case_id": self.case_id}
        if self.jurisdiction != "california":
            data["jurisdiction"] = self.jurisdiction
        if self.age is not None or self.sex != "unknown":
            data["claimant"] = {"age": self.age, "sex": self.sex, "evidence": self.claimant_evidence}
        if self.injury:
            data["date_of_injury"] = {"date": self.injury[0], "evidence": self.injury[1]}
        if self.ur_decision:
            data["ur_decision_date"] = {"date": self.ur_decision[0], "evidence": self.ur_decision[1]}
        if self.rfa:
            data["rfa_date"] = {"date": self.rfa[0], "evidence": self.rfa[1]}
        if self.latest_mentioned:
            data["latest_date_mentioned"] = {"date": self.latest_mentioned[0], "evidence": self.latest_mentioned[1]}
        data["report_dates"] = [{"date": d, "evidence": ev} for d, ev in self.report_dates.values()]
        data["diagnoses"] = list(self.diagnoses.values())
        data["surgeries"] = list(self.surgeries.values())
        data["treatments"] = list(self.treatments.values())
        data["imaging"] = list(self.imaging.values())
        data["medications"] = [
            {
                "name": d.name,
                "status": d.status,
                "started": d.started,
                "started_qualifier": d.started_qualifier,
                "long_term": d.long_term,
                "evidence": d.evidence,
            }
            for d in self.drugs
        ]
        data["pain_scores"] = [{k: v for k, v in e.items() if k != "other_time"} for e in self.pain]
        nested: dict[str, dict[str, Any]] = {"function": {}, "monitoring": {}, "exam": {}, "clinical": {}}
        for path, votes in self.findings.items():
            section, name = path.split(".")
            settled = votes.settle()
            if settled:
                nested[section][name] = settled
        if self.work_status:
            nested["function"]["work_status"] = {"value": self.work_status[0], "evidence": self.work_status[1]}
        if self.measures:
            nested["function"]["measures"] = self.measures
        nested["monitoring"]["urine_drug_screens"] = self.screens
        if self.misuse_risk:
            nested["monitoring"]["misuse_risk"] = {"value": self.misuse_risk[0], "evidence": self.misuse_risk[1]}
        if self.stated_med:
            nested["monitoring"]["stated_med"] = {"mg_per_day": self.stated_med[0], "evidence": self.stated_med[1]}
        nested["monitoring"]["stated_relief"] = self.stated_relief
        data.update(nested)
        data["requests"] = self.requests
        return CaseFacts.model_validate(data)
