"""The engine behind the HTTP API: small requests on one dedicated thread, large ones in a process.

durable_rules is not thread-safe and the engine serialises every evaluation
behind a process-wide lock. Handing each evaluation to one long-lived worker
thread keeps the event loop free to read and write HTTP while the engine works,
without dozens of threads queueing on the lock. More throughput comes from more
processes (`imr serve --workers N`), each with its own engine.

A large body (a whole record pasted as a note, a case with hundreds of items) can
take seconds. On the engine thread it would hold every small request behind it, and
in another thread it would still take the GIL and the engine lock from them. So a
body of LARGE_BYTES or more is worked on in a separate process with its own engine
(one at a time, bounded by LARGE_TIMEOUT_S; a process that overruns is killed and
the caller gets 503), and small requests keep their own thread to themselves.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from .. import errors
from ..cli import dump_json
from ..engine import Engine, load_engine, resolve_as_of
from ..errors import EngineError, ImrError
from ..extract import extract_text
from ..facts.model import CaseFacts
from ..precheck import check_case, precheck
from .cds import CdsHooksRequest, cards, note_text, request_lines
from .errors import FieldProblem, Overloaded
from .models import ExtractResponse, Health, PrecheckResponse, RuleSummary

T = TypeVar("T")

#: Bodies from this size on are worked on in the large-request process, not the engine thread.
LARGE_BYTES = 64 * 1024
#: The longest a large request may take before its process is killed (503).
LARGE_TIMEOUT_S = 60.0
#: How much lower the large-request process runs than the server (os.nice increment).
LARGE_NICENESS = 10


class EngineService:
    """One engine, one worker thread, and the answers that never change for its rule set."""

    def __init__(self, rules_dir: str | Path | None = None) -> None:
        self.engine: Engine = load_engine(rules_dir)
        _freeze_long_lived_objects()
        self.version: str = self.engine.book.version
        self._pool: ThreadPoolExecutor | None = None
        self._rules_dir = None if rules_dir is None else str(rules_dir)
        self._large: ProcessPoolExecutor | None = None
        self._large_lock: asyncio.Lock | None = None

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run *fn* on the engine thread and await its result."""
        if self._pool is None:  # started on first use, so the app outlives a lifespan restart
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="imr-engine")
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    async def run_sized(self, size: int, method: str, *args: Any) -> str:
        """Run the service method named *method* on the lane a body of *size* bytes belongs to."""
        if size < LARGE_BYTES:
            fn: Callable[..., str] = getattr(self, method)
            return await self.run(fn, *args)
        if self._large_lock is None:
            self._large_lock = asyncio.Lock()
        async with self._large_lock:  # one large request at a time: the rest wait here, not on the engine
            if self._large is None:
                self._large = ProcessPoolExecutor(
                    1, mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_large_worker, initargs=(self._rules_dir,),
                )
                # starting the process and compiling its engine is not the request's time
                await asyncio.get_running_loop().run_in_executor(self._large, _ready)
            future = asyncio.get_running_loop().run_in_executor(self._large, _large_call, method, args)
            try:
                outcome = await asyncio.wait_for(future, LARGE_TIMEOUT_S)
            except (TimeoutError, BrokenProcessPool):
                self._stop_large()
                raise Overloaded(f"the request did not finish within {LARGE_TIMEOUT_S:g} s: send a smaller one") from None
        return _unpack(outcome)

    def _stop_large(self) -> None:
        pool, self._large = self._large, None
        if pool is None:
            return
        processes = list(getattr(pool, "_processes", {}).values())  # no public handle on them
        pool.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            if p.is_alive():
                p.kill()

    def close(self) -> None:
        """Stop the engine thread and the large-request process (at server shutdown)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)
        self._stop_large()

    # --- work done on the engine thread ------------------------------------------

    def evaluate_json(self, case: CaseFacts, as_of: dt.date | None) -> str:
        """The determination `imr evaluate --json` prints for this case, as compact JSON.

        The same JSON document, serialised by pydantic in model field order (deterministic)
        rather than the CLI's indented, key-sorted text: measured 0.2 ms against 2.8 ms a case,
        which is most of the difference between meeting and missing the latency target.

        A case can pass the case-facts model yet hold a value the engine's derived item facts
        refuse (e.g. a negative visit count in a parsed request): that is still the caller's
        input, so it becomes an EngineError (422) naming the derived fact, not a 500.
        """
        self._check_dated(case, as_of)
        return self.engine.evaluate(case, as_of=as_of).model_dump_json()

    @staticmethod
    def _check_dated(case: CaseFacts, as_of: dt.date | None) -> None:
        try:
            resolve_as_of(case, as_of)
        except EngineError:
            raise FieldProblem(
                "as_of", "the case has no date to apply the rules at (no as-of date, UR decision date, dated "
                "report or other date): set the date the rules apply at (as_of in the case, or ?as_of=YYYY-MM-DD)", source=case.case_id,
            ) from None

    def precheck_json(self, case: CaseFacts, as_of: dt.date | None) -> str:
        """The determination and the documentation checklist of a (corrected) case."""
        self._check_dated(case, as_of)
        result = check_case(self.engine, case, as_of=as_of)
        return PrecheckResponse(rules_version=self.version, determination=result.determination,
                                checklist=result.checklist).model_dump_json()

    def cds_json(self, body: CdsHooksRequest) -> str:
        """CDS Hooks cards for the draft orders, read against the prefetched note."""
        lines, note = request_lines(body), note_text(body)
        return cards(precheck(self.engine, note, lines, case_id="cds-hooks")).model_dump_json(exclude_none=True)

    def extract_json(self, text: str, requests: list[str], case_id: str) -> str:
        case = extract_text(text, requests, case_id=case_id, vocabulary=self.engine.names)
        return ExtractResponse(rules_version=self.version, case=case).model_dump_json()

    # --- answers fixed for the process's lifetime -----------------------------------

    @cached_property
    def rules_json(self) -> str:
        book = self.engine.book
        rules = [RuleSummary.of(r, book.category_of[r.id]).model_dump(mode="json") for r in book.rules]
        return dump_json({"rules_version": self.version, "rules": rules})

    def rules_json_at(self, day: dt.date) -> str:
        """The rules in force on *day*, chosen as evaluation chooses them (RuleBook.at / in_force)."""
        book = self.engine.book
        found = book.at(day)
        rules = [RuleSummary.of(r, book.category_of[r.id]).model_dump(mode="json") for r in book.in_force(day)]
        return dump_json({
            "rules_version": self.version, "as_of": day.isoformat(),
            "generation": found.ref.model_dump(mode="json") if found is not None else None,
            "warnings": [found.warning] if found is not None and found.warning else [], "rules": rules,
        })

    @cached_property
    def schema_json(self) -> str:
        return dump_json({"rules_version": self.version, "schema": CaseFacts.model_json_schema()})

    def health_json(self) -> str:
        health = Health(
            status="ok", rules_version=self.version, rules=len(self.engine.book.rules),
        )
        return dump_json(health.model_dump(mode="json"))


# --- the large-request process ---------------------------------------------------------

_WORKER: EngineService | None = None


def _freeze_long_lived_objects() -> None:
    """Keep the loaded engine, vocabulary and modules out of every later garbage collection.

    They live as long as the server, yet a full collection walks all of them: measured 70 ms,
    which landed on whichever small request triggered it and set the p99 latency.
    """
    gc.collect()
    gc.freeze()


def _start_large_worker(rules_dir: str | None) -> None:
    global _WORKER
    from ..batch.pool import _die_with_parent

    _die_with_parent(os.getppid())
    # A large body is batch work: the scheduler should give the small requests' process the CPU first.
    os.nice(LARGE_NICENESS)
    _WORKER = EngineService(rules_dir)


def _ready() -> bool:
    return _WORKER is not None


def _large_call(method: str, args: tuple[Any, ...]) -> tuple[str, ...]:
    """Run one service method in the large-request process; errors come back as plain data."""
    assert _WORKER is not None
    try:
        return ("ok", getattr(_WORKER, method)(*args))
    except FieldProblem as exc:
        return ("FieldProblem", exc.message, exc.source or "", exc.field)
    except ImrError as exc:
        return (type(exc).__name__, exc.message, exc.source or "")


def _unpack(outcome: tuple[str, ...]) -> str:
    kind, *rest = outcome
    if kind == "ok":
        return rest[0]
    if kind == "FieldProblem":
        raise FieldProblem(rest[2], rest[0], source=rest[1] or None)
    cls = getattr(errors, kind, None)
    if not (isinstance(cls, type) and issubclass(cls, ImrError)):
        cls = EngineError
    raise cls(rest[0], source=rest[1] or None)
