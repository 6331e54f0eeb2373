"""A conservative course whose relief did not last is failed conservative care (helper outcomes23, session 23).

The corpus README keys `clinical.conservative_care_failed: yes` for "a stated failure, no lasting benefit, or only
temporary relief". Notes tell it course by course ("PT helped for two weeks", "gains with therapy did not hold"),
which the reader keys as a course whose relief was `temporary`; the criteria that ask for failed conservative care
(an epidural, a surgery, hyaluronic acid: exercise, physical methods, NSAIDs, CPMTG p. 46) read it so. A course that
helped fails nothing, a drug or an injection with passing relief is no conservative course of the body, and a record
that says conservative care is working is not overruled. The cases are written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from scenarios import build_case

from imr_engine.engine import Engine
from imr_engine.engine.derive import FAILED_CARE_TRIED


def _course(service: str, kind: str, temporary: str, quote: str) -> dict[str, Any]:
    return {"name": service.replace("_", " "), "kind": kind, "service": service, "sessions": 12, "effect": "improved",
            "temporary": temporary, "evidence": [{"quote": quote, "source": "summary"}]}


def _derived(engine: Engine, request: str, course: dict[str, Any], **sections: Any) -> tuple[str, str | None]:
    _, _, derived = engine.derive(build_case([request], treatments=[course], **sections))
    return str(derived[0].values["conservative_care_failed"]), derived[0].how.get("conservative_care_failed")


_BRIEF_PT = _course("physical_therapy", "physical_therapy", "yes", "12 PT visits helped for about two weeks, then the pain returned")
_BRIEF_CHIRO = _course("chiropractic", "chiropractic", "yes", "chiropractic gave relief that did not hold")


@pytest.mark.parametrize("request_line", [
    "Lumbar epidural steroid injection L4-5",
    "Right shoulder arthroscopy with subacromial decompression",
    "Synvisc-One injection right knee",
])
@pytest.mark.parametrize("course", [_BRIEF_PT, _BRIEF_CHIRO])
def test_conservative_care_with_only_temporary_relief_has_failed(engine: Engine, request_line: str, course: dict[str, Any]) -> None:
    value, how = _derived(engine, request_line, course)
    assert value == "yes"
    assert how is not None and how.startswith(FAILED_CARE_TRIED)


@pytest.mark.parametrize("course", [
    _course("physical_therapy", "physical_therapy", "unknown", "12 PT visits, much better"),
    _course("corticosteroid_injection", "injection", "yes", "cortisone helped for two weeks"),
])
def test_care_that_helped_or_is_no_conservative_course_fails_nothing(engine: Engine, course: dict[str, Any]) -> None:
    value, _ = _derived(engine, "Lumbar epidural steroid injection L4-5", course)
    assert value == "unknown"


def test_a_record_that_says_care_is_working_is_not_overruled(engine: Engine) -> None:
    working = {"conservative_care_failed": {"value": "no", "evidence": [{"quote": "current care is helping", "source": "summary"}]}}
    value, _ = _derived(engine, "Lumbar epidural steroid injection L4-5", _BRIEF_PT, clinical=working)
    assert value == "no"
