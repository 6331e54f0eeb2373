"""The vocabulary, as derivation needs it: ingredients, classes, morphine equivalents, services, diagnosis groups."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..errors import RuleError
from ..requests.model import RequestedItem
from ..vocabulary import Vocabulary
from ..vocabulary.load import did_you_mean, load_data_file
from ..vocabulary.models import Header
from .diagnoses import DIAGNOSES_FILE as DIAGNOSES_FILE  # read without this module (rule loading)
from .diagnoses import DiagnosisGroups as DiagnosisGroups
from .diagnoses import load_diagnosis_groups
from .guideline_data import THRESHOLDS_FILE, GuidelineData, load_guideline_data

_PER_HOUR = "mcg/hr"
POSTSURGICAL_FILE = "postsurgical.yaml"



#: A condition a diagnosis names only to deny it, up to the next comma or a "with": "Spondylosis without myelopathy
#: or radiculopathy, lumbar region", "lumbar strain, no radiculopathy", "w/o radicular symptoms": not its group.
_DENIED_QUALIFIER = re.compile(
    r"(?:\bwithout|\bw/o|\bno|\bnegative\s+for)\b(?:(?!\bwith\b|\bw/(?!o))[^,;().])*", re.IGNORECASE
)
#: "non-radicular", "non radicular": the word "non-" prefixes is denied ("nonunion", "non-union" is a diagnosis itself).
_NON_PREFIXED = re.compile(r"\bnon[-\s]+(?!union\b)\w+", re.IGNORECASE)

class CourseVariant(BaseModel):
    """Another course for the same surgery service when its name says which operation it was (a fusion)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    words: list[str] = Field(min_length=1, description="Whole words of the surgery's name that select it.")
    visits: int = Field(gt=0)
    weeks: int = Field(gt=0)
    months: int | None = Field(None, gt=0, description="Its own postsurgical period, when it differs from the service's.")
    note: str = Field(min_length=1)


class PostsurgicalCourse(BaseModel):
    """One surgery's general course of postsurgical therapy and its period (8 CCR 9792.24.3(d))."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    visits: int = Field(gt=0)
    weeks: int = Field(gt=0)
    months: int = Field(gt=0)
    note: str = Field(min_length=1)
    variants: list[CourseVariant] = Field(
        default_factory=list, description="The regulation's other lines for the same service, chosen by the surgery's name."
    )

    def for_name(self, name: str | None) -> PostsurgicalCourse:
        """The course of the operation *name* names: a variant whose words it contains, else this one."""
        text = padded_words(name or "")
        for variant in self.variants:
            if any(padded_words(w) in text for w in variant.words):
                return self.model_copy(update={"visits": variant.visits, "weeks": variant.weeks, "note": variant.note,
                                               "months": variant.months or self.months, "variants": []})
        return self


class PostsurgicalTable(Header):
    """rules/vocabulary/postsurgical.yaml: the postsurgical figures per surgery, as cited data."""

    surgeries: dict[str, PostsurgicalCourse] = Field(min_length=1)


def load_postsurgical(directory: Path) -> PostsurgicalTable | None:
    """The postsurgical table of a vocabulary folder, or None when it has none (an older rule book)."""
    return load_data_file(directory / POSTSURGICAL_FILE, PostsurgicalTable)


@lru_cache(maxsize=4096)
def padded_words(text: str) -> str:
    """Lower case, punctuation to spaces, single spaces, padded: whole-word matching by substring.

    Remembered: every item of every case asks again for the same guideline words and request lines.
    """
    return " " + " ".join(_NOT_WORD.sub(" ", text.casefold()).split()) + " "


_NOT_WORD = re.compile(r"[^a-z0-9]+")


def _check_cited_names(
    vocabulary: Vocabulary, data: GuidelineData, postsurgical: dict[str, PostsurgicalCourse], groups: list[str],
) -> None:
    """Every class, service and diagnosis group the cited data files name must exist, as rules' names must.

    A misspelt name there would never match anything, silently: a RuleError names the file,
    the field and the nearest known name instead.
    """
    directory = Path(vocabulary.directory)
    services, classes = set(vocabulary.services), set(vocabulary.class_names)
    periop = data.perioperative
    named: list[tuple[str, str, str, Iterable[str], set[str] | list[str]]] = [
        (THRESHOLDS_FILE, "gi_risk.classes", "class", data.gi_risk.classes, classes),
        (THRESHOLDS_FILE, "perioperative.services", "service", periop.services, services),
        (THRESHOLDS_FILE, "perioperative.surgeries", "service", periop.surgeries, services),
        (THRESHOLDS_FILE, "perioperative.comorbidity_classes", "class", periop.comorbidity_classes, classes),
        (THRESHOLDS_FILE, "perioperative.comorbidity_groups", "diagnosis group", periop.comorbidity_groups, groups),
        (POSTSURGICAL_FILE, "surgeries", "service", postsurgical, services),
    ]
    for file, field, what, names, known in named:
        for name in names:
            if name not in known:
                raise RuleError(f"field '{field}': unknown {what} '{name}'{did_you_mean(name, known)}",
                                source=str(directory / file))


class VocabularyTerminology:
    """Adapts a loaded Vocabulary to the Terminology protocol of `derive`."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self._resolve = lru_cache(maxsize=4096)(self._ingredients_uncached)
        # Names to classes, services and diagnosis groups depend on the vocabulary alone, and
        # every item of every case asks again: each name is looked up once (bounded memos).
        self._ingredient_table = vocabulary.ingredients  # one copy, not one per call
        self._classes = lru_cache(maxsize=4096)(self._classes_uncached)
        self._service = lru_cache(maxsize=4096)(self._service_uncached)
        self._groups_of = lru_cache(maxsize=4096)(self._groups_uncached)
        self._drug = lru_cache(maxsize=4096)(self._drug_uncached)
        self._route = lru_cache(maxsize=4096)(self._route_uncached)
        self._named = lru_cache(maxsize=4096)(self._named_uncached)
        self._daily_med = lru_cache(maxsize=4096)(self._daily_med_uncached)
        # A surgery's course per (service, operation words): a variant's course is a model copy, and every
        # case view asks for each of its surgeries (read-only: callers read its figures).
        self._course_for = lru_cache(maxsize=4096)(self._course_for_uncached)
        groups = load_diagnosis_groups(Path(vocabulary.directory))
        self._groups = [
            (name, tuple(padded_words(w) for w in words)) for name, words in sorted(groups.groups.items())
        ] if groups else []
        self.guideline_data = load_guideline_data(Path(vocabulary.directory))
        table = load_postsurgical(Path(vocabulary.directory))
        self._postsurgical = dict(table.surgeries) if table else {}
        _check_cited_names(vocabulary, self.guideline_data, self._postsurgical, [g for g, _ in self._groups])

    def _ingredients_uncached(self, name: str) -> tuple[str, ...]:
        info = self.vocabulary.resolve(name)
        return info.ingredients if info else ()

    def ingredients_of(self, name: str) -> list[str]:
        return list(self._resolve(name))

    def classes_of(self, ingredients: Iterable[str]) -> list[str]:
        return list(self._classes(tuple(ingredients)))

    def drug_of(self, name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A medication name's ingredients and their classes, as `ingredients_of` and `classes_of` give them.

        Looked up once per name: every case's medications are read by name for the case view.
        """
        return self._drug(name)

    def drugs_named(self, text: str) -> tuple[frozenset[str], ...]:
        """Each drug *text* names, as the ingredients of its primary class ("Norco": hydrocodone; "Tylenol": acetaminophen).

        A benefit statement is told of the drugs it names (engine/benefit.py); an adjunct shared by combination
        products (the acetaminophen of Norco) does not make one drug another.
        """
        return self._named(text)

    def _named_uncached(self, text: str) -> tuple[frozenset[str], ...]:
        out: list[frozenset[str]] = []
        for found in self.vocabulary.mentions(text, ("product", "ingredient")):
            info = self.vocabulary.resolve(text[found.start : found.end])
            if info is None or not info.ingredients:
                continue
            principal = frozenset(i for i in info.ingredients if info.primary_class in self._classes((i,)))
            out.append(principal or frozenset(info.ingredients))
        return tuple(out)

    def route_of(self, name: str) -> str | None:
        """The route a medication's name gives ("topical diclofenac", "Voltaren gel": topical), or None."""
        return self._route(name)

    def _route_uncached(self, name: str) -> str | None:
        info = self.vocabulary.resolve(name)
        return info.route if info else None

    def _drug_uncached(self, name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        ingredients = self._resolve(name)
        return ingredients, self._classes(tuple(ingredients))

    def _classes_uncached(self, ingredients: tuple[str, ...]) -> tuple[str, ...]:
        known = self._ingredient_table
        return tuple(dict.fromkeys(c for i in ingredients if i in known for c in known[i].classes))

    def service_of(self, name: str) -> str | None:
        """The canonical service a treatment's name refers to ('PT', 'chiropractic care'), or None."""
        return self._service(name)

    def _service_uncached(self, name: str) -> str | None:
        found = self.vocabulary.identify(name, ("service",))
        return found.key if found else None

    def operation_of(self, name: str) -> str | None:
        """The operation a surgery's name stands for: "L4-5 decompression + fusion" is the fusion (`includes`).

        The service named first may be a part of a larger operation named after it; its postsurgical course is
        the larger operation's, as a request line naming both is routed to it (`Vocabulary.widest_service`).
        """
        service = self._service(name)
        return self.vocabulary.widest_service(name, service) if service is not None else None

    def postsurgical_course(self, service: str, name: str | None = None) -> PostsurgicalCourse | None:
        """The general postsurgical course and period for a surgery service (for the operation *name* names), if any."""
        course = self._postsurgical.get(service)
        return self._course_for(service, name) if course is not None else None

    def _course_for_uncached(self, service: str, name: str | None) -> PostsurgicalCourse:
        return self._postsurgical[service].for_name(name)

    def regions_apart(self, one: str, other: str) -> bool:
        """Whether care to body region *one* is no care of region *other* (anatomy.yaml)."""
        return self.vocabulary.regions_apart(one, other)

    def regions_named(self, text: str) -> list[str]:
        """Every body region *text* names, a spinal level naming its spine."""
        return self.vocabulary.regions_named(text)

    def diagnosis_groups_of(self, name: str) -> list[str]:
        """The guideline diagnosis groups a diagnosis name falls into (diagnoses.yaml), sorted."""
        return list(self._groups_of(name))

    def _groups_uncached(self, name: str) -> tuple[str, ...]:
        text = padded_words(_NON_PREFIXED.sub(" ", _DENIED_QUALIFIER.sub(" ", name)))
        return tuple(group for group, words in self._groups if any(w in text for w in words))

    def daily_med_mg(self, item: RequestedItem) -> float | None:
        """Morphine-equivalent mg/day of one item, or None when any part of it is unknown.

        Oral: strength (mg) x units per dose x doses a day x factor. A patch delivers its mcg/hr
        continuously, so its MED is strength x factor whatever the change interval.
        Strengths pair with ingredients in order (10/325 = oxycodone 10, APAP 325).
        Answered once per distinct combination of the fields it reads (every opioid item asks).
        """
        return self._daily_med(tuple(item.ingredients), tuple((s.value, s.unit) for s in item.strengths),
                               item.doses_per_day, item.units_per_dose, item.route)

    def _daily_med_uncached(
        self, ingredients: tuple[str, ...], strengths: tuple[tuple[float, str], ...],
        doses_per_day: float | None, units_per_dose: float | None, route: str | None,
    ) -> float | None:
        opioids = [i for i in ingredients if "opioid" in self.classes_of([i])]
        if not opioids:
            return None
        if len(strengths) == len(ingredients):
            pairs = list(zip(ingredients, strengths))
        elif len(strengths) == 1 and len(opioids) == 1:
            pairs = [(opioids[0], strengths[0])]
        else:
            return None
        total = 0.0
        for ingredient, (value, unit) in pairs:
            if ingredient not in opioids:
                continue
            if unit == _PER_HOUR:
                factor = self.vocabulary.med_factor(ingredient, route="transdermal")
                if factor is None:
                    return None
                total += value * factor
                continue
            if unit != "mg" or not doses_per_day:
                return None
            daily = value * (units_per_dose or 1) * doses_per_day
            factor = self.vocabulary.med_factor(ingredient, daily_mg=daily, route=route)
            if factor is None:
                return None
            total += daily * factor
        return round(total, 2)
