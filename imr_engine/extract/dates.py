"""Dates in letter prose, to the precision written: "08/02/1999", "6-22-2015", "August 17, 2015",
"12-Mar-2018", "February of 2015", "June, 2015", or a bare year where the context calls for one.

Every match keeps its span so the fact it dates can quote it. Impossible dates
(month 13, February 30) are not dates. Two-digit years are read with a fixed pivot
(00-29 -> 20xx, else 19xx), never against today's date, so output never depends on
the calendar.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..facts.fuzzy_date import FuzzyDate
from .word_gate import among, finditer

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# "may" is a month only when capitalised ("May 2015"); lower-case it is the verb.
_MONTH = (
    r"(?P<month>(?i:january|february|march|april|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)|May|MAY)\.?"
)
_YEAR4 = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # year first, with dashes or an EHR's slashes: "2016-06-14", "2016/06/14"
    ("iso", re.compile(rf"(?<![\d/.-]){_YEAR4}(?P<sep>[-/])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?![\d/-])")),
    (
        "numeric",
        re.compile(r"(?<![\d/.-])(?P<m>\d{1,2})(?P<sep>[/.-])(?P<d>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/-])"),
    ),
    # the Doctor's First Report form (DWC Form 5021): month, day and year each in its own labelled box,
    # "Mo. 11 Day 01 Yr. 2014"
    (
        "form_boxes",
        re.compile(r"(?i:\bmo)\.?\s*(?P<m>\d{1,2})\s+(?i:day)\.?\s*(?P<d>\d{1,2})\s+(?i:yr)\.?\s*(?P<y>\d{4}|\d{2})(?![\d/-])"),
    ),
    # "June 14, 2016", "June 14,2016" (no space after the comma), "June the 14th, 2016"
    ("month_day_year", re.compile(rf"\b{_MONTH}\s+(?:the\s+)?{_DAY}(?:,\s*|\s+){_YEAR4}\b")),
    # a form's month first, with dashes: "Jun-14-2016"
    ("month_day_year", re.compile(rf"\b{_MONTH}-{_DAY}-{_YEAR4}\b")),
    ("day_month_year", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR4}\b")),
    # a hospital's or the military's day first, with dashes: "12-Mar-2018", "05-may-21" (a month between two numbers)
    (
        "day_mon_year",
        re.compile(
            r"(?<![\d/.-])(?P<day>[0-3]?\d)-(?P<month>(?i:jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec))\.?-"
            r"(?P<y>(?:19|20)\d{2}|\d{2})(?![\d-])"
        ),
    ),
    ("month_year", re.compile(rf"\b{_MONTH}(?:\s+of|,)?\s+{_YEAR4}\b")),
    ("numeric_month_year", re.compile(r"(?<![\d/.-])(?P<m>\d{1,2})/(?P<y>(?:19|20)\d{2})(?![\d/-])")),
    ("year", re.compile(rf"(?<![\d/.#-]){_YEAR4}(?![\d/-])")),
)

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: where, what, and how it was written."""

    start: int
    end: int
    date: FuzzyDate
    form: str  # which pattern read it; "year" for a bare year

    @property
    def bare_year(self) -> bool:
        return self.form == "year"


#: A month's name closing a stretch of text: the number after it is a day ("PT note January 17").
_MONTH_AT_END = re.compile(rf"\b{_MONTH}\s*$")


def ends_with_month_name(text: str) -> bool:
    """Whether *text* ends with a month's name, so that a number right after it is the day, not a count."""
    return _MONTH_AT_END.search(text) is not None


def find_dates(text: str, *, years: bool = True) -> list[DateMatch]:
    """Every date in *text*, left to right, the most specific reading at each place.

    Bare years ("2011") are included only when *years* is true; callers use them where
    the context makes a year a date ("dating back to 2011", "(2014)", "in 2002").
    """
    return list(_dates_in(text, years))


#: Every reader of a sentence asks for its dates: each sentence is read once (the last few
#: hundred kept, about a letter's worth). Every date form has a digit in it.
@functools.lru_cache(maxsize=512)
def _dates_in(text: str, years: bool) -> tuple[DateMatch, ...]:
    if not _DIGIT.search(text):
        return ()
    if not years:  # bare years are read last, so they never keep another date out: the same dates without them
        return tuple(d for d in _dates_in(text, True) if d.form != "year")
    taken: list[DateMatch] = []
    for form, pattern in among(_PATTERNS, text, 1):  # the forms that open with a month's name asked once for all
        for m in finditer(pattern, text):
            if any(m.start() < t.end and t.start < m.end() for t in taken):
                continue
            date = _read(form, m)
            if date is not None:
                taken.append(DateMatch(m.start(), m.end(), date, form))
    return tuple(sorted(taken, key=lambda d: d.start))


def parse_date(text: str) -> FuzzyDate | None:
    """The date *text* is exactly (a bare year included), or None."""
    found = find_dates(text.strip())
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.strip()):
        return found[0].date
    return None


def _read(form: str, m: re.Match[str]) -> FuzzyDate | None:
    groups = m.groupdict()
    try:
        if form in ("iso",):
            return FuzzyDate(int(groups["year"]), int(groups["m"]), int(groups["d"]))
        if form in ("numeric", "form_boxes"):
            return FuzzyDate(_year(groups["y"]), int(groups["m"]), int(groups["d"]))
        if form == "numeric_month_year":
            return FuzzyDate(int(groups["y"]), int(groups["m"]))
        if form == "day_mon_year":
            return FuzzyDate(_year(groups["y"]), MONTHS[groups["month"].lower()], int(groups["day"]))
        month = MONTHS[groups["month"].lower().rstrip(".")] if groups.get("month") else None
        if form in ("month_day_year", "day_month_year"):
            return FuzzyDate(int(groups["year"]), month, int(groups["day"]))
        if form == "month_year":
            return FuzzyDate(int(groups["year"]), month)
        return FuzzyDate(int(groups["year"]))
    except ValueError:
        return None


def _year(text: str) -> int:
    """A four-digit year; two digits pivot at 30 (fixed, not relative to today)."""
    value = int(text)
    if len(text) == 4:
        return value
    return 2000 + value if value < 30 else 1900 + value
