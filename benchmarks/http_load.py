"""Load benchmark for `imr serve` (not a test): throughput and latency of POST /v1/evaluate.

Starts `imr serve` on a free loopback port (or uses --url, loopback only), then sends a
bounded number of requests (default 10,000) over a fixed number of keep-alive
connections (default 50 concurrent), and reports throughput, p50/p90/p99/max latency
and errors. Bodies are the five bundled cases; with --vary (default) each request gets
its own case id and one reviewer-style correction (a finding set to yes/no/unknown,
seeded), so no two requests are the same case; --no-vary repeats the five cases.

    python benchmarks/http_load.py [--requests 10000] [--concurrency 50] [--workers 1] [--json]

The client is plain asyncio on raw sockets (cheap, so it leaves the server most of the
machine); it runs on the same machine, which a loopback benchmark cannot avoid.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MAX_REQUESTS = 200_000
FINDINGS = [("function", "objective_improvement"), ("function", "returned_to_work"), ("monitoring", "side_effects"),
            ("monitoring", "aberrant_behavior"), ("exam", "muscle_spasm"), ("clinical", "acute_exacerbation")]


def bodies(count: int, vary: bool, seed: int = 7) -> list[bytes]:
    """Request bodies: the bundled cases, each request its own variant when *vary*."""
    sys.path.insert(0, str(REPO))
    from imr_engine.facts import load_case

    cases = [json.loads(load_case(p).model_dump_json()) for p in sorted(REPO.glob("cases/*/case.yaml"))]
    if not vary:
        return [json.dumps(c).encode() for c in cases]
    rng = random.Random(seed)
    out = []
    for i in range(count):
        case = json.loads(json.dumps(cases[i % len(cases)]))
        case["case_id"] = f"load-{i}"
        section, name = rng.choice(FINDINGS)
        case[section][name]["value"] = rng.choice(["yes", "no", "unknown"])
        out.append(json.dumps(case).encode())
    return out


def request_bytes(host: str, port: int, body: bytes) -> bytes:
    head = (f"POST /v1/evaluate HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n")
    return head.encode() + body


async def read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(int(v) for k, _, v in (line.partition(":") for line in lines[1:]) if k.lower() == "content-length")
    await reader.readexactly(length)
    return status


async def run_load(host: str, port: int, payloads: list[bytes], total: int, concurrency: int,
                   timeout: float) -> tuple[list[float], int, float]:
    """Send *total* requests over *concurrency* connections; latencies (s), error count, wall time (s)."""
    wires = [request_bytes(host, port, p) for p in payloads]
    latencies: list[float] = []
    errors = 0
    next_index = 0

    async def connection() -> None:
        nonlocal next_index, errors
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while next_index < total:
                i = next_index
                next_index += 1
                started = time.perf_counter()
                writer.write(wires[i % len(wires)])
                status = await asyncio.wait_for(read_response(reader), timeout)
                latencies.append(time.perf_counter() - started)
                errors += status != 200
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(concurrency)))
    return latencies, errors, time.perf_counter() - started


def percentile(sorted_values: list[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(round(q / 100 * (len(sorted_values) - 1))))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "imr_engine", "serve", "--port", str(port), "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, cwd=REPO)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"http_load: imr serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("http_load: imr serve did not start within 60 s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1, help="server worker processes when this script starts it")
    parser.add_argument("--url", help="an already running server (loopback only), instead of starting one")
    parser.add_argument("--vary", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--warmup", type=int, default=300)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request before giving up")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not 0 < args.requests <= MAX_REQUESTS or not 0 < args.concurrency <= 1_000:
        parser.error(f"--requests must be 1..{MAX_REQUESTS} and --concurrency 1..1000")

    proc = None
    if args.url:
        parsed = urllib.parse.urlsplit(args.url)
        host = parsed.hostname or ""
        try:
            loopback = ipaddress.ip_address(socket.gethostbyname(host)).is_loopback
        except (OSError, ValueError):
            loopback = False
        if not loopback:
            parser.error("--url must point at this machine (127.0.0.0/8 or localhost)")
        url = args.url.rstrip("/")
    else:
        proc, url = start_server(args.workers)
    parsed = urllib.parse.urlsplit(url)
    host, port = parsed.hostname or "127.0.0.1", parsed.port or 80
    try:
        payloads = bodies(args.requests + args.warmup, args.vary)
        asyncio.run(run_load(host, port, payloads[args.requests:] or payloads, args.warmup, min(args.concurrency, args.warmup), args.timeout))
        latencies, errors, wall = asyncio.run(run_load(host, port, payloads[: args.requests], args.requests, args.concurrency, args.timeout))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
    ordered = sorted(latencies)
    report = {
        "endpoint": "POST /v1/evaluate", "requests": len(latencies), "concurrency": args.concurrency,
        "server_workers": args.workers if proc is not None else None, "varied_cases": args.vary,
        "errors": errors, "cores": os.cpu_count(), "wall_s": round(wall, 2),
        "throughput_rps": round(len(latencies) / wall, 1),
        "p50_ms": round(percentile(ordered, 50) * 1000, 1), "p90_ms": round(percentile(ordered, 90) * 1000, 1),
        "p99_ms": round(percentile(ordered, 99) * 1000, 1), "max_ms": round(ordered[-1] * 1000, 1),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 1),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(" ".join(f"{k}={v}" for k, v in report.items()))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
