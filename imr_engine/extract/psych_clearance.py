"""A psychological evaluation already done, as notes tell it before a stimulator or a pump (round cover10).

The spinal cord stimulator and intrathecal pump criteria ask for a psychological evaluation before the trial
(CPMTG p. 101, 52-54). Notes rarely list it with the care tried; they tell it in a sentence of its own: "He was
seen for psychological evaluation for spinal cord stimulator candidacy by Dr. A, Ph.D.", "evaluated for
neuromodulation by Dr. C, PsyD", "Psychological clearance obtained", "psych cleared for the trial". A clearance
still wanted ("psychological clearance not provided", "pending psych clearance") is none.
"""

from __future__ import annotations

import re

from .context import Context
from .negation import polarity
from .planned import planned
from .sentences import Sentence
from .word_gate import finditer

_I = re.IGNORECASE
_PSYCH = r"(?:psycholog\w*|psych|behavioral(?:\s+health)?|pain\s+psycholog\w*)"
_DONE = re.compile(
    # "was seen for psychological evaluation", "has been evaluated by a pain psychologist", "underwent a psych eval"
    rf"\b(?:was|were|has\s+been|had\s+been|underwent|completed|had)\s+(?:(?:seen|evaluated|assessed|cleared)\s+)?"
    rf"(?:for\s+|by\s+)?(?:a\s+|an\s+|the\s+)?{_PSYCH}\s+(?:evaluation|eval|assessment|clearance|testing|consultation)\b"
    rf"|\b(?:was|were|has\s+been|had\s+been)\s+(?:seen|evaluated|assessed)\s+by\s+(?:a\s+|the\s+)?(?:psychologist|psychiatrist"
    r"|pain\s+psychologist)\b"
    # "evaluated for neuromodulation / SCS candidacy by Dr. C, PsyD"
    r"|\b(?:was|were|has\s+been|had\s+been)\s+(?:seen|evaluated|assessed)\s+for\s+(?:[\w-]+\s+){0,4}?"
    r"(?:neuromodulation|stimulator|SCS|intrathecal\s+pump|pump|implant)(?:\s+candidacy)?\s+by\s+(?:\b(?:Dr|[A-Z])\.|[^.;]){0,50}?"
    r"\b(?:Psy\.?\s?D|Ph\.?\s?D|psychologist|psychiatrist)\b"
    # "Psychological clearance obtained / given", "psych cleared", "cleared by psychology"
    rf"|\b{_PSYCH}\s+clearance\s+(?:was\s+|has\s+been\s+)?(?:obtained|given|received|granted|completed|done)\b"
    rf"|^\s*{_PSYCH}\s+clearance\s*[.:]\s+(?=\S)"
    r"|\bpsych(?:ologically)?\s+cleared\b|\bcleared\s+(?:him|her|the\s+patient\s+)?(?:psychologically|by\s+psycholog\w+)\b",
    _I,
)


def read_psych_clearance(sentences: list[Sentence], ctx: Context) -> None:
    """A psychological evaluation done, as a treatment tried (service psychological_evaluation)."""
    for s in sentences:
        if s.section == "plan":
            continue
        for m in finditer(_DONE, s.text):
            if polarity(s.text, m.start(), m.end()) != "affirmed" or planned(s.text, m.start(), m.end()):
                continue
            ctx.draft.treatment("psychological evaluation", "psychological", "psychological_evaluation", "unknown",
                                s.evidence(m.start(), m.end()))
            break
