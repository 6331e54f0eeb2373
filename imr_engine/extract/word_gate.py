"""Skipping a pattern that cannot match a sentence, known from how the sentence's words begin.

Most reader patterns start at a word boundary with a word ("\\bulcers?\\b", "\\bhome\\s+exercise").
Python's regex engine finds no literal prefix in such a pattern (the leading \\b, or letters
under IGNORECASE, hide it), so a search tries a match at every character of the sentence:
readers spent about 40 % of extraction there. Every match of such a pattern starts a word
with one of a few letter sequences (its *heads*: "ulc", "hom"), so a sentence in which no word
starts that way cannot match. The sentence's word starts are found once and shared by every
pattern asked about it; a pattern is then one set test instead of a scan. A pattern whose match
may start inside a word ("(?<![\\d/])\\d+/10") is skipped when none of its heads occurs in the
text at all. Digits are compared as 0, so "\\d" is a head too.

The heads are read from the pattern's own parse, so the gate follows any edit of a pattern.
It only ever skips a search that would find nothing: a pattern whose start it cannot read (an
optional start, a wide character class, a back-reference) and any text that is not ASCII
(where IGNORECASE folds beyond lower-casing) are always searched.
"""

from __future__ import annotations

import importlib
import re
import threading
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import repeat
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
#: A pattern whose heads may stand anywhere is tried where each of them occurs (one `str.find`
#: pass per head, far cheaper than a regex scan of every character): only so many heads are worth
#: it, and a one-character head only when it is a digit or a mark such as "(" (a letter stands
#: nearly everywhere).
MAX_HEADS_ANYWHERE = 48
#: Parse steps spent on one pattern before giving up on it (always searched then).
_BUDGET = 4000
#: Word starts remembered per text: every reader asks about the same sentences.
MEMO_SIZE = 512

#: Text is compared folded: ASCII letters lower-cased and every digit read as 0 (\d is any digit).
_FOLD = str.maketrans("123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", "000000000abcdefghijklmnopqrstuvwxyz")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0_")
_WORDS = re.compile(r"\w+")
_WORD_START = re.compile(r"[a-z0_]+")


@dataclass(frozen=True)
class Heads:
    """What every match of a pattern starts with: one of *keys* at the start of a word, or one of
    *anywhere* wherever it stands (folded, up to HEAD characters).

    A pattern whose ways all open at a word boundary (\b, or a lookbehind that no word character
    passes) has only *keys*; a way that may open inside a word, or with a mark, puts its start in
    *anywhere*, and the other ways keep theirs at word starts.
    """

    keys: frozenset[str]
    anywhere: frozenset[str] = frozenset()
    #: Ways that open with a bounded run of words before a part whose heads are known (`_Lead`).
    leads: tuple[_Lead, ...] = ()

    @property
    def at_word_start(self) -> bool:
        """Every match starts a word."""
        return not self.anywhere and not self.leads


@dataclass(frozen=True)
class _Text:
    """What the gate needs of one text, found once: its folded form and where its words start.

    *at* maps each word's first one, two and three characters to the offsets of the words that
    start so (ascending, each offset once per key); *starts* is the same keys as a set.
    """

    folded: str
    starts: frozenset[str]
    at: dict[str, list[int]]
    #: The word-start patterns (by id) one of whose keys starts a word here, of the first *known* patterns read.
    candidates: frozenset[int] = frozenset()
    known: int = 0
    #: The offsets found for patterns with heads anywhere, by their (interned) heads: the date and number
    #: patterns share theirs ("0": every digit), so each text's digits are walked once, not once per pattern.
    tries: dict[int, list[int]] = field(default_factory=dict)


class _CannotGate(Exception):
    """A match of the pattern may start with something no key describes."""


class _Reading:
    def __init__(self, state: Any = None, flags: int = 0) -> None:
        self.found: set[str] = set()
        self.anywhere: set[str] = set()
        self.leads: list[_Lead] = []
        self.budget = _BUDGET
        #: The parse's state and the pattern's flags: a run's class is compiled with them (`_run_chars`).
        self.state, self.flags = state, flags

    def add(self, acc: str, loose: bool) -> None:
        (self.anywhere if loose else self.found).add(acc)


_texts: dict[str, _Text] = {}
#: Patterns are module constants: a few hundred, each read once (with its heads, the order it was read in and,
#: when every match starts a word, the shortest keys it may start with).
_heads_memo: dict[int, tuple[re.Pattern[str], Heads | None, int, frozenset[str] | None]] = {}
#: The patterns whose every match starts a word, by each key they may start with: a text's words
#: then name the patterns that may match it in one pass, instead of each pattern testing its keys.
_by_key: dict[str, set[int]] = {}
#: Patterns with heads that also need one of some words started further on ("\\bthe\\s+psychologist" needs a word
#: starting "psy"), by each such start: a text whose words start none of a pattern's is no candidate for it.
_by_need: dict[str, set[int]] = {}
_needy: set[int] = set()
#: The same words, for patterns whose heads may stand anywhere (checked when they are asked).
_word_needs: dict[int, frozenset[str]] = {}
_registering = threading.Lock()
#: For a pattern whose heads are unknown: pieces of text one of which every match holds (folded); absent: none known.
_needs: dict[int, Any] = {}
#: Per (interned) heads with some looked for anywhere: one pattern that finds any of those.
_anywhere: dict[int, re.Pattern[str]] = {}
#: One Heads object per distinct heads, so patterns that start alike share what a text's offsets for them are.
_interned: dict[Heads, Heads] = {}


def heads(pattern: re.Pattern[str]) -> Heads | None:
    """What every match of *pattern* starts with; None: unknown (the pattern is always searched).

    Remembered by the pattern's identity (hashing a compiled pattern hashes its whole program);
    the pattern is kept with its heads, so its id cannot be reused.
    """
    known = _heads_memo.get(id(pattern))
    if known is None:
        found = _heads_of(pattern)
        with _registering:  # keys indexed before the pattern counts as read (see `_text`)
            known = _heads_memo.get(id(pattern))
            if known is None:
                word_keys = _shortest(found.keys) if found is not None and found.at_word_start else None
                ways = _needed(pattern)
                if (found is None or found.leads) and ways:
                    _needs[id(pattern)] = _checks(ways)
                for h in (found, *(lead.core for lead in found.leads)) if found is not None else ():
                    if h.anywhere and id(h) not in _anywhere:
                        _anywhere[id(h)] = _any_of(h.anywhere)  # type: ignore[assignment]
                for key in word_keys or ():
                    _by_key.setdefault(key, set()).add(id(pattern))
                starts = _starts_needed(ways, found) if found is not None and ways else None
                if starts and word_keys is not None:
                    _needy.add(id(pattern))
                    for key in starts:
                        _by_need.setdefault(key, set()).add(id(pattern))
                elif starts:
                    _word_needs[id(pattern)] = starts
                known = _heads_memo[id(pattern)] = (pattern, found, len(_heads_memo), word_keys)
    return known[1]


def _starts_needed(ways: Any, found: Heads) -> frozenset[str] | None:
    """Word starts one of which every match holds besides its heads (each way's most telling one); None: none known."""
    chosen: set[str] = set()
    for way in ways:
        need = next((n for n in way if all(k[0] == _AT_WORD for k in n) and not {k[1:] for k in n} <= found.keys), None)
        if need is None:
            return None
        chosen.update(k[1:] for k in need)
    return frozenset(chosen)


def _shortest(keys: frozenset[str]) -> frozenset[str]:
    """*keys* less those that extend another ("00" beside "0"): a word that starts with "00" starts with "0", so the
    words the shorter keys start are all the words the keys start, with fewer offsets to merge."""
    return frozenset(k for k in keys if not any(k[:n] in keys for n in range(1, len(k))))


def _heads_of(pattern: re.Pattern[str]) -> Heads | None:
    if _parser is None or not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        return _heads_read(list(parsed), parsed.state, pattern.flags)
    except (re.error, TypeError, ValueError):
        return None


def _heads_read(seq: list[tuple[Any, Any]], state: Any = None, flags: int = 0) -> Heads | None:
    """The heads of a parsed pattern (or of the part of one from some item on); None: unknown."""
    reading = _Reading(state, flags)
    try:
        _walk(seq, "", False, reading, False)
    except (_CannotGate, RecursionError, AttributeError, IndexError):
        return None
    found, anywhere, leads = reading.found, reading.anywhere, tuple(dict.fromkeys(reading.leads))
    while len(anywhere) > MAX_HEADS_ANYWHERE and max(map(len, anywhere)) > 1:  # too many: their shorter starts
        cut = max(map(len, anywhere)) - 1
        anywhere = {k[:cut] for k in anywhere}
    if anywhere:
        # A match that starts with "000" starts with "0" too: the shortest heads suffice,
        # and a word start that one of them begins is found where it stands anyway.
        anywhere = {k for k in anywhere if not any(k[:n] in anywhere for n in range(1, len(k)))}
        found = {k for k in found if not any(k[:n] in anywhere for n in range(1, len(k) + 1))}
        if any(len(k) < 2 and k in _WORD_CHARS and k != "0" for k in anywhere):
            return None
    if not (found or anywhere or leads) or len(found) > MAX_HEADS or len(anywhere) > MAX_HEADS_ANYWHERE:
        return None
    h = Heads(frozenset(found), frozenset(anywhere), leads)
    return _interned.setdefault(h, h)


#: Most words a lead may run to (more and the walk back from each core costs more than a scan).
MAX_LEAD_WORDS = 8


@dataclass(frozen=True)
class _Lead:
    """A way that opens with a bounded run of words before a part whose heads are known:
    "(?:[\\w/-]+\\s+){0,4}?(?:fusion|...)". A match of it starts where that part may start (*core*), or at the first
    character of a run of *word* characters at most *words* runs before it, each run followed by *gap* characters
    only (or, after a match, where that match ended: see `_lead_matches`). Characters are the ASCII ones a run's
    class takes, read from the compiled class itself.

    Why no other offset: a match that starts inside a run starts one character earlier too (the run is just longer),
    so the leftmost one starts where the run does. This holds when nothing position-bound stands before the lead in
    its way; a word boundary (or a lookbehind no word character passes) may, when every *word* character is a word
    character, for then no match starts inside a run at all.
    """

    words: int
    word: frozenset[str]
    gap: frozenset[str]
    core: Heads


_WORD_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _lead_at(av: Any, rest: list[tuple[Any, Any]], bounded: bool, r: _Reading) -> _Lead | None:
    """The lead a repeat with arguments *av* opens, *rest* following it; None: it is none (see `_Lead`)."""
    low, high, body = av
    if r.state is None or low != 0 or high == _c.MAXREPEAT or high > MAX_LEAD_WORDS or len(body) != 2:
        return None
    word, gap = (_run_chars(item, r.state, r.flags) for item in body)
    if not word or not gap or word & gap or (bounded and not word <= _WORD_ASCII):
        return None
    core = _heads_read(rest, r.state, r.flags)
    if core is None or core.leads:
        return None
    return _Lead(high, word, gap, core)


def _run_chars(item: tuple[Any, Any], state: Any, flags: int) -> frozenset[str] | None:
    """The ASCII characters of a run "C+" (one class, once or more, no bound); None: *item* is no such run."""
    op, av = item
    if op is not _c.MAX_REPEAT or av[0] != 1 or av[1] != _c.MAXREPEAT or len(av[2]) != 1 or av[2][0][0] not in (
            _c.IN, _c.LITERAL):
        return None
    one = importlib.import_module("re._compiler").compile(_parser.SubPattern(state, [av[2][0]]), flags)
    return frozenset(ch for ch in map(chr, range(128)) if one.fullmatch(ch))


def _walk(seq: list[tuple[Any, Any]], acc: str, bounded: bool, r: _Reading, loose: bool, plain: bool = True) -> None:
    """Add to *r.found* the start of every way *seq* can begin a match, *acc* being read so far.

    *bounded*: a word boundary stands right before the first character; *loose*: this way may
    start inside a word (what it reads goes to *r.anywhere*). Raises _CannotGate when a way
    exists whose start is not known.
    """
    r.budget -= 1
    if r.budget < 0:
        raise _CannotGate
    if len(acc) == HEAD:
        r.add(acc, loose)
        return
    if not seq:
        _stop(acc, r, loose)
        return
    (op, av), rest = seq[0], seq[1:]
    if op is _c.LITERAL:
        _char(chr(av).lower().translate(_FOLD), rest, acc, bounded, r, loose)
    elif op is _c.IN:
        for ch in _class_chars(av):
            _char(ch, rest, acc, bounded, r, loose)
    elif op is _c.AT:
        if acc:
            r.add(acc, loose)
        else:
            _walk(rest, acc, bounded or av is _c.AT_BOUNDARY, r, loose, plain and av is _c.AT_BOUNDARY)
    elif op in (_c.ASSERT, _c.ASSERT_NOT):  # zero width: passing over it only widens the heads
        if acc:
            r.add(acc, loose)
        else:  # "(?<!\w)" or "(?<![\w/-])" before a word character is a word boundary there
            no_word = op is _c.ASSERT_NOT and _no_word_before(av)
            _walk(rest, acc, bounded or no_word, r, loose, plain and no_word)
    elif op is _c.BRANCH:
        for alternative in av[1]:
            _walk(list(alternative) + rest, acc, bounded, r, loose, plain)
    elif op is _c.SUBPATTERN:
        _walk(list(av[3]) + rest, acc, bounded, r, loose, plain)
    elif op is _c.ATOMIC_GROUP:
        _walk(list(av) + rest, acc, bounded, r, loose, plain)
    elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, body = av
        lead = _lead_at(av, rest, bounded, r) if not acc and plain and op is not _c.POSSESSIVE_REPEAT else None
        if lead is not None:  # its start is read from the part after it: `_lead_tries`
            r.leads.append(lead)
            return
        if low == 0:
            _walk(rest, acc, bounded, r, loose, plain)
        if high != 0:
            again = (op, (max(low - 1, 0), high if high == _c.MAXREPEAT else high - 1, body))
            _walk(list(body) + [again] + rest, acc, bounded, r, loose, plain)
    else:
        _stop(acc, r, loose)


def _stop(acc: str, r: _Reading, loose: bool) -> None:
    """The characters read so far are all a match is known to start with."""
    if not acc:
        raise _CannotGate
    r.add(acc, loose)


def _no_word_before(av: Any) -> bool:
    r"""A negative lookbehind of one character that no word character passes: `(?<!\w)`, `(?<![\w/#.-])`."""
    direction, body = av
    if direction != -1 or len(body) != 1 or body[0][0] is not _c.IN:
        return False
    items = body[0][1]
    return all(op is not _c.NEGATE for op, _ in items) and any(
        op is _c.CATEGORY and item is _c.CATEGORY_WORD for op, item in items)


def _char(ch: str, rest: list[tuple[Any, Any]], acc: str, bounded: bool, r: _Reading, loose: bool) -> None:
    if ch not in _WORD_CHARS:  # the word ends (or a character beyond ASCII): what was read is the head
        if len(ch) == 1 and ch.isascii() and ch.isprintable():
            if not acc and not ch.isspace():
                _walk(rest, ch, bounded, r, True)  # a match may open with this mark ("(cane)"): looked for anywhere
                return
            if acc and loose:  # a head looked for anywhere reads on through a mark: "0/" for a date, not every digit
                _walk(rest, acc + ch, bounded, r, loose)
                return
        _stop(acc, r, loose)
        return
    if not acc and not bounded:
        loose = True  # this way may start inside a word: its keys are looked for anywhere
    _walk(rest, acc + ch, bounded, r, loose)


def _class_chars(items: list[tuple[Any, Any]]) -> list[str]:
    """The characters a small class ([Hh], [a-c], \\d) can match, folded; unknown: stop before it."""
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av).lower().translate(_FOLD))
        elif op is _c.RANGE and av[1] - av[0] < 64:
            out.update(chr(c).lower().translate(_FOLD) for c in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            out.add("0")
        else:
            return [""]  # "" is no word character: _char stops (or gives up) there
    return sorted(out)


#: Most pieces one requirement may name, and requirements kept per way (the most telling first).
MAX_PIECES = 64
MAX_NEEDS = 6
#: A piece that starts a word is written with this mark before it (its 1-3 characters are then a word start of
#: the text, a far rarer thing than the same letters anywhere).
_AT_WORD = "\x00"

#: A requirement: one of its pieces is in the text. A way: all of its requirements hold. A pattern: one of its ways.
_Need = frozenset[str]
_Ways = tuple[tuple[_Need, ...], ...]


def _needed(pattern: re.Pattern[str]) -> _Ways | None:
    """For a pattern whose start cannot be read ("(?:\\w+\\s+)?neuropathy", "[^.;]{0,40}?\\btoday"): per way
    of it, pieces of text every match of that way holds; None: some way holds no known piece.

    A text that no way's pieces are all found in is not searched. Only runs of literal ASCII
    characters count, folded as the text is (a match is a part of the text, so its folded form
    holds each piece's folded form); a run after a word boundary is a word start of the text.
    """
    if _parser is None or not isinstance(pattern.pattern, str):
        return None
    try:
        seq = list(_parser.parse(pattern.pattern, pattern.flags))
        while len(seq) == 1 and seq[0][0] is _c.SUBPATTERN:
            seq = list(seq[0][1][3])
        ways = [list(way) for way in seq[0][1][1]] if len(seq) == 1 and seq[0][0] is _c.BRANCH else [seq]
        found = tuple(_needs_of(way, False) for way in ways)
    except (RecursionError, re.error, TypeError, ValueError):
        return None
    return found if all(found) else None


def _strength(need: _Need) -> tuple[int, int]:
    """How telling a requirement is: its shortest piece (a word start counts three more), then fewer pieces."""
    return min(len(k) + (2 if k[0] == _AT_WORD else -1) for k in need), -len(need)


def _needs_of(seq: list[tuple[Any, Any]], bounded: bool) -> tuple[_Need, ...]:
    """Every requirement a match of *seq* meets that this reading finds, the most telling first (at most MAX_NEEDS).

    *bounded*: a word boundary stands right before the first character. A literal run gives its
    text, and the first 1-3 characters of each word it starts after a boundary (a word start of the text).
    """
    needs: list[_Need] = []
    run, run_bounded = "", False

    def close() -> None:
        nonlocal run
        if run and len(run) >= 2:
            needs.append(frozenset([run]))
        for i, ch in enumerate(run):
            if ch in _WORD_CHARS and (run_bounded if i == 0 else run[i - 1] not in _WORD_CHARS):
                key = _WORD_START.match(run, i).group()[:HEAD]  # type: ignore[union-attr]
                needs.append(frozenset([_AT_WORD + key]))
        run = ""

    for op, av in seq:
        if op is _c.LITERAL and av < 128 and chr(av).isprintable():
            if not run:
                run_bounded = bounded
            run += chr(av).lower().translate(_FOLD)  # an ASCII character in the pattern matches only ASCII in an ASCII text
            bounded = False
            continue
        ends_word = bool(run) and run[-1] not in _WORD_CHARS
        close()
        if op is _c.AT:  # zero width: what stands before the next character is unchanged
            bounded = bounded or ends_word or av is _c.AT_BOUNDARY
            continue
        inner: list[tuple[_Need, ...]] = []  # the requirements of each way through the item
        if op is _c.SUBPATTERN:
            inner = [_needs_of(list(av[3]), bounded or ends_word)]
        elif op is _c.ATOMIC_GROUP:
            inner = [_needs_of(list(av), bounded or ends_word)]
        elif op is _c.BRANCH:
            inner = [_needs_of(list(way), bounded or ends_word) for way in av[1]]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = [_needs_of(list(av[2]), bounded or ends_word)]
        if inner:  # one of the ways is taken: the union of each way's most telling requirement (and of its word starts)
            for pick in (lambda n: n[0] if n else None, _word_need):
                chosen = [pick(way) for way in inner]
                if all(c is not None for c in chosen) and len(one := frozenset().union(*chosen)) <= MAX_PIECES:  # type: ignore[arg-type]
                    needs.append(one)
        # after characters that are no word characters ("\\s+", "[-/ ]"), a word starts: after none ("\\s*"), if one did
        bounded = op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and _no_word_class(av[2]) and (
            av[0] >= 1 or bounded or ends_word)
    close()
    return tuple(sorted(set(needs), key=_strength, reverse=True)[:MAX_NEEDS])


def _no_word_class(body: Any) -> bool:
    """*body* is one character that is never a word character: white space ("\\s") or a set of marks ("[-/ ]")."""
    if len(body) != 1:
        return False
    op, av = body[0]
    if op is _c.LITERAL:
        return av < 128 and chr(av) not in _WORD_CHARS and not chr(av).isalnum()
    if op is not _c.IN:
        return False
    return all((o is _c.CATEGORY and a is _c.CATEGORY_SPACE) or (o is _c.LITERAL and a < 128 and not chr(a).isalnum()
                                                                   and chr(a) != "_") for o, a in av)


def _word_need(needs: tuple[_Need, ...]) -> _Need | None:
    """The most telling of *needs* that names only word starts; None: none does."""
    return next((n for n in needs if all(k[0] == _AT_WORD for k in n)), None)


#: A requirement as checked: its word starts (one set test) and its other pieces (one search for any of them).
_Check = tuple[frozenset[str], "re.Pattern[str] | None"]


def _checks(ways: _Ways) -> tuple[tuple[_Check, ...], ...]:
    """The ways' requirements made into checks: a search for any of several pieces finds one if one stands."""
    return tuple(tuple((frozenset(k[1:] for k in need if k[0] == _AT_WORD), _any_of(k for k in need if k[0] != _AT_WORD))
                       for need in way) for way in ways)


def _any_of(pieces: Iterator[str] | frozenset[str]) -> re.Pattern[str] | None:
    """One pattern that finds any of *pieces* (literal, folded text) wherever it stands; None: no piece."""
    found = sorted(pieces)
    return re.compile("|".join(map(re.escape, found))) if found else None


def _open(checks: tuple[tuple[_Check, ...], ...], t: _Text) -> bool:
    """Some way of the pattern has every requirement met in the text."""
    for way in checks:
        for words, plain in way:
            if words.isdisjoint(t.starts) and (plain is None or plain.search(t.folded) is None):
                break
        else:
            return True
    return False


#: What is remembered of a text beyond ASCII: nothing (it is always searched).
_NOT_ASCII = _Text("", frozenset(), {})


def _text(text: str) -> _Text:
    """The folded text and where its words start (first 1-3 characters), once per text."""
    found = _texts.get(text)
    if found is None:
        if text.isascii():
            folded = text.translate(_FOLD)
            at: dict[str, list[int]] = {}
            for word in _WORDS.finditer(folded):
                w, p = word.group(), word.start()
                for k in (w[:1], w[:2], w[:3])[: len(w)]:
                    at.setdefault(k, []).append(p)
            known = len(_heads_memo)  # counted first: every pattern counted has its keys indexed already
            candidates = frozenset().union(*filter(None, map(_by_key.get, at)))
            needy = candidates.intersection(_needy)
            if needy:  # those whose further words start no word here are no candidates
                candidates = candidates.difference(needy.difference(*filter(None, map(_by_need.get, at))))
            found = _Text(folded, frozenset(at), at, candidates, known)
        else:
            found = _NOT_ASCII
        if len(_texts) >= MEMO_SIZE:
            _texts.pop(next(iter(_texts), ""), None)
        _texts[text] = found
    return found


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when *pattern* cannot match anywhere in *text*."""
    tries = _tries(pattern, text)
    return tries is None or bool(tries)


def _tries(pattern: re.Pattern[str], text: str) -> list[int] | None:
    """The offsets where a match of *pattern* can start, ascending; None: any offset.

    Called for every pattern a reader asks about every sentence, so the memos are read inline.
    """
    known = _heads_memo.get(id(pattern))
    if known is None:
        heads(pattern)
        known = _heads_memo[id(pattern)]
    h = known[1]
    if h is None:
        ways = _needs.get(id(pattern))
        if ways is None:
            return None
        t = _texts.get(text) or _text(text)
        return None if t is _NOT_ASCII or _open(ways, t) else _NOWHERE
    t = _texts.get(text) or _text(text)
    if t is _NOT_ASCII:
        return None
    if h.leads:
        return _led_tries(pattern, h, text, t)
    if not h.anywhere and known[2] < t.known and id(pattern) not in t.candidates:
        return _NOWHERE  # none of its keys starts a word here (a pattern read after the text asks below)
    keys = h.keys.intersection(t.starts)
    if not h.anywhere:
        return _word_tries(keys, t.at) if keys else _NOWHERE
    needed = _word_needs.get(id(pattern))
    if needed is not None and needed.isdisjoint(t.starts):
        return _NOWHERE
    return _head_offsets(h, keys, t)


def _head_offsets(h: Heads, keys: set[str] | frozenset[str], t: _Text) -> list[int]:
    """Where one of *h* (some looked for anywhere) stands in the text, ascending: *keys* are its keys that start
    a word here. Remembered per text and heads."""
    known_tries = t.tries.get(id(h))
    if known_tries is not None:
        return known_tries
    folded = t.folded
    if not keys and _anywhere[id(h)].search(folded) is None:
        t.tries[id(h)] = _NOWHERE
        return _NOWHERE
    found: set[int] = {p for k in keys for p in t.at[k]}
    for k in h.anywhere:
        p = folded.find(k)
        while p >= 0:
            found.add(p)
            p = folded.find(k, p + 1)
    tries = t.tries[id(h)] = sorted(found)
    return tries


def _led_tries(pattern: re.Pattern[str], h: Heads, text: str, t: _Text) -> list[int]:
    """Where a match of a pattern with leads may start: its other ways' heads, and each lead's tries."""
    ways = _needs.get(id(pattern))
    if ways is not None and not _open(ways, t):
        return _NOWHERE
    needed = _word_needs.get(id(pattern))
    if needed is not None and needed.isdisjoint(t.starts):
        return _NOWHERE
    keys = h.keys.intersection(t.starts)
    tries = _head_offsets(h, keys, t) if h.anywhere else _word_tries(keys, t.at) if keys else _NOWHERE
    led = [at for lead in h.leads for at in _lead_tries(lead, text, t)]
    if led:
        tries = sorted(set(tries).union(led))
    return tries


def _lead_tries(lead: _Lead, text: str, t: _Text) -> list[int]:
    """Where a match of a pattern with *lead* may start: at each place its core may start, and at the first
    character of each of the (at most lead.words) runs of words before it, walked back run by run."""
    core = lead.core
    keys = core.keys.intersection(t.starts)
    if core.anywhere:
        cores = _head_offsets(core, keys, t)
    else:
        cores = _word_tries(keys, t.at) if keys else _NOWHERE
    if not cores:
        return _NOWHERE
    word, gap = lead.word, lead.gap
    found = set(cores)
    for q in cores:
        for _ in range(lead.words):
            j = q
            while j and text[j - 1] in gap:
                j -= 1
            if j == q:
                break
            q = j
            while q and text[q - 1] in word:
                q -= 1
            if q == j:
                break
            found.add(q)
    return sorted(found)


def _lead_matches(pattern: re.Pattern[str], text: str, tries: list[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields for a pattern with a lead, tried at *tries* (`_lead_tries`).

    A search goes on from where a match ended, and a lead's run of words may start there even inside a
    word ("...done 3/4/2015 knee repair done ..." read on from the "3"): after a match that offset is tried
    too, then the tries beyond it, exactly as a search would find the next match.
    """
    kept: list[re.Match[str]] = []
    pos, ahead = 0, tries
    while True:
        m = pattern.match(text, pos) if pos and (not ahead or ahead[0] != pos) else None
        if m is None:
            m = next(filter(None, map(pattern.match, repeat(text), ahead)), None)
        if m is None:
            return iter(kept)
        kept.append(m)
        pos = m.end() if m.end() > m.start() else m.end() + 1
        ahead = tries[bisect_left(tries, pos):]


def _word_tries(keys: set[str] | frozenset[str], at: dict[str, list[int]]) -> list[int]:
    """The offsets of the words that start with one of *keys* (all of them start some word here), ascending."""
    if len(keys) == 1:
        for key in keys:
            return at[key]
    return sorted(set().union(*map(at.__getitem__, keys)))


_NOWHERE: list[int] = []
#: An exhausted iterator, shared: what `finditer` gives where nothing can match.
_NO_MATCHES: Iterator[re.Match[str]] = iter(())


def _anchored(pattern: re.Pattern[str], text: str, tries: list[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields, tried only at *tries*: a search finds, at the
    first offset where a match exists, the match `pattern.match` finds there (lookbehinds and
    \\b see the text before it), and every match here is non-empty (it starts with a head).

    The tries are made in one C-level `map` (about 98 % of them find nothing); a match that starts
    inside the one before it is then dropped, as a search, which goes on from a match's end, never finds it.
    """
    found = list(filter(None, map(pattern.match, repeat(text), tries)))
    if len(found) > 1:
        kept, end = [], 0
        for m in found:
            if m.start() >= end:
                kept.append(m)
                end = m.end()
        return iter(kept)
    return iter(found)


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, tried only where a word of *text* starts as a match must."""
    known = _heads_memo.get(id(pattern))
    t = _texts.get(text)
    if known is not None and t is not None and known[3] is not None and known[2] < t.known:  # `_tries`, inline
        if id(pattern) not in t.candidates:
            return _NO_MATCHES  # the answer of most asks
        return _anchored(pattern, text, _word_tries(known[3].intersection(t.starts), t.at))
    tries = _tries(pattern, text)
    if tries is None:
        return pattern.finditer(text)
    if not tries:
        return _NO_MATCHES
    led = _heads_memo[id(pattern)][1]
    return _lead_matches(pattern, text, tries) if led is not None and led.leads else _anchored(pattern, text, tries)


@dataclass(frozen=True)
class _Table:
    """A reader's rows of patterns, split once: the rows whose every match starts a word (gated by
    the text's candidates) and the rest (always given: `finditer` gates each itself)."""

    rows: tuple[Any, ...]
    ids: tuple[int, ...]
    gated: frozenset[int]
    ungated: tuple[Any, ...]
    #: The order in which its last pattern was read: a text read before that may not name them.
    read: int


_tables: dict[tuple[int, int], _Table] = {}


def _table(rows: tuple[Any, ...], at: int) -> _Table:
    patterns = [row[at] for row in rows]
    for pattern in patterns:
        heads(pattern)
    known = [_heads_memo[id(p)] for p in patterns]
    gated = frozenset(id(k[0]) for k in known if k[3] is not None)
    return _Table(rows, tuple(map(id, patterns)), gated, tuple(r for r, p in zip(rows, patterns) if id(p) not in gated),
                  max((k[2] for k in known), default=-1))


def among(rows: tuple[Any, ...], text: str, at: int = 0) -> tuple[Any, ...] | list[Any]:
    """The rows of a reader's table (each holding its pattern at index *at*) whose pattern may match *text*, in order.

    A reader that asks every sentence about each pattern of a table asks here once instead: a
    sentence that mentions none of the table's words costs one set intersection, not a call per
    row. A row left out is one whose `finditer` would find nothing; a row given may still find
    nothing. *rows* is a module constant (remembered by identity, and kept so its id stays its own).
    """
    table = _tables.get((id(rows), at))
    if table is None or table.rows is not rows:
        if len(_tables) >= MEMO_SIZE:
            _tables.clear()
        table = _tables[(id(rows), at)] = _table(rows, at)
    t = _texts.get(text) or _text(text)
    if t is _NOT_ASCII or table.read >= t.known:
        return rows
    hit = table.gated.intersection(t.candidates)
    if not hit:
        return table.ungated
    gated = table.gated
    return [row for row, i in zip(rows, table.ids) if i in hit or i not in gated]


#: A reader's patterns, read once (by the tuple's id): the tuple, the ids of those gated by word starts, and the
#: order in which the last of them was read.
_shut_tables: dict[int, tuple[tuple[re.Pattern[str], ...], frozenset[int], int]] = {}
_NONE_SHUT: frozenset[int] = frozenset()


def shut(patterns: tuple[re.Pattern[str], ...], text: str) -> frozenset[int]:
    """The ids of those of *patterns* that cannot match *text*: asked of them, `finditer` finds nothing and
    `search` gives None. A reader asks once per sentence for all its patterns, then skips each ask among them with
    one set test (`id(P) in dead`) instead of a call: a closed ask costs about 2,500 instructions, the test about
    a thousand, and a block whose patterns are all shut is skipped whole.

    Only patterns whose every match starts a word are ever shut (the rest `finditer` gates itself, so they are
    always asked); a pattern left out of *patterns* is never shut, so a reader that forgets one only asks it.
    *patterns* is a module constant (remembered by identity, and kept so its id stays its own).
    """
    table = _shut_tables.get(id(patterns))
    if table is None or table[0] is not patterns:
        for pattern in patterns:
            heads(pattern)
        known = [_heads_memo[id(p)] for p in patterns]
        if len(_shut_tables) >= MEMO_SIZE:
            _shut_tables.clear()
        table = _shut_tables[id(patterns)] = (
            patterns, frozenset(id(k[0]) for k in known if k[3] is not None), max((k[2] for k in known), default=-1)
        )
    t = _texts.get(text) or _text(text)
    if t is _NOT_ASCII or table[2] >= t.known:
        return _NONE_SHUT
    return table[1].difference(t.candidates)


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)`, tried only where a word of *text* starts as a match must."""
    known = _heads_memo.get(id(pattern))
    t = _texts.get(text)
    if known is not None and t is not None and known[3] is not None and known[2] < t.known:  # as in `finditer`
        if id(pattern) not in t.candidates:
            return None
        tries: list[int] | None = _word_tries(known[3].intersection(t.starts), t.at)
    else:
        tries = _tries(pattern, text)
    if tries is None:
        return pattern.search(text)
    return next(filter(None, map(pattern.match, repeat(text), tries)), None)
