"""The shape of a rule file: guideline criteria as data.

A rule file holds the rules for one guideline topic (e.g. opioids in the
Chronic Pain Medical Treatment Guidelines). Each rule says which guideline
section it encodes, which items it applies to, the criteria under which it
speaks, what it concludes, how to explain that, and what documentation would
change the answer.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..citations import Citation, Source
from .conditions import Condition

Outcome = Literal["medically_necessary", "not_medically_necessary", "advisory"]

_RULE_ID = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class GuidelineRef(_Strict):
    """Which guideline text a rule encodes, and when that text is in force."""

    source: Source
    guideline: str
    edition: str
    sections: list[str] = Field(min_length=1)
    pages: list[tuple[int, int]] = Field(default_factory=list)
    effective_from: dt.date
    effective_until: dt.date | None = None
    citation_checked: bool = Field(
        description="True once the criterion and pages were checked against the guideline text itself."
    )
    note: str | None = Field(None, description="Corrections to the brief, caveats, where the text was read.")
    generations: list[str] = Field(
        default_factory=list,
        description="MTUS generations (rules/generations.yaml) the text belongs to; filled from the folder when empty.",
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> GuidelineRef:
        if self.effective_until and self.effective_until < self.effective_from:
            raise ValueError("effective_until is before effective_from")
        return self

    def as_citation(self) -> Citation:
        return Citation(
            source=self.source, guideline=self.guideline, sections=tuple(self.sections), pages=tuple(self.pages)
        )

    def label(self) -> str:
        """Human citation, e.g. 'MTUS Chronic Pain Medical Treatment Guidelines (2009), Opioids, p. 78-80'."""
        pages = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in self.pages)
        tier = "MTUS" if self.source == "MTUS" else "Non-MTUS"
        name = self.guideline if self.guideline.startswith(f"{tier} ") else f"{tier} {self.guideline}"  # no "MTUS MTUS ..."
        where = "; ".join(self.sections)
        return f"{name} ({self.edition}), {where}" + (f", p. {pages}" if pages else "")


class AppliesTo(_Strict):
    """Which requested items a rule is about. Keys combine with AND, values within a key with OR."""

    ingredients: list[str] = Field(default_factory=list)
    classes: list[str] = Field(default_factory=list)
    services: list[str] = Field(default_factory=list)
    kinds: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _not_empty(self) -> AppliesTo:
        if not (self.ingredients or self.classes or self.services or self.kinds):
            raise ValueError("applies_to needs at least one of ingredients, classes, services, kinds")
        return self


class Rule(_Strict):
    """One guideline criterion and what it concludes when it holds."""

    id: str
    title: str = Field(min_length=3)
    question: str = Field(min_length=3, description="The criterion as a yes/no question; 'yes' fires the rule.")
    guideline: GuidelineRef
    applies_to: AppliesTo | None = None
    when: Condition | None = None
    outcome: Outcome
    statement: str = Field(min_length=3, description="What the guideline says, in our words.")
    rationale: str = Field(min_length=3, description="Template: the facts of this case, with {fact} placeholders.")
    would_change_if: list[str] = Field(default_factory=list)
    advisory: str | None = Field(None, description="Advice to attach when the rule fires (e.g. taper).")

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _RULE_ID.match(value):
            raise ValueError("rule ids are lowercase words joined by '-' or '.', e.g. cpmtg.opioids.no-functional-improvement")
        return value

    @model_validator(mode="after")
    def _decisive_rules_say_what_would_change(self) -> Rule:
        if self.outcome != "advisory" and not self.would_change_if:
            raise ValueError("a rule that decides an item needs would_change_if")
        if self.outcome == "advisory" and not self.advisory:
            raise ValueError("an advisory rule needs its advisory text")
        return self

    @property
    def tier(self) -> int:
        """Evidence tier: 1 for MTUS, 2 for other guidelines (8 CCR 9792.21.1)."""
        return 1 if self.guideline.source == "MTUS" else 2


class RuleFile(_Strict):
    """One YAML file of rules about one topic."""

    topic: str = Field(pattern=r"^[a-z0-9_]+$")
    category: str = Field(pattern=r"^[a-z0-9_]+$", description="What kind of request, e.g. opioids, muscle_relaxants.")
    title: str
    applies_to: AppliesTo
    generations: list[str] | Literal["every"] | None = Field(
        None, description="MTUS generations of every rule here, instead of the folder's (rules/generations.yaml)."
    )
    rules: list[Rule] = Field(min_length=1)
