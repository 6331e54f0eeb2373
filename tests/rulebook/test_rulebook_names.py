"""A rule may only name what its vocabulary knows, with finite limits, and must be able to fire.

A misspelt class or diagnosis group used to load silently and never fire; these tests write
small rule files beside a copy of the bundled vocabulary and expect one line naming file, line,
rule id and the nearest known name.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from probe_book import load_error, probe_book

from imr_engine.cli import main
from imr_engine.errors import RuleError
from imr_engine.rulebook import load_rulebook
from imr_engine.rulebook.conditions import All, Compare
from imr_engine.rulebook.satisfiable import can_fire
from imr_engine.vocabulary.shared import vocabulary_for

RULE = """\
topic: probe_topic
category: probe
title: Probe rules
applies_to: {classes: [physical_medicine]}
rules:
  - id: probe.therapy-visits
    title: Probe rule
    question: Are more than ten visits requested for radiculitis?
    applies_to: {services: [physical_therapy]}
    guideline:
      source: MTUS
      guideline: Chronic Pain Medical Treatment Guidelines
      edition: "2009"
      sections: ["Physical Medicine"]
      pages: [[98, 99]]
      effective_from: 2009-07-18
      citation_checked: false
    when:
      all:
        - {fact: diagnosis_groups, includes_any: [neuritis_radiculitis]}
        - {fact: visits_requested, gt: 10}
    outcome: not_medically_necessary
    statement: Probe statement
    rationale: Here {visits_requested} visits are requested
    would_change_if: [Fewer visits]
"""




def test_the_probe_rule_loads(tmp_path: Path) -> None:
    assert load_rulebook(probe_book(tmp_path, RULE)).by_id["probe.therapy-visits"]


def test_a_misspelt_diagnosis_group_names_file_line_rule_and_the_nearest_group(tmp_path: Path) -> None:
    msg = load_error(tmp_path, RULE.replace("[neuritis_radiculitis]", "[neuritis_radiculits]"))
    assert "probe.yaml:20:" in msg
    assert "rule 'probe.therapy-visits'" in msg
    assert "unknown diagnosis group 'neuritis_radiculits'" in msg and "did you mean 'neuritis_radiculitis'" in msg


def test_a_misspelt_class_in_the_file_scope_is_refused(tmp_path: Path) -> None:
    msg = load_error(tmp_path, RULE.replace("classes: [physical_medicine]", "classes: [physical_medicin]"))
    assert "probe.yaml:4:" in msg and "unknown class 'physical_medicin'" in msg
    assert "did you mean 'physical_medicine'" in msg


def test_a_misspelt_service_in_a_rule_scope_is_refused(tmp_path: Path) -> None:
    msg = load_error(tmp_path, RULE.replace("services: [physical_therapy]", "services: [physical_therapyy]"))
    assert "probe.yaml:9:" in msg and "rule 'probe.therapy-visits'" in msg
    assert "unknown service 'physical_therapyy' (did you mean 'physical_therapy'?)" in msg


def test_a_misspelt_body_region_is_refused(tmp_path: Path) -> None:
    msg = load_error(tmp_path, RULE.replace("{fact: visits_requested, gt: 10}", "{fact: target_regions, includes_any: [lumbar_spin]}"))
    assert "unknown body region 'lumbar_spin' (did you mean 'lumbar_spine'?)" in msg


def test_a_limit_that_is_not_finite_is_refused(tmp_path: Path) -> None:
    msg = load_error(tmp_path, RULE.replace("gt: 10", "gt: .inf"))
    assert "rule 'probe.therapy-visits'" in msg and "must be a finite number" in msg


def test_contradictory_criteria_can_never_fire(tmp_path: Path) -> None:
    msg = load_error(tmp_path, RULE.replace("{fact: visits_requested, gt: 10}", "{fact: visits_requested, gt: 10}\n        - {fact: visits_requested, lt: 6}"))
    assert "probe.yaml:6:" in msg and "can never fire" in msg


def test_a_service_outside_the_file_scope_can_never_fire(tmp_path: Path) -> None:
    msg = load_error(tmp_path, RULE.replace("services: [physical_therapy]", "services: [acupuncture]"))
    assert "rule 'probe.therapy-visits'" in msg and "can never fire" in msg


def test_an_ingredient_that_never_carries_the_file_class_can_never_fire(tmp_path: Path) -> None:
    text = RULE.replace("classes: [physical_medicine]", "classes: [opioid]").replace(
        "services: [physical_therapy]", "ingredients: [ibuprofen]")
    assert "can never fire" in load_error(tmp_path, text)


def test_a_combination_product_reaches_the_class_of_its_partner(tmp_path: Path) -> None:
    """Acetaminophen is in Norco, an opioid product: a rule on it inside the opioid file can fire."""
    text = RULE.replace("classes: [physical_medicine]", "classes: [opioid]").replace(
        "services: [physical_therapy]", "ingredients: [acetaminophen]").replace(
        "{fact: visits_requested, gt: 10}", "{fact: long_term_use, is: yes}")
    assert load_rulebook(probe_book(tmp_path, text)).by_id["probe.therapy-visits"]


def test_rules_cli_refuses_an_unknown_name_with_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = probe_book(tmp_path, RULE.replace("[neuritis_radiculitis]", "[neuritis_radiculits]"))
    code = main(["rules", "--rules", str(root)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "probe.yaml:20" in lines[0] and "probe.therapy-visits" in lines[0] and "neuritis_radiculitis" in lines[0]


def test_rules_are_checked_against_the_vocabulary_beside_them(tmp_path: Path) -> None:
    """A group that only the copied vocabulary defines is known to rules loaded from the copy."""
    root = probe_book(tmp_path, RULE.replace("[neuritis_radiculitis]", "[probe_group]"))
    groups = root / "vocabulary" / "diagnoses.yaml"
    groups.write_text(groups.read_text() + "  probe_group: [probe syndrome]\n")
    assert load_rulebook(root).by_id["probe.therapy-visits"]
    assert Path(vocabulary_for(root).directory) == (root / "vocabulary").resolve()
    with pytest.raises(RuleError):
        load_rulebook(probe_book(tmp_path / "bundled", RULE.replace("[neuritis_radiculitis]", "[probe_group]")))


@settings(max_examples=60, derandomize=True)
@given(low=st.integers(-5, 40), high=st.integers(-5, 40), strict=st.booleans())
def test_a_numeric_window_fires_exactly_when_it_is_not_empty(low: int, high: int, strict: bool) -> None:
    """`gt/gte low` with `lt high` is satisfiable iff the interval has a point at or above the model's 0."""
    cond = All(all=[Compare(fact="visits_requested", **{"gt" if strict else "gte": low}),
                    Compare(fact="visits_requested", lt=high)])
    top = high  # visits_requested is a count >= 0
    expected = low < high and top > 0
    assert can_fire(cond, (), None) is expected


def test_a_bad_value_beside_a_merged_guideline_is_refused_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Rule files share a guideline through an anchor (`<<: *anchor`); an error next to it names its own line.

    Rule files load without their node tree (issue 15); the lines are composed only for the error.
    """
    two = RULE.replace("    guideline:\n", "    guideline: &g\n") + RULE.split("rules:\n")[1].replace(
        "probe.therapy-visits", "probe.second").replace(
        "    guideline:\n      source: MTUS\n      guideline: Chronic Pain Medical Treatment Guidelines\n",
        "    guideline:\n      <<: *g\n      pages: [[98, nine]]\n      source: MTUS\n      "
        "guideline: Chronic Pain Medical Treatment Guidelines\n",
    ).split("      edition:")[0] + "    when: {fact: visits_requested, gt: 10}\n    outcome: not_medically_necessary\n"
    assert "pages: [[98, nine]]" in two and "<<: *g" in two
    root = probe_book(tmp_path, two)
    assert main(["rules", "--json", "--rules", str(root)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    line = next(i for i, text in enumerate(two.splitlines(), 1) if "pages: [[98, nine]]" in text)
    assert f"probe.yaml:{line}:" in err[0] and "rule 'probe.second'" in err[0] and "pages" in err[0]
