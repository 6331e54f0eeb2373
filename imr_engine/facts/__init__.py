"""Case facts: the model, fuzzy dates, and loading case files.

The names are imported on first use (PEP 562): `facts.derived` (the item facts every rule
condition is checked against) is needed by rule loading, which must not pay for importing
the whole case model, the request parser and the vocabulary (`imr rules` starts cold in a
fraction of a second that way).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy_names import lazy_names

if TYPE_CHECKING:
    from .fuzzy_date import FuzzyDate
    from .load import load_case
    from .model import CaseFacts, Evidence, Finding, Medication, PainScore, Request

_HOME = {
    "FuzzyDate": "fuzzy_date",
    "load_case": "load",
    "CaseFacts": "model",
    "Evidence": "model",
    "Finding": "model",
    "Medication": "model",
    "PainScore": "model",
    "Request": "model",
}

__all__ = ["CaseFacts", "Evidence", "Finding", "FuzzyDate", "Medication", "PainScore", "Request", "load_case"]


__getattr__ = lazy_names(__name__, _HOME)
