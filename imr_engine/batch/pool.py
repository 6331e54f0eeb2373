"""Running inputs on worker processes: results in input order, memory bounded, nothing lost.

Inputs go to the workers in chunks (one round trip per chunk, not per input),
at most `jobs * WINDOW` chunks in flight: a slow input holds the line up but
never lets results pile up in memory. A worker that dies (durable_rules is C
code) breaks the pool; the chunks it held are then re-run one input at a time
in a fresh pool, and only an input that kills a worker on its own is refused.

Workers ignore SIGINT: Ctrl-C reaches the whole process group, and only the
main process decides how to stop (see `StopFlag`). Each worker has its own
durable_rules state and gets its engine from `load_engine` (see `start_method`
for how it comes to be compiled only once).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from ..collector import batch_collector, use_batch_thresholds
from ..display import shown
from .inputs import BatchInput
from .work import Outcome, WorkSettings, process_chunk, refused_outcome

CHUNK = 8  # inputs per round trip
WINDOW = 4  # chunks in flight per worker
POLL_S = 0.1  # how often a wait looks at the stop flag
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


class StopFlag:
    """Set by a signal handler (or a test); the run stops between inputs."""

    def __init__(self) -> None:
        self.requested = False

    def set(self) -> None:
        self.requested = True


def run_ordered(
    inputs: Iterable[BatchInput], settings: WorkSettings, jobs: int, stop: StopFlag, chunk: int = CHUNK
) -> Iterator[Outcome]:
    """Each input's outcome, in input order; stops early (between inputs) when *stop* is set."""
    if jobs <= 1:  # in this process, a chunk at a time (`process_chunk` runs a chunk stage by stage)
        source = iter(inputs)
        with batch_collector():
            while not stop.requested:
                batch = list(islice(source, chunk))
                if not batch:
                    return
                for outcome in process_chunk(batch, settings):
                    if stop.requested:
                        return
                    yield outcome
        return
    yield from _Parallel(settings, jobs, stop).run(inputs, chunk)


def start_method() -> str:
    """How to start workers: fork when this process runs no other thread, else spawn.

    A forked worker starts with the rule book the main process compiled (no
    imports, no compiling: ~3 s less per worker), and is safe because no other
    thread can hold a lock at that moment (our durable_rules host starts none).
    The pool forks all its workers before starting its own threads.
    """
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _die_with_parent(parent: int) -> None:
    """Ask Linux to SIGKILL this worker when its parent dies (even by SIGKILL), so none is orphaned.

    prctl(PR_SET_PDEATHSIG) where it exists; elsewhere a watchdog thread polls the parent.
    If the parent is already gone by now, exit at once.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)  # the running process: libc is loaded already
        armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        armed = False
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="imr-parent-watch").start()
    if os.getppid() != parent:
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _init_worker(settings: WorkSettings, parent: int) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker inherits the main process's handler
    from ..engine import load_engine

    load_engine(settings.rules_dir)  # compile the rule book once, before the first input
    use_batch_thresholds()  # for the worker's whole life: it only runs inputs


class _Parallel:
    def __init__(self, settings: WorkSettings, jobs: int, stop: StopFlag) -> None:
        self.settings, self.jobs, self.stop = settings, jobs, stop
        self.pool = self._new_pool(jobs)

    def _new_pool(self, jobs: int, method: str | None = None) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            jobs, mp_context=multiprocessing.get_context(method or start_method()),
            initializer=_init_worker, initargs=(self.settings, os.getpid()),
        )

    def run(self, inputs: Iterable[BatchInput], chunk: int) -> Iterator[Outcome]:
        source = iter(inputs)
        window: deque[tuple[list[BatchInput], Future[list[Outcome]]]] = deque()
        finished = False
        try:
            while True:
                while len(window) < self.jobs * WINDOW and not self.stop.requested:
                    batch = list(islice(source, chunk))
                    if not batch:
                        break
                    window.append((batch, self._submit(batch)))
                if self.stop.requested:
                    return
                if not window:
                    finished = True
                    return
                batch, future = window.popleft()
                while not future.done():
                    if self.stop.requested:
                        return
                    wait([future], timeout=POLL_S)
                try:
                    outcomes = future.result()
                except BrokenProcessPool:
                    pending = [batch] + [b for b, _ in window]
                    window.clear()
                    self._replace_pool()
                    for one in (i for b in pending for i in b):
                        outcome = self._alone(one)
                        if outcome is None:
                            return
                        yield outcome
                    continue
                for outcome in outcomes:
                    yield outcome
        finally:
            if finished:
                self.pool.shutdown(wait=True)
            else:
                self._shutdown()

    def _submit(self, batch: list[BatchInput]) -> Future[list[Outcome]]:
        try:
            return self.pool.submit(process_chunk, batch, self.settings)
        except BrokenProcessPool:
            self._replace_pool()
            return self.pool.submit(process_chunk, batch, self.settings)

    def _alone(self, item: BatchInput) -> Outcome | None:
        """Re-run one input of a chunk whose worker died; refuse it if it kills a worker by itself.

        None when the user asked to stop meanwhile.
        """
        future = self._submit([item])
        try:
            while not future.done():
                if self.stop.requested:
                    return None
                wait([future], timeout=POLL_S)
            return future.result()[0]
        except BrokenProcessPool:
            self._replace_pool()
            return refused_outcome(item, "worker_died", f"{shown(item.path or item.key)}: the worker process died while evaluating it", self.settings)

    def _replace_pool(self) -> None:
        self._shutdown()
        self.pool = self._new_pool(self.jobs, "spawn")  # the old pool's threads may still run: no fork

    def _shutdown(self) -> None:
        """Stop now: cancel what has not started, end the workers we started (by pid)."""
        processes = list(getattr(self.pool, "_processes", {}).values())  # no public handle on them
        self.pool.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            if p.is_alive():
                p.terminate()
        for p in processes:
            p.join(timeout=5)
