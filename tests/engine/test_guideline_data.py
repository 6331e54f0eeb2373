"""Guideline thresholds are cited data in the rule book, and the trace says which one a fact used.

CPMTG phases (acute up to 4 weeks, subacute to 3 months), long-term use (3 months), GI risk
(age over 65, aspirin, corticosteroids, anticoagulants, p. 68) and the epidural approach words
live in rules/vocabulary/thresholds.yaml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from scenarios import build_case

from imr_engine.engine import Engine, load_engine
from imr_engine.errors import RuleError
from imr_engine.resources import default_rules_dir


def _heat_wrap_case():  # injured 2015-02-01, decided 2015-06-01: 120 days, chronic under CPMTG phases
    return build_case(["ThermaCare heat wrap #10"], injury="2015-02-01", decided="2015-06-01")


def test_a_phase_in_the_trace_names_its_threshold_and_citation(engine: Engine) -> None:
    item = engine.evaluate(_heat_wrap_case()).items[0]
    facts = [f for r in item.rules for f in r.facts if f.name == "phase"]
    assert facts and facts[0].value == "chronic"
    assert facts[0].derived_by is not None
    assert "90" in facts[0].derived_by and "CPMTG" in facts[0].derived_by


def test_changing_the_cited_threshold_changes_the_phase(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    table = rules / "vocabulary" / "thresholds.yaml"
    table.write_text(table.read_text().replace("subacute_days: 90", "subacute_days: 150"))
    item = load_engine(rules).evaluate(_heat_wrap_case()).items[0]
    assert "acoem3.heat-cold.chronic-phase" not in [r.rule_id for r in item.rules]
    assert "acoem3.heat-cold.chronic-phase" in [r.rule_id for r in load_engine().evaluate(_heat_wrap_case()).items[0].rules]


def test_a_broken_threshold_file_is_one_clear_error(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    table = rules / "vocabulary" / "thresholds.yaml"
    table.write_text(table.read_text().replace("subacute_days: 90", "subacute_days: 10"))
    with pytest.raises(RuleError) as info:
        load_engine(rules)
    assert "thresholds.yaml" in info.value.one_line() and "subacute_days" in info.value.one_line()


@pytest.mark.parametrize(("file", "old", "new", "needles"), [
    ("thresholds.yaml", "  services: [hospital_stay, preoperative_testing,", "  services: [hospital_stay, preoperative_tesing,",
     ("perioperative.services", "unknown service 'preoperative_tesing'", "did you mean 'preoperative_testing'")),
    ("thresholds.yaml", "    knee_arthroplasty: {risk: elevated, stay_days: 3}", "    knee_arthroplsty: {risk: elevated, stay_days: 3}",
     ("perioperative.surgeries", "unknown service 'knee_arthroplsty'", "did you mean 'knee_arthroplasty'")),
    ("thresholds.yaml", "  classes: [anticoagulant, corticosteroid, antiplatelet]", "  classes: [anticoagulant, corticosteriod, antiplatelet]",
     ("gi_risk.classes", "unknown class 'corticosteriod'", "did you mean 'corticosteroid'")),
    ("postsurgical.yaml", "  carpal_tunnel_release: {visits: 8", "  carpal_tunel_release: {visits: 8",
     ("surgeries", "unknown service 'carpal_tunel_release'", "did you mean 'carpal_tunnel_release'")),
])
def test_a_name_the_cited_data_misspells_is_one_clear_error(
    tmp_path: Path, file: str, old: str, new: str, needles: tuple[str, ...]
) -> None:
    """A name in thresholds.yaml or postsurgical.yaml that the vocabulary lacks would never match, silently."""
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    path = rules / "vocabulary" / file
    text = path.read_text()
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new))
    with pytest.raises(RuleError) as info:
        load_engine(rules)
    line = info.value.one_line()
    assert line.startswith(str(path)) and "\n" not in line
    for needle in needles:
        assert needle in line
