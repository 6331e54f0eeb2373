"""A checklist names a companion surgery's facts only when a surgery is requested with the item.

Care that serves a surgery stands or falls with it (MTUS general provisions), so the rules that
read "the surgery requested with it" apply to every kind of request. For a request with no
surgery beside it, that is nothing the treating physician could document.
"""

from __future__ import annotations

from imr_engine.engine import load_engine
from imr_engine.precheck import precheck

_NOTE = """Date of visit: 10/07/2013
SUBJECTIVE: 34 y/o M roofer, slipped on a ladder 5/29/13, constant low back pain 6/10, no leg symptoms.
Has not had chiropractic care. PT x 6 in July with modest gains, now doing a home exercise program.
OBJECTIVE: Paraspinal tenderness L3-S1, flexion 45/60, SLR negative, neuro intact.
DIAGNOSES: 1) Lumbar sprain/strain
"""
_COMPANION = {"companion_surgery", "companion_surgery_service", "companion_surgery_necessary",
              "companion_surgery_risk", "companion_stay_days"}


def _named_facts(requests: list[str]) -> list[set[str]]:
    result = precheck(load_engine(), _NOTE, requests)
    named = []
    for item in result.checklist:
        facts = {c.fact for c in item.criteria}
        facts |= {change.fact for s in item.to_change for change in s.changes}
        named.append(facts)
    return named


def test_no_companion_surgery_facts_without_a_surgery_requested() -> None:
    (chiropractic,) = _named_facts(["Chiropractic manipulation lumbar 3x/wk x 2 wks (6 visits)"])
    assert chiropractic and not chiropractic & _COMPANION


def test_a_surgery_requested_with_the_item_brings_them_back() -> None:
    facts = _named_facts(["L4-5 microdiscectomy", "Post-op physical therapy 2x/wk x 4 wks (8 visits)"])
    assert facts[1] & _COMPANION
