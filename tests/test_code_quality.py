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
    out = subprocess.run([*_tool("mypy"), "--python-executable", sys.executable, "--no-incremental"],
                         cwd=REPO, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr


def test_ruff_finds_no_lint_errors() -> None:
    out = subprocess.run([*_tool("ruff"), "check", "imr_engine", "tests", "benchmarks"],
                         cwd=REPO, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
