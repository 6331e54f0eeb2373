"""The formulary names only ingredients and classes the vocabulary knows, checked at load time."""

from __future__ import annotations

from pathlib import Path

from ..errors import RuleError
from ..rulebook.conditions import suggest
from ..vocabulary import Vocabulary
from .decide import FILE_NAME, Formulary


def check_formulary_names(formulary: Formulary, vocab: Vocabulary, directory: Path) -> None:
    """Raise RuleError for a formulary entry the vocabulary cannot match to any request."""
    known_classes = set(vocab.class_names)
    known_ingredients = set(vocab.ingredients)
    for name in formulary.spec.classes:
        if name not in known_classes:
            raise RuleError(f"classes.{name}: unknown drug class{suggest(name, known_classes)}",
                            source=str(directory / FILE_NAME))
    for name in formulary.spec.ingredients:
        if name not in known_ingredients:
            raise RuleError(f"ingredients.{name}: unknown ingredient{suggest(name, known_ingredients)}",
                            source=str(directory / FILE_NAME))
