"""Guideline citations: the shared shape of a reviewer's citation and a rule's citation.

Both the letter parser (the reviewer's "MAXIMUS guideline" line) and the rule book
(each rule's guideline reference) produce `Citation`s, so QA can compare them on
equal terms: same guideline, and an overlapping section name or page range.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Source = Literal["MTUS", "non-MTUS"]

#: Canonical guideline names. Parsers map the many spellings in letters onto these.
CPMTG = "Chronic Pain Medical Treatment Guidelines"
ODG = "Official Disability Guidelines"
ACUPUNCTURE = "Acupuncture Medical Treatment Guidelines"
POST_SURGICAL = "Post-Surgical Treatment Guidelines"


def acoem(chapter: int | None) -> str:
    """Canonical name of an ACOEM chapter ("ACOEM" alone when the chapter is not given)."""
    return f"ACOEM Chapter {chapter}" if chapter else "ACOEM"


PageRange = tuple[int, int]


class Citation(BaseModel):
    """One guideline reference: which guideline, which sections, which pages."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    source: Source
    guideline: str
    sections: tuple[str, ...] = Field(default_factory=tuple)
    pages: tuple[PageRange, ...] = Field(default_factory=tuple)
    generation: str | None = Field(
        None, description="The MTUS generation the rule was applied under (rules/generations.yaml); letters leave it out."
    )

    @field_validator("pages")
    @classmethod
    def _ordered_ranges(cls, pages: tuple[PageRange, ...]) -> tuple[PageRange, ...]:
        for first, last in pages:
            if first < 1 or last < first:
                raise ValueError(f"page range [{first}, {last}] must have 1 <= first <= last")
        return pages


_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"the", "of", "for", "and", "on", "in", "a", "an", "to", "section", "treatment"})


def section_key(name: str) -> frozenset[str]:
    """Content words of a section name, for matching despite punctuation and word order."""
    return frozenset(w for w in _WORD.findall(name.lower()) if w not in _STOP)


def sections_overlap(ours: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """True when some section name of one side names the same section as one of the other.

    Names match when the content words of one are all found in the other, so that
    "Opioids/Ongoing Management" matches "Opioids, ongoing management" and
    "Carisoprodol (Soma)" matches "Soma (carisoprodol)".
    """
    for a in ours:
        ka = section_key(a)
        for b in theirs:
            kb = section_key(b)
            if ka and kb and (ka <= kb or kb <= ka):
                return True
    return False


def pages_overlap(ours: tuple[PageRange, ...], theirs: tuple[PageRange, ...]) -> bool:
    """True when any page range of one side shares a page with one of the other."""
    return any(a0 <= b1 and b0 <= a1 for a0, a1 in ours for b0, b1 in theirs)


def citation_matches(ours: Citation, theirs: Citation) -> bool:
    """Same guideline, and an overlapping section name or page range.

    A reviewer citation that names only the guideline (no section, no page) is
    matched by the guideline alone: there is nothing finer to compare.
    """
    if ours.guideline != theirs.guideline:
        return False
    if not theirs.sections and not theirs.pages:
        return True
    return sections_overlap(ours.sections, theirs.sections) or pages_overlap(ours.pages, theirs.pages)
