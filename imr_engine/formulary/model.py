"""The MTUS Drug Formulary as data, and what it answers for one drug request.

The formulary does not decide medical necessity: it decides whether a drug
needs prospective review at all (8 CCR 9792.27.1 ff.). So it is reported next
to the prediction, never folded into it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Status = Literal["exempt", "non_exempt", "unlisted"]
AnswerStatus = Literal["exempt", "non_exempt", "unlisted", "unknown"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Entry(_Strict):
    """The status of one ingredient or class on the MTUS Drug List, as a public source states it."""

    status: Status
    special_fill_days: int | None = Field(None, ge=0, description="Days allowed; 0 = not flagged; none = not read.")
    perioperative_fill_days: int | None = Field(None, ge=0, description="Days allowed; 0 = not flagged; none = not read.")
    combinations: bool = Field(False, description="A class entry that also covers combination products with the class.")
    from_: dt.date = Field(alias="from", description="First day the source shows this status.")
    source: str
    note: str | None = None


class ListVersion(_Strict):
    id: str
    title: str
    effective_from: dt.date
    source: str


class RegulationText(_Strict):
    exempt: str
    non_exempt: str
    unlisted: str
    compounded: str
    special_fill: str
    perioperative_fill: str


class FormularyFile(_Strict):
    """rules/vocabulary/formulary.yaml."""

    title: str
    purpose: str
    regulation: str
    effective_from: dt.date
    rules: RegulationText
    special_fill_window_days: int = Field(ge=0)
    perioperative_window_days: int = Field(ge=0)
    sources: list[str] = Field(min_length=1)
    versions: list[ListVersion] = Field(min_length=1)
    classes: dict[str, Entry] = Field(default_factory=dict)
    ingredients: dict[str, Entry] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _versions_in_order(self) -> FormularyFile:
        days = [v.effective_from for v in self.versions]
        if days != sorted(days) or len(set(days)) != len(days):
            raise ValueError("versions must be in date order, one per date")
        if days[0] != self.effective_from:
            raise ValueError("the first list version must start on the formulary's effective_from")
        return self


class Fill(_Strict):
    """Whether a fill policy lets this request skip prospective review."""

    applies: bool | None = Field(description="None: cannot tell from the facts or the list as read.")
    days_allowed: int | None = None
    reason: str


class FormularyAnswer(_Strict):
    """The formulary's answer for one drug request dispensed on or after 2018-01-01."""

    status: AnswerStatus
    compounded: bool = False
    list_version: str
    list_date: dt.date
    prospective_review: bool | None = Field(description="Needs prospective review before dispensing; None: cannot tell.")
    reason: str
    special_fill: Fill
    perioperative_fill: Fill
    regulation: str
    sources: list[str] = Field(default_factory=list)
