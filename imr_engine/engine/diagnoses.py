"""The guideline diagnosis groups of a vocabulary folder (diagnoses.yaml), readable on their own.

Loading the rule book checks every diagnosis group a rule names against this file; it needs
only the groups, not the terminology that matches diagnoses to them (and imports the request
model and the guideline thresholds).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from ..vocabulary.load import load_data_file
from ..vocabulary.models import Header

DIAGNOSES_FILE = "diagnoses.yaml"


class DiagnosisGroups(Header):
    """rules/vocabulary/diagnoses.yaml: guideline diagnosis groups and the words that name them."""

    groups: dict[str, list[str]] = Field(min_length=1)


def load_diagnosis_groups(directory: Path) -> DiagnosisGroups | None:
    """The diagnosis groups of a vocabulary folder, or None when the folder has none (an older rule book)."""
    return load_data_file(directory / DIAGNOSES_FILE, DiagnosisGroups)
