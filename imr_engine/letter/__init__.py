"""Determination letters: raw letter text -> ParsedLetter (decisions, citations, summary).

Modules, one job each: `normalise` repairs PDF-extraction artefacts, `layouts`
finds the layout and its sections, `items` cuts out the disputed items,
`citations` reads the reviewer's guideline line, `reviewer`/`cover`/`conclusion`
read the smaller facts, and `parser` puts them together.
"""

from .model import LetterItem, ParsedLetter, Reviewer
from .parser import parse_letter, parse_letter_file

__all__ = ["LetterItem", "ParsedLetter", "Reviewer", "parse_letter", "parse_letter_file"]
