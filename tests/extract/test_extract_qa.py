"""End-to-end QA on the raw letters, and how extraction is scored against the curated cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from imr_engine.errors import ImrError
from imr_engine.facts import CaseFacts
from imr_engine.qa.extraction import (
    ExtractionQAReport,
    condition_atoms,
    render_extraction_report,
    run_extraction_qa,
    score_fields,
)

CASES = Path(__file__).resolve().parents[2] / "cases"


@pytest.fixture(scope="module")
def reports() -> dict[bool, ExtractionQAReport]:
    return {use: run_extraction_qa(CASES, use_rationale=use) for use in (False, True)}


def test_outcomes_from_raw_letters_without_rationale_facts(reports) -> None:  # type: ignore[no-untyped-def]
    s = reports[False].summary
    assert (s.cases, s.refused, s.items) == (5, 0, 16)
    assert s.agree >= 15


def test_outcomes_from_raw_letters_with_rationale_facts(reports) -> None:  # type: ignore[no-untyped-def]
    s = reports[True].summary
    assert (s.items, s.agree) == (16, 16)


@pytest.mark.parametrize("use_rationale", [False, True], ids=["summary", "with-rationale"])
def test_precision_and_recall_per_field_and_overall(reports, use_rationale: bool) -> None:  # type: ignore[no-untyped-def]
    report = reports[use_rationale]
    low = [
        (f.field, f.precision, f.recall, f.spurious, f.missed)
        for f in report.fields
        if (f.precision is not None and f.precision < 0.9) or (f.recall is not None and f.recall < 0.9)
    ]
    assert low == []
    assert report.summary.precision >= 0.9 and report.summary.recall >= 0.9  # type: ignore[operator]
    assert len(report.summary.fields) >= 25  # the curated cases speak to this many fields


def test_json_summary_has_the_keys_the_issue_names(reports) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(reports[False].model_dump(mode="json")))
    summary = data["summary"]
    assert {"items", "agree", "fields", "precision", "recall"} <= set(summary)
    assert {"precision", "recall"} <= set(summary["fields"]["medications"])


def test_the_readable_report(reports) -> None:  # type: ignore[no-untyped-def]
    text = render_extraction_report(reports[True])
    assert "agree 16/16" in text and "with rationale facts" in text
    assert "medications.started" in text


def test_curated_agreement_is_reported_next_to_it(reports) -> None:  # type: ignore[no-untyped-def]
    for report in reports.values():
        assert report.summary.curated_agree == sum(bool(i.curated_agree) for i in report.items)
        assert all(i.curated_predicted in ("Upheld", "Overturned", "Indeterminate") for i in report.items)


def test_a_folder_whose_letter_is_not_a_letter_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "letter.txt").write_text("just some words\n", encoding="utf-8")
    report = run_extraction_qa(tmp_path)
    assert [r.case for r in report.refused] == ["bad"] and "unknown letter layout" in report.refused[0].reason


def test_a_root_without_letters_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ImrError, match="no case folders"):
        run_extraction_qa(tmp_path)


# How a fact counts as matching (the module doc of imr_engine.qa.extraction).


@pytest.mark.parametrize(
    ("name", "same_as"),
    [
        ("chronic neck and back pain", ["neck pain", "back pain"]),
        ("low back pain and right leg pain", ["low back pain", "right leg pain"]),
        ("ongoing back pain and foot pain", ["back pain", "foot pain"]),
        ("thoracic-lumbosacral neuritis or radiculitis", ["Thoracic lumbosacral neuritis or radiculitis"]),
        ("Lumbar Disc Herniations", ["lumbar disc herniation"]),
        ("myofascial pain and poor sleep hygiene", ["myofascial pain and poor sleep hygiene"]),
    ],
)
def test_a_diagnosis_is_compared_condition_by_condition(name: str, same_as: list[str]) -> None:
    assert condition_atoms(name) == [a for other in same_as for a in condition_atoms(other)]
    assert len(condition_atoms(name)) == len(same_as)


def _case(**data: object) -> CaseFacts:
    base = {
        "case_id": "x",
        "requests": [{"text": "Norco 10/325mg #90", "evidence": [{"quote": "Norco", "source": "request"}]}],
    }
    return CaseFacts.model_validate({**base, **data})


def test_precision_against_the_curated_case_recall_against_what_could_be_read() -> None:
    said = [{"quote": "q"}]
    extracted = _case(
        medications=[{"name": "norco", "evidence": said}, {"name": "Methadone", "evidence": said}],
        exam={"muscle_spasm": {"value": "unknown", "evidence": said}},
    )
    curated = _case(
        medications=[
            {"name": "Norco", "evidence": said},
            {"name": "Methadone", "evidence": [{"quote": "q", "source": "rationale"}]},
            {"name": "Soma", "evidence": said},
        ],
        exam={"muscle_spasm": {"value": "no", "evidence": said}},
    )
    reference = _case(
        medications=[{"name": "Norco", "evidence": said}, {"name": "Soma", "evidence": said}],
        exam={"muscle_spasm": {"value": "no", "evidence": said}},
    )
    scores = {f.field: f for f in score_fields([("x", extracted, curated, reference)])}
    meds = scores["medications"]
    assert (meds.precision, meds.recall) == (1.0, 0.5)  # both extracted are curated; Soma missed
    spasm = scores["exam.muscle_spasm"]
    assert (spasm.extracted, spasm.precision, spasm.recall) == (0, None, 0.0)  # unknown asserts nothing
