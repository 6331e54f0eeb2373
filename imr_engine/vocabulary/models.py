"""The shape of each vocabulary file, checked field by field when the file is loaded.

Every model forbids unknown fields, so a misspelt key ("clases") fails loading instead of being
silently ignored. Cross-references (a class, ingredient or form named by another entry) are
checked afterwards by the loader, which sees all files at once.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Release = Literal["IR", "ER"]
Side = Literal["left", "right", "bilateral"]
ServiceKind = Literal[
    "supply", "dme", "office_visit", "therapy", "procedure", "imaging", "diagnostic", "program", "other"
]
ProductKind = Literal["drug", "supply", "dme"]

#: Canonical names of classes, forms, routes and services: lower-case identifiers.
IDENTIFIER = r"^[a-z][a-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Header(_Strict):
    """What every vocabulary file says about itself: terminology must be traceable."""

    title: str = Field(min_length=1)
    purpose: str = Field(min_length=1)
    source: str = Field(min_length=1)
    version: str | None = None


# ----------------------------------------------------------------------------- classes.yaml


class ClassEntry(_Strict):
    description: str = Field(min_length=1)


class ClassesFile(Header):
    classes: dict[str, ClassEntry] = Field(min_length=1)


# ----------------------------------------------------------------------------- sig.yaml


class RouteEntry(_Strict):
    words: list[str] = Field(default_factory=list)
    primary_class: str | None = None


class FormEntry(_Strict):
    words: list[str] = Field(min_length=1)
    route: str | None = None


class FrequencyEntry(_Strict):
    """Spellings of one dosing frequency, as doses per day or as one dose every N days."""

    spellings: list[str] = Field(min_length=1)
    per_day: float | None = Field(None, gt=0)
    every_days: float | None = Field(None, gt=0)

    @model_validator(mode="after")
    def _one_rate(self) -> FrequencyEntry:
        if (self.per_day is None) == (self.every_days is None):
            raise ValueError("give exactly one of per_day and every_days")
        return self

    @property
    def doses_per_day(self) -> float:
        return self.per_day if self.per_day is not None else 1 / (self.every_days or 1)


class SigFile(Header):
    routes: dict[str, RouteEntry] = Field(min_length=1)
    forms: dict[str, FormEntry] = Field(min_length=1)
    frequencies: dict[str, FrequencyEntry] = Field(min_length=1)
    prn: list[str] = Field(min_length=1)
    release: dict[Release, list[str]]


# ----------------------------------------------------------------------------- drugs.yaml


class MedTier(_Strict):
    """One step of a dose-dependent factor (methadone): applies up to and including the bound."""

    up_to_mg_per_day: float | None = Field(None, gt=0)
    factor: float = Field(gt=0)


class MedFactor(_Strict):
    """The morphine-equivalent factor of one ingredient by one route."""

    route: str
    unit: Literal["mg/day", "mcg/hr"]
    factor: float | None = Field(None, gt=0)
    tiers: list[MedTier] | None = Field(None, min_length=1)

    @model_validator(mode="after")
    def _factor_or_tiers(self) -> MedFactor:
        if (self.factor is None) == (self.tiers is None):
            raise ValueError("give exactly one of factor and tiers")
        if self.tiers:
            bounds = [t.up_to_mg_per_day for t in self.tiers]
            if bounds[-1] is not None or any(b is None for b in bounds[:-1]):
                raise ValueError("only the last tier may (and must) have up_to_mg_per_day: null")
            finite = [b for b in bounds if b is not None]
            if finite != sorted(set(finite)):
                raise ValueError("tier bounds must increase")
        return self


class Ingredient(_Strict):
    classes: list[str] = Field(min_length=1)
    synonyms: list[str] = Field(default_factory=list)
    med: list[MedFactor] = Field(default_factory=list)
    med_note: str | None = None
    transdermal: bool = Field(False, description="Its patch acts systemically (fentanyl), not locally (lidocaine).")
    withdrawn: bool = False
    metabolised_to: list[str] = Field(default_factory=list)
    note: str | None = None

    @field_validator("med")
    @classmethod
    def _one_factor_per_route(cls, med: list[MedFactor]) -> list[MedFactor]:
        routes = [m.route for m in med]
        if len(routes) != len(set(routes)):
            raise ValueError("more than one factor for the same route")
        return med


class DrugsFile(Header):
    ingredients: dict[str, Ingredient] = Field(min_length=1)


# ----------------------------------------------------------------------------- products.yaml


class Product(_Strict):
    aliases: list[str] = Field(default_factory=list)
    ingredients: list[str] = Field(default_factory=list)
    kind: ProductKind = "drug"
    form: str | None = None
    release: Release | None = None
    route: str | None = None
    classes: list[str] = Field(default_factory=list, description="Classes beyond the ingredients' (supplies).")
    primary_class: str | None = None
    service: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _has_meaning(self) -> Product:
        if not self.ingredients and not self.classes:
            raise ValueError("a product needs ingredients or classes")
        return self


class ProductsFile(Header):
    products: dict[str, Product] = Field(min_length=1)


# ----------------------------------------------------------------------------- services.yaml


class Service(_Strict):
    kind: ServiceKind
    classes: list[str] = Field(min_length=1)
    spellings: list[str] = Field(min_length=1)
    includes: list[str] = Field(
        default_factory=list,
        description="Services this one takes in when one request names both (a fusion with its decompression).",
    )
    alone_spellings: list[str] = Field(
        default_factory=list,
        description="Spellings that name the service only on a request line naming nothing else (a bare \"Medications\").",
    )
    codes: list[str] = Field(
        default_factory=list,
        description="CPT codes or ranges (\"97161-97168\") that bill this service, read on request lines only.",
    )
    names_drugs_generically: bool = Field(
        False,
        description=(
            "The service is a generic name for drug products (\"compound cream\"): a request line that also"
            " names a product or ingredients is that drug, judged by its ingredients."
        ),
    )
    by_region: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "Body region -> the service a request line naming that region is for: a spelling shared by"
            " several body parts (\"night splint\") is read by where the request aims it."
        ),
    )
    note: str | None = None


class ServicesFile(Header):
    services: dict[str, Service] = Field(min_length=1)


# ----------------------------------------------------------------------------- anatomy.yaml


class AnatomyFile(Header):
    body_regions: dict[str, list[str]] = Field(min_length=1)
    laterality: dict[Side, list[str]]
    overlapping: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Regions whose care speaks for one another (a limb and its joints, the spine and the limb its "
        "roots serve); read both ways. Any other two regions are apart: care to one is not prior care of the other.",
    )
