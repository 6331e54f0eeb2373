"""`imr precheck` prints the checklist, the generation applied and the unchecked-citation label."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_checklist import NORCO, NOTE

from imr_engine.cli import main


def test_text_and_json_carry_the_checklist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    assert main(["precheck", str(note), "--request", NORCO]) == 0
    text = " ".join(capsys.readouterr().out.split())  # wrapped at 100 columns
    assert "Documentation checklist:" in text
    assert "[ ] returned to work: not documented" in text
    assert "MTUS Chronic Pain Medical Treatment Guidelines (2009); citation not yet checked against the guideline text" in text
    assert "only if both are documented" in text
    assert "Would change if:" not in text  # the unfiltered wish list gives way to the checklist
    assert "not a determination" in text
    assert main(["precheck", str(note), "--request", NORCO, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    [item] = data["checklist"]
    assert {c["fact"] for c in item["to_change"][0]["changes"]} == {"returned_to_work", "aberrant_behavior"}
    assert item["guidelines"][0]["citation_checked"] is False
