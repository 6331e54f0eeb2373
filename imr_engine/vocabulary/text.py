"""Finding vocabulary phrases in free text as whole words, whatever the case, spacing or punctuation.

Request lines spell one name many ways ("Hydrocodone /APAP", "hydrocodone-apap", "EMG/NCV",
"H-wave"), so names are compared as sequences of normalised word tokens rather than as strings.
Text pasted from PDFs and web pages also carries full-width and compatibility forms ("Ｎｏｒｃｏ",
the "ﬁ" ligature), invisible zero-width characters inside words and look-alike Cyrillic or Greek
letters ("Охусоdone"): `fold` undoes those (Unicode NFKC, zero-width characters dropped,
look-alikes mapped to the Latin letter they imitate) before any word is compared.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left
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
    words, starts, ends = _words(text)
    return [Token(w, s, e) for w, s, e in zip(words, starts, ends)]


#: Words of a text as three parallel tuples (words, starts, ends); readers of one letter ask about
#: the same sentence many times, so the last few hundred texts are kept (no more: a corpus's
#: texts are all different, and a bigger memo would only hold memory).
_Words = tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]


@functools.lru_cache(maxsize=512)
def _words(text: str) -> _Words:
    if text.isascii():
        found = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text.casefold())]
    else:
        folded, origin = _folded_with_origin(text)
        found = [(m.group(), origin[m.start()], origin[m.end() - 1] + 1) for m in _WORD.finditer(folded)]
    if not found:
        return (), (), ()
    words, starts, ends = zip(*found)
    return tuple(_normal_token(w) for w in words), starts, ends


def words_of(text: str) -> _Words:
    """The normalised words of *text* with their starts and ends, as three parallel tuples."""
    return _words(text)


def words_before(text: str, words: _Words, end: int) -> _Words:
    """The words of `text[:end]` from the words of *text* (ASCII *text*): those before *end*, the last one cut at *end*."""
    k = bisect_left(words[1], end)
    kept, starts, ends = words[0][:k], words[1][:k], words[2][:k]
    if k and ends[-1] > end:  # a word runs across the end: the piece has only its beginning
        kept = kept[:-1] + (_normal_token(text[starts[-1] : end].casefold()),)
        ends = ends[:-1] + (end,)
    return kept, starts, ends


@functools.lru_cache(maxsize=4096)
def phrase_key(phrase: str) -> tuple[str, ...]:
    """The key a phrase is indexed under: its normalised words (names are few and asked often: memoised)."""
    return _words(phrase)[0]


#: An abbreviation written with full stops: "p.o.", "q.h.s.", "b.i.d.", "P.R.N.", "q.6h." - a letter, then pieces of one
#: or two letters or digits each after a full stop.
_DOTTED = re.compile(r"(?<![\w.])[A-Za-z](?:\.[A-Za-z0-9]{1,2})+\.?(?![\w])")


@functools.lru_cache(maxsize=4096)
def line_key(line: str) -> tuple[str, ...]:
    """A line's words with each abbreviation written with full stops read as one word ("p.o. q.h.s." as "po qhs").

    Clinicians write the same sig "po qhs", "p.o. q.h.s." or "P.O. Q.H.S."; a note's copy of a request line is
    the request whichever way each writes it.
    """
    return phrase_key(_DOTTED.sub(lambda m: m.group().replace(".", ""), line))


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    """A vocabulary phrase found in a text: what it means and where it stands."""

    value: T
    start: int
    end: int
    words: int


class PhraseIndex(Generic[T]):
    """Phrases (as word sequences) mapped to values; finds them in text, longest first.

    Each first word maps to the lengths of the phrases it starts, longest first, so a word that
    starts no phrase is passed over with one lookup.
    """

    def __init__(self) -> None:
        self._values: dict[tuple[str, ...], T] = {}
        self._sizes: dict[str, tuple[int, ...]] = {}

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
            sizes = set(self._sizes.get(key[0], ())) | {len(key)}
            self._sizes[key[0]] = tuple(sorted(sizes, reverse=True))
        return previous

    def get(self, phrase: str) -> T | None:
        """The value of exactly this phrase (after normalisation), or None."""
        return self._values.get(phrase_key(phrase))

    def phrases_at(
        self, words: tuple[str, ...], starts: tuple[int, ...], ends: tuple[int, ...]
    ) -> list[tuple[int, PhraseMatch[T]]]:
        """(word index, longest phrase starting there) for every word of a text (`words_of`) that starts one.

        `first` asked at every word at once: what a walk through a text name by name needs.
        """
        values, sizes_of = self._values, self._sizes
        count = len(words)
        out: list[tuple[int, PhraseMatch[T]]] = []
        for i, word in enumerate(words):
            sizes = sizes_of.get(word)
            if sizes is None:
                continue
            for size in sizes:
                if size > count - i:
                    continue
                value = values.get(words[i : i + size])
                if value is not None:
                    out.append((i, PhraseMatch(value, starts[i], ends[i + size - 1], size)))
                    break
        return out

    def find_all(self, text: str) -> list[PhraseMatch[T]]:
        """Every phrase in *text*, left to right, the longest at each place, never overlapping."""
        return self._scan(text)

    def first(self, text: str) -> PhraseMatch[T] | None:
        """The earliest (then longest) phrase in *text*, or None."""
        return self.first_of(*_words(text))

    def first_of(self, words: tuple[str, ...], starts: tuple[int, ...], ends: tuple[int, ...]) -> PhraseMatch[T] | None:
        """`first` of a text given by its words (`words_of`), for a text whose words are already known."""
        values, sizes_of = self._values, self._sizes
        count = len(words)
        for i, word in enumerate(words):
            sizes = sizes_of.get(word)
            if sizes is None:
                continue
            for size in sizes:
                if size <= count - i and (value := values.get(words[i : i + size])) is not None:
                    return PhraseMatch(value, starts[i], ends[i + size - 1], size)
        return None

    def _scan(self, text: str) -> list[PhraseMatch[T]]:
        words, starts, ends = _words(text)
        values, sizes_of = self._values, self._sizes
        found: list[PhraseMatch[T]] = []
        count = len(words)
        i = 0
        while i < count:
            sizes = sizes_of.get(words[i])
            if sizes is not None:
                for size in sizes:
                    if size > count - i:
                        continue
                    value = values.get(words[i : i + size])
                    if value is not None:
                        found.append(PhraseMatch(value, starts[i], ends[i + size - 1], size))
                        i += size
                        break
                else:
                    i += 1
            else:
                i += 1
        return found
