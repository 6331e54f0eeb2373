"""without_rationale_facts: no rationale quote remains, and nothing that did not rest on one changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from imr_engine.facts import CaseFacts, load_case
from imr_engine.facts.model import Evidenced
from imr_engine.facts.rationale import rationale_quotes, without_rationale_facts

CASE_FILES = sorted((Path(__file__).resolve().parents[2] / "cases").glob("*/case.yaml"))


def _facts(node: object, path: str = "") -> list[tuple[str, Evidenced]]:
    out: list[tuple[str, Evidenced]] = []
    if isinstance(node, Evidenced):
        out.append((path, node))
    if isinstance(node, list):
        for x in node:
            out += _facts(
                x, f"{path}[{getattr(x, 'name', None) or getattr(x, 'text', None) or getattr(x, 'date', '')}]"
            )
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name != "evidence":
                out += _facts(getattr(node, name), f"{path}.{name}")
    return out


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.parent.name for p in CASE_FILES])
def test_no_rationale_evidence_remains(path: Path) -> None:
    assert rationale_quotes(without_rationale_facts(load_case(path))) == []


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.parent.name for p in CASE_FILES])
def test_facts_without_rationale_evidence_are_untouched(path: Path) -> None:
    case = load_case(path)
    before = {p: f for p, f in _facts(case) if f.evidence and not any(e.source == "rationale" for e in f.evidence)}
    after = dict(_facts(without_rationale_facts(case)))
    for p, fact in before.items():
        assert after.get(p) == fact, p


def test_what_rests_on_rationales_is_reset() -> None:
    summary, rationale = {"quote": "in the summary"}, {"quote": "in a rationale", "source": "rationale"}
    case = CaseFacts.model_validate(
        {
            "case_id": "x",
            "ur_decision_date": {"date": "2015-08-28", "evidence": [rationale]},
            "medications": [
                {"name": "Methadone", "evidence": [rationale]},
                {"name": "Soma", "long_term": "yes", "evidence": [summary, rationale]},
                {"name": "Norco", "long_term": "yes", "evidence": [{"quote": "long-term use of Norco"}, rationale]},
            ],
            "pain_scores": [{"score": 8, "evidence": [rationale]}, {"score": 7, "evidence": [summary]}],
            "exam": {
                "muscle_spasm": {"value": "no", "evidence": [rationale]},
                "tenderness": {"value": "yes", "evidence": [summary]},
            },
            "function": {"work_status": {"value": "part_time", "evidence": [rationale]}},
            "requests": [
                {
                    "text": "Soma",
                    "purpose": "continue",
                    "evidence": [{"quote": "Soma", "source": "request"}, rationale],
                },
                {
                    "text": "Norco",
                    "purpose": "continue",
                    "evidence": [{"quote": "Norco", "source": "request"}, summary],
                },
            ],
        }
    )
    bare = without_rationale_facts(case)
    assert bare.ur_decision_date is None
    assert [(m.name, m.long_term) for m in bare.medications] == [("Soma", "unknown"), ("Norco", "yes")]
    assert [p.score for p in bare.pain_scores] == [7]
    assert (bare.exam.muscle_spasm.value, bare.exam.muscle_spasm.evidence) == ("unknown", [])
    assert bare.exam.tenderness == case.exam.tenderness
    assert bare.function.work_status.value == "unknown"
    assert [r.purpose for r in bare.requests] == ["unknown", "continue"]
    assert case.medications[0].name == "Methadone"  # the input is not changed
