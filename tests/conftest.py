"""Shared fixtures: the engine over the bundled rule book, compiled once per test session."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time: a property failure there is reproducible, never luck.
# No example database there either: a run replays nothing an earlier run (or another xdist
# worker of this run) happened to store, so what a run tests depends on the code alone.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True, database=None)
# Everywhere else no per-example deadline either: speed targets live in benchmarks/, and a deadline
# failed a correct property on a loaded two-core machine (275 ms against hypothesis' 200 ms).
settings.register_profile("local", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "local")

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
