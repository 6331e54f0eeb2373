"""The figures of a QA report, gathered one output record at a time.

QA staff need more than one agreement figure: where the engine disagrees (by category,
deciding rule, year, guideline generation, reviewer specialty), why citations differ, and the disagreements
themselves to read. `Breakdown` is fed the records of `imr qa` (items, refusals, the
summary) in any number and keeps only counters and a bounded list of disagreements, so
a report over a large corpus needs little memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .agreement import Agreement, agreement

#: Disagreements kept for the table; the rest are counted (a browser would choke on 100,000 rows).
MAX_ROWS = 5000
#: The group of an item without the value, per breakdown.
MISSING = {"category": "(no deciding rule)", "rule": "(no deciding rule)", "year": "(no date)",
           "specialty": "(not stated)", "facts": "(not stated)", "generation": "(no generation)"}

#: Why a predicted citation does not match the letter's, in the order the report lists them.
CITATION_REASONS = (
    "match",
    "letter cites no guideline",
    "nothing predicted",
    "other guideline",
    "same guideline, other section",
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Group(_Model):
    """Agreement over the items sharing one value of a breakdown (a category, a rule, a year)."""

    key: str
    figures: Agreement
    citation_agree: int


class Disagreement(_Model):
    """One item where the prediction and the letter differ, with what to read it against."""

    input: str
    case: str
    item: int = Field(description="1-based position of the item in its letter.")
    request: str
    predicted: str
    actual: str
    rule: str
    category: str
    year: str
    engine_rationale: str
    reviewer_rationale: str
    quoted_facts: list[str]


class ReportData(_Model):
    """Everything the HTML report shows."""

    rules_version: str
    complete: bool
    inputs: int
    evaluated: int
    refused: int
    refused_by_code: dict[str, int]
    refusals: list[str] = Field(description="The first refusal reasons, one line each.")
    overall: Agreement
    citation_agree: int
    citation_reasons: dict[str, int]
    leaning_on_rationale_facts: int
    breakdowns: dict[str, list[Group]] = Field(description="Title -> groups, most items first.")
    disagreements: list[Disagreement]
    disagreements_omitted: int


#: Breakdown title -> how an item record names its group.
BREAKDOWNS: tuple[tuple[str, str], ...] = (
    ("category", "Category of the deciding rule"),
    ("rule", "Deciding rule"),
    ("year", "Year"),
    ("generation", "Guideline generation"),
    ("specialty", "Reviewer specialty"),
    ("facts", "Facts"),
)


def citation_reason(record: Mapping[str, Any]) -> str:
    """Why an item's citations match or not, from the citations themselves."""
    if record["citation_match"]:
        return "match"
    actual, predicted = record["actual_citations"], record["predicted_citations"]
    if not actual:
        return "letter cites no guideline"
    if not predicted:
        return "nothing predicted"
    guidelines = {(c["source"], c["guideline"]) for c in predicted}
    if not any((c["source"], c["guideline"]) in guidelines for c in actual):
        return "other guideline"
    return "same guideline, other section"


def group_key(record: Mapping[str, Any], breakdown: str) -> str:
    """The group an item record falls in for *breakdown*."""
    if breakdown == "rule":
        value = record["rules"][0] if record.get("rules") else None
    else:
        value = record.get(breakdown)
    return MISSING[breakdown] if value is None else str(value)


class Breakdown:
    """Running counters over `imr qa` records; `data()` gives the report's figures."""

    def __init__(self, max_rows: int = MAX_ROWS, max_refusals: int = 200) -> None:
        self.max_rows, self.max_refusals = max_rows, max_refusals
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.groups: dict[str, dict[str, Counter[tuple[str, str]]]] = {b: {} for b, _ in BREAKDOWNS}
        self.group_citations: dict[str, Counter[str]] = {b: Counter() for b, _ in BREAKDOWNS}
        self.reasons: Counter[str] = Counter()
        self.refused_codes: Counter[str] = Counter()
        self.refusals: list[str] = []
        self.inputs: set[str] = set()
        self.leaning = 0
        self.rows: list[Disagreement] = []
        self.omitted = 0
        self.summary: dict[str, Any] | None = None

    def add_all(self, records: Iterable[Mapping[str, Any]]) -> Breakdown:
        for record in records:
            self.add(record)
        return self

    def add(self, record: Mapping[str, Any]) -> None:
        """Count one output record (an item, a refusal or the summary)."""
        kind = record.get("type", "item")
        if kind == "summary":
            self.summary = dict(record)
        elif kind == "refused":
            self.refused_codes[record.get("code", "refused")] += 1
            if len(self.refusals) < self.max_refusals:
                self.refusals.append(record["reason"])
        else:
            self._add_item(record)

    def _add_item(self, record: Mapping[str, Any]) -> None:
        pair = (record["predicted"], record["actual"])
        self.pairs[pair] += 1
        self.inputs.add(record.get("input", record["case"]))
        self.leaning += bool(record["leans_on_rationale_facts"])
        self.reasons[citation_reason(record)] += 1
        for breakdown, _ in BREAKDOWNS:
            key = group_key(record, breakdown)
            self.groups[breakdown].setdefault(key, Counter())[pair] += 1
            self.group_citations[breakdown][key] += bool(record["citation_match"])
        if not record["agree"]:
            if len(self.rows) < self.max_rows:
                self.rows.append(_disagreement(record))
            else:
                self.omitted += 1

    def data(self, rules_version: str | None = None, complete: bool | None = None) -> ReportData:
        """The report's figures; *rules_version* and *complete* default to the summary record's."""
        summary = self.summary or {}
        refused = sum(self.refused_codes.values())
        return ReportData(
            rules_version=rules_version or summary.get("rules_version", "unknown"),
            complete=bool(summary.get("complete", True)) if complete is None else complete,
            inputs=len(self.inputs) + refused,
            evaluated=len(self.inputs),
            refused=refused,
            refused_by_code=dict(sorted(self.refused_codes.items())),
            refusals=self.refusals,
            overall=_figures(self.pairs),
            citation_agree=self.reasons["match"],
            citation_reasons={r: self.reasons[r] for r in CITATION_REASONS},
            leaning_on_rationale_facts=self.leaning,
            breakdowns={title: self._groups(b) for b, title in BREAKDOWNS},
            disagreements=self.rows,
            disagreements_omitted=self.omitted,
        )

    def _groups(self, breakdown: str) -> list[Group]:
        groups = [
            Group(key=key, figures=_figures(pairs), citation_agree=self.group_citations[breakdown][key])
            for key, pairs in self.groups[breakdown].items()
        ]
        if breakdown == "year":
            return sorted(groups, key=lambda g: g.key)
        return sorted(groups, key=lambda g: (-g.figures.items, g.key))


def _figures(pairs: Counter[tuple[str, str]]) -> Agreement:
    return agreement(pair for pair, n in sorted(pairs.items()) for _ in range(n))


def _disagreement(record: Mapping[str, Any]) -> Disagreement:
    return Disagreement(
        input=record.get("input", record["case"]),
        case=record["case"],
        item=record["index"] + 1,
        request=record["request"],
        predicted=record["predicted"],
        actual=record["actual"],
        rule=group_key(record, "rule"),
        category=group_key(record, "category"),
        year=group_key(record, "year"),
        engine_rationale=record["engine_rationale"],
        reviewer_rationale=record["reviewer_rationale"],
        quoted_facts=list(record.get("quoted_facts", [])),
    )



def read_output(path: Path) -> Breakdown:
    """The breakdown of an `imr qa --out` file (InputFileError for what is not one)."""
    from .exports import read_records

    return Breakdown().add_all(read_records(path))
