"""The versioned JSON endpoints: /v1/evaluate, /v1/extract, /v1/rules, /v1/schema, /healthz."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError

from ..engine.determination import CaseDetermination
from ..facts.model import CaseFacts
from .cds import SERVICE_ID, CdsHooksRequest, CdsHooksResponse, discovery
from .models import (
    ErrorResponse,
    ExtractRequest,
    ExtractResponse,
    Health,
    PrecheckResponse,
    RulesResponse,
    SchemaResponse,
)
from .service import EngineService

_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorResponse, "description": "Body larger than the limit (1 MB by default)."},
    422: {"model": ErrorResponse, "description": "Invalid input: the error names the field (pydantic location)."},
}


M = TypeVar("M", bound=BaseModel)

#: Bodies are validated from the raw bytes in pydantic's JSON mode (several times faster than
#: FastAPI's json.loads + python-mode validation); app.py adds their schemas to the OpenAPI document.
BODIES: dict[str, type[BaseModel]] = {
    "/v1/evaluate": CaseFacts, "/v1/precheck": CaseFacts, "/v1/extract": ExtractRequest,
    f"/cds-services/{SERVICE_ID}": CdsHooksRequest,
}


def _documented_body(path: str) -> dict[str, Any]:
    ref = f"#/components/schemas/{BODIES[path].__name__}-Input"
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref}}}}}


async def body_as(model: type[M], request: Request) -> M:
    """The request body as *model*; errors located under 'body' exactly as FastAPI would."""
    raw = await request.body()
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if not (media == "application/json" or media.endswith("+json")):
        raise RequestValidationError([{"type": "content_type", "loc": ("body",), "input": None,
                                       "msg": "the body must be a JSON object sent with Content-Type: application/json"}])
    if not raw:
        raise RequestValidationError([{"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}])
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_input=False, include_url=False)]
        ) from None


_DISCOVERY = json.dumps(discovery())


async def _size(request: Request) -> int:
    """The body's size in bytes (already read and cached by `body_as`)."""
    return len(await request.body())


def _json(text: str) -> Response:
    return Response(text, media_type="application/json")


def build_router(service: EngineService) -> APIRouter:
    """Routes bound to one engine service (one rule set)."""
    router = APIRouter()

    @router.post(
        "/v1/evaluate", tags=["engine"], summary="Predict each requested item of a case",
        response_model=CaseDetermination, responses=_ERRORS,
        description=(
            "Body: case facts (GET /v1/schema). Answer: per requested item, the predicted outcome, the rules "
            "that fired with their citations, the facts used with their evidence, the rationale and what would "
            "change it -- the same JSON document `imr evaluate --json` prints."
        ),
        openapi_extra=_documented_body("/v1/evaluate"),
    )
    async def evaluate(
        request: Request,
        as_of: Annotated[dt.date | None, Query(
            description="Evaluation date when the case has no as_of, UR decision date or dated report (like --as-of)."
        )] = None,
    ) -> Response:
        case = await body_as(CaseFacts, request)
        request.state.case_id = case.case_id
        return _json(await service.run_sized(await _size(request), "evaluate_json", case, as_of))

    @router.post(
        "/v1/precheck", tags=["engine"], summary="Predict each item of a case, with its documentation checklist",
        response_model=PrecheckResponse, responses=_ERRORS,
        description=(
            "Body: case facts, as /v1/evaluate takes them (e.g. the draft from /v1/extract, corrected). Answer: the "
            "determination /v1/evaluate gives, and per item the criteria of the deciding rules marked documented "
            "(with the quote), documented absent or not documented, and the smallest sets of facts that change the "
            "outcome together -- found by re-evaluating the rules with the missing facts supplied."
        ),
        openapi_extra=_documented_body("/v1/precheck"),
    )
    async def precheck(
        request: Request,
        as_of: Annotated[dt.date | None, Query(description="Evaluation date, as for /v1/evaluate.")] = None,
    ) -> Response:
        case = await body_as(CaseFacts, request)
        request.state.case_id = case.case_id
        return _json(await service.run_sized(await _size(request), "precheck_json", case, as_of))

    @router.get("/cds-services", tags=["cds-hooks"], summary="CDS Hooks discovery: the pre-check service")
    async def cds_discovery() -> Response:
        return _json(_DISCOVERY)

    @router.post(
        f"/cds-services/{SERVICE_ID}", tags=["cds-hooks"], response_model=CdsHooksResponse, responses=_ERRORS,
        summary="CDS Hooks order-sign: one card per draft order",
        description=(
            "A CDS Hooks request whose context.draftOrders is a FHIR Bundle of the draft orders (each order's "
            "code.text is the request line, as on an RFA) and whose prefetch.note is a DocumentReference with the "
            "progress note as a text/plain attachment (base64 data). Answer: one card per order -- indicator "
            "warning when IMR would likely uphold a denial, info otherwise; the guideline citation as source; "
            "the documentation checklist as detail. Nothing is fetched from the FHIR server."
        ),
        openapi_extra=_documented_body(f"/cds-services/{SERVICE_ID}"),
    )
    async def cds_service(request: Request) -> Response:
        body = await body_as(CdsHooksRequest, request)
        return _json(await service.run_sized(await _size(request), "cds_json", body))

    @router.post(
        "/v1/extract", tags=["engine"], summary="Draft case facts from a note and request lines",
        response_model=ExtractResponse,
        responses=_ERRORS,
        description=(
            "Body: free text (a progress note or a letter) and optional request lines. Answer: a draft case whose "
            "facts carry evidence quotes with character offsets (start, end) into the text. Correct it and POST it "
            "to /v1/evaluate."
        ),
        openapi_extra=_documented_body("/v1/extract"),
    )
    async def extract(request: Request) -> Response:
        body = await body_as(ExtractRequest, request)
        request.state.case_id = body.case_id
        return _json(await service.run_sized(await _size(request), "extract_json", body.text, body.requests,
                                             body.case_id))

    @router.get("/v1/rules", tags=["rules"], summary="Every rule with its citation and effective dates",
                response_model=RulesResponse)
    async def rules(
        as_of: Annotated[dt.date | None, Query(
            description="List only the rules in force on this date, under the MTUS generation in force then."
        )] = None,
    ) -> Response:
        return _json(service.rules_json if as_of is None else service.rules_json_at(as_of))

    @router.get("/v1/schema", tags=["rules"], summary="JSON Schema of case facts (the body of /v1/evaluate)",
                response_model=SchemaResponse)
    async def schema() -> Response:
        return _json(service.schema_json)

    @router.get("/healthz", tags=["service"], summary="Liveness, with the loaded rule set's version",
                response_model=Health)
    async def healthz() -> Response:
        return _json(service.health_json())

    return router
