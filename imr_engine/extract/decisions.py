"""What decision rationales say about the case (read only with use_rationale).

A rationale mixes guideline text ("The MTUS does not recommend ...", "Long-term use
may be appropriate if the patient ...") with statements about this patient ("He
continues to rate his pain as an 8/10", "The records reflect that this medication was
being prescribed for long term use"). Only the latter are read: a sentence is about
the case when it refers to the patient, the records or this request (or gives a
date) before any guideline name, and does not speak in the guideline's modal voice.

Each item's rationale also tells about its requested drug: "ongoing ... therapy",
"the current regimen", "continuation of this medication", "being prescribed" -> the
drug is current and the request continues it; "this medication" refers to it.
"""

from __future__ import annotations

import re

from ..requests.model import RequestedItem
from .context import Context
from .dates import find_dates
from .draft import Drug, add_evidence
from .findings import clause_evidence
from .medications import LIST_LEADS, describe, read_long_term, read_medication_lists
from .negation import negated_nearby
from .sentences import Sentence
from .word_gate import finditer

_I = re.IGNORECASE
_CASE_REF = re.compile(
    r"\b(?:the|this)\s+(?:injured\s+(?:worker|employee)|patient|claimant|employee)\b(?!s)|^patient\b"
    r"|\b(?:he|she|his|her|him)\b|\b(?:the|these)\s+(?:medical\s+)?(?:records?|documents|documentation|physician\s+notes"
    r"|progress\s+notes?|notes|reports?)\b|\bin\s+this\s+case\b|\b(?:this|the)\s+request\b|\bcurrent\s+(?:treatment\s+)?regimen\b",
    _I,
)
_GUIDELINE = re.compile(
    r"\b(?:MTUS|ODG|ACOEM|guidelines?|FDA|Official\s+Disabilit\w+|Chronic\s+Pain\s+Medical\s+Treatment)\b", _I
)
_MODAL = re.compile(r"\b(?:may|should|must|can|could|might)\b", _I)
_CURRENT = re.compile(
    r"\bongoing\s+(?:[\w-]+\s+){0,3}?(?:therapy|treatment|use)\b|\bcurrent\s+(?:treatment\s+)?regimen\b"
    r"|\bcontinuation\s+of\s+(?:this|the)\s+(?:medication|drug|treatment)\b|\b(?:being|is|was)\s+prescribed\b"
    r"|\bcontinued\s+use\b|\bto\s+(?:maintain|continue)\s+(?:the\s+)?(?:treatment|therapy|medication|use)\b",
    _I,
)
_WEAN_REQUEST = re.compile(r"\brequest\s+(?:is|was)\s+(?:for\s+)?(?:a\s+)?(?:weaning|taper(?:ing)?)\b", _I)


def is_case_statement(text: str) -> bool:
    """True when a rationale sentence states something about this patient, not the guideline."""
    ref = _CASE_REF.search(text)
    dates = find_dates(text, years=False)
    if ref is None and not dates:
        return False
    first = min([x for x in ((ref.start() if ref else None), (dates[0].start if dates else None)) if x is not None])
    guideline = _GUIDELINE.search(text)
    if guideline is not None and guideline.start() < first:
        return False
    return not (_MODAL.search(text) and not dates)


def case_statements(sentences: list[Sentence]) -> list[Sentence]:
    return [s for s in sentences if is_case_statement(s.text)]


#: In a rationale only "being prescribed X" / "taking X" name the patient's drugs ("the request for X" does not).
_PRESCRIBED = tuple(lead for lead in LIST_LEADS if lead[1] == "current" and not lead[2])


def read_prescribed(sentences: list[Sentence], ctx: Context) -> None:
    """'being prescribed Fentanyl, Percocet, and Methadone' in a rationale: current drugs."""
    read_medication_lists(sentences, ctx, leads=_PRESCRIBED)


def read_item_rationale(sentences: list[Sentence], ctx: Context, index: int, item: RequestedItem) -> None:
    """Facts a rationale states about its own requested item."""
    drug = item_drug(ctx, item) if item.kind in ("drug", "supply") else None
    for s in sentences:
        for m in finditer(_CURRENT, s.text):
            if negated_nearby(s.text, m.start(), 2) or item.kind not in ("drug", "supply"):
                continue
            ev = clause_evidence(s, m.start(), m.end())
            if drug is None:
                identity, ingredients, classes = describe(ctx, item.name)
                drug = ctx.draft.drug(
                    item.name, identity, tuple(item.ingredients) or ingredients, classes, "current", ev
                )
            else:
                if drug.status in ("unknown", "current"):
                    drug.status = "current"
                add_evidence(drug.evidence, ev)
            set_purpose(ctx, index, "continue", ev)
        for m in finditer(_WEAN_REQUEST, s.text):
            if not negated_nearby(s.text, m.start() + len("request "), 3):
                set_purpose(ctx, index, "wean", clause_evidence(s, m.start(), m.end()))
        read_long_term(s, ctx, drug)


def item_drug(ctx: Context, item: RequestedItem) -> Drug | None:
    identity, ingredients, _ = describe(ctx, item.name)
    return ctx.draft.find_drug(identity, tuple(item.ingredients) or ingredients, item.name)


def set_purpose(ctx: Context, index: int, purpose: str, evidence: object) -> None:
    request = ctx.draft.requests[index]
    if request["purpose"] in ("unknown", purpose) or purpose == "wean":
        request["purpose"] = purpose
        add_evidence(request["evidence"], evidence)  # type: ignore[arg-type]
