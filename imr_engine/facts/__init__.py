"""Case facts: the model, fuzzy dates, and loading case files.

The names are imported on first use (PEP 562): `facts.derived` (the item facts every rule
condition is checked against) is needed by rule loading, which must not pay for importing
the whole case model, the request parser and the vocabulary (`imr rules` starts cold in a
fraction of a second that way).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
