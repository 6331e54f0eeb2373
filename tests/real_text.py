"""Real text for the tests that check a fast path against its plain definition.

Those tests run every sentence they get through hundreds of patterns, so their time grew with
the corpus (one took three minutes at 1,100 notes). They take a fixed-size sample instead: the
sentences with the smallest SHA-256, which stays mostly the same as the corpus grows and costs
the same whatever its size.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from held_out import held_out

ROOT = Path(__file__).resolve().parents[1]
#: The bundled letters and the tune half's letters and notes (the test half is never read here).
FOLDERS = ("cases", "corpus/decisions/tune/letters", "corpus/notes/tune")


def real_paths() -> list[Path]:
    """Every real text a test may read, the session's held-out writers left out."""
    return sorted(path for folder in FOLDERS for path in (ROOT / folder).rglob("*.txt") if not held_out(path))


def stable_sample(texts: list[str], size: int) -> list[str]:
    """The *size* distinct texts with the smallest SHA-256, in sorted order."""
    ranked = sorted(set(texts), key=lambda text: hashlib.sha256(text.encode("utf-8")).digest())
    return sorted(ranked[:size])


def real_sentences(size: int, *, keep: re.Pattern[str] | None = None) -> list[str]:
    """A stable sample of *size* sentences (lines split after '.' and ';'), only those *keep* finds if given."""
    sentences = [
        sentence
        for path in real_paths()
        for line in path.read_text(encoding="utf-8").splitlines()
        for sentence in re.split(r"(?<=[.;])\s+", line)
        if sentence.strip() and (keep is None or keep.search(sentence))
    ]
    return stable_sample(sentences, size)
