"""The shapes the HTTP API accepts and returns, beyond the engine's own models.

Every response body names the rule set that produced it (`rules_version`), so an
answer can always be traced back to the rules that gave it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..checklist import ItemChecklist
from ..citations import Citation
from ..engine.determination import CaseDetermination
from ..facts.model import CaseFacts
from ..rulebook.generations import GenerationRef
from ..rulebook.model import GuidelineRef, Rule

RequestLine = Annotated[str, Field(min_length=1, max_length=2_000)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExtractRequest(_Model):
    """Free text and the requested items, as a reviewer pastes them."""

    text: str = Field(min_length=1, description="A progress note, an RFA or a determination letter, as plain text.")
    requests: list[RequestLine] = Field(
        default_factory=list, max_length=200,
        description="Requested items, one per entry, as written on the RFA (e.g. 'Norco 10/325 #120').",
    )
    case_id: str = Field("precheck", min_length=1, max_length=200, description="Id the draft case is given.")


class ExtractResponse(_Model):
    rules_version: str
    case: CaseFacts = Field(description="Draft case facts; each fact's evidence has offsets into `text`.")


class PrecheckResponse(_Model):
    rules_version: str
    determination: CaseDetermination = Field(description="The same document /v1/evaluate answers.")
    checklist: list[ItemChecklist] = Field(
        description="Per item: the deciding rules' criteria, documented or not, and what must change together."
    )


class RuleSummary(_Model):
    """One rule as a reviewer needs to see it: what it asks, what it concludes, where it comes from."""

    id: str
    title: str
    question: str
    category: str
    outcome: Literal["medically_necessary", "not_medically_necessary", "advisory"]
    tier: Literal["MTUS", "non-MTUS"]
    statement: str
    citation: Citation
    citation_label: str
    guideline: GuidelineRef = Field(description="Guideline, edition, sections, pages, effective dates.")
    effective_from: dt.date
    effective_until: dt.date | None
    would_change_if: list[str]

    @classmethod
    def of(cls, rule: Rule, category: str) -> RuleSummary:
        return cls(
            id=rule.id, title=rule.title, question=rule.question, category=category, outcome=rule.outcome,
            tier="MTUS" if rule.tier == 1 else "non-MTUS", statement=rule.statement,
            citation=rule.guideline.as_citation(), citation_label=rule.guideline.label(), guideline=rule.guideline,
            effective_from=rule.guideline.effective_from, effective_until=rule.guideline.effective_until,
            would_change_if=rule.would_change_if,
        )


class RulesResponse(_Model):
    rules_version: str
    as_of: dt.date | None = Field(None, description="With ?as_of=: the date the listing is for.")
    generation: GenerationRef | None = Field(None, description="With ?as_of=: the MTUS generation in force then.")
    warnings: list[str] = Field(default_factory=list, description="E.g. a date outside every generation.")
    rules: list[RuleSummary]


class SchemaResponse(_Model):
    rules_version: str
    schema_: dict[str, Any] = Field(alias="schema", description="JSON Schema of the case-facts model (/v1/evaluate's body).")


class Health(_Model):
    status: Literal["ok"]
    rules_version: str
    rules: int = Field(description="How many rules are loaded.")


class FieldError(_Model):
    """One thing wrong with the input, located the way pydantic locates it."""

    field: str = Field(description="Dotted location inside the body or query, e.g. 'requests.0.text'.")
    loc: list[str | int] = Field(description="pydantic's location: ['body', 'requests', 0, 'text'].")
    message: str
    type: str


class ErrorDetail(_Model):
    status: int
    message: str = Field(description="One line naming the field and the problem.")
    field: str | None = None
    errors: list[FieldError] = Field(default_factory=list)
    request_id: str | None = None


class ErrorResponse(_Model):
    error: ErrorDetail
    rules_version: str
