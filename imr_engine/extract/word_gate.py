"""Skipping a pattern that cannot match a sentence, known from the words the sentence begins.

Most reader patterns start at a word boundary with a word ("\\bulcers?\\b", "\\bhome\\s+exercise").
Python's regex engine finds no literal prefix in such a pattern (the leading \\b, or letters
under IGNORECASE, hide it), so a search tries a match at every character of the sentence:
readers spent about 40 % of extraction there. Every match of such a pattern starts a word
with one of a few letter sequences (its *heads*: "ulc", "hom"), so a sentence in which no word
starts that way cannot match. The sentence's word starts are found once and shared by every
pattern asked about it; a pattern is then one set test instead of a scan.

The heads are read from the pattern's own parse, so the gate follows any edit of a pattern.
It only ever skips a search that would find nothing: a pattern whose matches need not start a
word, or whose start it cannot read (a back-reference, a character class it does not
enumerate), and any text that is not ASCII (where IGNORECASE folds beyond lower-casing) are
always searched.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

try:  # the regex module's own parser (CPython >= 3.11); without it nothing is skipped
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - other Pythons
    _parser = _c = None

#: Letters of a word start compared (one, two or three: the longest the pattern fixes).
HEAD = 3
#: A pattern with more heads than this is always searched (its set would cost more than it saves).
MAX_HEADS = 512
#: Parse steps spent on one pattern before giving up on it (always searched then).
_BUDGET = 4000
#: Word starts remembered per text: every reader asks about the same sentences.
MEMO_SIZE = 512

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_WORDS = re.compile(r"\w+")
_starts_memo: dict[str, frozenset[str] | None] = {}
#: Patterns are module constants: a few hundred, each read once.
_heads_memo: dict[int, tuple[re.Pattern[str], frozenset[str] | None]] = {}


class _CannotGate(Exception):
    """The pattern may match where no head of it starts a word."""


def heads(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The lower-case letters (up to HEAD) every match of *pattern* starts a word with; None: unknown.

    Remembered by the pattern's identity (hashing a compiled pattern hashes its whole program);
    the pattern is kept with its heads, so its id cannot be reused.
    """
    known = _heads_memo.get(id(pattern))
    if known is None:
        known = _heads_memo[id(pattern)] = (pattern, _heads_of(pattern))
    return known[1]


def _heads_of(pattern: re.Pattern[str]) -> frozenset[str] | None:
    if _parser is None or not isinstance(pattern.pattern, str):
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        found: set[str] = set()
        _walk(list(tree), "", False, found, [_BUDGET])
    except (_CannotGate, RecursionError, re.error, TypeError, ValueError):
        return None
    return frozenset(found) if found and len(found) <= MAX_HEADS else None


def _walk(seq: list[tuple[Any, Any]], acc: str, bounded: bool, found: set[str], budget: list[int]) -> None:
    """Add to *found* the heads of every way *seq* can start a match, *acc* being read so far.

    *bounded*: a word boundary stands right before the first letter. Raises _CannotGate when a
    way exists whose start is not a word start with a known letter.
    """
    budget[0] -= 1
    if budget[0] < 0:
        raise _CannotGate
    if len(acc) == HEAD:
        found.add(acc)
        return
    if not seq:
        _stop(acc, found)
        return
    (op, av), rest = seq[0], seq[1:]
    if op is _c.LITERAL:
        _letter(chr(av).lower(), rest, acc, bounded, found, budget)
    elif op is _c.IN:
        for ch in _class_letters(av, acc):
            _letter(ch, rest, acc, bounded, found, budget)
    elif op is _c.AT:
        if acc:
            found.add(acc)
        else:
            _walk(rest, acc, bounded or av is _c.AT_BOUNDARY, found, budget)
    elif op in (_c.ASSERT, _c.ASSERT_NOT):  # zero width: passing over it only widens the heads
        if acc:
            found.add(acc)
        else:
            _walk(rest, acc, bounded, found, budget)
    elif op is _c.BRANCH:
        for alternative in av[1]:
            _walk(list(alternative) + rest, acc, bounded, found, budget)
    elif op is _c.SUBPATTERN:
        _walk(list(av[3]) + rest, acc, bounded, found, budget)
    elif op is _c.ATOMIC_GROUP:
        _walk(list(av) + rest, acc, bounded, found, budget)
    elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, body = av
        if low == 0:
            _walk(rest, acc, bounded, found, budget)
        if high != 0:
            again = (op, (max(low - 1, 0), high if high == _c.MAXREPEAT else high - 1, body))
            _walk(list(body) + [again] + rest, acc, bounded, found, budget)
    else:
        _stop(acc, found)


def _stop(acc: str, found: set[str]) -> None:
    """The letters read so far are all a match is known to start with."""
    if not acc:
        raise _CannotGate
    found.add(acc)


def _letter(ch: str, rest: list[tuple[Any, Any]], acc: str, bounded: bool, found: set[str], budget: list[int]) -> None:
    if ch not in _WORD_CHARS:  # the word ends (or a non-ASCII letter): what was read is the head
        _stop(acc, found)
    elif not acc and not bounded:
        raise _CannotGate  # a match could start inside a word
    else:
        _walk(rest, acc + ch, bounded, found, budget)


def _class_letters(items: list[tuple[Any, Any]], acc: str) -> list[str]:
    """The characters a small class ([Hh], [a-c]) can match, lower-cased; unknown: stop here."""
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av).lower())
        elif op is _c.RANGE and av[1] - av[0] < 64:
            out.update(chr(c).lower() for c in range(av[0], av[1] + 1))
        else:
            return [""]  # "" is no word character: _letter stops (or gives up) there
    return sorted(out)


def word_starts(text: str) -> frozenset[str] | None:
    """The first one, two and three letters of every word of *text*, lower-case; None: not ASCII."""
    starts = _starts_memo.get(text, False)
    if starts is False:
        if text.isascii():
            words = _WORDS.findall(text.lower())
            starts = frozenset([w[:1] for w in words] + [w[:2] for w in words] + [w[:3] for w in words])
        else:
            starts = None
        if len(_starts_memo) >= MEMO_SIZE:
            _starts_memo.pop(next(iter(_starts_memo), ""), None)
        _starts_memo[text] = starts
    return starts  # type: ignore[return-value]


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when *pattern* cannot match anywhere in *text*."""
    found = heads(pattern)
    if found is None:
        return True
    starts = word_starts(text)
    return starts is None or not found.isdisjoint(starts)


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, without the scan when no word of *text* starts as a match must."""
    return pattern.finditer(text) if may_match(pattern, text) else iter(())


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)`, without the scan when no word of *text* starts as a match must."""
    return pattern.search(text) if may_match(pattern, text) else None
