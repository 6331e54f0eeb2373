"""Draft case facts from raw text, every fact quoting the text at its offsets.

`extract_case` reads a determination letter (its clinical case summary and item
headings; the decision rationales only when asked), `extract_text` a free-text note
with request lines. Modules, one job each: `textmap` (clean prose with raw offsets),
`sections`/`sentences` (where to read), `numbers`/`dates`/`durations`/`pain`/`negation`
(how things are written), then one reader per kind of fact (`timeline`, `claimant`,
`medications`, `conditions`, `history`, `exam`, `function`, `monitoring`, `clinical`,
`decisions`, `items`), gathered in `draft` and run in order by `case`.

The two names are imported on first use (PEP 562): a command that only reads a date the way
the readers do (`--as-of`, through `extract.dates`) does not import every reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy_names import lazy_names

if TYPE_CHECKING:
    from .case import extract_case, extract_text

__all__ = ["extract_case", "extract_text"]

__getattr__ = lazy_names(__name__, {"extract_case": "case", "extract_text": "case"})
