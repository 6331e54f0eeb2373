"""A batch runs its inputs with rare young collections, and gives the collector back as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from imr_engine import collector
from imr_engine.batch import pool
from imr_engine.batch.inputs import BatchInput
from imr_engine.batch.pool import StopFlag, run_ordered
from imr_engine.batch.work import Outcome, WorkSettings


@pytest.fixture
def thresholds() -> Iterator[tuple[int, ...]]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        yield gc.get_threshold()
    finally:
        gc.set_threshold(*before)


def _inputs(n: int) -> list[BatchInput]:
    return [BatchInput(key=f"k{i}", case=f"c{i}", kind="refused", code="x", reason="r") for i in range(n)]


def test_inputs_run_with_rare_young_collections_and_the_thresholds_come_back(
    thresholds: tuple[int, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[int, ...]] = []

    def process_chunk(items: list[BatchInput], settings: WorkSettings) -> list[Outcome]:
        seen.extend(gc.get_threshold() for _ in items)
        return [Outcome(key=item.key) for item in items]

    monkeypatch.setattr(pool, "process_chunk", process_chunk)
    outcomes = list(run_ordered(_inputs(3), WorkSettings(), 1, StopFlag()))
    assert [o.key for o in outcomes] == ["k0", "k1", "k2"]
    assert seen == [(collector.BATCH_YOUNG_THRESHOLD, 10, 10)] * 3
    assert gc.get_threshold() == thresholds


def test_a_run_stopped_or_failing_midway_gives_the_thresholds_back(
    thresholds: tuple[int, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    def process_chunk(items: list[BatchInput], settings: WorkSettings) -> list[Outcome]:
        if any(item.key == "k1" for item in items):
            raise RuntimeError("boom")
        return [Outcome(key=item.key) for item in items]

    monkeypatch.setattr(pool, "process_chunk", process_chunk)
    with pytest.raises(RuntimeError):
        list(run_ordered(_inputs(3), WorkSettings(), 1, StopFlag(), chunk=1))
    assert gc.get_threshold() == thresholds
    stop = StopFlag()
    run = run_ordered(_inputs(3), WorkSettings(), 1, stop, chunk=1)
    next(run)
    stop.set()
    assert list(run) == []
    assert gc.get_threshold() == thresholds


def test_a_lazier_threshold_already_set_is_kept(thresholds: tuple[int, ...]) -> None:
    gc.set_threshold(10 * collector.BATCH_YOUNG_THRESHOLD, 5, 3)
    with collector.batch_collector():
        assert gc.get_threshold() == (10 * collector.BATCH_YOUNG_THRESHOLD, 5, 3)
    assert gc.get_threshold() == (10 * collector.BATCH_YOUNG_THRESHOLD, 5, 3)


def test_a_worker_keeps_the_batch_thresholds(thresholds: tuple[int, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "_die_with_parent", lambda parent: None)
    monkeypatch.setattr(pool.signal, "signal", lambda *a: None)
    pool._init_worker(WorkSettings(), 0)
    assert gc.get_threshold() == (collector.BATCH_YOUNG_THRESHOLD, 10, 10)


def test_imr_qa_runs_with_the_batch_threshold_from_its_start(
    thresholds: tuple[int, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Imports and loading too: the threshold is raised before anything of the command runs."""
    import argparse

    from imr_engine.cli import qa

    seen: list[tuple[int, ...]] = []

    def command(args: argparse.Namespace) -> int:
        seen.append(gc.get_threshold())
        return 0

    monkeypatch.setattr(qa, "_run", command)
    assert qa.run(argparse.Namespace()) == 0
    assert seen == [(collector.BATCH_YOUNG_THRESHOLD, 10, 10)]
    assert gc.get_threshold() == thresholds
