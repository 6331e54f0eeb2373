"""The pre-check service: the engine over HTTP, and the page UR staff use in a browser.

`create_app()` builds the FastAPI application; `imr serve` runs it on uvicorn.
"""

from .app import create_app

__all__ = ["create_app"]
