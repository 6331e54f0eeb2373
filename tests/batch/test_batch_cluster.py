"""`imr qa --cluster`: the batch on Dask workers keeps the local pool's guarantees.

Every input reported exactly once, in input order, byte-identical to `--jobs 1`;
a worker killed mid-run costs nothing; an interrupted output is completed by
`--resume` on the cluster. Skipped when the cluster extra is not installed.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import pytest
from batch_corpora import CASES, REAL, build_copies, build_mixed_corpus, imr

pytest.importorskip("distributed")

from distributed import Client, LocalCluster, WorkerPlugin  # noqa: E402

from imr_engine.batch import SummaryRecord, Tally, discover, to_line  # noqa: E402
from imr_engine.batch.work import WorkSettings  # noqa: E402
from imr_engine.engine import load_engine  # noqa: E402
from imr_engine.qa import run  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cluster") / "corpus"
    build_copies(root, 12)
    build_mixed_corpus(root / "mixed")  # refusals go through the cluster too
    return root


@pytest.fixture(scope="module")
def scheduler():  # type: ignore[no-untyped-def]
    """A running Dask scheduler with two worker processes, as `dask scheduler` / `dask worker` would start."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0",
                      silence_logs=50) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def reference(corpus: Path, frozen_rules: str, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("ref") / "jobs1.jsonl"
    done = imr("qa", str(corpus), "--out", str(out), "--jobs", "1", "--quiet", "--rules", frozen_rules)
    assert done.returncode == 2, done.stderr  # the mixed part holds refusals
    return out.read_bytes()


def test_a_local_cluster_writes_the_bytes_of_one_process(
    corpus: Path, reference: bytes, frozen_rules: str, tmp_path: Path
) -> None:
    out = tmp_path / "cluster.jsonl"
    done = imr("qa", str(corpus), "--out", str(out), "--cluster", "local", "--jobs", "2", "--quiet",
               "--rules", frozen_rules)
    assert done.returncode == 2, done.stderr
    assert out.read_bytes() == reference
    assert "Traceback" not in done.stderr


def test_resume_on_an_existing_scheduler_completes_an_interrupted_output(
    corpus: Path, reference: bytes, frozen_rules: str, tmp_path: Path, scheduler
) -> None:
    out = tmp_path / "cut.jsonl"
    lines = reference.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[: len(lines) // 3]) + lines[len(lines) // 3][:25])  # cut mid-line, no summary
    done = imr("qa", str(corpus), "--out", str(out), "--resume", "--cluster", scheduler.scheduler_address, "--quiet",
               "--rules", frozen_rules)
    assert done.returncode == 2, done.stderr
    assert out.read_bytes() == reference


def test_a_worker_killed_mid_run_loses_no_input(corpus: Path, reference: bytes, frozen_rules: str, scheduler) -> None:
    """An existing scheduler (tcp://...), two workers; one is SIGKILLed while it holds chunks in flight."""
    settings = WorkSettings(rules_dir=frozen_rules, rules_version=load_engine(frozen_rules).book.version)
    with Client(scheduler, set_as_default=False) as client:
        address = scheduler.scheduler_address
        assert address.startswith("tcp://")
        pids = client.run(os.getpid)
        lines: list[str] = []
        tally = Tally()
        killed = None
        for outcome in run(discover(str(corpus)), settings, cluster=address):
            lines += outcome.lines
            tally.add_input(outcome.records)
            if killed is None:  # after the first chunk: the others are queued or running on both workers
                killed = sorted(pids.values())[0]
                os.kill(killed, signal.SIGKILL)
        assert killed is not None
        restarted = set(client.run(os.getpid).values())
        assert killed not in restarted  # it did die (its nanny started another)
    summary: SummaryRecord = tally.summary(settings.rules_version, True)
    written = "".join(line + "\n" for line in [*lines, to_line(summary)]).encode("utf-8")
    assert written == reference


def test_a_scheduler_that_is_not_there_is_one_line_and_exit_2_and_no_output_file(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    done = imr("qa", str(corpus), "--out", str(out), "--cluster", "tcp://127.0.0.1:9", "--quiet")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "tcp://127.0.0.1:9" in done.stderr, done.stderr
    assert not out.exists()  # nothing to write, so no empty file left behind (see test_batch_output_file)


def test_a_server_that_is_not_a_dask_scheduler_is_one_line_and_exit_2(corpus: Path, tmp_path: Path) -> None:
    """Something listens there but says nothing (a web server, say): Dask's client would wait for ever."""
    import socket

    with socket.create_server(("127.0.0.1", 0)) as silent:
        address = f"tcp://127.0.0.1:{silent.getsockname()[1]}"
        done = imr("qa", str(corpus), "--out", str(tmp_path / "x.jsonl"), "--cluster", address, "--quiet")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "no Dask scheduler there" in done.stderr, done.stderr
    assert not (tmp_path / "x.jsonl").exists()


def test_a_cluster_address_that_is_not_one_is_refused_before_anything_runs() -> None:
    done = imr("qa", "--cluster", "my laptop")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "scheduler address" in done.stderr, done.stderr



def test_relative_paths_are_read_from_the_clients_folder(frozen_rules: str, tmp_path: Path, scheduler) -> None:
    """The workers run elsewhere (here: another working folder); messages still name the paths as given."""
    build_mixed_corpus(tmp_path / "mixed")
    one = imr("qa", "mixed", "--out", "one.jsonl", "--jobs", "1", "--quiet", "--rules", frozen_rules, cwd=tmp_path)
    many = imr("qa", "mixed", "--out", "many.jsonl", "--cluster", scheduler.scheduler_address, "--quiet",
               "--rules", frozen_rules, cwd=tmp_path)
    assert many.returncode == one.returncode == 2, many.stderr
    assert b"mixed/broken/scan.pdf: not a letter file" in (tmp_path / "one.jsonl").read_bytes()
    assert (tmp_path / "many.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()


def test_a_worker_without_the_clients_folder_or_rule_book_refuses_the_chunk(frozen_rules: str) -> None:
    from imr_engine.batch.cluster import _NotShared, _RulesMismatch, run_chunk

    batch = list(discover(str(CASES)))[:1]
    with pytest.raises(_NotShared):
        run_chunk(batch, WorkSettings(rules_dir=frozen_rules), "/no/such/folder")
    with pytest.raises(_RulesMismatch):
        run_chunk(batch, WorkSettings(rules_dir=frozen_rules, rules_version="sha256:another"), os.getcwd())
    ok = run_chunk(batch, WorkSettings(rules_dir=frozen_rules, rules_version=load_engine(frozen_rules).book.version),
                   os.getcwd())
    assert [o.key for o in ok] == [batch[0].key] and ok[0].refusal is None


class _KillsItsWorker(WorkerPlugin):
    """Makes one input kill the worker process that evaluates it (SIGKILL, as the OOM killer would).

    No real input does this on purpose, so the fault is put in on the workers: the plugin
    wraps the first step every QA input takes (reading its letter; a chunk runs it for each
    input before any other step) on every worker that starts, the restarted ones too.
    """

    def __init__(self, key: str) -> None:
        self.key = key

    def setup(self, worker: object) -> None:
        import imr_engine.batch.work as work

        real, key = work._read_letter, self.key

        def read_letter(item, settings):  # type: ignore[no-untyped-def]
            if item.key == key:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(item, settings)

        work._read_letter = read_letter


def test_an_input_that_kills_every_worker_is_refused_and_the_others_are_reported(
    frozen_rules: str, tmp_path: Path
) -> None:
    """Four workers; the poisoned input kills each one it is handed. The run still reports every input, in order.

    The scheduler gives up on a task after its second worker death: twice for the chunk, twice
    for the input on its own, so the four first workers are enough whether or not their nannies
    restart them in time (one restarted for that very task can die before it is fully started,
    and is then not restarted).
    """
    import cloudpickle
    import dask

    root = tmp_path / "corpus"
    for i, folder in enumerate(REAL[:3]):
        shutil.copytree(folder, root / f"case_{i}")
    shutil.copytree(REAL[0], root / "case_9_poison")  # last: once it is refused, no input needs a worker
    settings = WorkSettings(rules_dir=frozen_rules, rules_version=load_engine(frozen_rules).book.version)
    expected = {o.key: o for o in run(discover(str(root)), settings)}  # one process, nothing killed
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), LocalCluster(
        n_workers=4, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0",
        silence_logs=50,
    ) as cluster, Client(cluster, set_as_default=False) as client:
        client.register_plugin(_KillsItsWorker("case_9_poison"))
        got = list(run(discover(str(root)), settings, cluster=cluster.scheduler_address))
    assert [o.key for o in got] == list(expected)
    for outcome in got:
        if outcome.key == "case_9_poison":
            assert outcome.records[0]["code"] == "worker_died"
            assert outcome.refusal and "the worker process died while evaluating it" in outcome.refusal
        else:
            assert outcome.lines == expected[outcome.key].lines
