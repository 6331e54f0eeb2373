"""MTUS generations: which guideline text is in force on a date.

The MTUS changed in 2009, 2016 and 2017; a request is judged under the text in
force on its date, never under whatever the rule book happens to hold. The
registry (`rules/generations.yaml`) lists the generations as consecutive date
ranges and says, per rule folder, in which generations its guideline belongs to
the MTUS. Loading clips every rule's own dates to its generations, so one date
decides both which rules apply and which generation an answer names:
`Generations.at` is the one function every command and the API go through.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import RuleError

FILE_NAME = "generations.yaml"
#: A folder declared with this word applies in every generation (non-MTUS guidelines).
EVERY = "every"

KeyedOn = Literal["request", "service", "dispensing"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Generation(_Strict):
    """One dated state of the MTUS."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str = Field(min_length=3, description="How citations name it, e.g. 'MTUS Chronic Pain Guideline (ACOEM, 2017)'.")
    effective_from: dt.date
    effective_until: dt.date | None = Field(None, description="Last day in force; none while in force.")
    keyed_on: KeyedOn = Field(description="The date the regulation keys the change on.")
    regulation: str
    sources: list[str] = Field(min_length=1)
    note: str | None = None

    def holds(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_until is None or day <= self.effective_until)


class GenerationRef(_Strict):
    """The generation an answer was judged under, as the answer names it."""

    id: str
    title: str
    effective_from: dt.date
    effective_until: dt.date | None
    keyed_on: KeyedOn

    @classmethod
    def of(cls, g: Generation) -> GenerationRef:
        return cls(id=g.id, title=g.title, effective_from=g.effective_from,
                   effective_until=g.effective_until, keyed_on=g.keyed_on)


class CarryCriteria(_Strict):
    """The rule book's policy when a generation's criteria for a request are not encoded."""

    order: list[Literal["earlier", "later"]] = Field(
        min_length=1, description="Where to look for encoded criteria, nearest generation first: earlier ones, then later ones."
    )
    why: str = Field(min_length=10, description="The reason the policy is defensible, shown in the documentation.")


class _RegistryFile(_Strict):
    title: str
    purpose: str
    generations: list[Generation] = Field(min_length=1)
    folders: dict[str, list[str] | Literal["every"]] = Field(default_factory=dict)
    carry_criteria: CarryCriteria | None = None

    @model_validator(mode="after")
    def _consecutive(self) -> _RegistryFile:
        ids = [g.id for g in self.generations]
        if len(set(ids)) != len(ids):
            raise ValueError("generation ids must be unique")
        for before, after in zip(self.generations, self.generations[1:]):
            if before.effective_until is None:
                raise ValueError(f"generation '{before.id}' has no effective_until but '{after.id}' follows it")
            if after.effective_from != before.effective_until + dt.timedelta(days=1):
                raise ValueError(
                    f"generation '{after.id}' must start the day after '{before.id}' ends ({before.effective_until})"
                )
        for g in self.generations:
            if g.effective_until is not None and g.effective_until < g.effective_from:
                raise ValueError(f"generation '{g.id}': effective_until is before effective_from")
        for folder, names in self.folders.items():
            if names == EVERY:
                continue
            unknown = [n for n in names if n not in ids]
            if unknown:
                raise ValueError(f"folder '{folder}': unknown generation '{unknown[0]}' (known: {', '.join(ids)})")
            positions = sorted(ids.index(n) for n in names)
            if not positions or positions != list(range(positions[0], positions[0] + len(positions))):
                raise ValueError(f"folder '{folder}': its generations must be consecutive and not empty")
        return self


@dataclass(frozen=True)
class InForce:
    """The generation that applies on a date, and the day rules are applied at.

    `rules_day` differs from the date asked only when the date lies outside every
    generation: the nearest generation is used then, and `warning` says so.
    """

    generation: Generation
    rules_day: dt.date
    warning: str | None = None

    @property
    def ref(self) -> GenerationRef:
        return GenerationRef.of(self.generation)


class Generations:
    """The registry: generations in date order and each folder's generations."""

    def __init__(
        self, generations: list[Generation], folders: dict[str, list[str] | Literal["every"]],
        carry: CarryCriteria | None = None,
    ) -> None:
        self.list = list(generations)
        self.by_id = {g.id: g for g in self.list}
        self.folders = dict(folders)
        self.carry = carry

    def carried_from(self, current: Generation) -> list[InForce]:
        """Where to look, in order, for criteria the generation *current* has but the rule book does not encode.

        Nearest generation first, in the directions the registry's `carry_criteria` names
        (none without it). Each answer's `rules_day` is the day of that generation nearest to
        *current*, so the rules applied are its last (or first) version.
        """
        if self.carry is None:
            return []
        at = self.list.index(current)
        found: list[InForce] = []
        for direction in self.carry.order:
            if direction == "earlier":
                for g in reversed(self.list[:at]):
                    assert g.effective_until is not None  # every generation but the last has an end
                    found.append(InForce(g, g.effective_until))
            else:
                found += [InForce(g, g.effective_from) for g in self.list[at + 1:]]
        return found

    def at(self, day: dt.date) -> InForce:
        """The generation in force on *day*; outside them all, the nearest one with a warning."""
        for g in self.list:
            if g.holds(day):
                return InForce(g, day)
        first, last = self.list[0], self.list[-1]
        if day < first.effective_from:
            return InForce(first, first.effective_from, (
                f"{day.isoformat()} is before the earliest MTUS generation the rule book holds "
                f"({first.title}, from {first.effective_from.isoformat()}); judged under it"
            ))
        assert last.effective_until is not None  # the last generation is open unless the date is after it
        return InForce(last, last.effective_until, (
            f"{day.isoformat()} is after the latest MTUS generation the rule book holds "
            f"({last.title}, until {last.effective_until.isoformat()}); judged under it"
        ))

    def named(self, ids: list[str] | Literal["every"]) -> list[Generation]:
        return list(self.list) if ids == EVERY else [self.by_id[i] for i in ids]

    def window(self, ids: list[str] | Literal["every"]) -> tuple[dt.date, dt.date | None]:
        """First and last day (None: open) of a consecutive run of generations."""
        gens = self.named(ids)
        return gens[0].effective_from, gens[-1].effective_until

    def folder_of(self, relative: Path) -> list[str] | Literal["every"] | None:
        """The generations a rule file's folder declares (None: undeclared)."""
        parts = relative.parts
        return self.folders.get(parts[0]) if len(parts) > 1 else None


def load_generations(root: Path) -> Generations | None:
    """The registry of a rule directory, or None when it has none (then rules keep their own dates)."""
    from ..yaml_source import YamlDocument, describe_validation_error

    path = root / FILE_NAME
    if not path.is_file():
        return None
    doc = YamlDocument(path, RuleError)
    if not isinstance(doc.data, dict):
        raise doc.fail("the generations registry must be a mapping with title, purpose, generations, folders")
    try:
        spec = _RegistryFile.model_validate(doc.data)
    except ValidationError as exc:
        loc, message = describe_validation_error(exc)
        raise doc.fail(message.replace("Value error, ", ""), loc) from None
    return Generations(spec.generations, spec.folders, spec.carry_criteria)
