"""Reading the dose, quantity and schedule out of a request line, before knowing what it names.

Each pattern that matches is blanked out of a working copy of the line, so later patterns
cannot read the same characters twice ("#60 x 3 refills" is a quantity and refills, not also
"x 3" visits), and what is left is the name. Findings keep their position; where the line says
a thing twice, the earliest wins.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..vocabulary import Vocabulary
from . import patterns as p

Span = tuple[int, int]


@dataclass
class Findings:
    """What the line says, each value with the position where it was read."""

    strengths: list[tuple[int, float, str | None]] = field(default_factory=list)  # unit None: "10/325"
    quantity: list[tuple[int, float]] = field(default_factory=list)
    refills: list[tuple[int, float]] = field(default_factory=list)
    units_per_dose: list[tuple[int, float]] = field(default_factory=list)
    route: list[tuple[int, str]] = field(default_factory=list)
    per_day: list[tuple[int, float]] = field(default_factory=list)
    per_week: list[tuple[int, float]] = field(default_factory=list)
    weeks: list[tuple[int, float]] = field(default_factory=list)  # from "2x4"
    duration_days: list[tuple[int, float]] = field(default_factory=list)
    #: A course told as a range, its upper bound: "x 2-3 weeks" -> 21 (a drug's course).
    course_range_days: list[tuple[int, float]] = field(default_factory=list)
    hours: list[tuple[int, float]] = field(default_factory=list)
    hours_per_day: list[tuple[int, float]] = field(default_factory=list)  # "4 hrs/day"
    hours_per_week: list[tuple[int, float]] = field(default_factory=list)  # "20 hours per week"
    hours_each: list[tuple[int, float]] = field(default_factory=list)  # "ten 8-hour sessions", "8 hours each"
    days: list[tuple[int, float]] = field(default_factory=list)  # a duration written in days: a program's days
    days_per_week: list[tuple[int, float]] = field(default_factory=list)  # "5 days/wk"
    round_the_clock: bool = False  # "24/7"
    visits: list[tuple[int, float]] = field(default_factory=list)
    times: list[tuple[int, float]] = field(default_factory=list)  # a bare "x 6"
    acquisition: list[tuple[int, Literal["purchase", "rental"]]] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    prn: bool = False
    trial: bool = False


def earliest(found: Iterable[tuple[int, float]]) -> float | None:
    """The value read first in the line, or None."""
    return min(found, default=(0, None))[1]


class Scan:
    """A request line and its working copy, from which every understood part is blanked."""

    def __init__(self, text: str, protected: list[Span]) -> None:
        self.text = text
        self.work = text
        self.cut = len(text)  # where the name ends: the first understood part that is not part of a name
        self.inline: list[Span] = []  # understood parts inside the name (a compound's strengths)
        self._protected = protected

    def take(
        self,
        pattern: re.Pattern[str],
        *,
        cut: bool = True,
        accept: Callable[[re.Match[str]], bool] | None = None,
        only: str | None = None,
    ) -> list[re.Match[str]]:
        """Every match of *pattern* left in the working copy, blanked out (only group *only*, if given).

        *accept* may refuse a match; a refused or protected match is left in place.
        """
        taken = []
        for m in pattern.finditer(self.work):
            if m.end() == m.start() or self._is_protected(m.span()) or (accept and not accept(m)):
                continue
            self.blank(*(m.span(only) if only else m.span()), cut=cut)
            taken.append(m)
        return taken

    def blank(self, start: int, end: int, *, cut: bool = True) -> None:
        self.work = self.work[:start] + " " * (end - start) + self.work[end:]
        if cut:
            self.cut = min(self.cut, start)

    def _is_protected(self, span: Span) -> bool:
        return any(span[0] < end and start < span[1] for start, end in self._protected)

    def name(self) -> str:
        """The words before the first cut, compound strengths taken out, dangling words trimmed."""
        head = self.text[: self.cut]
        for start, end in sorted(self.inline, reverse=True):
            if end <= self.cut:  # "Flurbiprofen 20%/Cyclo..." -> "Flurbiprofen/Cyclo..."
                head = head[:start].rstrip() + head[end:]
        name = " ".join(head.split())
        if self.cut < len(self.text):  # cut short: drop what only led into the dose ("Soma,", "patch for")
            name = p.TRAILING_WORDS.sub("", name)
        if not name:  # the line starts with a dose ("#60 Norco"): whatever was not understood
            name = p.TRAILING_WORDS.sub("", " ".join(self.work.split()))
        return name.lstrip(" ,;:)/&+-") or self.text


def read(scan: Scan, vocab: Vocabulary) -> Findings:
    """Read every dose, quantity and schedule part of the line, in an order that avoids ambiguity."""
    f = Findings()
    for m in scan.take(p.LEVEL_RANGE, cut=False):
        second = (m["b"] or m["a"]).upper()
        f.levels.append(f"{m['a'].upper()}{int(m['m'])}-{second}{int(m['n'])}")
    for m in scan.take(p.LEVEL_SINGLE, cut=False):
        f.levels.append(f"{m['a']}{int(m['m'])}")
    for m in scan.take(p.DATE_RANGE, accept=lambda m: date_range_days(m["a"], m["b"]) is not None):
        days = date_range_days(m["a"], m["b"])
        f.duration_days.append((m.start(), days))  # type: ignore[arg-type]
        f.days.append((m.start(), days))  # type: ignore[arg-type]
    # a date of service or of a fill is no strength and no quantity ("dispensed 1/5/2015", "DOS 5/1/15")
    scan.take(p.DATE, cut=False, accept=lambda m: _month_day(m.group()) is not None)
    for pattern in p.QUANTITY:
        f.quantity += [(m.start(), float(m[1])) for m in scan.take(pattern)]
    for m in scan.take(p.NO_REFILLS):
        f.refills.append((m.start(), 0))
    for pattern in p.REFILLS:
        f.refills += [(m.start(), p.number(m[1])) for m in scan.take(pattern)]
    for pattern in p.UNITS_PER_DOSE:
        for m in scan.take(pattern):
            f.units_per_dose.append((m.start(), p.highest(m["n"])))
            if m.groupdict().get("route"):
                f.route.append((m.start(), p.ROUTE_WORDS[" ".join(m["route"].casefold().split())]))
    _read_schedule(scan, f)
    _read_strengths(scan, f)
    packs = [(m.start(), float(m[1])) for m in scan.take(p.QUANTITY_PACKS)]
    f.quantity += packs if not f.quantity else []  # "#30" or "qty 30" written out is the quantity, whatever count precedes it
    for m in scan.take(p.N_BY_M):
        f.per_week.append((m.start(), float(m["f"])))
        f.weeks.append((m.start(), float(m["w"])))
    for pattern in p.VISITS:  # the word "visits" stays: it may be part of the service's name
        f.visits += [(m.start("n"), p.number(m["n"])) for m in scan.take(pattern, only="n")]
    f.times += [(m.start(), float(m["n"])) for m in scan.take(p.TIMES)]
    f.trial = bool(scan.take(p.TRIAL))
    for m in scan.take(p.ACQUISITION):
        f.acquisition.append((m.start(), "purchase" if m["a"].casefold() in ("purchase", "buy") else "rental"))
    frequencies = vocab.frequencies
    for match in vocab.frequency_matches(scan.work):
        scan.blank(match.start, match.end)
        f.per_day.append((match.start, frequencies[match.value].doses_per_day))
    for match in vocab.prn_matches(scan.work):
        scan.blank(match.start, match.end)
        f.prn = True
    return f


def _read_schedule(scan: Scan, f: Findings) -> None:
    for m in scan.take(p.ON_OFF, accept=lambda m: int(m["on"]) + int(m["off"]) > 0):
        f.per_day.append((m.start(), 24 / (int(m["on"]) + int(m["off"]))))
    for m in scan.take(p.EVERY_HOURS, accept=lambda m: p.lowest(m["n"]) > 0):
        f.per_day.append((m.start(), 24 / p.lowest(m["n"])))
    for m in scan.take(p.EVERY_DAYS, accept=lambda m: p.lowest(m["n"]) > 0):
        f.per_day.append((m.start(), 1 / p.lowest(m["n"])))
    for m in scan.take(p.EVERY_WEEKS, accept=lambda m: p.lowest(m["n"]) > 0):
        f.per_day.append((m.start(), 1 / (7 * p.lowest(m["n"]))))
    _read_care_hours(scan, f)
    _read_sessions_a_week(scan, f)
    for m in scan.take(p.TIMES_PER):
        n = p.number(m["w"]) if m["w"] else p.highest(m["n"])
        if m["per"].casefold().startswith(("w", "wk")):
            f.per_week.append((m.start(), n))
        else:
            f.per_day.append((m.start(), n))
    for m in scan.take(p.HOURS_EACH):
        f.hours_each.append((m.start(), float(m["n"] or m["m"])))
    for m in p.COURSE_RANGE.finditer(scan.work):  # read, not blanked: a service line reads its own way
        f.course_range_days.append((m.start(), p.highest(m["n"]) * p.DAYS_PER[m["unit"].casefold()]))
    for pattern in [*p.DURATION, p.BARE_DURATION]:
        for m in scan.take(pattern):
            unit = m["unit"].casefold()
            f.duration_days.append((m.start(), p.number(m["n"]) * p.DAYS_PER[unit]))
            if unit.startswith("d"):
                f.days.append((m.start(), p.number(m["n"])))
    f.hours += [(m.start(), float(m["n"])) for m in scan.take(p.HOURS)]


#: A range written without years that runs into the next year ("Dec 20 to Jan 2") is at most half a year.
_LONGEST_WRAP_DAYS = 183


def date_range_days(first: str, last: str) -> float | None:
    """The days from one date of service to another, both counted ("3/1 to 3/28" is 28); None if not two dates in order.

    A date without a year takes the other's, else any leap year (so "2/29" reads); a range that runs
    backwards or over a year is no range of service dates ("10/325 - 5/325" never gets here).
    """
    a, b = _month_day(first), _month_day(last)
    if a is None or b is None:
        return None
    year_a, year_b = a[2] or b[2] or 2000, b[2] or a[2] or 2000
    try:
        start, end = dt.date(year_a, a[0], a[1]), dt.date(year_b, b[0], b[1])
    except ValueError:
        return None
    if end < start and a[2] is None and b[2] is None and end.month < start.month:  # "Dec 20 to Jan 2"
        end = end.replace(year=end.year + 1) if (end.month, end.day) != (2, 29) else end
        if (end - start).days > _LONGEST_WRAP_DAYS:
            return None
    days = (end - start).days + 1
    return float(days) if 1 <= days <= 366 else None


def _month_day(text: str) -> tuple[int, int, int | None] | None:
    """Month, day and year (None when not written) of "3/28", "03/28/15", "March 28, 2015"."""
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    word = re.match(r"[a-z]+", text.casefold())
    if word:
        month = p.MONTH_NUMBER.get(word.group()[:3])
        if month is None or not numbers:
            return None
        day, year = numbers[0], (numbers[1] if len(numbers) > 1 else None)
    else:
        month, day, year = numbers[0], numbers[1], (numbers[2] if len(numbers) > 2 else None)
    if year is not None and year < 100:
        year += 2000
    if not (1 <= month <= 12 and 1 <= day <= 31) or (year is not None and not 1990 <= year <= 2100):
        return None
    return month, day, year


def _read_sessions_a_week(scan: Scan, f: Findings) -> None:
    """Visits a week as therapy lines also write them, and a stepped schedule's visits in all.

    "3x/wk x 2 wks, then 2x/wk x 2 wks" is 10 visits over 4 weeks (the first frequency is the line's);
    "2 visits/week", "2/wk", "BIW" are sessions a week; "twelve (12) visits" is 12.
    """
    for m in scan.take(p.STEPPED):
        phases = [(p.number(ph["fw"]) if ph["fw"] else p.highest(ph["f"] or ph["f2"]), p.number(ph["w"] or ph["w2"]))
                  for ph in p.PHASE.finditer(m.group())]
        f.per_week.append((m.start(), phases[0][0]))
        f.visits.append((m.start(), sum(a * b for a, b in phases)))
        f.duration_days.append((m.start(), 7 * sum(b for _, b in phases)))
    f.per_week += [(m.start(), p.highest(m["n"])) for m in scan.take(p.VISITS_PER_WEEK)]
    f.per_week += [(m.start(), p.WEEKLY_TIMES[m["a"].casefold()]) for m in scan.take(p.WEEKLY_ABBREVIATION)]
    f.visits += [(m.start(), float(m["n"])) for m in scan.take(p.VISITS_SPELLED_OUT)]


def _read_care_hours(scan: Scan, f: Findings) -> None:
    """Hours of care a day or a week and the days a week it is given on (home health: up to 35 hours a week).

    Each is taken: "6 hours per day" is hours, not also a dose a day, and "x 7 days/wk" is not also a
    duration of 7 days.
    """
    for m in scan.take(p.HOURS_PER):
        per = m["per"].casefold()
        (f.hours_per_day if per.startswith("d") else f.hours_per_week).append((m.start(), float(m["n"])))
        f.hours.append((m.start(), float(m["n"])))
    f.days_per_week += [(m.start(), p.number(m["n"])) for m in scan.take(p.DAYS_PER_WEEK)]
    f.round_the_clock = bool(scan.take(p.ROUND_THE_CLOCK))


def _is_strength(m: re.Match[str]) -> bool:
    """A unit somewhere in the run, or exactly two numbers joined by '/' ("10/325")."""
    parts = p.STRENGTH_PART.findall(m.group())
    return any(unit for _, unit in parts) or (len(parts) == 2 and "/" in m.group())


def _read_strengths(scan: Scan, f: Findings) -> None:
    for m in scan.take(p.STRENGTH_RUN, cut=False, accept=_is_strength):
        parts = [(float(n), p.unit_of(u) if u else None) for n, u in p.STRENGTH_PART.findall(m.group())]
        for i, (value, unit) in enumerate(parts):
            after = next((u for _, u in parts[i:] if u), None)
            before = next((u for _, u in reversed(parts[:i]) if u), None)
            f.strengths.append((m.start() + i, value, unit or after or before))
        if p.INLINE_AFTER.match(scan.text, m.end()):
            scan.inline.append(m.span())
        else:
            scan.cut = min(scan.cut, m.start())
