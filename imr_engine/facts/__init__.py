"""Case facts: the model, fuzzy dates, and loading case files."""

from .fuzzy_date import FuzzyDate
from .load import load_case
from .model import CaseFacts, Evidence, Finding, Medication, PainScore, Request

__all__ = ["CaseFacts", "Evidence", "Finding", "FuzzyDate", "Medication", "PainScore", "Request", "load_case"]
