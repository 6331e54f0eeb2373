"""Issue 14 on the HTTP side: large requests on their own lane, malformed framing as JSON."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from conftest import CASE_FILES, running_server
from fastapi.testclient import TestClient

from imr_engine.engine import Engine
from imr_engine.facts import load_case
from imr_engine.web import create_app, service


@pytest.fixture
def small_lane_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "LARGE_BYTES", 10)  # every real body takes the large-request lane


def test_point_07_a_large_request_is_answered_as_the_engine_answers(small_lane_limit: None, engine: Engine) -> None:
    case = load_case(CASE_FILES[0])
    with TestClient(create_app()) as client:
        response = client.post("/v1/evaluate", content=case.model_dump_json(),
                               headers={"Content-Type": "application/json"})
        no_date = json.loads(case.model_dump_json())
        no_date.update(as_of=None, ur_decision_date=None, report_dates=[])
        refused = client.post("/v1/evaluate", content=json.dumps(no_date), headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    assert response.json() == engine.evaluate(case).model_dump(mode="json")
    assert refused.status_code == 422 and refused.json()["error"]["field"] == "as_of"  # errors cross the lane whole


def test_point_07_a_large_request_that_overruns_is_stopped_with_503(small_lane_limit: None,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "LARGE_TIMEOUT_S", 0.001)
    case = load_case(CASE_FILES[0])
    with TestClient(create_app()) as client:
        response = client.post("/v1/evaluate", content=case.model_dump_json(),
                               headers={"Content-Type": "application/json"})
        health = client.get("/healthz")
    assert response.status_code == 503 and "did not finish within" in response.json()["error"]["message"]
    assert health.status_code == 200


@pytest.mark.parametrize("raw", [b"GET / HTTP/1.1\r\nHost x\r\nBad Header\r\n\r\n", b"BLAH\x00 / HTTP/1.1\r\n\r\n"])
def test_point_14_malformed_framing_gets_the_json_error(tmp_path: Path, raw: bytes) -> None:
    pytest.importorskip("httptools")
    with running_server(tmp_path, timeout=90) as (url, _):
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as s:
            s.sendall(raw)
            data = b""
            while chunk := s.recv(4096):
                data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400") and b"application/json" in head
    assert json.loads(body)["error"]["status"] == 400
