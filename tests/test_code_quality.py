"""Type checks and lint run with the tests, so a merge cannot quietly lower the bar."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _tool(name: str) -> list[str]:
    exe = Path(sys.executable).with_name(name)
    if exe.exists():
        return [str(exe)]
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (it comes with the test extra: pip install '.[test]')")
    return [found]


def test_mypy_finds_no_type_errors() -> None:
    # Incremental, with mypy's own cache in the repository's .mypy_cache (git ignores it), as a plain
    # `mypy` run has it: a later run re-checks only the modules that changed and those that import
    # them (0.5 s of CPU against 14-16 s for the whole package). mypy keys each module's cache on its
    # source, its dependencies' interfaces, the options and the plugins, so a stale entry is never used;
    # a fresh clone (CI) starts with none and checks everything.
    out = subprocess.run([*_tool("mypy"), "--python-executable", sys.executable,
                          "--cache-dir", str(REPO / ".mypy_cache")],
                         cwd=REPO, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr


def test_ruff_finds_no_lint_errors() -> None:
    out = subprocess.run([*_tool("ruff"), "check", "imr_engine", "tests", "benchmarks"],
                         cwd=REPO, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
