"""Malformed HTTP framing answered with the documented JSON error, not uvicorn's plain text.

uvicorn refuses a request it cannot parse (a bad request line, a header without a colon,
a broken chunk) before the application ever sees it, with `400 Invalid HTTP request
received.` as text/plain. These protocol classes keep uvicorn's parsing and only change
that answer to the JSON error body every other failure has. Passed as `uvicorn.run(http=...)`.
"""

from __future__ import annotations

import os

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .errors import error_body

_MESSAGE = "malformed HTTP request: it could not be parsed"


def _version() -> str:
    """The served rule book's version (compiled already in this process: the app was built first)."""
    from ..engine import load_engine

    return load_engine(os.environ.get("IMR_RULES_DIR") or None).book.version


def framing_error_response() -> bytes:
    body = error_body(400, _MESSAGE, _version())
    head = (b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: "
            + str(len(body)).encode() + b"\r\nconnection: close\r\n\r\n")
    return head + body


class JsonErrorHttpTools(HttpToolsProtocol):
    """uvicorn's httptools protocol, with a JSON 400 for malformed framing."""

    def send_400_response(self, msg: str) -> None:
        self.transport.write(framing_error_response())
        self.transport.close()
