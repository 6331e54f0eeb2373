"""POST /v1/extract: a draft case with evidence spans, from imr_engine.extract.extract_text."""

from __future__ import annotations

import importlib

from conftest import CASE_FILES
from fastapi.testclient import TestClient

from imr_engine.engine import Engine

LINES = ["Soma 350mg #60", "Norco 10/325 #120"]


def note() -> str:
    return (CASE_FILES[0].parent / "letter.txt").read_text(encoding="utf-8")


def test_extract_answers_what_the_library_extracts(client: TestClient, engine: Engine) -> None:
    extract_text = importlib.import_module("imr_engine.extract").extract_text
    text = note()
    response = client.post("/v1/extract", json={"text": text, "requests": LINES, "case_id": "pre-1"})
    assert response.status_code == 200
    expected = extract_text(text, LINES, case_id="pre-1")
    assert response.json() == {"rules_version": engine.book.version, "case": expected.model_dump(mode="json")}
    case = response.json()["case"]
    assert case["case_id"] == "pre-1"
    assert [r["text"] for r in case["requests"]][: len(LINES)] == LINES


def test_extracted_spans_point_into_the_text(client: TestClient) -> None:
    text = note()
    case = client.post("/v1/extract", json={"text": text, "requests": LINES}).json()["case"]
    spans = []

    def collect(node: object) -> None:
        if isinstance(node, dict):
            if "quote" in node and node.get("start") is not None and node.get("source") != "request":
                spans.append(node)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(case)
    assert spans, "a letter yields facts with evidence offsets"
    for ev in spans:
        assert 0 <= ev["start"] < ev["end"] <= len(text)


def test_extracted_draft_evaluates(client: TestClient, engine: Engine) -> None:
    from imr_engine.facts import CaseFacts

    draft = client.post("/v1/extract", json={"text": note(), "requests": LINES}).json()["case"]
    response = client.post("/v1/evaluate", json=draft, params={"as_of": "2015-08-28"})
    assert response.status_code == 200
    expected = engine.evaluate(CaseFacts.model_validate(draft), as_of=__import__("datetime").date(2015, 8, 28))
    assert response.json() == expected.model_dump(mode="json")
