"""The guideline diagnosis groups of a vocabulary folder (diagnoses.yaml), readable on their own.

Loading the rule book checks every diagnosis group a rule names against this file; it needs
only the groups, not the terminology that matches diagnoses to them (and imports the request
model and the guideline thresholds).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .guideline_data import load_data_file

DIAGNOSES_FILE = "diagnoses.yaml"


class DiagnosisGroups(BaseModel):
    """rules/vocabulary/diagnoses.yaml: guideline diagnosis groups and the words that name them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    purpose: str = Field(min_length=1)
    source: str = Field(min_length=1)
    version: str | None = None
    groups: dict[str, list[str]] = Field(min_length=1)


def load_diagnosis_groups(directory: Path) -> DiagnosisGroups | None:
    """The diagnosis groups of a vocabulary folder, or None when the folder has none (an older rule book)."""
    return load_data_file(directory / DIAGNOSES_FILE, DiagnosisGroups)
