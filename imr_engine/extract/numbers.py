"""Numbers as letters write them: digits, decimals, or words ("eight", "twenty-nine").

Pain scores, ages and durations are often spelt out; every reader of a quantity
uses the same pattern so "8", "8.5" and "eight" are read alike.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ONES = "|".join(k for k in _UNITS if _UNITS[k] < 10 and k != "zero")

#: A number in digits or words, 0-99 in words ("twenty-nine", "twenty nine").
NUMBER = (
    r"(?:\d+(?:\.\d+)?|(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + _ONES
    + r"))?|(?:"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r"))"
)
_NUMBER_RE = re.compile(rf"^{NUMBER}$", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words, or None if *text* is not one."""
    word = " ".join(text.strip().lower().replace("-", " ").split())
    if not _NUMBER_RE.match(text.strip()):
        return None
    if word and (word[0].isdigit()):
        try:
            return float(word)
        except ValueError:
            return None
    parts = word.split()
    if len(parts) == 1:
        return float(_UNITS.get(parts[0], _TENS.get(parts[0], -1))) if parts[0] in _UNITS or parts[0] in _TENS else None
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return float(_TENS[parts[0]] + _UNITS[parts[1]])
    return None


def number_word(value: int) -> str:
    """*value* (0-99) spelt out; the inverse of parse_number, used by tests and renderers."""
    if value < 20:
        return next(k for k, v in _UNITS.items() if v == value)
    tens, ones = divmod(value, 10)
    word = next(k for k, v in _TENS.items() if v == tens * 10)
    return word if ones == 0 else f"{word}-{number_word(ones)}"
