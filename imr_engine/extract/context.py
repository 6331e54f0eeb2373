"""What every reader shares while reading one case: the draft, the vocabulary, the note dates."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..facts.fuzzy_date import FuzzyDate
from ..requests.model import RequestedItem
from ..vocabulary import Vocabulary
from .draft import Draft
from .sentences import Sentence


@dataclass
class Context:
    """Shared state of one extraction run."""

    draft: Draft
    vocab: Vocabulary
    items: list[RequestedItem] = field(default_factory=list)  # the requests, parsed, in letter order
    #: Dates of the note each summary sentence reports from (sentence start -> dates); empty when undated.
    note_dates: dict[int, list[FuzzyDate]] = field(default_factory=dict)
    #: The work status was read from a note's WORK STATUS section (which no later mention overrides).
    work_status_from_section: bool = False
    work_status_copied: bool = False  # the status read so far stands in text copied forward from an earlier note
    #: The status read so far is told of an earlier time ("had been working full duty", "returned to full duty in 2023").
    work_status_past: bool = False
    #: The worker is off work because the employer does not meet the restrictions: the duty they describe is not done.
    work_status_unaccommodated: bool = False
    #: The text is a clinician's note (not a determination letter): the corpus's note conventions apply.
    note: bool = False
    #: Drugs the vocabulary names in a text, by text: several readers look at the same sentence.
    vocabulary_mentions: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)

    def dates_of(self, sentence: Sentence) -> list[FuzzyDate]:
        return self.note_dates.get(sentence.start, [])

    @property
    def latest_report(self) -> FuzzyDate | None:
        dates = [d for d, _ in self.draft.report_dates.values()]
        return max(dates, key=lambda d: d.latest()) if dates else None
