"""Shared fixtures: the engine over the bundled rule book, compiled once per test session."""

from __future__ import annotations

import functools
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# CI runs the same examples every time: a property failure there is reproducible, never luck.
# No example database there either: a run replays nothing an earlier run (or another xdist
# worker of this run) happened to store, so what a run tests depends on the code alone.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The user cache (compiled rule books, rule listings) goes to a folder of this run's own, not
# the home directory of whoever runs the tests; subprocesses inherit it. A run that sets
# IMR_CACHE_DIR itself (e.g. "off") keeps its choice.
if not os.environ.get("IMR_CACHE_DIR"):
    import atexit
    import shutil
    import tempfile

    os.environ["IMR_CACHE_DIR"] = tempfile.mkdtemp(prefix="imr-test-cache-")
    atexit.register(shutil.rmtree, os.environ["IMR_CACHE_DIR"], ignore_errors=True)

# tests/ holds helper modules (scenarios.py) imported by test files in sub-folders.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from imr_engine.engine import Engine, load_engine  # noqa: E402


@pytest.fixture(scope="session")
def engine() -> Engine:
    return load_engine()


#: A fixture built once per module (or class): its module's tests should share one worker.
_SHARED_FIXTURE = re.compile(r"""@pytest\.fixture\([^)]*scope\s*=\s*["'](?:module|class|package)["']""")


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """`--dist loadgroup`, with each module that builds a module-scoped fixture kept on one worker.

    The suite runs on parallel workers (`-n` in pyproject's addopts): most tests go to whichever
    worker is free, but a module whose fixture scores a corpus, starts a server or a Dask cluster
    would otherwise build it once on each worker. The scheduler runs in the controlling process,
    which sees node ids only, so a module is grouped when its source defines such a fixture.
    (xdist's own loadgroup reads `xdist_group` marks through node ids, which pytest 9.2 no longer
    lets it rewrite; a group it does see is kept.)
    """
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    @functools.cache
    def shares_a_fixture(module: str) -> bool:
        path = config.rootpath / module
        return path.suffix == ".py" and path.is_file() and bool(_SHARED_FIXTURE.search(path.read_text(encoding="utf-8")))

    class ModuleFixtureGroups(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            scope = super()._split_scope(nodeid)
            module = nodeid.split("::", 1)[0]
            return module if scope == nodeid and shares_a_fixture(module) else scope

    return ModuleFixtureGroups(config, log)
