"""Failed psychological treatment is a failed previous method of treating chronic pain, for a pain programme only.

A pain programme's admission criteria ask that "previous methods of treating chronic pain have been unsuccessful"
(CPMTG p. 31-32; the ODG Pain chapter's criteria for multidisciplinary programs, which Texas applies); psychological
treatment of chronic pain (cognitive behavioural therapy, biofeedback, hypnosis: CPMTG p. 23, 101-102) is such a
method. An epidural injection, a work rehabilitation program or a surgery asks for failed conservative care of the
body (exercise, physical methods, NSAIDs, muscle relaxants: CPMTG p. 46), which psychotherapy is not. The cases are
written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from scenarios import build_case

from imr_engine.engine import Engine
from imr_engine.engine.derive import FAILED_CARE_TRIED


def _course(service: str, effect: str, quote: str) -> dict[str, Any]:
    return {"name": service.replace("_", " "), "kind": "psychological", "service": service, "sessions": 8,
            "effect": effect, "evidence": [{"quote": quote, "source": "summary"}]}


def _derived(engine: Engine, request: str, course: dict[str, Any], **sections: Any) -> tuple[str, str | None]:
    _, _, derived = engine.derive(build_case([request], treatments=[course], **sections))
    return str(derived[0].values["conservative_care_failed"]), derived[0].how.get("conservative_care_failed")


_FAILED_CBT = _course("cognitive_behavioral_therapy", "no_improvement", "8 sessions of individual therapy without progress")
_FAILED_HYPNOSIS = _course("hypnotherapy", "no_improvement", "hypnosis x 8, no benefit")


@pytest.mark.parametrize("request_line", [
    "Functional restoration program x 80 hours",
    "Chronic pain management program, 10 days",
    "Multidisciplinary evaluation for a functional restoration program",
])
@pytest.mark.parametrize("course", [_FAILED_CBT, _FAILED_HYPNOSIS])
def test_failed_psychological_care_is_failed_previous_treatment_for_a_pain_programme(
    engine: Engine, request_line: str, course: dict[str, Any],
) -> None:
    value, how = _derived(engine, request_line, course)
    assert value == "yes"
    assert how is not None and how.startswith(FAILED_CARE_TRIED)


@pytest.mark.parametrize("request_line", [
    "Lumbar epidural steroid injection L4-5",
    "Work hardening program, 80 hours",
    "Right shoulder arthroscopy with subacromial decompression",
])
def test_failed_psychological_care_is_no_failed_conservative_care_of_the_body(engine: Engine, request_line: str) -> None:
    value, _ = _derived(engine, request_line, _FAILED_CBT)
    assert value == "unknown"


def test_psychological_care_that_helped_fails_nothing(engine: Engine) -> None:
    helped = _course("cognitive_behavioral_therapy", "improved", "8 CBT sessions, helpful for coping")
    value, _ = _derived(engine, "Functional restoration program x 80 hours", helped)
    assert value == "unknown"


def test_a_record_that_says_care_is_working_is_not_overruled(engine: Engine) -> None:
    working = {"conservative_care_failed": {"value": "no", "evidence": [{"quote": "current care is helping", "source": "summary"}]}}
    value, _ = _derived(engine, "Functional restoration program x 80 hours", _FAILED_CBT, clinical=working)
    assert value == "no"
