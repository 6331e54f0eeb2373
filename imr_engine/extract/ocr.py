"""Read through OCR slips in a faxed or scanned note: '0xycodone', 'Gabapentln', 'Norco l0/325'.

Optical character recognition confuses shapes, not meanings: 0 and O, 1, l and I, 5 and S.
A token that is no drug name but has the shape of exactly one drug name of the same length
is read as that name; an 'l' opening a strength ('l0/325', 'l0 mg') is read as 1.
The repairs keep every character's place, so evidence still quotes the note as written.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from ..vocabulary import Vocabulary
from .textmap import TextMap

_SHAPES = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "5": "s"})
#: A word OCR may have garbled: letters with at most a few digits or bars among them.
_TOKEN = re.compile(r"(?<![\w|])[A-Za-z0-9|]{5,}(?![\w|])")
#: 'l' read for the digit one at the start of a strength: "l0/325", "l0 mg" (an upper-case 'I10' is an ICD code).
_STRENGTH_ONE = re.compile(r"(?<![A-Za-z0-9])l(?=\d{1,3}(?:\.\d+)?(?:/\d{1,4}\b|\s?mg\b))")
#: 'l' read for a capital I in an acronym of capitals: "MRl L-spine", "ODl 42%" (a lower-case l never stands in one).
_ACRONYM_I = re.compile(r"(?<![A-Za-z])(?=[A-Z]*l[A-Z]*(?![A-Za-z]))(?:[A-Z]{2,4}l|[A-Z]l[A-Z]{1,3}|l[A-Z]{2,4})(?![A-Za-z])")
#: 'l' read for the digit one in a date or a rating of digits and slashes: "l0/20/20l4", "08/ll/2014", "9/2/l4",
#: "8/l0", and in a year: "20l2", "since 20l0". A run with no real digit ("ll/ll") is left as it is.
_NUMERAL_ONES = re.compile(
    r"(?<![\w/.-])(?=[\dl/]*\d)(?=[\dl/]*l)[\dl]{1,4}(?:/[\dl]{1,4}){1,2}(?![\w/])"
    r"|(?<![\w/.-])(?:19|20)(?=[\dl]{2}(?![\w/]))(?:l\d|\dl|ll)"
)
#: 'O' or 'o' read for a zero inside a number: "5O0 mg", "1O/325".
_NUMBER_ZERO = re.compile(r"(?<=\d)[Oo](?=\d|/\d|\s?mg\b)")


def _shape(word: str) -> str:
    return word.lower().translate(_SHAPES)


@cache
def _drug_shapes(vocab: Vocabulary) -> tuple[frozenset[str], dict[str, str]]:
    """The vocabulary's one-word drug names, and their shapes -> name for shapes only one name has."""
    names: set[str] = set()
    for key, ingredient in vocab.ingredients.items():
        names.update([key, *ingredient.synonyms])
    for key, product in vocab.products.items():
        if product.kind == "drug":
            names.update([key, *product.aliases])
    words = {n.lower() for n in names if n.isalpha() and len(n) >= 5}
    by_shape: dict[str, set[str]] = {}
    for w in words:
        by_shape.setdefault(_shape(w), set()).add(w)
    return frozenset(words), {s: next(iter(ws)) for s, ws in by_shape.items() if len(ws) == 1}


def repair(tm: TextMap, vocab: Vocabulary) -> TextMap:
    """*tm* with OCR-garbled drug names and strengths read as meant; same length, same offsets."""
    known, by_shape = _drug_shapes(vocab)
    text = list(tm.text)
    changed = False
    for m in _TOKEN.finditer(tm.text):
        word = m.group()
        lower = word.lower()
        name = by_shape.get(lower.translate(_SHAPES))  # asked first: the shape of almost every word is no drug's
        if name is None or lower in known or sum(c.isalpha() for c in word) < 4 or len(name) != len(word) or name == lower:
            continue
        meant = name.capitalize() if word[0].isupper() or word[0].isdigit() else name
        text[m.start() : m.end()] = meant
        changed = True
    for m in _ACRONYM_I.finditer(tm.text):
        for at in range(m.start(), m.end()):
            if tm.text[at] == "l":
                text[at] = "I"
                changed = True
    for m in _NUMERAL_ONES.finditer(tm.text):
        for at in range(m.start(), m.end()):
            if tm.text[at] == "l":
                text[at] = "1"
                changed = True
    for pattern, digit in ((_STRENGTH_ONE, "1"), (_NUMBER_ZERO, "0")):
        for m in pattern.finditer(tm.text):
            text[m.start()] = digit
            changed = True
    return dataclasses.replace(tm, text="".join(text)) if changed else tm
