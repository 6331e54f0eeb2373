"""Running the service on uvicorn: what `imr serve` starts, callable from a script too.

Checks what it can before the server starts -- the web extra is installed, the
rule book loads, the address is free -- so a mistake is one ServeError (one line
on stderr from the CLI), not a server log full of tracebacks.
"""

from __future__ import annotations

import os
import socket
from typing import Any

from ..errors import ImrError
from . import DEFAULT_MAX_BODY

#: Seconds a worker process may take to start answering its supervisor. Each worker compiles its own
#: engine at start (about a second on a quiet core); on a loaded machine that outlasts uvicorn's 5 s
#: default, and the supervisor would kill and restart the worker again and again.
WORKER_START_TIMEOUT_S = 60


class ServeError(ImrError):
    """The server cannot start: missing extra, address in use."""


def log_config() -> dict[str, Any]:
    """uvicorn's own messages plus ours (imr_engine.web: one line per request), no access log."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "imr_engine.web": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        },
    }


def check_address(host: str, port: int) -> None:
    """ServeError unless *host*:*port* can be listened on now."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            probe.bind(address)
        except OSError as exc:
            raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def worker_supervision() -> dict[str, Any]:
    """uvicorn options for several worker processes: time enough for a worker to compile its engine."""
    return {"timeout_worker_healthcheck": WORKER_START_TIMEOUT_S}


def _http_protocol() -> Any:
    """uvicorn's httptools protocol answering malformed framing with our JSON error, else uvicorn's default."""
    try:
        from .framing import JsonErrorHttpTools
    except ImportError:  # httptools is not installed: uvicorn parses with h11 and answers in plain text
        return "auto"
    return JsonErrorHttpTools


def serve(
    host: str = "127.0.0.1", port: int = 8000, *, workers: int = 1, rules_dir: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
) -> None:
    """Serve the page and the API until stopped; *workers* processes each compile their own engine."""
    try:
        import uvicorn
    except ModuleNotFoundError:
        raise ServeError("imr serve needs the web extra: python3 -m pip install 'imr-engine[web]'") from None
    from ..engine import load_engine
    from .app import ENV_MAX_BODY, ENV_RULES, create_app

    load_engine(rules_dir)  # a broken rule book fails here, once, with its file and line
    check_address(host, port)
    if rules_dir:
        os.environ[ENV_RULES] = os.path.abspath(rules_dir)  # also read by the framing-error answer
    common: dict[str, Any] = {
        "host": host, "port": port, "access_log": False, "log_config": log_config(),
        "server_header": False, "http": _http_protocol(),
    }
    if workers == 1:
        uvicorn.run(create_app(rules_dir, max_body_bytes=max_body), **common)
    else:  # each worker process imports the app afresh: hand the settings over in the environment
        os.environ[ENV_MAX_BODY] = str(max_body)
        uvicorn.run("imr_engine.web.app:app_from_environment", factory=True, workers=workers,
                    **common, **worker_supervision())
