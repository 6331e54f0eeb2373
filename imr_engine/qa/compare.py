"""QA: predicted outcomes and citations against the decisions in the real letters.

For each input, the letter parser reads what the reviewer decided and cited,
the engine predicts from the case facts, and the two are compared item by item
(`compare_predictions`, called by the pipeline's worker: `batch.work`). Nothing
expected is typed by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..citations import Citation, citation_matches
from ..engine import CaseDetermination
from ..engine.determination import FiredRule
from ..errors import ImrError
from ..letter import ParsedLetter
from .agreement import agreement


class ItemCountMismatch(ImrError):
    """The facts and the letter do not list the same number of items: they cannot be paired."""


class QAItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    case: str
    index: int
    request: str
    predicted: str
    actual: str
    agree: bool
    citation_match: bool
    predicted_citations: list[Citation]
    actual_citations: list[Citation]
    rules: list[str] = Field(description="Decisive rule ids.")
    leans_on_rationale_facts: bool
    engine_rationale: str
    reviewer_rationale: str
    # What QA staff break agreement down by, and what a disagreement is read against (defaults: older output).
    category: str | None = Field(None, description="Category of the first deciding rule; None when no rule decided.")
    year: int | None = Field(None, description="Year of the letter's assignment, else of the UR denial, else of the as-of date.")
    specialty: str | None = Field(None, description="The reviewer's first stated specialty.")
    generation: str | None = Field(
        None, description="The MTUS generation the item was judged under (rules/generations.yaml id); None: none declared."
    )
    quoted_facts: list[str] = Field(
        default_factory=list, description="Facts the deciding rules read: 'name = value: \"quote\"'."
    )


class Refused(BaseModel):
    """An input that could not be evaluated, and why."""

    model_config = ConfigDict(extra="forbid")

    case: str
    reason: str


class QASummary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    cases: int
    refused: int
    items: int
    agree: int
    disagree: int
    citation_agree: int
    indeterminate: int
    leaning_on_rationale_facts: int
    rules_version: str
    # Figures that cannot flatter (qa/agreement.py): agreement beside always answering the commonest outcome.
    agreement_ci95: tuple[float, float] | None = None
    majority_baseline: float | None = None
    kappa: float | None = None
    overturned_recall: float | None = None
    overturned_precision: float | None = None
    confusion: dict[str, dict[str, int]] = Field(default_factory=dict, description="actual -> predicted -> count.")


def agreement_fields(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The summary's agreement figures for (predicted, actual) pairs."""
    a = agreement(pairs)
    return {
        "agreement_ci95": a.agreement_ci95, "majority_baseline": a.majority_baseline, "kappa": a.kappa,
        "overturned_recall": a.overturned_recall, "overturned_precision": a.overturned_precision,
        "confusion": a.confusion,
    }


class QAReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    summary: QASummary
    items: list[QAItem]
    refused: list[Refused]

    @property
    def all_agree(self) -> bool:
        return self.summary.disagree == 0 and not self.refused


def compare_predictions(
    result: CaseDetermination, letter: ParsedLetter, case: str, source: str, facts: str = "case.yaml",
    category_of: Mapping[str, str] | None = None,
) -> list[QAItem]:
    """Predicted items against the letter's decided items, in order.

    *source* (the facts' file, or the letter they were read from) and *facts*
    (what they are, e.g. "the extracted facts") word the error raised when the
    two do not list the same number of items. *category_of* (rule id -> category)
    names each item's category after its deciding rule.
    """
    if len(result.items) != len(letter.items):
        raise ItemCountMismatch(
            f"{facts} {'has' if facts == 'case.yaml' else 'list'} {len(result.items)} requests "
            f"but the letter decides {len(letter.items)} items",
            source=source,
        )
    out = []
    dated = letter.date_assigned or letter.ur_denial_date or date.fromisoformat(result.as_of)
    specialty = letter.reviewer.specialties[0] if letter.reviewer.specialties else None
    for predicted, actual in zip(result.items, letter.items):
        deciding = [r for r in predicted.rules if r.decisive]
        match = any(citation_matches(p, a) for p in predicted.citations for a in actual.citations)
        out.append(QAItem(
            case=case,
            index=predicted.index,
            request=actual.request,
            predicted=predicted.predicted,
            actual=actual.decision,
            agree=predicted.predicted == actual.decision,
            citation_match=match,
            predicted_citations=predicted.citations,
            actual_citations=actual.citations,
            rules=[r.rule_id for r in deciding],
            leans_on_rationale_facts=predicted.leans_on_rationale_facts,
            engine_rationale=predicted.rationale,
            reviewer_rationale=actual.rationale,
            category=(category_of or {}).get(deciding[0].rule_id) if deciding else None,
            year=dated.year if dated else None,
            specialty=specialty,
            generation=predicted.generation.id if predicted.generation else None,
            quoted_facts=_quoted_facts(deciding),
        ))
    return out


def _quoted_facts(rules: Iterable[FiredRule]) -> list[str]:
    """Each fact the rules read, once, with the words it rests on."""
    out: dict[str, None] = {}
    for rule in rules:
        for fact in rule.facts:
            value = ", ".join(fact.value) if isinstance(fact.value, list) else fact.value
            quotes = "; ".join(f'"{e.quote}"' for e in fact.evidence)
            out.setdefault(f"{fact.name} = {value}" + (f": {quotes}" if quotes else ""), None)
    return list(out)


class ReportBuilder:
    """The `imr qa` report (`QAReport`) assembled from the pipeline's records as they come."""

    def __init__(self) -> None:
        self.items: list[QAItem] = []
        self.refused: list[Refused] = []
        self._fields = set(QAItem.model_fields)

    def add(self, record: Mapping[str, Any]) -> None:
        """One `item` or `refused` record of `batch.records`."""
        if record["type"] == "refused":
            self.refused.append(Refused(case=record["case"], reason=record["reason"]))
        else:
            self.items.append(QAItem.model_validate({k: v for k, v in record.items() if k in self._fields}))

    def report(self, inputs: int, rules_version: str) -> QAReport:
        """The report over *inputs* inputs, its totals counted from the items themselves."""
        agree = sum(i.agree for i in self.items)
        summary = QASummary(
            cases=inputs,
            refused=len(self.refused),
            items=len(self.items),
            agree=agree,
            disagree=len(self.items) - agree,
            citation_agree=sum(i.citation_match for i in self.items),
            indeterminate=sum(i.predicted == "Indeterminate" for i in self.items),
            leaning_on_rationale_facts=sum(i.leans_on_rationale_facts for i in self.items),
            rules_version=rules_version,
            **agreement_fields((i.predicted, i.actual) for i in self.items),
        )
        return QAReport(summary=summary, items=self.items, refused=self.refused)
