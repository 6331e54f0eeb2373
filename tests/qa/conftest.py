"""QA report fixtures: the bundled letters, and a rule book without one guideline topic."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from imr_engine.resources import default_rules_dir

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "cases"
#: The item headings of a letter: "<request>: Upheld" (the letters' own wording of each decision).
HEADING = re.compile(r"^(?P<request>.+?):\s*(?P<decision>Upheld|Overturned)\s*$", re.MULTILINE)


def letter_decisions() -> list[tuple[str, str]]:
    """(request, decision) of every disputed item of the bundled letters, read straight from their text."""
    return [
        (m["request"].strip(), m["decision"])
        for letter in sorted(CASES.glob("*/letter.txt"))
        for m in HEADING.finditer(letter.read_text(encoding="utf-8"))
    ]


@pytest.fixture(scope="session")
def rules_without_muscle_relaxants(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled rule book less its muscle-relaxant rules: every Soma item is then left Indeterminate."""
    root = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(default_rules_dir(), root)
    (root / "mtus_cpmtg" / "muscle_relaxants.yaml").unlink()
    return root
