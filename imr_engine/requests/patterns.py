"""The grammar of request lines: numbers, units and the patterns of dose, quantity and schedule.

Words that are terminology (drug and service names, "bid", "prn", "ER", forms, routes) live
in the vocabulary YAML; what is here is the fixed shape around them ("every 6 hrs", "#60",
"x 3 refills", "10/325 mg", "2x4", "L4-5").
"""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "once": 1, "twice": 2, "thrice": 3,
    "half": 0.5, "a half": 0.5, "1/2": 0.5, "½": 0.5,
}  # fmt: skip

_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
NUM = r"(?:\d+(?:\.\d+)?|\.\d+)"
COUNT = rf"(?:\d+|{_WORDS})"
AMOUNT = rf"(?:{NUM}|{_WORDS})"
_RANGE = rf"{AMOUNT}(?:\s*(?:-|to)\s*{AMOUNT})?"


def number(text: str) -> float:
    """A number written in digits or words ("4", "0.5", "four", "1/2")."""
    word = " ".join(text.casefold().split())
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(word)


def highest(text: str) -> float:
    """The upper bound of a range ("1-2" -> 2, "4 to 6" -> 6); a single number is itself."""
    return max(number(part) for part in re.split(r"\s*(?:-|to)\s*", text.strip()) if part)


def lowest(text: str) -> float:
    return min(number(part) for part in re.split(r"\s*(?:-|to)\s*", text.strip()) if part)


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# ---------------------------------------------------------------------------- strengths

_MICRO = r"(?:mcg|micrograms?|ug|µg|μg)"
_HOUR = r"(?:hr|hour|h)\b"
#: A strength unit; "(Ugm)" after a unit is a PDF artefact of "µg" (letter 000).
UNIT = (
    rf"(?:{_MICRO}\s*(?:/|per)\s*{_HOUR}|(?:mg|milligrams?|{_MICRO}|ugm|grams?|gm|g|ml|percent)\b|%)"
    rf"(?:\s*\(\s*(?:ugm|ug|mcg|µg|μg)\s*\))?"
)
#: A run of strengths: "350mg", "10/325", "10-325 mg", "50 microgram (Ugm)", "20%/4%".
STRENGTH_RUN = _p(rf"(?<![\w.#/\-]){NUM}\s*(?:{UNIT})?(?:\s*[/\-]\s*{NUM}\s*(?:{UNIT})?)*")
STRENGTH_PART = _p(rf"({NUM})\s*({UNIT})?")
#: After a strength, what makes it part of a compound's name ("Flurbiprofen 20%/Cyclobenzaprine 4% cream").
INLINE_AFTER = _p(
    r"\s*(?:(?:[/+,]|\band\b|\bwith\b)\s*[a-z]|(?:cream|gel|ointment|lotion|patch|spray|compound|solution)\b)"
)


def unit_of(raw: str) -> str:
    """Normalise a unit as written to mg, mcg, mcg/hr, g, ml or %."""
    u = re.sub(r"\(.*?\)", "", raw.casefold()).strip()
    if re.search(r"(/|per)\s*h", u):
        return "mcg/hr"
    if u.startswith(("mcg", "microgram", "ug", "µg", "μg")):
        return "mcg"
    if u.startswith(("mg", "milligram")):
        return "mg"
    if u in ("g", "gm", "gram", "grams"):
        return "g"
    if u == "ml":
        return "ml"
    return "%"


# ---------------------------------------------------------------------------- quantity, refills

QUANTITY = [
    _p(r"#\s*(\d+)(?![\d.])"),
    _p(r"\b(?:qty|quantity|disp|dispense|dispensed)\s*[:.#]?\s*(?:of\s*)?(\d+)(?![\d.])"),
]
_PACKS = r"tablets|tablet|tabs|tab|capsules|capsule|caps|cap|pills|pill|patches|patch|wraps|films|lozenges"
QUANTITY_PACKS = _p(rf"(?<![\w./])(\d+)\s*(?:{_PACKS})\b")
REFILLS = [
    _p(rf"(?:(?<![\w])(?:x|with|w/|plus|\+)\s*|(?<![\w.#/]))({COUNT})\s*(?:additional\s+)?(?:refills?|rfs?|refs?)\b"),
    # "pump refill 1 visit", "pump refill 2x4" are a service and its visits, not refills
    _p(rf"\b(?:refills?|rf)\s*[:#x]?\s*({COUNT})\b"
       r"(?!\s*(?:visits?|sessions?|treatments?|appointments?|times?)\b|\s*[x×*/]\s*\d)"),  # noqa: RUF001 (the multiplication sign is meant)
]
NO_REFILLS = _p(r"\b(?:no|zero)\s+refills?\b|\brefills?\s*:?\s*none\b")

# ---------------------------------------------------------------------------- units per dose

_DOSE_UNITS = r"(?:tablets?|tabs?|capsules?|caps?|pills?|patch(?:es)?|puffs?|sprays?|films?|drops?)"
_DOSE = rf"(?:{_RANGE}|1/2|½|a\s+half|half)"
_ROUTE = r"(?P<route>by\s+mouth|orally|sublingually|topically|transdermally|p\.o\.|po\b)"
_FREQ_AHEAD = (
    r"(?=\s*(?:every|q\s*\d|q\.?\s?[dh]\b|qd\b|qhs|qam|qpm|bid|tid|qid|b\.i\.d|t\.i\.d|q\.i\.d|daily|at\s+bedtime"
    r"|hs\b|h\.s|nightly|prn|p\.r\.n|as\s+needed|\d+\s*(?:x|times)|once|twice|three\s+times|four\s+times"
    r"|per\s+day|a\s+day))"
)
UNITS_PER_DOSE = [
    _p(rf"(?<![\w./])(?:take\s+)?(?P<n>{_DOSE})\s*(?:{_DOSE_UNITS}\b\.?\s*)?{_ROUTE}"),
    _p(rf"\btake\s+(?P<n>{_DOSE})(?:\s*{_DOSE_UNITS}\b\.?)?"),
    # a patch, cream or spray's sig: "apply 1 patch 12 hrs on/12 hrs off", "use 2 sprays each nostril"
    _p(rf"\b(?:apply|use|place|wear|inhale)\s+(?P<n>{_DOSE})\s*{_DOSE_UNITS}\b\.?"),
    _p(rf"(?<![\w./])(?P<n>{_DOSE})\s*{_DOSE_UNITS}\b\.?{_FREQ_AHEAD}"),
]
ROUTE_WORDS = {"by mouth": "oral", "orally": "oral", "po": "oral", "p.o.": "oral", "sublingually": "sublingual",
               "topically": "topical", "transdermally": "transdermal"}  # fmt: skip

# ---------------------------------------------------------------------------- schedules

#: A patch worn part of the day: "12 hours on, 12 hours off" is one application a day.
ON_OFF = _p(
    r"\b(?P<on>\d+)\s*(?:hours?|hrs?|h)\s+on\b[\s,;/]*(?:and\s+|then\s+)?(?P<off>\d+)\s*(?:hours?|hrs?|h)\s+off\b"
)
EVERY_HOURS = _p(rf"\b(?:every|q)\s*(?P<n>{NUM}(?:\s*(?:-|to)\s*{NUM})?)\s*(?:hours?|hrs?|h)\b\.?")
EVERY_DAYS = _p(rf"\b(?:every|q)\s*(?P<n>{_RANGE})\s*(?:days?|d)\b")
EVERY_WEEKS = _p(rf"\b(?:every|q)\s*(?P<n>{_RANGE})\s*(?:weeks?|wks?)\b")
TIMES_PER = _p(
    rf"(?:(?<![\w.])(?P<n>{_RANGE})\s*(?:x|times)|\b(?P<w>once|twice|thrice))\s*(?:(?:a|per|each|/)\s*)?"
    rf"(?P<per>day|daily|d|weeks?|wks?|weekly)\b"
)
DURATION = [
    _p(rf"\b(?:for|x|times|over)\s*(?P<n>{AMOUNT})\s*-?\s*(?P<unit>days?|d|weeks?|wks?|months?|mos?)\b"),
    _p(
        rf"(?<![\w.])(?P<n>{AMOUNT})[\s\-]*(?P<unit>days?|weeks?|wks?|months?|mos?)(?=[\s\-]*(?:home\s+)?(?:trial|rental|supply))"
    ),
    # a drug's supply told as the time it covers (session 16): "three months of prescriptions", "3 months' worth of
    # medication", "two months of refills"; not a time already past ("after 6 months of medication management")
    _p(
        rf"(?<!\bafter\s)(?<!\bfollowing\s)(?<!\bdespite\s)(?<!\bwith\s)(?<!\bin\s)(?<![\w.])(?P<n>{AMOUNT})[\s\-]*"
        rf"(?P<unit>days?|weeks?|wks?|months?|mos?)'?(?=\s+(?:worth\b|of\s+(?:prescriptions?|medications?|meds|refills?)\b(?!\s+(?:management|use)\b)))"
    ),
    # A hospital stay: "3-day inpatient stay", "2 days inpatient", "inpatient stay 2 days", "LOS: 1 day".
    _p(rf"(?<![\w.])(?P<n>{AMOUNT})[\s\-]*(?P<unit>days?)(?=[\s\-]*(?:of\s+)?(?:inpatient|in-patient|hospital|stay|admission))"),
    _p(rf"(?:(?<=stay)|(?<=admission)|(?<=hospitalization)|(?<=\blos))[\s:,\-]*(?:of\s+)?(?P<n>{AMOUNT})[\s\-]*(?P<unit>days?)\b"),
]
#: A program day or session of so many hours: "ten 8-hour sessions", "6 hr days", "10 sessions, 8 hours each".
#: Only the hours are taken, so the sessions are still counted.
HOURS_EACH = _p(
    rf"(?<![\w.])(?P<n>{NUM})[\s\-]*(?:hours?|hrs?|h)\b(?=[\s\-]*(?:full[\s\-]*days?\s+)?(?:sessions?|days?|visits?|treatments?)\b)"
    rf"|(?<![\w.])(?P<m>{NUM})\s*(?:hours?|hrs?|h)\s*(?:each|apiece|per\s+(?:session|visit|treatment)|a\s+session)\b"
)
_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_DAY_OF = rf"(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)"
#: Dates of service asked for: "from 3/1 to 3/28", "3/1/2015-3/28/2015", "DOS 03/01/15 through 03/28/15", "March 1 - March 28".
DATE_RANGE = _p(
    rf"(?:\bfrom\s+)?(?<![\w./])(?P<a>{_DAY_OF})\s*(?:-|–|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b)\s*(?P<b>{_DAY_OF})(?![\w/])"  # noqa: RUF001 (en dash is meant)
)
#: One date written with its year: "1/5/2015", "03/12/15" (checked as a date before it is taken).
DATE = _p(r"(?<![\w./])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\w/])")
MONTH_NUMBER = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
#: A count of days or weeks standing alone after the name: "Chronic pain program 10 days", "HEP kit, 6 weeks".
#: Not a time before, after or until something ("in 4 weeks", "2 weeks ago", "6 weeks post-op").
#: A course asked for as a range of time: "x 2-3 weeks", "for 10-14 days" (a drug's course is judged by its upper end).
COURSE_RANGE = _p(rf"\b(?:for|x|over)\s*(?P<n>{AMOUNT}\s*(?:-|to)\s*{AMOUNT})\s*-?\s*(?P<unit>days?|weeks?|wks?|months?|mos?)\b")
BARE_DURATION = _p(
    rf"(?<!\bin\s)(?<!\bwithin\s)(?<!\bafter\s)(?<!\bevery\s)(?<!\bnext\s)(?<!\blast\s)(?<!\bpast\s)(?<![\w./#-])"
    rf"(?P<n>{AMOUNT})\s*-?\s*(?P<unit>days?|weeks?|wks?)\b"
    r"(?![\s\-]*(?:/|per\b|a\s+week|each\b|every\b|ago\b|post|after\b|prior\b|before\b|old\b|later\b|earlier\b|out\b|since\b|from\b|of\s+(?:age|injury|surgery)))"
)
DAYS_PER = {"d": 1, "day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7,
            "month": 30, "months": 30, "mo": 30, "mos": 30}  # fmt: skip
HOURS = _p(rf"(?:\b(?:x|for)\s*|(?<![\w.]))(?P<n>{NUM})\s*(?:hours|hrs|hr)\b")
#: Care given by the hour, as home health lines ask for it: "4 hrs/day", "20 hours per week", "6 h a day".
HOURS_PER = _p(
    rf"(?<![\w.])(?P<n>{NUM})\s*(?:hours?|hrs?|h)\s*(?:/|per\b|a\b|an\b|each\b|every\b)\s*(?P<per>day|d|weeks?|wks?)\b"
)
#: The days a week that care by the hour is given on: "5 days/wk", "x 7 days per week", "7 days a week".
DAYS_PER_WEEK = _p(rf"(?:\bx\s*)?(?<![\w.])(?P<n>[1-7]|{_WORDS})\s*days?\s*(?:/|per\b|a\b|each\b|every\b)\s*(?:weeks?|wks?)\b")
#: Care around the clock, every day: "24/7", "24 hours a day, 7 days a week" is read by the two patterns above.
ROUND_THE_CLOCK = _p(r"(?<![\w./])24\s*/\s*7(?![\w./])|\b(?:a)?round[- ]the[- ]clock\b")
#: Sessions a week written as a rate of visits or with a slash: "2 visits/week", "3 sessions per wk", "2/wk", "1-2/week".
VISITS_PER_WEEK = _p(
    rf"(?<![\w./])(?P<n>{_RANGE})\s*(?:(?:visits?|sessions?|treatments?)\s*(?:/|per\b|a\b|each\b)|/)\s*(?:weeks?|wks?)\b"
)
#: Sessions a week in the prescriber's Latin: "BIW" twice a week, "TIW" three times.
WEEKLY_ABBREVIATION = _p(r"\b(?P<a>biw|tiw)\b")
WEEKLY_TIMES = {"biw": 2.0, "tiw": 3.0}
#: One phase of a stepped schedule: "3x/wk x 2 wks", "2 times a week for 3 weeks", "3x2".
_PHASE = (
    rf"(?:(?:(?P<f>{_RANGE})\s*(?:x|times)|(?P<fw>once|twice|thrice))\s*(?:(?:a|per|each|/)\s*)?(?:weeks?|wks?|weekly)\s*(?:x|for)\s*(?P<w>{AMOUNT})\s*(?:weeks?|wks?)\b"
    rf"|(?<![\w.])(?P<f2>\d+)\s*[x×]\s*(?P<w2>\d+)(?![\w.]))"  # noqa: RUF001 (the multiplication sign is meant)
)
PHASE = _p(_PHASE)
#: Two or more phases one after the other: "3x/wk x 2 wks, then 2x/wk x 2 wks", "3x2 followed by 2x3".
STEPPED = _p(rf"{_PHASE}(?:(?:\s*(?:,|;|\band\b|\bthen\b|\bfollowed\s+by\b))+\s*{_PHASE.replace('?P<f>', '?:').replace('?P<w>', '?:').replace('?P<fw>', '?:').replace('?P<f2>', '?:').replace('?P<w2>', '?:')})+")
#: A count written in words with its digits: "twelve (12) visits", "six (6) sessions".
VISITS_SPELLED_OUT = _p(
    rf"\b(?:{_WORDS})\s*\(\s*(?P<n>\d+)\s*\)(?=\s*(?:additional\s+|more\s+)?(?:visits?|sessions?|treatments?)\b)"
)
# a number hyphenated to a word is part of a name ("MMPI-2", "SF-36", "PHQ-9"), not a frequency
N_BY_M = _p(r"(?<![\w.])(?<![a-z]-)(?P<f>\d+)\s*[x×]\s*(?P<w>\d+)(?![\w.])")  # noqa: RUF001 (the multiplication sign is meant)
VISITS = [
    # "12 additional CPT/trauma-focused psychotherapy sessions": a word pair joined by a slash is one word
    _p(
        rf"(?:\b(?:x|for)\s*|(?<![\w.]))(?P<n>{COUNT})(?=\s+(?:[a-z][a-z\-]*(?:/[a-z][a-z\-]*)?\s+){{0,3}}?(?:visits?|sessions?|treatments?|appointments?)\b)"
    ),
    _p(rf"\b(?:visits?|sessions?|treatments?)\s*(?:x|:|#)\s*(?P<n>{COUNT})\b"),
]
TIMES = _p(r"(?<![\w])x\s*(?P<n>\d+)(?![\w.])")
TRIAL = _p(r"\btrial\b")
ACQUISITION = _p(r"\b(?P<a>purchase|buy|rental|rent)\b")

# ---------------------------------------------------------------------------- spinal levels

LEVEL_RANGE = _p(r"(?<![a-z0-9])(?P<a>[ctls])(?P<m>\d{1,2})\s*(?:-|–|/|to)\s*(?P<b>[ctls])?(?P<n>\d{1,2})(?![\d.])")  # noqa: RUF001 (en dash is meant)
LEVEL_SINGLE = re.compile(r"(?<![A-Za-z0-9])(?P<a>[CTLS])(?P<m>\d{1,2})(?![\d\-.])")

#: Words left dangling at the end of a name once the dose is cut off ("Fentanyl patch for").
TRAILING_WORDS = _p(r"(?:[\s,;:(/&+\-#]|\b(?:for|with|and|of|at|x|take|sig|qty|then|plus|per|w)\b)+$")
