"""Opioids right after an operation are judged as acute pain, not by the chronic-pain criteria.

The CPMTG opioid sections (p. 74-96) recommend short-acting opioids for acute and post-operative
pain for the short term; the phase otherwise counts from the injury. Within the post-operative weeks
(thresholds.yaml, phases.postoperative_days: 4 weeks, as the acute phase from an injury) an opioid
is in the acute phase, so the ongoing-management denials (no functional improvement, no monitoring)
do not decide it; beyond them, or for a drug that is not an opioid, the phase counts from the injury.
"""

from __future__ import annotations

import pytest
from scenarios import build_case, on_drug

from imr_engine.engine import Engine

DECIDED = "2015-06-01"  # injured 2012-03-01: chronic by the injury date
ONGOING = {"cpmtg.opioids.no-functional-improvement", "cpmtg.opioids.no-meaningful-pain-relief",
           "cpmtg.opioids.monitoring-not-documented"}


def _surgery(name: str, date: str) -> list[dict[str, object]]:
    return [{"name": name, "date": date, "evidence": [{"quote": f"s/p {name} {date}", "source": "summary"}]}]


def _item(engine: Engine, request: str, drug: str, surgery: list[dict[str, object]]):  # type: ignore[no-untyped-def]
    case = build_case([request], decided=DECIDED, medications=[on_drug(drug, since="2015-05")], surgeries=surgery)
    return engine.evaluate(case).items[0]


def _phase(item) -> tuple[str | None, str]:  # type: ignore[no-untyped-def]
    facts = [f for r in item.rules for f in r.facts if f.name == "phase"]
    return (facts[0].value, facts[0].derived_by or "") if facts else (None, "")


@pytest.mark.parametrize(("request_text", "drug", "surgery"), [
    ("Norco 10/325 mg #60", "Norco", _surgery("right knee arthroscopy", "2015-05-20")),
    ("Percocet 5/325 #40", "Percocet", _surgery("L4-5 laminectomy", "2015-05-25")),
    ("Oxycodone 5 mg q6h prn #30", "oxycodone", _surgery("left shoulder rotator cuff repair", "2015-05-08")),
    ("Tramadol 50 mg #60", "tramadol", _surgery("carpal tunnel release", "2015-05-31")),
])
def test_an_opioid_within_four_weeks_of_surgery_is_acute(engine: Engine, request_text: str, drug: str,
                                                          surgery: list[dict[str, object]]) -> None:
    item = _item(engine, request_text, drug, surgery)
    assert not ONGOING & {r.rule_id for r in item.rules}
    value, how = _phase(item)
    if value is not None:  # the trace names the surgery as what the phase counted from
        assert value == "acute"
        assert "post-operative" in how


@pytest.mark.parametrize(("request_text", "drug", "surgery"), [
    ("Norco 10/325 mg #60", "Norco", _surgery("right knee arthroscopy", "2015-03-01")),
    ("Percocet 5/325 #40", "Percocet", _surgery("L4-5 laminectomy", "2014-11-10")),
    ("Oxycodone 5 mg q6h prn #30", "oxycodone", []),
])
def test_beyond_the_post_operative_weeks_the_chronic_criteria_decide(engine: Engine, request_text: str, drug: str,
                                                                      surgery: list[dict[str, object]]) -> None:
    item = _item(engine, request_text, drug, surgery)
    assert ONGOING & {r.rule_id for r in item.rules}
    assert _phase(item)[0] != "acute"


@pytest.mark.parametrize("request_text", ["Naproxen 550 mg #60", "Cyclobenzaprine 7.5 mg #30"])
def test_a_drug_that_is_not_an_opioid_keeps_the_phase_of_the_injury(engine: Engine, request_text: str) -> None:
    item = _item(engine, request_text, request_text.split()[0], _surgery("right knee arthroscopy", "2015-05-20"))
    value, how = _phase(item)
    assert value in (None, "chronic")
    assert "post-operative" not in how


@pytest.mark.parametrize(("request_text", "surgery"), [
    ("Norco 5/325 1 q6h prn #30, no refill", _surgery("left knee arthroscopy", "2015-05-22")),
    ("Percocet 5/325 mg 1 tab q4-6h prn pain #40", _surgery("right shoulder decompression", "2015-05-15")),
    ("Hydrocodone/APAP 10/325 one every 6 hours as needed #28", _surgery("lumbar microdiscectomy", "2015-05-29")),
])
def test_a_short_post_operative_course_is_supported_without_a_non_opioid_trial(
        engine: Engine, request_text: str, surgery: list[dict[str, object]]) -> None:
    case = build_case([request_text], decided=DECIDED, surgeries=surgery)  # newly started, nothing else tried
    item = engine.evaluate(case).items[0]
    fired = {r.rule_id for r in item.rules}
    assert "cpmtg.opioids.initiation-without-non-opioid-trial" not in fired
    assert "cpmtg.opioids.postoperative-short-term" in fired
    assert item.predicted == "Overturned"


def test_a_supply_beyond_the_post_operative_weeks_is_not_the_short_course(engine: Engine) -> None:
    surgery = _surgery("left knee arthroscopy", "2015-05-22")
    case = build_case(["Norco 10/325 1 q4h #180"], decided=DECIDED, surgeries=surgery)  # 30 days
    assert "cpmtg.opioids.postoperative-short-term" not in {r.rule_id for r in engine.evaluate(case).items[0].rules}


def test_an_inconsistent_screen_still_counts_after_surgery(engine: Engine) -> None:
    surgery = _surgery("left knee arthroscopy", "2015-05-22")
    screen = {"urine_drug_screens": [{"date": "2015-05-01", "consistent": "no",
                                      "evidence": [{"quote": "UDS inconsistent", "source": "summary"}]}]}
    case = build_case(["Norco 5/325 1 q6h prn #30"], decided=DECIDED, surgeries=surgery, monitoring=screen)
    item = engine.evaluate(case).items[0]
    assert "cpmtg.opioids.postoperative-short-term" not in {r.rule_id for r in item.rules}
    assert item.predicted == "Upheld"
