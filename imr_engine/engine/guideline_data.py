"""Guideline thresholds and word lists as cited data (rules/vocabulary/thresholds.yaml).

Derivation needs a few numbers and words from the guideline text: when a condition is acute,
when use is long-term, who is at GI risk with NSAIDs, how a request names an epidural approach.
They live in the rule book's vocabulary with the text they come from, and every derived fact
that used one says so in the trace. A rule book without the file gets the same defaults.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..vocabulary.load import load_data_file

THRESHOLDS_FILE = "thresholds.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Phases(_Strict):
    acute_days: int = Field(28, gt=0)
    subacute_days: int = Field(90, gt=0)
    cite: str = "CPMTG (2009) opioid guidance: acute up to 4 weeks, subacute 1-3 months, chronic beyond"
    # post-operative pain is acute pain: for opioids the acute phase also counts from a recent surgery
    postoperative_days: int = Field(28, gt=0)
    postoperative_cite: str = "CPMTG (2009) opioids: short-acting opioids for acute and post-operative pain, short term"

    @model_validator(mode="after")
    def _ordered(self) -> Phases:
        if self.subacute_days <= self.acute_days:
            raise ValueError("subacute_days must be more than acute_days")
        return self


class LongTerm(_Strict):
    days: int = Field(90, gt=0)
    cite: str = "Chronic pain: beyond about 3 months"


class GiRisk(_Strict):
    older_than: int = Field(65, gt=0)
    classes: tuple[str, ...] = ("anticoagulant", "corticosteroid", "antiplatelet")
    ingredients: tuple[str, ...] = ("aspirin",)
    cite: str = "CPMTG (2009) NSAIDs, GI risk, p. 68"


class EpiduralApproach(_Strict):
    words: dict[str, tuple[str, ...]] = Field(default_factory=lambda: {
        "transforaminal": ("transforaminal", "tfesi", "tf esi", "selective nerve root"),
        "interlaminar": ("interlaminar", "translaminar", "ilesi"),
        "caudal": ("caudal",),
    })
    cite: str = "CPMTG (2009) Epidural steroid injections, p. 46"

    @model_validator(mode="after")
    def _known_approaches(self) -> EpiduralApproach:
        unknown = set(self.words) - {"transforaminal", "interlaminar", "caudal"}
        if unknown:
            raise ValueError(f"unknown epidural approach {sorted(unknown)[0]!r} (transforaminal, interlaminar, caudal)")
        return self


class Episodes(_Strict):
    """When an earlier course of care ends its episode: by time alone, or by a new diagnosis (engine/episodes.py)."""

    new_trial_after_days: int = Field(730, gt=0)
    cite: str = "assumed: a long interval without care makes a request a new trial (no guideline number)"
    new_course_groups: list[str] = Field(
        default_factory=lambda: ["crps"],
        description="Diagnosis groups that open a course of their own: a course given for another condition is not theirs.",
    )
    new_course_cite: str = "CPMTG (2009) physical medicine p. 98-99: visits per diagnosis (CRPS 24 visits over 16 weeks)"


class Imaging(_Strict):
    """When an earlier study of the same region stops counting against a new one (engine/derive.py)."""

    stale_after_days: int = Field(730, gt=0)
    cite: str = "assumed: a study older than two years is not repeated by a new one (no guideline number)"


class PerioperativeSurgery(_Strict):
    """What perioperative criteria need to know about one surgery: its cardiac risk and target stay."""

    risk: Literal["low", "elevated"]
    stay_days: int = Field(ge=0, description="Best-practice target length of stay; 0: outpatient.")


class Perioperative(_Strict):
    """Care that serves a surgery requested with it: how to recognise it and what the surgery implies."""

    words: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    comorbidity_classes: tuple[str, ...] = ()
    comorbidity_groups: tuple[str, ...] = ()
    surgeries: dict[str, PerioperativeSurgery] = Field(default_factory=dict)
    cite: str = "none: a rule book without perioperative data judges every item on its own"


class GuidelineData(_Strict):
    """rules/vocabulary/thresholds.yaml."""

    title: str = "defaults"
    purpose: str = "defaults"
    source: str = "defaults"
    version: str | None = None
    phases: Phases = Field(default_factory=Phases)
    long_term: LongTerm = Field(default_factory=LongTerm)
    gi_risk: GiRisk = Field(default_factory=GiRisk)
    epidural_approach: EpiduralApproach = Field(default_factory=EpiduralApproach)
    perioperative: Perioperative = Field(default_factory=Perioperative)
    episodes: Episodes = Field(default_factory=Episodes)
    imaging: Imaging = Field(default_factory=Imaging)


DEFAULTS = GuidelineData()


def load_guideline_data(directory: Path) -> GuidelineData:
    """The thresholds of a vocabulary folder; the defaults when it has none (an older rule book)."""
    found = load_data_file(directory / THRESHOLDS_FILE, GuidelineData)
    return found if found is not None else DEFAULTS
