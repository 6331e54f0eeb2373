"""What a parsed determination letter looks like: the contract for QA and extraction.

Everything is taken from the letter as written (request text, rationale, the
reviewer's citations); anything the parser had to guess or could not read is
recorded in `warnings` instead of being silently dropped.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..citations import Citation
from ..facts.model import Jurisdiction

Decision = Literal["Upheld", "Overturned"]
LayoutNumber = Literal[1, 2, 3, 4]



class Reviewer(BaseModel):
    """The expert reviewer's credentials, as the letter states them."""

    model_config = ConfigDict(extra="forbid")

    licensure_states: list[str] = Field(default_factory=list, description="e.g. ['California'].")
    specialties: list[str] = Field(
        default_factory=list,
        description="Board certifications / specialties, e.g. ['Preventive Medicine', 'Occupational Medicine'].",
    )


class LetterItem(BaseModel):
    """One disputed item and the reviewer's decision on it."""

    model_config = ConfigDict(extra="forbid")

    index: int = Field(description="0-based position of the item in the letter.")
    request: str = Field(description="The request exactly as in its heading, whitespace normalised.")
    decision: Decision
    claims_administrator_guideline: str = Field("", description="The 'Claims Administrator guideline' line, as text.")
    citations: list[Citation] = Field(default_factory=list, description="The 'MAXIMUS guideline' line, structured.")
    rationale: str = Field("", description="The decision rationale as continuous prose.")
    medically_necessary: bool | None = Field(
        None, description="The rationale's own conclusion; None when it states none."
    )


class ParsedLetter(BaseModel):
    """A whole IMR determination letter."""

    model_config = ConfigDict(extra="forbid")

    source: str | None = None
    layout: LayoutNumber
    jurisdiction: Jurisdiction = Field(
        "california", description="Read from the layout: a Texas IRO decision (layout 4) or a California IMR letter."
    )
    case_number: str | None = None
    date_assigned: date | None = None
    ur_denial_date: date | None = None
    reviewer: Reviewer = Field(default_factory=Reviewer)
    summary: str = Field("", description="Clinical case summary narrative as continuous prose.")
    summary_truncated: bool = Field(
        False, description="The summary stops without sentence-final punctuation (cut off)."
    )
    items: list[LetterItem]
    warnings: list[str] = Field(default_factory=list)
    text: str = Field(
        "", exclude=True, repr=False,
        description="The raw letter as read: extraction quotes offsets into it, so it is kept, not read again "
                    "(left out of dumps: `imr parse --json` shows what was read from it, not the text itself).",
    )
