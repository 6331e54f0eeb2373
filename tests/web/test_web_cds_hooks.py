"""CDS Hooks: discovery, and one card per draft order, checked against the CDS Hooks shapes.

The request and card shapes below are written from the CDS Hooks 2.0 specification
(cds-hooks.hl7.org: "Calling a CDS Service", "CDS Service Response" / "Card Attributes"),
not from the service's own models.
"""

from __future__ import annotations

import base64
import uuid
from typing import Any, Literal

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

# The drug screen is two years old: no current monitoring of aberrant behaviour (CPMTG p. 78-80, 94), so the
# opioid needs both a return to work and an assessment of aberrant behaviour.
NOTE = """PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)
Date of exam: 03/12/2015
Date of injury: 05/02/2012

SUBJECTIVE: Chronic low back pain radiating to the left leg. Pain 7/10 today.

CURRENT MEDICATIONS:
Norco 10/325 mg one tablet every 6 hours as needed for pain, taking since 2013.
Soma 350 mg three times a day since 2014.

Urine drug screen on 01/15/2013 was consistent with prescribed medications.

ASSESSMENT: Lumbar radiculopathy.
"""


# --- the specification's shapes -------------------------------------------------------------

class SpecService(BaseModel):
    model_config = ConfigDict(extra="forbid")
    hook: str
    title: str | None = None
    description: str
    id: str
    prefetch: dict[str, str] | None = None
    usageRequirements: str | None = None


class SpecDiscovery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    services: list[SpecService]


class SpecSource(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: str = Field(min_length=1)
    url: HttpUrl | None = None
    icon: HttpUrl | None = None
    topic: dict[str, Any] | None = None


class SpecLink(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: str
    url: HttpUrl
    type: Literal["absolute", "smart"]
    appContext: str | None = None


class SpecCard(BaseModel):
    model_config = ConfigDict(extra="forbid")
    uuid: str | None = None
    summary: str
    detail: str | None = None
    indicator: Literal["info", "warning", "critical"]
    source: SpecSource
    suggestions: list[dict[str, Any]] | None = None
    selectionBehavior: Literal["at-most-one", "any"] | None = None
    overrideReasons: list[dict[str, Any]] | None = None
    links: list[SpecLink] | None = None

    @field_validator("summary")
    @classmethod
    def _short(cls, value: str) -> str:
        assert 0 < len(value) < 140, "a card's summary must be under 140 characters"
        return value


class SpecResponse(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cards: list[SpecCard]
    systemActions: list[dict[str, Any]] | None = None


def hook_request(note: str | None, orders: list[dict[str, Any]]) -> dict[str, Any]:
    """An order-sign request as an EHR sends it: draft orders in a Bundle, the note prefetched."""
    body: dict[str, Any] = {
        "hook": "order-sign",
        "hookInstance": str(uuid.UUID(int=7)),
        "fhirServer": "https://ehr.example.org/fhir",
        "context": {
            "userId": "PractitionerRole/123", "patientId": "1288992", "encounterId": "89284",
            "draftOrders": {"resourceType": "Bundle", "type": "collection",
                            "entry": [{"resource": o} for o in orders]},
        },
    }
    if note is not None:
        body["prefetch"] = {"note": {
            "resourceType": "DocumentReference", "status": "current",
            "type": {"text": "Progress note"},
            "content": [{"attachment": {"contentType": "text/plain; charset=utf-8",
                                        "data": base64.b64encode(note.encode()).decode()}}],
        }}
    return body


def order(resource_type: str, line: str) -> dict[str, Any]:
    return {"resourceType": resource_type, "status": "draft", "intent": "order", "subject": {"reference": "Patient/1288992"},
            "code": {"text": line}}


def test_discovery_lists_the_service(client: TestClient) -> None:
    response = client.get("/cds-services")
    assert response.status_code == 200
    services = SpecDiscovery.model_validate(response.json()).services
    [service] = services
    assert service.hook == "order-sign" and service.id == "imr-precheck"
    assert "note" in (service.prefetch or {})


def test_one_card_per_order_with_the_guideline_as_source(client: TestClient) -> None:
    orders = [order("MedicationRequest", "Norco 10/325 mg 1 tab q6h #120"),
              order("MedicationRequest", "Soma 350 mg #90"),
              order("ServiceRequest", "Widget therapy x 6")]
    response = client.post("/cds-services/imr-precheck", json=hook_request(NOTE, orders))
    assert response.status_code == 200, response.text
    cards = SpecResponse.model_validate(response.json()).cards
    assert len(cards) == 3
    norco, soma, widget = cards
    # CPMTG 2009: carisoprodol is not recommended (p. 29); opioids need function, pain relief and monitoring.
    assert "Upheld" in soma.summary and soma.indicator == "warning"
    assert "Carisoprodol" in soma.source.label and "29" in soma.source.label
    assert "Upheld" in norco.summary and norco.indicator == "warning"
    assert "Opioids" in norco.source.label
    assert norco.detail is not None
    assert "returned to work: **not documented**" in norco.detail
    assert "only if both are documented" in norco.detail
    assert "citation not yet checked against the guideline text" in norco.detail
    assert "not a determination" in norco.detail
    assert widget.indicator == "info" and "No guideline rule" in widget.summary


def test_a_medication_request_may_name_its_drug_as_medication_text(client: TestClient) -> None:
    med = {"resourceType": "MedicationRequest", "status": "draft", "intent": "order",
           "medicationCodeableConcept": {"text": "Soma 350 mg #90"}}
    response = client.post("/cds-services/imr-precheck", json=hook_request(NOTE, [med]))
    assert response.status_code == 200
    assert "Soma 350 mg #90" in response.json()["cards"][0]["summary"]


@pytest.mark.parametrize(("note", "orders", "field"), [
    (None, [order("ServiceRequest", "Norco 10/325 #120")], "prefetch.note"),
    (NOTE, [], "context.draftOrders.entry"),
    (NOTE, [{"resourceType": "ServiceRequest", "status": "draft", "intent": "order", "code": {}}],
     "context.draftOrders.entry.0.resource.code.text"),
])
def test_a_request_missing_what_the_service_reads_names_the_field(
    client: TestClient, note: str | None, orders: list[dict[str, Any]], field: str,
) -> None:
    response = client.post("/cds-services/imr-precheck", json=hook_request(note, orders))
    assert response.status_code == 422
    assert response.json()["error"]["field"] == field
