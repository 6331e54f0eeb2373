"""Ctrl-C and --resume: an interrupted run leaves whole JSON Lines, and resuming completes it
to exactly the bytes of an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_corpora import REPO, build_copies, build_mixed_corpus, imr

from imr_engine.batch import resume_output


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("resume") / "corpus"
    build_copies(root, 120)
    build_mixed_corpus(root / "mixed")  # refusals must survive an interruption too
    return root


@pytest.fixture(scope="module")
def reference(corpus: Path, frozen_rules: str, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("ref") / "full.jsonl"
    done = imr("qa", str(corpus), "--out", str(out), "--jobs", "1", "--quiet", "--rules", frozen_rules)
    assert done.returncode == 2, done.stderr  # the mixed part holds refusals
    return out.read_bytes()


def _interrupt(corpus: Path, out: Path, jobs: str, rules: str) -> subprocess.CompletedProcess[bytes]:
    """Start a run, send SIGINT once it has written some lines, wait for it to stop."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "imr_engine", "qa", str(corpus), "--out", str(out), "--jobs", jobs, "--quiet",
         "--rules", rules],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 30:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupt_then_resume_equals_an_uninterrupted_run(
    corpus: Path, reference: bytes, frozen_rules: str, tmp_path: Path, jobs: str
) -> None:
    out = tmp_path / "out.jsonl"
    stopped = _interrupt(corpus, out, jobs, frozen_rules)
    assert stopped.returncode == 130, stopped.stderr
    assert b"Traceback" not in stopped.stderr and b"interrupted" in stopped.stderr
    text = out.read_text(encoding="utf-8")
    assert text.endswith("\n")
    records = [json.loads(line) for line in text.splitlines()]  # every line is whole JSON
    assert records[-1]["type"] == "summary" and records[-1]["complete"] is False
    assert 0 < records[-1]["inputs"] < json.loads(reference.splitlines()[-1])["inputs"]
    assert reference.startswith(text.rsplit("\n", 2)[0].encode())  # what was written is the run's prefix

    resumed = imr("qa", str(corpus), "--out", str(out), "--jobs", jobs, "--resume", "--quiet", "--rules", frozen_rules)
    assert resumed.returncode == 2, resumed.stderr
    assert out.read_bytes() == reference


def test_resume_drops_an_input_cut_off_mid_way(reference: bytes, tmp_path: Path) -> None:
    """A killed run (no clean stop) can end inside an input, even inside a line."""
    lines = reference.splitlines(keepends=True)
    first_multi = next(i for i, line in enumerate(lines) if b'"item_count":3' in line and b'"index":1' in line)
    cut = b"".join(lines[:first_multi]) + lines[first_multi][:40]  # items 0 of 3 whole, item 1 half written
    out = tmp_path / "killed.jsonl"
    out.write_bytes(cut)
    resumed = resume_output(out, json.loads(lines[-1])["rules_version"])
    kept = out.read_bytes()
    assert kept == b"".join(lines[: first_multi - 1])  # item 0 of the cut input goes too
    assert len(resumed.done) == resumed.tally.inputs == kept.count(b'"index":0') + kept.count(b'"type":"refused"')


def test_resume_of_a_missing_file_runs_everything(
    corpus: Path, reference: bytes, frozen_rules: str, tmp_path: Path
) -> None:
    out = tmp_path / "new.jsonl"
    done = imr("qa", str(corpus), "--out", str(out), "--jobs", "2", "--resume", "--quiet", "--rules", frozen_rules)
    assert done.returncode == 2
    assert out.read_bytes() == reference


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def test_a_worker_killed_mid_run_loses_nothing(
    corpus: Path, reference: bytes, frozen_rules: str, tmp_path: Path
) -> None:
    """SIGKILL one worker: its inputs are run again in a new pool; the output is still complete."""
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "imr_engine", "qa", str(corpus), "--out", str(out), "--jobs", "2", "--quiet",
         "--rules", frozen_rules],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        if len(workers) >= 2 and out.exists() and out.read_bytes().count(b"\n") >= 20:
            break
        time.sleep(0.02)
    assert proc.poll() is None and workers, "the run ended before a worker could be killed"
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 2, stderr  # the corpus's own refusals, nothing more
    assert b"Traceback" not in stderr
    assert out.read_bytes() == reference
