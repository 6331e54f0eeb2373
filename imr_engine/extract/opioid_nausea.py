"""Nausea from opioids (the antiemetic criteria, ODG): nausea an opioid caused, or nausea denied on one.

Clinicians tell it beside the drug ("tramadol stopped 2014, nausea", "Norco makes her nauseated", "Codeine (nausea)")
or deny it among an opioid's side effects ("Denies constipation, nausea, sedation"). Nausea told with an opioid in
the same sentence is the opioid's (corpus/README.md key review: a symptom of a drug already stopped is `yes`); nausea
denied is `no` while the note shows an opioid taken now; nausea named as what a drug is for ("ondansetron prn
nausea") is neither.
"""

from __future__ import annotations

import re

from .context import Context
from .findings import record
from .medications import drug_mentions
from .negation import polarity
from .planned import planned
from .sentences import Sentence
from .word_gate import finditer

_I = re.IGNORECASE
_NAUSEA = re.compile(r"\bnause\w*|\bqueas\w*|\bn/v\b", _I)
#: Opioids named as a class: "opioid-related nausea", "nausea from the narcotics".
_OPIOID_WORDS = re.compile(r"\bopioid\w*|\bopiate\w*|\bnarcotic\w*", _I)
#: Nausea as what a drug is for: "ondansetron 4 mg prn nausea", "for nausea".
_FOR_NAUSEA = re.compile(r"\b(?:for|prn|as\s+needed\s+for|to\s+(?:prevent|treat))\s+(?:the\s+|any\s+|\w+\s+)?$", _I)


def read_opioid_nausea(sentences: list[Sentence], ctx: Context) -> None:
    """clinical.nausea_from_opioids, once the drugs are read."""
    on_opioid = any("opioid" in d.classes and d.status == "current" for d in ctx.draft.drugs)
    for s in sentences:
        low = s.text.lower()
        if "nause" not in low and "queas" not in low and "n/v" not in low:
            continue
        opioids = [(m.start, m.end) for m in drug_mentions(s.text, ctx) if "opioid" in m.classes]
        opioids += [(m.start(), m.end()) for m in _OPIOID_WORDS.finditer(s.text)]
        for m in finditer(_NAUSEA, s.text):
            if _FOR_NAUSEA.search(s.text, max(0, m.start() - 25), m.start()):
                continue
            said = polarity(s.text, m.start(), m.end())
            # the opioid in the nausea's own clause: "headache with nausea; tramadol not started" is not the drug's
            left, right = s.text.rfind(";", 0, m.start()) + 1, s.text.find(";", m.end())
            right = len(s.text) if right < 0 else right
            opioid_here = any(left <= a and b <= right for a, b in opioids)
            if said == "affirmed" and opioid_here and not planned(s.text, m.start(), m.end()):
                record(s, ctx, "clinical.nausea_from_opioids", "yes", m)
            elif said == "negated" and on_opioid:
                record(s, ctx, "clinical.nausea_from_opioids", "no", m)
