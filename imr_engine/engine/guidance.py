"""Whether a request line asks for image guidance of an injection (ultrasound, fluoroscopy).

The ODG Knee & Leg and Shoulder entries on corticosteroid injections say these are generally
performed without fluoroscopic or ultrasound guidance, so guidance asked for as an item ("Ultrasound
guidance for the knee injection", "US-guided knee injection") is a criterion of its own: the line
says so, the note does not. An injection line that only mentions how it will be done after naming
the injection ("knee injection under ultrasound") is judged as the injection.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping

from ..facts.model import Evidence

#: "ultrasound guidance", "US-guided", "under ultrasound", "fluoroscopic guidance", "under fluoro", "image-guided".
_GUIDANCE = re.compile(
    r"\b(?:(?:ultrasound|sonograph\w*|u/?s|fluoroscop\w*|fluoro|image|imaging|ct)[\s-]*(?:guidance|guided)"
    r"|under\s+(?:ultrasound|fluoroscop\w*|fluoro|u/?s\b|sonograph\w*|image\s+guidance)"
    r"|(?:with|w/)\s+(?:ultrasound|fluoroscop\w*|fluoro)"
    r"|CPT\s*(?:76942|77002|77012))",
    re.IGNORECASE,
)


#: The injection itself named before the guidance words: then the line is the injection's.
_INJECTION = re.compile(r"\b(?:inject\w*|inj|shots?|CSI|block|aspirat\w*)\b", re.IGNORECASE)


def guidance_requested(text: str) -> bool:
    """Whether a request line asks for image guidance itself (named before any injection)."""
    found = _GUIDANCE.search(text)
    return found is not None and not _INJECTION.search(text[: found.start()])


def guidance_facts(text: str, v: MutableMapping[str, object], ev: dict[str, list[Evidence]]) -> None:
    """Set the item's `image_guidance_requested` from its request line."""
    if guidance_requested(text):
        v["image_guidance_requested"] = "yes"
        ev["image_guidance_requested"] = ev.get("kind", [])
