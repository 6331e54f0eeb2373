"""How long something has gone on: "for 6 months", "for over two years", "for the past 3 weeks".

A duration dates a start only against a reference date (the note it is read from):
`start_from_duration` steps back by whole calendar units and keeps the precision the
unit allows (years and months -> month, weeks and days -> day), never reading the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..facts.fuzzy_date import FuzzyDate
from .numbers import NUMBER, parse_number

_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
DURATION = re.compile(
    r"\bfor\s+(?P<bound>at\s+least\s+|over\s+|more\s+than\s+|greater\s+than\s+|nearly\s+|about\s+|approximately\s+)?"
    r"(?:the\s+(?:past|last)\s+)?(?P<count>" + NUMBER + r"|an?)\s+(?P<unit>day|week|month|year)s?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Duration:
    """A span of time read from text, with whether the text gave it as a lower bound."""

    start: int
    end: int
    count: float
    unit: str  # day, week, month, year
    at_least: bool

    @property
    def days(self) -> int:
        return round(self.count * _UNIT_DAYS[self.unit])


def find_durations(text: str) -> list[Duration]:
    """Every "for N units" phrase in *text*, with its span."""
    out = []
    for m in DURATION.finditer(text):
        word = m.group("count").lower()
        count = 1.0 if word in ("a", "an") else parse_number(word)
        if count is None:
            continue
        bound = (m.group("bound") or "").split()
        at_least = bool(bound) and bound[0].lower() in ("at", "over", "more", "greater")
        out.append(Duration(m.start(), m.end(), count, m.group("unit").lower(), at_least))
    return out


def start_from_duration(reference: dt.date, duration: Duration) -> FuzzyDate:
    """The start date *duration* implies, counted back from *reference*."""
    whole = int(duration.count)
    if duration.unit in ("year", "month") and whole == duration.count:
        months = whole * (12 if duration.unit == "year" else 1)
        year, month = divmod(reference.year * 12 + reference.month - 1 - months, 12)
        return FuzzyDate(year, month + 1)
    start = reference - dt.timedelta(days=duration.days)
    return FuzzyDate(start.year, start.month, start.day)
