"""The robustness suite: every command over hostile and broken inputs.

Asserted for every run: exit 0, 1 or 2 only; exactly one stderr line for exit 2; no
traceback; bounded time (a run that hangs fails through SIGALRM or a subprocess timeout).
For a batch: every input reported exactly once, the summary last. Generated files
(hostile.py) cover what people and tools really produce; hypothesis covers the rest.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import LETTER, REAL, REPO, hostile_case_files, hostile_letters, run_inprocess, run_subprocess
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_HOSTILE_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


_UNREADABLE = {"empty", "blank", "NUL bytes", "not UTF-8", "UTF-16", "over the size limit (sparse)", "a FIFO",
               "a symlink loop", "a folder named like a letter"}


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("hostile") / "letters"
    return root, hostile_letters(root)


@pytest.fixture(scope="module")
def case_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return hostile_case_files(tmp_path_factory.mktemp("hostile") / "cases")


def test_parse_extract_and_precheck_keep_the_contract_on_every_hostile_letter(letters: tuple[Path, dict[str, str]]) -> None:
    _, made = letters
    for path, what in sorted(made.items()):
        commands = [("parse", path), ("parse", path, "--json"), ("extract", path, "--json")]
        if what in _UNREADABLE or what == "terminal escapes in a letter":  # precheck takes ~10 s a readable letter
            commands.append(("precheck", path, "--request", "Norco 10/325 #120"))
        for args in commands:
            run = run_inprocess(*args, limit=60)
            run.check_contract()
            assert "\x1b" not in run.stdout and "\n" not in run.stderr.rstrip("\n"), (what, args)


def test_evaluate_keeps_the_contract_on_every_hostile_case_file(case_files: dict[str, str]) -> None:
    for path, what in sorted(case_files.items()):
        run = run_inprocess("evaluate", path, "--json", limit=30)
        run.check_contract()
        assert run.code == 2 or what == "anchors.yaml", (what, run.stdout[:300])


def test_rules_keeps_the_contract_on_every_hostile_rule_file(case_files: dict[str, str], tmp_path: Path) -> None:
    for path, what in sorted(case_files.items()):
        rules = tmp_path / what
        shutil.copytree(REPO / "rules", rules)
        shutil.copy(path, rules / "odg" / what)
        run = run_inprocess("rules", "--rules", str(rules), limit=60)
        run.check_contract()
        assert run.code == 2 and what in run.stderr, (what, run.stderr)
    fifo_book = tmp_path / "fifo_book"
    shutil.copytree(REPO / "rules", fifo_book)
    os.mkfifo(fifo_book / "odg" / "pipe.yaml")
    run = run_inprocess("rules", "--rules", str(fifo_book), limit=30)
    run.check_contract()
    assert run.code == 2 and "pipe.yaml" in run.stderr


def test_a_batch_over_a_hostile_tree_reports_every_input_once(letters: tuple[Path, dict[str, str]]) -> None:
    root, made = letters
    run = run_subprocess("qa", str(root), "--jsonl", "--jobs", "2", "--quiet", timeout=300)
    run.check_contract(batch=True)
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert records[-1]["type"] == "summary" and records[-1]["complete"] is True
    reported = [r["input"] for r in records[:-1] if r["type"] == "refused" or r["index"] == 0]
    assert len(reported) == len(set(reported)) == records[-1]["inputs"]
    # every hostile file is an input, except the folder named like a letter (it holds none)
    expected = {Path(p).name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                for p in made if not Path(p).is_dir()}
    shown = {name.replace("\\u000a", "\n").replace("\\udcff", "\\xff") for name in reported}
    assert shown == expected


_LINE = st.one_of(
    st.binary(max_size=200).map(lambda b: b.replace(b"\n", b" ")),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                 lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3),
                 max_leaves=20).map(lambda v: json.dumps(v).encode()),
    st.integers(min_value=60, max_value=5000).map(lambda n: b"[" * n + b"]" * n),
    st.just(json.dumps({"id": "good", "letter": LETTER}).encode()),
    st.just(json.dumps({"id": "no letter", "case": {}}).encode()),
)


def _is_input(line: bytes) -> bool:
    """A JSON Lines input is any line but a blank one."""
    try:
        return bool(line.decode("utf-8").strip())
    except UnicodeDecodeError:
        return True


@_HOSTILE_SETTINGS
@given(st.lists(_LINE, min_size=1, max_size=6))
def test_a_batch_on_stdin_reports_every_line_once_whatever_it_holds(lines: list[bytes]) -> None:
    run = run_inprocess("qa", "-", "--jsonl", "--jobs", "1", stdin=b"\n".join(lines) + b"\n", limit=60)
    run.check_contract(batch=True)
    records = [json.loads(line) for line in run.stdout.splitlines()]
    inputs = sum(_is_input(line) for line in lines)
    if inputs == 0:
        assert run.code == 2 and "no inputs found" in run.stderr
        return
    assert records[-1]["type"] == "summary" and records[-1]["inputs"] == inputs
    reported = [r["input"] for r in records[:-1] if r["type"] == "refused" or r["index"] == 0]
    assert len(reported) == len(set(reported)) == inputs


@_HOSTILE_SETTINGS
@given(st.binary(max_size=3000) | st.text(max_size=3000).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_parse_keeps_the_contract_on_any_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "letter.txt"
    path.write_bytes(data)
    run = run_inprocess("parse", str(path), limit=20)
    run.check_contract()


@_HOSTILE_SETTINGS
@given(st.text(max_size=400))
def test_evaluate_keeps_the_contract_on_any_yaml_text(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("yaml") / "case.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    run = run_inprocess("evaluate", str(path), limit=20)
    run.check_contract()


@pytest.mark.parametrize("args", [("schema",), ("rules",), ("evaluate", str(REAL[0] / "case.yaml")),
                                  ("qa", str(REAL[0]), "--jsonl", "--jobs", "1")])
def test_every_command_reports_a_full_disk_in_one_line(args: tuple[str, ...]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "imr_engine", *args], stdout=full, stderr=subprocess.PIPE,
                              cwd=REPO, timeout=120)
    stderr = done.stderr.decode()
    assert done.returncode == 2 and stderr.count("\n") == 1 and "No space left on device" in stderr, stderr
