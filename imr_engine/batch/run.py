"""One batch QA run written as it goes: each input's lines, in input order, then the totals.

The run keeps nothing but counters: every outcome of the QA pipeline
(`qa.pipeline.run`) is handed to `write` as soon as it is next in input order,
then dropped. It stops between inputs when the stop flag is set (Ctrl-C,
SIGTERM); what was written until then is whole.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .inputs import BatchInput
from .pool import StopFlag
from .progress import Progress
from .records import Tally
from .work import Outcome, WorkSettings


@dataclass
class BatchResult:
    tally: Tally
    complete: bool


@dataclass
class BatchRun:
    """How to run: workers (or a Dask cluster), settings, where outcomes go."""

    settings: WorkSettings
    jobs: int
    write: Callable[[Outcome], None]
    on_refusal: Callable[[str], None] = lambda reason: None
    progress: Progress | None = None
    stop: StopFlag = field(default_factory=StopFlag)
    cluster: str | None = None

    def run(self, inputs: Iterable[BatchInput], tally: Tally | None = None, done: set[str] | None = None) -> BatchResult:
        """Process every input not in *done*, adding to *tally* (the totals of a resumed output)."""
        from ..qa.pipeline import run

        tally = tally if tally is not None else Tally()
        outcomes = run(inputs, self.settings, jobs=self.jobs, cluster=self.cluster, stop=self.stop,
                       done=done or set(), progress=self.progress)
        for outcome in outcomes:
            self.write(outcome)
            tally.add_input(outcome.records)
            if outcome.refusal is not None:
                self.on_refusal(outcome.refusal)
        return BatchResult(tally=tally, complete=not self.stop.requested)


@contextmanager
def stop_on_signals(stop: StopFlag) -> Iterator[StopFlag]:
    """Ctrl-C or SIGTERM sets *stop* (the run ends between inputs); a second Ctrl-C interrupts at once."""
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, frame: object) -> None:
        if stop.requested and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
