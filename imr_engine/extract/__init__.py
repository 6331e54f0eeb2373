"""Draft case facts from raw text, every fact quoting the text at its offsets.

`extract_case` reads a determination letter (its clinical case summary and item
headings; the decision rationales only when asked), `extract_text` a free-text note
with request lines. Modules, one job each: `textmap` (clean prose with raw offsets),
`sections`/`sentences` (where to read), `numbers`/`dates`/`durations`/`pain`/`negation`
(how things are written), then one reader per kind of fact (`timeline`, `claimant`,
`medications`, `conditions`, `history`, `exam`, `function`, `monitoring`, `clinical`,
`decisions`, `items`), gathered in `draft` and run in order by `case`.
"""

from .case import extract_case, extract_text

__all__ = ["extract_case", "extract_text"]
