"""The loaded vocabulary and its lookups: names to ingredients and classes, MED factors, services.

Loaded once per directory (`load_vocabulary`); every lookup is tolerant of case, spacing and
punctuation, and answers None rather than guessing when a name is not in the vocabulary.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..resources import vocabulary_dir
from . import models
from .checks import Files, Indexes, check_and_index
from .codes import code_spans
from .load import did_you_mean, load_file
from .reading import NamesMemo, TextNames, blank_parentheses
from .text import PhraseIndex, PhraseMatch

#: The files of a vocabulary directory, in load order.
FILE_NAMES = ("classes.yaml", "sig.yaml", "drugs.yaml", "products.yaml", "services.yaml", "anatomy.yaml")

Category = Literal["product", "service", "ingredient"]
#: What opens a '#' name's pattern: no word character just before it.
_NOT_AFTER_WORD = r"(?<![\w])"


@dataclass(frozen=True)
class Identity:
    """What a text names first: a product, a service or an ingredient, and where."""

    category: Category
    key: str
    start: int
    end: int


@dataclass(frozen=True)
class DrugInfo:
    """A drug or supply as the vocabulary understands a name: what it contains and how it is taken."""

    product: str | None  # display name in products.yaml; None when read from ingredient names
    ingredients: tuple[str, ...]
    classes: tuple[str, ...]  # primary first, then every ingredient's and product's classes
    primary_class: str
    kind: models.ProductKind
    form: str | None
    release: models.Release | None
    route: str | None
    service: str | None
    withdrawn: bool


@dataclass(frozen=True)
class ServiceInfo:
    """A service as the vocabulary understands it."""

    name: str
    kind: models.ServiceKind
    classes: tuple[str, ...]

    @property
    def primary_class(self) -> str:
        return self.classes[0]


class Vocabulary:
    """Terminology of one rule book: load with `Vocabulary.load` or the cached `load_vocabulary`."""

    def __init__(self, directory: Path, files: Files, indexes: Indexes) -> None:
        self.directory = directory
        self._files = files
        self._idx = indexes
        self._class_rank = {name: i for i, name in enumerate(files.classes.data.classes)}
        by_category = {"product": indexes.products, "service": indexes.services, "ingredient": indexes.ingredients}
        self._names = NamesMemo(lambda text: TextNames(text, by_category, self._hash_bodies))

    # The '#' names' patterns are compiled when a text is first read, not when the vocabulary loads:
    # checking a rule book against the vocabulary (`imr rules`) reads no text.

    @functools.cached_property
    def _hash_aliases(self) -> list[tuple[re.Pattern[str], str]]:
        return _hash_alias_patterns(self._idx, self._files.products.data.products)

    @functools.cached_property
    def _hash_bodies(self) -> re.Pattern[str] | None:
        """The same names without the word boundary before them: a text none of these is in has no
        '#' name in any of its suffixes (where the start of the suffix passes for a boundary)."""
        return re.compile(
            "|".join(f"(?:{p.pattern.removeprefix(_NOT_AFTER_WORD)})" for p, _ in self._hash_aliases), re.I
        ) if self._hash_aliases else None

    @classmethod
    def load(cls, directory: Path) -> Vocabulary:
        """Read and check every vocabulary file in *directory*; RuleError names the first problem."""
        d = Path(directory)
        files = Files(
            classes=load_file(d / "classes.yaml", models.ClassesFile),
            sig=load_file(d / "sig.yaml", models.SigFile),
            drugs=load_file(d / "drugs.yaml", models.DrugsFile),
            products=load_file(d / "products.yaml", models.ProductsFile),
            services=load_file(d / "services.yaml", models.ServicesFile),
            anatomy=load_file(d / "anatomy.yaml", models.AnatomyFile),
        )
        return cls(d, files, check_and_index(files))

    # ------------------------------------------------------------------ the declared names

    @property
    def class_names(self) -> tuple[str, ...]:
        """Declared classes, in precedence order."""
        return tuple(self._files.classes.data.classes)

    @property
    def ingredients(self) -> dict[str, models.Ingredient]:
        return dict(self._files.drugs.data.ingredients)

    @property
    def products(self) -> dict[str, models.Product]:
        return dict(self._files.products.data.products)

    @property
    def services(self) -> dict[str, models.Service]:
        return dict(self._files.services.data.services)

    @property
    def forms(self) -> dict[str, models.FormEntry]:
        return dict(self._files.sig.data.forms)

    @property
    def routes(self) -> dict[str, models.RouteEntry]:
        return dict(self._files.sig.data.routes)

    @property
    def frequencies(self) -> dict[str, models.FrequencyEntry]:
        return dict(self._files.sig.data.frequencies)

    @property
    def body_regions(self) -> tuple[str, ...]:
        return tuple(self._files.anatomy.data.body_regions)

    def regions_apart(self, one: str, other: str) -> bool:
        """Whether care to region *one* is no care of region *other*: two known regions, not the same, not overlapping.

        A name the vocabulary does not know (an unqualified 'back') is never apart from anything.
        """
        anatomy = self._files.anatomy.data
        if one == other or one not in anatomy.body_regions or other not in anatomy.body_regions:
            return False
        together = anatomy.overlapping
        return other not in together.get(one, ()) and one not in together.get(other, ())

    # ------------------------------------------------------------------ names -> drugs

    def identify(
        self, text: str, categories: Sequence[Category] = ("product", "service", "ingredient"), *, end: int | None = None
    ) -> Identity | None:
        """The first product, service or ingredient *text* names (earliest, then longest, then that order).

        Parenthesised asides are skipped first, so "MS (morphine sulfate) Contin" is MS Contin;
        only if nothing is found outside them are they searched too. With *end*, what
        `identify(text[:end])` finds ("a study named in the sentence's first words"), read from
        the whole text's names, which the other readers of the same sentence share.
        """
        if end is not None and end < len(text):
            found = self._in_piece(text, end, categories)
            return self._identify_directly(text[:end], categories) if found is _UNSURE else found
        names = self._names(text)
        if names.hashed and "product" in categories:
            return self._identify_directly(text, categories)
        best = names.first(0, categories)
        return None if best is None else Identity(best[1], best[0].value, best[0].start, best[0].end)  # type: ignore[arg-type]

    def _identify_directly(self, text: str, categories: Sequence[Category]) -> Identity | None:
        """`identify` read from *text* alone: its '#' names, then each category's first phrase (the definition)."""
        for candidate in (blank_parentheses(text), text):
            best: tuple[PhraseMatch[str], Category] | None = None
            if "product" in categories:  # "Tylenol #3" is codeine, not the Tylenol it starts with
                hashed = min(self.hash_aliases(candidate), default=None)
                if hashed:
                    best = (PhraseMatch(hashed[2], hashed[0], hashed[1], 99), "product")
            for category in categories:
                match = self._index_of(category).first(candidate)
                if match and (best is None or (match.start, -match.words) < (best[0].start, -best[0].words)):
                    best = (match, category)
            if best:
                return Identity(best[1], best[0].value, best[0].start, best[0].end)
        return None

    def _in_piece(self, text: str, end: int, categories: Sequence[Category]) -> Identity | None:
        """`identify(text[:end])` from the whole text's words, or `_UNSURE` where only the piece can tell.

        The piece has the whole text's words before *end*, the last one cut there, when no aside
        runs across *end* (asides are the innermost parentheses, so the piece blanks the same
        ones). A '#' name in the piece (when products are asked) or a text beyond ASCII is read
        from the piece itself.
        """
        if end < 0 or not text.isascii():
            return _UNSURE
        names = self._names(text)
        if names.in_aside(end):
            return _UNSURE
        bodies = self._hash_bodies
        if "product" in categories and bodies is not None and (
            bodies.search(text, 0, end) or bodies.search(names.blanked, 0, end)
        ):
            return _UNSURE
        for form, form_text in ((names.outside, names.blanked), (names.inside, text)):
            best = form.first_before(form_text, end, categories)
            if best is not None:
                return Identity(best[1], best[0].value, best[0].start, best[0].end)  # type: ignore[arg-type]
        return None

    def mentions(
        self, text: str, categories: Sequence[Category] = ("product", "service", "ingredient")
    ) -> list[Identity]:
        """What `identify` finds in *text*, then in the rest after each find, and so on: in one pass.

        Readers walk a sentence name by name (`identify(text[end:])` after each hit), which
        tokenised the rest of the sentence again per name. Here the text's names (its words,
        with the asides blanked and as written, looked up once per category) are read once and
        shared with the other readers of the same text. A step that only the suffix itself can
        answer exactly (a '#' name such as "Tylenol #3" anywhere in the text when products are
        asked, a rest that starts inside an aside or inside a word) is asked of the suffix alone.
        """
        names = self._names(text)
        hashed = "product" in categories  # only products have '#' names
        out: list[Identity] = []
        pos = 0
        while pos < len(text):
            if (hashed and names.hashed) or not names.outside.at_boundary(pos) or names.in_aside(pos):
                found = self._identify_directly(text[pos:], categories)
                hit = None if found is None else Identity(found.category, found.key, pos + found.start, pos + found.end)
            else:
                best = names.first(pos, categories)
                hit = None if best is None else Identity(best[1], best[0].value, best[0].start, best[0].end)  # type: ignore[arg-type]
            if hit is None:
                break
            out.append(hit)
            pos = hit.end
        return out

    def hash_aliases(self, text: str) -> list[tuple[int, int, str]]:
        """Spans of product names with a '#' in them ("Tylenol #3"), which a quantity must not claim."""
        return [(m.start(), m.end(), name) for pattern, name in self._hash_aliases for m in pattern.finditer(text)]

    def ingredients_in(self, text: str) -> list[str]:
        """Every ingredient *text* names, in order, once each ("Hydrocodone /APAP" -> hydrocodone, acetaminophen)."""
        return list(dict.fromkeys(m.value for m in self._idx.ingredients.find_all(text)))

    def resolve(self, name: str) -> DrugInfo | None:
        """Resolve a product or generic name ("Norco", "Hydrocodone /APAP", "Morphine Er", "Fentanyl patch")."""
        found = self.identify(name, ("product", "ingredient"))
        if found is None:
            return None
        if found.category == "product":
            return self.describe_drug(found.key, self._files.products.data.products[found.key].ingredients, name)
        return self.describe_drug(None, self.ingredients_in(name), name)

    def describe_drug(self, product: str | None, ingredients: Sequence[str], text: str) -> DrugInfo:
        """Classes, form, release and route of a product or ingredient list, words in *text* first.

        A form or release written in the request ("tablets", "ER") wins over the product's usual
        one; a topical route makes the primary class topical_analgesic (CPMTG p. 111-113).
        """
        entry = self._files.products.data.products.get(product) if product else None
        found = [self._files.drugs.data.ingredients[name] for name in ingredients]
        form = self.form_in(text) or (entry.form if entry else None)
        release = self.release_in(text) or (entry.release if entry else None)
        route = self.route_in(text) or (entry.route if entry else None) or self._route_of_form(form, found)
        kind = entry.kind if entry else "drug"
        own = [c for ing in found for c in ing.classes] + list(entry.classes if entry else ())
        primary = self._primary_class(entry, found, route, kind)
        return DrugInfo(
            product=product,
            ingredients=tuple(ingredients),
            classes=tuple(dict.fromkeys([primary, *own])) if primary != "unknown" else tuple(dict.fromkeys(own)),
            primary_class=primary,
            kind=kind,
            form=form,
            release=release,
            route=route,
            service=entry.service if entry else None,
            withdrawn=any(ing.withdrawn for ing in found),
        )

    def _primary_class(
        self, entry: models.Product | None, found: Sequence[models.Ingredient], route: str | None, kind: str
    ) -> str:
        if entry and entry.primary_class:
            return entry.primary_class
        route_entry = self._files.sig.data.routes.get(route or "")
        if kind == "drug" and route_entry and route_entry.primary_class:
            return route_entry.primary_class
        if found:
            return min((ing.classes[0] for ing in found), key=self._class_rank.__getitem__)
        if entry and entry.classes:
            return entry.classes[0]
        return "unknown"

    def _route_of_form(self, form: str | None, found: Sequence[models.Ingredient]) -> str | None:
        if form is None:
            return None
        if form == "patch" and any(ing.transdermal for ing in found):
            return "transdermal"
        return self._files.sig.data.forms[form].route

    # ------------------------------------------------------------------ words in request lines

    def form_in(self, text: str) -> str | None:
        return _first(self._idx.forms, text)

    def route_in(self, text: str) -> str | None:
        return _first(self._idx.routes, text)

    def release_in(self, text: str) -> models.Release | None:
        found = _first(self._idx.release, text)
        return "ER" if found == "ER" else "IR" if found == "IR" else None

    def body_region_in(self, text: str) -> str | None:
        """The first body region named; a request aims at one region."""
        return _first(self._idx.regions, text)

    def regions_named(self, text: str) -> list[str]:
        """Every body region *text* names, in order, without repeats; a spinal level names its spine ("L4-5 ESI")."""
        found = list(dict.fromkeys(m.value for m in self._idx.regions.find_all(text)))
        return found + [region for region, level in SPINAL_LEVELS if region not in found and level.search(text)]

    def level_region_in(self, text: str) -> str | None:
        """The spine a line's spinal levels name when it names no region ("L4-5 and L5-S1 medial branch blocks"):
        one spine only, so a line naming levels of two ("C5-6 and L4-5") names none."""
        found = [region for region, level in SPINAL_LEVELS if level.search(text)]
        return found[0] if len(found) == 1 else None

    def laterality_in(self, text: str) -> models.Side | None:
        """The side named; 'left' and 'right' together are bilateral. A lone "R" or "L" (or "R." / "(R)") right before
        a body region is a side too: "R knee", "L. shoulder", "(L) wrist"; "L4-5" and "L/S spine" are no side."""
        sides = {m.value for m in self._idx.sides.find_all(text)}
        sides |= {"right" if m["s"].upper() == "R" else "left" for m in self._side_letter().finditer(text)}
        if "bilateral" in sides or {"left", "right"} <= sides:
            return "bilateral"
        return "left" if "left" in sides else "right" if "right" in sides else None

    @functools.cache  # noqa: B019 (one per vocabulary, which lives for the process)
    def _side_letter(self) -> re.Pattern[str]:
        words = sorted({w for phrases in self._files.anatomy.data.body_regions.values() for w in phrases if len(w) > 3},
                       key=len, reverse=True)
        regions = "|".join(re.escape(w) for w in words)
        return re.compile(rf"(?<![\w/.-])\(?(?P<s>[RLrl])\)?\.?\s+(?=(?:{regions})\b)", re.IGNORECASE)

    def frequency_matches(self, text: str) -> list[PhraseMatch[str]]:
        """Dosing-frequency words ("bid", "HS", "daily"); the value is a key of `frequencies`."""
        return self._idx.frequencies.find_all(text)

    def prn_matches(self, text: str) -> list[PhraseMatch[str]]:
        return self._idx.prn.find_all(text)

    def service(self, text: str) -> ServiceInfo | None:
        """The first service *text* names ("PT", "EMG/NCV", "L4-5 transforaminal ESI"), or None."""
        found = _first(self._idx.services, blank_parentheses(text)) or _first(self._idx.services, text)
        return self.service_info(found) if found else None

    def widest_service(self, text: str, name: str) -> str:
        """The service a request naming *name* is for: another service it names that includes *name*, else *name*.

        "L4-5 laminectomy and posterior fusion" names a decompression first, but the operation
        is the fusion, whose criteria cover the decompression done with it.
        """
        services = self._files.services.data.services
        for match in self._idx.services.find_all(text):
            if match.value != name and name in services[match.value].includes:
                return match.value
        return name

    def names_drugs_generically(self, name: str) -> bool:
        """Whether service *name* only stands for drug products a line may name ("compound cream: ketoprofen ...")."""
        return self._files.services.data.services[name].names_drugs_generically

    def service_for_region(self, name: str, region: str | None) -> str:
        """The service a request for *name* aimed at *region* is for: a foot's night splint is no wrist splint."""
        if region is None:
            return name
        return self._files.services.data.services[name].by_region.get(region, name)

    def service_named_alone(self, line: str) -> str | None:
        """The service a request *line* that names nothing else stands for ("Medications" alone), if any."""
        return _first(self._idx.alone, line)

    def services_by_code(self) -> dict[str, str]:
        """Every CPT code the vocabulary knows, with the service it bills."""
        return dict(self._idx.codes)

    def code_spans(self, line: str) -> list[tuple[int, int, str]]:
        """Where a request *line* writes a CPT code ("97110 x 8"), with the service it bills; never a ZIP code."""
        return code_spans(line, self._idx.codes)

    def service_info(self, name: str) -> ServiceInfo:
        entry = self._files.services.data.services[name]
        return ServiceInfo(name, entry.kind, tuple(entry.classes))

    # ------------------------------------------------------------------ morphine equivalents

    def med_factor(self, ingredient: str, daily_mg: float | None = None, route: str | None = None) -> float | None:
        """CDC 2016 morphine-equivalent factor: MED = daily dose x factor (fentanyl: mcg/hr x factor).

        None when there is no factor: not an opioid, no factor on purpose (buprenorphine), no
        factor for that route, or a dose-dependent factor (methadone) asked without a daily dose.
        Without *route* the ingredient's only route is used, or oral when it has several.
        Raises KeyError for a name that is no ingredient at all, since that is a caller's bug.
        """
        canonical = self._idx.ingredients.get(ingredient)
        if canonical is None:
            names = self._files.drugs.data.ingredients
            raise KeyError(f"unknown ingredient '{ingredient}'{did_you_mean(ingredient, names)}")
        factors = self._files.drugs.data.ingredients[canonical].med
        if route is not None:
            chosen = next((f for f in factors if f.route == route), None)
        elif len(factors) == 1:
            chosen = factors[0]
        else:
            chosen = next((f for f in factors if f.route == "oral"), None)
        if chosen is None:
            return None
        if chosen.factor is not None:
            return chosen.factor
        if daily_mg is None:
            return None
        if daily_mg < 0:
            raise ValueError(f"daily dose must not be negative, got {daily_mg}")
        for tier in chosen.tiers or ():
            if tier.up_to_mg_per_day is None or daily_mg <= tier.up_to_mg_per_day:
                return tier.factor
        return None  # unreachable: the last tier is open-ended (checked when loading)

    # ------------------------------------------------------------------ helpers

    def _index_of(self, category: Category) -> PhraseIndex[str]:
        return {"product": self._idx.products, "service": self._idx.services, "ingredient": self._idx.ingredients}[
            category
        ]


#: Spinal levels name their region ("L4-5 fusion", "C5-6"): grammar, not vocabulary.
SPINAL_LEVELS = (
    ("cervical_spine", re.compile(r"\bC[1-7]\b|\bC[1-7]-")),
    ("thoracic_spine", re.compile(r"\bT(?:[1-9]|1[0-2])\b|\bT(?:[1-9]|1[0-2])-")),
    ("lumbar_spine", re.compile(r"\bL[1-5]\b|\bL[1-5]-|\bL5-?S1\b")),
)


def _first(index: PhraseIndex[str], text: str) -> str | None:
    match = index.first(text)
    return match.value if match else None


#: What `_in_piece` answers when only the piece itself can tell (compared by identity).
_UNSURE = Identity("product", "", -1, -1)


def _hash_alias_patterns(indexes: Indexes, products: dict[str, models.Product]) -> list[tuple[re.Pattern[str], str]]:
    """Regexes for names such as "Tylenol #3" / "Tylenol No. 3", whose '#' is not a quantity."""
    patterns = []
    for name, entry in products.items():
        for spelling in (name, *entry.aliases):
            if "#" not in spelling:
                continue
            head, _, number = spelling.partition("#")
            words = r"[\s/\-]+".join(re.escape(w) for w in re.findall(r"[A-Za-z0-9]+", head))
            patterns.append(
                (
                    re.compile(rf"{_NOT_AFTER_WORD}{words}\s*(?:#|no\.?|number)\s*{re.escape(number.strip())}(?![\w])", re.I),
                    name,
                )
            )
    return patterns


@functools.lru_cache(maxsize=16)
def _load_cached(directory: Path) -> Vocabulary:
    return Vocabulary.load(directory)


@functools.lru_cache(maxsize=64)
def _resolved(directory: Path) -> Path:
    """An absolute directory with its links resolved, once: every extraction asks for its vocabulary, and resolving
    stats each part of the path (about 50 us, a tenth of the request lines' parsing)."""
    return directory.resolve()


def load_vocabulary(directory: Path | None = None) -> Vocabulary:
    """The vocabulary in *directory* (default: the bundled rule book's), loaded once per directory."""
    path = Path(directory or vocabulary_dir())
    return _load_cached(_resolved(path) if path.is_absolute() else path.resolve())  # a relative path follows the cwd
