"""Shared fixtures: the engine over the bundled rule book, compiled once per test session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# tests/ holds helper modules (scenarios.py) imported by test files in sub-folders.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from imr_engine.engine import Engine, load_engine  # noqa: E402


@pytest.fixture(scope="session")
def engine() -> Engine:
    return load_engine()
