"""Reading yes/no findings from cue words, with negation, hedging and "not documented" handled.

Each finding reader names its cue pattern; `read_cue` decides what the sentence says of
it (see `negation`) and records it on the draft, quoting the clause it stands in.
"""

from __future__ import annotations

import re

from ..facts.model import Evidence
from .context import Context
from .negation import clause_bounds, polarity
from .planned import not_done, planned
from .sentences import Sentence
from .word_gate import finditer

#: A clause longer than this is quoted by its comma-delimited part around the cue (a long list).
LONG_CLAUSE = 120


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end), narrowed to its comma-delimited part when it is long."""
    left, right = clause_bounds(text, start, end)
    if right - left > LONG_CLAUSE:
        comma = text.rfind(",", left, start)
        left = comma + 1 if comma >= 0 else left
        comma = text.find(",", end, right)
        right = comma if comma >= 0 else right
    while left < right and text[left] in " ,;:":
        left += 1
    return left, right


def clause_evidence(s: Sentence, start: int, end: int) -> Evidence | None:
    """Evidence quoting the clause around [start, end)."""
    return s.evidence(*clause_span(s.text, start, end))


def read_cue(
    s: Sentence,
    ctx: Context,
    path: str,
    pattern: re.Pattern[str],
    *,
    negated: str | None = "no",
    undocumented: bool = True,
    affirmed: str | None = "yes",
    observation: bool = False,
    done: bool = False,
) -> bool:
    """Record what *s* says of the finding at *path* wherever *pattern* matches; True if anything was read.

    With *done*, a mention that is only planned, advised or taught ("will check CURES") says nothing.
    """
    read = False
    for m in finditer(pattern, s.text):
        said = polarity(s.text, m.start(), m.end(), observation=observation)
        if done and said == "affirmed" and planned(s.text, m.start(), m.end()):
            continue
        if done and said == "affirmed" and not_done(s.text, m.end()):
            said = "negated"
        value = {"affirmed": affirmed, "negated": negated, "undocumented": "unknown" if undocumented else None}.get(
            said
        )
        if value is None:
            continue
        ctx.draft.finding(path, value, clause_evidence(s, m.start(), m.end()))
        read = True
    return read


def record(s: Sentence, ctx: Context, path: str, value: str, m: re.Match[str]) -> None:
    """Record a finding whose value the pattern itself states (e.g. 'no significant changes in pain')."""
    ctx.draft.finding(path, value, clause_evidence(s, m.start(), m.end()))
