"""Postsurgical physical medicine: the figures per surgery are cited data, and the trace shows them.

8 CCR 9792.24.3 gives each surgery a general course of therapy and a postsurgical period; after
carpal tunnel release the general course is 8 visits and the period 3 months. The rule that
decides quotes the surgery it counted from and the course it compared with.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from scenarios import build_case

from imr_engine.engine import Engine, load_engine
from imr_engine.errors import RuleError
from imr_engine.resources import default_rules_dir

SURGERY = [{"name": "right carpal tunnel release", "date": "2015-04-15",
            "evidence": [{"quote": "s/p right carpal tunnel release 4/15/2015", "source": "summary"}]}]


def test_the_trace_shows_the_course_and_the_surgery_it_came_from(engine: Engine) -> None:
    item = engine.evaluate(build_case(["Physical therapy x 12"], surgeries=SURGERY)).items[0]
    assert item.predicted == "Upheld"
    decisive = [r for r in item.rules if r.decisive]
    assert "postsurgical.beyond-general-course" in [r.rule_id for r in decisive]
    decisive = [r for r in decisive if r.rule_id == "postsurgical.beyond-general-course"]
    facts = {f.name: f for f in decisive[0].facts}
    assert facts["postsurgical_within_general_course"].value == "no"
    assert facts["postsurgical_period"].value == "yes"
    assert any("carpal tunnel release" in e.quote for e in facts["postsurgical_within_general_course"].evidence)
    assert "general course of 8 after carpal_tunnel_release" in item.rationale


def test_the_chronic_pain_limits_do_not_decide_inside_the_period(engine: Engine) -> None:
    item = engine.evaluate(build_case(["Physical therapy x 4"], surgeries=SURGERY)).items[0]
    assert item.predicted == "Overturned"
    assert not any(r.rule_id.startswith("cpmtg.physical-medicine") for r in item.rules)


def test_a_changed_table_changes_the_decision(tmp_path: Path) -> None:
    """The figures live in rules/vocabulary/postsurgical.yaml, not in code."""
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    table = rules / "vocabulary" / "postsurgical.yaml"
    table.write_text(table.read_text().replace("carpal_tunnel_release: {visits: 8,", "carpal_tunnel_release: {visits: 24,"))
    item = load_engine(rules).evaluate(build_case(["Physical therapy x 12"], surgeries=SURGERY)).items[0]
    assert item.predicted == "Overturned"


def test_a_broken_table_is_one_clear_error(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    table = rules / "vocabulary" / "postsurgical.yaml"
    table.write_text(table.read_text().replace("{visits: 8,", "{visits: -8,"))
    with pytest.raises(RuleError) as info:
        load_engine(rules)
    assert "postsurgical.yaml" in info.value.one_line() and "visits" in info.value.one_line()
