"""The engine: case facts + rule book -> one cited determination per requested item.

The engine's names are imported on first use (PEP 562), so that loading the rule book, which
compiles each rule's expression (`engine.compile`) and reads the diagnosis groups
(`engine.terminology`), does not import the evaluator, its models and the whole case model.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..lazy_names import lazy_names

if TYPE_CHECKING:
    from .determination import CaseDetermination, Determination, FiredRule
    from .evaluate import Engine, resolve_as_of

_HOME = {
    "CaseDetermination": "determination",
    "Determination": "determination",
    "FiredRule": "determination",
    "Engine": "evaluate",
    "resolve_as_of": "evaluate",
}


__getattr__ = lazy_names(__name__, _HOME)


@lru_cache(maxsize=4)
def _engine_for(rules_dir: str | None) -> Engine:
    from ..formulary import load_formulary
    from ..formulary.check import check_formulary_names
    from ..rulebook import load_rulebook
    from ..vocabulary.shared import vocabulary_for
    from .evaluate import Engine
    from .terminology import VocabularyTerminology

    book = load_rulebook(rules_dir)
    vocab = vocabulary_for(book.root)
    formulary = load_formulary(book.root / "vocabulary")
    if formulary is not None:
        check_formulary_names(formulary, vocab, book.root / "vocabulary")
    return Engine(book, VocabularyTerminology(vocab), formulary)


def load_engine(rules_dir: str | Path | None = None) -> Engine:
    """The engine for a rule directory (default: the bundled rule book), compiled once per process."""
    return _engine_for(str(rules_dir) if rules_dir is not None else None)


__all__ = ["CaseDetermination", "Determination", "Engine", "FiredRule", "load_engine", "resolve_as_of"]
