"""Body regions named in a phrase, from the vocabulary's anatomy terms (rules/vocabulary/anatomy.yaml).

The vocabulary answers "the first region a request names"; a diagnosis can name
several ("thoracic-lumbosacral neuritis"), so this index finds them all, with the same
spellings. A bare "back" names no region the vocabulary knows; it is kept as `back`
(the case files' convention) rather than guessed to be lumbar.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from ..vocabulary import PhraseIndex
from ..vocabulary.in_use import vocabulary_dir_in_use
from ..vocabulary.load import load_file
from ..vocabulary.models import AnatomyFile
from ..vocabulary.vocab import SPINAL_LEVELS

UNSPECIFIED_BACK = "back"
_BACK = re.compile(r"\bback\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def _index_of(directory: Path) -> PhraseIndex[str]:
    anatomy = load_file(directory / "anatomy.yaml", AnatomyFile).data
    index: PhraseIndex[str] = PhraseIndex()
    for region, spellings in anatomy.body_regions.items():
        index.add(region.replace("_", " "), region)
        for spelling in spellings:
            index.add(spelling, region)
    return index


def _index() -> PhraseIndex[str]:
    """The anatomy index of the vocabulary the text is read with."""
    return _index_of(vocabulary_dir_in_use())


def regions_in(text: str) -> list[str]:
    """Every region *text* names, in order, without repeats; 'back' when only an unqualified back is named."""
    found: list[str] = []
    for match in _index().find_all(text):
        if match.value not in found:
            found.append(match.value)
    for region, level in SPINAL_LEVELS:
        if level.search(text) and region not in found:
            found.append(region)
    masked = text
    for match in _index().find_all(text):
        masked = masked[: match.start] + " " * (match.end - match.start) + masked[match.end :]
    if _BACK.search(masked) and not any(r in found for r in ("lumbar_spine", "thoracic_spine")):
        found.append(UNSPECIFIED_BACK)
    return found


def canonical_region(name: str) -> str:
    """The vocabulary's name for a region however it is spelt ('leg' -> lower_extremities)."""
    match = _index().first(name.replace("_", " "))
    if match and match.start == 0 and match.end == len(name):
        return match.value
    return name
