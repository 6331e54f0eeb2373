"""ASGI middleware: body-size limit, request ids, the rules-version header, timing logs.

Plain ASGI rather than Starlette's BaseHTTPMiddleware: it is cheaper per request
and sees every response, including the ones it makes itself (413, 500).
Logs carry ids, status and timings only, never the body: case content stays out.
"""

from __future__ import annotations

import logging
import re
import secrets
import time
import traceback
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .errors import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("imr_engine.web")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


async def _send_json(send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    await send({
        "type": "http.response.start", "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                    *(headers or [])],
    })
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse request bodies over *max_bytes* with 413, whether declared or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int, version: str) -> None:
        self.app, self.max_bytes, self.version = app, max_bytes, version

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, send)
            return
        body = bytearray()
        while True:  # read the whole body (at most max_bytes + one chunk) before the app sees it
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay(b"", message, receive), send)
                return
            body += message.get("body", b"")
            if len(body) > self.max_bytes:
                await self._refuse(scope, send)
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(bytes(body), None, receive), send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        message = f"the request body is larger than the limit of {self.max_bytes} bytes"
        rid = scope.get("state", {}).get("request_id")
        await _send_json(send, 413, error_body(413, message, self.version, request_id=rid), [(b"connection", b"close")])


def _replay(body: bytes, first: Message | None, receive: Receive) -> Receive:
    """A receive() that hands out the buffered body once, then defers to the server's."""
    pending: list[Message] = [first] if first is not None else [{"type": "http.request", "body": body, "more_body": False}]

    async def replay() -> Message:
        return pending.pop() if pending else await receive()

    return replay


class RequestLog:
    """Give each request an id, stamp every response with it and the rules version, log the timing.

    An exception that escapes the app becomes a JSON 500 here, logged by type and the
    line that raised it only: exception messages can quote the input.
    """

    def __init__(self, app: ASGIApp, version: str) -> None:
        self.app, self.version = app, version
        self._version_header = (b"x-rules-version", version.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = _header(scope, b"x-request-id")
        rid = given if given and _SAFE_ID.match(given) else secrets.token_hex(8)
        state = scope.setdefault("state", {})
        state["request_id"] = rid
        started = time.perf_counter()
        status = 0
        extra = [self._version_header, (b"x-request-id", rid.encode())]

        async def stamped(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, receive, stamped)
        except Exception as exc:  # noqa: BLE001 - the last line of defence: JSON, no traceback
            where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
            log.error("request_id=%s unhandled %s at %s", rid, type(exc).__name__,
                      f"{where.filename.rsplit('/', 1)[-1]}:{where.lineno} in {where.name}" if where else "?")
            if status == 0:
                body = error_body(500, f"internal error (request id {rid})", self.version, request_id=rid)
                await _send_json(stamped, 500, body)
        finally:
            ms = (time.perf_counter() - started) * 1000
            case_id = state.get("case_id")
            log.info(
                "request_id=%s method=%s path=%r status=%d ms=%.1f%s",
                rid, scope.get("method"), scope.get("path", "")[:100], status, ms,
                f" case_id={case_id[:80]!r}" if isinstance(case_id, str) else "",
            )
