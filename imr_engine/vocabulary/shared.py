"""The one vocabulary of a rule directory, shared by rule loading, extraction and the engine.

Rules are checked against, evaluated with and extracted for the same terminology: the
`vocabulary/` folder beside the rules in use (`--rules DIR`), never the bundled one by accident.
Each directory's vocabulary is read once per process (`load_vocabulary` caches by path).
"""

from __future__ import annotations

from pathlib import Path

from ..resources import default_rules_dir, vocabulary_dir
from .vocab import Vocabulary, load_vocabulary


def vocabulary_for(rules_dir: str | Path | None = None) -> Vocabulary:
    """The vocabulary belonging to *rules_dir* (default: the bundled rule book), loaded once."""
    return load_vocabulary(vocabulary_dir(Path(rules_dir) if rules_dir is not None else default_rules_dir()))


def diagnosis_group_names(rules_dir: str | Path | None = None) -> list[str]:
    """The guideline diagnosis groups (diagnoses.yaml) of *rules_dir*'s vocabulary, sorted."""
    from ..engine.diagnoses import load_diagnosis_groups

    groups = load_diagnosis_groups(vocabulary_dir(Path(rules_dir) if rules_dir is not None else default_rules_dir()))
    return sorted(groups.groups) if groups else []
