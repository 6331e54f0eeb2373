"""A device's home trial and its outcome told in the sentences after the one that names it.

The CPMTG asks a TENS trial to be documented as to how often the unit was used and its outcomes in pain
relief and function before a purchase (p. 114-116), and an H-wave trial as to function or reduced
medication (p. 117-118). Clinicians name the trial in one sentence and report its log in the next few:
"H-wave 30-day home trial 11/2014. Trial log reviewed: 2 sessions a day. - Pain 7/10 before, 4/10 by the
end - Walking tolerance 15 -> 40 min", "She used a rented TENS unit from 02/15 to 03/15. Her log shows use
on 28 of 30 days. Pain fell from 8/10 to 5/10 during use. Her QuickDASH improved from 68 to 55."

Read only for a device told as a trial or a rental (in its own sentence), or whose next sentences report
its log; from the sentences after it in the same section and source, up to the first that names other
care (a drug may be named: less medication is an outcome) or is the plan's. A gain the function reader
found there is the trial's functional improvement, the first pain drop its relief, less medication its
medication reduction. A result hoped for or planned is not read.
"""

from __future__ import annotations

import re
from typing import Any

from .context import Context
from .device_relief import device_relief
from .draft import add_evidence
from .history import medication_reduced
from .letter_case import is_the_patient
from .sentences import Sentence, quote_sentence

_I = re.IGNORECASE
#: The device told as tried at home for a while: "30-day home trial", "rental trial", "rented", "one-month trial".
_TRIAL = re.compile(r"\b(?:trial|rental|rented|rent(?:ed)?\s+(?:a|an|the)\b)", _I)
#: A log of the trial's use: "Trial log reviewed", "Her log shows", "Usage log", "TENS log:".
_LOG = re.compile(r"\blog(?:s|ged|book)?\b", _I)
#: A result only hoped for, planned or doubted.
_NOT_TOLD = re.compile(r"\b(?:will|would|could|should|may|might|hope\w*|expect\w*|if|plan\w*)\b", _I)
#: How many sentences after the device's may report its trial.
_REACH = 6


def read_trial_outcomes(sentences: list[Sentence], ctx: Context) -> None:
    """Each device course told as a trial: its gains, relief and less medication from the sentences after it."""
    gains = [e for path in ("function.objective_improvement", "function.adl_improvement")
             for e in (ctx.draft.findings[path].yes if path in ctx.draft.findings else [])]
    position = {id(s): n for n, s in enumerate(sentences)}
    for entry in ctx.draft.treatments.values():
        if entry.get("kind") != "modality":
            continue
        for ev in list(entry.get("evidence", [])):
            found = quote_sentence(ev, sentences)
            if found is None or found[0].section == "plan":
                continue
            own = found[0]
            after = _told_after(own, entry, sentences, position, ctx)
            if after and (_TRIAL.search(own.text) or any(_LOG.search(t.text) for t in after)):
                _credit(entry, after, gains)
                break


def _told_after(own: Sentence, entry: dict[str, Any], sentences: list[Sentence], position: dict[int, int],
                ctx: Context) -> list[Sentence]:
    """The sentences after *own* that still speak of its device: same section and source, no other care named."""
    n = position.get(id(own))
    if n is None:
        return []
    told: list[Sentence] = []
    for t in sentences[n + 1 : n + 1 + _REACH]:
        if t.section != own.section or t.source != own.source or t.item != own.item or t.section == "plan":
            break
        named = [m for m in ctx.vocab.mentions(t.text, ("service",)) if not is_the_patient(t.text[m.start : m.end])]
        if any(m.key != entry.get("service") for m in named):
            break
        told.append(t)
    return told


def _credit(entry: dict[str, Any], told: list[Sentence], gains: list[Any]) -> None:
    """The trial's outcomes read from *told*: gains found there, the first pain drop, less medication."""
    for t in told:
        if _NOT_TOLD.search(t.text):
            continue
        span = t.evidence()
        if span is None or span.start is None or span.end is None:
            continue
        used = False
        if any(g.start is not None and span.start <= g.start < span.end for g in gains):
            if entry.get("functional_improvement", "unknown") == "unknown":
                entry["functional_improvement"] = "yes"
            used = True
        relief = device_relief(t.text)
        if relief is not None and relief > 0 and entry.get("relief_percent") is None:
            entry["relief_percent"] = relief
            used = True
        if medication_reduced([t]) and entry.get("medication_reduction", "unknown") == "unknown":
            entry["medication_reduction"] = "yes"
            used = True
        if used:
            if entry.get("effect", "unknown") == "unknown":
                entry["effect"] = "improved"
            add_evidence(entry["evidence"], span)
