"""One error family for everything a user can get wrong.

Commands turn an ImrError into a single stderr line and exit code 2, so every
error message must say *where* (file, rule id, field) and *what*.
"""

from __future__ import annotations

from .display import shown


class ImrError(Exception):
    """Base class: an input the project refuses, with a message fit for one line."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(self.one_line())

    def one_line(self) -> str:
        text = shown(" ".join(self.message.split()))
        return f"{shown(self.source)}: {text}" if self.source else text


class InputFileError(ImrError):
    """A file that cannot be read as text: missing, a directory, empty, binary, not UTF-8."""


class LetterParseError(ImrError):
    """A letter whose structure cannot be read (no issues section, no items, unknown layout)."""


class RequestParseError(ImrError):
    """A request line that cannot be turned into a requested item (e.g. empty)."""


class CaseFactsError(ImrError):
    """A case file that does not validate against the case-facts model."""


class RuleError(ImrError):
    """A rule or vocabulary file that does not validate, or refers to an unknown fact."""


class EngineError(ImrError):
    """The inference engine failed while evaluating a case (never a silent skip)."""


class ExtractionError(ImrError):
    """Fact extraction could not read the given text."""
