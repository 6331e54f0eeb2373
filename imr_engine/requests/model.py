"""A requested item: one disputed line of a Request for Authorization, structured.

This is the contract between the request-line parser and the engine. Every
request keeps its text exactly; what the parser cannot resolve stays `unknown`
rather than being dropped.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ItemKind = Literal[
    "drug",
    "supply",
    "dme",
    "office_visit",
    "therapy",
    "procedure",
    "imaging",
    "diagnostic",
    "program",
    "other",
]


class Strength(BaseModel):
    """One strength of a product: 10/325 mg is two strengths, [10 mg, 325 mg]."""

    model_config = ConfigDict(extra="forbid")

    value: float
    unit: str  # normalised: "mg", "mcg", "mcg/hr", "%", "g", "ml"


#: Invasive spinal interventions: one requested makes the worker a candidate for it (ACOEM Low Back Disorders images
#: radicular pain for candidates for an epidural injection or surgery; corpus/README.md's intervention_considered).
SPINAL_INTERVENTIONS = frozenset({
    "epidural_steroid_injection", "lumbar_decompression", "lumbar_fusion", "cervical_spine_surgery", "lumbar_disc_replacement",
})


class RequestedItem(BaseModel):
    """A disputed item, as written and as understood."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The request exactly as written, whitespace normalised.")
    name: str = Field(description="Product or service name as written (e.g. 'Percocet').")
    kind: ItemKind = "other"
    ingredients: list[str] = Field(default_factory=list, description="Canonical generic names.")
    drug_class: str = Field("unknown", description="Primary class, e.g. opioid; 'unknown' if not in the vocabulary.")
    classes: list[str] = Field(default_factory=list, description="Every class of every ingredient.")
    service: str | None = Field(None, description="Canonical service, e.g. office_visit, physical_therapy.")
    strengths: list[Strength] = Field(default_factory=list)
    quantity: int | None = Field(None, ge=0)
    doses_per_day: float | None = Field(None, ge=0)
    prn: bool = False
    refills: int | None = Field(None, ge=0)
    form: str | None = Field(None, description="tablet, capsule, patch, cream, ...")
    release: Literal["IR", "ER"] | None = None
    visits: int | None = Field(None, ge=0, description="Number of visits/sessions requested, frequency x duration when given so.")
    frequency_per_week: float | None = Field(None, ge=0)
    duration_weeks: float | None = Field(None, ge=0)
    hours: float | None = Field(None, ge=0)
    hours_per_day: float | None = Field(None, ge=0, description="Hours of care a day: '4 hrs/day'.")
    hours_per_week: float | None = Field(
        None, ge=0,
        description="Hours of care a week: '20 hours/week'; '4 hrs/day, 5 days/wk' -> 20; '24/7' -> 168; "
        "None for hours a day with no days a week.",
    )
    body_region: str | None = None
    laterality: Literal["left", "right", "bilateral"] | None = None
    levels: list[str] = Field(default_factory=list, description="Spinal levels, e.g. ['L4-L5'].")
    # Added with the request-line parser: what a daily dose, a trial or a purchase needs.
    units_per_dose: float | None = Field(None, ge=0, description="Units taken at once ('1 by mouth', 'take 2 tabs').")
    route: str | None = Field(None, description="oral, transdermal, topical, sublingual, injection (sig.yaml routes).")
    duration_days: float | None = Field(None, ge=0, description="Duration asked for, in days ('30 day trial', 'for 4 weeks' -> 28).")
    trial: bool = Field(False, description="Asked as a trial ('TENS unit 30 day trial').")
    acquisition: Literal["purchase", "rental"] | None = None
