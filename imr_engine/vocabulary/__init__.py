"""The vocabulary: names of drugs, products and services mapped to ingredients, classes and kinds.

Terminology lives in `rules/vocabulary/*.yaml`; this package loads it (yaml.safe_load + pydantic,
every error a RuleError naming file, line, entry and field) and answers lookups.
"""

from __future__ import annotations

from .text import PhraseIndex, PhraseMatch, line_key, phrase_key, tokenize
from .vocab import FILE_NAMES, DrugInfo, Identity, ServiceInfo, Vocabulary, load_vocabulary

__all__ = [
    "FILE_NAMES",
    "DrugInfo",
    "Identity",
    "PhraseIndex",
    "PhraseMatch",
    "ServiceInfo",
    "Vocabulary",
    "load_vocabulary",
    "line_key",
    "phrase_key",
    "tokenize",
]
