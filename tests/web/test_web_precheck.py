"""/v1/precheck, HEAD /, /healthz as documented, and /docs served from this service alone."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import CASE_FILES
from fastapi.testclient import TestClient

from imr_engine.engine import Engine
from imr_engine.facts import load_case
from imr_engine.precheck import check_case

DOCS = Path(__file__).resolve().parents[2] / "docs" / "web.md"


def test_precheck_answers_as_the_library_does(client: TestClient, engine: Engine) -> None:
    case = load_case(CASE_FILES[2])
    response = client.post("/v1/precheck", content=case.model_dump_json(), headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    expected = check_case(engine, case)
    body = response.json()
    assert body["determination"] == expected.determination.model_dump(mode="json")
    assert body["checklist"] == [c.model_dump(mode="json") for c in expected.checklist]
    assert body["rules_version"] == engine.book.version


def test_head_of_the_page(client: TestClient) -> None:
    response = client.head("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")


def test_healthz_answers_the_fields_the_documentation_names(client: TestClient) -> None:
    row = next(line for line in DOCS.read_text().splitlines() if line.startswith("| `GET /healthz`"))
    documented = set(re.findall(r'(?<!: )"(\w+)"', row.split("|")[3]))  # keys, not the values after ': '
    assert documented and set(client.get("/healthz").json()) == documented


def test_docs_page_loads_only_this_service(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith("/") for s in sources)
    assert client.get("/static/docs.js").status_code == 200
