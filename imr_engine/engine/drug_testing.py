"""Whether a drug-testing request line asks to confirm a screen rather than to screen (round rules13).

A point-of-care or immunoassay screen is presumptive; a confirmatory (definitive) test identifies the substance by
chromatography and mass spectrometry. The ODG Pain chapter sends a screen to confirmation when its result is
unexpected: an unprescribed drug found, a prescribed one missing. So a line asking for confirmation ("Confirmatory
urine drug testing (LC-MS/MS)", "GC/MS confirmation of today's specimen", "quantitative drug testing", the
definitive-testing codes 80320-80377 and G0480-G0483) is judged by the screen it confirms, not by the screening
frequency.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping

from ..facts.model import Evidence

#: "confirmatory", "confirmation", "confirm the screen", "LC-MS/MS", "GC/MS", "definitive", "quantitative", the codes.
_CONFIRMATORY = re.compile(
    r"\bconfirm(?:atory|ation|ed|ing)?\b|\b(?:LC|GC)\s*[-/]?\s*MS(?:\s*[-/]?\s*MS)?\b|\bmass\s+spectrometry\b"
    r"|\bdefinitive\b|\bquantitative\b|\bquant\b|\b803(?:2\d|[3-6]\d|7[0-7])\b|\bG048[0-3]\b",
    re.IGNORECASE,
)


#: A screen named on the line: "urine drug screen", "POC", "point-of-care", "immunoassay", "presumptive", "qualitative".
_SCREEN = re.compile(
    r"\b(?:screen\w*|POC|point[\s-]of[\s-]care|immunoassay|presumptive|qualitative|dip\s*stick|UDS)\b", re.IGNORECASE
)


def confirmatory_requested(text: str) -> bool:
    """Whether a drug-testing request line asks to confirm a screen (a definitive test) rather than to screen.

    A screen named before the confirmation is a screening bundle ("point-of-care screen with confirmatory testing",
    "POC + confirm", "presumptive + definitive"): that line asks for screening, judged by its frequency. A screen
    named after is the one confirmed ("GC/MS confirmation of the POC screen").
    """
    found = _CONFIRMATORY.search(text)
    return found is not None and not _SCREEN.search(text[: found.start()])


def drug_testing_facts(text: str, service: str, v: MutableMapping[str, object], ev: dict[str, list[Evidence]]) -> None:
    """Set a drug-testing item's `confirmatory_requested` from its request line."""
    if service == "urine_drug_screen" and confirmatory_requested(text):
        v["confirmatory_requested"] = "yes"
        ev["confirmatory_requested"] = ev.get("kind", [])
