"""The full letter's cover page: case number and dates, when the text includes it.

The cover lists "Case Number:", "Date Assigned:" and "UR Denial Date:"; the
extracted letters we keep often start after it, so every field is optional.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from .normalise import collapse

_CASE_NUMBER = re.compile(r"Case\s+Number\s*:\s*(?P<value>[A-Z0-9][A-Z0-9-]*)", re.IGNORECASE)
_DATE = r"(?P<value>\d{1,2}/\d{1,2}/\d{2,4})"
_DATE_ASSIGNED = re.compile(rf"Date\s+Assigned\s*:\s*{_DATE}", re.IGNORECASE)
_UR_DENIAL = re.compile(rf"UR\s+Denial\s+Date\s*:\s*{_DATE}", re.IGNORECASE)


class Cover(NamedTuple):
    """The cover page's fields; None where the text does not give them."""

    case_number: str | None = None
    date_assigned: date | None = None
    ur_denial_date: date | None = None


def parse_cover(text: str) -> tuple[Cover, list[str]]:
    """Cover fields found in *text* (the lines before the first section), and warnings."""
    text = collapse(text)
    warnings: list[str] = []
    m = _CASE_NUMBER.search(text)
    dates: dict[str, date | None] = {}
    for name, pattern in (("date_assigned", _DATE_ASSIGNED), ("ur_denial_date", _UR_DENIAL)):
        dates[name] = None
        if found := pattern.search(text):
            dates[name] = _us_date(found["value"])
            if dates[name] is None:
                warnings.append(f"{name.replace('_', ' ')} {found['value']!r} is not a valid date")
    return Cover(m["value"] if m else None, **dates), warnings


def _us_date(text: str) -> date | None:
    """MM/DD/YYYY (or MM/DD/YY) as a date; None if no such day exists."""
    month, day, year = (int(n) for n in text.split("/"))
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None
