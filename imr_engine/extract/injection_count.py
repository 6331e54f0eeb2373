"""How many injections a prior course held, where the note names them without a number.

Clinicians count injections by the noun's number as often as by a figure: "he had an L4-5 ESI on 5/11/2015",
"a single right L5 TFESI in March 2018", "right shoulder cortisone injection 02/2019: no relief", "cortisone shot last
year helped" each tell one injection; "lumbar ESIs on 3/2/2017 and 9/14/2017" tells two, one a date. The repeat
criteria turn on it (CPMTG p. 46: a second epidural after the first one's response).

So a course of injections no reader has counted is one injection when every mention of it names it in the singular,
with at most one date, and neither its words nor its sentence tell of more ("the last ESI", "another in 2019", "a
repeat ESI", "a series", "several"); named in the plural with two or more dates and nothing else, it is one a date.
A plural without dates ("has had ESIs in the past") stays uncounted.
"""

from __future__ import annotations

import re
from typing import Any

from .context import Context
from .dates import find_dates
from .sentences import Sentence, quote_sentence

_I = re.IGNORECASE
#: Words that tell of more than one injection, or of one among several: "the last ESI", "another in 2019".
_MORE = re.compile(
    r"\b(?:last(?!\s+(?:year|yr|month|week|spring|summer|fall|autumn|winter|visit))|latest|most\s+recent|previous\s+(?:ones|injections)|first|second|third|2nd|3rd|another|again|repeat(?:ed)?"
    r"|series|several|multiple|many|serial|numerous|each|both|twice|two|three|four|both|x\s*\d|#\s*\d|all)\b",
    _I,
)
#: The plural of an injection's name: "ESIs", "injections", "blocks", "TPIs", "shots", "MBBs".
_PLURAL = re.compile(r"(?<![sS])[sS]$")
#: Dates joined in a list after the name: "on 3/2/2017 and 9/14/2017", "(2016, 2018)".
_JOINERS = re.compile(r"^[\s,;()]*(?:and|&|,)?[\s,;()]*$", _I)


def count_single_injections(sentences: list[Sentence], ctx: Context) -> None:
    """Each uncounted course of injections whose words tell its number by the noun (module docstring)."""
    for entry in ctx.draft.treatments.values():
        if entry.get("kind") != "injection" or entry.get("sessions") is not None:
            continue
        count = _told_count(entry, sentences, ctx)
        if count is not None:
            entry["sessions"] = count


def _told_count(entry: dict[str, Any], sentences: list[Sentence], ctx: Context) -> int | None:
    service = entry.get("service")
    singular = plural = 0
    dates: set[str] = set()
    dated_plural: int | None = None
    more = False
    for ev in entry.get("evidence", []):
        if ev is None or not ev.quote:
            continue
        found = quote_sentence(ev, sentences)
        if found is None:
            return None
        more = more or bool(_MORE.search(found[0].text))  # "the last ESI", "another in 2019": one among several
        names = [m for m in ctx.vocab.mentions(ev.quote, ("service",)) if m.key == service]
        if not names:
            return None  # the course's name not in its quote: its number is not told there
        rest = ev.quote[names[0].end :]
        quote_dates = find_dates(rest, years=True)
        dates.update(str(d.date) for d in quote_dates)
        for m in names:
            if _PLURAL.search(ev.quote[m.start : m.end].split()[-1]):
                plural += 1
                between = [rest[a.end : b.start] for a, b in zip(quote_dates, quote_dates[1:], strict=False)]
                if len(quote_dates) >= 2 and all(_JOINERS.match(x) for x in between):
                    dated_plural = len(quote_dates)
            else:
                singular += 1
    if plural:
        return dated_plural if dated_plural is not None and not singular and len(dates) == dated_plural else None
    return 1 if singular and not more and len(dates) <= 1 else None
