"""The engine builds its answers from validated parts without validating them again: they must still be valid.

`trusted_fields` fills defaults in the model's order and skips validation; anything it cannot
vouch for (a missing required field, an unknown name) goes through the model and its error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from scenarios import build_case, on_drug

from imr_engine.citations import Citation
from imr_engine.engine import Engine
from imr_engine.engine.determination import (
    CaseDetermination,
    Determination,
    FactUsed,
    FiredRule,
    trusted,
    trusted_fields,
)
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


_VALUES = st.one_of(st.none(), st.integers(-5, 500), st.floats(0, 100), st.text(max_size=6),
                    st.lists(st.text(max_size=4), max_size=3))


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=12), _VALUES, st.booleans(), st.one_of(st.none(), st.text(max_size=20)))
def test_trusted_builds_the_instance_model_construct_builds(name: str, value: object, rationale_only: bool,
                                                            derived_by: str | None) -> None:
    # The slots are written through their own setters: the same instance, field for field, as model_construct's.
    given_values: dict[str, Any] = {"name": name, "value": value, "evidence": [], "rationale_only": rationale_only,
                                    "derived_by": derived_by}
    got, want = trusted(FactUsed, dict(given_values)), FactUsed.model_construct(**given_values)
    assert type(got) is FactUsed
    assert list(got.__dict__.items()) == list(want.__dict__.items())
    assert got.__pydantic_fields_set__ == want.__pydantic_fields_set__ == set(given_values)
    assert got.__pydantic_extra__ == want.__pydantic_extra__
    assert got.__pydantic_private__ == want.__pydantic_private__
    assert got == want
    assert got.model_dump_json() == want.model_dump_json()
    fired: dict[str, Any] = {"rule_id": "r", "title": "t", "question": "q?", "outcome": "advisory", "tier": "guideline",
             "decisive": False, "citation": Citation(source="MTUS", guideline="CPMTG"), "citation_label": "l", "facts": [got]}
    built, constructed = trusted(FiredRule, dict(fired)), FiredRule.model_construct(**fired)
    assert list(built.__dict__.items()) == list(constructed.__dict__.items())
    assert built.__pydantic_fields_set__ == constructed.__pydantic_fields_set__
    assert built.model_dump_json() == constructed.model_dump_json()


def test_trusted_values_out_of_the_models_order_go_through_model_construct() -> None:
    given_values: dict[str, Any] = {"value": 3, "name": "age", "evidence": [], "rationale_only": False, "derived_by": None}
    got = trusted(FactUsed, dict(given_values))
    assert got.__dict__ == FactUsed.model_construct(**given_values).__dict__
    assert list(got.__dict__) == list(FactUsed.model_fields)
