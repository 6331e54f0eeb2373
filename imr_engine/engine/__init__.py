"""The engine: case facts + rule book -> one cited determination per requested item."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .determination import CaseDetermination, Determination, FiredRule
from .evaluate import Engine, resolve_as_of


@lru_cache(maxsize=4)
def _engine_for(rules_dir: str | None) -> Engine:
    from ..formulary import load_formulary
    from ..formulary.check import check_formulary_names
    from ..rulebook import load_rulebook
    from ..vocabulary import load_vocabulary
    from .terminology import VocabularyTerminology

    book = load_rulebook(rules_dir)
    vocab = load_vocabulary(book.root / "vocabulary")
    formulary = load_formulary(book.root / "vocabulary")
    if formulary is not None:
        check_formulary_names(formulary, vocab, book.root / "vocabulary")
    return Engine(book, VocabularyTerminology(vocab), formulary)


def load_engine(rules_dir: str | Path | None = None) -> Engine:
    """The engine for a rule directory (default: the bundled rule book), compiled once per process."""
    return _engine_for(str(rules_dir) if rules_dir is not None else None)


__all__ = ["CaseDetermination", "Determination", "Engine", "FiredRule", "load_engine", "resolve_as_of"]
