"""What the engine answers: one determination per requested item, fully traced."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, Literal, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field

from ..citations import Citation
from ..facts.model import Evidence
from ..formulary.model import FormularyAnswer
from ..rulebook.generations import GenerationRef
from .confidence import Confidence

Predicted = Literal["Upheld", "Overturned", "Indeterminate"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


_M = TypeVar("_M", bound=_Out)
#: Each model's field names in order, read once (pydantic builds the mapping's keys anew per call).
_ORDER: dict[type, tuple[str, ...]] = {}


def trusted(cls: type[_M], values: dict[str, Any]) -> _M:
    """`cls.model_construct(**values)` for values built from validated parts, every field given in order.

    The engine builds a FactUsed and a FiredRule for every rule that fires on every item; pydantic's
    model_construct spends most of that time on aliases and defaults these models do not use. The
    instance is the same (its __dict__, its set fields); anything else goes through model_construct.
    """
    order = _ORDER.get(cls)
    if order is None:
        order = _ORDER[cls] = tuple(cls.__pydantic_fields__)
    if tuple(values) != order:
        return cast(_M, cls.model_construct(**values))
    model = cls.__new__(cls)
    _set_dict(model, values)  # the slots' own setters: object.__setattr__ looks each name up through the type first
    _set_fields_set(model, set(values))
    _set_extra(model, None)
    _set_private(model, None)
    return model


#: The setters of the four slots every pydantic model instance has (`BaseModel.__slots__`), looked up once.
_set_dict = inspect.getattr_static(BaseModel, "__dict__").__set__
_set_fields_set = inspect.getattr_static(BaseModel, "__pydantic_fields_set__").__set__
_set_extra = inspect.getattr_static(BaseModel, "__pydantic_extra__").__set__
_set_private = inspect.getattr_static(BaseModel, "__pydantic_private__").__set__


def trusted_fields(cls: type[_M], given: dict[str, Any]) -> _M:
    """`trusted` for values given by name, the others at their defaults; validated when a field is unknown or missing.

    The engine builds a Determination per item from validated parts; validating them again was
    ~4 % of evaluation. A required field left out, or a name the model does not have, goes
    through the model, which raises its own error.
    """
    spec = _FILLS.get(cls)
    if spec is None:
        spec = _FILLS[cls] = _fills_of(cls)
    template, required, factories = spec
    if not (template.keys() >= given.keys() and given.keys() >= required):
        return cls(**given)
    values = dict(template)  # every field in the model's order, defaults filled in ...
    values.update(given)  # ... the given ones in their places (an update keeps a key's position)
    for name, factory in factories:
        if name not in given:
            values[name] = factory()
    return trusted(cls, values)


#: Per model: its fields in order with their defaults (required ones held by a placeholder), the
#: required names, and the fields whose default comes from a factory (a fresh list per answer).
_FILLS: dict[type, tuple[dict[str, Any], frozenset[str], tuple[tuple[str, Callable[[], Any]], ...]]] = {}


def _fills_of(cls: type[BaseModel]) -> tuple[dict[str, Any], frozenset[str], tuple[tuple[str, Callable[[], Any]], ...]]:
    """What `_FILLS` keeps for *cls*, read from its fields (once per model)."""
    fields = cls.__pydantic_fields__
    template = {name: None if f.is_required() or f.default_factory is not None else f.default for name, f in fields.items()}
    required = frozenset(name for name, f in fields.items() if f.is_required())
    factories = tuple((name, cast(Callable[[], Any], f.default_factory))
                      for name, f in fields.items() if f.default_factory is not None)
    return template, required, factories


class FactUsed(_Out):
    """A fact a rule read, its value for this item, and the words it rests on."""

    name: str
    value: str | float | int | list[str] | None
    evidence: list[Evidence] = Field(default_factory=list)
    rationale_only: bool = Field(False, description="Only a decision rationale states it.")
    derived_by: str | None = Field(
        None, description="The guideline threshold or word list the value was derived with (rules/vocabulary/thresholds.yaml)."
    )


class FiredRule(_Out):
    """A rule whose criteria held for the item."""

    rule_id: str
    title: str
    question: str
    outcome: Literal["medically_necessary", "not_medically_necessary", "advisory"]
    tier: Literal["MTUS", "non-MTUS"]
    decisive: bool = Field(description="True when this rule's tier and outcome decided the item.")
    citation: Citation
    citation_label: str
    facts: list[FactUsed] = Field(default_factory=list)


class Determination(_Out):
    """The prediction for one requested item."""

    index: int
    request: str
    generation: GenerationRef | None = Field(
        None, description="The MTUS generation in force on the as-of date, which the item was judged under."
    )
    criteria_generation: GenerationRef | None = Field(
        None, description=(
            "Set when the rule book encodes no criteria of the generation in force for the item: the nearest "
            "generation whose criteria were applied instead (an assumption the rationale states)."
        ),
    )
    predicted: Predicted
    medically_necessary: bool | None
    decided_by: Literal["MTUS", "non-MTUS"] | None = Field(None, description="The evidence tier that decided.")
    basis: Literal["rule", "not_established", "no_rule"] = Field(
        "rule",
        description=(
            "rule: a rule decided; not_established: the guideline covers the item but none of the "
            "circumstances in which it supports it is documented; no_rule: nothing covers it (Indeterminate)."
        ),
    )
    rules: list[FiredRule] = Field(default_factory=list, description="Every rule that fired, decisive ones first.")
    citations: list[Citation] = Field(default_factory=list, description="Citations of the decisive and advisory rules.")
    rationale: str
    would_change_if: list[str] = Field(default_factory=list)
    advisories: list[str] = Field(default_factory=list)
    leans_on_rationale_facts: bool = Field(
        False, description="A decisive rule read a fact that only a decision rationale states."
    )
    formulary: FormularyAnswer | None = Field(
        None, description="For a drug dispensed from 2018-01-01: MTUS Drug Formulary status and prospective review."
    )
    confidence: Confidence | None = Field(
        None, description="How many deciding facts were read from the text versus absent or assumed, with a label."
    )
    jurisdiction_note: str | None = Field(
        None, description="Texas: set when no ODG rule addresses the item and MTUS criteria stood in (an assumption).",
    )


class CaseDetermination(_Out):
    case_id: str
    jurisdiction: Literal["california", "texas"] = Field(
        "california", description="california: the MTUS decides first; texas: the ODG (28 TAC §137.100)."
    )
    as_of: str = Field(description="The date the rules were applied at (ISO).")
    as_of_source: Literal["explicit", "ur_decision_date", "rfa_date", "latest_report", "latest_date_mentioned"]
    as_of_quote: str | None = Field(None, description="The words the as-of date was read from, when read from the text.")
    generation: GenerationRef | None = Field(
        None, description="The MTUS generation in force on the as-of date (none when the rule book declares none)."
    )
    warnings: list[str] = Field(
        default_factory=list,
        description="What the answer assumed for lack of documentation (e.g. a guessed date), or an as-of date "
        "outside every guideline generation.",
    )
    rules_version: str
    items: list[Determination]
