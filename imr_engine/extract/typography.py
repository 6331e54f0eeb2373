"""Typographic characters and spelt-out signs in a note, folded to the plain ones the readers match.

A note typed in Word or exported from an EHR writes "doesn’t", “helps”, "6–7/10" and "L4–5" with curly
quotes and en dashes, and pads columns with non-breaking spaces; the readers' patterns are written with
the keyboard's characters. Each character becomes exactly one, so every offset, and so every quote
cut from the note, stands where it stood, and the quotes keep the note's own characters.
"""

from __future__ import annotations

import dataclasses
import re

from .textmap import TextMap

_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",  # single quotes, apostrophes, prime
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',  # double quotes, double prime
    # hyphens, the en dash of ranges ("6\u20137/10", "L4\u20135") and the minus; the em dash is a clause's
    # own punctuation, which the readers know as it is
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ",  # non-breaking and thin spaces
})


def fold_typography(text: str) -> str:
    """*text* with curly quotes, dashes and non-breaking spaces as their keyboard forms, one character for one."""
    return text.translate(_FOLD)


#: A share spelt out after its number: "58 percent", "40 per cent", "30 pct".
_PERCENT_WORD = re.compile(r"(?<=\d)\s?(?:percent|per\s?cent|pct)\b", re.IGNORECASE)


#: A rating spelt out: "8 out of 10", "3 out of ten" (never "2 out of 3 visits").
_OUT_OF_TEN = re.compile(r"(?<![\d/.])(\d{1,2}(?:\.\d)?)\s*out\s+of\s+(?:10|ten)\b(?!\s*(?:visits?|sessions?|days?|times?))", re.IGNORECASE)


def fold_text_map(tm: TextMap) -> TextMap:
    """*tm* read with its typography folded, a share spelt out ("58 percent") written with its sign ("58%") and a rating
    spelt out ("8 out of 10") written as "8/10".

    Every reader of a share looks for the sign, and every reader of a rating for the slash; "ODI 58 percent", "50 per
    cent relief", "pain 3 out of 10" say the same. The sign is padded to the words' length, so each offset stays where
    it was, as the OCR repairs do; the raw text, which quotes are cut from, keeps the note's own characters.
    """
    text = _PERCENT_WORD.sub(lambda m: "%" + " " * (len(m.group()) - 1), fold_typography(tm.text))
    if "out of" in text.lower():
        text = _OUT_OF_TEN.sub(lambda m: (rating := f"{m[1]}/10") + " " * (len(m.group()) - len(rating)), text)
    return dataclasses.replace(tm, text=text) if text != tm.text else tm
