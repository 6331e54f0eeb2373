"""Nothing lost: every input of a corpus mixing good, broken and empty letters is reported.

Letters in = letters reported out: each input appears exactly once in the output,
either as its items or as one refusal with the expected reason code, and the
summary's totals count them all. Exit code 2 says some input was refused.
"""

from __future__ import annotations

import json
from pathlib import Path

from batch_corpora import imr

from imr_engine.batch import ItemRecord, RefusedRecord, SummaryRecord, discover


def _read(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def test_every_input_is_reported_once_with_its_reason(mixed_corpus: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    root, expected = mixed_corpus
    out = tmp_path / "out.jsonl"
    done = imr("qa", str(root), "--out", str(out), "--jobs", "2", "--quiet")
    assert done.returncode == 2, done.stderr
    records = _read(out)
    summary = records.pop()
    assert summary["type"] == "summary" and summary["complete"] is True

    reported: dict[str, str] = {}
    for r in records:
        if r["type"] == "refused":
            assert r["input"] not in reported
            reported[r["input"]] = r["code"]
            RefusedRecord.model_validate(r)
        else:
            ItemRecord.model_validate(r)
            assert reported.get(r["input"], "evaluated") == "evaluated"
            reported[r["input"]] = "evaluated"
    assert reported == expected  # letters in = letters reported out, each with its fate
    assert summary["inputs"] == len(expected) == summary["evaluated"] + summary["refused"]
    assert summary["refused"] == sum(v != "evaluated" for v in expected.values())
    SummaryRecord.model_validate(summary)

    # one stderr line per refused input, naming its file
    errors = [line for line in done.stderr.splitlines() if line.startswith("imr qa: error: ")]
    assert len(errors) == summary["refused"]
    for key, fate in expected.items():
        if fate != "evaluated":
            assert any(str(root / key) in line for line in errors), key
    assert "Traceback" not in done.stderr


def test_items_of_an_input_are_complete_and_in_order(mixed_corpus: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    root, _ = mixed_corpus
    out = tmp_path / "out.jsonl"
    imr("qa", str(root), "--out", str(out), "--jobs", "1", "--quiet")
    by_input: dict[str, list[dict]] = {}
    for r in _read(out)[:-1]:
        by_input.setdefault(r["input"], []).append(r)
    for key, rs in by_input.items():
        if rs[0]["type"] == "item":
            assert [r["index"] for r in rs] == list(range(rs[0]["item_count"])), key
    # the output follows the discovery order, whatever finished first
    assert list(by_input) == [i.key for i in discover(str(root))]


def test_stdin_records_are_all_reported(tmp_path: Path) -> None:
    import yaml
    from batch_corpora import REAL

    good = {
        "id": "curated-000",
        "letter": (REAL[0] / "letter.txt").read_text(encoding="utf-8"),
        "case": yaml.safe_load((REAL[0] / "case.yaml").read_text(encoding="utf-8")),
    }
    bad_facts = {"letter": good["letter"], "case": {"case_id": "x", "requests": []}}
    lines = [json.dumps(good), "{not json", json.dumps({"letter": 5}), "", json.dumps(bad_facts),
             json.dumps({"id": "no-layout", "letter": "hello"})]
    done = imr("qa", "-", "--jsonl", "--quiet", stdin="\n".join(lines) + "\n")
    assert done.returncode == 2
    records = [json.loads(x) for x in done.stdout.splitlines()]
    summary = records.pop()
    refused = {r["input"]: r for r in records if r["type"] == "refused"}
    items = [r for r in records if r["type"] == "item"]
    assert {r["input"] for r in items} == {"-:1"} and items[0]["case"] == "curated-000"
    assert items[0]["facts"] == "curated"
    assert refused["-:2"]["code"] == "bad_record" and "line 2" in refused["-:2"]["reason"]
    assert refused["-:3"]["code"] == "bad_record" and "letter" in refused["-:3"]["reason"]
    assert refused["-:5"]["code"] == "case_facts" and "requests" in refused["-:5"]["reason"]
    assert refused["-:6"]["code"] == "unknown_layout" and refused["-:6"]["case"] == "no-layout"
    assert summary["inputs"] == 5  # the blank line is not a record
