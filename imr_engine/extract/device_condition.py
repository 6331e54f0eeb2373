"""The condition of the worker's own device: worn out, broken, outgrown, or no longer fitting.

The ODG replaces a prosthesis (or its socket or liner), a burn pressure garment or a walking aid
when the one the worker has can no longer serve: irreparable wear, a change in the limb so the
socket no longer fits, a garment stretched until it gives no pressure, a walker whose brakes
failed. Clinicians write this beside the device ("socket now loose, pistoning", "garments are
now stretched and no longer give pressure", "walker - brakes failed, seat cracked", "liner
torn"), or, the other way, that it still fits and works ("prosthesis fits well").

Each finding quotes the device's name with the words about it, so that derivation can give
it to the request for that device only (engine/devices.py). Devices are the vocabulary's
equipment services (kind `dme`); a condition word with no device in its clause says nothing.
"""

from __future__ import annotations

import re

from .context import Context
from .negation import polarity
from .sentences import Sentence
from .word_gate import finditer

#: Words that tell a device can no longer serve: wear and damage, loss of fit, a limb that changed.
_UNSERVICEABLE = re.compile(
    r"\b(?:worn[- ](?:out|through|thin|down)|wearing out|wore out|torn|tearing|ripped|cracked|crack(?:s|ing)?|broken|broke"
    r"|(?:has\s+|have\s+)?failed(?!\s+to\b)|falling apart|fell apart|irreparable|beyond repair"
    r"|(?:can\s*not|cannot|can't|could not)\s+be\s+(?:repaired|fixed|adjusted)|no longer (?:repairable|adjustable)"
    r"|stretched(?:\s+out)?|(?:lost|loses|losing|lose)\s+(?:its\s+|their\s+)?(?:elasticity|tension|compression|pressure|shape)"
    r"|no longer (?:gives?|provides?|applies|apply|exerts?) (?:\w+\s+)?(?:pressure|compression|support)"
    r"|no longer fits?|(?:does|do)(?:\s*n[o']?t| not) fit|ill[- ]fitting|poor(?:ly)?[- ]fit(?:ting)?|misfit(?:ting)?"
    r"|loose(?!\s+bod)|too (?:loose|tight|small|short|big|large)|pistoning|volume (?:loss|change)|outgrown|outgrew)\b",
    re.IGNORECASE,
)
#: Words that tell it still serves.
_SERVICEABLE = re.compile(
    r"\b(?:fits? (?:well|properly|appropriately|comfortably)|(?:good|proper|appropriate|excellent) fit"
    r"|well[- ]fitting|in good (?:repair|condition|working order)|(?:working|functioning|works|functions) (?:well|properly))\b",
    re.IGNORECASE,
)
#: What ends the stretch of text a device's condition is told in: a sentence's or a clause's end.
_BREAK = re.compile(r"[;]|\.\s|\b(?:but|however|although|whereas)\b", re.IGNORECASE)
#: The condition words that stand before the device they describe: "torn liner", "ill-fitting socket", "broken walker".
_BEFORE_DEVICE = re.compile(
    r"worn[- ]out|torn|ripped|cracked|broken|ill[- ]fitting|poor(?:ly)?[- ]fit(?:ting)?|loose|stretched(?:\s+out)?|outgrown",
    re.IGNORECASE,
)
#: A word right after the condition that it describes ("torn meniscus", "broken wrist"), not a clause going on.
_NOUN_NEXT = re.compile(
    r"[ \t]+(?!(?:and|or|with|since|at|in|on|x|for|from|by|but|now|again|today|last|after|before|when|while|so|and/or)\b)[a-z]",
    re.IGNORECASE,
)
#: What may stand between such a word and its device: a few words that describe it ("torn gel liner", "broken 4-wheeled walker").
_MODIFIERS = re.compile(r"[ \t]+(?:(?!(?:and|or|with|uses?|for|of|in|on|to)\b)[\w/-]+[ \t]+){0,2}", re.IGNORECASE)
#: A home exercise programme, named like its kit in the vocabulary, is exercises, not a thing that wears out ("HEP failed").
_PROGRAMME = re.compile(r"HEP|home\s+exercises?(?:\s+program(?:me)?)?", re.IGNORECASE)
#: Between a device and "failed": a trial, or another item of a list, so the failure is not the device's own.
_NOT_THE_DEVICE = re.compile(r"\btrials?\b|[,(]", re.IGNORECASE)
#: How far, in characters, a condition may stand from the device it tells of within one clause.
_REACH = 120


def read_device_condition(sentences: list[Sentence], ctx: Context) -> None:
    """Record `clinical.device_unserviceable` from each sentence that tells of a device's condition."""
    for s in sentences:
        found = [(m.start(), m.end(), "yes") for m in finditer(_UNSERVICEABLE, s.text)]
        found += [(m.start(), m.end(), "no") for m in finditer(_SERVICEABLE, s.text)]
        if not found:
            continue
        devices = _devices(s.text, ctx)
        if not devices:
            continue
        told: dict[tuple[tuple[int, int], str], tuple[int, int]] = {}  # (device, value) -> the span quoting both
        for start, end, value in sorted(found):
            if polarity(s.text, start, end) != "affirmed":  # "no pistoning" is too little to read a fit from
                continue
            device = _device_of(s.text, start, end, devices)
            if device is None:
                continue
            if "fail" in s.text[start:end].lower() and _NOT_THE_DEVICE.search(s.text, device[1], start):
                continue  # "TENS trial failed", "TENS (no benefit), gabapentin (failed)": care that did not help, no broken part
            span = told.get((device, value), (device[0], device[1]))
            told[(device, value)] = (min(span[0], start), max(span[1], end))
        for (_, value), (start, end) in told.items():
            ctx.draft.finding("clinical.device_unserviceable", value, s.evidence(start, end))


def _devices(text: str, ctx: Context) -> list[tuple[int, int]]:
    """Where *text* names equipment (a service of kind `dme`)."""
    out = []
    for hit in ctx.vocab.mentions(text, ("service",)):
        if ctx.vocab.service_info(hit.key).kind == "dme" and not _PROGRAMME.fullmatch(text, hit.start, hit.end):
            out.append((hit.start, hit.end))
    return out


def _device_of(text: str, start: int, end: int, devices: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The device named nearest before the condition, in the same stretch of text, else right after it ("torn liner")."""
    adjective = bool(_BEFORE_DEVICE.fullmatch(text[start:end]))
    following = next((d for d in devices if d[0] >= end and _MODIFIERS.fullmatch(text, end, d[0])), None)
    if adjective and _NOUN_NEXT.match(text, end) and following is None:
        return None  # "brace for a torn meniscus": the word describes something else than a device
    before = [d for d in devices if d[1] <= start and start - d[1] <= _REACH and not _BREAK.search(text, d[1], start)]
    if before:
        return before[-1]
    if not adjective:
        return None
    return following
