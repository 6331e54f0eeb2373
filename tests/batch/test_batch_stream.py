"""The batch as a library call (`batch.stream`, `qa.collect`): what a web layer or a script runs.

The CLI only formats what these return; here they run without it: in a thread of
their own (no signal handling there), to a stream given by the caller, and to an
output file that is only created once there is something to write.
"""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import pytest
from batch_corpora import CASES, REAL

from imr_engine.batch import BatchRun, WorkSettings
from imr_engine.batch.output import FileSink
from imr_engine.batch.plan import plan_run
from imr_engine.batch.stream import stream
from imr_engine.errors import InputFileError
from imr_engine.qa.collect import Collected, collect

#: The disputed items of the five real letters (their decision headings), all predicted as decided.
LETTER_ITEMS = 16


@pytest.fixture(scope="module")
def batch(frozen_rules: str) -> BatchRun:
    plan = plan_run(frozen_rules, jobs=1)
    return BatchRun(WorkSettings(rules_dir=frozen_rules, rules_version=plan.rules_version), jobs=plan.jobs)


def test_collect_in_a_worker_thread_reports_every_item_of_the_letters(batch: BatchRun) -> None:
    done: list[Collected] = []
    worker = threading.Thread(target=lambda: done.append(collect(str(CASES), batch)))
    worker.start()
    worker.join(timeout=300)
    [collected] = done
    assert collected.result.complete and collected.result.tally.inputs == len(REAL)
    summary = collected.report.summary
    assert summary.items == LETTER_ITEMS and summary.agree == LETTER_ITEMS


def test_stream_to_a_callers_stream_ends_with_the_summary(batch: BatchRun, tmp_path: Path) -> None:
    sink = io.StringIO()
    result = stream(str(CASES), batch, stdout=sink, csv=str(tmp_path / "items.csv"))
    records = [json.loads(line) for line in sink.getvalue().splitlines()]
    assert [r["type"] for r in records].count("item") == LETTER_ITEMS
    assert records[-1]["type"] == "summary" and records[-1]["items"] == result.tally.items == LETTER_ITEMS
    assert len((tmp_path / "items.csv").read_text(encoding="utf-8").splitlines()) == 1 + LETTER_ITEMS


def test_an_output_file_is_created_at_the_first_write_only(tmp_path: Path) -> None:
    new, earlier = tmp_path / "new.jsonl", tmp_path / "earlier.jsonl"
    earlier.write_text("an earlier run\n", encoding="utf-8")
    for path in (new, earlier):
        FileSink(str(path)).close()  # a run that failed before its first line
    assert not new.exists()
    assert earlier.read_text(encoding="utf-8") == "an earlier run\n"
    sink = FileSink(str(new))
    sink.write(['{"type": "summary"}'])
    sink.close()
    assert new.read_text(encoding="utf-8") == '{"type": "summary"}\n'


def test_an_output_in_a_missing_folder_is_refused_before_the_run(batch: BatchRun, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "out.jsonl"
    with pytest.raises(InputFileError, match="cannot write: No such file or directory"):
        stream(str(CASES), batch, out=str(target))
