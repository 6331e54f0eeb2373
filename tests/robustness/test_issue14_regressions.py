"""Issue 14, point by point: each test is named after the point it keeps fixed.

Expected values come from the issue's report of what went wrong (a traceback, a hang, a lost
input) and from the contract every command keeps: exit 0, 1 or 2, one stderr line for 2.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import BILLION_LAUGHS, CASE_YAML, LETTER, REAL, REPO, run_inprocess, run_subprocess

from imr_engine.letter import normalise


def _records(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def _assert_each_input_once(records: list[dict[str, object]], inputs: int) -> None:
    assert records[-1]["type"] == "summary" and records[-1]["inputs"] == inputs
    body = records[:-1]
    assert all(r["type"] in ("item", "refused") for r in body)
    firsts = [r["input"] for r in body if r["type"] == "refused" or r["index"] == 0]
    assert len(firsts) == len(set(firsts)) == inputs


def test_point_01_a_deeply_nested_jsonl_line_is_one_refused_record() -> None:
    good = json.dumps({"id": "good", "letter": LETTER})
    stdin = "\n".join([good, "[" * 3000 + "]" * 3000, good]).encode() + b"\n"
    run = run_inprocess("qa", "-", "--jsonl", "--jobs", "1", stdin=stdin)
    run.check_contract(batch=True)
    records = _records(run.stdout)
    _assert_each_input_once(records, 3)
    refused = [r for r in records if r["type"] == "refused"]
    assert [(r["input"], r["code"]) for r in refused] == [("-:2", "bad_record")]
    assert "nested deeper than" in str(refused[0]["reason"])


def test_point_02_a_file_name_that_is_not_utf8_is_reported_not_fatal(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    for name in (b"a.txt", b"b\xff.txt", b"c.txt"):
        with open(os.path.join(os.fsencode(tree), name), "wb") as f:
            f.write(LETTER.encode())
    strict = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"}
    run = run_subprocess("qa", str(tree), "--jsonl", "--jobs", "1", env=strict)
    run.check_contract(batch=True)
    records = _records(run.stdout)
    _assert_each_input_once(records, 3)
    assert {r["input"] for r in records[:-1]} == {"a.txt", "b\\udcff.txt", "c.txt"}
    parsed = run_subprocess("parse", os.fsdecode(os.path.join(os.fsencode(tree), b"b\xff.txt")), env=strict)
    parsed.check_contract()
    assert parsed.code == 0 and "b\\udcff.txt" in parsed.stdout


def test_point_03_billion_laughs_is_refused_at_once(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(BILLION_LAUGHS, encoding="utf-8")
    run = run_inprocess("evaluate", str(case), limit=20)
    run.check_contract()
    assert run.code == 2 and "aliases are expanded" in run.stderr
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    (rules / "odg" / "laughs.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    run = run_inprocess("rules", "--rules", str(rules), limit=20)
    run.check_contract()
    assert run.code == 2 and "laughs.yaml:" in run.stderr and "aliases are expanded" in run.stderr


@pytest.mark.parametrize("date", ["2015-02-30", "0000-00-00"])
def test_point_04_an_impossible_date_is_refused_with_file_and_line(tmp_path: Path, date: str) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(f"case_id: x\nas_of: {date}\nrequests: [Soma 350mg]\n", encoding="utf-8")
    run = run_inprocess("evaluate", str(case))
    run.check_contract()
    assert run.code == 2 and f"{case}: line 2: " in run.stderr and f"'{date}' is not a valid date" in run.stderr
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    path = rules / "mtus_cpmtg" / "gi_protection.yaml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("effective_from: 2009-07-18")].count("\n") + 1
    path.write_text(text.replace("effective_from: 2009-07-18", f"effective_from: {date}", 1), encoding="utf-8")
    run = run_inprocess("rules", "--rules", str(rules))
    run.check_contract()
    assert run.code == 2 and f"gi_protection.yaml: line {line}: " in run.stderr


def test_point_05_yaml_and_json_nested_a_thousand_deep_are_refused(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("case_id: x\nrequests: " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    run = run_inprocess("evaluate", str(case))
    run.check_contract()
    assert run.code == 2 and "nested deeper than" in run.stderr
    record = json.dumps({"id": "deep", "letter": LETTER, "case": {"requests": "DEEP"}})
    stdin = record.replace('"DEEP"', "[" * 1000 + "]" * 1000).encode() + b"\n"
    run = run_inprocess("qa", "-", "--jsonl", "--jobs", "1", stdin=stdin)
    run.check_contract(batch=True)
    records = _records(run.stdout)
    _assert_each_input_once(records, 1)
    assert records[0]["code"] == "bad_record" and "nested deeper than" in str(records[0]["reason"])


def test_point_06_join_prose_looks_only_at_the_last_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Linear time, shown without a clock: the hyphen test never reads more than the line before."""
    seen: list[int] = []
    real = normalise._HYPHEN_END

    class Spy:
        def search(self, text: str) -> object:
            seen.append(len(text))
            return real.search(text)

    monkeypatch.setattr(normalise, "_HYPHEN_END", Spy())
    lines = [f"line {i} of a long letter, ending in a hyphen-" for i in range(2000)]
    joined = normalise.join_prose(lines)
    assert joined.startswith("line 0 of a long letter, ending in a hyphen-line 1")
    assert seen and max(seen) <= max(len(line) for line in lines)


def test_point_06_a_50_mb_letter_is_refused_by_size(tmp_path: Path) -> None:
    letter = tmp_path / "huge.txt"
    with open(letter, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    run = run_inprocess("parse", str(letter), limit=10)
    run.check_contract()
    assert run.code == 2 and "larger than the limit" in run.stderr


def test_point_08_a_write_error_is_exit_2_and_one_line() -> None:
    letter = str(REAL[0] / "letter.txt")
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "imr_engine", "parse", letter], stdout=full,
                              stderr=subprocess.PIPE, cwd=REPO, timeout=120)
    stderr = done.stderr.decode()
    assert done.returncode == 2 and stderr.count("\n") == 1 and "No space left on device" in stderr, stderr
    run = run_subprocess("qa", str(REAL[0]), "--out", "/dev/full", "--jobs", "1")
    run.check_contract(batch=True)
    assert run.code == 2 and "/dev/full: cannot write output" in run.stderr


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to find the workers")
def test_point_09_killing_the_parent_leaves_no_workers(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for i in range(60):
        shutil.copytree(REAL[i % len(REAL)], corpus / f"case_{i:03d}")
    proc = subprocess.Popen(
        [sys.executable, "-m", "imr_engine", "qa", str(corpus), "--out", str(tmp_path / "o.jsonl"), "--jobs", "2",
         "--quiet"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 90
    workers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None and len(workers) < 2:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert proc.poll() is None and len(workers) >= 2, "the run ended before it had two workers"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:  # do not leave them to the next test
        os.kill(w, signal.SIGKILL)
    assert not left


def _small_corpus(root: Path) -> Path:
    for folder in REAL[:2]:
        shutil.copytree(folder, root / folder.name)
    return root


def test_point_10_resume_refuses_output_made_with_other_rules(tmp_path: Path) -> None:
    corpus = _small_corpus(tmp_path / "corpus")
    out = tmp_path / "out.jsonl"
    first = run_inprocess("qa", str(corpus), "--out", str(out), "--jobs", "1")
    assert first.code == 0, first.stderr
    other = tmp_path / "rules"
    shutil.copytree(REPO / "rules", other)
    with open(other / "odg" / "note.yaml", "w", encoding="utf-8") as f:  # any change makes another rule book
        f.write("")
    (other / "odg" / "note.yaml").unlink()
    path = other / "mtus_cpmtg" / "gi_protection.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# another rule book\n", encoding="utf-8")
    before = out.read_bytes()
    run = run_inprocess("qa", str(corpus), "--out", str(out), "--resume", "--rules", str(other), "--jobs", "1")
    run.check_contract(batch=True)
    assert run.code == 2 and "other rules" in run.stderr
    assert out.read_bytes() == before


def test_point_10_resume_refuses_a_file_that_is_not_imr_output(tmp_path: Path) -> None:
    corpus = _small_corpus(tmp_path / "corpus")
    out = tmp_path / "notes.txt"
    out.write_text("my own notes\nnot JSON at all\n", encoding="utf-8")
    run = run_inprocess("qa", str(corpus), "--out", str(out), "--resume", "--jobs", "1")
    run.check_contract(batch=True)
    assert run.code == 2 and "not a record of `imr qa --out`" in run.stderr
    assert out.read_text(encoding="utf-8") == "my own notes\nnot JSON at all\n"


def test_point_10_out_naming_an_input_is_refused(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    run = run_inprocess("qa", str(letter), "--out", str(letter), "--jobs", "1")
    run.check_contract(batch=True)
    assert run.code == 2 and "overwrite" in run.stderr
    assert letter.read_text(encoding="utf-8") == LETTER
    corpus = _small_corpus(tmp_path / "corpus")
    inside = corpus / REAL[0].name / "letter.txt"
    run = run_inprocess("qa", str(corpus), "--out", str(inside), "--jobs", "1")
    run.check_contract(batch=True)
    assert run.code == 2 and inside.read_bytes() == (REAL[0] / "letter.txt").read_bytes()


def test_point_11_duplicate_keys_are_refused_with_the_line(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    text = CASE_YAML + "requests:\n  - Soma 350mg\n"
    case.write_text(text, encoding="utf-8")
    line = text.count("\n") - 1
    run = run_inprocess("evaluate", str(case))
    run.check_contract()
    assert run.code == 2 and f"{case}: line {line}: " in run.stderr and "duplicate key 'requests'" in run.stderr


@pytest.mark.parametrize("limit", ["1.0e+20", ".inf", ".nan", "-.inf"])
def test_point_12_rule_limits_must_be_sane_numbers(tmp_path: Path, limit: str) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    path = rules / "mtus_cpmtg" / "gi_protection.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{fact: gi_risk, is_not: yes}", f"{{fact: age, gt: {limit}}}", 1), encoding="utf-8")
    run = run_inprocess("rules", "--rules", str(rules))
    run.check_contract()
    assert run.code == 2 and "gi_protection.yaml:" in run.stderr and "finite number" in run.stderr


def test_point_12_a_rule_book_over_the_limit_is_refused_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from imr_engine.errors import RuleError
    from imr_engine.rulebook import load

    monkeypatch.setattr(load, "MAX_RULES", 20)  # the bundled book holds more than 20: it must be refused
    with pytest.raises(RuleError, match="more than 20 rules"):
        load.load_rulebook(REPO / "rules")


def test_point_14_a_fifo_in_a_tree_does_not_hang_qa(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.txt").write_text(LETTER, encoding="utf-8")
    os.mkfifo(tree / "b.txt")
    run = run_inprocess("qa", str(tree), "--jsonl", "--jobs", "1", limit=60)
    run.check_contract(batch=True)
    records = _records(run.stdout)
    _assert_each_input_once(records, 2)
    assert any(r["type"] == "refused" and "FIFO" in str(r["reason"]) for r in records)


def test_point_14_parse_dev_zero_is_refused() -> None:
    run = run_inprocess("parse", "/dev/zero", limit=10)
    run.check_contract()
    assert run.code == 2 and "/dev/zero: is a device" in run.stderr


def test_point_14_non_utf8_stdin_costs_one_line_in_one_line() -> None:
    good = json.dumps({"id": "good", "letter": LETTER}).encode()
    run = run_inprocess("qa", "-", "--jsonl", "--jobs", "1", stdin=good + b"\n" + b'{"id": "caf\xe9"}\n' + good + b"\n")
    run.check_contract(batch=True)
    records = _records(run.stdout)
    _assert_each_input_once(records, 3)
    errors = [line for line in run.stderr.splitlines() if "error" in line]
    assert errors == ["imr qa: error: <stdin> line 2: not UTF-8 (invalid byte at offset 11)"]


def test_point_14_a_file_name_with_a_newline_gives_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"")
    run = run_inprocess("parse", str(path))
    run.check_contract()
    assert run.code == 2 and "two\\u000alines.txt: file is empty" in run.stderr


def test_point_14_terminal_escapes_in_a_letter_are_not_printed_raw(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(LETTER.replace("Upheld", "Upheld\x1b[2J\x9b1m", 1), encoding="utf-8")
    for args in (("parse", str(path)), ("parse", str(path), "--json"), ("extract", str(path))):
        run = run_inprocess(*args)
        run.check_contract()
        assert "\x1b" not in run.stdout and "\x9b" not in run.stdout, args


@pytest.mark.parametrize("written", ["Охусоdone 10mg #60", "Oxy\u200bcodone 10mg #60", "Ｏｘｙｃｏｄｏｎｅ １０ｍｇ ＃６０"])
def test_point_14_look_alike_zero_width_and_full_width_names_are_recognised(written: str) -> None:
    from imr_engine.requests import parse_request

    item = parse_request(written)
    assert item.ingredients == ["oxycodone"] and item.text == written
    assert [(s.value, s.unit) for s in item.strengths] == [(10.0, "mg")]


def test_point_14_binary_stdin_is_one_refused_record_not_a_hang() -> None:
    from imr_engine.batch.inputs import MAX_RECORD_BYTES

    run = run_inprocess("qa", "-", "--jsonl", "--jobs", "1", stdin=b"\0" * (MAX_RECORD_BYTES + 4096), limit=30)
    run.check_contract(batch=True)
    records = _records(run.stdout)
    _assert_each_input_once(records, 1)
    assert records[0]["code"] == "bad_record" and "binary data" in str(records[0]["reason"])
