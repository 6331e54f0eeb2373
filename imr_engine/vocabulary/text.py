"""Finding vocabulary phrases in free text as whole words, whatever the case, spacing or punctuation.

Request lines spell one name many ways ("Hydrocodone /APAP", "hydrocodone-apap", "EMG/NCV",
"H-wave"), so names are compared as sequences of normalised word tokens rather than as strings.
Text pasted from PDFs and web pages also carries full-width and compatibility forms ("Ｎｏｒｃｏ",
the "ﬁ" ligature), invisible zero-width characters inside words and look-alike Cyrillic or Greek
letters ("Охусоdone"): `fold` undoes those (Unicode NFKC, zero-width characters dropped,
look-alikes mapped to the Latin letter they imitate) before any word is compared.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

_WORD = re.compile(r"[a-z0-9]+")

#: Invisible characters that split a word for a regex but not for a reader (soft hyphen included).
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"))
#: Cyrillic and Greek letters drawn like a Latin one. Not Greek mu: "μg" is a unit, not "ug".
_LOOKALIKE = str.maketrans(
    "аеорсхуіјѕԁԛԝһкмнтвАВЕКМНОРСТХУІЈЅ" "οιναρτκΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcxyijsdqwhkmhtbABEKMHOPCTXYIJS" "oivaptkABEZHIKMNOPTYX",
)


def fold(text: str) -> str:
    """*text* as a reader sees it: NFKC-normalised, invisible characters dropped, look-alikes made Latin."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).translate(_LOOKALIKE)


def _folded_with_origin(text: str) -> tuple[str, list[int]]:
    """fold(text).casefold() built character by character, with the index in *text* each character came from."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if ord(char) in _INVISIBLE:
            continue
        for out in unicodedata.normalize("NFKC", char).translate(_LOOKALIKE).casefold():
            chars.append(out)
            origin.append(index)
    return "".join(chars), origin


def _normal_token(word: str) -> str:
    """Fold a trailing plural 's' so "visits", "wraps" and "extremities" match their singular.

    Words of four letters or fewer keep it ("tens", "ms"): there the 's' is part of the name.
    """
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


@dataclass(frozen=True)
class Token:
    """One word of a text, normalised, with its character span in that text."""

    word: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """The normalised words of *text*, positions (in *text* as given) kept so a match can be masked or cut at."""
    if text.isascii():
        return [Token(_normal_token(m.group()), m.start(), m.end()) for m in _WORD.finditer(text.casefold())]
    folded, origin = _folded_with_origin(text)
    return [
        Token(_normal_token(m.group()), origin[m.start()], origin[m.end() - 1] + 1) for m in _WORD.finditer(folded)
    ]


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The key a phrase is indexed under: its normalised words."""
    return tuple(token.word for token in tokenize(phrase))


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    """A vocabulary phrase found in a text: what it means and where it stands."""

    value: T
    start: int
    end: int
    words: int


class PhraseIndex(Generic[T]):
    """Phrases (as word sequences) mapped to values; finds them in text, longest first."""

    def __init__(self) -> None:
        self._values: dict[tuple[str, ...], T] = {}
        self._longest = 0

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, phrase: str) -> bool:
        return phrase_key(phrase) in self._values

    def add(self, phrase: str, value: T) -> T | None:
        """Index *phrase*; return the value it already had, if any, so callers can report clashes."""
        key = phrase_key(phrase)
        if not key:
            raise ValueError(f"phrase {phrase!r} has no words")
        previous = self._values.get(key)
        if previous is None:
            self._values[key] = value
            self._longest = max(self._longest, len(key))
        return previous

    def get(self, phrase: str) -> T | None:
        """The value of exactly this phrase (after normalisation), or None."""
        return self._values.get(phrase_key(phrase))

    def find_all(self, text: str) -> list[PhraseMatch[T]]:
        """Every phrase in *text*, left to right, the longest at each place, never overlapping."""
        tokens = tokenize(text)
        words = [t.word for t in tokens]
        found: list[PhraseMatch[T]] = []
        i = 0
        while i < len(tokens):
            for size in range(min(self._longest, len(tokens) - i), 0, -1):
                value = self._values.get(tuple(words[i : i + size]))
                if value is not None:
                    found.append(PhraseMatch(value, tokens[i].start, tokens[i + size - 1].end, size))
                    i += size
                    break
            else:
                i += 1
        return found

    def first(self, text: str) -> PhraseMatch[T] | None:
        """The earliest (then longest) phrase in *text*, or None."""
        matches = self.find_all(text)
        return matches[0] if matches else None
