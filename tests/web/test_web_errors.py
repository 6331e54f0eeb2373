"""Bad input: a 4xx JSON error naming the field, never a 500, a traceback or the input echoed back."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from conftest import CASE_FILES
from fastapi.testclient import TestClient

from imr_engine.web import create_app
from imr_engine.web.middleware import RequestLog

SECRET = "Patient Zed Quux reports 9/10 pain"  # case content that must not leak into errors or logs


def valid_case(bundled_cases) -> dict[str, Any]:
    return json.loads(bundled_cases[CASE_FILES[0].parent.name].model_dump_json())


def post_json(client: TestClient, body: Any, **kw: Any):
    return client.post("/v1/evaluate", content=json.dumps(body), headers={"Content-Type": "application/json"}, **kw)


def assert_error(response, status: int, field: str | None) -> dict[str, Any]:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error", "rules_version"}
    error = body["error"]
    assert error["status"] == status
    assert error["field"] == field
    assert "\n" not in error["message"] and "Traceback" not in response.text
    assert error["request_id"] == response.headers["x-request-id"]
    return error


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (lambda c: c.update(requests=[]), "requests", "at least 1"),
        (lambda c: c.pop("case_id"), "case_id", "required"),
        (lambda c: c["requests"][0].update(text=""), "requests.0.text", "at least 1"),
        (lambda c: c.update(date_of_injury={"date": "Nov 6th", "evidence": [{"quote": SECRET}]}), "date_of_injury.date", "YYYY"),
        (lambda c: c["exam"]["muscle_spasm"].update(value="maybe"), "exam.muscle_spasm.value", "'yes', 'no' or 'unknown'"),
        (lambda c: c.update(pain_scores=[{"score": 11, "evidence": [{"quote": SECRET}]}]), "pain_scores.0.score", "less than or equal to 10"),
        (lambda c: c.update(diagnosis=SECRET), "diagnosis", "Extra inputs are not permitted"),
    ],
    ids=["no-requests", "no-case-id", "empty-request", "bad-date", "bad-tri-state", "score-out-of-range", "unknown-field"],
)
def test_invalid_case_names_the_field(client: TestClient, bundled_cases, change, field: str, words: str) -> None:
    case = valid_case(bundled_cases)
    change(case)
    error = assert_error(post_json(client, case), 422, field)
    assert error["message"].startswith(f"{field}: ")
    assert words in error["message"]
    assert error["errors"][0]["loc"][0] == "body"
    assert SECRET not in json.dumps(error)  # the submitted values are not echoed


@pytest.mark.parametrize(
    ("content", "content_type", "words"),
    [
        (b"{", "application/json", "not valid JSON"),
        (b"", "application/json", "JSON body is required"),
        (b"[1, 2]", "application/json", "must be a JSON object"),
        (b'{"case_id": "x"}', "text/plain", "Content-Type: application/json"),
    ],
    ids=["truncated", "empty", "array", "wrong-content-type"],
)
def test_unreadable_body(client: TestClient, content: bytes, content_type: str, words: str) -> None:
    response = client.post("/v1/evaluate", content=content, headers={"Content-Type": content_type})
    error = assert_error(response, 422, "body")
    assert words in error["message"]


@pytest.mark.parametrize("path", ["/v1/evaluate", "/v1/extract"])
def test_body_not_utf8(client: TestClient, path: str) -> None:
    response = client.post(path, content='{"case_id": "caf\u00e9"}'.encode("latin-1"),
                           headers={"Content-Type": "application/json"})
    assert "not valid JSON" in assert_error(response, 422, "body")["message"]


def test_bad_query_parameter_is_named(client: TestClient, bundled_cases) -> None:
    error = assert_error(post_json(client, valid_case(bundled_cases), params={"as_of": "yesterday"}), 422, "as_of")
    assert error["errors"][0]["loc"] == ["query", "as_of"]


def test_extract_body_is_validated(client: TestClient) -> None:
    error = assert_error(client.post("/v1/extract", json={"text": "", "requests": ["Norco"]}), 422, "text")
    assert "at least 1 character" in error["message"]
    assert_error(client.post("/v1/extract", json={"text": "note", "requests": [""]}), 422, "requests.0")
    assert_error(client.post("/v1/extract", json={"text": "note", "request": ["x"]}), 422, "request")


def test_unknown_path_and_method_are_json(client: TestClient) -> None:
    assert_error(client.get("/v2/evaluate"), 404, None)
    assert_error(client.get("/v1/evaluate"), 405, None)


@pytest.fixture(scope="module")
def small_limit() -> TestClient:
    with TestClient(create_app(max_body_bytes=2_000)) as c:
        yield c


def test_body_over_the_limit_is_413(small_limit: TestClient) -> None:
    body = json.dumps({"case_id": "x", "requests": [{"text": "Norco"}], "filler": "a" * 3_000})
    error = assert_error(small_limit.post("/v1/evaluate", content=body, headers={"Content-Type": "application/json"}), 413, None)
    assert "2000 bytes" in error["message"]


def test_streamed_body_over_the_limit_is_413(small_limit: TestClient) -> None:
    def chunks():  # no Content-Length: the limit must count what arrives
        for _ in range(5):
            yield b"a" * 1_000

    assert_error(small_limit.post("/v1/extract", content=chunks(), headers={"Content-Type": "application/json"}), 413, None)


def test_body_within_the_limit_passes(small_limit: TestClient) -> None:
    response = small_limit.post("/v1/extract", json={"text": "a" * 1_500})
    assert response.status_code in (200, 422)


def test_default_limit_is_one_megabyte(client: TestClient) -> None:
    big = b'{"text": "' + b"a" * 1_000_001 + b'"}'
    assert_error(client.post("/v1/extract", content=big, headers={"Content-Type": "application/json"}), 413, None)


def test_logs_carry_ids_and_timings_only(client: TestClient, bundled_cases, caplog) -> None:
    case = valid_case(bundled_cases)
    case["diagnoses"].append({"name": SECRET, "evidence": [{"quote": SECRET}]})
    with caplog.at_level(logging.INFO, logger="imr_engine.web"):
        ok = post_json(client, case)
        bad = post_json(client, {**case, "exam": SECRET})
    assert ok.status_code == 200 and bad.status_code == 422
    lines = [r.getMessage() for r in caplog.records if r.name == "imr_engine.web"]
    assert len(lines) == 2
    assert ok.headers["x-request-id"] in lines[0] and f"case_id='{case['case_id']}'" in lines[0]
    assert "status=200" in lines[0] and "ms=" in lines[0]
    assert "status=422" in lines[1]
    assert not any(SECRET in line or "Quux" in line for line in lines)


async def _broken(scope, receive, send) -> None:
    raise RuntimeError(f"failure quoting {SECRET}")


def test_an_unexpected_failure_is_a_json_500_without_details(caplog) -> None:
    with caplog.at_level(logging.INFO, logger="imr_engine.web"):
        response = TestClient(RequestLog(_broken, version="v1")).get("/anything")  # no lifespan: http only
    assert response.status_code == 500
    body = response.json()
    assert body["rules_version"] == "v1" and body["error"]["status"] == 500
    assert SECRET not in response.text and "Traceback" not in response.text
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError" in logged and SECRET not in logged


def test_a_negative_visit_count_is_refused_by_the_case_model(client: TestClient) -> None:
    """Found by the schema-driven test: a parsed request with a negative visit count once passed
    the case model and failed inside the engine; the request model now refuses it, naming the field."""
    case = {"case_id": "neg", "as_of": "2015-01-01",
            "requests": [{"text": "Physical therapy", "item": {"text": "Physical therapy", "name": "physical therapy", "visits": -3}}]}
    error = assert_error(post_json(client, case), 422, "requests.0.item.visits")
    assert "greater than or equal to 0" in error["message"]
