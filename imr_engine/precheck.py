"""The pre-check: a progress note and the request lines in, a predicted determination per item out.

What UR staff do before deciding a request, as one library call shared by `imr precheck`
and the web layer: read the note into draft case facts (every fact quoted), then apply the
rule book at the as-of date (explicit, else read from the note).
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from .checklist import ItemChecklist, document_checklist
from .engine import CaseDetermination, Engine
from .extract import extract_text
from .facts import CaseFacts


class PrecheckResult(BaseModel):
    """The facts read from the note and the determination made from them."""

    model_config = ConfigDict(extra="forbid")

    case: CaseFacts
    determination: CaseDetermination
    checklist: list[ItemChecklist] = Field(
        default_factory=list, description="Per item: the deciding rules' criteria and what must change together."
    )


def precheck(
    engine: Engine, note: str, requests: list[str], *, as_of: dt.date | None = None, case_id: str = "precheck"
) -> PrecheckResult:
    """Read *note*, decide each of *requests*; raises ImrError for text that cannot be read."""
    case = extract_text(note, requests, case_id=case_id, vocabulary=engine.names)
    return check_case(engine, case, as_of=as_of)


def check_case(engine: Engine, case: CaseFacts, *, as_of: dt.date | None = None) -> PrecheckResult:
    """Decide each item of a (corrected) case and list its documentation checklist."""
    determination = engine.evaluate(case, as_of=as_of)
    return PrecheckResult(case=case, determination=determination,
                          checklist=document_checklist(engine, case, determination))
