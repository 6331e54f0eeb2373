"""`imr qa --report` and `imr report`: one self-contained page with the figures QA staff read.

Expected figures come from the letters' own item headings ("<request>: Upheld"), not from
the code under test.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from qa_letters import CASES, letter_decisions

from imr_engine.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def bundled_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("report") / "r.html"
    assert main(["qa", str(CASES), "--report", str(path)]) == 0
    return path.read_text(encoding="utf-8")


def test_the_page_loads_nothing_from_anywhere(bundled_report: str) -> None:
    assert "http://" not in bundled_report and "https://" not in bundled_report
    assert not re.search(r"""<(?:script|link|img|iframe)[^>]*\b(?:src|href)=""", bundled_report)
    assert "default-src 'none'" in bundled_report  # the browser refuses any load the page might attempt


def test_headline_and_confusion_matrix_match_the_letters(bundled_report: str) -> None:
    decisions = [d for _, d in letter_decisions()]
    upheld, overturned = decisions.count("Upheld"), decisions.count("Overturned")
    assert (upheld, overturned) == (15, 1)  # the five letters: 16 items, one overturned follow-up visit
    assert f"<b>{len(decisions)}</b><span>items compared</span>" in bundled_report
    table = re.search(r'<table id="confusion-table".*?</table>', bundled_report, re.DOTALL)
    assert table is not None
    rows = {
        m[1]: [int(n) for n in re.findall(r'<td class="n">(\d+)</td>', m[2])]
        for m in re.finditer(r"<tr><th>(\w+)</th>(.*?)</tr>", table[0], re.DOTALL)
    }
    # every row ends with the letter's count of that outcome
    assert rows["Upheld"][-1] == upheld and rows["Overturned"][-1] == overturned


def test_agreement_by_category_names_the_guideline_topics(bundled_report: str) -> None:
    section = bundled_report.split("Agreement by category", 1)[1].split("<h2", 1)[0]
    keys = re.findall(r"<tr><td>([a-z_]+)</td>", section)
    # Soma, opioids, Klonopin, the heat wrap and the follow-up visit of the letters
    assert {"muscle_relaxants", "opioids", "benzodiazepines", "heat_cold_therapy", "office_visits"} <= set(keys)
    assert 'data-chart="Category of the deciding rule"' in section


def test_disagreements_list_each_item_with_the_letters_rationale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rules_without_muscle_relaxants: Path,
) -> None:
    page = tmp_path / "r.html"
    code, _, _ = run(capsys, "qa", str(CASES), "--rules", str(rules_without_muscle_relaxants), "--report", str(page))
    assert code == 1
    html = page.read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-category="[^"]*" data-predicted="(\w+)">\s*<td>[^<]*</td><td class="n">\d+</td><td>([^<]*)</td>',
                      html)
    soma = sorted(r for r, _ in letter_decisions() if r.startswith("Soma"))
    assert sorted(request for _, request in rows) == sorted(s.replace("&", "&amp;") for s in soma)
    assert {p for p, _ in rows} == {"Indeterminate"}
    # the letter's own words stand beside each row: e.g. letter 000 on Soma
    assert "The MTUS Guidelines do not recommend the use of Soma" in html


def test_the_report_of_an_out_file_is_the_same_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rules_without_muscle_relaxants: Path,
) -> None:
    out, direct, later = tmp_path / "out.jsonl", tmp_path / "direct.html", tmp_path / "later.html"
    rules = str(rules_without_muscle_relaxants)
    run(capsys, "qa", str(CASES), "--rules", rules, "--out", str(out), "--jobs", "1", "--report", str(direct),
        "--csv", str(tmp_path / "direct.csv"))
    assert run(capsys, "report", str(out), "-o", str(later), "--csv", str(tmp_path / "later.csv"))[0] == 0
    assert later.read_bytes() == direct.read_bytes()
    assert (tmp_path / "later.csv").read_bytes() == (tmp_path / "direct.csv").read_bytes()


def test_csv_has_one_row_per_letter_item(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "items.csv"
    assert run(capsys, "qa", str(CASES), "--csv", str(table))[0] == 0
    with table.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [(r["request"], r["actual"]) for r in rows] == letter_decisions()
    assert {r["agree"] for r in rows} == {"yes"}
    assert {r["category"] for r in rows if r["request"].startswith("Soma")} == {"muscle_relaxants"}


@pytest.mark.parametrize("content, problem", [
    ("not json\n", "line 1"),
    ('{"type": "item"}\n', "line 1: missing field"),
    ("", "no imr qa records"),
])
def test_report_refuses_what_is_not_qa_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, problem: str,
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "report", str(bad), "-o", str(tmp_path / "r.html"))
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and str(bad) in err and problem in err
    assert not (tmp_path / "r.html").exists()


def test_agreement_by_guideline_generation_puts_the_2015_letters_under_the_2009_guidelines(bundled_report: str) -> None:
    # The five letters were decided in 2015 and cite the "MTUS Chronic Pain Medical Treatment Guidelines
    # (2009)": the generation in force from 2009-07-18 until the 2016 MTUS (rules/generations.yaml).
    section = bundled_report.split("Agreement by guideline generation", 1)[1].split("<h2", 1)[0]
    rows = re.findall(r"<tr><td>([a-z_0-9()]+)</td><td class=\"n\">(\d+)</td>", section)
    assert rows == [("mtus_2009", str(len(letter_decisions())))]
    assert 'data-chart="Guideline generation"' in section
