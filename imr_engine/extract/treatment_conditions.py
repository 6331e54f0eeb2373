"""The condition each treatment tried was given for, where the note says it.

A course of care belongs to the condition it treated: "12 OT visits for fracture rehab" was the
fracture's course, and a complex regional pain syndrome found later opens a course of its own
(engine/episodes.py). Notes name it after "for" beside the care ("PT x 12 for low back strain",
"chiropractic for neck pain", "OT for fracture rehab"); the readers that found a treatment quote
those words with it, or the rest of their clause does. The words are kept as written; the engine
tells which guideline diagnosis group they name, and ignores words that name none ("for the knee").
"""

from __future__ import annotations

import re

from .context import Context
from .sentences import Sentence
from .treatment_regions import rest_of_clause

#: "for <up to five words>": the condition a course was given for, to the clause's end.
_FOR = re.compile(r"\bfor\s+(?:(?:the|her|his|their|a|an)\s+)?([a-z][\w'/-]*(?:[ \t]+[a-z][\w'/-]*){0,4})", re.IGNORECASE)
#: Words after "for" that tell a course's length or timing, not a condition ("for 6 weeks", "for a while").
_NOT_CONDITION = re.compile(r"^(?:\d|several|many|some|about|approximately|over|while|months?|weeks?|years?|days?)\b",
                            re.IGNORECASE)


def read_treatment_conditions(sentences: list[Sentence], ctx: Context) -> None:
    """Set each found treatment's condition from the words it is quoted with, else the rest of their clause."""
    for entry in ctx.draft.treatments.values():
        if entry.get("condition") is not None:
            continue
        for ev in entry.get("evidence", []):
            if ev is None:
                continue
            said = _condition_in(ev.quote) or _condition_in(rest_of_clause(ev, sentences, ctx))
            if said is not None:
                entry["condition"] = said
                break


def _condition_in(text: str) -> str | None:
    found = _FOR.search(text)
    if found is None or _NOT_CONDITION.match(found.group(1)):
        return None
    return " ".join(found.group(1).split())
