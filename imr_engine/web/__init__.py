"""The pre-check service: the engine over HTTP, and the page UR staff use in a browser.

`create_app()` builds the FastAPI application; `imr serve` runs it on uvicorn.
FastAPI is an optional extra (`imr-engine[web]`): this package imports without it,
so `imr --help` works on an install without the extra, and `imr serve` says what to install.
"""

from __future__ import annotations

from typing import Any

DEFAULT_MAX_BODY = 1_000_000  # bytes: a long progress note is ~50 kB, a full case ~15 kB

__all__ = ["DEFAULT_MAX_BODY", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
