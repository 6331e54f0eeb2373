"""`imr qa`: today's report unchanged, the new streaming flags, and bad usage in one line."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from batch_corpora import CASES, REPO, imr

from imr_engine.batch import discover
from imr_engine.batch.work import WorkSettings
from imr_engine.cli import dump_json, main
from imr_engine.engine import Engine
from imr_engine.qa import ReportBuilder, run
from imr_engine.qa.render import render_report


def _main(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def old_report(engine: Engine):  # type: ignore[no-untyped-def]
    """The report as the QA library builds it from the pipeline, in this process."""
    builder = ReportBuilder()
    outcomes = list(run(discover(str(CASES)), WorkSettings(rules_version=engine.book.version)))
    for outcome in outcomes:
        for record in outcome.records:
            builder.add(record)
    return builder.report(len(outcomes), engine.book.version)


def test_table_is_the_library_report(old_report, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("COLUMNS", raising=False)  # the table's width: $COLUMNS when set
    code, out, _ = _main("qa")
    assert code == (0 if old_report.all_agree else 1)
    assert out == render_report(old_report)
    assert _main("qa", "cases")[1] == out


def test_json_is_the_library_report(old_report) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _main("qa", str(CASES), "--json", "--jobs", "2")
    assert out == dump_json(old_report.model_dump(mode="json")) + "\n"
    assert json.loads(out)["summary"]["items"] == len(old_report.items) > 0


def test_jsonl_items_are_the_report_items_plus_their_input(old_report) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _main("qa", str(CASES), "--jsonl")
    lines = out.splitlines()
    records = [json.loads(line) for line in lines]
    summary = records.pop()
    assert [{k: r[k] for k in old_report.items[0].model_dump()} for r in records] == [
        i.model_dump(mode="json") for i in old_report.items
    ]
    assert all(r["facts"] == "curated" and r["input"] == r["case"] for r in records)
    assert summary["items"] == len(records) and summary["inputs"] == old_report.summary.cases
    assert all(line == json.dumps(json.loads(line), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
               for line in lines)  # compact, sorted keys: byte-stable


def test_out_prints_the_totals(tmp_path: Path, old_report) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "qa.jsonl"
    code, stdout, _ = _main("qa", str(CASES), "--out", str(out), "--json")
    summary = json.loads(stdout)
    assert summary == json.loads(out.read_text(encoding="utf-8").splitlines()[-1])
    assert summary["agree"] == old_report.summary.agree


@pytest.mark.parametrize("args, message", [
    (["qa", "--resume"], "--resume needs --out"),
    (["qa", "--json", "--jsonl"], "choose one"),
    (["qa", "no/such/dir"], "no/such/dir: no such file or folder"),
    (["qa", "--jobs", "0"], "at least 1"),
    (["qa", "--out", "x", "--jsonl"], "not allowed with"),
])
def test_bad_usage_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    done = imr(*args)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr


def test_an_empty_folder_is_bad_input(tmp_path: Path) -> None:
    done = imr("qa", str(tmp_path))
    assert done.returncode == 2 and "no inputs found" in done.stderr and str(tmp_path) in done.stderr


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    done = imr("qa", str(CASES), "--out", str(tmp_path / "o.jsonl"), "--jobs", "1")
    assert done.returncode in (0, 1) and done.stderr == ""


def test_extract_mode_reports_extraction_against_the_curated_cases() -> None:
    code, out, err = _main("qa", str(CASES), "--extract", "--json")
    report = json.loads(out)
    assert report["summary"]["cases"] == len(list(CASES.glob("*/case.yaml")))
    assert report["summary"]["use_rationale"] is False
    assert code == (0 if report["summary"]["agree"] == report["summary"]["items"] and not report["refused"] else 1)
    with_rationale = json.loads(_main("qa", str(CASES), "--extract", "--use-rationale", "--json")[1])
    assert with_rationale["summary"]["use_rationale"] is True


def test_extract_mode_takes_no_streaming_options() -> None:
    done = imr("qa", "--extract", "--jsonl")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "--extract" in done.stderr


def test_a_letter_without_facts_goes_through_extraction(tmp_path: Path) -> None:
    letter = tmp_path / "one.txt"
    letter.write_text((CASES / "003_54b8f692fb4011a5" / "letter.txt").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = _main("qa", str(letter), "--jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    items, summary = records[:-1], records[-1]
    assert summary["evaluated"] == 1 and summary["refused"] == 0, err
    assert [r["facts"] for r in items] == ["extracted"] * len(items) and len(items) == 2
    assert all(r["input"] == "one.txt" and r["case"] == "one" for r in items)
    with_rationale = [json.loads(line) for line in _main("qa", str(letter), "--jsonl", "--use-rationale")[1].splitlines()]
    assert len(with_rationale) == len(records)
