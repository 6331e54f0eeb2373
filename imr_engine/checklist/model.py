"""What the documentation checklist answers, per requested item.

A reviewer asks two things of a predicted determination: which criteria of the deciding
rules the note documents (and in which words), and what would have to be documented
for the outcome to change. The second is answered by re-evaluating the rules with the
missing facts supplied, so it names only changes that actually move the outcome.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..engine.determination import Predicted

Status = Literal["documented", "documented_absent", "not_documented"]
Source = Literal["record", "request"]
Value = str | float | int | list[str] | None


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Criterion(_Out):
    """One fact a deciding rule reads, and what the note says about it."""

    fact: str = Field(description="The item fact the rules read (see `imr schema` and rules/README.md).")
    label: str = Field(description="The fact in words.")
    source: Source = Field(description="record: the note documents it; request: the request line details it.")
    status: Status
    value: Value = Field(description="The value the rules saw.")
    quote: str | None = Field(None, description="The note's words for a documented fact.")
    rules: list[str] = Field(description="Ids of the deciding rules whose criteria name this fact.")


class Change(_Out):
    """One fact supplied (or changed) in a re-evaluation."""

    fact: str
    label: str
    source: Source
    was: Value
    becomes: Value
    wording: str = Field(description="The change in words, e.g. 'return to work: documented'.")


class ChangeSet(_Out):
    """Facts that must change together: re-evaluating with all of them changes the outcome; fewer do not."""

    changes: list[Change]
    outcome: Predicted = Field(description="The outcome the re-evaluation gives with these changes.")
    changes_documented_facts: bool = Field(
        False, description="True when a fact the note already documents would have to read otherwise."
    )


class Guideline(_Out):
    """A deciding rule's guideline as applied: generation and whether its citation was checked."""

    rule_id: str
    label: str = Field(description="Guideline, edition, sections and pages.")
    generation: str = Field(description="The guideline generation applied, e.g. 'MTUS Chronic Pain Medical Treatment Guidelines (2009)'.")
    citation_checked: bool = Field(description="False: the section and pages are not yet checked against the guideline text.")


class ItemChecklist(_Out):
    """The documentation checklist of one requested item."""

    index: int
    request: str
    predicted: Predicted
    guidelines: list[Guideline] = Field(default_factory=list, description="The deciding rules' guidelines.")
    criteria: list[Criterion] = Field(default_factory=list)
    to_change: list[ChangeSet] = Field(
        default_factory=list, description="Smallest sets of facts that change the outcome together, smallest first."
    )
    search_complete: bool = Field(
        True, description="False when the search for change sets stopped at its budget before trying every set."
    )
    summary: str = Field(description="What must change, in one or two sentences.")
