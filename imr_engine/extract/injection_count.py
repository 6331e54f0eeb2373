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
    r"\b(?:last(?!\s+(?:year|yr|month|week|spring|summer|fall|autumn|winter|visit))|latest|most\s+recent|previous\s+(?:ones|injections)"
    r"|second|third|2nd|3rd|another|again|repeat(?:ed)?|series|several|multiple|many|serial|numerous|each|both|twice"
    r"|x\s*\d+(?!\s*(?:hrs?|hours?|days?|d|wks?|weeks?|mos?|months?|yrs?|years?|%|-))|#\s*\d)\b",
    _I,
)
#: One more of the same told after it: "... in April 2013 and another in July 2013", "and a second one in September".
_ONE_MORE = re.compile(r"(?:\band|,)\s+(?:then\s+)?(?:another|a\s+(?:second|2nd|repeat))\b(?!\s+(?:is|was|will|would)\b)", _I)
#: The plural of an injection's name: "ESIs", "injections", "blocks", "TPIs", "shots", "MBBs".
_PLURAL = re.compile(r"(?<![sS])[sS]$")
#: Dates joined in a list after the name: "on 3/2/2017 and 9/14/2017", "(2016, 2018)", "10/2019 (50% x 3 wks) and 6/2020".
_JOINERS = re.compile(r"^(?:\s*\([^()]*\))?[\s,;()]*(?:and|&|,)?[\s,;()]*$", _I)
#: Injections numbered as given: "SGB #1 (07/2018) ... SGB #3 (02/2019)": as many as the highest number.
_NUMBERED = re.compile(r"\s*#\s*(?P<n>[1-9])\b(?!\s+of\b)")
#: Two blocks told as a pair: "dual comparative medial branch blocks", "double blocks".
_PAIR = re.compile(r"\b(?:dual|double|paired)\s+(?:(?:comparative|diagnostic|confirmatory)\s+)*$", _I)


def count_single_injections(sentences: list[Sentence], ctx: Context) -> None:
    """Each uncounted course of injections whose words tell its number by the noun (module docstring)."""
    for entry in ctx.draft.treatments.values():
        if entry.get("sessions") is not None or entry.get("kind") == "medication" or not (
                entry.get("kind") == "injection" or _INJECTIONS & set(_classes(ctx, entry.get("service")))):
            continue
        count = _told_count(entry, sentences, ctx)
        if count is not None:
            entry["sessions"] = count


#: Service classes of injections and blocks (services.yaml).
_INJECTIONS = frozenset({"spinal_injection", "facet_procedure", "joint_injection", "nerve_block", "trigger_point_injection",
                         "regenerative_injection", "chemodenervation"})


def _classes(ctx: Context, service: object) -> tuple[str, ...]:
    return tuple(ctx.vocab.service_info(service).classes) if isinstance(service, str) and service in ctx.vocab.services else ()


def _near(text: str, end: int, quote: str, ctx: Context) -> str:
    """The course's quote and the words after it in its sentence, up to its clause's end or the next care named."""
    tail = text[end : end + 80]
    stop = re.search(r"[.;](?:\s|$)", tail)
    tail = tail[: stop.start()] if stop else tail
    named = ctx.vocab.mentions(tail, ("service",))
    return quote + " " + (tail[: named[0].start] if named else tail)


def _told_count(entry: dict[str, Any], sentences: list[Sentence], ctx: Context) -> int | None:
    service = entry.get("service")
    singular = plural = 0
    dates: set[str] = set()
    dated_plural: int | None = None
    numbered = 0
    paired = False
    more = False
    second = False
    for ev in entry.get("evidence", []):
        if ev is None or not ev.quote:
            continue
        names = [m for m in ctx.vocab.mentions(ev.quote, ("service",)) if m.key == service]
        if not names:
            continue  # a quote of its result alone ("each one gave him three weeks of relief"): no number told there
        found = quote_sentence(ev, sentences)
        if found is None:
            return None
        near = _near(found[0].text, found[1], ev.quote, ctx)
        second = second or bool(_ONE_MORE.search(near))  # "a cortisone injection in April and another in July": two
        more = more or bool(_MORE.search(near))  # "the last ESI", "a repeat ESI": one among several
        rest = ev.quote[names[0].end :]
        quote_dates = find_dates(rest, years=True)
        dates.update(str(d.date) for d in quote_dates)
        text = found[0].text
        for m in ctx.vocab.mentions(text, ("service",)):  # numbered in the sentence: "SGB #1 ... SGB #2"
            if m.key == service and (n := _NUMBERED.match(text, m.end)):
                numbered = max(numbered, int(n.group("n")))
        between = [rest[a.end : b.start] for a, b in zip(quote_dates, quote_dates[1:], strict=False)]
        listed = len(quote_dates) if len(quote_dates) >= 2 and all(_JOINERS.match(x) for x in between) else None
        for m in names:
            paired = paired or bool(_PAIR.search(ev.quote[: m.start]))
            if _PLURAL.search(ev.quote[m.start : m.end].split()[-1]):
                plural += 1
            else:
                singular += 1
            if listed is not None:  # "ESIs on 3/2/2017 and 9/14/2017", "RFA L3-5 2012 and 2013": one a date
                dated_plural = listed
    if numbered >= 2:
        return numbered
    if plural and paired:
        return 2
    if dated_plural is not None and len(dates) == dated_plural:
        return dated_plural
    if plural:
        return None
    if singular and second and len(dates) <= 2:
        return 2
    return 1 if singular and not more and len(dates) <= 1 else None
