"""Post-operative care sent before the operation: decided by whether the operation is authorized or scheduled.

A request for post-operative therapy or equipment made before the surgery relieves nothing unless the
surgery takes place (8 CCR 9792.20, "associated surgical services"). When the record says the operation
is authorized or scheduled, the request is judged as post-operative care from the day of surgery: the
ODG's 7 days of continuous-flow cryotherapy after surgery, the Postsurgical Treatment Guidelines'
initial course (8 CCR 9792.24.3: half the general course; rotator cuff repair 24 visits, so 12). When
it is pending authorization or denied, the request is not medically necessary. Cases written for
these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from scenarios import build_case

from imr_engine.engine import Engine

AUTHORIZED = "Surgery authorized by UR on 1/28/2015: right shoulder arthroscopic rotator cuff repair, scheduled 2/25/2015."
PENDING = "Right shoulder arthroscopic rotator cuff repair is pending authorization."
CRYO = "Continuous-flow cryotherapy unit, rental x 7 days post-op"
POST_OP_PT = "Post-op PT R shoulder 2x/wk x 6 wks (12 visits)"


def _item(engine: Engine, request: str, value: str | None, quote: str = AUTHORIZED) -> Any:
    clinical = {} if value is None else {
        "surgery_authorized": {"value": value, "evidence": [{"quote": quote, "source": "summary"}]}}
    case = build_case([request], decided="2015-02-11", injury="2014-06-04", clinical=clinical,
                      diagnoses=[{"name": "complete rotator cuff tear right shoulder", "body_regions": ["shoulder"]}])
    return engine.evaluate(case).items[0]


@pytest.mark.parametrize("request_line", [CRYO, POST_OP_PT])
def test_post_operative_care_for_an_authorized_surgery_is_judged_from_the_operation(engine: Engine, request_line: str) -> None:
    item = _item(engine, request_line, "yes")
    assert item.predicted == "Overturned"
    notes = {f.name: f.derived_by for r in item.rules for f in r.facts if f.derived_by}
    assert any("authorized or scheduled surgery" in n for n in notes.values())  # the assumption is named


@pytest.mark.parametrize("request_line", [CRYO, POST_OP_PT])
def test_post_operative_care_for_a_surgery_pending_authorization_is_not_necessary(engine: Engine, request_line: str) -> None:
    item = _item(engine, request_line, "no", PENDING)
    assert item.predicted == "Upheld"
    assert "mtus.surgical-services.surgery-not-authorized" in [r.rule_id for r in item.rules if r.decisive]


def test_an_authorization_quote_that_names_no_operation_dates_nothing(engine: Engine) -> None:
    item = _item(engine, CRYO, "yes", "Authorized by UR on 1/28/2015.")
    assert item.predicted == "Upheld"  # cryotherapy with no operation behind it: the ODG's nonsurgical use


def test_without_a_word_on_the_surgery_post_operative_care_stands_alone(engine: Engine) -> None:
    assert _item(engine, CRYO, None).predicted == "Upheld"


DISCECTOMY = "L4-5 microdiscectomy authorized by UR on 6/30/2015, scheduled 7/20/2015."


def _preop(engine: Engine, quote: str | None, age: int) -> Any:
    clinical = {} if quote is None else {"surgery_authorized": {"value": "yes", "evidence": [{"quote": quote, "source": "summary"}]}}
    case = build_case(["Pre-op labs (CBC, BMP) and EKG"], decided="2015-07-09", clinical=clinical,
                      claimant={"age": age}, diagnoses=[{"name": "lumbar radiculopathy", "body_regions": ["lumbar_spine"]}])
    return engine.evaluate(case).items[0]


def test_pre_operative_tests_for_an_authorized_elevated_risk_surgery_at_65_or_more(engine: Engine) -> None:
    # ODG preoperative testing: intermediate-risk (spinal) surgery with a risk factor, age among them
    item = _preop(engine, DISCECTOMY, 70)
    assert item.predicted == "Overturned"
    assert "L4-5 microdiscectomy" in item.rationale  # the template names the authorized operation


@pytest.mark.parametrize(("quote", "age"), [
    (None, 70),          # no operation behind the tests: not established
    (DISCECTOMY, 40),    # no risk factor: routine tests are not indicated
])
def test_otherwise_pre_operative_tests_are_not_established(engine: Engine, quote: str | None, age: int) -> None:
    assert _preop(engine, quote, age).predicted == "Upheld"
