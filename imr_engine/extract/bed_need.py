"""Whether the worker needs a bed an ordinary one cannot be: confined to bed, or positioning needs.

A hospital bed is medical equipment when the condition needs positioning an ordinary bed cannot give
(the ODG DME entry, after Medicare's hospital-bed criteria): a worker confined to bed, one who must keep
the head raised or be repositioned often, one who cannot get into or out of a regular bed. Being
homebound is not that (home health's criterion, CPMTG p. 51). A worker who sleeps in an ordinary bed
without difficulty has no such need.
"""

from __future__ import annotations

import re

from .context import Context
from .findings import record
from .negation import polarity
from .sentences import Sentence
from .word_gate import finditer

_I = re.IGNORECASE
_PRONOUN = r"(?:a\s+|an\s+|the\s+|her\s+|his\s+|their\s+|own\s+|her\s+own\s+|his\s+own\s+)?"
_NEED = re.compile(
    r"\bbed[- ]?(?:bound|ridden)\b|\bconfined\s+to\s+" + _PRONOUN + r"bed\b|\bbed\s+confinement\b"
    r"|\b(?:needs?|requires?|must\s+(?:have|keep))\s+(?:the\s+)?head\s+of\s+(?:the\s+)?bed\s+(?:elevated|raised|up)\b"
    r"|\bHOB\s+(?:elevated|raised|(?:at\s+|>\s*)?\d+\s*(?:degrees|°))"
    r"|\b(?:needs?|requires?)\s+(?:frequent\s+|regular\s+)?(?:repositioning|turning)\b|\bturn(?:ed|ing)?\s+(?:every|q)\s*2\s*(?:hours|h|hrs)\b"
    r"|\b(?:unable\s+to|cannot|can'?t)\s+(?:get|transfer|climb)\s+(?:in(?:to)?|out|in\s+and\s+out)\s+of\s+" + _PRONOUN
    + r"(?:regular\s+|ordinary\s+|standard\s+)?bed\b"
    r"|\b(?:unable\s+to|cannot|can'?t)\s+(?:lie|sleep)\s+flat\b|\bmust\s+sleep\s+(?:upright|sitting\s+up|in\s+a\s+recliner)\b",
    _I,
)
_NO_NEED = re.compile(
    r"\bsleeps?\s+in\s+" + _PRONOUN + r"(?:regular\s+|ordinary\s+)?bed\b(?=[^.;]{0,40}\b(?:without|w/o|no)\s+(?:difficulty|problems?|trouble|issues?)\b)"
    r"|\b(?:gets|transfers)\s+(?:in\s+and\s+out|in/out|into\s+and\s+out)\s+of\s+" + _PRONOUN
    + r"bed\s+(?:independently|on\s+(?:her|his)\s+own|without\s+(?:difficulty|help|assist\w*))\b"
    r"|\b(?:independent\s+(?:with|for)\s+bed\s+mobility|bed\s+mobility\s*:?\s*(?:independent|indep|mod(?:ified)?\s+I)\b)",
    _I,
)


def read_bed_need(sentences: list[Sentence], ctx: Context) -> None:
    """clinical.bed_positioning_need: yes from confinement or positioning needs, no from an ordinary bed used without difficulty."""
    for s in sentences:
        for m in finditer(_NEED, s.text):
            if polarity(s.text, m.start(), m.end()) == "affirmed":
                record(s, ctx, "clinical.bed_positioning_need", "yes", m)
        for m in finditer(_NO_NEED, s.text):
            if polarity(s.text, m.start(), m.end()) == "affirmed":
                record(s, ctx, "clinical.bed_positioning_need", "no", m)
