"""Which laboratory tests a request line names, for the NSAID monitoring criterion (session 16, rules16).

The CPMTG (2009) NSAIDs, specific drug list & adverse effects (p. 70), takes from the package inserts of
oral NSAIDs the periodic monitoring of a CBC and a chemistry profile with liver and renal function tests.
Only those tests monitor an NSAID: a haemoglobin A1c, a lipid panel or a thyroid test measures a condition
of its own, and a line naming only such tests asks for no NSAID monitoring. A line that names no test
("labs", "blood work") may be the monitoring panel, so it is left unknown.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping

from ..facts.model import Evidence

#: The monitoring panel of p. 70: a blood count and the chemistry of the liver and kidneys.
_MONITORING = re.compile(
    r"\b(?:CBC|complete\s+blood\s+counts?|blood\s+counts?|h(?:a)?emogram|H/H|H&H|hematocrit|hemoglobin(?!\s*A1c)"
    r"|CMP|BMP|chem(?:istry)?(?:[\s-]*(?:panel|profile|\d+))?|chem\s*\d+|(?:comprehensive|basic)\s+metabolic(?:\s+panel)?"
    r"|metabolic\s+panel|LFTs?|liver\s+(?:function|panel|enzymes?|tests?)|hepatic(?:\s+(?:function|panel))?|transaminases?"
    r"|AST|ALT|SGOT|SGPT|renal(?:\s+(?:function|panel))?|kidney\s+function|creatinine|BUN|eGFR|GFR)\b",
    re.IGNORECASE,
)

#: Tests of other conditions: diabetes, lipids, thyroid, hormones, vitamins, inflammation, coagulation, drug levels.
_OTHER = re.compile(
    r"\b(?:(?:hemoglobin|Hb|Hgb)\s*A1c|HbA1c|A1c|glycated|glycosylated|lipids?(?:\s+panel)?|cholesterol|triglycerides?"
    r"|TSH|thyroid|free\s+T4|T4|testosterone|PSA|estradiol|LH|FSH|prolactin|cortisol|vitamin\s+[BD]\d*|25-OH|B12|folate"
    r"|ESR|sed(?:imentation)?\s+rate|CRP|C-reactive|rheumatoid\s+factor|RF|ANA|HLA-B27|uric\s+acid|ferritin|iron"
    r"|PT/INR|INR|PTT|PT\b|coag\w*|drug\s+levels?|serum\s+\w+\s+levels?|urinalysis|UA)\b",
    re.IGNORECASE,
)


def monitoring_tests_named(text: str) -> str:
    """yes: the line names a test of the NSAID monitoring panel; no: it names only other tests; unknown: none named."""
    if _MONITORING.search(_OTHER_FIRST.sub(" ", text)):
        return "yes"
    return "no" if _OTHER.search(text) else "unknown"


#: Words of other tests that hold a monitoring word ("hemoglobin A1c" holds "hemoglobin"): masked before the search.
_OTHER_FIRST = re.compile(r"\b(?:hemoglobin|Hb|Hgb)\s*A1c\b", re.IGNORECASE)


def lab_facts(text: str, service: str, v: MutableMapping[str, object], ev: dict[str, list[Evidence]]) -> None:
    """Set a laboratory item's `monitoring_tests_requested` from its request line."""
    if service != "laboratory_tests":
        return
    named = monitoring_tests_named(text)
    if named != "unknown":
        v["monitoring_tests_requested"] = named
        ev["monitoring_tests_requested"] = ev.get("kind", [])
