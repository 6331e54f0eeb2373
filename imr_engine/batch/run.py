"""One batch QA run handed out as it goes: each input's outcome, in input order, then the totals.

The run keeps nothing but counters: every outcome of the QA pipeline
(`qa.pipeline.run`) is handed to `write` as soon as it is next in input order,
then dropped. It stops between inputs when the stop flag is set (by Ctrl-C or
SIGTERM when the run handles signals); what was written until then is whole.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field

from .inputs import BatchInput
from .output import Resumed
from .pool import StopFlag
from .progress import Progress
from .records import SummaryRecord, Tally
from .work import Outcome, WorkSettings


@dataclass
class BatchResult:
    """The totals of a run (with those of the resumed output it completed), and whether it ran to the end."""

    tally: Tally
    complete: bool
    rules_version: str = ""

    @property
    def summary(self) -> SummaryRecord:
        """The summary record that ends the run's JSON Lines."""
        return self.tally.summary(self.rules_version, self.complete)


def _ignore(reason: str) -> None:
    """The default refusal listener: refusals are in the output records already."""


@dataclass
class BatchRun:
    """How to run: the settings, workers (or a Dask cluster), progress, and who hears of refusals.

    With *signals*, Ctrl-C and SIGTERM end the run between inputs (only in the main
    thread: a web layer's worker thread keeps its own signal handling).
    """

    settings: WorkSettings
    jobs: int = 1
    cluster: str | None = None
    on_refusal: Callable[[str], None] = _ignore
    progress: Progress | None = None
    stop: StopFlag = field(default_factory=StopFlag)
    signals: bool = False

    def run(
        self, inputs: Iterable[BatchInput], write: Callable[[Outcome], None], resumed: Resumed | None = None,
    ) -> BatchResult:
        """Hand each input's outcome to *write*, skipping and adding to what *resumed* already reports."""
        from ..qa.pipeline import run

        tally = resumed.tally if resumed is not None else Tally()
        done = resumed.done if resumed is not None else set()
        with stop_on_signals(self.stop) if self.signals else nullcontext(self.stop):
            try:
                outcomes = run(inputs, self.settings, jobs=self.jobs, cluster=self.cluster, stop=self.stop,
                               done=done, progress=self.progress)
                for outcome in outcomes:
                    write(outcome)
                    tally.add_input(outcome.records)
                    if outcome.refusal is not None:
                        self.on_refusal(outcome.refusal)
            finally:
                if self.progress is not None:
                    self.progress.close()
        return BatchResult(tally=tally, complete=not self.stop.requested, rules_version=self.settings.rules_version)


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
