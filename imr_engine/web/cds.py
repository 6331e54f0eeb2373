"""CDS Hooks: the pre-check called from an electronic record when orders are about to be signed.

The record sends the draft orders (a FHIR Bundle; each order's `code.text` is the request line
as it would go on the RFA) and, prefetched, the latest progress note (a DocumentReference with
the note as a base64 `text/plain` attachment). The service answers one card per order: the
predicted IMR outcome, the guideline as the card's source, the documentation checklist as its
detail. Nothing is fetched from the record's FHIR server: only what the request carries is read.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..checklist import ItemChecklist
from ..checklist.render import DISCLAIMER, UNCHECKED, applied
from ..engine import Determination
from ..precheck import PrecheckResult
from .errors import FieldProblem

SERVICE_ID = "imr-precheck"
HOOK = "order-sign"
_STATUS_WORDS = {"documented": "documented", "documented_absent": "documented absent", "not_documented": "**not documented**"}


class _Open(BaseModel):
    """FHIR and CDS Hooks objects carry more than we read: extra fields are kept, not refused."""

    model_config = ConfigDict(extra="allow")


class CdsHooksRequest(_Open):
    """The CDS Hooks request body (the parts this service reads)."""

    hook: str = Field(description="The hook that fired; this service answers order-sign and order-select.")
    hookInstance: str = Field(min_length=1)
    context: dict[str, Any] = Field(description="draftOrders: a FHIR Bundle of the orders being signed.")
    prefetch: dict[str, Any] | None = Field(None, description="note: the progress note as a DocumentReference.")


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: str
    url: str | None = None


class Card(BaseModel):
    """A CDS Hooks card (summary under 140 characters, indicator, source, markdown detail)."""

    model_config = ConfigDict(extra="forbid")
    uuid: str | None = None
    summary: str = Field(max_length=139)
    indicator: Literal["info", "warning", "critical"]
    detail: str | None = None
    source: Source


class CdsHooksResponse(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cards: list[Card]


def _md(text: str) -> str:
    """Note and request text as literal markdown: their asterisks, brackets and tags do nothing."""
    return "".join("\\" + ch if ch in "\\`*_{}[]<>()#+-!|" else ch for ch in text)


def discovery() -> dict[str, Any]:
    """The body of GET /cds-services."""
    return {"services": [{
        "hook": HOOK,
        "id": SERVICE_ID,
        "title": "IMR pre-check",
        "description": (
            "Predicts, for each draft order, how a California workers' compensation Independent Medical Review "
            "would likely decide it under the MTUS and ODG, with the guideline section and a documentation "
            "checklist from the progress note."
        ),
        "prefetch": {"note": "DocumentReference?patient={{context.patientId}}&status=current&_sort=-date&_count=1"},
    }]}


def request_lines(body: CdsHooksRequest) -> list[str]:
    """Each draft order's request line: `code.text` (a MedicationRequest's medication text also counts)."""
    bundle = body.context.get("draftOrders")
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        raise FieldProblem("context.draftOrders", "context.draftOrders must be a FHIR Bundle of the draft orders")
    lines: list[str] = []
    for i, entry in enumerate(bundle.get("entry") or []):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        text = _order_text(resource) if isinstance(resource, dict) else None
        if not text:
            raise FieldProblem(f"context.draftOrders.entry.{i}.resource.code.text",
                               f"draft order {i + 1} has no code.text: write the request line there, as on the RFA")
        lines.append(text)
    if not lines:
        raise FieldProblem("context.draftOrders.entry", "context.draftOrders holds no orders")
    return lines


def _order_text(resource: dict[str, Any]) -> str | None:
    for key in ("code", "medicationCodeableConcept"):
        concept = resource.get(key)
        if isinstance(concept, dict):
            if isinstance(concept.get("text"), str) and concept["text"].strip():
                return str(concept["text"]).strip()
            for coding in concept.get("coding") or []:
                if isinstance(coding, dict) and isinstance(coding.get("display"), str) and coding["display"].strip():
                    return str(coding["display"]).strip()
    return None


def note_text(body: CdsHooksRequest) -> str:
    """The progress note from prefetch.note: a DocumentReference (or a search Bundle holding one)."""
    note = (body.prefetch or {}).get("note")
    if isinstance(note, dict) and note.get("resourceType") == "Bundle":
        entries = [e.get("resource") for e in note.get("entry") or [] if isinstance(e, dict)]
        note = next((r for r in entries if isinstance(r, dict)), None)
    if not isinstance(note, dict) or note.get("resourceType") != "DocumentReference":
        raise FieldProblem("prefetch.note", "prefetch.note must be the progress note as a FHIR DocumentReference")
    for i, content in enumerate(note.get("content") or []):
        attachment = content.get("attachment") if isinstance(content, dict) else None
        if not isinstance(attachment, dict):
            continue
        kind = str(attachment.get("contentType", "")).split(";")[0].strip().lower()
        if kind != "text/plain" or not isinstance(attachment.get("data"), str):
            continue
        try:
            text = base64.b64decode(attachment["data"], validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise FieldProblem(f"prefetch.note.content.{i}.attachment.data",
                               "the note's data is not base64-encoded UTF-8 text") from None
        if text.strip():
            return text
    raise FieldProblem("prefetch.note.content", "prefetch.note has no text/plain attachment with the note as base64 data")


def cards(result: PrecheckResult) -> CdsHooksResponse:
    """One card per order, in order."""
    checklists = {c.index: c for c in result.checklist}
    return CdsHooksResponse(cards=[_card(d, checklists[d.index], result) for d in result.determination.items])


_GLOSS = {"Upheld": "Likely Upheld at IMR (not medically necessary)",
          "Overturned": "Likely Overturned at IMR (medically necessary)",
          "Indeterminate": "No guideline rule covers it"}


def _card(d: Determination, checklist: ItemChecklist, result: PrecheckResult) -> Card:
    summary = f"{_GLOSS[d.predicted]}: {d.request}"
    if len(summary) > 139:
        summary = summary[:138] + "…"
    decisive = [r for r in d.rules if r.decisive]
    label = decisive[0].citation_label if decisive else "imr-engine rule book (no rule covers this item)"
    return Card(
        summary=summary,
        indicator="warning" if d.predicted == "Upheld" else "info",
        source=Source(label=label),
        detail=_detail(d, checklist, result),
    )


def _detail(d: Determination, checklist: ItemChecklist, result: PrecheckResult) -> str:
    lines = [f"**Predicted: {d.predicted}**" + (f" (decided by {d.decided_by} rules)" if d.decided_by else "")
             + f", rules applied as of {result.determination.as_of}."]
    for (generation, checked), _ in applied(checklist).items():
        lines.append(f"Guideline generation applied: {generation}" + ("" if checked else f"; {UNCHECKED}") + ".")
    if checklist.criteria:
        lines.append("")
        lines.append("Documentation checklist:")
        for c in checklist.criteria:
            quote = f' — "{_md(c.quote)}"' if c.quote else ""
            where = " (request line)" if c.source == "request" else ""
            lines.append(f"- {c.label}{where}: {_STATUS_WORDS[c.status]}{quote}")
    lines += ["", _md(checklist.summary)]
    if d.advisories:
        lines += ["", "Advice:", *(f"- {_md(a)}" for a in d.advisories)]
    lines += ["", f"_{DISCLAIMER}_"]
    return "\n".join(lines)
