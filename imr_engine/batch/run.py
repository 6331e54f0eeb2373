"""One batch QA run: inputs -> workers -> each input's lines, in input order -> totals.

The run keeps nothing but counters: every outcome is handed to `write` as soon
as it is next in input order, then dropped. It stops between inputs when the
stop flag is set (Ctrl-C, SIGTERM); what was written until then is whole.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .inputs import BatchInput
from .pool import StopFlag, run_ordered
from .progress import Progress
from .records import Tally
from .work import WorkSettings


@dataclass
class BatchResult:
    tally: Tally
    complete: bool


@dataclass
class BatchRun:
    """How to run: workers, settings, where outcomes go."""

    settings: WorkSettings
    jobs: int
    write: Callable[[list[str]], None]
    on_refusal: Callable[[str], None] = lambda reason: None
    progress: Progress | None = None
    stop: StopFlag = field(default_factory=StopFlag)

    def run(self, inputs: Iterable[BatchInput], tally: Tally | None = None, done: set[str] | None = None) -> BatchResult:
        """Process every input not in *done*, adding to *tally* (the totals of a resumed output)."""
        tally = tally if tally is not None else Tally()
        todo = self._skip(inputs, done or set())
        for outcome in run_ordered(todo, self.settings, self.jobs, self.stop):
            self.write(outcome.lines)
            tally.add_input(outcome.brief)
            if outcome.refusal is not None:
                self.on_refusal(outcome.refusal)
            if self.progress is not None:
                self.progress.advance()
        return BatchResult(tally=tally, complete=not self.stop.requested)

    def _skip(self, inputs: Iterable[BatchInput], done: set[str]) -> Iterator[BatchInput]:
        for item in inputs:
            if item.key in done:
                if self.progress is not None:
                    self.progress.skip()
                continue
            yield item


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
