"""The guideline scenario table: tests/rules/scenarios/*.yaml, read with the safe loader (yaml.safe_load semantics).

Each scenario names one rule, the guideline criterion and page it tests, a patient described in
a few shorthand facts, the outcome the guideline text leads to, and whether the rule fires. The
shorthand expands to a full CaseFacts (see `expand`), so derivation is exercised as well:

    request: "Naproxen 550mg bid #60"   # the item under test (always the first request)
    also: ["Norco 10/325 #120 qid"]      # other requests of the same case
    facts:
      injury: 2015-05-20                 # date of injury (default 2012-03-01)
      decided: 2015-06-01                # UR decision date, the as-of date (default 2015-06-01)
      age: 70
      purpose: initiate                  # the item's request purpose; maintenance: yes
      meds: [Naproxen, "Norco@2015-05-01", "Neurontin!failed", "Motrin!past"]
      dx: ["lumbar radiculopathy|lumbar_spine"]   # diagnosis name | body regions
      pain: [4, 8]                       # with / without medication; [4, 8, "quote"]: the sentence that gives them
      <finding>: yes|no                  # any clinical, exam, function or monitoring finding
      <finding>: {value: yes, quote: "naproxen lets him turn his head to drive"}   # with the words it is read from
      misuse_risk: low|moderate|high
      stated_med: 60                     # the morphine-equivalent mg a day the record states
      screens: ["2015-03-01", "2015-04-01:no"]    # urine drug screens, ':no' = inconsistent
      treatments: [{service: physical_therapy, sessions: 12, fi: no, relief: 60, weeks: 8, meds_reduced: yes, date: 2014-05}]
      imaging: [{modality: mri, region: lumbar_spine, corroborates: yes, date: 2014-02-01}]   # date optional
      surgery: 2015-05-28                # or "carpal tunnel release@2015-05-28": the operation and its date
      work_status: off_work|modified_duty|part_time|full_duty
      jurisdiction: texas                # the case's (default california)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from imr_engine.facts import CaseFacts
from imr_engine.facts.model import Clinical, Exam, FunctionalStatus, Monitoring

SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"
OUTCOMES = {"Upheld", "Overturned", "Indeterminate"}
RULE_OUTCOME = {"not_medically_necessary": "Upheld", "medically_necessary": "Overturned"}

_CLINICAL = set(Clinical.model_fields)
_EXAM = set(Exam.model_fields)
_FUNCTION = {k for k in FunctionalStatus.model_fields if k not in ("measures", "work_status")}
_MONITORING = {k for k in Monitoring.model_fields if k not in ("urine_drug_screens", "misuse_risk", "stated_med")}
_PLAIN = {"injury", "decided", "age", "purpose", "maintenance", "meds", "dx", "pain", "misuse_risk", "stated_med", "screens",
          "treatments", "imaging", "surgery", "work_status", "jurisdiction"}
KNOWN_FACTS = _PLAIN | _CLINICAL | _EXAM | _FUNCTION | _MONITORING


@dataclass(frozen=True)
class Scenario:
    file: str
    index: int
    rule: str
    criterion: str
    page: str
    request: str
    also: tuple[str, ...]
    facts: dict[str, Any]
    fires: bool
    expect: str

    @property
    def label(self) -> str:
        return f"{self.file}#{self.index}:{self.rule}:{'fires' if self.fires else 'silent'}"


def _word(value: Any) -> str:
    """YAML reads yes/no as booleans; scenarios mean the tri-state words."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value)


def _ev(quote: str) -> list[dict[str, str]]:
    return [{"quote": quote, "source": "summary"}]


def _date(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _medication(spec: str) -> dict[str, Any]:
    if spec.endswith("!failed"):
        return {"name": spec[:-7], "status": "tried_failed", "evidence": _ev(f"{spec[:-7]} failed")}
    if spec.endswith("!past"):
        return {"name": spec[:-5], "status": "past", "evidence": _ev(f"{spec[:-5]} in the past")}
    name, _, since = spec.partition("@")
    if since:
        return {"name": name, "status": "current", "started": since, "started_qualifier": "on",
                "evidence": _ev(f"{name} started {since}")}
    return {"name": name, "status": "current", "started": "2014-01", "started_qualifier": "at_least_since",
            "evidence": _ev(f"{name} since at least 2014")}


def _treatment(spec: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"name": spec.get("name", spec.get("service", "treatment")), "evidence": _ev("prior treatment")}
    for short, field in (("service", "service"), ("sessions", "sessions"), ("relief", "relief_percent"),
                         ("weeks", "relief_weeks"), ("effect", "effect"), ("date", "date")):
        if short in spec:
            out[field] = _date(spec[short]) if short == "date" else spec[short]
    if "fi" in spec:
        out["functional_improvement"] = _word(spec["fi"])
    if "meds_reduced" in spec:
        out["medication_reduction"] = _word(spec["meds_reduced"])
    return out


def expand(request: str, also: tuple[str, ...], facts: dict[str, Any]) -> CaseFacts:
    """The full case facts a scenario's shorthand stands for."""
    unknown = set(facts) - KNOWN_FACTS
    if unknown:
        raise ValueError(f"unknown scenario facts: {sorted(unknown)}")
    requests: list[dict[str, Any]] = [{"text": r, "evidence": [{"quote": r, "source": "request"}]}
                                      for r in (request, *also)]
    if "purpose" in facts:
        requests[0]["purpose"] = facts["purpose"]
    if "maintenance" in facts:
        requests[0]["maintenance"] = _word(facts["maintenance"])
    data: dict[str, Any] = {
        "case_id": "scenario",
        "date_of_injury": {"date": _date(facts.get("injury", "2012-03-01")), "evidence": _ev("injured at work")},
        "ur_decision_date": {"date": _date(facts.get("decided", "2015-06-01")), "evidence": _ev("UR non-certified")},
        "requests": requests,
        "medications": [_medication(m) for m in facts.get("meds", [])],
        "clinical": {}, "exam": {}, "function": {}, "monitoring": {},
    }
    if "jurisdiction" in facts:
        data["jurisdiction"] = facts["jurisdiction"]
    if "age" in facts:
        data["claimant"] = {"age": facts["age"], "evidence": _ev(f"{facts['age']} year old")}
    data["diagnoses"] = [
        {"name": d.partition("|")[0], "body_regions": [r for r in d.partition("|")[2].split(",") if r],
         "evidence": _ev(d.partition("|")[0])}
        for d in facts.get("dx", [])
    ]
    if "pain" in facts:
        with_med, without, *said = facts["pain"]  # a third element: the sentence that gives both ratings
        data["pain_scores"] = [
            {"score": with_med, "context": "with_medication", "date": "2015-05-01",
             "evidence": _ev(said[0] if said else "with medication")},
            {"score": without, "context": "without_medication", "date": "2015-05-01",
             "evidence": _ev(said[0] if said else "without")},
        ]
    for key, value in facts.items():
        if isinstance(value, dict):  # {value: yes, quote: "..."}: the finding with the words it is read from
            finding = {"value": _word(value["value"]), "evidence": _ev(str(value["quote"]))}
        else:
            finding = {"value": _word(value), "evidence": _ev(f"{key} documented")}
        for section, names in (("clinical", _CLINICAL), ("exam", _EXAM), ("function", _FUNCTION),
                               ("monitoring", _MONITORING)):
            if key in names:
                data[section][key] = finding
    if "misuse_risk" in facts:
        data["monitoring"]["misuse_risk"] = {"value": facts["misuse_risk"], "evidence": _ev("risk assessed")}
    if "stated_med" in facts:
        data["monitoring"]["stated_med"] = {"mg_per_day": facts["stated_med"], "evidence": _ev("MED stated")}
    if "screens" in facts:
        data["monitoring"]["urine_drug_screens"] = [
            {"date": _date(s).partition(":")[0], "consistent": _date(s).partition(":")[2] or "yes",
             "evidence": _ev("urine drug screen")}
            for s in facts["screens"]
        ]
    data["treatments"] = [_treatment(t) for t in facts.get("treatments", [])]
    data["imaging"] = [
        {"modality": i["modality"], "body_region": i.get("region"),
         "corroborates_radiculopathy": _word(i.get("corroborates", "unknown")), "evidence": _ev("imaging"),
         **({"date": _date(i["date"])} if "date" in i else {})}
        for i in facts.get("imaging", [])
    ]
    if "work_status" in facts:
        data["function"]["work_status"] = {"value": facts["work_status"], "evidence": _ev("work status")}
    if "surgery" in facts:
        name, _, when = _date(facts["surgery"]).rpartition("@")
        data["surgeries"] = [{"name": name or "surgery", "date": when, "evidence": _ev(f"{name or 'surgery'} on {when}")}]
    return CaseFacts.model_validate(data)


def load_scenarios(directory: Path = SCENARIO_DIR) -> list[Scenario]:
    out: list[Scenario] = []
    for path in sorted(directory.glob("*.yaml")):
        # safe_load's loader, in libyaml's C where PyYAML has it: every xdist worker reads the table
        # when it collects, and the pure-Python reader takes about ten times as long
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        for i, raw in enumerate(doc["scenarios"]):
            missing = {"rule", "criterion", "page", "request", "fires", "expect"} - set(raw)
            if missing:
                raise ValueError(f"{path.name} scenario {i}: missing {sorted(missing)}")
            if raw["expect"] not in OUTCOMES:
                raise ValueError(f"{path.name} scenario {i}: expect must be one of {sorted(OUTCOMES)}")
            out.append(Scenario(
                file=path.name, index=i, rule=raw["rule"], criterion=str(raw["criterion"]), page=str(raw["page"]),
                request=raw["request"], also=tuple(raw.get("also", ())), facts=dict(raw.get("facts") or {}),
                fires=bool(raw["fires"]), expect=raw["expect"],
            ))
    return out
