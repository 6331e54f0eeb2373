"""Every failure as one JSON shape: status, a one-line message naming the field, no traceback.

Bad input is the caller's to fix, so it must say *where* (pydantic's location)
and *what*; the submitted values are never echoed back (they may be case content).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from ..errors import ImrError
from .models import ErrorDetail, ErrorResponse, FieldError

_SECTIONS = ("body", "query", "path", "header")


class FieldProblem(ImrError):
    """Input that validates but cannot be used, pinned to the field the caller must change."""

    def __init__(self, field: str, message: str, *, source: str | None = None) -> None:
        self.field = field
        super().__init__(message, source=source)


class Overloaded(ImrError):
    """A large request that did not finish in time (its process was stopped): 503, try a smaller one."""


def dotted(loc: Sequence[str | int]) -> str:
    """'requests.0.text' for ('body', 'requests', 0, 'text'); the section prefix is implied."""
    parts = list(loc[1:]) if loc and loc[0] in _SECTIONS else list(loc)
    return ".".join(str(p) for p in parts) or (str(loc[0]) if loc else "(body)")


def _is_json(content_type: str | None) -> bool:
    media = (content_type or "").split(";")[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def _field_error(err: dict[str, Any], content_type: str | None) -> FieldError:
    loc = [p if isinstance(p, int) else str(p) for p in err.get("loc", ())]
    message = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    kind = err.get("type")
    if kind == "json_invalid":
        reason = str((err.get("ctx") or {}).get("error", "")) or message.removeprefix("Invalid JSON: ")
        message = f"the body is not valid JSON ({reason})" if reason else "the body is not valid JSON"
        loc = ["body"]
    elif loc == ["body"] and kind == "missing":
        message = "a JSON body is required"
    elif loc == ["body"] and kind in ("model_attributes_type", "model_type"):
        message = ("the body must be a JSON object" if _is_json(content_type)
                   else "the body must be a JSON object sent with Content-Type: application/json")
    return FieldError(field=dotted(loc), loc=loc, message=message, type=str(kind or "value_error"))


def error_body(status: int, message: str, version: str, *, errors: list[FieldError] | None = None,
               field: str | None = None, request_id: str | None = None) -> bytes:
    detail = ErrorDetail(status=status, message=message, field=field, errors=errors or [], request_id=request_id)
    body = ErrorResponse(error=detail, rules_version=version).model_dump(mode="json")
    return json.dumps(body, sort_keys=True, ensure_ascii=False).encode()


def request_id(request: Request) -> str | None:
    """The id RequestLog gave this request, for the error body (so a caller can quote it)."""
    rid = request.scope.get("state", {}).get("request_id")
    return rid if isinstance(rid, str) else None


def json_error(status: int, message: str, version: str, **kw: Any) -> Response:
    return Response(error_body(status, message, version, **kw), status_code=status, media_type="application/json")


def install_error_handlers(app: FastAPI, version: str) -> None:
    """Turn validation errors, HTTP errors and ImrErrors into the one error shape."""

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [_field_error(e, request.headers.get("content-type")) for e in exc.errors()]
        first = errors[0] if errors else FieldError(field="(body)", loc=["body"], message="invalid input", type="value_error")
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        message = f"{first.field}: {first.message}{more}" if first.loc != ["body"] else first.message + more
        return json_error(422, message, version, errors=errors, field=first.field, request_id=request_id(request))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        response = json_error(exc.status_code, message, version, request_id=request_id(request))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(ImrError)
    async def _imr(request: Request, exc: ImrError) -> Response:
        field = exc.field if isinstance(exc, FieldProblem) else None
        status = 503 if isinstance(exc, Overloaded) else 422
        return json_error(status, exc.one_line(), version, field=field, request_id=request_id(request))
