"""The case-facts model: JSON round trips, tri-states, and load errors a person can act on."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imr_engine.errors import CaseFactsError, ImrError
from imr_engine.facts import CaseFacts, Evidence, Finding, FuzzyDate, Medication, PainScore, Request, load_case
from imr_engine.facts.model import (
    Claimant,
    DatedFact,
    Diagnosis,
    DrugScreen,
    Exam,
    FunctionalStatus,
    Monitoring,
    Treatment,
    WorkStatus,
)
from imr_engine.requests.model import RequestedItem, Strength

# --- strategies -----------------------------------------------------------------

words = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=24
)
tri_states = st.sampled_from(["yes", "no", "unknown"])
scores = st.floats(min_value=0, max_value=10, allow_nan=False)


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    day = draw(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2030, 12, 31)))
    precision = draw(st.integers(0, 2))
    return FuzzyDate(day.year, day.month if precision else None, day.day if precision == 2 else None)


evidence_lists = st.lists(
    st.builds(
        Evidence,
        quote=words,
        source=st.sampled_from(["summary", "rationale", "request"]),
        start=st.none() | st.integers(0, 10_000),
        end=st.none() | st.integers(0, 10_000),
    ),
    max_size=2,
)
findings = st.builds(Finding, value=tri_states, evidence=evidence_lists)
maybe_dates = st.none() | fuzzy_dates()

requested_items = st.builds(
    RequestedItem,
    text=words,
    name=words,
    kind=st.sampled_from(["drug", "office_visit", "therapy", "other"]),
    strengths=st.lists(
        st.builds(Strength, value=st.floats(0, 1000, allow_nan=False), unit=st.sampled_from(["mg", "mcg/hr", "%"])),
        max_size=2,
    ),
    quantity=st.none() | st.integers(0, 500),
    doses_per_day=st.none() | st.floats(0, 12, allow_nan=False),
    prn=st.booleans(),
    release=st.sampled_from([None, "IR", "ER"]),
)

case_facts = st.builds(
    CaseFacts,
    case_id=words,
    claimant=st.builds(
        Claimant,
        age=st.none() | st.integers(0, 120),
        sex=st.sampled_from(["male", "female", "unknown"]),
        evidence=evidence_lists,
    ),
    date_of_injury=st.none() | st.builds(DatedFact, date=fuzzy_dates(), evidence=evidence_lists),
    report_dates=st.lists(st.builds(DatedFact, date=fuzzy_dates(), evidence=evidence_lists), max_size=3),
    ur_decision_date=st.none() | st.builds(DatedFact, date=fuzzy_dates(), evidence=evidence_lists),
    as_of=st.none() | st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2030, 12, 31)),
    diagnoses=st.lists(
        st.builds(Diagnosis, name=words, body_regions=st.lists(st.sampled_from(["lumbar_spine", "knee"]))),
        max_size=2,
    ),
    treatments=st.lists(
        st.builds(
            Treatment,
            name=words,
            kind=st.sampled_from(["injection", "program", "other"]),
            sessions=st.none() | st.integers(0, 40),
            effect=st.sampled_from(["improved", "no_improvement", "unknown"]),
            functional_improvement=tri_states,
            date=maybe_dates,
        ),
        max_size=2,
    ),
    medications=st.lists(
        st.builds(
            Medication,
            name=words,
            status=st.sampled_from(["current", "past", "tried_failed", "unknown"]),
            started=maybe_dates,
            started_qualifier=st.sampled_from(["on", "at_least_since"]),
            long_term=tri_states,
            evidence=evidence_lists,
        ),
        max_size=3,
    ),
    pain_scores=st.lists(
        st.builds(
            PainScore,
            score=scores,
            score_max=st.none() | scores,
            date=maybe_dates,
            context=st.sampled_from(["with_medication", "without_medication", "unspecified"]),
        ),
        max_size=3,
    ),
    function=st.builds(
        FunctionalStatus,
        objective_improvement=findings,
        subjective_improvement=findings,
        measures=st.lists(words, max_size=2),
        work_status=st.builds(WorkStatus, value=st.sampled_from(["full_duty", "part_time", "unknown"])),
    ),
    monitoring=st.builds(
        Monitoring,
        urine_drug_screens=st.lists(st.builds(DrugScreen, date=maybe_dates, consistent=tri_states), max_size=2),
        cures_checked=findings,
        side_effects=findings,
    ),
    exam=st.builds(Exam, muscle_spasm=findings, neurological_deficit=findings),
    requests=st.lists(
        st.builds(
            Request,
            text=words,
            purpose=st.sampled_from(["continue", "initiate", "wean", "unknown"]),
            item=st.none() | requested_items,
            evidence=evidence_lists,
        ),
        min_size=1,
        max_size=3,
    ),
)


# --- round trips ----------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(case_facts)
def test_json_round_trip(facts: CaseFacts) -> None:
    assert CaseFacts.model_validate(facts.model_dump(mode="json")) == facts
    assert CaseFacts.model_validate(json.loads(json.dumps(facts.model_dump(mode="json")))) == facts
    assert CaseFacts.model_validate_json(facts.model_dump_json()) == facts


# --- tri-states and evidence ----------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value"), [(True, "yes"), (False, "no"), (None, "unknown"), ("yes", "yes"), ("unknown", "unknown")]
)
def test_yaml_booleans_read_as_tri_states(raw: object, value: str) -> None:
    assert Finding.model_validate({"value": raw}).value == value


def test_not_documented_is_the_default() -> None:
    facts = CaseFacts.model_validate({"case_id": "x", "requests": [{"text": "Soma 350mg #60"}]})
    assert facts.exam.muscle_spasm.value == "unknown"
    assert facts.function.objective_improvement.value == "unknown"
    assert facts.monitoring.urine_drug_screens == []


def test_rationale_only_needs_evidence_and_all_of_it_from_rationales() -> None:
    assert not Finding().rationale_only
    assert Finding(evidence=[Evidence(quote="q", source="rationale")]).rationale_only
    assert not Finding(evidence=[Evidence(quote="q", source="rationale"), Evidence(quote="q")]).rationale_only


def test_a_case_needs_at_least_one_request() -> None:
    with pytest.raises(ValueError):
        CaseFacts.model_validate({"case_id": "x", "requests": []})


# --- load_case errors -----------------------------------------------------------

VALID = "case_id: x\nrequests:\n  - text: \"Soma 350mg #60\"\n"  # unquoted, " #" starts a YAML comment


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_minimal_file_loads(tmp_path: Path) -> None:
    facts = load_case(_write(tmp_path, VALID))
    assert facts.requests[0].text == "Soma 350mg #60"


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        (VALID + "upheld: true\n", 4, "'upheld': unknown field"),
        (VALID + "exam:\n  muscle_spasm:\n    value: maybe\n", 6, "'exam.muscle_spasm.value'"),
        (VALID + "exam:\n  muscle_spasm:\n    valeu: yes\n", 6, "'exam.muscle_spasm.valeu': unknown field"),
        (VALID + "medications:\n  - name: Soma\n    started: Feb 2015\n", 6, "'medications.0.started'"),
        ("case_id: x\n", 1, "'requests'"),
    ],
    ids=["unknown-top-level-field", "wrong-tri-state", "misspelt-field", "bad-date", "missing-requests"],
)
def test_invalid_facts_name_file_line_and_field(tmp_path: Path, text: str, line: int, field: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(CaseFactsError) as info:
        load_case(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: ")
    assert f"field {field}" in message


def test_not_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "case_id: [unclosed\n  foo: : bar\n")
    with pytest.raises(CaseFactsError, match="not valid YAML") as info:
        load_case(path)
    assert str(info.value).startswith(f"{path}: line 2: ")


@pytest.mark.parametrize("text", ["- a\n- b\n", "just a string\n", "# only a comment\n"], ids=["list", "scalar", "comment"])
def test_a_document_that_is_not_a_mapping_names_the_file(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(CaseFactsError, match="must be a YAML mapping") as info:
        load_case(path)
    assert str(info.value).startswith(str(path))


def test_an_empty_file_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "")
    with pytest.raises(ImrError, match="empty") as info:
        load_case(path)
    assert str(info.value).startswith(str(path))


def test_an_empty_file_is_a_case_facts_error(tmp_path: Path) -> None:
    with pytest.raises(CaseFactsError):
        load_case(_write(tmp_path, ""))
