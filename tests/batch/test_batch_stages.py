"""A chunk processed stage by stage gives each input exactly the outcome it gets alone.

`process_chunk` parses every letter of a chunk, then extracts every case's facts, then
evaluates every case; `process` takes one input through all of it. The outcomes (records,
refusal codes and reasons) must be the same, input by input, whatever the chunk's size and
wherever in it an input fails.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from imr_engine.batch import work
from imr_engine.batch.inputs import BatchInput, discover
from imr_engine.batch.work import Outcome, WorkSettings, process, process_chunk
from imr_engine.engine import load_engine

REPO = Path(__file__).resolve().parents[2]


def _dump(outcomes: list[Outcome]) -> list[str]:
    return [json.dumps(o.model_dump(mode="json"), sort_keys=True) for o in outcomes]


def _settings() -> WorkSettings:
    return WorkSettings(rules_version=load_engine(None).book.version)


def _stdin_inputs() -> list[BatchInput]:
    letter = (REPO / "cases").glob("*/letter.txt")
    first = next(iter(sorted(letter))).read_text(encoding="utf-8")
    lines = [
        json.dumps({"id": "extracted", "letter": first}),
        json.dumps({"id": "bad-facts", "letter": first, "case": {"case_id": "x", "requests": []}}),
        "not json",
        json.dumps({"id": "empty", "letter": ""}),
    ]
    return list(discover("-", io.StringIO("\n".join(lines) + "\n")))


@pytest.mark.parametrize("size", [1, 3, 8, 64])
def test_a_chunk_stage_by_stage_gives_each_input_its_own_outcome(
    mixed_corpus: tuple[Path, dict[str, str]], size: int
) -> None:
    root, expected = mixed_corpus
    inputs = list(discover(str(root))) + _stdin_inputs()
    settings = _settings()
    alone = [process(i, settings) for i in inputs]
    staged = [o for k in range(0, len(inputs), size) for o in process_chunk(inputs[k : k + size], settings)]
    assert _dump(staged) == _dump(alone)
    codes = {o.key: (o.records[0]["code"] if o.refusal else "evaluated") for o in staged}
    assert {k: codes[k] for k in expected if k in codes} == {k: v for k, v in expected.items() if k in codes}
    assert sum(o.refusal is None for o in staged) >= 6 and sum(o.refusal is not None for o in staged) >= 8


@pytest.mark.parametrize("stage", ["_read_letter", "_case_facts", "_judge"])
def test_a_bug_in_any_stage_refuses_that_input_only_as_it_would_alone(
    mixed_corpus: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    root, _ = mixed_corpus
    inputs = [i for i in discover(str(root)) if i.key.startswith("good/")]
    victim = inputs[2].key
    real = getattr(work, stage)

    def failing(*args: object) -> object:
        if any(isinstance(a, BatchInput) and a.key == victim for a in args) or any(
            getattr(a, "letter", None) is not None and getattr(a, "source", "").find(victim.split("/")[-1]) >= 0
            for a in args
        ):
            raise KeyError("boom")
        return real(*args)

    monkeypatch.setattr(work, stage, failing)
    settings = _settings()
    staged = process_chunk(inputs, settings)
    alone = [process(i, settings) for i in inputs]
    assert _dump(staged) == _dump(alone)
    refused = [o for o in staged if o.refusal]
    assert [o.key for o in refused] == [victim]
    assert refused[0].records[0]["code"] == "internal_error" and "KeyError: 'boom'" in refused[0].records[0]["reason"]


def test_other_tasks_still_go_one_input_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def task(item: BatchInput, settings: WorkSettings) -> Outcome:
        seen.append(item.key)
        return Outcome(key=item.key)

    monkeypatch.setattr(work, "_task", task)
    inputs = [BatchInput(key=f"k{i}", case="c", kind="letter_file", path="x.txt") for i in range(3)]
    assert [o.key for o in process_chunk(inputs, WorkSettings(task="notes"))] == ["k0", "k1", "k2"]
    assert seen == ["k0", "k1", "k2"]
