"""Enumerations in prose: "Current medications include A (since ...), B, C and D."

Letters list drugs, diagnoses and treatments after a lead phrase. An enumeration runs
to the end of its clause ("... and Soma and was not certified" stops before "and
was"), splits at top-level commas, semicolons and "and" (never inside parentheses), and
each item keeps its span so it can be quoted.
"""

from __future__ import annotations

import re

from .dates import find_dates

_LIST_END = re.compile(
    r"\s+and\s+(?:was|were|is|are|had|has|have|which|that|then|she|he|they|the\s+(?:patient|injured|claimant))\b"
    r"|,\s*(?:which|who|where|when|but|and\s+(?:was|were|the|he|she|they))\b"
    r"|\s+(?:which|who|but|because|when|while|although)\s"
    r"|[;:]|\.\s*$|\.\s",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+&\s+", re.IGNORECASE)
#: The characters other than white space (str.isspace is the \s of a str pattern) a _LIST_END match can open with:
#: the list walks try the pattern only there, not at every character.
_END_STARTS = frozenset(",;:.")


def item_end(text: str, start: int, item_break: re.Pattern[str]) -> int:
    """Where the listed item that goes on at *start* stops: the first *item_break* outside brackets,
    or a closing bracket the item did not open (the list was itself in brackets); a break is not
    looked for where a bracket stands.

    Read bracket to bracket: outside brackets one search of the whole text finds the first place a break
    starts (a search tries each offset in turn, as a walk would); the break counts when it starts before the
    next bracket. So the text is not walked character by character.
    """
    depth, i, n = 0, start, len(text)
    while i < n:
        bracket = _BRACKET.search(text, i)
        at = bracket.start() if bracket else n
        if depth == 0:
            found = item_break.search(text, i)
            if found is not None and found.start() < at:
                return found.start()
        if bracket is None:
            return n
        if text[at] == "(":
            depth += 1
        elif depth == 0:
            return at
        else:
            depth -= 1
        i = at + 1
    return n


_BRACKET = re.compile(r"[()]")


def _inside_date(text: str, i: int) -> bool:
    """Whether text[i] stands inside a date the date reader finds: the comma and full stop of
    "Feb. 3, 2023" are part of the date, neither a separator nor a sentence's end."""
    return any(d.start < i < d.end for d in find_dates(text))


def list_end(text: str, start: int) -> int:
    """Where the enumeration starting at *start* ends (outside parentheses)."""
    depth = 0
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in _END_STARTS or ch.isspace()):  # every way _LIST_END matches opens so
            m = _LIST_END.match(text, i)
            if m and (m.group().strip() not in (".",) or _sentence_end(text, i)):
                return i
        i += 1
    return len(text.rstrip(" ."))


def _sentence_end(text: str, i: int) -> bool:
    """A full stop that ends the sentence, not a decimal point or abbreviation ("Feb. 3, 2023", "1 p.r.n. #40")."""
    if i + 1 < len(text) and text[i + 1] != " ":
        return False
    if i + 1 < len(text) and _DOTTED_BEFORE.search(text, max(0, i - 12), i):
        return False  # a sig with full stops goes on: "Norco 5/325 1 q6h p.r.n. #40/mo, ibuprofen 600 t.i.d."
    return not _inside_date(text, i)


#: An abbreviation written with full stops ending right before a full stop: "p.r.n", "q.h.s", "b.i.d".
_DOTTED_BEFORE = re.compile(r"(?<![\w.])[A-Za-z](?:\.[A-Za-z0-9]{1,2})+$")


def list_items(text: str, start: int, *, split_and: bool = True) -> list[tuple[int, int]]:
    """Spans of the items of the enumeration starting at *start*."""
    end = list_end(text, start)
    spans: list[tuple[int, int]] = []
    depth = 0
    item_start = start
    i = start
    while i < end:
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch == "," or ch.isspace()):  # every way _SEPARATOR matches opens so
            m = _SEPARATOR.match(text, i)
            if m and ch == "," and _inside_date(text, i):
                m = None
            if m and m.end() <= end and (split_and or "and" not in m.group().lower() or "," in m.group()):
                spans.append((item_start, i))
                item_start = m.end()
                i = m.end()
                continue
        i += 1
    spans.append((item_start, end))
    return [(s, e) for s, e in (_strip(text, s, e) for s, e in spans) if e > s]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,":
        start += 1
    while end > start and text[end - 1] in " ,.":
        end -= 1
    return start, end
