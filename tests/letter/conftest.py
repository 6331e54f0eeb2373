"""Shared paths for the letter tests: the five real letters and the constructed layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "cases"
LAYOUT_FIXTURES = REPO / "tests" / "fixtures" / "layouts"


@pytest.fixture(scope="session")
def letter_paths() -> dict[str, Path]:
    """Real letters by case folder name, sorted."""
    return {p.parent.name: p for p in sorted(CASES.glob("*/letter.txt"))}


@pytest.fixture(scope="session")
def layout_fixtures() -> Path:
    return LAYOUT_FIXTURES
