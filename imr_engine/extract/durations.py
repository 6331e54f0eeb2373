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
from .word_gate import finditer

_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_UNIT_WORDS = {
    "day": "day", "days": "day",
    "week": "week", "weeks": "week", "wk": "week", "wks": "week",
    "month": "month", "months": "month", "mo": "month", "mos": "month",
    "year": "year", "years": "year", "yr": "year", "yrs": "year",
}
_UNIT = r"(?P<unit>days?|weeks?|wks?|months?|mos?|years?|yrs?)\b"
DURATION = re.compile(
    r"\bfor\s+(?P<bound>at\s+least\s+|over\s+|more\s+than\s+|greater\s+than\s+|nearly\s+|about\s+|approximately\s+)?"
    r"(?:the\s+(?:past|last)\s+)?(?P<count>" + NUMBER + r"|an?)(?:\s+|(?<=\d))" + _UNIT,
    re.IGNORECASE,
)
# A span given without a number: "for years", "for several years", "for many months", "over the last
# few years". Read as its least: plural years are at least two, "several"/"many" months at least three,
# bare "months" at least two; "a few" and "a couple of" weeks or days are left (too short to matter).
_VAGUE = re.compile(
    r"\b(?:(?:for|over)\s+(?:the\s+(?:past|last)\s+)?|in\s+the\s+(?:past|last)\s+)(?P<much>(?:several|many|multiple|a\s+few|a\s+couple\s+of|a\s+number\s+of)\s+)?"
    r"(?P<unit>years|months)\b",
    re.IGNORECASE,
)
_VAGUE_LEAST = {("year", False): 2.0, ("year", True): 2.0, ("month", False): 2.0, ("month", True): 3.0}
# "x 3 yrs", "x3 years": the multiplication sign of notes. Years only: "x 6 weeks" in a plan is how long
# a treatment is asked for, not how long a drug has been taken.
_TIMES_YEARS = re.compile(r"(?<![a-z0-9])[x×]\s*(?P<count>" + NUMBER + r")\s*(?P<unit>years?|yrs?)\b", re.IGNORECASE)


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
    """Every "for N units" phrase in *text* (and "for years", "x 3 yrs"), with its span, left to right."""
    out = []
    for m in finditer(DURATION, text):
        word = m.group("count").lower()
        count = 1.0 if word in ("a", "an") else parse_number(word)
        if count is None:
            continue
        bound = (m.group("bound") or "").split()
        at_least = bool(bound) and bound[0].lower() in ("at", "over", "more", "greater")
        out.append(Duration(m.start(), m.end(), count, _UNIT_WORDS[m.group("unit").lower()], at_least))
    for m in _VAGUE.finditer(text):
        unit = _UNIT_WORDS[m.group("unit").lower()]
        much = " ".join((m.group("much") or "").lower().split())
        if much in ("a few", "a couple of") and unit == "month":
            continue
        out.append(Duration(m.start(), m.end(), _VAGUE_LEAST[unit, bool(much)], unit, True))
    for m in _TIMES_YEARS.finditer(text):
        count = parse_number(m.group("count"))
        if count is not None:
            out.append(Duration(m.start(), m.end(), count, "year", False))
    return sorted(out, key=lambda d: d.start)


def start_from_duration(reference: dt.date, duration: Duration) -> FuzzyDate:
    """The start date *duration* implies, counted back from *reference*."""
    whole = int(duration.count)
    if duration.unit in ("year", "month") and whole == duration.count:
        months = whole * (12 if duration.unit == "year" else 1)
        year, month = divmod(reference.year * 12 + reference.month - 1 - months, 12)
        return FuzzyDate(year, month + 1)
    start = reference - dt.timedelta(days=duration.days)
    return FuzzyDate(start.year, start.month, start.day)
