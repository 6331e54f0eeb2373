"""`imr qa` in a terminal: the figures, then only the disagreements, laid out to the width."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from qa_letters import CASES, letter_decisions

from imr_engine.cli import main
from imr_engine.qa.compare import QAItem, QAReport, QASummary
from imr_engine.qa.render import render_report


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_eighty_columns_show_the_figures_and_only_the_disagreements(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, rules_without_muscle_relaxants: Path,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out = run(capsys, "qa", str(CASES), "--rules", str(rules_without_muscle_relaxants))
    assert code == 1
    assert max(len(line) for line in out.splitlines()) <= 80
    decisions = letter_decisions()
    assert re.search(rf"^agree\s+{len(decisions) - 5}/{len(decisions)}\b", out, re.MULTILINE)
    assert re.search(r"^majority baseline\s+93\.8 % \(always Upheld\)", out, re.MULTILINE)  # 15 of 16 upheld
    table = out.split("Disagreements:", 1)[1]
    for request, _ in decisions:  # the Soma items are listed, the agreeing opioid items are not
        assert (request.split()[0] in table) == request.startswith("Soma"), request


def test_all_lists_every_item(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, default = run(capsys, "qa", str(CASES))
    assert code == 0 and "Items:" not in default and "Fentanyl" not in default
    code, everything = run(capsys, "qa", str(CASES), "--all")
    assert code == 0 and "Items:" in everything
    for request, _ in letter_decisions():
        assert request.split()[0] in everything


def _report(ids: list[str]) -> QAReport:
    items = [
        QAItem(case=case, index=0, request=f"Norco 10/325 #{n}", predicted="Indeterminate", actual="Upheld",
               agree=False, citation_match=False, predicted_citations=[], actual_citations=[], rules=[],
               leans_on_rationale_facts=False, engine_rationale="no rule", reviewer_rationale="not necessary")
        for n, case in enumerate(ids)
    ]
    summary = QASummary(cases=len(ids), refused=0, items=len(items), agree=0, disagree=len(items), citation_agree=0,
                        indeterminate=len(items), leaning_on_rationale_facts=0, rules_version="sha256:test")
    return QAReport(summary=summary, items=items, refused=[])


def _printed_ids(text: str) -> list[str]:
    """The case column of the disagreements table."""
    table = text.split("Disagreements:\n", 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    return [line.split()[0] for line in table if line and not line.startswith(" ")]


def test_a_two_thousand_letter_corpus_keeps_every_id_distinct() -> None:
    # the synthetic corpus' layout (benchmarks/corpus.py): shard folder / 7-digit letter number
    ids = [f"{i // 1000:04d}/{i:07d}" for i in range(2000)]
    printed = _printed_ids(render_report(_report(ids), width=80))
    assert printed == ids


@settings(max_examples=40, deadline=None)
@given(
    ids=st.lists(st.text(alphabet="abcdef0123456789_-/.", min_size=1, max_size=26), min_size=1, max_size=8,
                 unique=True),
    width=st.integers(80, 200),
)
def test_ids_are_printed_whole_at_any_width(ids: list[str], width: int) -> None:
    text = render_report(_report(ids), width=width)
    assert _printed_ids(text) == ids
    assert max(len(line) for line in text.splitlines()) <= width
