"""The versioned JSON endpoints: /v1/evaluate, /v1/extract, /v1/rules, /v1/schema, /healthz."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ..engine.determination import CaseDetermination
from ..facts.model import CaseFacts
from .errors import json_error, request_id
from .models import ErrorResponse, ExtractRequest, ExtractResponse, Health, RulesResponse, SchemaResponse
from .service import EngineService

_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorResponse, "description": "Body larger than the limit (1 MB by default)."},
    422: {"model": ErrorResponse, "description": "Invalid input: the error names the field (pydantic location)."},
}


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
            "change it -- byte for byte what `imr evaluate --json` prints."
        ),
    )
    async def evaluate(
        case: CaseFacts, request: Request,
        as_of: dt.date | None = Query(
            None, description="Evaluation date when the case has no as_of, UR decision date or dated report (like --as-of)."
        ),
    ) -> Response:
        request.state.case_id = case.case_id
        return _json(await service.run(service.evaluate_json, case, as_of))

    @router.post(
        "/v1/extract", tags=["engine"], summary="Draft case facts from a note and request lines",
        response_model=ExtractResponse,
        responses={**_ERRORS, 501: {"model": ErrorResponse, "description": "Extraction is not part of this build."}},
        description=(
            "Body: free text (a progress note or a letter) and optional request lines. Answer: a draft case whose "
            "facts carry evidence quotes with character offsets (start, end) into the text. Correct it and POST it "
            "to /v1/evaluate."
        ),
    )
    async def extract(body: ExtractRequest, request: Request) -> Response:
        request.state.case_id = body.case_id
        if not service.extraction_available:
            return json_error(501, "fact extraction (imr_engine.extract) is not part of this build", service.version,
                              request_id=request_id(request))
        return _json(await service.run(service.extract_json, body.text, body.requests, body.case_id))

    @router.get("/v1/rules", tags=["rules"], summary="Every rule with its citation and effective dates",
                response_model=RulesResponse)
    async def rules() -> Response:
        return _json(service.rules_json)

    @router.get("/v1/schema", tags=["rules"], summary="JSON Schema of case facts (the body of /v1/evaluate)",
                response_model=SchemaResponse)
    async def schema() -> Response:
        return _json(service.schema_json)

    @router.get("/healthz", tags=["service"], summary="Liveness, with the loaded rule set's version",
                response_model=Health)
    async def healthz() -> Response:
        return _json(service.health_json())

    return router
