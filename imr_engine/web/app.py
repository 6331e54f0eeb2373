"""The application factory: one rule set, its routes, the page, limits and error handling."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from pydantic.json_schema import models_json_schema

from .. import __version__
from . import DEFAULT_MAX_BODY
from .errors import install_error_handlers
from .middleware import BodyLimit, RequestLog
from .routes import BODIES, build_router
from .service import EngineService

STATIC_DIR = Path(__file__).resolve().parent / "static"
#: The page loads only its own files: no inline script, nothing from elsewhere.
_PAGE_HEADERS = {
    "content-security-policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "cache-control": "no-cache",
}

ENV_RULES, ENV_MAX_BODY = "IMR_RULES_DIR", "IMR_MAX_BODY_BYTES"


def create_app(rules_dir: str | Path | None = None, *, max_body_bytes: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The pre-check app over the rule book in *rules_dir* (default: the bundled one)."""
    service = EngineService(rules_dir)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        service.close()

    app = FastAPI(
        title="imr-engine pre-check",
        version=__version__,
        summary="Predict California workers' compensation IMR determinations per requested item, with citations.",
        description=(
            "Every response carries the loaded rule set's content hash: `rules_version` in JSON bodies and the "
            "`X-Rules-Version` header. Errors are JSON: `{\"error\": {\"status\", \"message\", \"field\", \"errors\"}}`."
        ),
        lifespan=lifespan,
        docs_url=None,  # FastAPI's viewer loads from a CDN: /docs is our own page, which works offline
        redoc_url=None,
    )
    app.state.service = service
    app.include_router(build_router(service))
    install_error_handlers(app, service.version)
    _add_page(app)
    _stamp_openapi(app, service.version)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes, version=service.version)
    app.add_middleware(RequestLog, version=service.version)  # outermost: sees the 413s too
    return app


def app_from_environment() -> FastAPI:
    """Factory for uvicorn worker processes (`imr serve --workers N`), configured through the environment."""
    max_body = os.environ.get(ENV_MAX_BODY)
    return create_app(os.environ.get(ENV_RULES) or None,
                      max_body_bytes=int(max_body) if max_body else DEFAULT_MAX_BODY)


def _add_page(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers=_PAGE_HEADERS)

    @app.api_route("/docs", methods=["GET", "HEAD"], include_in_schema=False)
    async def docs() -> FileResponse:
        return FileResponse(STATIC_DIR / "docs.html", headers=_PAGE_HEADERS)


def _add_bodies(schema: dict[str, Any]) -> None:
    """The JSON bodies routes read themselves (routes.body_as), in input mode, in the OpenAPI document.

    Input and output schemas of one model differ (defaults are optional on input), so the input
    definitions go in under their own names, as FastAPI names its own: 'CaseFacts-Input'.
    """
    models = [(model, "validation") for model in BODIES.values()]
    _, top = models_json_schema(models, ref_template="#/components/schemas/{model}-Input")  # type: ignore[arg-type]
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name, definition in top["$defs"].items():
        components[f"{name}-Input"] = definition


def _stamp_openapi(app: FastAPI, version: str) -> None:
    """The OpenAPI document names the rule set too (`info.x-rules-version`)."""
    default = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = default()
            schema["info"]["x-rules-version"] = version
            _add_bodies(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
