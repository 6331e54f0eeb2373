"""`imr parse`, in process: JSON and readable output, and one-line errors with exit 2 on bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from imr_engine.cli import main

EXPECTED_COUNTS = [3, 3, 4, 2, 4]
EXPECTED_DECISIONS = {
    "002_688b74414b0b408f": ["Overturned", "Upheld", "Upheld", "Upheld"],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_for_the_five_letters(capsys: pytest.CaptureFixture[str], letter_paths: dict[str, Path]) -> None:
    counts = []
    for name, path in letter_paths.items():
        code, out, err = run(capsys, "parse", str(path), "--json")
        assert (code, err) == (0, "")
        data = json.loads(out)
        counts.append(len(data["items"]))
        decisions = [item["decision"] for item in data["items"]]
        assert decisions == EXPECTED_DECISIONS.get(name, ["Upheld"] * len(decisions))
        assert data["source"] == str(path)
        for item in data["items"]:
            for citation in item["citations"]:
                assert all(isinstance(p, list) and len(p) == 2 for p in citation["pages"])
    assert counts == EXPECTED_COUNTS


def test_json_is_deterministic(capsys: pytest.CaptureFixture[str], letter_paths: dict[str, Path]) -> None:
    path = str(letter_paths["002_688b74414b0b408f"])
    first = run(capsys, "parse", "--json", path)[1]
    assert run(capsys, "parse", "--json", path)[1] == first


def test_readable_report(capsys: pytest.CaptureFixture[str], letter_paths: dict[str, Path]) -> None:
    code, out, err = run(capsys, "parse", str(letter_paths["001_911e865f50b21622"]))
    assert (code, err) == (0, "")
    assert "Layout:    1" in out
    assert "Reviewer:  licensed in California; Physical Medicine and Rehabilitation" in out
    assert "(TRUNCATED: ends mid-sentence)" in out
    assert "Items:     3" in out
    assert "  [0] Soma 350mg # 30" in out
    assert "decision:     Upheld" in out
    assert "conclusion:   not medically necessary" in out
    assert "cited:        MTUS ACOEM Chapter 3; Initial Approaches to Treatment; page 48" in out
    assert "Warnings: 1" in out


def test_readable_report_names_a_texas_decision(capsys: pytest.CaptureFixture[str], layout_fixtures: Path) -> None:
    assert main(["parse", str(layout_fixtures / "layout4.txt")]) == 0
    out = capsys.readouterr().out
    assert "Layout:    4" in out and "State:     Texas (IRO decision" in out
    assert main(["parse", str(layout_fixtures / "layout2.txt")]) == 0
    assert "State:" not in capsys.readouterr().out


def test_help_explains_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["parse", "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "LETTER" in out and "--json" in out and "Upheld/Overturned" in out


def _write(tmp_path: Path, name: str, content: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _cut_letter(letter_paths: dict[str, Path], marker: str) -> str:
    text = letter_paths["003_54b8f692fb4011a5"].read_text(encoding="utf-8")
    return text[: text.index(marker)]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp, letters: _write(tmp, "empty.txt", ""), "file is empty"),
        (lambda tmp, letters: _write(tmp, "blank.txt", " \n\n\t\n"), "file is empty"),
        (lambda tmp, letters: _write(tmp, "binary.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "binary file"),
        (lambda tmp, letters: _write(tmp, "latin1.txt", "Décision: Upheld".encode("latin-1")), "not UTF-8"),
        (lambda tmp, letters: tmp, "is a directory"),
        (lambda tmp, letters: tmp / "missing.txt", "no such file"),
        (
            lambda tmp, letters: _write(tmp, "no-issues.txt", _cut_letter(letters, "IMR ISSUES, DECISIONS")),
            "no 'IMR ISSUES, DECISIONS AND RATIONALES' section found",
        ),
        (
            lambda tmp, letters: _write(tmp, "zero-items.txt", _cut_letter(letters, "Norco 10/325mg #90: Upheld")),
            "letter lists no disputed items",
        ),
        (lambda tmp, letters: _write(tmp, "prose.txt", "Dear Sir,\nthank you.\n"), "unknown letter layout"),
    ],
    ids=["empty", "blank", "binary", "non-utf8", "directory", "missing", "no-issues", "zero-items", "unknown"],
)
def test_bad_input_is_one_line_and_exit_2(
    make: Callable[[Path, dict[str, Path]], Path],
    message: str,
    tmp_path: Path,
    letter_paths: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = make(tmp_path, letter_paths)
    for argv in (["parse", str(path)], ["parse", "--json", str(path)]):
        code, out, err = run(capsys, *argv)
        assert code == 2
        assert out == ""
        assert err.count("\n") == 1 and err.endswith("\n")
        assert err.startswith(f"imr parse: error: {path}: ")
        assert message in err
        assert "Traceback" not in err


def test_letter_cut_in_the_issues_section_parses_complete_items_and_warns(
    tmp_path: Path, letter_paths: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "cut.txt", _cut_letter(letter_paths, "indicated for long-term use. Abuse has been"))
    code, out, err = run(capsys, "parse", "--json", str(path))
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [item["request"] for item in data["items"]] == ["Norco 10/325mg #90", "Soma 350mg #30"]
    assert data["items"][0]["medically_necessary"] is False
    assert data["items"][1]["medically_necessary"] is None
    assert any("rationale ends mid-sentence" in w for w in data["warnings"])
