"""Running inputs on a Dask cluster: the local pool's guarantees, on many machines.

Same contract as `pool.run_ordered`: every input's outcome exactly once, in input
order, whatever the workers do. Inputs go out in chunks of `pool.CHUNK`, at most
`WINDOW` chunks per worker in flight, and each result is released as soon as it
is yielded, so the client holds a bounded number of futures and results
whatever the corpus size. A worker that dies is the scheduler's business: it
re-runs that worker's tasks elsewhere. A chunk the scheduler gives up on
(`KilledWorker`: it killed workers again and again) is re-run one input at a
time, and only an input that kills workers on its own is refused (`worker_died`).

Workers evaluate one input at a time each (a process-wide lock: durable_rules
state is per process, not per thread), so any `--nthreads` is safe. Inputs are
read by the workers: on several machines the corpus must be at the same path on
each (a shared file system), or come as JSON Lines on stdin, which carry the
letter text with them. A worker's rule book must be the client's: a worker that
compiles another one (another `--rules` folder or version) stops the run with
one clear error instead of mixing two rule books in one output.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from ..display import shown
from ..errors import ImrError
from .inputs import BatchInput
from .pool import CHUNK, POLL_S, WINDOW, StopFlag
from .work import Outcome, WorkSettings, process_chunk, refused_outcome

LOCAL = "local"
_ADDRESS = re.compile(r"^(?:([a-z][a-z0-9+]*)://)?([^\s/:]+):(\d{1,5})$")
#: Seconds to wait for a TCP connection to the scheduler before saying it is not there.
PROBE_TIMEOUT_S = 5.0
#: Seconds a run waits while the cluster has no worker at all before it stops with an error.
NO_WORKERS_S = 120.0
_LOCK = threading.Lock()


class ClusterError(ImrError):
    """The cluster cannot run the batch (no scheduler there, a worker with another rule book)."""


def check_address(text: str) -> str:
    """'local', or a scheduler address such as tcp://10.0.0.5:8786 (ValueError otherwise)."""
    if text == LOCAL or _ADDRESS.match(text):
        return text
    raise ValueError(f"'{text}' is neither 'local' nor a scheduler address such as tcp://HOST:8786")


def check_reachable(address: str) -> None:
    """ClusterError at once when no Dask scheduler answers at a tcp:// or tls:// *address*.

    A refused connection is known in a millisecond, where Dask's client would retry it until
    its own timeout; and a scheduler speaks first on a plain tcp:// connection (its
    handshake), so a server that says nothing (a web server, a port left open by something
    else, on which Dask's client would wait for ever) is told apart within PROBE_TIMEOUT_S.
    Other protocols, and 'local', are left to Dask.
    """
    match = _ADDRESS.match(address)
    if address == LOCAL or match is None:
        return
    scheme = match.group(1) or "tcp"
    if scheme not in ("tcp", "tls"):
        return
    try:
        with socket.create_connection((match.group(2), int(match.group(3))), timeout=PROBE_TIMEOUT_S) as probe:
            if scheme == "tcp" and not probe.recv(1):
                raise ClusterError("no Dask scheduler there: the server closed the connection", source=address)
    except TimeoutError:
        raise ClusterError(f"no Dask scheduler there: no answer in {PROBE_TIMEOUT_S:g} s", source=address) from None
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise ClusterError(f"cannot reach the Dask scheduler: {reason}", source=address) from None


def dask_missing() -> str | None:
    """The module of the cluster extra that is not installed, if any."""
    for module in ("dask", "distributed"):
        if importlib.util.find_spec(module) is None:
            return module
    return None


def run_chunk(batch: list[BatchInput], settings: WorkSettings, cwd: str) -> list[Outcome]:
    """A chunk on a Dask worker: one at a time per process, in the client's folder, under its rule book.

    Input paths and --rules are as the client wrote them, often relative: they are read
    from the client's working folder (the same path on every machine), so every message
    names them as a run on the client would.
    """
    from ..engine import load_engine

    with _LOCK:
        previous = os.getcwd()
        try:
            os.chdir(cwd)
        except OSError:
            raise _NotShared(cwd) from None
        try:
            version = load_engine(settings.rules_dir).book.version
            if settings.rules_version and version != settings.rules_version:
                raise _RulesMismatch(version)
            return process_chunk(batch, settings)
        finally:
            os.chdir(previous)


class _RulesMismatch(Exception):
    """Raised on a worker whose rule book is not the client's (crosses the wire: a plain exception)."""


class _NotShared(Exception):
    """Raised on a worker that does not have the client's working folder (no shared file system)."""


def run_on_cluster(
    inputs: Iterable[BatchInput], settings: WorkSettings, address: str, jobs: int, stop: StopFlag,
    chunk: int = CHUNK,
) -> Iterator[Outcome]:
    """Each input's outcome in input order, computed on the cluster at *address* ('local': *jobs* workers here)."""
    from distributed import Client, LocalCluster

    check_reachable(address)
    cluster = None
    try:
        if address == LOCAL:  # its workers' own log lines (a heartbeat missed while closing) stay quiet:
            # what goes wrong with an input is its refusal line, what stops the run one error line
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address="127.0.0.1:0", silence_logs=logging.CRITICAL)
            client = Client(cluster, set_as_default=False)
        else:
            client = Client(address, set_as_default=False, timeout="10s")
    except Exception as exc:  # whatever answered is not a scheduler we can use: say so in one line
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler: {exc}", source=address) from None
    try:
        yield from _Ordered(client, settings, stop, address).run(inputs, chunk)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class _Ordered:
    def __init__(self, client: Any, settings: WorkSettings, stop: StopFlag, address: str) -> None:
        self.client, self.settings, self.stop, self.address = client, settings, stop, address
        self.cwd = os.getcwd()

    def _limit(self) -> int:
        workers = len(self.client.scheduler_info(n_workers=-1).get("workers", {}))
        return max(workers, 1) * WINDOW

    def run(self, inputs: Iterable[BatchInput], chunk: int) -> Iterator[Outcome]:
        from distributed import KilledWorker

        source = iter(inputs)
        window: deque[tuple[list[BatchInput], Any]] = deque()
        limit, checked = self._limit(), time.monotonic()
        try:
            while True:
                if time.monotonic() - checked > 5.0:  # workers come and go
                    limit, checked = self._limit(), time.monotonic()
                while len(window) < limit and not self.stop.requested:
                    batch = list(islice(source, chunk))
                    if not batch:
                        break
                    window.append((batch, self._submit(batch)))
                if self.stop.requested or not window:
                    return
                batch, future = window.popleft()
                if not self._wait(future):
                    return
                try:
                    outcomes = self._result(future)
                except KilledWorker:
                    outcomes = []
                    for one in batch:
                        outcome = self._alone(one)
                        if outcome is None:
                            return
                        outcomes.append(outcome)
                future.release()
                yield from outcomes
        finally:
            for _, future in window:
                future.cancel()

    def _submit(self, batch: list[BatchInput]) -> Any:
        return self.client.submit(run_chunk, batch, self.settings, self.cwd, pure=False)

    def _wait(self, future: Any) -> bool:
        """Wait for *future*, looking at the stop flag; False when the user asked to stop.

        A cluster left without any worker (all died and none came back) would hold the task
        for ever: after NO_WORKERS_S without one the run stops with one error line.
        """
        checked = time.monotonic()
        alone_since: float | None = None
        while not future.done():
            if self.stop.requested:
                return False
            time.sleep(POLL_S)
            now = time.monotonic()
            if now - checked >= 1.0:
                checked = now
                if self.client.scheduler_info(n_workers=-1).get("workers"):
                    alone_since = None
                elif alone_since is None:
                    alone_since = now
                elif now - alone_since > NO_WORKERS_S:
                    raise ClusterError(f"no Dask worker for {NO_WORKERS_S:g} s: start workers (docs/cluster.md)",
                                       source=self.address)
        return True

    def _result(self, future: Any) -> list[Outcome]:
        try:
            return list(future.result())
        except _NotShared as exc:
            raise ClusterError(
                f"a worker has no folder {exc.args[0]} (this run's working folder): the inputs and rules must be "
                "at the same paths on every machine (a shared file system; see docs/cluster.md)",
                source=self.address,
            ) from None
        except _RulesMismatch as exc:
            raise ClusterError(
                f"a worker compiled another rule book ({exc.args[0]}, not {self.settings.rules_version}): "
                "give every worker the same rules (--rules folder and imr-engine version)",
                source=self.address,
            ) from None

    def _alone(self, item: BatchInput) -> Outcome | None:
        """Re-run one input of a chunk the scheduler gave up on; refuse it if it kills workers by itself."""
        from distributed import KilledWorker

        future = self._submit([item])
        if not self._wait(future):
            future.cancel()
            return None
        try:
            return self._result(future)[0]
        except KilledWorker:
            return refused_outcome(item, "worker_died",
                                   f"{shown(item.path or item.key)}: the worker process died while evaluating it",
                                   self.settings)
        finally:
            future.release()
