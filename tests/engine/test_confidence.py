"""Confidence: each determination counts its deciding facts read from the text versus absent or assumed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from imr_engine.engine import Engine
from imr_engine.engine.confidence import confidence
from imr_engine.engine.render import render_case
from imr_engine.extract import extract_text


def test_facts_with_quotes_are_read_and_facts_without_are_assumed() -> None:
    c = confidence([("returned_to_work", "yes", 1), ("pain_relief_percent", None, 0),
                    ("aberrant_behavior", "unknown", 0), ("long_term_use", "yes", 0)], basis="rule")
    assert (c.read, c.assumed, c.label) == (1, 3, "low")


def test_a_fact_two_rules_read_counts_once() -> None:
    c = confidence([("returned_to_work", "yes", 2), ("returned_to_work", "yes", 2)], basis="rule")
    assert (c.read, c.assumed, c.label) == (1, 0, "high")


def test_not_established_rests_on_absence_and_no_rule_on_nothing() -> None:
    assert (confidence([], basis="not_established", missing=3).assumed, confidence([], basis="no_rule").label) == (3, "none")


@given(st.lists(st.tuples(st.sampled_from("abcdefgh"), st.sampled_from(["yes", "no", None, "unknown", 4.0]),
                          st.integers(0, 3))))
def test_read_and_assumed_partition_the_distinct_deciding_facts(facts) -> None:
    c = confidence(facts, basis="rule")
    assert c.read + c.assumed == len({f[0] for f in facts})
    assert (c.label == "high") == (c.assumed == 0 and c.read > 0)


def test_a_documented_note_reads_more_of_its_deciding_facts_than_a_silent_one(engine: Engine) -> None:
    request = "Norco 10/325 mg #90, 1 PO TID"
    silent = extract_text("DOS: 3/1/2016\nLow back pain. Continue Norco.\n", [request])
    documented = extract_text(
        "DOS: 3/1/2016\nLow back pain. Continue Norco 10/325 TID. Pain 8/10 without meds, 4/10 with meds.\n"
        "With Norco he returned to full duty in January and walks 30 minutes now vs 5 minutes before.\n"
        "UDS 2/1/2016 consistent. CURES reviewed, no other prescribers. Opioid agreement signed.\n"
        "Denies side effects. No aberrant behavior.\n", [request])
    quiet, full = (engine.evaluate(c).items[0].confidence for c in (silent, documented))
    assert quiet is not None and full is not None
    assert full.read > quiet.read
    assert full.assumed < quiet.assumed or full.label == "high"


def test_the_text_answer_states_the_confidence(engine: Engine) -> None:
    case = extract_text("DOS: 3/1/2016\nLow back pain. Continue Norco.\n", ["Norco 10/325 mg #90"])
    item = engine.evaluate(case).items[0]
    assert item.confidence is not None
    assert f"Confidence: {item.confidence.label} ({item.confidence.read} read, {item.confidence.assumed} assumed" in \
        render_case(engine.evaluate(case)).replace("\n      ", " ")
