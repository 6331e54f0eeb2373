"""The engine behind the HTTP API, run on one dedicated thread.

durable_rules is not thread-safe and the engine serialises every evaluation
behind a process-wide lock. Handing each evaluation to one long-lived worker
thread keeps the event loop free to read and write HTTP while the engine works,
without dozens of threads queueing on the lock. More throughput comes from more
processes (`imr serve --workers N`), each with its own engine.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from ..cli import dump_json
from ..engine import Engine, load_engine, resolve_as_of
from ..errors import EngineError
from ..extract import extract_text
from ..facts.model import CaseFacts
from ..precheck import check_case, precheck
from .cds import CdsHooksRequest, cards, note_text, request_lines
from .errors import FieldProblem
from .models import ExtractResponse, Health, PrecheckResponse, RuleSummary

T = TypeVar("T")


class EngineService:
    """One engine, one worker thread, and the answers that never change for its rule set."""

    def __init__(self, rules_dir: str | Path | None = None) -> None:
        self.engine: Engine = load_engine(rules_dir)
        self.version: str = self.engine.book.version
        self._pool: ThreadPoolExecutor | None = None

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run *fn* on the engine thread and await its result."""
        if self._pool is None:  # started on first use, so the app outlives a lifespan restart
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="imr-engine")
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    def close(self) -> None:
        """Stop the engine thread (at server shutdown, once requests have drained)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)

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
        case = extract_text(text, requests, case_id=case_id)
        return ExtractResponse(rules_version=self.version, case=case).model_dump_json()

    # --- answers fixed for the process's lifetime -----------------------------------

    @cached_property
    def rules_json(self) -> str:
        book = self.engine.book
        rules = [RuleSummary.of(r, book.category_of[r.id]).model_dump(mode="json") for r in book.rules]
        return dump_json({"rules_version": self.version, "rules": rules})

    @cached_property
    def schema_json(self) -> str:
        return dump_json({"rules_version": self.version, "schema": CaseFacts.model_json_schema()})

    def health_json(self) -> str:
        health = Health(
            status="ok", rules_version=self.version, rules=len(self.engine.book.rules),
        )
        return dump_json(health.model_dump(mode="json"))
