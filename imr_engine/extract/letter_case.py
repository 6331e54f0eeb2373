"""Capitals that carry meaning, restored where a note leaves them out: 'cures checked', 'failed pt x 12'.

Some abbreviations are read only in capitals because in lower case they are other words:
CURES (the state's prescription monitoring database) and "cures", PT (physical therapy) and
"pt" (the patient), UR (utilization review), SLR (straight-leg raise). A note typed in lower
case throughout (a phone, a hurried template) writes them all in lower case; so do terse
writers in an otherwise mixed note ("despite pt, hep"). Where the words around settle the
meaning, the clean text gets the capitals back, letter for letter in place, so every reader
sees the abbreviation and evidence still quotes the note as written. A note typed in capitals
has the opposite loss: "PT STATES ..." is the patient, so that "PT" reads as mixed case writes it.
"""

from __future__ import annotations

import dataclasses
import re
import string

from .textmap import TextMap

_I = re.IGNORECASE
#: A note typed in lower case: this many letters at least, and hardly a capital among them.
MIN_LETTERS = 200
MAX_CAPITALS_SHARE = 0.02

#: The database by name, where it is not the verb or noun "cures" ("it cures", "no cure").
_CURES = re.compile(r"(?<!\bit )(?<!\bthat )(?<!\bwhich )(?<!\bwhat )\bcures\b(?!\s+(?:the|her|his|it|them)\b)", _I)

#: "pt" as physical therapy, told by what follows: a count, a frequency, dates, or the home program.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_PT_THERAPY_AFTER = re.compile(
    r"\bpt(?=\s*(?:x\s*\d|\d+\s*x\b|\(?\d+\s*(?:visits?|sessions?|v)\b|\d+\s*/\s*wk|\d\s*x\s*/?\s*w"
    rf"|\(?{_MONTH}\b\.?(?=\s*(?:-|\u2013|\d|to\b|through\b))|\(?(?:19|20)\d\d\b|\(?\d{{1,2}}/\d{{2,4}}\b|\(?\d{{1,2}}-\d{{1,2}}/(?:19|20)?\d\d\b"
    r"|/\s*hep\b|,\s*hep\b|/\s*[a-z-]+\s+\(?\d+\s*(?:visits?|sessions?)\b|\s+(?:and|&|\+)\s+hep\b|\s+(?:eval|re-?eval|evaluation|visits?|sessions?|course|notes?"
    r"|progress|program|referral|rx|script|trial|session|treatment|tx|report|discharge|d/c)\b))",
    _I,
)
#: "pt" as physical therapy, told by what comes before: care tried, failed, completed, asked for.
_PT_THERAPY_BEFORE = re.compile(
    r"\b(?:failed|despite|during|completed|complete|finished|finish|tried|post-?op|post-?operative|more|additional|further"
    r"|prior|previous|formal|aquatic|land|course\s+of|sessions\s+of|visits\s+of|rfa\s+for|request\s+for|requesting"
    r"|auth(?:orized)?\s+for|hep\s*(?:,|and|&|/))\s*:?\s*pt\b(?!')(?!\s+(?:is|was|has|had|reports?|states?|denies|c/o|notes?|says"
    r"|feels|agrees|wants|asks|will|can|did|does|presents|returns|tolerat\w*|ambulat\w*|requests?)\b)"
    # one of a list of care: "nsaids, pt, hep", "meds/pt/injections"
    r"|(?:,|(?<!\bw)/|\+)\s*pt(?=\s*(?:[,/;&+)]|\.|and\b|or\b|$))",
    _I,
)
#: Abbreviations the readers know only in capitals, each unambiguous in a lower-case note.
_CAPITAL_ONLY = re.compile(
    r"\b(?:cures|hep|ur|rtw|rtw'd|tpd|ttd|slr|nvi|nv|oic|ltrs?|pdmp|uds|n/t|ses?|aes?|er|"
    r"lle|rle|lue|rue|ble|bue|les|ues|"
    # a muscle, a ligament, a procedure, a therapy or a physician by its initials: "ehl 4+/5", "acl tear", "l5-s1 tfesi"
    r"ehl|acl|pcl|esi|tfesi|cesi|ilesi|mbb|scs|prp|rfa|cbt|ptp|pcp|2pd)\b",
    _I,
)
#: An amputation by its side in a lower-case note: "l aka", "right bka" ("aka" alone is "also known as").
_SIDED_AMPUTATION = re.compile(r"\b(?:[lr]|left|right|bilateral)\s+[ab]ka\b", _I)
#: "may" that is a month in a lower-case note: a day or a year follows ("may 9, 2023", "may 2015").
_MAY = re.compile(r"\bmay(?=\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d\b)|(?<=\d\s)may(?=\s+(?:19|20)\d\d\b)")


#: "PT" that is the patient in a note typed in capitals: a verb of the patient's follows ("PT STATES", "PT'S WIFE"),
#: or a course of some other care is what was completed ("PT COMPLETED 6 ACUPUNCTURE TX"; "PT COMPLETED 6 VISITS"
#: is the therapy's own count).
_PT_PATIENT = re.compile(
    r"\bPT(?=\s+(?:IS|WAS|HAS|HAD|REPORTS?|REPORTED|STATES?|STATED|DENIES|DENIED|C/O|COMPLAINS|NOTES?|SAYS|FEELS|AGREES"
    r"|WANTS|ASKS|WILL|CAN|DID|DOES|PRESENTS|RETURNS|TOLERAT\w*|AMBULAT\w*|REQUESTS?|ADMITS|WALKS|WORKS|TAKES"
    r"|UNDERWENT|ATTENDED|RECEIVED|TRIED|CONTINUES|REMAINS|DECLINES|DECLINED|PREFERS|WISHES|UNDERSTANDS)\b"
    r"|\s+(?:COMPLETED|FINISHED)\s+\d+\s+(?!(?:VISITS?|SESSIONS?|TX|TREATMENTS?|WEEKS?|OF|PT)\b)[A-Z]|'S\b)"
)
#: A note typed in capitals: this share of its letters at least.
MIN_CAPITALS_SHARE = 0.9

_NO_UPPER = str.maketrans("", "", string.ascii_uppercase)
_NO_LOWER = str.maketrans("", "", string.ascii_lowercase)
#: "pt" or "Pt" where it stands, to be weighed in a window around it (the whole note is never scanned twice).
_PT_WORD = re.compile(r"\b(?:pt|Pt|pT)\b")
PT_WINDOW = 48


def is_the_patient(word: str) -> bool:
    """"pt" or "Pt" as read after `restore_capitals`: the patient, since capitals were put back where it is therapy."""
    return word in ("pt", "Pt")


def lower_case_note(text: str) -> bool:
    """A note typed in lower case throughout."""
    upper = len(text) - len(text.translate(_NO_UPPER))
    lower = len(text) - len(text.translate(_NO_LOWER))
    return upper + lower >= MIN_LETTERS and upper <= MAX_CAPITALS_SHARE * (upper + lower)


def upper_case_note(text: str) -> bool:
    """A note typed in capitals throughout (older transcription and practice systems); the layout reads its
    headings by the same test."""
    if text.isascii():  # the letters are A-Z and a-z: counted by two deletions in C, not one test per character
        upper = len(text) - len(text.translate(_NO_UPPER))
        count = upper + len(text) - len(text.translate(_NO_LOWER))
        return count >= MIN_LETTERS and upper >= MIN_CAPITALS_SHARE * count
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= MIN_LETTERS and sum(c.isupper() for c in letters) >= MIN_CAPITALS_SHARE * len(letters)


def _sided_capitals(m: re.Match[str]) -> tuple[int, int]:
    """The span to put in capitals: the whole "l aka", only the "aka" of "left aka"."""
    return (m.start(), m.end()) if len(m.group().split()[0]) == 1 else (m.end() - 3, m.end())


def _therapy_pt(text: str) -> list[tuple[int, int]]:
    """Where "pt" is physical therapy by the words around it."""
    spans = []
    for m in _PT_WORD.finditer(text):
        base = max(0, m.start() - PT_WINDOW)
        window = text[base : m.end() + PT_WINDOW]
        at, end = m.start() - base, m.end() - base
        if _PT_THERAPY_AFTER.match(window, at) or any(b.end() == end for b in _PT_THERAPY_BEFORE.finditer(window, 0, len(window))):
            spans.append(m.span())
    return spans


def restore_capitals(tm: TextMap) -> TextMap:
    """*tm* with the meaning-bearing capitals a note left out put back; same length, same offsets."""
    text = tm.text
    spans: list[tuple[int, int]] = []
    lower = lower_case_note(text)
    if lower:  # its sentences open in lower case too: `TextMap.lower_case` tells the splitter
        spans += [m.span() for m in _CAPITAL_ONLY.finditer(text)]
        spans += [(m.start(), m.start() + 1) for m in _MAY.finditer(text)]
        spans += [_sided_capitals(m) for m in _SIDED_AMPUTATION.finditer(text)]
    elif "ures" in text:
        spans += [m.span() for m in _CURES.finditer(text) if not m.group().isupper()]
    spans += _therapy_pt(text)
    patient = [m.start() + 1 for m in _PT_PATIENT.finditer(text)] if not lower and upper_case_note(text) else []
    if not spans and not patient:
        return dataclasses.replace(tm, lower_case=True) if lower else tm
    chars = list(text)
    for start, end in spans:
        chars[start:end] = text[start:end].upper()
    for at in patient:  # "PT STATES" in a note of capitals is the patient: "Pt", as mixed case writes it
        chars[at] = "t"
    return dataclasses.replace(tm, text="".join(chars), lower_case=lower)
