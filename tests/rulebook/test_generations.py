"""Guideline generations: a request is judged under the MTUS in force on its date, and says which.

Dates from the regulations as the DWC announced them: the first MTUS effective 2007-06-15; the
2016 Chronic Pain and Opioids guidelines in effect 2016-07-28 and applied to requests made on or
after 2016-07-29; the ACOEM guidelines for services on or after 2017-12-01 (sources in
rules/generations.yaml).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imr_engine.cli import main
from imr_engine.engine import Engine
from imr_engine.errors import RuleError
from imr_engine.facts import load_case
from imr_engine.resources import default_rules_dir
from imr_engine.rulebook import load_rulebook

BOOK = load_rulebook()
REGISTRY = BOOK.generations
CASES = Path(__file__).resolve().parents[2] / "cases"
SOMA_CASE = CASES / "000_6e1af9fa5d98bcdd" / "case.yaml"  # Soma, Neurontin, Terocin, ... decided 2015-08-28


def _id(day: str) -> str:
    assert REGISTRY is not None
    return REGISTRY.at(dt.date.fromisoformat(day)).generation.id


def test_generation_boundaries_are_the_regulations_dates() -> None:
    assert _id("2007-06-15") == "mtus_2007"
    assert _id("2016-07-28") == "mtus_2009"  # the last request day before the 2016 amendment applied
    assert _id("2016-07-29") == "mtus_2016"
    assert _id("2017-11-30") == "mtus_2016"
    assert _id("2017-12-01") == "mtus_acoem_2017"
    assert _id("2026-01-01") == "mtus_acoem_2017"


@pytest.mark.parametrize(("day", "generation"), [
    ("2015-06-01", "mtus_2009"), ("2017-03-01", "mtus_2016"), ("2024-06-01", "mtus_acoem_2017"),
])
def test_one_case_is_judged_under_the_generation_of_its_date(engine: Engine, day: str, generation: str) -> None:
    case = load_case(SOMA_CASE).model_copy(update={"as_of": dt.date.fromisoformat(day)})
    result = engine.evaluate(case)
    assert result.generation is not None and result.generation.id == generation
    assert result.warnings == []
    title = result.generation.title
    for item in result.items:
        assert item.generation is not None and item.generation.id == generation
        assert title in item.rationale
        # Criteria the rule book lacks for this generation come from the nearest one that has them, said so.
        applied = item.criteria_generation.id if item.criteria_generation is not None else generation
        applied_title = REGISTRY.by_id[applied].title if REGISTRY is not None else title
        if item.criteria_generation is not None:
            assert applied != generation and "assumed" in item.rationale and applied_title in item.rationale
        assert all(c.generation == applied_title for c in item.citations), item.request
        for fired in item.rules:
            assert applied in BOOK.by_id[fired.rule_id].guideline.generations, fired.rule_id
            assert applied_title in fired.citation_label


def test_no_2009_rule_applies_after_the_2009_generation_unless_carried_and_said(engine: Engine) -> None:
    case = load_case(SOMA_CASE).model_copy(update={"as_of": dt.date(2024, 6, 1)})
    for item in engine.evaluate(case).items:
        from_2009 = [r.rule_id for r in item.rules if BOOK.by_id[r.rule_id].guideline.generations == ["mtus_2009"]]
        if from_2009:
            assert item.criteria_generation is not None and item.criteria_generation.id == "mtus_2009", item.request
    # ... while on the letter's own date (2015-08-28) the 2009 Chronic Pain guideline decides Soma, uncarried.
    soma = engine.evaluate(load_case(SOMA_CASE)).items[0]
    assert soma.predicted == "Upheld" and any(r.rule_id.startswith("cpmtg.") for r in soma.rules if r.decisive)
    assert soma.criteria_generation is None


def test_criteria_are_carried_only_where_the_generation_in_force_has_no_rule(engine: Engine) -> None:
    """Under ACOEM 2017 that generation's rules address all three drugs: nothing is carried. Under the
    2016 generation the rule book has opioid criteria but none for muscle relaxants: Soma takes the 2009
    criteria (carisoprodol not recommended, which the later text keeps), and says so."""
    def judged(day: dt.date) -> dict[str, Any]:
        case = load_case(SOMA_CASE).model_copy(update={"as_of": day})
        return {i.request.split()[0]: i for i in engine.evaluate(case).items}

    assert all(i.criteria_generation is None for i in judged(dt.date(2024, 6, 1)).values())
    in_2017 = judged(dt.date(2017, 3, 1))
    soma = in_2017["Soma"]
    assert soma.criteria_generation is not None and soma.criteria_generation.id == "mtus_2009"
    assert soma.predicted == "Upheld" and soma.basis == "rule" and "assumed" in soma.rationale
    assert in_2017["Percocet"].criteria_generation is None


def test_a_date_before_every_generation_uses_the_nearest_with_a_warning(engine: Engine) -> None:
    case = load_case(SOMA_CASE).model_copy(update={"as_of": dt.date(2005, 3, 1)})
    result = engine.evaluate(case)
    assert result.generation is not None and result.generation.id == "mtus_2007"
    assert len(result.warnings) == 1 and "2005-03-01" in result.warnings[0]
    assert all("nearest" in item.rationale for item in result.items)
    for item in result.items:
        applied = item.criteria_generation.id if item.criteria_generation is not None else "mtus_2007"
        for fired in item.rules:
            assert applied in BOOK.by_id[fired.rule_id].guideline.generations


def test_rules_as_of_lists_only_rules_in_force(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--as-of", "2024-06-01", "--json"]) == 0
    out, err = capsys.readouterr()
    records = json.loads(out)
    assert records and err == ""
    assert not [r["id"] for r in records if r["citation"]["generations"] == ["mtus_2009"]]
    for r in records:
        c = r["citation"]
        assert c["effective_from"] <= "2024-06-01" and (c["effective_until"] is None or "2024-06-01" <= c["effective_until"])
    assert {r["id"] for r in records} == {r.id for r in BOOK.in_force(dt.date(2024, 6, 1))}
    assert main(["rules", "--as-of", "2015-06-01", "--json"]) == 0
    older = json.loads(capsys.readouterr()[0])
    assert any(r["citation"]["generations"] == ["mtus_2009"] for r in older)


def test_rules_as_of_a_date_before_every_generation_warns_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--as-of", "2001-01-01"]) == 0
    out, err = capsys.readouterr()
    assert "warning" in err and "2001-01-01" in err
    assert out.startswith("rules in force on 2001-01-01 under MTUS")


@given(st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2040, 12, 31)))
def test_the_chosen_generation_holds_and_every_rule_in_force_belongs_to_it(day: dt.date) -> None:
    assert REGISTRY is not None
    found = REGISTRY.at(day)
    assert found.generation.holds(found.rules_day)
    assert (found.warning is None) == (found.rules_day == day)
    for rule in BOOK.in_force(day):
        assert found.generation.id in rule.guideline.generations, rule.id


@given(st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2040, 12, 31)),
       st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2040, 12, 31)))
def test_later_dates_never_go_back_to_an_earlier_generation(a: dt.date, b: dt.date) -> None:
    assert REGISTRY is not None
    first, second = sorted((a, b))
    order = [g.id for g in REGISTRY.list]
    assert order.index(REGISTRY.at(first).generation.id) <= order.index(REGISTRY.at(second).generation.id)


# --- load-time checks -------------------------------------------------------------------

PROBE = """\
topic: probe_topic
category: probe
title: Probe rules
applies_to: {{classes: [opioid]}}
{generations}rules:
  - id: probe.opioid-long-term
    title: Probe rule
    question: Is the opioid used long-term?
    guideline:
      source: MTUS
      guideline: Chronic Pain Medical Treatment Guidelines
      edition: "2009"
      sections: ["Opioids, criteria for use"]
      effective_from: {start}
      citation_checked: false
    when:
      all:
        - {{fact: long_term_use, is: yes}}
    outcome: not_medically_necessary
    statement: Probe statement
    rationale: Here long-term use is {{long_term_use}}
    would_change_if: [Something documented]
"""


def _book(tmp_path: Path, rule: str, registry: str | None = None) -> Path:
    root = tmp_path / "rules"
    (root / "probe").mkdir(parents=True)
    shutil.copytree(default_rules_dir() / "vocabulary", root / "vocabulary")
    text = registry if registry is not None else (default_rules_dir() / "generations.yaml").read_text()
    (root / "generations.yaml").write_text(text)
    (root / "probe" / "probe.yaml").write_text(rule)
    return root


def test_a_folder_without_a_generation_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _book(tmp_path, PROBE.format(generations="", start="2009-07-18"))
    with pytest.raises(RuleError) as info:
        load_rulebook(root)
    assert "folder 'probe' declares no MTUS generation" in info.value.one_line()
    assert main(["rules", "--rules", str(root)]) == 2
    _, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1 and "probe.yaml" in err


def test_a_file_may_declare_its_generations_and_its_rules_end_with_them(tmp_path: Path) -> None:
    root = _book(tmp_path, PROBE.format(generations="generations: [mtus_2009]\n", start="2009-07-18"))
    rule = load_rulebook(root).by_id["probe.opioid-long-term"]
    assert rule.guideline.effective_until == dt.date(2016, 7, 28)
    assert rule.guideline.generations == ["mtus_2009"]


def test_a_rule_dated_outside_its_generations_is_refused(tmp_path: Path) -> None:
    root = _book(tmp_path, PROBE.format(generations="generations: [mtus_2009]\n", start="2018-01-01"))
    with pytest.raises(RuleError) as info:
        load_rulebook(root)
    assert "probe.opioid-long-term" in info.value.one_line() and "outside its generations" in info.value.one_line()


def test_generations_with_a_gap_are_refused(tmp_path: Path) -> None:
    registry = (default_rules_dir() / "generations.yaml").read_text().replace(
        "effective_from: 2016-07-29", "effective_from: 2016-08-15"
    )
    root = _book(tmp_path, PROBE.format(generations="generations: [mtus_2009]\n", start="2009-07-18"), registry)
    with pytest.raises(RuleError) as info:
        load_rulebook(root)
    assert "generations.yaml" in info.value.one_line() and "must start the day after" in info.value.one_line()


def test_a_rule_book_without_a_registry_keeps_its_rules_own_dates(tmp_path: Path) -> None:
    root = _book(tmp_path, PROBE.format(generations="", start="2009-07-18"))
    (root / "generations.yaml").unlink()
    book = load_rulebook(root)
    assert book.generations is None and book.at(dt.date(2024, 1, 1)) is None
    assert book.by_id["probe.opioid-long-term"].guideline.effective_until is None
