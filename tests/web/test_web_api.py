"""The JSON API in-process: exact answers, the same as the library and the CLI gives them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import CASE_FILES
from fastapi.testclient import TestClient

from imr_engine.cli import main
from imr_engine.engine import Engine
from imr_engine.facts import CaseFacts
from imr_engine.facts.model import CaseFacts as CaseFactsModel


def post_case(client: TestClient, case: CaseFacts, **params: str):
    return client.post("/v1/evaluate", content=case.model_dump_json(), params=params,
                       headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.parent.name)
def test_bundled_case_answered_as_the_engine_answers(client: TestClient, engine: Engine, path) -> None:
    from imr_engine.facts import load_case

    case = load_case(path)
    expected = engine.evaluate(case)
    response = post_case(client, case)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == expected.model_dump(mode="json")
    body = response.json()
    assert [i["predicted"] for i in body["items"]] == [d.predicted for d in expected.items]
    assert body["rules_version"] == engine.book.version == response.headers["x-rules-version"]


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.parent.name)
def test_evaluate_gives_what_the_cli_prints(client: TestClient, bundled_cases, capsys, path) -> None:
    assert main(["evaluate", str(path), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert post_case(client, bundled_cases[path.parent.name]).json() == printed


def test_as_of_query_is_the_cli_as_of(client: TestClient, engine: Engine, bundled_cases) -> None:
    undated = bundled_cases[CASE_FILES[1].parent.name].model_copy(update={"ur_decision_date": None, "report_dates": []})
    refused = post_case(client, undated)
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "as_of"
    assert "as_of=YYYY-MM-DD" in refused.json()["error"]["message"]
    answered = post_case(client, undated, as_of="2015-03-01")
    assert answered.status_code == 200
    expected = engine.evaluate(undated, as_of=dt.date(2015, 3, 1))
    assert answered.json() == expected.model_dump(mode="json")
    assert answered.json()["as_of_source"] == "explicit"


def test_rules_list_each_rule_with_citation_and_dates(client: TestClient, engine: Engine) -> None:
    response = client.get("/v1/rules")
    assert response.status_code == 200
    body = response.json()
    assert body["rules_version"] == engine.book.version
    assert [r["id"] for r in body["rules"]] == [r.id for r in engine.book.rules]
    for served, rule in zip(body["rules"], engine.book.rules, strict=True):
        g = rule.guideline
        assert served["effective_from"] == g.effective_from.isoformat()
        assert served["effective_until"] == (g.effective_until.isoformat() if g.effective_until else None)
        assert served["citation"] == g.as_citation().model_dump(mode="json")
        assert served["citation_label"] == g.label()
        assert served["guideline"]["sections"] == g.sections
        assert served["tier"] == ("MTUS" if g.source == "MTUS" else "non-MTUS")
        assert served["category"] == engine.book.category_of[rule.id]


def test_rules_as_of_are_the_cli_rules_as_of(client: TestClient, capsys) -> None:
    body = client.get("/v1/rules", params={"as_of": "2024-06-01"}).json()
    assert main(["rules", "--as-of", "2024-06-01", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in body["rules"]] == [r["id"] for r in printed]
    assert body["generation"]["id"] == "mtus_acoem_2017" and body["warnings"] == []
    assert not [r["id"] for r in body["rules"] if r["guideline"]["generations"] == ["mtus_2009"]]
    early = client.get("/v1/rules", params={"as_of": "2001-01-01"}).json()
    assert early["generation"]["id"] == "mtus_2007" and len(early["warnings"]) == 1


def test_schema_is_the_case_facts_schema(client: TestClient, engine: Engine) -> None:
    body = client.get("/v1/schema").json()
    assert body == {"rules_version": engine.book.version, "schema": CaseFactsModel.model_json_schema()}


def test_healthz(client: TestClient, engine: Engine) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok", "rules_version": engine.book.version, "rules": len(engine.book.rules),
    }


def test_openapi_documents_every_endpoint(client: TestClient, engine: Engine) -> None:
    doc = client.get("/openapi.json").json()
    assert doc["info"]["x-rules-version"] == engine.book.version
    assert {"/v1/evaluate", "/v1/extract", "/v1/rules", "/v1/schema", "/healthz"} <= set(doc["paths"])
    evaluate = doc["paths"]["/v1/evaluate"]["post"]
    ref = evaluate["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    body = doc["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    assert set(body["properties"]) == set(CaseFactsModel.model_fields)
    assert body["required"] == ["case_id", "requests"]
    assert {"200", "413", "422"} <= set(evaluate["responses"])


@pytest.mark.parametrize("path", ["/healthz", "/v1/rules", "/v1/schema", "/openapi.json", "/", "/static/precheck.js", "/nope"])
def test_every_response_carries_the_rules_version(client: TestClient, engine: Engine, path: str) -> None:
    response = client.get(path)
    assert response.headers["x-rules-version"] == engine.book.version
    assert len(response.headers["x-request-id"]) >= 8


def test_request_id_is_echoed_when_safe(client: TestClient) -> None:
    assert client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"] == "abc-123"
    unsafe = client.get("/healthz", headers={"X-Request-ID": "a b\tc"}).headers["x-request-id"]
    assert unsafe != "a b\tc" and unsafe.isalnum()


def test_page_is_served_with_its_assets_and_a_strict_policy(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/precheck.js", "/static/precheck.css"):
        assert asset in page.text
        assert client.get(asset).status_code == 200
    assert "<script>" not in page.text  # no inline script: the policy would block it


def test_same_request_same_bytes(client: TestClient, bundled_cases) -> None:
    case = next(iter(bundled_cases.values()))
    first, second = post_case(client, case), post_case(client, case)
    assert first.content == second.content
    assert json.loads(first.content)["case_id"] == case.case_id
