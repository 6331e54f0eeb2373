"""Prior care set against the body region a request is for.

Guideline criteria about care already tried (a course's visits and gains, therapies tried
and failed, failed conservative care before surgery) speak of the part being treated: lumbar
PT is no prior course of a cervical PT request, and a knee's failed therapy does not support
a shoulder arthroscopy. A course counts toward an item when its region and the item's agree
or either is unknown, so a thin note loses no support it has today. The item's region is
the one its request line names (or its spinal levels), else the case's when the diagnoses
name a single region, an assumption the trace names. Diagnoses are set against it the same way, by
guideline chapter and limb part only: an ankle fracture makes no wrist film a fracture's follow-up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..facts.model import CaseFacts, Diagnosis, Evidence, Finding, Treatment
from ..requests.model import RequestedItem

#: The region a diagnosis of the back gives when it does not say which part: none to set care against.
UNSPECIFIED = "back"
#: Spinal level prefixes and the spine they name.
_SPINE = {"C": "cervical_spine", "T": "thoracic_spine", "L": "lumbar_spine", "S": "lumbar_spine"}
#: What the trace says when an item's region is the case's.
ASSUMED_REGION = "assumed: the request names none and the diagnoses name this one only"


@dataclass(frozen=True)
class ItemRegion:
    """The region an item is for, and whether it was taken from the case rather than the request line."""

    region: str | None
    assumed: bool = False


class RegionTest:
    """Whether two regions are apart, by the vocabulary's anatomy (never, for a terminology without one)."""

    def __init__(self, vocab: object) -> None:
        self._apart: Callable[[str, str], bool] | None = getattr(vocab, "regions_apart", None)
        self._named: Callable[[str], list[str]] | None = getattr(vocab, "regions_named", None)

    def names_any(self, text: str) -> bool:
        """Whether *text* names a body region (None known when the terminology cannot tell: taken as named)."""
        return self._named is None or bool(self._named(text))

    def apart(self, one: str | None, other: str | None) -> bool:
        return one is not None and other is not None and self._apart is not None and self._apart(one, other)

    def elsewhere(self, quote: str, region: str | None) -> bool:
        """A quote that names regions, every one apart from *region* (care told of another part)."""
        if region is None or self._named is None:
            return False
        named = [r for r in self._named(quote) if r != UNSPECIFIED]
        return bool(named) and all(self.apart(r, region) for r in named)


def case_region(case: CaseFacts) -> str | None:
    """The single body region the case's diagnoses name, or None when they name none or several."""
    found = {r for d in case.diagnoses for r in d.body_regions if r != UNSPECIFIED}
    return found.pop() if len(found) == 1 else None


def item_region(item: RequestedItem, case_wide: str | None, test: RegionTest) -> ItemRegion:
    """The region the request line names (or its levels' spine), else the case's single region.

    An item read by the case's region (a "brace" in a knee case) carries it though its line names none.
    """
    if item.body_region:
        return ItemRegion(item.body_region, assumed=item.body_region == case_wide and not test.names_any(item.text))
    spines = {_SPINE[level[0]] for level in item.levels if level[:1] in _SPINE}
    if len(spines) == 1:
        return ItemRegion(spines.pop())
    if spines:
        return ItemRegion(None)
    return ItemRegion(case_wide, assumed=case_wide is not None)


def split_courses(treatments: Iterable[Treatment], region: str | None, test: RegionTest) -> tuple[list[Treatment], list[Treatment]]:
    """(the treatments that count for an item of *region*, those given to another region)."""
    kept: list[Treatment] = []
    aside: list[Treatment] = []
    for t in treatments:
        (aside if test.apart(t.region, region) else kept).append(t)
    return kept, aside


def split_diagnoses(diagnoses: Iterable[Diagnosis], region: str | None, test: RegionTest) -> tuple[list[Diagnosis], list[Diagnosis]]:
    """(the diagnoses that speak for an item of *region*, those of other parts only).

    A diagnosis speaks for the item when it names no region or one not apart from the item's: a
    fracture of the ankle makes no film of the wrist a fracture's follow-up.
    """
    kept: list[Diagnosis] = []
    aside: list[Diagnosis] = []
    for d in diagnoses:
        named = [r for r in d.body_regions if r != UNSPECIFIED]
        (aside if named and all(_chapters_apart(r, region, test) for r in named) else kept).append(d)
    return kept, aside


#: The limb parts a diagnosis is set against: the spine's diagnoses speak for the limbs its nerves and cord
#: serve (a cervical myelopathy for evoked potentials of the legs), so only part against part is apart.
_PARTS = frozenset({"shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "foot"})
#: Parts apart for care but one guideline chapter for a diagnosis: the wrist and the hand (ACOEM Ch. 11,
#: Forearm, Wrist, and Hand Complaints: de Quervain's of the wrist is treated with a thumb spica splint).
_ONE_CHAPTER = (frozenset({"wrist", "hand"}),)


def _chapters_apart(one: str, other: str | None, test: RegionTest) -> bool:
    """Two limb parts of different guideline chapters (a spine or a whole limb is apart from nothing here)."""
    return (one in _PARTS and other in _PARTS and test.apart(one, other)
            and not any({one, other} <= chapter for chapter in _ONE_CHAPTER))


def set_aside_note(aside: Iterable[Treatment], where: ItemRegion) -> str:
    """The trace's words for treatments left out as care of another region."""
    named = "; ".join(f"{t.name} ({(t.region or '').replace('_', ' ')})" for t in aside)
    return f"set aside as care of another region than the request's {region_words(where)}: {named}"


def region_words(where: ItemRegion) -> str:
    """An item's region as the trace names it, with the assumption when it is the case's."""
    said = (where.region or "").replace("_", " ")
    return f"{said} ({ASSUMED_REGION})" if where.assumed else said


def finding_for_region(finding: Finding, region: str | None, test: RegionTest) -> tuple[str, list[Evidence], list[Evidence]]:
    """A 'yes' finding for an item of *region*: (value, evidence kept, evidence set aside as told of another part).

    When every quote behind the yes tells of another region ("failed injection R ring finger" for a
    wrist's surgery), the item has no such finding of its own: unknown.
    """
    if finding.value != "yes" or region is None:
        return finding.value, list(finding.evidence), []
    kept = [e for e in finding.evidence if not test.elsewhere(e.quote, region)]
    aside = [e for e in finding.evidence if test.elsewhere(e.quote, region)]
    if aside and not kept:
        return "unknown", [], aside
    return finding.value, kept if aside else list(finding.evidence), aside
