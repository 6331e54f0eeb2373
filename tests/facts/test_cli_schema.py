"""`imr schema`: the case-facts contract, printed from the model itself."""

from __future__ import annotations

import json

import pytest

from imr_engine.cli import build_parser, main
from imr_engine.facts import CaseFacts


def _schema(capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    assert main(["schema"]) == 0
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_prints_the_case_facts_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    out, err = _schema(capsys)
    schema = json.loads(out)
    assert err == ""
    assert schema["title"] == "CaseFacts"
    assert {"case_id", "requests"} <= set(schema["required"])
    assert schema == json.loads(json.dumps(CaseFacts.model_json_schema()))
    # Fuzzy dates are documented as text patterns, not opaque objects.
    assert schema["properties"]["as_of"] and "FuzzyDate" not in out


def test_output_is_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    first, _ = _schema(capsys)
    second, _ = _schema(capsys)
    assert first == second
    assert first == json.dumps(json.loads(first), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_help_says_what_it_is_for() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    help_text = sub.choices["schema"].format_help()  # type: ignore[attr-defined]
    assert "JSON Schema" in help_text and "case.yaml" in help_text
    assert "schema" in parser.format_help()


def test_takes_no_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["schema", "--bogus"])
    assert info.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err
