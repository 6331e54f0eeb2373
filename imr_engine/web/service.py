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
import importlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

from ..cli import dump_json
from ..engine import Engine, load_engine
from ..facts.model import CaseFacts
from .models import Health, RuleSummary

T = TypeVar("T")


def _extract_module() -> ModuleType | None:
    """The extraction package, when this build has it (it ships separately from the engine)."""
    try:
        return importlib.import_module("imr_engine.extract")
    except ModuleNotFoundError as exc:
        if exc.name == "imr_engine.extract":
            return None
        raise


class EngineService:
    """One engine, one worker thread, and the answers that never change for its rule set."""

    def __init__(self, rules_dir: str | Path | None = None) -> None:
        self.engine: Engine = load_engine(rules_dir)
        self.version: str = self.engine.book.version
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="imr-engine")

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run *fn* on the engine thread and await its result."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    def close(self) -> None:
        self._pool.shutdown(wait=True)

    # --- work done on the engine thread ------------------------------------------

    def evaluate_json(self, case: CaseFacts, as_of: dt.date | None) -> str:
        """Exactly the text `imr evaluate --json` prints for this case (without the final newline)."""
        return dump_json(self.engine.evaluate(case, as_of=as_of).model_dump(mode="json"))

    def extract_json(self, text: str, requests: list[str], case_id: str) -> str:
        module = _extract_module()
        assert module is not None, "checked by the route before it is called"
        case: CaseFacts = module.extract_text(text, requests, case_id=case_id)
        return dump_json({"rules_version": self.version, "case": case.model_dump(mode="json")})

    # --- answers fixed for the process's lifetime -----------------------------------

    @property
    def extraction_available(self) -> bool:
        return _extract_module() is not None

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
            extraction=self.extraction_available,
        )
        return dump_json(health.model_dump(mode="json"))
