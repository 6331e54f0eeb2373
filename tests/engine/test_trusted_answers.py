"""The engine builds its answers from validated parts without validating them again: they must still be valid.

`trusted_fields` fills defaults in the model's order and skips validation; anything it cannot
vouch for (a missing required field, an unknown name) goes through the model and its error.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from scenarios import build_case, on_drug

from imr_engine.engine import Engine
from imr_engine.engine.determination import CaseDetermination, Determination, trusted_fields
from imr_engine.facts import load_case

CASES = sorted(Path(__file__).resolve().parents[2].joinpath("cases").glob("*/case.yaml"))


def _answers(engine: Engine) -> list[CaseDetermination]:
    cases = [load_case(p) for p in CASES]
    cases.append(build_case(["Norco 10/325mg #90", "Soma 350mg #30", "Acupuncture x 6", "MRI", "Xyzzy widget 1"],
                            medications=[on_drug("Norco")]))
    return [engine.evaluate(c) for c in cases]


def test_every_answer_passes_its_models_validation(engine: Engine) -> None:
    answers = _answers(engine)
    bases = {d.basis for a in answers for d in a.items}
    assert bases == {"rule", "not_established", "no_rule"}  # every path that builds a Determination
    for answer in answers:
        dumped = answer.model_dump(mode="json")
        assert CaseDetermination.model_validate(dumped).model_dump(mode="json") == dumped


def test_trusted_is_what_the_model_builds(engine: Engine) -> None:
    for answer in _answers(engine):
        for d in answer.items:
            given = {k: v for k, v in dict(d).items() if v != Determination.model_fields[k].get_default(
                call_default_factory=True)}
            assert trusted_fields(Determination, given).model_dump() == Determination(**given).model_dump()
            assert list(trusted_fields(Determination, given).model_dump()) == list(Determination.model_fields)


def test_what_it_cannot_vouch_for_goes_through_the_model() -> None:
    with pytest.raises(ValidationError):
        trusted_fields(Determination, {"index": 0, "request": "x", "predicted": "Upheld", "medically_necessary": False})
    with pytest.raises(ValidationError):
        trusted_fields(Determination, {"index": 0, "request": "x", "predicted": "Upheld", "medically_necessary": False,
                                       "rationale": "r", "colour": "blue"})
