"""Evaluation's speed budget (benchmarks/evaluate_budget.py): the workload's counted cost stays near its record.

The counts (calls per item by cProfile, cold and warm, in a fresh interpreter with a fixed hash seed) do
not depend on the machine's load, so this fails only when the engine judges the same facts with much more
work: a derivation or rule change that costs more than BUDGET over the record is to be made cheaper, or
landed with `python -m benchmarks.evaluate_budget --record` and the reason in its commit message.
"""

from __future__ import annotations

import re

import pytest

from benchmarks import evaluate_budget as budget

#: How far over its record a counted figure may go here (the command's own default is 5 %).
BUDGET = 0.15


def test_the_workload_reads_no_sealed_or_held_out_text() -> None:
    for name in budget.NOTE_NAMES:
        assert not re.match(r"w3[0-5]-", name), f"{name}: a held-out writer's note"
        assert (budget.REPO / "corpus" / "notes" / "tune" / f"{name}.txt").is_file(), f"{name}: no such tune note"
    for name in budget.LETTERS:
        assert (budget.TUNE_LETTERS / f"{name}.txt").is_file(), f"{name}: no such tune letter (update the workload)"
    assert "tune" in budget.TUNE_LETTERS.parts


def test_a_figure_over_its_budget_is_named_and_one_within_is_not() -> None:
    recorded = {"cold": {"calls_per_item": 1000, "instructions_per_item": 2_000_000},
                "warm": {"calls_per_item": 500}, "warm_calls_by_module": {"imr_engine.engine.derive": 10}}
    now = {"cold": {"calls_per_item": 1040, "instructions_per_item": 2_500_000},
           "warm": {"calls_per_item": 600}, "warm_calls_by_module": {"imr_engine.engine.derive": 210}}
    rows, over = budget.compare(recorded, now, 0.05)
    assert over == ["cold instructions_per_item: 2,500,000 against a record of 2,000,000 (+25.0%, budget +5%)",
                    "warm calls_per_item: 600 against a record of 500 (+20.0%, budget +5%)"]
    assert any("imr_engine.engine.derive" in row and "+200" in row for row in rows)
    assert budget.compare(recorded, now, 0.30)[1] == []
    asked = budget.compare({**recorded, "cold_durable_rules_asks": 100}, {**now, "cold_durable_rules_asks": 120}, 0.30)[1]
    assert asked == []
    asked = budget.compare({**recorded, "cold_durable_rules_asks": 100}, {**now, "cold_durable_rules_asks": 140}, 0.30)[1]
    assert asked == ["cold durable_rules asks: 140 against a record of 100 (+40.0%, budget +30%)"]


@pytest.fixture(scope="module")
def record() -> dict:
    import json

    return json.loads(budget.RECORD.read_text(encoding="utf-8"))


def test_the_record_holds_every_counted_figure(record: dict) -> None:
    assert record["items"] > 0 and record["cold_durable_rules_asks"] > 0
    for name in budget.PASSES:
        assert record[name]["calls_per_item"] > 0
    assert record["cold"]["calls_per_item"] >= record["warm"]["calls_per_item"]


def test_evaluation_stays_within_its_budget(record: dict) -> None:
    now = budget.measure()
    _, over = budget.compare(record, now, BUDGET)
    assert not over, "; ".join(over) + " (python -m benchmarks.evaluate_budget says where)"
    assert now["items"] == record["items"]
