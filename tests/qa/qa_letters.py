"""The bundled letters' own decisions, read from their text (a module of its own, not conftest.py:
several test folders have a conftest, and `from conftest import ...` gets whichever was imported first)."""

from __future__ import annotations

import re
from pathlib import Path

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
