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

from imr_engine.checklist import document_checklist
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
    assert "general course of 8 after carpal tunnel release" in item.rationale


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


#: A carpal tunnel syndrome confirmed by nerve conduction testing: the release is supported (ACOEM Ch. 11 p. 270).
_CONFIRMED_CTS = {
    "diagnoses": [{"name": "right carpal tunnel syndrome", "body_regions": ["wrist"],
                   "evidence": [{"quote": "right carpal tunnel syndrome", "source": "summary"}]}],
    "clinical": {"diagnosis_confirmed_by_testing": {
        "value": "yes", "evidence": [{"quote": "NCS: moderate right median neuropathy at the wrist", "source": "summary"}]}},
}


def test_post_op_care_requested_with_its_surgery_counts_from_that_surgery(engine: Engine) -> None:
    """An RFA asks for a release together with its post-operative therapy and cold unit: 8 CCR 9792.24.3
    gives carpal tunnel release 3-8 visits, of which half as the initial course; ODG supports a cold
    unit for the first post-operative week. The surgery's request line is the evidence, the trace
    names the assumption."""
    requests = ["Right carpal tunnel release", "Post-op physical therapy x 4", "Post-op cold therapy unit, 7-day rental"]
    items = engine.evaluate(build_case(requests, **_CONFIRMED_CTS)).items
    assert items[0].predicted == "Overturned"  # ACOEM Ch. 11 p. 270: syndrome confirmed by nerve conduction
    therapy, cold = items[1], items[2]
    assert therapy.predicted == "Overturned" and cold.predicted == "Overturned"
    assert not any(r.rule_id.startswith("cpmtg.physical-medicine") for r in therapy.rules)
    facts = {f.name: f for r in cold.rules if r.decisive for f in r.facts}
    assert facts["days_since_surgery"].value == 0
    assert facts["days_since_surgery"].derived_by is not None and facts["days_since_surgery"].derived_by.startswith("assumed")
    assert [e.quote for e in facts["days_since_surgery"].evidence] == ["Right carpal tunnel release"]
    more = engine.evaluate(build_case([requests[0], "Post-op physical therapy x 12"], **_CONFIRMED_CTS)).items[1]
    assert more.predicted == "Upheld" and "postsurgical.beyond-general-course" in [r.rule_id for r in more.rules]


def test_post_op_care_for_a_surgery_that_is_not_necessary_is_not_necessary(engine: Engine) -> None:
    """The same requests where nerve conduction testing is not documented: ACOEM Ch. 11 p. 270 does not
    support the release, and care that serves it is not reasonably required (8 CCR 9792.20), whatever
    its own criteria say; the trace quotes the surgery's line and names its predicted outcome."""
    requests = ["Right carpal tunnel release", "Post-op physical therapy x 4", "Post-op cold therapy unit, 7-day rental"]
    surgery, therapy, cold = engine.evaluate(build_case(requests)).items
    assert surgery.predicted == "Upheld"
    for item in (therapy, cold):
        assert item.predicted == "Upheld"
        decisive = [r for r in item.rules if r.decisive]
        assert [r.rule_id for r in decisive] == ["mtus.surgical-services.surgery-not-necessary"]
        used = {f.name: f for f in decisive[0].facts}
        assert used["companion_surgery_necessary"].value == "no"
        assert [e.quote for e in used["companion_surgery_necessary"].evidence] == ["Right carpal tunnel release"]
        assert (used["companion_surgery_necessary"].derived_by or "").startswith("judged:")
        assert "predicted Upheld" in (used["companion_surgery_necessary"].derived_by or "")


def test_post_op_wording_alone_assumes_no_surgery(engine: Engine) -> None:
    """Without a surgery done or requested, a 'post-op' cold unit is not dated from any surgery."""
    item = engine.evaluate(build_case(["Post-op cold therapy unit, 7-day rental"])).items[0]
    assert all(f.name != "days_since_surgery" or f.value is None for r in item.rules for f in r.facts)
    assert item.predicted == "Upheld"


def test_the_checklist_starts_from_the_surgery_s_outcome(engine: Engine) -> None:
    """The documentation checklist asks its what-if questions of the same facts the engine decided on:
    for post-op care of an unsupported release, the surgery's outcome is known (not 'not documented'),
    and nothing the note could add about the therapy alone changes the answer."""
    case = build_case(["Right carpal tunnel release", "Post-op physical therapy x 4"])
    result = engine.evaluate(case)
    therapy = document_checklist(engine, case, result)[1]
    assert therapy.predicted == "Upheld"
    companion = [c for c in therapy.criteria if c.fact == "companion_surgery_necessary"]
    assert companion and companion[0].value == "no" and companion[0].status != "not_documented"
    assert all(any(ch.fact == "companion_surgery_necessary" for ch in s.changes) for s in therapy.to_change)

