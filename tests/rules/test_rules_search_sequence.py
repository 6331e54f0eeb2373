"""Where the MTUS in force is silent: an ODG rule in scope outranks carrying an earlier MTUS generation.

8 CCR 9792.21.1(d)(2): when the MTUS does not address a treatment, the reviewer turns to other
evidence-based guidelines (in practice the ODG). The rule book encodes no ACOEM-generation session
counts for psychotherapy or spinal physical therapy, and ODG rules give them from 2017-12-01; topics
with no ODG rule (a psychological evaluation, therapy for the knee) still borrow the 2009 CPMTG
criteria, and the answer names the generation it borrowed from. Expected outcomes come from the
guideline figures (ODG: initial CBT trial of 6 visits, spinal therapy about 10 visits over 8 weeks;
CPMTG 2009: psychological evaluations recommended for chronic pain, p. 100-101; therapy 9-10 visits).
"""

from __future__ import annotations

from rule_scenario_table import expand

from imr_engine.engine import Engine
from imr_engine.engine.determination import Determination

ACOEM = "mtus_acoem_2017"


def _judge(engine: Engine, request: str, **facts: object) -> Determination:
    return engine.evaluate(expand(request, (), {"decided": "2019-06-01", **facts})).items[0]


def test_an_odg_rule_in_scope_decides_cbt_instead_of_the_carried_cpmtg_trial(engine: Engine) -> None:
    # CPMTG 2009 allows a first trial of 3-4 visits (p. 23); the ODG's initial trial is 6.
    item = _judge(engine, "Cognitive behavioral therapy, 6 sessions")
    assert item.predicted == "Overturned"
    assert item.generation is not None and item.generation.id == ACOEM
    assert item.criteria_generation is None
    assert [r.rule_id for r in item.rules if r.decisive] == ["odg.cbt.initial-trial"]
    assert item.decided_by == "non-MTUS"


def test_a_topic_with_no_odg_rule_still_borrows_the_cpmtg_criteria(engine: Engine) -> None:
    item = _judge(engine, "Psychological evaluation")
    assert item.predicted == "Overturned"
    assert item.criteria_generation is not None and item.criteria_generation.id == "mtus_2009"
    assert "cpmtg.psych.evaluation-chronic-pain" in [r.rule_id for r in item.rules if r.decisive]
    assert "assumed" in item.rationale


def test_spinal_therapy_is_judged_by_the_odg_and_knee_therapy_by_the_carried_cpmtg(engine: Engine) -> None:
    spine = _judge(engine, "Physical therapy lumbar spine 2x6 (12 visits)", dx=["lumbar strain|lumbar_spine"])
    assert spine.predicted == "Upheld" and spine.criteria_generation is None
    assert [r.rule_id for r in spine.rules if r.decisive] == ["odg.pt-spine.beyond-visit-limit"]
    knee = _judge(engine, "Physical therapy right knee 2x6 (12 visits)", dx=["knee strain|knee"])
    assert knee.predicted == "Upheld"
    assert knee.criteria_generation is not None and knee.criteria_generation.id == "mtus_2009"
    assert [r.rule_id for r in knee.rules if r.decisive] == ["cpmtg.physical-medicine.beyond-ten-visits"]


def test_a_rule_in_scope_only_for_want_of_a_region_does_not_block_borrowing(engine: Engine) -> None:
    # Nothing names a region: the ODG spine numbers might not be the ones that apply.
    item = _judge(engine, "Physical therapy 3x4 (12 visits)")
    assert item.predicted == "Upheld"
    assert item.basis == "rule"
    assert item.criteria_generation is not None and item.criteria_generation.id == "mtus_2009"


def test_before_2017_the_cpmtg_in_force_decides_and_the_odg_rules_are_not_in_force(engine: Engine) -> None:
    item = engine.evaluate(expand("Cognitive behavioral therapy, 6 sessions", (), {"decided": "2015-06-01"})).items[0]
    assert item.predicted == "Upheld"
    assert item.criteria_generation is None
    assert [r.rule_id for r in item.rules if r.decisive] == ["cpmtg.psych.cbt-initial-trial-beyond-four"]
    assert not any(r.rule_id.startswith("odg.cbt.") for r in item.rules)


def test_texas_therapy_with_no_region_is_not_left_not_established_by_the_spine_rules(engine: Engine) -> None:
    # Texas applies the ODG first; ODG rules that could apply only if the region were the spine do not
    # count as addressing a request that names no region, so the fallback (MTUS) criteria decide it.
    case = expand("Physical therapy 3x4 (12 visits)", (), {"decided": "2019-06-01"})
    item = engine.evaluate(case.model_copy(update={"jurisdiction": "texas"})).items[0]
    assert item.predicted == "Upheld"
    assert item.basis == "rule"
    assert [r.rule_id for r in item.rules if r.decisive] == ["cpmtg.physical-medicine.beyond-ten-visits"]
    spine = expand("Physical therapy lumbar spine 3x4 (12 visits)", (), {"decided": "2019-06-01",
                                                                         "dx": ["lumbar strain|lumbar_spine"]})
    decided = engine.evaluate(spine.model_copy(update={"jurisdiction": "texas"})).items[0]
    assert [r.rule_id for r in decided.rules if r.decisive] == ["odg.pt-spine.beyond-visit-limit"]
