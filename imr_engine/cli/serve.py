"""`imr serve`: the pre-check page and the JSON API over HTTP (uvicorn).

Checks what it can before the server starts -- the web extra is installed, the
rule book loads, the address is free -- so a mistake is one line on stderr and
exit code 2, not a server log full of tracebacks.
"""

from __future__ import annotations

import argparse
import os
import socket
from typing import Any

from ..errors import ImrError
from .evaluate import add_rules_option

_DESCRIPTION = (
    "Serve the pre-check page (paste a note and the requested items, get cited per-item predictions) "
    "and the JSON API: POST /v1/evaluate, POST /v1/extract, GET /v1/rules, GET /v1/schema, GET /healthz; "
    "OpenAPI at /openapi.json and /docs. Logs carry request ids, case ids and timings only."
)


class ServeError(ImrError):
    """The server cannot start: missing extra, address in use."""


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number (1-65535)")
    return int(text)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a positive whole number")
    return int(text)


def register(sub: argparse._SubParsersAction) -> None:
    from ..web import DEFAULT_MAX_BODY

    p = sub.add_parser("serve", help="serve the pre-check web page and the JSON API", description=_DESCRIPTION)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=_port, default=8000, help="port to listen on (default: 8000)")
    p.add_argument("--workers", type=_positive, default=1,
                   help="worker processes, each with its own engine (default: 1; use the number of cores for throughput)")
    p.add_argument("--max-body", type=_positive, default=DEFAULT_MAX_BODY, metavar="BYTES",
                   help=f"largest request body accepted; larger ones get 413 (default: {DEFAULT_MAX_BODY})")
    add_rules_option(p)
    p.set_defaults(run=run)


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


def _check_address(host: str, port: int) -> None:
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


def _http_protocol() -> Any:
    """uvicorn's httptools protocol answering malformed framing with our JSON error, else uvicorn's default."""
    try:
        from ..web.framing import JsonErrorHttpTools
    except ImportError:  # httptools is not installed: uvicorn parses with h11 and answers in plain text
        return "auto"
    return JsonErrorHttpTools


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn
    except ModuleNotFoundError:
        raise ServeError("imr serve needs the web extra: python3 -m pip install 'imr-engine[web]'") from None
    from ..engine import load_engine
    from ..web.app import ENV_MAX_BODY, ENV_RULES, create_app

    load_engine(args.rules)  # a broken rule book fails here, once, with its file and line
    _check_address(args.host, args.port)
    if args.rules:
        os.environ[ENV_RULES] = os.path.abspath(args.rules)  # also read by the framing-error answer
    common: dict[str, Any] = {
        "host": args.host, "port": args.port, "access_log": False, "log_config": log_config(),
        "server_header": False, "http": _http_protocol(),
    }
    if args.workers == 1:
        uvicorn.run(create_app(args.rules, max_body_bytes=args.max_body), **common)
    else:  # each worker process imports the app afresh: hand the settings over in the environment
        os.environ[ENV_MAX_BODY] = str(args.max_body)
        uvicorn.run("imr_engine.web.app:app_from_environment", factory=True, workers=args.workers, **common)
    return 0
