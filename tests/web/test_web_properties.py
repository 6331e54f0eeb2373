"""Property tests: schema-driven requests never get a 5xx; varied cases get the library's answers."""

from __future__ import annotations

import json

import schemathesis
from conftest import CASE_FILES
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from imr_engine.engine import Engine
from imr_engine.web import create_app

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: schemathesis.Case) -> None:
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
    assert response.status_code < 500
    assert response.headers.get("x-rules-version")


TRI = st.sampled_from(["yes", "no", "unknown"])
FINDINGS = [
    ("function", "objective_improvement"), ("function", "returned_to_work"), ("function", "subjective_improvement"),
    ("monitoring", "side_effects"), ("monitoring", "aberrant_behavior"), ("monitoring", "pain_assessment"),
    ("monitoring", "cures_checked"), ("exam", "muscle_spasm"), ("clinical", "acute_exacerbation"),
    ("clinical", "pain_management_consult"), ("clinical", "neuropathic_pain"),
]


@st.composite
def corrected_cases(draw: st.DrawFn) -> dict:
    """A bundled case with some findings set as a reviewer might correct them on the page."""
    path = draw(st.sampled_from(CASE_FILES))
    from imr_engine.facts import load_case

    data = json.loads(load_case(path).model_dump_json())
    for section, name in draw(st.lists(st.sampled_from(FINDINGS), unique=True, max_size=5)):
        data[section][name]["value"] = draw(TRI)
    return data


@given(data=corrected_cases())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_corrected_cases_get_the_library_answer(client: TestClient, engine: Engine, data: dict) -> None:
    from imr_engine.facts import CaseFacts

    response = client.post("/v1/evaluate", json=data)
    assert response.status_code == 200
    assert response.json() == engine.evaluate(CaseFacts.model_validate(data)).model_dump(mode="json")
