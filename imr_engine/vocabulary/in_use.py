"""Which vocabulary the text being read is read with: the rule directory's in use, not the bundled one.

Extraction reads many small vocabulary files deep inside its readers (anatomy, note
headings, drug and service names). Threading a directory through every reader would touch
them all; instead the extraction entry points name the vocabulary for the duration of one
read (`reading_with`), and the readers ask `vocabulary_dir_in_use()`. A context variable,
so concurrent reads in threads or tasks each see their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from ..resources import vocabulary_dir

_IN_USE: ContextVar[Path | None] = ContextVar("imr_vocabulary_dir_in_use", default=None)


@cache
def _bundled() -> Path:
    """The bundled vocabulary's directory, found once: the readers ask for it per phrase, and finding it stats the disk."""
    return vocabulary_dir()


def vocabulary_dir_in_use() -> Path:
    """The vocabulary directory of the read in progress (the bundled one outside any read)."""
    return _IN_USE.get() or _bundled()


@contextmanager
def reading_with(directory: Path | None) -> Iterator[None]:
    """Read with the vocabulary in *directory* (None: the bundled one) until the block ends."""
    token = _IN_USE.set(Path(directory).resolve() if directory is not None else None)
    try:
        yield
    finally:
        _IN_USE.reset(token)
