"""`imr extract`: readable, JSON and YAML drafts; bad input is one line on stderr and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from imr_engine.cli import main
from imr_engine.facts import load_case

LETTER = Path(__file__).resolve().parents[2] / "cases" / "002_688b74414b0b408f" / "letter.txt"


def test_yaml_output_is_a_case_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(LETTER), "--yaml"]) == 0
    out = capsys.readouterr().out
    path = tmp_path / "case.yaml"
    path.write_text(out, encoding="utf-8")
    case = load_case(path)
    assert case.case_id == "002_688b74414b0b408f"
    assert case.requests[0].text == "Follow up visit, 3 visits"


def test_json_output_and_rationale_switch(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(LETTER), "--json"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert main(["extract", str(LETTER), "--json", "--use-rationale"]) == 0
    full = json.loads(capsys.readouterr().out)
    statuses = lambda data: {m["name"]: m["status"] for m in data["medications"]}  # noqa: E731
    assert statuses(plain)["Dilaudid"] == "unknown"  # "Authorization was requested for ... Dilaudid"
    assert statuses(full)["Dilaudid"] == "current"  # "response to ongoing opioid analgesic therapy"


def test_readable_output_is_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(LETTER)]) == 0
    first = capsys.readouterr().out
    assert main(["extract", str(LETTER)]) == 0
    assert capsys.readouterr().out == first
    assert "date_of_injury" in first and "1998-08-11" in first


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda d: d, "is a directory"),
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: (d / "empty.txt", (d / "empty.txt").write_text(""))[0], "file is empty"),
        (lambda d: (d / "bin.txt", (d / "bin.txt").write_bytes(b"a\x00b"))[0], "binary"),
        (lambda d: (d / "note.txt", (d / "note.txt").write_text("Pain 8/10.\n"))[0], "unknown letter layout"),
    ],
    ids=["directory", "missing", "empty", "binary", "not-a-letter"],
)
def test_bad_input_is_one_line_and_exit_2(
    make, problem: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and problem in err and str(path) in err


def test_help_describes_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "--help"])
    assert exit_.value.code == 0
    assert "--use-rationale" in capsys.readouterr().out
