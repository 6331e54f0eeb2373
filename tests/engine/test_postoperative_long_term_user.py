"""A long-term opioid user's recent operation does not turn the regimen into a post-operative course.

CPMTG (2009) p. 88-89, long-term assessment ("long-term users of opioids (6 months or more)": re-assess pain
and function, the 4 A's) and p. 78-80 (ongoing management; continue when function and pain improve or the
worker is back at work): these criteria are written for the worker on opioids for months, whatever
operation comes between. The short post-operative course (p. 74-96, acute pain) is for opioids started
for the operation.
"""

from __future__ import annotations

import pytest
from scenarios import build_case, on_drug

from imr_engine.engine import Engine

DECIDED = "2015-06-01"
SHORT_COURSE = "cpmtg.opioids.postoperative-short-term"
ONGOING = {"cpmtg.opioids.no-functional-improvement", "cpmtg.opioids.no-meaningful-pain-relief",
           "cpmtg.opioids.monitoring-not-documented"}


def _surgery(name: str, date: str) -> list[dict[str, object]]:
    return [{"name": name, "date": date, "evidence": [{"quote": f"s/p {name} {date}", "source": "summary"}]}]


@pytest.mark.parametrize(("request_text", "drug", "since", "surgery"), [
    ("Norco 10/325 mg 1 q6h prn #60", "Norco", "2013-02", _surgery("right knee arthroscopy", "2015-05-20")),
    ("Percocet 5/325 1 q6h #40", "Percocet", "2014-06", _surgery("L4-5 laminectomy", "2015-05-25")),
    ("Oxycodone 5 mg q6h prn #30", "oxycodone", "2012-11", _surgery("rotator cuff repair", "2015-05-08")),
    ("Tramadol 50 mg 1 q8h #60", "tramadol", "2014-12", _surgery("carpal tunnel release", "2015-05-31")),
])
def test_a_long_term_user_is_judged_by_the_long_term_criteria(
        engine: Engine, request_text: str, drug: str, since: str, surgery: list[dict[str, object]]) -> None:
    case = build_case([request_text], decided=DECIDED, medications=[on_drug(drug, since=since)], surgeries=surgery)
    item = engine.evaluate(case).items[0]
    fired = {r.rule_id for r in item.rules}
    assert SHORT_COURSE not in fired
    assert ONGOING & fired  # nothing documents function or monitoring: the long-term criteria decide
    assert item.predicted == "Upheld"


@pytest.mark.parametrize(("request_text", "drug", "since"), [
    ("Norco 5/325 1 q6h prn #30", "Norco", "2015-05"),  # started around the operation
    ("Percocet 5/325 1 q6h prn #28", "Percocet", "2015-05"),
])
def test_an_opioid_started_for_the_operation_is_still_the_short_course(
        engine: Engine, request_text: str, drug: str, since: str) -> None:
    case = build_case([request_text], decided=DECIDED, medications=[on_drug(drug, since=since, qualifier="on")],
                      surgeries=_surgery("left knee arthroscopy", "2015-05-22"))
    item = engine.evaluate(case).items[0]
    assert SHORT_COURSE in {r.rule_id for r in item.rules}
    assert item.predicted == "Overturned"


def test_a_long_term_user_after_surgery_with_function_and_relief_documented_continues(engine: Engine) -> None:
    """The long-term criteria, met, support continuing (p. 80: improved function and pain)."""
    case = build_case(
        ["Norco 10/325 1 q6h prn #60"], decided=DECIDED, medications=[on_drug("Norco", since="2013-02")],
        surgeries=_surgery("right knee arthroscopy", "2015-05-20"),
        function={"objective_improvement": {"value": "yes", "evidence": [{"quote": "walks 40 min, was 10",
                                                                             "source": "summary"}]}},
        pain_scores=[
            {"score": 4, "context": "with_medication", "date": "2015-05-28",
             "evidence": [{"quote": "4/10 with meds", "source": "summary"}]},
            {"score": 8, "context": "without_medication", "date": "2015-05-28",
             "evidence": [{"quote": "8/10 without", "source": "summary"}]},
        ],
    )
    item = engine.evaluate(case).items[0]
    assert SHORT_COURSE not in {r.rule_id for r in item.rules}
    assert "cpmtg.opioids.no-functional-improvement" not in {r.rule_id for r in item.rules}
