"""The tuning/test split of the development corpus, fixed once by each document's id.

A document's half depends on its id alone, so adding documents never moves another
one, and nobody can rebalance the halves by choosing which files go where.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Half = Literal["tune", "test"]


def half_of(doc_id: str) -> Half:
    """'tune' or 'test' for a corpus document id (SHA-256 of the id, even or odd)."""
    return "tune" if int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"
