"""Procedure codes on request lines: "97110 x 8", "64483 L5-S1" -> the service the code bills.

An RFA often names a service by its CPT code alone. Codes are read only on request lines, and
only when the line names nothing the vocabulary knows, never in a note's free text: many
five-digit CPT codes are also California ZIP codes (90832-90837 are Long Beach, 95886-95913 the
Sacramento valley, 96101-96139 the far north), so a code written after a state name or
abbreviation or the word "zip", or followed by a ZIP+4 extension, is an address, not a service.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

#: A five-digit number standing alone (not part of a longer number, a date or a phone number).
_CODE = re.compile(r"(?<![\w/.:-])(\d{5})(?![\w/]|-\d{4}\b|\.\d)")
#: What an address puts before a ZIP code: a state name or its postal abbreviation, or "zip".
_STATES = (
    "AL AK AZ AR CA CO CT DC DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND "
    "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split()
_STATE_BEFORE = re.compile(r"\b(?:" + "|".join(_STATES) + r")[\s,.:#]*$")  # postal abbreviations are capitals
_ADDRESS_WORD = re.compile(r"\b(?:calif\.?|california|zip(?:\s*code)?)[\s,.:#]*$", re.IGNORECASE)

#: A street address before the number: "1234 Main Street, Sacramento 95864" is a ZIP code.
_STREET = re.compile(
    r"\b(?:street|st|avenue|ave|boulevard|blvd|road|rd|drive|dr|lane|ln|way|suite|ste|court|ct|highway|hwy|box)\b",
    re.IGNORECASE,
)

#: The widest range a vocabulary entry may write ("97161-97168"): code families are short runs.
MAX_RANGE = 200


def expand_codes(written: Iterable[str]) -> list[str]:
    """Every code an entry's list names, ranges ("64490-64495") spelt out; ValueError for a bad one."""
    codes: list[str] = []
    for item in written:
        first, dash, last = item.partition("-")
        if not (re.fullmatch(r"\d{5}", first) and (not dash or re.fullmatch(r"\d{5}", last))):
            raise ValueError(f"'{item}' is not a five-digit code or a range of two")
        low, high = int(first), int(last) if dash else int(first)
        if not 0 <= high - low <= MAX_RANGE:
            raise ValueError(f"'{item}' is not a range of at most {MAX_RANGE} codes, low to high")
        codes.extend(f"{n:05d}" for n in range(low, high + 1))
    return codes


def code_spans(line: str, codes: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """Where *line* writes a known procedure code, with its service; a code standing as a ZIP code is left out."""
    spans = []
    for match in _CODE.finditer(line):
        service = codes.get(match.group(1))
        before = line[: match.start()]
        if service and not (_STATE_BEFORE.search(before) or _ADDRESS_WORD.search(before) or _STREET.search(before)):
            spans.append((match.start(), match.end(), service))
    return spans
