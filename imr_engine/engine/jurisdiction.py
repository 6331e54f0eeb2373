"""Which guideline a jurisdiction's reviewer applies first, and how the answer says so.

A California IMR reviewer applies the MTUS and turns to other guidelines only where it is
silent (8 CCR 9792.21.1); that is the engine's default order. A Texas IRO reviewer applies the
Official Disability Guidelines, which Texas adopted as its treatment guidelines (28 TAC
§137.100, Labor Code §413.011), so a Texas item is judged by the ODG rules first. Where the rule
book encodes no ODG criteria for the request, the MTUS rules stand in as the closest
evidence-based guideline the book holds, and the answer records that assumption.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..rulebook.model import Rule

ODG_NAME = "Official Disability Guidelines"
TEXAS_BASIS = "Texas (28 TAC §137.100, Labor Code §413.011): judged by the Official Disability Guidelines, the treatment guidelines Texas adopts. "
TEXAS_FALLBACK = (
    "no ODG criteria encoded; MTUS criteria used as the closest evidence-based guideline"
)


def is_odg(rule: Rule) -> bool:
    """A rule of the Official Disability Guidelines (the non-MTUS tier names no other guideline today)."""
    return rule.guideline.source != "MTUS" and rule.guideline.guideline.startswith(ODG_NAME)


def odg_start(rules: Iterable[Rule], generation_starts: Iterable[dt.date]) -> dt.date | None:
    """The day from which the book's ODG criteria stand, for a Texas decision made before it.

    An ODG rule's start date is either the first day of an MTUS generation (when California
    reviewers cited it: a fact about California, not about the ODG) or a date in the world (a
    drug's approval or withdrawal), which must hold everywhere. The latest generation start among
    ODG rules is the day every criterion of the first kind is in force and none of the second is
    moved; a Texas decision before it is judged by the ODG criteria as of that day.
    """
    starts = set(generation_starts)
    return max((r.guideline.effective_from for r in rules if is_odg(r) and r.guideline.effective_from in starts),
               default=None)


def texas_sentence(as_of: dt.date, odg_day: dt.date) -> str:
    """The opening of a Texas item the ODG rules decided; names the day their criteria stand for when shifted."""
    if odg_day > as_of:
        return TEXAS_BASIS + (
            f"The ODG criteria the rule book encodes date from {odg_day.isoformat()}; assumed: they stand for "
            f"the ODG applied on {as_of.isoformat()}. "
        )
    return TEXAS_BASIS


def texas_fallback_sentence() -> str:
    """The opening of a Texas item judged by MTUS rules because no ODG rule addresses it."""
    return (
        "Texas (28 TAC §137.100): the Official Disability Guidelines apply, but for this request "
        f"{TEXAS_FALLBACK}. "
    )
