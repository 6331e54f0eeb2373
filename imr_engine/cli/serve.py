"""`imr serve`: the pre-check page and the JSON API over HTTP (`web.server.serve` on uvicorn).

The server checks what it can before it starts (the web extra, the rule book, the
address), so a mistake is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse

from .evaluate import add_rules_option

_DESCRIPTION = (
    "Serve the pre-check page (paste a note and the requested items, get cited per-item predictions) "
    "and the JSON API: POST /v1/evaluate, POST /v1/extract, GET /v1/rules, GET /v1/schema, GET /healthz; "
    "OpenAPI at /openapi.json and /docs. Logs carry request ids, case ids and timings only."
)


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


def run(args: argparse.Namespace) -> int:
    from ..web.server import serve

    serve(args.host, args.port, workers=args.workers, rules_dir=args.rules, max_body=args.max_body)
    return 0
