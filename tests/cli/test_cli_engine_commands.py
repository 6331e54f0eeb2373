"""`imr evaluate` and `imr qa` as users meet them: output, exit codes, bad input."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from imr_engine.cli import COMMANDS, build_parser, main
from imr_engine.resources import default_rules_dir

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "cases"
CASE_000 = CASES / "000_6e1af9fa5d98bcdd" / "case.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, *needles: str) -> None:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0]


def _registered() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


def test_the_core_commands_are_registered() -> None:
    assert {"parse", "evaluate", "qa", "schema"} <= set(_registered()) <= set(COMMANDS)


@pytest.mark.parametrize("command", _registered())
def test_every_command_explains_itself(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert len(capsys.readouterr().out) > 200


def test_evaluate_json_is_byte_identical_across_runs(capsys: pytest.CaptureFixture[str]) -> None:
    code, first, _ = run(capsys, "evaluate", str(CASE_000), "--json")
    assert code == 0
    _, second, _ = run(capsys, "evaluate", str(CASE_000), "--json")
    assert first == second
    data = json.loads(first)
    assert [i["predicted"] for i in data["items"]] == ["Upheld", "Upheld", "Upheld"]


def test_evaluate_readable_report_names_rules_citations_and_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "evaluate", str(CASE_000))
    assert code == 0
    assert "cpmtg.carisoprodol.not-recommended" in out
    assert "Carisoprodol (Soma), p. 29" in out
    assert '"Soma (since at least February of 2015)"' in out


def test_qa_json_summary_on_the_bundled_cases(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "qa", str(CASES), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["summary"]["items"] == 16 and data["summary"]["agree"] == 16
    assert data["summary"]["citation_agree"] >= 15 and data["summary"]["indeterminate"] == 0
    assert {"case", "request", "predicted", "actual", "citation_match"} <= set(data["items"][0])


def test_qa_exits_1_when_a_prediction_disagrees(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # The same facts with a rule book that lacks every generation's muscle-relaxant rules (so none can
    # be carried from another generation): Soma becomes Indeterminate, which disagrees with the letter's Upheld.
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    for folder in ("mtus_cpmtg", "mtus_acoem_2017"):
        (rules / folder / "muscle_relaxants.yaml").unlink()
    shutil.copytree(CASES / "003_54b8f692fb4011a5", tmp_path / "cases" / "003")
    code, out, _ = run(capsys, "qa", str(tmp_path / "cases"), "--rules", str(rules))
    assert code == 1
    assert "Disagreements:" in out and "Soma 350mg #30: predicted Indeterminate, letter Upheld" in out


@pytest.mark.parametrize(
    ("content", "needles"),
    [
        ("", ("empty",)),
        ("case_id: x\nrequests: [{text: Soma}]\nsurprise: 1\n", ("case.yaml:3", "surprise", "unknown field")),
        ("case_id: x\nrequests: []\n", ("requests",)),
        ("case_id: x\nrequests: [{text: Soma}]\nexam: {muscle_spasm: {value: maybe}}\n", ("exam.muscle_spasm.value",)),
        ("- just\n- a list\n", ("mapping",)),
        ("case_id: [unclosed\n", ("not valid YAML",)),
    ],
)
def test_evaluate_refuses_bad_case_files_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, needles: tuple[str, ...]
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(content)
    code, _, err = run(capsys, "evaluate", str(path))
    assert_one_line_error(code, err, str(path), *needles)


@pytest.mark.parametrize("note", [
    "DOS: 04/07/2016\nPt c/o low back pain 6/10, cont Norco. Plan: f/u 4 wks.\n",  # not YAML at all
    "Patient seen today for follow-up of low back pain.\n",  # YAML, but a plain string
])
def test_evaluate_given_a_note_points_to_precheck(capsys: pytest.CaptureFixture[str], tmp_path: Path, note: str) -> None:
    path = tmp_path / "note.txt"
    path.write_text(note)
    code, _, err = run(capsys, "evaluate", str(path))
    assert_one_line_error(code, err, str(path), "imr precheck", "imr extract")


def test_evaluate_refuses_binary_and_directories(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    binary = tmp_path / "case.yaml"
    binary.write_bytes(b"\x00\x01\xff")
    code, _, err = run(capsys, "evaluate", str(binary))
    assert_one_line_error(code, err, "binary")
    code, _, err = run(capsys, "evaluate", str(tmp_path))
    assert_one_line_error(code, err, "directory")


def test_evaluate_without_any_date_asks_for_as_of(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text("case_id: undated\nrequests: [{text: 'Soma 350mg #30'}]\n")
    code, _, err = run(capsys, "evaluate", str(path))
    assert_one_line_error(code, err, "--as-of")
    code, out, _ = run(capsys, "evaluate", str(path), "--as-of", "2015-06-01", "--json")
    assert code == 0 and json.loads(out)["as_of_source"] == "explicit"


def test_a_malformed_rule_book_is_refused_in_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    target = rules / "mtus_cpmtg" / "benzodiazepines.yaml"
    target.write_text(target.read_text().replace("fact: long_term_use", "fact: longterm_use", 1))
    code, _, err = run(capsys, "evaluate", str(CASE_000), "--rules", str(rules))
    assert_one_line_error(code, err, "benzodiazepines.yaml", "cpmtg.benzodiazepines.beyond-four-weeks", "longterm_use")


def test_qa_on_a_missing_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "qa", str(tmp_path / "nope"))
    assert_one_line_error(code, err, "nope")


def test_installed_command_works_from_any_directory(tmp_path: Path) -> None:
    """The console script, run outside the repository, finds its bundled rules."""
    imr = Path(sys.executable).with_name("imr")
    if not imr.exists():
        pytest.skip("the imr console script is not installed in this environment")
    out = subprocess.run([str(imr), "evaluate", str(CASE_000), "--json"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["items"][0]["predicted"] == "Upheld"


def test_qa_on_notes_names_a_malformed_answer_key_on_stderr_and_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # one good note beside one whose answer key is not valid YAML: the good one is scored, the bad one refused
    good = sorted((Path(__file__).resolve().parents[2] / "corpus" / "notes" / "tune").glob("*.yaml"))[0]
    shutil.copy(good, tmp_path / good.name)
    shutil.copy(good.with_suffix(".txt"), tmp_path / good.with_suffix(".txt").name)
    (tmp_path / "broken.yaml").write_text("id: broken\nrequests: [\n", encoding="utf-8")
    (tmp_path / "broken.txt").write_text("Date of visit: 04/07/2016\nLow back pain.\n", encoding="utf-8")
    code, out, err = run(capsys, "qa", str(tmp_path))
    assert code == 2
    assert err.count("\n") == 1 and "broken.yaml" in err and "not valid YAML" in err and "Traceback" not in err
    assert "notes 2 " in out and "refused 1" in out


def test_qa_on_notes_lists_a_note_judged_as_of_another_date_than_its_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # the note says it was seen on 04/07/2016; its key says 2016-05-01: the report names the note and both dates
    (tmp_path / "n-1.txt").write_text("Date of service: 04/07/2016\nPt c/o low back pain 6/10. Plan: Naproxen 550 mg BID #60.\n")
    (tmp_path / "n-1.yaml").write_text(
        "id: n-1\nas_of: 2016-05-01\nrequests:\n  - text: 'Naproxen 550 mg BID #60'\n    expected: medically_necessary\n"
    )
    code, out, _ = run(capsys, "qa", str(tmp_path))
    assert "n-1: as of 2016-04-07 (latest report), answer key 2016-05-01" in out
    code, out, _ = run(capsys, "qa", str(tmp_path), "--json")
    misses = json.loads(out)["as_of_misses"]
    assert misses == [{"note": "n-1", "as_of": "2016-04-07", "source": "latest_report", "expected": "2016-05-01"}]
