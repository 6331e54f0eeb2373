"""A covered item with none of the documentation the guideline asks for is decided, not left open.

The guideline supports, say, a muscle relaxant only for a short course in an acute exacerbation of
chronic low back pain. When a record documents none of the circumstances in which a topic's rules
support the item, and no rule finds a reason to deny it either, medical necessity is not
established: the item is Upheld, citing the supporting criteria and saying what would change it.
Only an item that no topic covers stays Indeterminate.
"""

from __future__ import annotations

from scenarios import build_case

from imr_engine.engine import Engine


def test_a_covered_item_without_its_documentation_is_not_established(engine: Engine) -> None:
    # CPMTG p. 24: benzodiazepines limited to 4 weeks, for an indication; none is documented here.
    item = engine.evaluate(build_case(["Klonopin 0.5mg HS #14"])).items[0]
    assert item.predicted == "Upheld" and item.medically_necessary is False
    assert item.basis == "not_established" and item.decided_by == "MTUS"
    assert not [r for r in item.rules if r.outcome != "advisory"]
    assert any("Benzodiazepines" in c.sections for c in item.citations)
    assert any("4 weeks or less" in w for w in item.would_change_if)
    assert "medical necessity is not established" in item.rationale


def test_documenting_the_indication_turns_it_around(engine: Engine) -> None:
    case = build_case(["Klonopin 0.5mg HS #14"],
                      clinical={"depression_or_anxiety": {"value": "yes", "evidence": [{"quote": "anxious", "source": "summary"}]}})
    item = engine.evaluate(case).items[0]
    assert item.predicted == "Overturned" and item.basis == "rule"
    assert [r.rule_id for r in item.rules if r.decisive] == ["cpmtg.benzodiazepines.short-course"]


def test_an_item_no_topic_covers_stays_indeterminate(engine: Engine) -> None:
    # Dopamine agonists are listed as deliberately uncovered (rules/vocabulary/uncovered.yaml).
    item = engine.evaluate(build_case(["Pramipexole 0.25mg #30"])).items[0]
    assert item.predicted == "Indeterminate" and item.medically_necessary is None
    assert item.basis == "no_rule" and item.citations == []


def test_a_deciding_rule_is_reported_as_such(engine: Engine) -> None:
    item = engine.evaluate(build_case(["Soma 350mg #30"])).items[0]
    assert item.predicted == "Upheld" and item.basis == "rule"


def test_a_study_with_no_body_part_named_is_not_established(engine: Engine) -> None:
    # ACOEM Ch. 12 p. 303-304 (lumbar), Ch. 8 p. 177-178 (cervical): MRI criteria are stated per region.
    # A request and record that name no region leave the region open: the criteria of every region
    # could still be documented, so the study is not established rather than uncovered.
    item = engine.evaluate(build_case(["MRI"])).items[0]
    assert item.predicted == "Upheld" and item.basis == "not_established"
    assert any("lumbar MRI" in w for w in item.would_change_if)
    assert any("cervical MRI" in w for w in item.would_change_if)
    # Once the request names a region, only that region's criteria are asked for.
    lumbar = engine.evaluate(build_case(["MRI lumbar spine"])).items[0]
    assert lumbar.predicted == "Upheld"
    assert all("ervical" not in w for w in lumbar.would_change_if)
