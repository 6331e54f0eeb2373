"""Checks across vocabulary files, done while building the phrase indexes they feed.

A name that refers to another file (a class, an ingredient, a form, a route, a service) must
exist there, and one spelling must not mean two things: either mistake would silently change
what a request is understood to be, so both fail loading with the file, line, entry and field.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from . import models
from .codes import expand_codes
from .load import ENTRY_LABELS, LoadedFile, Loc, did_you_mean
from .text import PhraseIndex, phrase_key

_INGREDIENT_NAME = re.compile(r"^[a-z][a-z0-9 \-]*[a-z0-9]$")
_IDENTIFIER = re.compile(models.IDENTIFIER)


@dataclass(frozen=True)
class Files:
    """The six validated vocabulary files of one rule book."""

    classes: LoadedFile[models.ClassesFile]
    sig: LoadedFile[models.SigFile]
    drugs: LoadedFile[models.DrugsFile]
    products: LoadedFile[models.ProductsFile]
    services: LoadedFile[models.ServicesFile]
    anatomy: LoadedFile[models.AnatomyFile]


@dataclass(frozen=True)
class Indexes:
    """Every spelling of the vocabulary, mapped to the canonical name it stands for."""

    products: PhraseIndex[str] = field(default_factory=PhraseIndex)
    ingredients: PhraseIndex[str] = field(default_factory=PhraseIndex)
    services: PhraseIndex[str] = field(default_factory=PhraseIndex)
    forms: PhraseIndex[str] = field(default_factory=PhraseIndex)
    routes: PhraseIndex[str] = field(default_factory=PhraseIndex)
    frequencies: PhraseIndex[str] = field(default_factory=PhraseIndex)
    prn: PhraseIndex[str] = field(default_factory=PhraseIndex)
    release: PhraseIndex[str] = field(default_factory=PhraseIndex)
    regions: PhraseIndex[str] = field(default_factory=PhraseIndex)
    sides: PhraseIndex[str] = field(default_factory=PhraseIndex)
    codes: dict[str, str] = field(default_factory=dict)  # CPT code -> service (request lines only)
    alone: PhraseIndex[str] = field(default_factory=PhraseIndex)  # spellings read only on a line naming nothing else


def check_and_index(files: Files) -> Indexes:
    """Validate the references between files and build the indexes; raise RuleError on the first problem."""
    idx = Indexes()
    classes = files.classes.data.classes
    _check_names(files.classes, "classes", classes, _IDENTIFIER)
    _check_sig(files.sig, classes, idx)
    _check_drugs(files.drugs, classes, files.sig.data.routes, idx)
    _check_services(files.services, classes, idx)
    _check_products(files, idx)
    _check_anatomy(files.anatomy, idx)
    _check_regional_services(files.services, files.anatomy.data.body_regions)
    return idx


def _check_names(file: LoadedFile[Any], top: str, names: Iterable[str], pattern: re.Pattern[str]) -> None:
    for name in names:
        if not pattern.match(name):
            kind = (
                "a lower-case generic name" if pattern is _INGREDIENT_NAME else "a lower-case identifier (a-z, 0-9, _)"
            )
            raise file.error((top, name), f"the name must be {kind}")


def _known(file: LoadedFile[Any], loc: Loc, value: str | None, choices: Collection[str], what: str) -> None:
    if value is not None and value not in choices:
        raise file.error(loc, f"unknown {what} '{value}'{did_you_mean(value, choices)}")


def _known_other(file: LoadedFile[Any], loc: Loc, value: str, services: Collection[str], name: str) -> None:
    """*value* names a service other than *name*; the set of the others is built only to word the error
    (once per entry it was a copy of every service name for each reference)."""
    if value == name or value not in services:
        _known(file, loc, value, set(services) - {name}, "service")


def _add(file: LoadedFile[Any], index: PhraseIndex[str], loc: Loc, phrase: str, value: str) -> None:
    """Index one spelling; a spelling already meaning something else is an error."""
    if not phrase_key(phrase):
        raise file.error(loc, f"spelling '{phrase}' has no letters or digits")
    previous = index.add(phrase, value)
    if previous is not None and previous != value:
        label = ENTRY_LABELS.get(str(loc[0]), str(loc[0]))
        raise file.error(loc, f"spelling '{phrase}' already names {label} '{previous}'")


def _not_elsewhere(
    file: LoadedFile[Any], loc: Loc, spelling: str, other: PhraseIndex[str], what: str, where: str
) -> None:
    """A spelling one file defines must not already be defined by another (a merge can add both)."""
    clash = other.get(spelling)
    if clash is not None:
        raise file.error(loc, f"spelling '{spelling}' is also {what} '{clash}' ({where})")


def _check_sig(file: LoadedFile[models.SigFile], classes: Collection[str], idx: Indexes) -> None:
    sig = file.data
    for top, names in (("routes", sig.routes), ("forms", sig.forms), ("frequencies", sig.frequencies)):
        _check_names(file, top, names, _IDENTIFIER)
    for name, route in sig.routes.items():
        _known(file, ("routes", name, "primary_class"), route.primary_class, classes, "class")
        for i, word in enumerate(route.words):
            _add(file, idx.routes, ("routes", name, "words", i), word, name)
    for name, form in sig.forms.items():
        _known(file, ("forms", name, "route"), form.route, sig.routes, "route")
        for i, word in enumerate(form.words):
            _add(file, idx.forms, ("forms", name, "words", i), word, name)
    for name, frequency in sig.frequencies.items():
        for i, spelling in enumerate(frequency.spellings):
            _add(file, idx.frequencies, ("frequencies", name, "spellings", i), spelling, name)
    for i, spelling in enumerate(sig.prn):
        _add(file, idx.prn, ("prn", i), spelling, "prn")
    for release, spellings in sig.release.items():
        for i, spelling in enumerate(spellings):
            _add(file, idx.release, ("release", release, i), spelling, release)


def _check_drugs(
    file: LoadedFile[models.DrugsFile], classes: Collection[str], routes: Collection[str], idx: Indexes
) -> None:
    ingredients = file.data.ingredients
    _check_names(file, "ingredients", ingredients, _INGREDIENT_NAME)
    for name, entry in ingredients.items():
        loc = ("ingredients", name)
        for i, cls in enumerate(entry.classes):
            _known(file, (*loc, "classes", i), cls, classes, "class")
        for i, factor in enumerate(entry.med):
            _known(file, (*loc, "med", i, "route"), factor.route, routes, "route")
        for i, other in enumerate(entry.metabolised_to):
            _known(file, (*loc, "metabolised_to", i), other, ingredients, "ingredient")
        if "opioid" in entry.classes and not entry.med and not entry.med_note:
            raise file.error((*loc, "med"), "an opioid needs an MED factor, or a med_note saying why it has none")
        _add(file, idx.ingredients, loc, name, name)
        for i, synonym in enumerate(entry.synonyms):
            _add(file, idx.ingredients, (*loc, "synonyms", i), synonym, name)


def _check_services(file: LoadedFile[models.ServicesFile], classes: Collection[str], idx: Indexes) -> None:
    services = file.data.services
    _check_names(file, "services", services, _IDENTIFIER)
    for name, entry in services.items():
        for i, cls in enumerate(entry.classes):
            _known(file, ("services", name, "classes", i), cls, classes, "class")
        for i, spelling in enumerate(entry.spellings):
            at = ("services", name, "spellings", i)
            _not_elsewhere(file, at, spelling, idx.ingredients, "ingredient", "drugs.yaml")
            _add(file, idx.services, at, spelling, name)
        for i, other in enumerate(entry.includes):
            _known_other(file, ("services", name, "includes", i), other, services, name)
        for i, spelling in enumerate(entry.alone_spellings):
            at = ("services", name, "alone_spellings", i)
            _not_elsewhere(file, at, spelling, idx.ingredients, "ingredient", "drugs.yaml")
            _not_elsewhere(file, at, spelling, idx.services, "service", "services.yaml")
            _add(file, idx.alone, at, spelling, name)
        for i, written in enumerate(entry.codes):
            at = ("services", name, "codes", i)
            try:
                codes = expand_codes([written])
            except ValueError as exc:
                raise file.error(at, str(exc)) from None
            for code in codes:
                if idx.codes.setdefault(code, name) != name:
                    raise file.error(at, f"code {code} already bills service '{idx.codes[code]}'")


def _check_products(files: Files, idx: Indexes) -> None:
    file = files.products
    classes = files.classes.data.classes
    for name, entry in file.data.products.items():
        loc = ("products", name)
        for i, ingredient in enumerate(entry.ingredients):
            _known(file, (*loc, "ingredients", i), ingredient, files.drugs.data.ingredients, "ingredient")
        for i, cls in enumerate(entry.classes):
            _known(file, (*loc, "classes", i), cls, classes, "class")
        _known(file, (*loc, "primary_class"), entry.primary_class, classes, "class")
        _known(file, (*loc, "form"), entry.form, files.sig.data.forms, "form")
        _known(file, (*loc, "route"), entry.route, files.sig.data.routes, "route")
        _known(file, (*loc, "service"), entry.service, files.services.data.services, "service")
        for i, spelling in enumerate([name, *entry.aliases]):
            at = loc if i == 0 else (*loc, "aliases", i - 1)
            _not_elsewhere(file, at, spelling, idx.services, "service", "services.yaml")
            _not_elsewhere(file, at, spelling, idx.ingredients, "ingredient", "drugs.yaml")
            _add(file, idx.products, at, spelling, name)


def _check_regional_services(file: LoadedFile[models.ServicesFile], regions: Collection[str]) -> None:
    """A service read by region names known regions and other services, which that region does not lead on from."""
    services = file.data.services
    for name, entry in services.items():
        for region, other in entry.by_region.items():
            at = ("services", name, "by_region", region)
            _known(file, at, region, regions, "body region")
            _known_other(file, at, other, services, name)
            onward = services[other].by_region.get(region)
            if onward is not None:
                raise file.error(at, f"service '{other}' is read as '{onward}' for {region}: name that service")


def _check_anatomy(file: LoadedFile[models.AnatomyFile], idx: Indexes) -> None:
    _check_names(file, "body_regions", file.data.body_regions, _IDENTIFIER)
    for region, spellings in file.data.body_regions.items():
        for i, spelling in enumerate(spellings):
            _add(file, idx.regions, ("body_regions", region, i), spelling, region)
    for side, spellings in file.data.laterality.items():
        for i, spelling in enumerate(spellings):
            _add(file, idx.sides, ("laterality", side, i), spelling, side)
    for region, others in file.data.overlapping.items():
        _known(file, ("overlapping", region), region, file.data.body_regions, "body region")
        for i, other in enumerate(others):
            _known(file, ("overlapping", region, i), other, file.data.body_regions, "body region")
