"""A device's replacement or refill: whether one is asked for, and the condition of the one the worker has.

The ODG replaces a prosthesis or its socket or liner, a burn pressure garment, a walking aid,
when the worker's own can no longer serve: worn beyond repair, outgrown, or no longer fitting
a limb that changed. The record tells that once for the case (`clinical.device_unserviceable`),
each quote naming the device it is about. A requested item takes the finding from the quotes
that name its own service, or no device at all (an unnamed device counts for every device item,
as an unknown region counts for every region); quotes about another device are set aside and
the trace says so. Whether the request is a replacement is read from its own line, and so is a
refill, an analysis or a reprogramming of a device in place (an implanted pump), which only a device
already implanted can be given.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping

from ..facts.model import CaseFacts, Evidence
from ..requests.model import RequestedItem

#: A request line that replaces what the worker has: "replacement socket", "replace walker", "new liners", "(replacement)".
_REPLACEMENT = re.compile(
    r"\b(?:replac(?:e|es|ed|ing|ement|ements)|re-?fabricat\w*|re-?make|re-?order|new (?:[\w-]+ ){0,2}?(?:socket|liner|garment|sleeve|prosthesis|walker)s?)\b",
    re.IGNORECASE,
)


#: A request line that maintains an implanted device in place: "pump refill", "analysis and reprogramming", "interrogation".
_REFILL = re.compile(r"\b(?:re-?fill(?:s|ed|ing)?|re-?program\w*|interrogat\w*|analysis)\b", re.IGNORECASE)


#: A request line for a unit's supplies, not the unit: "TENS supplies", "electrodes x 3 months", "A4595", "lead wires".
_SUPPLIES = re.compile(
    r"\b(?:supplies|supply|electrodes?|electrode\s+pads?|pads|patches|batter(?:y|ies)|lead\s*wires?|leads\s+wires?|A4595|A4630|A4556|A4557)\b",
    re.IGNORECASE,
)


#: The unit itself asked for, its supplies with it: "TENS unit rental with supplies", "H-wave device and electrodes"
#: (not "TENS unit supplies", "TENS electrodes and batteries").
_UNIT_WITH_SUPPLIES = re.compile(
    r"\b(?:unit|device|machine|stimulator)\b(?!\s*(?:supplies|supply|electrodes?|pads|patches|batter|lead))|\brental\b|\btrial\b",
    re.IGNORECASE,
)


#: A device made for this worker, not taken off the shelf: "custom-molded LSO", "custom fabricated", "made to measure".
_CUSTOM = re.compile(
    r"\bcustom(?:[\s-]+(?:made|molded|moulded|fabricated|fitted|fit))?\b(?![\s-]+(?:compounded?|cream))"
    r"|\bmade[\s-]+to[\s-]+(?:measure|order)\b|\bc/?f\s+(?:LSO|TLSO|brace|orthosis)\b",
    re.IGNORECASE,
)


def custom_requested(text: str) -> bool:
    """Whether a request line asks for a custom-fabricated device rather than a prefabricated one."""
    return bool(_CUSTOM.search(text)) and not re.search(r"\bprefab\w*|\boff[\s-]the[\s-]shelf\b", text, re.IGNORECASE)


def replacement_requested(text: str) -> bool:
    """Whether a request line asks to replace a device the worker has."""
    return bool(_REPLACEMENT.search(text))


def device_facts(
    case: CaseFacts, text: str, item: RequestedItem, vocab: object,
    v: MutableMapping[str, object], ev: dict[str, list[Evidence]], how: dict[str, str],
) -> dict[str, str]:
    """Set the item's `replacement_requested`, `refill_requested`, `supplies_requested`, `custom_requested` and `device_unserviceable`; *how* (a copy when a note is added)."""
    if replacement_requested(text):
        v["replacement_requested"] = "yes"
        ev["replacement_requested"] = ev.get("kind", [])
    if item.kind != "drug" and _REFILL.search(text):  # a drug's refill is its continuation (request_purpose)
        v["refill_requested"] = "yes"
        ev["refill_requested"] = ev.get("kind", [])
    if item.kind != "drug" and custom_requested(text):
        v["custom_requested"] = "yes"
        ev["custom_requested"] = ev.get("kind", [])
    if item.kind != "drug" and _SUPPLIES.search(text) and not _UNIT_WITH_SUPPLIES.search(text):
        v["supplies_requested"] = "yes"
        ev["supplies_requested"] = ev.get("kind", [])
    finding = case.clinical.device_unserviceable
    if finding.value == "unknown" or not finding.evidence:
        return how
    service_of = getattr(vocab, "service_of", None)
    if service_of is None:
        return how
    mine: list[Evidence] = []
    others: list[Evidence] = []
    for e in finding.evidence:
        named = service_of(e.quote)
        (mine if named is None or named == item.service else others).append(e)
    if not others:
        return how
    v["device_unserviceable"] = finding.value if mine else "unknown"
    ev["device_unserviceable"] = mine
    told = "; ".join(f"'{e.quote[:80]}'" for e in others)
    return {**how, "device_unserviceable": f"set aside as told of another device than the one requested: {told}"}
