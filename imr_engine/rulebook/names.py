"""Names a rule may use: the classes, ingredients, services, regions and groups of its vocabulary.

A rule that names `heat_cold_therapyy` or `neuritis_radiculits` would load and silently never
fire, so every name in a rule's scope and in its criteria is checked against the vocabulary of
the rule directory in use, with a "did you mean" for near misses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, get_args

from ..vocabulary import Vocabulary
from ..vocabulary.models import ProductKind, ServiceKind
from .conditions import All, Any_, Condition, suggest

#: What kind of name each fact holds, for the facts whose values the vocabulary defines.
FACT_NAMESPACE: dict[str, str] = {
    "ingredients": "ingredient",
    "classes": "class",
    "drug_class": "class",
    "current_drug_classes": "class",
    "failed_drug_classes": "class",
    "requested_drug_classes": "class",
    "requested_services": "service",
    "service": "service",
    "tried_services": "service",
    "failed_services": "service",
    "postsurgical_surgery": "service",
    "companion_surgery_service": "service",
    "body_region": "body region",
    "body_regions": "body region",
    "target_regions": "body region",
    "diagnosis_groups": "diagnosis group",
    "kind": "kind",
    "route": "route",
    "form": "form",
}
#: Scope keys of `applies_to` and the kind of name each holds.
SCOPE_NAMESPACE = {"ingredients": "ingredient", "classes": "class", "services": "service", "kinds": "kind"}
#: Words a fact takes when nothing is known; not vocabulary names.
_PLACEHOLDER_VALUES = {"unknown", "none"}


@dataclass(frozen=True)
class KnownNames:
    """Every name a rule may use, per kind of name, read from one vocabulary."""

    names: dict[str, frozenset[str]]
    #: Classes an item with a given ingredient can carry (its own, its products', route classes).
    ingredient_classes: dict[str, frozenset[str]]
    #: The item kind and the classes of each service.
    service_kind: dict[str, str]
    service_classes: dict[str, frozenset[str]]

    @classmethod
    def of(cls, vocab: Vocabulary, diagnosis_groups: Iterable[str]) -> KnownNames:
        route_classes = {r.primary_class for r in vocab.routes.values() if r.primary_class}
        reach: dict[str, set[str]] = {name: set(i.classes) | route_classes for name, i in vocab.ingredients.items()}
        ingredients = vocab.ingredients
        for product in vocab.products.values():
            extra = set(product.classes) | ({product.primary_class} if product.primary_class else set())
            extra |= {c for i in product.ingredients if i in ingredients for c in ingredients[i].classes}
            for ingredient in product.ingredients:
                reach.setdefault(ingredient, set()).update(extra)
        services = vocab.services
        names = {
            "ingredient": frozenset(vocab.ingredients),
            "class": frozenset(vocab.class_names),
            "service": frozenset(services),
            "body region": frozenset(vocab.body_regions),
            "diagnosis group": frozenset(diagnosis_groups),
            "kind": frozenset(get_args(ServiceKind)) | frozenset(get_args(ProductKind)),
            "route": frozenset(vocab.routes),
            "form": frozenset(vocab.forms),
        }
        return cls(
            names=names,
            ingredient_classes={k: frozenset(v) for k, v in reach.items()},
            service_kind={name: s.kind for name, s in services.items()},
            service_classes={name: frozenset(s.classes) for name, s in services.items()},
        )

    def check(self, namespace: str, value: str) -> str | None:
        """None when *value* is a known name of *namespace*, else the problem with a suggestion."""
        known = self.names[namespace]
        if value in known or value in _PLACEHOLDER_VALUES:
            return None
        return f"unknown {namespace} '{value}'{suggest(value, known)}"


def unknown_names(cond: Condition | None, known: KnownNames) -> Iterable[tuple[tuple[object, ...], str]]:
    """(location inside `when`, problem) for every vocabulary name in *cond* that is not known."""
    def walk(c: Condition, loc: tuple[object, ...]) -> Iterable[tuple[tuple[object, ...], str]]:
        if isinstance(c, All):
            for i, x in enumerate(c.all):
                yield from walk(x, loc + ("all", i))
        elif isinstance(c, Any_):
            for i, x in enumerate(c.any):
                yield from walk(x, loc + ("any", i))
        else:
            namespace = FACT_NAMESPACE.get(c.fact)
            if namespace is None:
                return
            _, value = c.operator
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, str):
                    problem = known.check(namespace, v)
                    if problem:
                        yield loc, f"fact '{c.fact}': {problem}"

    if cond is not None:
        yield from walk(cond, ())


def unknown_scope_names(scope: Any, known: KnownNames) -> Iterable[tuple[str, str]]:
    """(scope key, problem) for every name in an `applies_to` that is not known."""
    if scope is None:
        return
    for key, namespace in SCOPE_NAMESPACE.items():
        for value in getattr(scope, key):
            problem = known.check(namespace, value)
            if problem:
                yield key, problem
