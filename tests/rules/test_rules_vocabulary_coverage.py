"""Every vocabulary entry reaches a class or service some rule covers, or is listed as uncovered.

The list of deliberately uncovered classes and services (with reasons) is
rules/vocabulary/uncovered.yaml; an entry that is neither covered nor listed would silently be
Indeterminate forever, and a listed entry that a rule now covers would be a stale excuse.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from imr_engine.resources import default_rules_dir
from imr_engine.rulebook import load_rulebook
from imr_engine.vocabulary import load_vocabulary

RULES = default_rules_dir()
VOCAB = load_vocabulary()
BOOK = load_rulebook()
UNCOVERED = yaml.safe_load((RULES / "vocabulary" / "uncovered.yaml").read_text(encoding="utf-8"))
CLASSES = yaml.safe_load((RULES / "vocabulary" / "classes.yaml").read_text(encoding="utf-8"))["classes"]
SERVICES = yaml.safe_load((RULES / "vocabulary" / "services.yaml").read_text(encoding="utf-8"))["services"]
PRODUCTS = yaml.safe_load((RULES / "vocabulary" / "products.yaml").read_text(encoding="utf-8"))["products"]


def _scopes():
    for f in BOOK.files:
        yield f.spec.applies_to
        for r in f.spec.rules:
            if r.applies_to is not None:
                yield r.applies_to


COVERED_CLASSES = {c for s in _scopes() for c in s.classes}
COVERED_INGREDIENTS = {i for s in _scopes() for i in s.ingredients}
COVERED_SERVICES = {v for s in _scopes() for v in s.services}
UNCOVERED_CLASSES = set(UNCOVERED["classes"])
UNCOVERED_SERVICES = set(UNCOVERED["services"])


def _covered(classes: list[str] | tuple[str, ...], ingredients: list[str] | tuple[str, ...]) -> bool:
    return bool(set(classes) & COVERED_CLASSES or set(ingredients) & COVERED_INGREDIENTS)


def test_the_uncovered_list_gives_a_reason_for_each_entry() -> None:
    for section in ("classes", "services"):
        for name, reason in UNCOVERED[section].items():
            assert isinstance(reason, str) and len(reason) > 20, name
    assert UNCOVERED_CLASSES <= set(CLASSES)
    assert UNCOVERED_SERVICES <= set(SERVICES)


@pytest.mark.parametrize("ingredient", sorted(VOCAB.ingredients))
def test_every_ingredient_is_covered_or_listed(ingredient: str) -> None:
    classes = VOCAB.ingredients[ingredient].classes
    assert _covered(classes, [ingredient]) or set(classes) & UNCOVERED_CLASSES, ingredient


@pytest.mark.parametrize("product", sorted(PRODUCTS))
def test_every_product_is_covered_or_listed(product: str) -> None:
    info = VOCAB.resolve(product)
    assert info is not None, product
    covered = _covered(info.classes, info.ingredients) or (info.service in COVERED_SERVICES)
    assert covered or set(info.classes) & UNCOVERED_CLASSES, product


@pytest.mark.parametrize("service", sorted(SERVICES))
def test_every_service_is_covered_or_listed(service: str) -> None:
    covered = service in COVERED_SERVICES or set(SERVICES[service]["classes"]) & COVERED_CLASSES
    assert covered or service in UNCOVERED_SERVICES, service
    assert not (covered and service in UNCOVERED_SERVICES), f"{service} is covered now: drop it from uncovered.yaml"


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_every_class_is_reached_by_a_rule_or_listed(name: str) -> None:
    reached = name in COVERED_CLASSES
    reached |= any(name in VOCAB.ingredients[i].classes for i in COVERED_INGREDIENTS)
    reached |= any(name in SERVICES[s]["classes"] for s in COVERED_SERVICES)
    reached |= any(name in i.classes and _covered(i.classes, [n]) for n, i in VOCAB.ingredients.items())
    assert reached or name in UNCOVERED_CLASSES, name


def test_listed_classes_are_not_fully_covered() -> None:
    """A listed class must have at least one ingredient that no rule reaches (else the listing is stale)."""
    for name in UNCOVERED_CLASSES:
        members = [n for n, i in VOCAB.ingredients.items() if name in i.classes]
        if members:
            assert any(not _covered(VOCAB.ingredients[n].classes, [n]) for n in members), name


def test_the_rule_directory_is_the_one_under_test() -> None:
    assert Path(RULES / "vocabulary" / "uncovered.yaml").is_file()
