"""One reading of a text's vocabulary names, shared by every reader that asks about the same sentence.

Readers ask about one sentence many times: the monitoring reader walks its services, the
medication readers its products and ingredients, the study reader looks for a service in its
first words, the trial reader walks its services again. Each used to tokenise the sentence (or a
piece of it) and look every word up again. A `TextNames` is made once per text (kept in a small
memo, as the word gate keeps its own) and holds the text's words, with its asides blanked and as
written, and per category the longest phrase at each word, found on first use.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence

from .text import PhraseIndex, PhraseMatch, words_before, words_of

_PARENTHESES = re.compile(r"\([^()]*\)")

#: Texts whose names are kept. A letter's readers come back to the same few hundred sentences;
#: a corpus's texts are all different, so more would only hold memory.
MEMO_SIZE = 1024


def blank_parentheses(text: str) -> str:
    """*text* with parenthesised asides blanked out, positions kept."""
    return _PARENTHESES.sub(lambda m: " " * len(m.group()), text)


class _Form:
    """One form of a text (as written, or with its asides blanked): its words and, per category, its phrases."""

    __slots__ = ("_ends", "_found", "_indexes", "_starts", "_words")

    def __init__(self, text: str, indexes: Mapping[str, PhraseIndex[str]]) -> None:
        self._words, self._starts, self._ends = words_of(text)
        self._indexes = indexes
        self._found: dict[str, tuple[list[PhraseMatch[str]], list[int]]] = {}

    def first_before(self, text: str, end: int, categories: Sequence[str]) -> tuple[PhraseMatch[str], str] | None:
        """What `first(0, categories)` gives for the piece `text[:end]` (*text*: this form's ASCII text)."""
        words = words_before(text, (self._words, self._starts, self._ends), end)
        best: tuple[PhraseMatch[str], str] | None = None
        for category in categories:
            m = self._indexes[category].first_of(*words)
            if m is not None and (best is None or (m.start, -m.words) < (best[0].start, -best[0].words)):
                best = (m, category)
        return best

    def at_boundary(self, pos: int) -> bool:
        """Whether no word runs across *pos*: a piece of the text cut there has the same words on each side."""
        k = bisect_left(self._starts, pos) - 1
        return k < 0 or not self._starts[k] < pos < self._ends[k]

    def _of(self, category: str) -> tuple[list[PhraseMatch[str]], list[int]]:
        found = self._found.get(category)
        if found is None:
            matches = [m for _, m in self._indexes[category].phrases_at(self._words, self._starts, self._ends)]
            found = self._found[category] = (matches, [m.start for m in matches])
        return found

    def first(self, pos: int, categories: Sequence[str]) -> tuple[PhraseMatch[str], str] | None:
        """The earliest phrase at or after *pos*, then the longest, then the first category's; with its category.

        At one word every category's phrase starts at the same place, so this is what asking
        each category's index for its first phrase and keeping the best gives.
        """
        best: tuple[PhraseMatch[str], str] | None = None
        for category in categories:
            matches, starts = self._of(category)
            j = bisect_left(starts, pos)
            if j < len(matches):
                m = matches[j]
                if best is None or (m.start, -m.words) < (best[0].start, -best[0].words):
                    best = (m, category)
        return best


class TextNames:
    """The vocabulary names of one text, as `Vocabulary.identify` and `Vocabulary.mentions` read them."""

    __slots__ = ("asides", "blanked", "hashed", "inside", "outside", "text")

    def __init__(self, text: str, indexes: Mapping[str, PhraseIndex[str]], hash_bodies: re.Pattern[str] | None) -> None:
        self.text = text
        self.blanked = blank_parentheses(text)
        #: Whether a '#' name ("Tylenol #3") may be in some piece of the text: such a piece is read on its own.
        self.hashed = hash_bodies is not None and bool(
            hash_bodies.search(text) or (self.blanked != text and hash_bodies.search(self.blanked))
        )
        self.asides = [(m.start(), m.end()) for m in _PARENTHESES.finditer(text)] if self.blanked != text else []
        self.outside = _Form(self.blanked, indexes)
        self.inside = _Form(text, indexes) if self.asides else self.outside

    def first(self, pos: int, categories: Sequence[str]) -> tuple[PhraseMatch[str], str] | None:
        """The first name at or after *pos* outside the asides, else inside them (as `identify` reads a whole text)."""
        return self.outside.first(pos, categories) or self.inside.first(pos, categories)

    def in_aside(self, pos: int) -> bool:
        """Whether *pos* falls strictly inside an aside (a piece cut there would blank other asides)."""
        return any(a < pos < b for a, b in self.asides)


class NamesMemo:
    """`TextNames` per text, the last `MEMO_SIZE` texts kept (oldest dropped first)."""

    def __init__(self, make: Callable[[str], TextNames]) -> None:
        self._make = make
        self._kept: dict[str, TextNames] = {}

    def __call__(self, text: str) -> TextNames:
        found = self._kept.get(text)
        if found is None:
            found = self._make(text)
            if len(self._kept) >= MEMO_SIZE:
                self._kept.pop(next(iter(self._kept)), None)
            self._kept[text] = found
        return found
