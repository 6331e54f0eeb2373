"""The expert reviewer's licensure and specialties, from either way letters state them.

Some letters list credentials ("State(s) of Licensure: California /
Certification(s)/Specialty: Preventive Medicine, Occupational Medicine"), others
say it in prose ("... is Board Certified in Physical Medicine and Rehabilitation
and is licensed to practice in California").
"""

from __future__ import annotations

import re

from .model import Reviewer
from .normalise import collapse

_STATES_LABEL = re.compile(r"State\s*\(s\)\s+of\s+Licensure\s*:", re.IGNORECASE)
_SPECIALTY_LABEL = re.compile(r"Certification\s*\(s\)\s*/\s*Specialt(?:y|ies)\s*:", re.IGNORECASE)
_BOARD = re.compile(
    r"Board[-\s]+Certified\s+in\s+(?P<spec>[^.]+?)(?:(?:,?\s+and)?\s+(?:is|are)\s+licensed\b|\.|$)",
    re.IGNORECASE,
)
_SUBSPECIALTY = re.compile(r",?\s*(?:and\s+)?has\s+(?:a\s+)?sub-?specialty\s+in\s+", re.IGNORECASE)
_PLACE = r"[A-Z][A-Za-z]*(?:\s+[A-Z][A-Za-z]*)*"
_LICENSED = re.compile(rf"licensed\s+to\s+practice\s+in\s+(?P<states>{_PLACE}(?:\s*(?:,|\band\b)\s*{_PLACE})*)")


def parse_reviewer(text: str) -> tuple[Reviewer, list[str]]:
    """Reviewer credentials found in *text* (the reviewer section), and warnings."""
    text = collapse(text)
    states = _labelled(text, _STATES_LABEL)
    specialties = _labelled(text, _SPECIALTY_LABEL)
    state_list = _split(states, on_and=True) if states else []
    specialty_list = _split(specialties, on_and=False) if specialties else []
    if not specialty_list and (m := _BOARD.search(text)):
        for part in _SUBSPECIALTY.split(m["spec"]):
            specialty_list += _split(part, on_and=False)
    if not state_list and (m := _LICENSED.search(text)):
        state_list = _split(m["states"].rstrip("."), on_and=True)
    warnings = []
    if not state_list:
        warnings.append("reviewer's state(s) of licensure not found")
    if not specialty_list:
        warnings.append("reviewer's certification(s)/specialty not found")
    return Reviewer(licensure_states=state_list, specialties=specialty_list), warnings


def _labelled(text: str, label: re.Pattern[str]) -> str | None:
    """Text after *label*, up to the next credentials label or the end."""
    m = label.search(text)
    if not m:
        return None
    rest = text[m.end() :]
    stops = [s.start() for pattern in (_STATES_LABEL, _SPECIALTY_LABEL) if (s := pattern.search(rest))]
    return rest[: min(stops)] if stops else rest


def _split(text: str, *, on_and: bool) -> list[str]:
    """A list written as "A, B and C"; specialty names may contain "and", so only states split on it."""
    pattern = r"\s*(?:[,;]|\band\b)\s*" if on_and else r"\s*[,;]\s*"
    return [p for p in (piece.strip(" .") for piece in re.split(pattern, text)) if p]
