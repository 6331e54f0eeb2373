"""`imr rules [--json]`: every loaded rule with category, scope and citation, deterministically."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from imr_engine.cli import main
from imr_engine.rulebook import load_rulebook


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_rules_json_lists_every_rule_with_a_complete_citation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "rules", "--json")
    assert code == 0 and err == ""
    records = json.loads(out)
    book = load_rulebook()
    assert [r["id"] for r in records] == [r.id for r in book.rules]
    for r in records:
        c = r["citation"]
        assert r["category"] and c["source"] in ("MTUS", "non-MTUS")
        assert c["guideline"] and c["edition"] and c["sections"] and c["effective_from"]
        assert isinstance(r["citation_checked"], bool)
        assert r["applies_to"]["file"], r["id"]
    assert len({r["category"] for r in records}) >= 20


def test_rules_json_is_byte_identical_across_runs(capsys: pytest.CaptureFixture[str]) -> None:
    _, first, _ = run(capsys, "rules", "--json")
    _, second, _ = run(capsys, "rules", "--json")
    assert first == second


def test_rules_report_groups_by_category_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    assert "[epidural_steroid_injections]" in out
    assert "cpmtg.esi.first-injection-criteria-met" in out
    assert "Epidural steroid injections (ESIs), p. 46" in out
    last = out.strip().splitlines()[-1]
    assert last.startswith(f"rules {len(load_rulebook().rules)}   categories ")


def test_rules_with_a_missing_directory_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "rules", "--rules", str(tmp_path / "nowhere"))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "rule directory not found" in err


def test_rules_runs_as_a_console_command() -> None:
    done = subprocess.run([sys.executable, "-m", "imr_engine", "rules", "--json"], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["id"]


def test_a_citation_label_names_its_tier_once() -> None:
    """Rules whose guideline title already starts with "MTUS" (the 2016 opioid guideline) must not read "MTUS MTUS"."""
    from imr_engine.rulebook import load_rulebook

    labels = [r.guideline.label() for r in load_rulebook().rules]
    assert any(label.startswith("MTUS Opioids Treatment Guidelines") for label in labels)
    assert not [label for label in labels if label.startswith(("MTUS MTUS", "Non-MTUS Non-MTUS"))]
