"""Small requests while a large one is worked on (issue 14, point 7; not a test).

Starts `imr serve` (one worker process) on a free loopback port, sends one large
`POST /v1/extract` (a ~0.9 MB note: the bundled letters repeated) and, for as long as
it runs, small `POST /v1/evaluate` requests (the bundled cases) from --concurrency
keep-alive connections. Reports the large request's status and time, and the small
requests' p50 / p99 / max latency while it ran. Target: p99 under 100 ms.

    python -m benchmarks.http_starvation [--concurrency 4] [--size 900000] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import threading
import time
import urllib.request
from pathlib import Path

from benchmarks.http_load import bodies, percentile, read_response, request_bytes, start_server

REPO = Path(__file__).resolve().parents[1]


def large_body(size: int) -> bytes:
    letters = [p.read_text(encoding="utf-8") for p in sorted(REPO.glob("cases/*/letter.txt"))]
    text = "\n".join(letters)
    text = (text * (size // len(text) + 1))[:size]
    return json.dumps({"text": text, "requests": ["Norco 10/325 #120", "Soma 350mg #60"], "case_id": "large"}).encode()


async def small_load(host: str, port: int, payloads: list[bytes], concurrency: int,
                     running: threading.Event) -> tuple[list[float], int]:
    wires = [request_bytes(host, port, p) for p in payloads]
    latencies: list[float] = []
    errors = 0

    async def connection(offset: int) -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, port)
        i = offset
        try:
            while running.is_set():
                started = time.perf_counter()
                writer.write(wires[i % len(wires)])
                status = await asyncio.wait_for(read_response(reader), 30)
                latencies.append(time.perf_counter() - started)
                errors += status != 200
                i += concurrency
        finally:
            writer.close()

    await asyncio.gather(*(connection(k) for k in range(concurrency)))
    return latencies, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--size", type=int, default=900_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    proc, url = start_server(1)
    try:
        host, port = url.removeprefix("http://").split(":")
        payloads = bodies(50, vary=True)
        asyncio.run(small_load(host, int(port), payloads[:5], 1, _briefly()))  # warm the engine thread
        running = threading.Event()
        running.set()
        large: dict[str, float | int] = {}

        def send_large() -> None:
            request = urllib.request.Request(url + "/v1/extract", data=large_body(args.size),
                                             headers={"Content-Type": "application/json"})
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=300) as response:
                    large["status"] = response.status
            except urllib.error.HTTPError as exc:
                large["status"] = exc.code
            large["seconds"] = round(time.perf_counter() - started, 2)
            running.clear()

        sender = threading.Thread(target=send_large)
        sender.start()
        latencies, errors = asyncio.run(small_load(host, int(port), payloads, args.concurrency, running))
        sender.join()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    ordered = sorted(latencies)
    result = {
        "large_status": large.get("status"), "large_seconds": large.get("seconds"),
        "small_requests": len(ordered), "small_errors": errors,
        "small_p50_ms": round(percentile(ordered, 50) * 1000, 1), "small_p99_ms": round(percentile(ordered, 99) * 1000, 1),
        "small_max_ms": round(ordered[-1] * 1000, 1),
    }
    print(json.dumps(result, indent=2) if args.json else "  ".join(f"{k} {v}" for k, v in result.items()))


def _briefly() -> threading.Event:
    event = threading.Event()
    event.set()
    threading.Timer(1.0, event.clear).start()
    return event


if __name__ == "__main__":
    main()
