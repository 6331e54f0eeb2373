"""One vocabulary per rule directory, for reading and for deciding (issue 11: `--rules DIR` extracted
with the bundled vocabulary while evaluating with DIR's).

A copy of the rule book whose vocabulary knows a product and a note heading the bundled one does
not: reading a note with that rule book finds them, reading it with the bundled one does not.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from imr_engine.engine import load_engine
from imr_engine.extract import extract_text
from imr_engine.precheck import precheck
from imr_engine.resources import default_rules_dir
from imr_engine.vocabulary.in_use import vocabulary_dir_in_use

# No unit after the strength: a medication line naming an unknown drug *with* its unit ("10/325 mg")
# is read as a drug whatever the vocabulary (issue 10); this test is about what the vocabulary knows.
NOTE = (
    "Date of service: 03/02/2015\n"
    "MEDS ON BOARD:\n"
    "1. Hydrocodolex 10/325 1 PO TID #90\n"
    "PLAN: continue.\n"
)


@pytest.fixture(scope="module")
def own_rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(default_rules_dir(), root)
    products = root / "vocabulary" / "products.yaml"
    text = products.read_text(encoding="utf-8")
    marker = "  Norco: {ingredients: [hydrocodone, acetaminophen], form: tablet, release: IR}\n"
    assert marker in text
    products.write_text(text.replace(marker, marker + "  Hydrocodolex: {ingredients: [hydrocodone, acetaminophen], "
                                     "form: tablet, release: IR}\n"), encoding="utf-8")
    sections = root / "vocabulary" / "note_sections.yaml"
    text = sections.read_text(encoding="utf-8")
    assert "  medications:\n" in text
    sections.write_text(text.replace("  medications:\n", "  medications:\n    - meds on board\n", 1), encoding="utf-8")
    return root


def test_a_note_is_read_with_the_vocabulary_of_the_rules_in_use(own_rules: Path) -> None:
    engine = load_engine(own_rules)
    case = precheck(engine, NOTE, ["Hydrocodolex 10/325 #90"]).case
    assert [m.name for m in case.medications] == ["Hydrocodolex"]
    assert case.medications[0].status == "current"


def test_the_bundled_vocabulary_does_not_know_them() -> None:
    case = extract_text(NOTE, ["Hydrocodolex 10/325 #90"])
    assert [m.name for m in case.medications] == []


def test_the_vocabulary_in_use_ends_with_the_read(own_rules: Path) -> None:
    engine = load_engine(own_rules)
    extract_text(NOTE, ["Hydrocodolex 10/325 #90"], vocabulary=engine.names)
    assert vocabulary_dir_in_use() == default_rules_dir() / "vocabulary"
