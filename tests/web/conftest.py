"""Web fixtures: the app over the bundled rule book, an in-process client, the bundled cases."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from imr_engine.facts import CaseFacts, load_case
from imr_engine.web import create_app

REPO = Path(__file__).resolve().parents[2]
CASE_FILES = sorted(REPO.glob("cases/*/case.yaml"))


@pytest.fixture(scope="session")
def app() -> FastAPI:
    return create_app()


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def bundled_cases() -> dict[str, CaseFacts]:
    return {p.parent.name: load_case(p) for p in CASE_FILES}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(workdir: Path, *extra: str, timeout: float = 120.0) -> Iterator[tuple[str, Path]]:
    """`imr serve` on a free loopback port in a subprocess: yields its base URL and its log file.

    The deadline is generous: each worker compiles the rule book (~10 s on a shared machine, over
    30 s at a load of 12), and how fast that is belongs to benchmarks/, not to a test.
    """
    port = free_port()
    log = workdir / "server.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "imr_engine", "serve", "--host", "127.0.0.1", "--port", str(port), *extra],
            stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while not _answers(url):
            if proc.poll() is not None:
                raise RuntimeError(f"imr serve exited with {proc.returncode}: {log.read_text()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"imr serve did not answer within {timeout} s: {log.read_text()}")
            time.sleep(0.1)
        yield url, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=2) as r:
            return bool(r.status == 200)
    except OSError:
        return False
