"""The lines of a batch's JSON Lines output, and the running totals behind its summary.

Three record types, told apart by `type`:
- `item`: one QA item (the `imr qa --json` item fields) plus the input it came
  from, how many items that input has (so a resumed run can tell a complete
  input from one cut off mid-way) and where its facts came from;
- `refused`: an input that could not be evaluated, with a reason code and a
  one-line reason naming the file;
- `summary`: the totals, always the last line (`complete` is false when the run
  was interrupted).
Every line is compact JSON with sorted keys: the same input gives the same bytes.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..qa.compare import QAItem, QASummary, agreement_fields

FactsSource = Literal["curated", "extracted"]


class ItemRecord(QAItem):
    """One QA item of one input."""

    type: Literal["item"] = "item"
    input: str
    item_count: int = Field(description="Items of this input: the record is one of that many.")
    facts: FactsSource
    rules_version: str = Field(description="The rule book that made this record: a resumed run must use the same.")


class RefusedRecord(BaseModel):
    """An input that could not be evaluated, and why."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["refused"] = "refused"
    input: str
    case: str
    code: str = Field(description="unreadable, letter, case_facts, no_facts, extraction, engine, mismatch, ...")
    reason: str
    rules_version: str = Field(description="The rule book of the run that refused it.")


class SummaryRecord(QASummary):
    """Totals over every input reported, the last line of the output."""

    type: Literal["summary"] = "summary"
    inputs: int = Field(description="Inputs reported: evaluated + refused.")
    evaluated: int
    refused_by_code: dict[str, int]
    complete: bool = Field(description="False when the run was interrupted before every input was reported.")


def to_line(record: BaseModel) -> str:
    """A record as one deterministic JSON line (no newline)."""
    return dump_line(record.model_dump(mode="json"))


def dump_line(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class Tally:
    """Running totals, fed one record at a time, so nothing but counters is kept."""

    def __init__(self) -> None:
        self.inputs = self.evaluated = self.items = self.agree = 0
        self.citation_agree = self.indeterminate = self.leaning = 0
        self.refused: Counter[str] = Counter()
        self.outcomes: Counter[tuple[str, str]] = Counter()  # (predicted, actual): a few distinct pairs

    def add_input(self, records: list[dict[str, Any]]) -> None:
        """Count one input's records: its items, or its one refusal."""
        self.inputs += 1
        if records and records[0]["type"] == "refused":
            self.refused[records[0]["code"]] += 1
            return
        self.evaluated += 1
        for record in records:
            self.items += 1
            self.agree += bool(record["agree"])
            self.citation_agree += bool(record["citation_match"])
            self.indeterminate += record["predicted"] == "Indeterminate"
            self.outcomes[(record["predicted"], record["actual"])] += 1
            self.leaning += bool(record["leans_on_rationale_facts"])

    def summary(self, rules_version: str, complete: bool) -> SummaryRecord:
        refused = sum(self.refused.values())
        return SummaryRecord(
            cases=self.inputs,
            inputs=self.inputs,
            evaluated=self.evaluated,
            refused=refused,
            refused_by_code=dict(sorted(self.refused.items())),
            items=self.items,
            agree=self.agree,
            disagree=self.items - self.agree,
            citation_agree=self.citation_agree,
            indeterminate=self.indeterminate,
            leaning_on_rationale_facts=self.leaning,
            rules_version=rules_version,
            complete=complete,
            **self.agreement_fields(),
        )

    def agreement_fields(self) -> dict[str, Any]:
        return agreement_fields(pair for pair, n in sorted(self.outcomes.items()) for _ in range(n))
