"""The vocabulary, as derivation needs it: ingredients, classes, morphine equivalents."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ..requests.model import RequestedItem
from ..vocabulary import Vocabulary

_PER_HOUR = "mcg/hr"


class VocabularyTerminology:
    """Adapts a loaded Vocabulary to the Terminology protocol of `derive`."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self._resolve = lru_cache(maxsize=4096)(self._ingredients_uncached)

    def _ingredients_uncached(self, name: str) -> tuple[str, ...]:
        info = self.vocabulary.resolve(name)
        return info.ingredients if info else ()

    def ingredients_of(self, name: str) -> list[str]:
        return list(self._resolve(name))

    def classes_of(self, ingredients: Iterable[str]) -> list[str]:
        known = self.vocabulary.ingredients
        return list(dict.fromkeys(c for i in ingredients if i in known for c in known[i].classes))

    def daily_med_mg(self, item: RequestedItem) -> float | None:
        """Morphine-equivalent mg/day of one item, or None when any part of it is unknown.

        Oral: strength (mg) x units per dose x doses a day x factor. A patch delivers its mcg/hr
        continuously, so its MED is strength x factor whatever the change interval.
        Strengths pair with ingredients in order (10/325 = oxycodone 10, APAP 325).
        """
        opioids = [i for i in item.ingredients if "opioid" in self.classes_of([i])]
        if not opioids:
            return None
        if len(item.strengths) == len(item.ingredients):
            pairs = list(zip(item.ingredients, item.strengths))
        elif len(item.strengths) == 1 and len(opioids) == 1:
            pairs = [(opioids[0], item.strengths[0])]
        else:
            return None
        total = 0.0
        for ingredient, strength in pairs:
            if ingredient not in opioids:
                continue
            if strength.unit == _PER_HOUR:
                factor = self.vocabulary.med_factor(ingredient, route="transdermal")
                if factor is None:
                    return None
                total += strength.value * factor
                continue
            if strength.unit != "mg" or not item.doses_per_day:
                return None
            daily = strength.value * (item.units_per_dose or 1) * item.doses_per_day
            factor = self.vocabulary.med_factor(ingredient, daily_mg=daily, route=item.route)
            if factor is None:
                return None
            total += daily * factor
        return round(total, 2)
